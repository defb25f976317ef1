/**
 * The CLI never loses a file (src/cli/outputFile.ts): --out is refused when it is an input (by path,
 * through a link, by inode) or a file that is not a tochuc report (unless --force), and a report is
 * written whole or not at all. Every case runs on real files in a temporary folder.
 */
import { spawn } from 'child_process';
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';
import { isTochucReport, writeAtomically } from '../src/cli/outputFile';

const SAMPLE = path.join(__dirname, '..', 'assets', 'samples', 'mong-cai.xlsx');
const BIN = path.join(__dirname, '..', 'src', 'cli', 'tochuc.js');

async function capture(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const sha = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');
let dir: string;
let input: string;
const report = (out: string, ...more: string[]) => capture(['report', 'reduction', '--input', input, '--period', '2019', '--out', out, ...more]);

/** Exit 2 with one line that says no, and the file at `file` as it was. */
async function refused(run: Promise<{ code: number; err: string }>, file: string, said: RegExp): Promise<void> {
  const before = await sha(file);
  const { code, err } = await run;
  expect(code).toBe(2);
  expect(err.split('\n')).toHaveLength(1);
  expect(err).toMatch(said);
  expect(await sha(file)).toBe(before);
}

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tochuc-out-'));
  input = path.join(dir, 'Danh sach.xlsx');
  await fs.copyFile(SAMPLE, input);
});

describe('--out never replaces an input', () => {
  test('the same path, written another way', async () => {
    await refused(report(input), input, /chính là tệp đầu vào/);
    await refused(report(path.join(dir, '.', 'sub', '..', 'Danh sach.xlsx')), input, /chính là tệp đầu vào/);
  }, 30000);

  test('the same file through a symbolic link, a hard link, or as the template', async () => {
    const symlink = path.join(dir, 'lien-ket.xlsx');
    await fs.symlink(input, symlink);
    await refused(report(symlink), input, /chính là tệp đầu vào/);
    const hardlink = path.join(dir, 'ban-cung.xlsx');
    await fs.link(input, hardlink);
    await refused(report(hardlink), input, /chính là tệp đầu vào/);
    const template = path.join(dir, 'mau.xlsx');
    expect((await capture(['template', 'reduction', '--out', template])).code).toBe(0);
    await refused(report(template, '--template', template, '--force'), template, /chính là tệp đầu vào/);
  }, 60000);

  test('one input among several, even with --force', async () => {
    const second = path.join(dir, 'huyen-2.xlsx');
    await fs.copyFile(SAMPLE, second);
    await refused(capture(['report', 'partyQuarterly', '--input', input, '--input', second, '--period', '2021-Q2', '--out', second, '--force']), second, /chính là tệp đầu vào "/);
  }, 30000);
});

describe('--out replaces only what tochuc wrote', () => {
  test('a workbook of the officer\'s is refused, and replaced with --force', async () => {
    const other = path.join(dir, 'bao-cao.xlsx');
    await fs.copyFile(SAMPLE, other);
    await refused(report(other), other, /không phải báo cáo do tochuc lập.*--force/);
    const { code } = await report(other, '--force');
    expect(code).toBe(1); // the sample's deliberate bad date
    expect(await isTochucReport(other)).toBe(true);
  }, 60000);

  test('a report tochuc wrote is replaced by the new one', async () => {
    const out = path.join(dir, 'bao-cao.xlsx');
    expect((await report(out)).code).toBe(1);
    const first = await sha(out);
    expect(await isTochucReport(out)).toBe(true);
    expect((await capture(['report', 'reduction', '--input', input, '--period', '2018', '--out', out])).code).toBeLessThan(2);
    expect(await sha(out)).not.toBe(first);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toContain('TGBC 2018');
  }, 60000);

  test('a report the officer added a sheet of their own to is theirs now', async () => {
    const out = path.join(dir, 'bao-cao.xlsx');
    await report(out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.addWorksheet('Ghi chú của tôi').getCell('A1').value = 'Đã trình lãnh đạo ngày 05/12';
    await wb.xlsx.writeFile(out);
    expect(await isTochucReport(out)).toBe(false);
    await refused(report(out), out, /không phải báo cáo do tochuc lập/);
  }, 60000);

  test('a folder, or a file that is no workbook, is refused', async () => {
    const { code, err } = await report(dir, '--force');
    expect([code, err.split('\n').length]).toEqual([2, 1]);
    expect(err).toMatch(/là một thư mục/);
    const text = path.join(dir, 'ghi-chu.txt');
    await fs.writeFile(text, 'Danh sách cần nộp trước 15/12');
    await refused(report(text), text, /không phải báo cáo do tochuc lập/);
  }, 30000);

  test('a template file is never replaced without --force: it may hold the officer\'s edits', async () => {
    const template = path.join(dir, 'mau.xlsx');
    expect((await capture(['template', 'merger', '--out', template])).code).toBe(0);
    await refused(capture(['template', 'merger', '--out', template]), template, /có thể chứa mẫu đã sửa/);
    expect((await capture(['template', 'merger', '--out', template, '--force'])).code).toBe(0);
  }, 30000);

  test('the demo does not write over a file of the officer\'s in its folder', async () => {
    const out = path.join(dir, 'out');
    await fs.mkdir(out);
    const mine = path.join(out, 'tinh-gian-bien-che-2015-2019.xlsx');
    await fs.copyFile(SAMPLE, mine);
    await refused(capture(['demo', '--out', out]), mine, /không phải báo cáo do tochuc lập/);
  }, 30000);
});

describe('a report is written whole or not at all', () => {
  test('a failure half-way leaves the earlier file and no temporary file', async () => {
    const out = path.join(dir, 'bao-cao.xlsx');
    await fs.writeFile(out, 'bản cũ');
    await expect(writeAtomically(out, async (temporary) => {
      await fs.writeFile(temporary, 'nửa tệp');
      throw new Error('đĩa đầy');
    })).rejects.toThrow('đĩa đầy');
    expect(await fs.readFile(out, 'utf8')).toBe('bản cũ');
    expect(await fs.readdir(dir)).toEqual(['Danh sach.xlsx', 'bao-cao.xlsx'].sort());
  });

  test('a run killed while it writes leaves the earlier report whole', async () => {
    const out = path.join(dir, 'bao-cao.xlsx');
    expect((await report(out)).code).toBe(1);
    let before = await sha(out);
    // Killed as soon as the temporary file shows in the folder: the name asked for still holds the earlier report.
    let killedWhileWriting = 0;
    for (let attempt = 0; attempt < 3 && killedWhileWriting === 0; attempt++) {
      const child = spawn(process.execPath, [BIN, 'report', 'reduction', '--input', input, '--period', '2019', '--out', out], { stdio: 'ignore' });
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      let running = true;
      void exited.then(() => (running = false));
      while (running) {
        if ((await fs.readdir(dir)).some((f) => f.endsWith('.tmp'))) {
          child.kill('SIGKILL');
          killedWhileWriting++;
          break;
        }
        await new Promise((r) => setTimeout(r, 2));
      }
      await exited;
      // A run that finished before it was caught wrote a new report: the next attempt holds that one.
      if (killedWhileWriting) expect(await sha(out)).toBe(before);
      else before = await sha(out);
    }
    expect(killedWhileWriting).toBe(1);
  }, 90000);
});
