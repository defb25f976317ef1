import { execFile, spawn } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';
import { writeFixture } from './helpers/xlsxFixture';

const run = promisify(execFile);
const BIN = path.join(__dirname, '..', 'src', 'cli', 'tochuc.js');

async function capture(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('tochuc CLI', () => {
  let book: string;
  beforeAll(async () => {
    book = await writeFixture('cli.xlsx', [
      { name: 'Danh sach', rows: [['DANH SÁCH CÁN BỘ'], [], ['STT', 'Họ và tên', 'Ngày sinh', 'Đơn vị', 'Tình trạng', 'Ngày nghỉ'], [1, 'Nguyễn Văn An', '12/03/1975', 'Phòng Nội vụ'], [2, 'Trần Văn Bình', '01/01/1970', 'Phòng Nội vụ', 'Tinh giản', '31/02/2018']] },
      { name: 'Ghi chu', rows: [['Bảng này chỉ để ghi chú']] },
    ]);
  });

  it('the bin runs from the repository after npm ci (inspect --json)', async () => {
    const { stdout } = await run(process.execPath, [BIN, 'inspect', '--input', book, '--json']);
    const report = JSON.parse(stdout);
    expect(report.sheets[0]).toMatchObject({
      sheet: 'Danh sach', kind: 'staff', headerRows: [3, 3], records: 2,
      mapping: expect.arrayContaining([{ field: 'fullName', column: 'B', header: 'Họ và tên' }, { field: 'leftDate', column: 'F', header: 'Ngày nghỉ' }]),
    });
    expect(report.sheets[0].issues).toEqual([expect.objectContaining({ cell: 'F5', severity: 'error', code: 'date.invalid' })]);
    expect(report.sheets[1]).toMatchObject({ kind: null, records: 0, issues: [expect.objectContaining({ code: 'sheet.unrecognised' })] });
  }, 60000);

  it('prints kind, confidence, mapping with column letters, record count and issues', async () => {
    const { code, out } = await capture(['inspect', '--input', book]);
    expect(code).toBe(0);
    expect(out).toContain('Trang "Danh sach": Danh sách CBCCVC, NLĐ (staff), độ tin cậy');
    expect(out).toContain('fullName ← B "Họ và tên"');
    expect(out).toContain('Bản ghi: 2');
    expect(out).toMatch(/\[lỗi\] F5: Ngày nghỉ không hợp lệ: "31\/02\/2018"/);
  });

  it('applies --map', async () => {
    const { out } = await capture(['inspect', '--input', book, '--json', '--map', 'leftDate=E', '--map', 'status=F']);
    const mapping = JSON.parse(out).sheets[0].mapping;
    expect(mapping).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'leftDate', column: 'E' }), expect.objectContaining({ field: 'status', column: 'F' })]));
  });

  it('exits 2 with one clear line, no stack trace, on unreadable input and bad usage', async () => {
    const garbage = path.join(os.tmpdir(), 'tochuc-not-a-workbook.xlsx');
    await fs.writeFile(garbage, 'this is not a zip file');
    for (const argv of [['inspect', '--input', garbage], ['inspect', '--input', '/nonexistent/book.xlsx'], ['inspect'], ['inspect', '--bogus'], ['frobnicate'], ['inspect', '--input', book, '--map', 'nonsense']]) {
      const { code, err } = await capture(argv);
      expect(code).toBe(2);
      expect(err).not.toMatch(/\n\s+at /);
      expect(err.length).toBeGreaterThan(10);
    }
    const proc = await run(process.execPath, [BIN, 'inspect', '--input', garbage]).catch((e) => e);
    expect(proc.code).toBe(2);
    expect(proc.stderr.trim().split('\n')).toHaveLength(1);
  }, 60000);

  it('the bin ends quietly when the command reading its output stops early (tochuc … | head)', async () => {
    // The sample and a copy: every person twice, 1.8 MB of JSON, far more than a pipe holds.
    const sample = path.join(__dirname, '..', 'assets', 'samples', 'mong-cai.xlsx');
    const copy = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'tochuc-cli-pipe-')), 'copy.xlsx');
    await fs.copyFile(sample, copy);
    const child = spawn(process.execPath, [BIN, 'report', 'reduction', '--input', sample, '--input', copy, '--period', '2019', '--json']);
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    // The first chunk read, the pipe is closed: the rest of the JSON has nowhere to go.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(err).toBe('');
    expect([0, 1]).toContain(code);
  }, 60000);

  it('the bin gives the same answer with its compiled-code cache missing, damaged or written', async () => {
    const cacheDir = path.join(__dirname, '..', 'node_modules', '.cache', 'tochuc-cli');
    const inspect = async () => (await run(process.execPath, [BIN, 'inspect', '--input', book, '--json'])).stdout;
    const first = await inspect();
    // The cache of the bundle just run, the newest (bundles of earlier sources may still be there).
    const bundles = (await fs.readdir(cacheDir)).filter((f) => /^main-.*\.js$/.test(f)).map((f) => path.join(cacheDir, f));
    const mtimes = await Promise.all(bundles.map(async (f) => (await fs.stat(f)).mtimeMs));
    const cache = `${bundles[mtimes.indexOf(Math.max(...mtimes))]}.v8cache`;
    expect((await fs.stat(cache)).size).toBeGreaterThan(1000);
    await fs.writeFile(cache, 'not a V8 code cache');
    expect(await inspect()).toBe(first);
    // The refused cache is written again by that run.
    expect((await fs.readFile(cache, 'utf8')).startsWith('not a V8')).toBe(false);
    expect(await inspect()).toBe(first);
  }, 60000);
});

describe('tochuc report reduction', () => {
  const SAMPLE = path.join(__dirname, '..', 'assets', 'samples', 'mong-cai.xlsx');

  it('prints the figures as JSON with the contract keys, and exits 1 when the data have errors', async () => {
    const { code, out } = await capture(['report', 'reduction', '--input', SAMPLE, '--from', '01/01/2015', '--to', '2019-12-31', '--target', '0.10', '--json']);
    expect(code).toBe(1);
    const r = JSON.parse(out);
    expect(r).toMatchObject({ kind: 'reduction', period: { from: '2015-01-01', to: '2019-12-31' }, reduced: { total: 264 }, quota: { baseline: 902, current: 764 }, target: { rate: 0.1, met: true } });
    expect(Object.keys(r.reduced.byForm)).toEqual(['earlyRetirement', 'resignation', 'resignationAfterTraining', 'transferOutsideBudget', 'unspecified']);
    expect(r.issues).toEqual(expect.arrayContaining([expect.objectContaining({ sheet: 'DS CBCCVC', cell: 'L656', severity: 'error' })]));
    expect(r.issues.every((i: { sheet: string }) => r.source.includes(i.sheet))).toBe(true);
  });

  it('consolidates several inputs into one report: a copy of the sample under another name doubles every sum', async () => {
    const copy = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'tochuc-cli-')), 'mong-cai-ban-sao.xlsx');
    await fs.copyFile(SAMPLE, copy);
    const { out } = await capture(['report', 'reduction', '--input', SAMPLE, '--input', copy, '--period', '2019', '--json']);
    const once = JSON.parse((await capture(['report', 'reduction', '--input', SAMPLE, '--period', '2019', '--json'])).out);
    const twice = JSON.parse(out);
    expect(twice.reduced.total).toBe(2 * once.reduced.total);
    expect(twice.quota.baseline).toBe(2 * once.quota.baseline);
    // Every staff member of the sample is listed in both files.
    expect(twice.consolidation.duplicates.length).toBeGreaterThan(1000);
  });

  it('answers bad usage with one clear line and exit 2', async () => {
    for (const argv of [['report', 'reduction', '--input', SAMPLE, '--period', '2021-Q5'], ['report', 'reduction', '--input', SAMPLE], ['report', 'reduction', '--input', SAMPLE, '--period', '2019', '--template', '/nonexistent/t.xlsx'], ['report', 'reduction', '--input', SAMPLE, '--period', '2019', '--out', '/etc/hostname/r.xlsx'], ['template', 'reduction'], ['template', 'nothing', '--out', 'x.xlsx'], ['report', 'merger', '--input', SAMPLE, '--date', '31/02/2021'], ['report', 'reduction', '--input', SAMPLE, '--period', '2019', '--target', '150%']]) {
      const { code, err } = await capture(argv);
      expect([argv.join(' '), code]).toEqual([argv.join(' '), 2]);
      expect(err.split('\n')[0].length).toBeGreaterThan(10);
    }
  });

  it('writes the report workbook with --out, and reads an edited copy of the built-in template with --template', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tochuc-cli-'));
    const templateFile = path.join(dir, 'mau.xlsx');
    expect((await capture(['template', 'reduction', '--out', templateFile])).code).toBe(0);
    // The officer edits the wording in Excel: here with exceljs, on the file itself.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(templateFile);
    const ws = wb.worksheets[0];
    let edited = '';
    ws.eachRow((row) => row.eachCell((cell) => {
      if (cell.value === 'Kết quả thực hiện tinh giản biên chế') {
        cell.value = 'Kết quả tinh giản biên chế giai đoạn {{period.fromText}} – {{period.toText}} (bản sửa)';
        edited = cell.address;
      }
    }));
    expect(edited).not.toBe('');
    await wb.xlsx.writeFile(templateFile);

    const out = path.join(dir, 'bao-cao.xlsx');
    const { code, err } = await capture(['report', 'reduction', '--input', SAMPLE, '--period', '2019', '--template', templateFile, '--out', out]);
    expect(code).toBe(1); // the sample's deliberate bad date
    expect(err).toContain(out);
    const report = new ExcelJS.Workbook();
    await report.xlsx.readFile(out);
    expect(report.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual(['TGBC 2019', 'Phụ lục TGBC 2019', 'Vấn đề TGBC 2019']);
    expect(report.getWorksheet('tochuc')?.state).toBe('veryHidden');
    const first = report.worksheets[0];
    const values: string[] = [];
    first.eachRow((row) => row.eachCell((cell) => void values.push(String(cell.value))));
    expect(values).toContain('Kết quả tinh giản biên chế giai đoạn 01/01/2019 – 31/12/2019 (bản sửa)');
    const once = JSON.parse((await capture(['report', 'reduction', '--input', SAMPLE, '--period', '2019', '--json'])).out);
    expect(values).toContain(`Trong kỳ đã thực hiện tinh giản ${once.reduced.total} người. Số người tinh giản chia theo đối tượng và hình thức:`);
  }, 60000);
});
