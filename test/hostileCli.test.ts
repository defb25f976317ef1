/**
 * Workbooks standing where --out points (test/tools/corpus/cli.ts): a report tochuc wrote is
 * replaced; the officer's workbook that carries tochuc's registry, or another tool's hidden sheet
 * of the same name, is not. The fixtures are copied first: the corpus itself is never written, and
 * its sha256 is checked before and after.
 */
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';
import { isTochucReport } from '../src/cli/outputFile';
import { readXlsxBook } from '../src/workbook/xlsx/readXlsx';

const DIR = path.join(__dirname, 'fixtures', 'hostile');
const SAMPLE = path.join(__dirname, '..', 'assets', 'samples', 'mong-cai.xlsx');
const sha = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');

async function cli(argv: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const code = await main(argv, () => undefined, (s) => err.push(s));
  return { code, err: err.join('\n') };
}

/** The fixture copied into a fresh folder, with the fixture's own hash checked after the checks. */
async function asOutput(name: string, checks: (copy: string) => Promise<void>): Promise<void> {
  const fixture = path.join(DIR, name);
  const before = await sha(fixture);
  const copy = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'tochuc-hostile-cli-')), name);
  await fs.copyFile(fixture, copy);
  await checks(copy);
  expect(await sha(fixture)).toBe(before);
}

const reportOver = (out: string) => cli(['report', 'reduction', '--input', SAMPLE, '--period', '2019', '--out', out]);

describe('the hostile corpus: what stands where the report goes', () => {
  test('59 a report tochuc wrote earlier is replaced by the new report', async () => {
    await asOutput('59-report-written-earlier.xlsx', async (copy) => {
      expect(await isTochucReport(copy)).toBe(true);
      expect((await reportOver(copy)).code).toBe(1); // the sample's deliberate bad date
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(copy);
      expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual(['TGBC 2019', 'Phụ lục TGBC 2019', 'Vấn đề TGBC 2019']);
      const opening = wb.getWorksheet('TGBC 2019')!.getSheetValues().flat().map(String);
      expect(opening.some((v) => v.startsWith('Trong kỳ đã thực hiện tinh giản '))).toBe(true);
    });
  }, 30000);

  test('60 the officer\'s staff list with tochuc\'s registry in it is refused; its people are still read as data', async () => {
    await asOutput('60-source-with-registry.xlsx', async (copy) => {
      expect(await isTochucReport(copy)).toBe(false);
      const before = await sha(copy);
      const { code, err } = await reportOver(copy);
      expect([code, err.split('\n').length]).toEqual([2, 1]);
      expect(err).toMatch(/không phải báo cáo do tochuc lập/);
      expect(await sha(copy)).toBe(before);
      // Read as an input, the generated sheet is no data, the officer's list is.
      const book = await readXlsxBook(copy);
      expect(book.grids.map((g) => g.name)).toEqual(['DS CBCCVC']);
    });
  }, 30000);

  test('61 another tool\'s very hidden sheet named "tochuc" is no mark of a tochuc report', async () => {
    await asOutput('61-other-hidden-tochuc-sheet.xlsx', async (copy) => {
      expect(await isTochucReport(copy)).toBe(false);
      const before = await sha(copy);
      const { code, err } = await reportOver(copy);
      expect(code).toBe(2);
      expect(err).toMatch(/--force/);
      expect(await sha(copy)).toBe(before);
    });
  }, 30000);
});
