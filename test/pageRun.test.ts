import { promises as fs } from 'fs';
import { strFromU8, unzipSync } from 'fflate';
import { SAMPLE_WORKBOOK } from '../src/cli/main';
import { booksOf, fileAndSheet, makeReport, readPageFile, scanOf } from '../src/page/pageRun';
import { reports } from '../src/reports';

/**
 * The standalone page's use of the engine (src/page/pageRun.ts), without a browser: files read from
 * their bytes (a bad one says why, nothing thrown), several files' sheets named with their file and
 * back, a column chosen for one file only, and the report written to bytes under the demo's name.
 */
describe('the page\'s runs', () => {
  let sample: Uint8Array;
  beforeAll(async () => {
    sample = new Uint8Array(await fs.readFile(SAMPLE_WORKBOOK));
  });

  it('says in one line why a file cannot be read, and throws nothing', async () => {
    const bad = await readPageFile('hong.xlsx', new TextEncoder().encode('PK not really a workbook'));
    expect(bad.read).toBeUndefined();
    expect(bad.problem).toMatch(/hong\.xlsx/);
    expect(bad.problem).not.toMatch(/\n|at .*\(/);
  });

  it('names several files\' sheets with their file, and applies a column choice to its own file only', async () => {
    const files = await Promise.all(['huyen-a.xlsx', 'huyen-b.xlsx'].map((name) => readPageFile(name, sample)));
    const plain = booksOf(files, {});
    const scan = scanOf(plain, files);
    expect(scan.sheets.map((s) => s.sheet)).toContain('huyen-b.xlsx › DS CBCCVC');
    expect(fileAndSheet(plain, 'huyen-b.xlsx › DS CBCCVC')).toEqual({ file: 'huyen-b.xlsx', sheet: 'DS CBCCVC' });
    const chosen = booksOf(files, { 'huyen-b.xlsx': [{ sheet: 'DS CBCCVC', field: 'position', header: 'H' }] });
    const positionColumn = (i: number) => chosen[i].book.sheets.find((s) => s.sheet === 'DS CBCCVC')?.mapping.find((m) => m.field === 'position')?.col;
    expect(positionColumn(1)).toBe(7);
    expect(positionColumn(0)).not.toBe(7);
  });

  it('writes the report to bytes: a workbook of the plan\'s sheets, named as the demo names it', async () => {
    const file = await readPageFile('mong-cai.xlsx', sample);
    const definition = reports.get('reduction')!;
    const { generated, bytes, fileName } = await makeReport('reduction', booksOf([file], {}), { ...definition.demo, generatedAt: '2026-12-07T02:00:00Z' }, undefined);
    expect(fileName).toBe('tinh-gian-bien-che-2015-2019.xlsx');
    const parts = unzipSync(bytes);
    const names = [...strFromU8(parts['xl/workbook.xml']).matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    expect(names.filter((n) => n !== 'tochuc')).toEqual(generated.plan!.sheets.map((s) => s.name));
  });
});
