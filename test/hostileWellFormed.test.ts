/**
 * Every file of the hostile corpus (test/fixtures/hostile, all classes) through the whole CLI with
 * --out, one test a file with its own timeout: the input unchanged (sha256), the exit code one of
 * 0, 1, 2; a refusal is one line and leaves no file behind (nor a temporary one); a report written
 * re-reads with a second reader (exceljs) and every XML part of it is well-formed XML 1.0. What each
 * file must answer besides is checked by its class's test (the corpus README lists them).
 */
import { createHash } from 'crypto';
import { promises as fs, readdirSync } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { INTERNAL_ERROR, main } from '../src/cli/main';
import { illFormedParts } from './helpers/wellFormed';

const DIR = path.join(__dirname, 'fixtures', 'hostile');
const FILES = readdirSync(DIR).filter((f) => f !== 'README.md').sort();
const sha = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');

test('the corpus holds at least 60 files', () => {
  expect(FILES.length).toBeGreaterThanOrEqual(60);
});

describe.each(FILES)('%s through report reduction --out', (name) => {
  test('input unchanged, a clear answer, a well-formed report or none', async () => {
    const file = path.join(DIR, name);
    const before = await sha(file);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tochuc-wellformed-'));
    const out = path.join(dir, 'bao-cao.xlsx');
    const err: string[] = [];
    const code = await main(['report', 'reduction', '--input', file, '--period', '2019', '--out', out], () => undefined, (s) => err.push(s));
    expect([0, 1, 2]).toContain(code);
    expect(err.join('\n')).not.toContain(INTERNAL_ERROR);
    expect(err.join('\n')).not.toMatch(/\n\s+at /);
    if (code === 2) {
      expect(err).toHaveLength(1);
      expect(await fs.readdir(dir)).toEqual([]);
    } else {
      expect(await fs.readdir(dir)).toEqual(['bao-cao.xlsx']);
      expect(await illFormedParts(out)).toEqual([]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual(expect.arrayContaining(['TGBC 2019', 'Phụ lục TGBC 2019']));
    }
    expect(await sha(file)).toBe(before);
    await fs.rm(dir, { recursive: true, force: true });
  }, 60000);
});
