/**
 * Ways to read a large register, compared: time and peak memory of each, every run in a fresh
 * process (peak memory is per process), median of several runs, and a digest of the data each gave.
 * The reader of src/workbook/xlsx/fastXlsx.ts was chosen on these figures; its table comes from here.
 *
 * `npx tsx test/tools/compareReaders.ts [--rows 60000] [--runs 5] [--only scanner,saxes]`
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { parseArgs } from 'util';
import { Unzip, UnzipInflate, unzipSync, zipSync, type Zippable } from 'fflate';
import type { CellValue } from '../../src/ingest/values';

// ───────────────────────────── the register ─────────────────────────────

const HO = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Phan', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Đào', 'Lý'];
const DEM = ['Văn', 'Thị', 'Đức', 'Minh', 'Hữu', 'Thu', 'Thanh', 'Ngọc', 'Xuân', 'Quang'];
const TEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hải', 'Hương', 'Lan', 'Long', 'Mai', 'Nam', 'Nga', 'Sơn', 'Thảo', 'Tuấn', 'Yến'];
const DAN_TOC = ['Kinh', 'Kinh', 'Kinh', 'Kinh', 'Kinh', 'Kinh', 'Tày', 'Dao', 'Sán Dìu', 'Hoa'];
const TON_GIAO = ['Không', 'Không', 'Không', 'Phật giáo', 'Công giáo'];
const TINH_TRANG = ['Đang sinh hoạt', 'Đang sinh hoạt', 'Đang sinh hoạt', 'Đang sinh hoạt', 'Chuyển đi', 'Từ trần', 'Miễn sinh hoạt'];
const HEADER = ['STT', 'Họ và tên', 'Ngày sinh', null, 'Dân tộc', 'Tôn giáo', 'Chi bộ', 'Đảng bộ cơ sở', 'Ngày vào Đảng', 'Ngày chính thức', 'Tình trạng', 'Ngày biến động'];

/** Writes the register: a title, a two-row header ("Ngày sinh" over Nam | Nữ), then one party member a row. */
async function writeRegister(file: string, rows: number): Promise<void> {
  // Imported here, not above: the readers' processes must not load exceljs (generateSample does) before their time.
  const { default: ExcelJS } = await import('exceljs');
  const { mulberry32 } = await import('./generateSample');
  const rnd = mulberry32(20210630);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  // Mostly dd/mm/yyyy text, as officers type them; a fifth real dates.
  const date = (from: number, span: number) => {
    const [y, m, d] = [from + Math.floor(rnd() * span), 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)];
    return rnd() < 0.8 ? `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}` : new Date(Date.UTC(y, m - 1, d));
  };
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('DS dang vien');
  const border = { top: { style: 'thin' as const }, left: { style: 'thin' as const }, bottom: { style: 'thin' as const }, right: { style: 'thin' as const } };
  ws.addRow(['DANH SÁCH ĐẢNG VIÊN']);
  ws.addRow([]);
  ws.addRow(HEADER);
  ws.addRow(HEADER.map((_, i) => (i === 2 ? 'Nam' : i === 3 ? 'Nữ' : null)));
  ws.mergeCells('A1:L1');
  HEADER.forEach((_, i) => {
    const col = String.fromCharCode(65 + i);
    if (i === 2) ws.mergeCells('C3:D3');
    else if (i !== 3) ws.mergeCells(`${col}3:${col}4`);
  });
  for (let i = 0; i < rows; i++) {
    const female = rnd() < 0.4;
    const birth = date(1940, 60);
    const status = pick(TINH_TRANG);
    const row = ws.addRow([
      i + 1, `${pick(HO)} ${female ? 'Thị' : pick(DEM)} ${pick(TEN)}`, female ? null : birth, female ? birth : null, pick(DAN_TOC), pick(TON_GIAO),
      `Chi bộ ${1 + Math.floor(rnd() * 300)}`, `Đảng bộ ${1 + Math.floor(rnd() * 40)}`, date(1970, 50), date(1971, 50), status, status === 'Đang sinh hoạt' ? null : date(2019, 3),
    ]);
    row.eachCell((cell) => {
      cell.border = border;
      if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    });
    row.commit();
  }
  await wb.commit();
  inExcelsOrder(file);
}

/**
 * exceljs writes xl/workbook.xml last, and its own streaming reader then fails (readXlsx used to fall
 * back to the in-memory one): the parts are put in the order Excel writes them.
 */
function inExcelsOrder(file: string): void {
  const parts = unzipSync(fs.readFileSync(file));
  const order = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet1.xml', 'xl/theme/theme1.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const sorted: Zippable = {};
  for (const name of Object.keys(parts).sort((a, b) => rank(a) - rank(b))) sorted[name] = parts[name];
  fs.writeFileSync(file, zipSync(sorted));
}

// ───────────────────────────── the readers ─────────────────────────────

type Rows = CellValue[][];
/** Loads what a reader needs (timed on its own: exceljs alone takes half a second), then gives the reader. */
type Reader = () => Promise<(file: string) => Promise<Rows>>;

/** exceljs' streaming reader, as readXlsx used it above 4 MB. */
const exceljsStream: Reader = async () => {
  const { default: ExcelJS } = await import('exceljs');
  const { plainValue } = await import('../../src/workbook/xlsx/readXlsx');
  return async (file) => {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
    const rows: Rows = [];
    for await (const ws of reader) {
      for await (const row of ws as unknown as AsyncIterable<import('exceljs').Row>) {
        const out: CellValue[] = [];
        row.eachCell((cell, col) => void (out[col - 1] = plainValue(cell.value)));
        rows[row.number - 1] = out;
      }
    }
    return rows;
  };
};

const exceljsMemory: Reader = async () => {
  const { readXlsx } = await import('../../src/workbook/xlsx/readXlsx');
  await import('exceljs');
  return async (file) => (await readXlsx(file, { engine: 'exceljs' }))[0].rows;
};

const scanner: Reader = async () => {
  const { readXlsx } = await import('../../src/workbook/xlsx/readXlsx');
  return async (file) => (await readXlsx(file))[0].rows;
};

/** The register's parts, unzipped whole (its layout is known: one sheet, shared strings, styles). */
function registerParts(file: string, names: string[]): string[] {
  const parts = unzipSync(fs.readFileSync(file), { filter: (f) => names.includes(f.name) });
  return names.map((n) => new TextDecoder().decode(parts[n]));
}

/** fflate, then saxes (exceljs' own XML parser) for the shared strings and the sheet; the small styles part read by fastXlsx. */
const saxes: Reader = async () => {
  const { SaxesParser } = await import('saxes');
  const { readDateStyles, serialToDate } = await import('../../src/workbook/xlsx/fastXlsx');
  return async (file) => {
    const [sstXml, stylesXml, sheetXml] = registerParts(file, ['xl/sharedStrings.xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml']);
    const dateStyles = readDateStyles(stylesXml);
    const strings: string[] = [];
    let text: string | undefined;
    let inText = false;
    const sst = new SaxesParser();
    sst.on('opentag', (node) => {
      if (node.name === 'si') text = '';
      else if (node.name === 't') inText = true;
    });
    sst.on('text', (t) => void (inText && (text += t)));
    sst.on('closetag', (node) => {
      if (node.name === 't') inText = false;
      else if (node.name === 'si') strings.push(text ?? '');
    });
    sst.write(sstXml).close();

    const rows: Rows = [];
    let [row, col, style, type] = [-1, -1, 0, ''];
    const sheet = new SaxesParser();
    sheet.on('opentag', (node) => {
      const a = node.attributes as Record<string, string>;
      if (node.name === 'row') row = Number(a.r) - 1;
      else if (node.name === 'c') {
        col = a.r ? columnOf(a.r) : col + 1;
        [style, type, text] = [Number(a.s ?? 0), a.t ?? '', undefined];
      } else if (node.name === 'v') inText = true;
    });
    sheet.on('text', (t) => void (inText && (text = (text ?? '') + t)));
    sheet.on('closetag', (node) => {
      if (node.name === 'v') inText = false;
      else if (node.name === 'c' && text !== undefined) {
        const n = Number(text);
        (rows[row] ??= [])[col] = type === 's' ? strings[n] : type === 'str' ? text : dateStyles[style] ? serialToDate(n, false) : n;
      }
    });
    sheet.write(sheetXml).close();
    return rows;
  };
};

function columnOf(address: string): number {
  let n = 0;
  for (let i = 0; i < address.length && address.charCodeAt(i) >= 65; i++) n = n * 26 + address.charCodeAt(i) - 64;
  return n - 1;
}

/** fflate's streaming unzip: the sheet decoded and scanned a slice of whole rows at a time, never held whole. */
const scannerStream: Reader = async () => {
  const { readDateStyles, readSharedStrings, readSheet } = await import('../../src/workbook/xlsx/fastXlsx');
  return async (file) => {
    const [sstXml, stylesXml] = registerParts(file, ['xl/sharedStrings.xml', 'xl/styles.xml']);
    const book = { strings: readSharedStrings(sstXml), dateStyles: readDateStyles(stylesXml), date1904: false };
    const rows: Rows = [];
    const decoder = new TextDecoder();
    let carry = '';
    const unzip = new Unzip();
    unzip.register(UnzipInflate);
    unzip.onfile = (f) => {
      if (f.name !== 'xl/worksheets/sheet1.xml') return;
      f.ondata = (err, chunk, final) => {
        if (err) throw err;
        const text = carry + decoder.decode(chunk, { stream: !final });
        const cut = final ? text.length : text.lastIndexOf('</row>') + 6;
        readSheet(text.slice(0, cut), book, rows);
        carry = text.slice(cut);
      };
      f.start();
    };
    const data = fs.readFileSync(file);
    const step = 1 << 16;
    for (let i = 0; i < data.length; i += step) unzip.push(data.subarray(i, i + step), i + step >= data.length);
    return rows;
  };
};

const READERS: Record<string, { label: string; load: Reader }> = {
  'exceljs-stream': { label: 'exceljs streaming reader (readXlsx before, above 4 MB)', load: exceljsStream },
  'exceljs-memory': { label: 'exceljs in-memory reader (engine "exceljs")', load: exceljsMemory },
  saxes: { label: 'fflate unzipSync + saxes', load: saxes },
  scanner: { label: 'fflate unzipSync + scanner (fastXlsx, engine "fast")', load: scanner },
  'scanner-stream': { label: 'fflate streaming Unzip + scanner, a slice of rows at a time', load: scannerStream },
};

/** A digest of the data rows (below the header, so that readers without merged areas compare too). */
function digest(rows: Rows): string {
  let [cells, text, sum] = [0, 0, 0];
  rows.slice(4).forEach((row) =>
    row.forEach((v) => {
      if (v == null) return;
      cells++;
      if (typeof v === 'string') text += v.length;
      else sum += v instanceof Date ? v.getTime() / 86_400_000 : Number(v);
    }),
  );
  return `${rows.length} rows, ${cells} cells, ${text} chars, Σ ${sum.toFixed(3)}`;
}

// ───────────────────────────── runs ─────────────────────────────

interface Run {
  loadMs: number;
  readMs: number;
  cpuMs: number;
  peakMB: number;
  digest: string;
}

async function child(reader: string, file: string): Promise<void> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const read = await READERS[reader].load();
  const loaded = performance.now();
  const rows = await read(file);
  const readMs = performance.now() - loaded;
  const used = process.cpuUsage(cpu);
  const run: Run = { loadMs: loaded - start, readMs, cpuMs: (used.user + used.system) / 1000, peakMB: process.resourceUsage().maxRSS / 1024, digest: digest(rows) };
  process.stdout.write(JSON.stringify(run));
}

function runChild(reader: string, file: string): Run {
  const result = spawnSync(process.execPath, [...process.execArgv, __filename, '--child', reader, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`${reader}: ${result.stderr}`);
  return JSON.parse(result.stdout) as Run;
}

/** Node with nothing read: what every child pays before reading (tsx included). */
function baselineMB(): number {
  const result = spawnSync(process.execPath, [...process.execArgv, '-e', 'process.stdout.write(String(process.resourceUsage().maxRSS / 1024))'], { encoding: 'utf8' });
  return Number(result.stdout);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '60000' }, runs: { type: 'string', default: '5' }, only: { type: 'string' }, child: { type: 'string' } }, allowPositionals: true });
  if (values.child) return child(values.child, process.argv[process.argv.length - 1]);
  const rows = Number(values.rows);
  const file = path.join(os.tmpdir(), 'tochuc-compare', `register-${rows}.xlsx`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await writeRegister(file, rows);
  }
  const readers = values.only ? values.only.split(',') : Object.keys(READERS);
  console.log(`${file}: ${(fs.statSync(file).size / 1e6).toFixed(1)} MB, ${rows} rows × ${HEADER.length} columns; node alone ${baselineMB().toFixed(0)} MB`);
  const runs = new Map<string, Run[]>(readers.map((r) => [r, []]));
  // Interleaved, so that a busy spell of the machine does not fall on one reader only.
  for (let i = 0; i < Number(values.runs); i++) for (const r of readers) runs.get(r)!.push(runChild(r, file));
  const reference = runs.get('exceljs-memory')?.[0].digest;
  console.log('| reader | load ms | read ms | CPU ms (load + read) | peak RSS MB | data (digest) |');
  console.log('|---|---|---|---|---|---|');
  for (const [r, list] of runs) {
    const m = (key: keyof Omit<Run, 'digest'>) => median(list.map((x) => x[key])).toFixed(0);
    const data = list[0].digest === reference ? 'as exceljs in memory' : list[0].digest;
    console.log(`| ${READERS[r].label} | ${m('loadMs')} | ${m('readMs')} | ${m('cpuMs')} | ${m('peakMB')} | ${data} |`);
  }
  if (reference) console.log(`(exceljs in memory: ${reference})`);
  console.log(`(load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores; medians of ${values.runs} runs; TypeScript modules load through tsx)`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
