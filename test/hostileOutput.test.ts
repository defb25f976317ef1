/**
 * Reports are always well-formed. Names and units holding characters XML 1.0
 * forbids (test/tools/corpus/output.ts, fixtures 53–58 of test/fixtures/hostile) go through the CLI
 * into a report file; every XML part of each file written here must parse under a strict XML 1.0
 * parser (saxes: it refuses a forbidden character, where a structure check would not), a second
 * reader (exceljs) must read it back, and the names must come back as they were read, the
 * forbidden characters included (written as OOXML `_xHHHH_` escapes). The inputs are never written:
 * their sha256 is the same after as before.
 */
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';
import type { StaffRecord } from '../src/domain/records';
import { ingestWorkbook } from '../src/ingest/ingestWorkbook';
import { fitCellText } from '../src/templates/plan';
import { readXlsxBook } from '../src/workbook/xlsx/readXlsx';
import { xmlText } from '../src/workbook/xlsx/xlsxWriter';
import { illFormedParts } from './helpers/wellFormed';
import { FIXTURES } from './tools/corpus/output';

const DIR = path.join(__dirname, 'fixtures', 'hostile');
const SAMPLE = path.join(__dirname, '..', 'assets', 'samples', 'mong-cai.xlsx');
const quiet = () => undefined;
let out: string;

beforeAll(async () => {
  out = await fs.mkdtemp(path.join(os.tmpdir(), 'tochuc-hostile-output-'));
});
afterAll(async () => {
  await fs.rm(out, { recursive: true, force: true });
});

async function sha256(file: string): Promise<string> {
  return createHash('sha256').update(await fs.readFile(file)).digest('hex');
}

/** Every text cell of the written workbook as exceljs reads it, by sheet. */
async function textsOf(file: string): Promise<Map<string, string[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets = new Map<string, string[]>();
  wb.eachSheet((ws) => {
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => {
      if (typeof cell.value === 'string') texts.push(cell.value);
    }));
    sheets.set(ws.name, texts);
  });
  return sheets;
}

async function cliReport(argv: string[]): Promise<number> {
  return main(argv, quiet, quiet);
}

/** What each fixture must hold once read, so that the test writes what it means to. */
const HOLDS: Record<string, (text: string) => boolean> = {
  '53-names-xffff-escape.xlsx': (t) => t.includes('\uffff'),
  '54-names-char-reference.xlsx': (t) => t.includes('\ufffe'),
  '55-names-control-characters.xlsx': (t) => t.includes('\u0007') && t.includes('\u0000'),
  '56-names-lone-surrogates.xlsx': (t) => /\ud800(?![\udc00-\udfff])/.test(t),
  '57-names-literal-x-escape.xlsx': (t) => t.includes('_x0041_') && t.includes('_xFFFF_'),
  '58-long-cell-forbidden.xlsx': (t) => t.includes('\uffff') && t.length > 32_767,
};

describe('the OOXML escape of text XML cannot hold', () => {
  it('escapes forbidden characters and lone surrogates as _xHHHH_, and an underscore that would read as one', () => {
    expect(xmlText('a\uffffb\ufffe')).toBe('a_xFFFF_b_xFFFE_');
    expect(xmlText('\u0000\u0001\u0008\u000b\u000c\u000d\u001f')).toBe('_x0000__x0001__x0008__x000B__x000C__x000D__x001F_');
    expect(xmlText('x\ud800y\udc00')).toBe('x_xD800_y_xDC00_');
    expect(xmlText('_x0041_ and _x00e9_ and _x12_')).toBe('_x005F_x0041_ and _x005F_x00e9_ and _x12_');
    expect(xmlText('<a & b>')).toBe('&lt;a &amp; b&gt;');
  });

  it('keeps what XML allows: tabs, line feeds, pairs of surrogates, Vietnamese', () => {
    for (const text of ['Nguyễn Văn An', 'a\tb\nc', '😀 𠀀', 'Phòng Nội vụ_2019', '']) expect(xmlText(text)).toBe(text);
  });
});

describe('reports written from names XML cannot hold', () => {
  for (const name of Object.keys(FIXTURES)) {
    it(`${name}: the report is well-formed and the names come back whole`, async () => {
      const file = path.join(DIR, name);
      const before = await sha256(file);
      const target = path.join(out, name.replace(/\.xlsx$/, '-tgbc.xlsx'));
      expect(await cliReport(['report', 'reduction', '--input', file, '--period', '2019', '--out', target])).toBe(0);
      expect(await illFormedParts(target)).toEqual([]);

      // The names and units as tochuc read them, of the people reduced in 2019.
      const read = await readXlsxBook(file);
      const staff = ingestWorkbook(read.grids, { file }).records.staff as StaffRecord[];
      const reduced = staff.filter((p) => p.status === 'reduced' && (p.leftDate ?? '').startsWith('2019'));
      expect(reduced).toHaveLength(2);
      expect(HOLDS[name](reduced.map((p) => `${p.fullName} ${p.unit}`).join(' '))).toBe(true);

      const sheets = await textsOf(target);
      expect([...sheets.keys()]).toEqual(expect.arrayContaining(['TGBC 2019', 'Phụ lục TGBC 2019', 'tochuc']));
      const appendix = sheets.get('Phụ lục TGBC 2019') ?? [];
      for (const p of reduced) {
        expect(appendix).toContain(fitCellText(p.fullName));
        expect(appendix).toContain(fitCellText(p.unit));
      }
      expect(Math.max(...[...sheets.values()].flat().map((t) => t.length))).toBeLessThanOrEqual(32_767);
      expect(await sha256(file)).toBe(before);
    }, 30_000);
  }

  it('53: the party and merger reports of the same workbook are well-formed too', async () => {
    const file = path.join(DIR, '53-names-xffff-escape.xlsx');
    const before = await sha256(file);
    for (const [kind, extra] of [['partyQuarterly', ['--period', '2021-Q2']], ['merger', []]] as const) {
      const target = path.join(out, `53-${kind}.xlsx`);
      expect([0, 1]).toContain(await cliReport(['report', kind, '--input', file, ...extra, '--out', target]));
      expect(await illFormedParts(target)).toEqual([]);
      expect((await textsOf(target)).size).toBeGreaterThan(1);
    }
    expect(await sha256(file)).toBe(before);
  }, 30_000);
});

describe('the three reports of the sample', () => {
  for (const [kind, extra] of [['reduction', ['--period', '2019']], ['partyQuarterly', ['--period', '2021-Q2']], ['merger', []]] as const) {
    it(`${kind}: every part well-formed, read back by exceljs`, async () => {
      const target = path.join(out, `sample-${kind}.xlsx`);
      expect([0, 1]).toContain(await cliReport(['report', kind, '--input', SAMPLE, ...extra, '--out', target]));
      expect(await illFormedParts(target)).toEqual([]);
      const sheets = await textsOf(target);
      expect(sheets.get('tochuc')?.slice(0, 4)).toEqual(['sheet', 'report', 'period', 'generatedAt']);
      expect([...sheets.values()].flat().length).toBeGreaterThan(50);
    }, 30_000);
  }
});
