/**
 * tochuc against the by-hand alternative (`speedupVsLibreOffice`, docs/performance.md): the partyQuarterly
 * movement figures of 2021-Q2 (and of the same quarter a year earlier) computed by COUNTIFS over
 * the same 60,000-member register, as an officer would, in a workbook LibreOffice headless opens,
 * recalculates and exports to CSV. The bench writes that workbook itself, checks that both sides
 * give the same figures, then times both as whole processes, alternately.
 *
 * `npx tsx test/tools/benchLibreOffice.ts [runs] [--simple-runs N] [--keep] [--real-dates]` prints the
 * result as JSON (--keep leaves the by-hand workbooks and the LibreOffice profile in their temporary
 * folder and prints where; --real-dates: the variant whose date columns were converted once, see
 * writeByHand; --simple-runs: runs with the simple workbook, 5 by default).
 *
 * The by-hand workbook: a first sheet "Số liệu" with the period's dates in cells and one labelled row
 * per figure (columns "Kỳ này" and "Cùng kỳ năm trước", as Biểu 1-BTCTW), each a COUNTIFS (one
 * SUMPRODUCT) over the sheet "DS", which holds the register's 60,000 rows cell for cell. The
 * register keeps most dates as dd/mm/yyyy or d/m/yyyy text (~20 % are real dates), on which COUNTIFS
 * cannot compare: as an officer would, "DS" has three helper columns turning the admission, official
 * and movement dates into real dates (`=IF(I2="","",IF(ISNUMBER(I2),I2,DATE(RIGHT(I2,4),…)))`, not
 * DATEVALUE, whose reading of 04/05/2021 depends on the machine's locale). No cached results are
 * written: LibreOffice (with a profile that recalculates on load) computes every formula.
 *
 * The simple workbook (`speedupVsLibreOfficeSimple`): the least an officer would make, the
 * register as it is plus 6 COUNTIFS cells over its raw columns, no helper column, so LibreOffice's
 * time is little more than opening 60,000 rows. Without real dates (most are text) no figure of the
 * period's movements can be counted; the 6 are those of the period's end that status and text
 * columns give alone, because the register is as of that day (30/06/2021, every admission and
 * movement on or before it): members at the end (no status, or an arrival), probationary and
 * official among them (official date empty or not), women (a birth date in "Nữ"), ethnic minority
 * and religious. See writeSimple.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import ExcelJS from 'exceljs';
import { ensureRegister } from './bench';

const ROOT = path.join(__dirname, '..', '..');
const FIGURES_SHEET = 'Số liệu';
const DATA_SHEET = 'DS';
/** The period of the bench and the same quarter a year earlier (`samePeriodLastYear`). */
const PERIOD = '2021-Q2';
const THIS: Dates = { from: [2021, 4, 1], to: [2021, 6, 30] };
const LAST_YEAR: Dates = { from: [2020, 4, 1], to: [2020, 6, 30] };
interface Dates {
  from: [number, number, number];
  to: [number, number, number];
}

/** The register's table header (its row 5) and its data as the by-hand sheet keeps it, one header row. */
const REGISTER_HEADER = ['STT', 'Họ và tên', 'Ngày sinh', null, 'Dân tộc', 'Tôn giáo', 'Chi bộ', 'Đảng bộ cơ sở', 'Ngày vào Đảng', 'Ngày chính thức', 'Tình trạng', 'Ngày biến động'];
const DS_HEADER = ['STT', 'Họ và tên', 'Ngày sinh (Nam)', 'Ngày sinh (Nữ)', 'Dân tộc', 'Tôn giáo', 'Chi bộ', 'Đảng bộ cơ sở', 'Ngày vào Đảng', 'Ngày chính thức', 'Tình trạng', 'Ngày biến động',
  'Ngày vào Đảng (ngày)', 'Ngày chính thức (ngày)', 'Ngày biến động (ngày)'];
/** Register columns that hold dates (1-based): text or real dates, copied as they are. */
const DATE_COLUMNS = [3, 4, 9, 10, 12];
/** The helper columns M, N, O: real dates from I (admission), J (official) and L (movement). */
const HELPERS: Array<[string, string]> = [['M', 'I'], ['N', 'J'], ['O', 'L']];

/** The status words of the register (column "Tình trạng"; empty = active), as the officer types them. */
const ARRIVALS = ['Chuyển đến', 'Phục hồi đảng tịch'];
const MOVEMENT_TEXT: Array<[string, string]> = [
  ['transferredIn', 'Chuyển đến'], ['restored', 'Phục hồi đảng tịch'], ['transferredOut', 'Chuyển đi'], ['deceased', 'Từ trần'],
  ['removed', 'Xóa tên'], ['expelled', 'Khai trừ'], ['resigned', 'Xin ra khỏi Đảng'],
];

type Copied = string | number | null;

/**
 * The register's data rows, cell for cell (dates as the text or the serial number stored), read with
 * exceljs' in-memory reader. Not its streaming reader: the register's sheet comes before its shared
 * strings in the zip, so that reader parks the sheet in a temporary file, and a race in it (exceljs
 * issue 3064 and kin) once lost that file in CI (ENOENT, an unhandled stream error).
 */
async function readRegister(file: string): Promise<Copied[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  // The members sheet is the first; "Chi tieu" (targets) is not what COUNTIFS reads.
  const ws = wb.worksheets[0];
  const rows: Copied[][] = [];
  let header = false;
  ws.eachRow((row) => {
    const values = row.values as unknown[];
    const cells: Copied[] = [];
    for (let c = 1; c <= REGISTER_HEADER.length; c++) {
      const v = values[c];
      if (v === undefined || v === null || v === '') cells.push(null);
      else if (typeof v === 'string' || typeof v === 'number') cells.push(v);
      else if (v instanceof Date) cells.push(v.getTime() / 86_400_000 + 25_569);
      else throw new Error(`benchLibreOffice: unexpected cell ${JSON.stringify(v)} at row ${row.number}, column ${c} of the register`);
    }
    if (!header) header = REGISTER_HEADER.every((h, i) => h === null || cells[i] === h);
    else if (typeof cells[0] === 'number') rows.push(cells);
  });
  if (!header || rows.length === 0) throw new Error(`benchLibreOffice: ${file} has not the register's header (${REGISTER_HEADER.filter(Boolean).join(', ')}) or no rows`);
  return rows;
}

interface Figure {
  key: string;
  label: string;
  /** The formula for the column `c` ("B" this period, "C" last year). */
  formula: (c: string) => string;
  /** Also in column C (the same quarter a year earlier: tochuc's `members.samePeriodLastYear` has the movements only). */
  lastYear: boolean;
}

/** The figure rows of "Số liệu": first data row 6, so that derived figures can name their cells. */
function figureRows(n: number): Figure[] {
  const last = n + 1;
  const col = (c: string) => `${DATA_SHEET}!$${c}$2:$${c}$${last}`;
  const status = col('K');
  const join = col('M');
  const official = col('N');
  const moved = col('O');
  const q = (s: string) => `"${s}"`;
  const ifs = (...pairs: string[]) => `COUNTIFS(${pairs.join(',')})`;
  const notArrival = ARRIVALS.flatMap((a) => [status, q(`<>${a}`)]);
  /**
   * Members active on the day in cell `day` (docs/reports.md, "partyQuarterly": arrived by then
   * and not left), with extra criteria: no status (admitted here) and admitted by then; arrived
   * (transfer in, restoration) by then; or a leaving status, admitted by then and left after.
   *
   * Every COUNTIFS starts with a date criterion: LibreOffice 7.4 undercounts a COUNTIFS whose FIRST
   * pair matches empty cells ("" or "=") when more pairs follow (here 55,900 members with no status
   * admitted by 30/06/2021 instead of 55,952; SUMPRODUCT, and the same pairs in another order, say 55,952).
   */
  const active = (day: string, ...extra: string[]) => [
    ifs(join, `"<="&${day}`, status, q(''), ...extra),
    ...ARRIVALS.map((a) => ifs(moved, `"<="&${day}`, status, q(a), ...extra)),
    ifs(join, `"<="&${day}`, moved, `">"&${day}`, status, q('<>'), ...notArrival, ...extra),
  ].join('+');
  const inPeriod = (range: string, c: string) => [range, `">="&${c}$2`, range, `"<="&${c}$3`];
  const rows: Figure[] = [
    { key: 'start', label: 'Đảng viên đầu kỳ', lastYear: true, formula: (c) => active(`${c}$4`) },
    { key: 'admitted', label: 'Tăng: kết nạp', lastYear: true, formula: (c) => ifs(...inPeriod(join, c), ...notArrival) },
    ...MOVEMENT_TEXT.map(([key, text]): Figure => ({
      key, label: `${ARRIVALS.includes(text) ? 'Tăng' : 'Giảm'}: ${text.toLowerCase()}`, lastYear: true,
      formula: (c) => ifs(...inPeriod(moved, c), status, q(text)),
    })),
    {
      key: 'removedProbationary', label: 'Trong đó xóa tên đảng viên dự bị', lastYear: true,
      // Probationary on the day struck off: admitted by then and not yet official (a column compared with another: SUMPRODUCT).
      formula: (c) => `SUMPRODUCT((${status}="Xóa tên")*ISNUMBER(${moved})*(${moved}>=${c}$2)*(${moved}<=${c}$3)*ISNUMBER(${join})*(${join}<=${moved})*(1-ISNUMBER(${official})*(${official}<=${moved})))`,
    },
  ];
  const at = (key: string) => 6 + rows.findIndex((r) => r.key === key);
  const sum = (c: string, keys: string[]) => keys.map((k) => `${c}${at(k)}`).join('+');
  rows.push(
    { key: 'increase', label: 'Cộng tăng', lastYear: true, formula: (c) => sum(c, ['admitted', 'transferredIn', 'restored']) },
    { key: 'decrease', label: 'Cộng giảm', lastYear: true, formula: (c) => sum(c, ['transferredOut', 'deceased', 'removed', 'expelled', 'resigned']) },
    { key: 'end', label: 'Đảng viên cuối kỳ', lastYear: true, formula: (c) => active(`${c}$3`) },
  );
  rows.push({ key: 'balance', label: 'Kiểm tra: đầu kỳ + tăng − giảm', lastYear: true, formula: (c) => `${c}${at('start')}+${c}${at('increase')}-${c}${at('decrease')}` });
  // At the end of the period (tochuc gives these for the period only).
  const probationaryOn = (c: string) => [join, `"<="&${c}$3`];
  rows.push(
    {
      key: 'probationary', label: 'Cuối kỳ: đảng viên dự bị', lastYear: false,
      formula: (c) => `${active(`${c}$3`, ...probationaryOn(c), official, q(''))}+${active(`${c}$3`, ...probationaryOn(c), official, `">"&${c}$3`)}`,
    },
    { key: 'official', label: 'Cuối kỳ: đảng viên chính thức', lastYear: false, formula: (c) => `${c}${at('end')}-${c}${at('probationary')}` },
    { key: 'female', label: 'Cuối kỳ: đảng viên nữ', lastYear: false, formula: (c) => active(`${c}$3`, col('D'), q('<>')) },
    { key: 'ethnicMinority', label: 'Cuối kỳ: dân tộc thiểu số', lastYear: false, formula: (c) => active(`${c}$3`, col('E'), q('<>'), col('E'), q('<>Kinh')) },
    { key: 'religious', label: 'Cuối kỳ: có tôn giáo', lastYear: false, formula: (c) => active(`${c}$3`, col('F'), q('<>'), col('F'), q('<>Không')) },
  );
  return rows;
}

const dateFormula = ([y, m, d]: [number, number, number]) => `DATE(${y},${m},${d})`;

/** A register date as Excel's serial day: the serial as stored, or the text d/m/yyyy read as an officer's Text to Columns (DMY) would. */
function serial(v: Copied): number | null {
  if (v === null || typeof v === 'number') return v;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v.trim());
  if (!m) throw new Error(`benchLibreOffice: "${v}" is not a d/m/yyyy date`);
  return Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])) / 86_400_000 + 25_569;
}

/**
 * Writes the by-hand workbook; returns how many figure formulas scan the register, and the helper
 * formulas. `realDates`: the helper columns hold the dates converted once (as Text to Columns and
 * paste-as-values would leave them) instead of formulas, so LibreOffice recalculates only the figures.
 */
async function writeByHand(file: string, register: Copied[][], realDates = false): Promise<{ countifsFormulas: number; helperFormulas: number }> {
  const n = register.length;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const bold = { bold: true };
  const dateFmt = 'dd/mm/yyyy';

  const sheet = wb.addWorksheet(FIGURES_SHEET);
  sheet.columns = [{ width: 40 }, { width: 14 }, { width: 20 }, { width: 20 }];
  sheet.addRow(['Chỉ tiêu', 'Kỳ này', 'Cùng kỳ năm trước', 'Khóa']).font = bold;
  const dateRow = (label: string, key: string, b: string, c: string) => {
    const row = sheet.addRow([label, { formula: b }, { formula: c }, key]);
    row.getCell(2).numFmt = dateFmt;
    row.getCell(3).numFmt = dateFmt;
    row.commit();
  };
  dateRow('Từ ngày', 'from', dateFormula(THIS.from), dateFormula(LAST_YEAR.from));
  dateRow('Đến ngày', 'to', dateFormula(THIS.to), dateFormula(LAST_YEAR.to));
  dateRow('Ngày trước kỳ (đầu kỳ)', 'dayBefore', 'B2-1', 'C2-1');
  sheet.addRow(['Số đảng viên', null, null, null]).commit();
  let countifsFormulas = 0;
  for (const f of figureRows(n)) {
    const b = f.formula('B');
    const c = f.lastYear ? f.formula('C') : undefined;
    countifsFormulas += [b, c].filter((x) => x !== undefined && /COUNTIFS|SUMPRODUCT/.test(x)).length;
    sheet.addRow([f.label, { formula: b }, c === undefined ? null : { formula: c }, f.key]).commit();
  }
  sheet.commit();

  const ds = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ds.columns = [7, 24, 11, 11, 9, 11, 40, 34, 12, 12, 16, 12, 12, 12, 12].map((width) => ({ width }));
  const header = ds.addRow(DS_HEADER);
  header.font = bold;
  header.commit();
  register.forEach((cells, i) => {
    const r = i + 2;
    const helper = (from: string) => `IF(${from}${r}="","",IF(ISNUMBER(${from}${r}),${from}${r},DATE(RIGHT(${from}${r},4),MID(${from}${r},FIND("/",${from}${r})+1,LEN(${from}${r})-5-FIND("/",${from}${r})),LEFT(${from}${r},FIND("/",${from}${r})-1))))`;
    const helpers = HELPERS.map(([, from]) => (realDates ? serial(cells[from.charCodeAt(0) - 65]) : { formula: helper(from) }));
    const row = ds.addRow([...cells, ...helpers]);
    for (const c of DATE_COLUMNS) if (typeof cells[c - 1] === 'number') row.getCell(c).numFmt = dateFmt;
    for (let c = 13; c <= 15; c++) row.getCell(c).numFmt = dateFmt;
    row.commit();
  });
  ds.commit();
  await wb.commit();
  return { countifsFormulas, helperFormulas: realDates ? 0 : n * HELPERS.length };
}

/**
 * The register and 6 figure cells over its raw columns, no helper column (see the top of this file):
 * a first sheet "Số liệu" (one row per figure: label, value, key), then "DS" as in writeByHand
 * without its columns M–O. Each COUNTIFS starts with a pair that matches text (the name column not
 * empty), never an empty-matching pair: see the LibreOffice 7.4 fault in figureRows.
 */
async function writeSimple(file: string, register: Copied[][]): Promise<{ countifsFormulas: number }> {
  const n = register.length;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const bold = { bold: true };
  const dateFmt = 'dd/mm/yyyy';
  const col = (c: string) => `${DATA_SHEET}!$${c}$2:$${c}$${n + 1}`;
  const q = (s: string) => `"${s}"`;
  const named = [col('B'), q('<>')];
  /** Members at the end of the period with the extra criteria: no status, or an arrival (transfer in, restoration). */
  const active = (...extra: string[]) => ['', ...ARRIVALS].map((s) => `COUNTIFS(${[...named, col('K'), q(s), ...extra].join(',')})`).join('+');
  const figures: Array<[string, string, string]> = [
    ['end', 'Đảng viên cuối kỳ', active()],
    ['probationary', 'Trong đó dự bị', active(col('J'), q(''))],
    ['official', 'Trong đó chính thức', active(col('J'), q('<>'))],
    ['female', 'Đảng viên nữ', active(col('D'), q('<>'))],
    ['ethnicMinority', 'Dân tộc thiểu số', active(col('E'), q('<>'), col('E'), q('<>Kinh'))],
    ['religious', 'Có tôn giáo', active(col('F'), q('<>'), col('F'), q('<>Không'))],
  ];
  const sheet = wb.addWorksheet(FIGURES_SHEET);
  sheet.columns = [{ width: 30 }, { width: 14 }, { width: 10 }];
  sheet.addRow(['Chỉ tiêu (đến 30/06/2021)', 'Số lượng', 'Khóa']).font = bold;
  for (const [key, label, formula] of figures) sheet.addRow([label, { formula }, key]).commit();
  sheet.commit();
  const ds = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ds.columns = [7, 24, 11, 11, 9, 11, 40, 34, 12, 12, 16, 12].map((width) => ({ width }));
  const header = ds.addRow(DS_HEADER.slice(0, 12));
  header.font = bold;
  header.commit();
  for (const cells of register) {
    const row = ds.addRow(cells);
    for (const c of DATE_COLUMNS) if (typeof cells[c - 1] === 'number') row.getCell(c).numFmt = dateFmt;
    row.commit();
  }
  ds.commit();
  await wb.commit();
  return { countifsFormulas: figures.length };
}

/** A LibreOffice profile that recalculates every formula on load (OOXMLRecalcMode 0), as test/helpers/libreoffice.ts makes it. */
function makeProfile(dir: string): string {
  const user = path.join(dir, 'user');
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(path.join(user, 'registrymodifications.xcu'), `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`);
  return 'file://' + dir;
}

interface Run {
  seconds: number;
  figures: Record<string, number>;
}

/**
 * One whole LibreOffice process: open, recalculate, export the first sheet ("Số liệu") as UTF-8 CSV;
 * the figures read from it. `simple`: the layout of writeSimple (label, value, key from row 2) rather than writeByHand's.
 */
function runLibreOffice(file: string, profile: string, outDir: string, simple = false): Run {
  const csv = path.join(outDir, path.basename(file).replace(/\.xlsx$/, '.csv'));
  fs.rmSync(csv, { force: true });
  const t0 = performance.now();
  const child = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', outDir, file], {
    encoding: 'utf8', timeout: 600_000,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (child.error) throw child.error;
  if (child.status !== 0 || !fs.existsSync(csv)) throw new Error(`benchLibreOffice: soffice exited ${child.status} without ${csv}: ${(child.stderr + child.stdout).trim()}`);
  const figures: Record<string, number> = {};
  for (const line of fs.readFileSync(csv, 'utf8').trimEnd().split('\n').slice(simple ? 1 : 4)) {
    const cells = line.replace(/\r$/, '').split(',').map((c) => c.replace(/^"|"$/g, ''));
    const key = cells[cells.length - 1];
    if (!key) continue;
    if (simple) {
      figures[`members.${key}`] = Number(cells[cells.length - 2]);
      continue;
    }
    figures[`members.${key}`] = Number(cells[cells.length - 3]);
    if (cells[cells.length - 2] !== '') figures[`members.samePeriodLastYear.${key}`] = Number(cells[cells.length - 2]);
  }
  return { seconds, figures };
}

/** One whole `tochuc report partyQuarterly --json` process (exit 1, data issues, is a run like any other); its `members.*`. */
function runTochuc(register: string): Run {
  const args = ['report', 'partyQuarterly', '--input', path.relative(ROOT, register), '--period', PERIOD, '--json'];
  const t0 = performance.now();
  const child = spawnSync(process.execPath, [path.join(ROOT, 'src', 'cli', 'tochuc.js'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  if (child.error) throw child.error;
  if (child.status !== 0 && child.status !== 1) throw new Error(`benchLibreOffice: tochuc ${args.join(' ')} exited ${child.status}: ${child.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  const members = (JSON.parse(child.stdout) as { members: Record<string, unknown> }).members;
  const figures: Record<string, number> = {};
  const flatten = (o: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'number') figures[`${prefix}${k}`] = v;
      else if (v && typeof v === 'object') flatten(v as Record<string, unknown>, `${prefix}${k}.`);
    }
  };
  flatten(members, 'members.');
  return { seconds, figures };
}

/** Throws, naming each figure, unless tochuc gives every figure the workbook computes, and the same. */
function checkAgree(byHand: Record<string, number>, tochuc: Record<string, number>, when: string): void {
  const keys = Object.keys(byHand);
  if (keys.length === 0) throw new Error(`benchLibreOffice (${when}): LibreOffice's CSV has no figures`);
  const differ = keys.filter((k) => !(Number.isFinite(byHand[k]) && byHand[k] === tochuc[k]));
  if (differ.length) throw new Error(`benchLibreOffice (${when}): tochuc and the COUNTIFS workbook disagree on ${differ.map((k) => `${k}: tochuc ${tochuc[k]}, LibreOffice ${byHand[k]}`).join('; ')}`);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface LibreOfficeBench {
  /** The median of each round's LibreOffice time over that round's tochuc time (see benchLibreOffice). */
  speedupVsLibreOffice: number;
  libreOfficeSeconds: number;
  tochucSeconds: number;
  /** The figures both sides agree on, keyed as tochuc's JSON (`members.start`, `members.samePeriodLastYear.start`, …). */
  figures: Record<string, number>;
  agree: true;
  /** Figure cells of "Số liệu" that scan the register (COUNTIFS, one SUMPRODUCT per column). */
  countifsFormulas: number;
  /** Formula cells of the helper date columns of "DS" (three per member), recalculated too. */
  helperFormulas: number;
  workbookBytes: number;
  runs: number;
  libreOfficeRuns: number[];
  tochucRuns: number[];
  /** The simple workbook (writeSimple): the median of each round's LibreOffice time over that round's tochuc time, over `simple.runs` rounds. */
  simple: {
    speedupVsLibreOfficeSimple: number;
    libreOfficeSeconds: number;
    tochucSeconds: number;
    figures: Record<string, number>;
    countifsFormulas: number;
    workbookBytes: number;
    runs: number;
    libreOfficeRuns: number[];
    tochucRuns: number[];
  };
  workDir?: string;
}

/**
 * The by-hand workbook and the simple one written from the register, one untimed run of each side
 * (the first run of LibreOffice creates its profile, the first of tochuc its bundle), then rounds of
 * tochuc, LibreOffice on the by-hand workbook, LibreOffice on the simple one: `runs` rounds with the
 * by-hand workbook, `simpleRuns` (at least `runs`) with the simple one, whose shorter times need more
 * runs for a steady median. Every run's figures are checked against the other side's.
 */
export async function benchLibreOffice(runs = 5, { keep = false, realDates = false, simpleRuns = 5 }: { keep?: boolean; realDates?: boolean; simpleRuns?: number } = {}): Promise<LibreOfficeBench> {
  const register = await ensureRegister();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tochuc-bench-lo-'));
  try {
    const rows = await readRegister(register.file);
    const workbook = path.join(dir, 'so-lieu-countifs.xlsx');
    const { countifsFormulas, helperFormulas } = await writeByHand(workbook, rows, realDates);
    const simpleBook = path.join(dir, 'so-lieu-don-gian.xlsx');
    const simple = await writeSimple(simpleBook, rows);
    const profile = makeProfile(path.join(dir, 'profile'));
    const out = path.join(dir, 'csv');
    fs.mkdirSync(out);

    const tochucWarm = runTochuc(register.file);
    const loWarm = runLibreOffice(workbook, profile, out);
    checkAgree(loWarm.figures, tochucWarm.figures, 'warm-up');
    const simpleWarm = runLibreOffice(simpleBook, profile, out, true);
    checkAgree(simpleWarm.figures, tochucWarm.figures, 'simple workbook, warm-up');
    const tochucTimes: number[] = [];
    const loTimes: number[] = [];
    const simpleTimes: number[] = [];
    const rounds = Math.max(runs, simpleRuns);
    for (let i = 0; i < rounds; i++) {
      const t = runTochuc(register.file);
      tochucTimes.push(t.seconds);
      if (i < runs) {
        const lo = runLibreOffice(workbook, profile, out);
        checkAgree(lo.figures, t.figures, `run ${i + 1}`);
        loTimes.push(lo.seconds);
      }
      if (i < simpleRuns) {
        const lo = runLibreOffice(simpleBook, profile, out, true);
        checkAgree(lo.figures, t.figures, `simple workbook, run ${i + 1}`);
        simpleTimes.push(lo.seconds);
      }
    }
    const libreOfficeSeconds = median(loTimes);
    // tochuc's runs are shared by both comparisons: each is paired with the LibreOffice runs of its own rounds.
    const tochucSeconds = median(tochucTimes.slice(0, runs));
    const tochucSimpleSeconds = median(tochucTimes.slice(0, simpleRuns));
    const simpleSeconds = median(simpleTimes);
    // The speed-ups compare pair by pair: each round's LibreOffice run over the tochuc run just before
    // it. This machine's speed drifts by a third over minutes, and a pair run seconds apart shares the
    // drift; the ratio of the two medians mixed runs from different moments.
    const pairwise = (lo: number[]) => median(lo.map((seconds, i) => seconds / tochucTimes[i]));
    const round = (x: number) => Math.round(x * 100) / 100;
    return {
      simple: {
        speedupVsLibreOfficeSimple: round(pairwise(simpleTimes)), libreOfficeSeconds: round(simpleSeconds), tochucSeconds: round(tochucSimpleSeconds),
        figures: simpleWarm.figures, countifsFormulas: simple.countifsFormulas, workbookBytes: fs.statSync(simpleBook).size,
        runs: simpleRuns, libreOfficeRuns: simpleTimes.map(round), tochucRuns: tochucTimes.slice(0, simpleRuns).map(round),
      },
      speedupVsLibreOffice: round(pairwise(loTimes)), libreOfficeSeconds: round(libreOfficeSeconds), tochucSeconds: round(tochucSeconds),
      figures: loWarm.figures, agree: true, countifsFormulas, helperFormulas, workbookBytes: fs.statSync(workbook).size,
      runs, libreOfficeRuns: loTimes.map(round), tochucRuns: tochucTimes.slice(0, runs).map(round), ...(keep ? { workDir: dir } : {}),
    };
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const simpleAt = args.indexOf('--simple-runs');
  const simpleRuns = simpleAt >= 0 ? Number(args.splice(simpleAt, 2)[1]) : 5;
  const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
  benchLibreOffice(runs, { keep: args.includes('--keep'), realDates: args.includes('--real-dates'), simpleRuns }).then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
