/**
 * The render check of the document standard (docs/reports.md, "The document standard"): the demo's
 * three reports, from the sample with its organisation settings and without them, written as the
 * CLI writes them, then rendered by LibreOffice to PDF. The checkable parts are asserted on the
 * .xlsx and on the PDF's text; the PNGs of every page are left in test-output/render/ to look at.
 */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import path from 'path';
import { promisify } from 'util';
import { generate } from '../src/app/generate';
import { SAMPLE_WORKBOOK } from '../src/cli/main';
import { ingestWorkbook } from '../src/ingest/ingestWorkbook';
import { reports } from '../src/reports';
import type { FillPlan, SheetPlan } from '../src/templates/plan';
import { ZipEntries } from '../src/workbook/xlsx/zipEntries';
import { readXlsxBook } from '../src/workbook/xlsx/readXlsx';
import { FILE_CAPABILITIES, writePlanFile } from '../src/workbook/xlsx/writePlanFile';
import { needLibreOffice, pdfPageSizes, pdfPageTexts, renderPdf } from './helpers/libreoffice';

const run = promisify(execFile);
const OUT = path.join(__dirname, '..', 'test-output', 'render');
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Words of the software, the files and the data's quality: none belongs in a signed document. */
const TOOL_WORDS = /tochuc|Excel|dòng lệnh|\.xlsx|tệp |lỗi|cảnh báo|Kiểm tra:|ExcelApi|\{\{/i;

const isIssuesSheet = (sheet: SheetPlan) => sheet.rows.some((row) => row.some((c) => c?.value === 'CÁC VẤN ĐỀ TRONG DỮ LIỆU NGUỒN'));

interface Made {
  name: string;
  plan: FillPlan;
  xlsx: string;
  /** The document alone, as it prints with the report: the issues sheet left out. */
  pdf: string;
}

async function make(kind: string, withSettings: boolean): Promise<Made> {
  const read = await readXlsxBook(SAMPLE_WORKBOOK);
  const book = ingestWorkbook(read.grids, { file: SAMPLE_WORKBOOK });
  const definition = reports.get(kind)!;
  const org = withSettings && read.settings.org ? { org: read.settings.org } : {};
  const { plan } = generate(kind, [{ file: 'mong-cai.xlsx', book }], { ...definition.demo, generatedAt: '2026-12-07T02:00:00Z' }, { ...org, files: ['mong-cai.xlsx'], capabilities: FILE_CAPABILITIES });
  const name = `${kind}-${withSettings ? 'settings' : 'plain'}`;
  const xlsx = path.join(OUT, `${name}.xlsx`);
  await writePlanFile(xlsx, plan!);
  const documentOnly = path.join(OUT, 'document', `${name}.xlsx`);
  await writePlanFile(documentOnly, { ...plan!, sheets: plan!.sheets.filter((s) => !isIssuesSheet(s)) });
  const pdf = await renderPdf(documentOnly, path.join(OUT, 'pdf'));
  await run('pdftoppm', ['-png', '-r', '50', pdf, path.join(OUT, 'png', name)], { timeout: 120000 });
  return { name, plan: plan!, xlsx, pdf };
}

const CASES: Array<[string, boolean]> = reports.all().flatMap((d): Array<[string, boolean]> => [[d.id, true], [d.id, false]]);

describe.each(CASES)('document standard: %s (settings: %s)', (kind, withSettings) => {
  let made: Made | undefined;
  beforeAll(async () => {
    if (!(await needLibreOffice())) return;
    await fs.mkdir(path.join(OUT, 'png'), { recursive: true });
    made = await make(kind, withSettings);
  }, 240000);

  it('stores a result with every formula, numbers every printed page from the second, and breaks or repeats long tables', async () => {
    if (!made) return;
    const zip = new ZipEntries(await fs.readFile(made.xlsx));
    const sheets = zip.names().filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    let formulas = 0;
    let numbered = 0;
    for (const name of sheets) {
      const xml = decode(zip.read(name)!);
      for (const cell of xml.match(/<c [^>]*>(?:(?!<\/c>).)*<f>(?:(?!<\/c>).)*<\/c>/g) ?? []) {
        formulas++;
        expect(cell).toMatch(/<\/f><v>[^<]*<\/v>/);
      }
      if (xml.includes('<headerFooter differentFirst="1"><oddHeader>&amp;C&amp;"Times New Roman,Regular"&amp;13&amp;P</oddHeader></headerFooter>')) numbered++;
    }
    // Every sheet of the report; the very hidden registry prints nothing.
    expect(numbered).toBe(made.plan.sheets.length);
    // The totals rows of the reports hold formulas.
    if (kind !== 'merger') expect(formulas).toBeGreaterThan(0);
    // Every sheet that runs over a page has page breaks, or print titles, or both.
    for (const sheet of made.plan.sheets) {
      const rows = sheet.rowHeights.reduce<number>((a, h) => a + (h ?? 15), 0);
      if (rows > 1000) expect(Boolean(sheet.page?.breaks?.length || sheet.page?.titleRows)).toBe(true);
    }
  });

  it('carries its pictures as native drawing parts: the party report\'s charts, the merger\'s organisation chart', async () => {
    if (!made) return;
    const zip = new ZipEntries(await fs.readFile(made.xlsx));
    const names = zip.names();
    const charts = names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    const shapes = names.filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n)).map((n) => (decode(zip.read(n)!).match(/<xdr:sp[ >]/g) ?? []).length).reduce((a, b) => a + b, 0);
    const planned = made.plan.sheets.reduce((n, s) => n + (s.charts?.length ?? 0), 0);
    expect(charts).toHaveLength(planned);
    if (kind === 'partyQuarterly') expect(planned).toBeGreaterThan(0);
    const boxes = made.plan.sheets.reduce((n, s) => n + (s.orgChart?.boxes.length ?? 0), 0);
    if (kind === 'merger') expect(boxes).toBeGreaterThan(0);
    expect(shapes).toBeGreaterThanOrEqual(boxes);
  });

  it('numbers its appendices when it has several, cites them, and ends a list with the compiler\'s line', async () => {
    if (!made) return;
    const text = (await pdfPageTexts(made.pdf)).join('\n');
    if (kind === 'partyQuarterly') {
      for (const n of [1, 2, 3]) {
        // The label above the appendix, and the citation in the report's text.
        expect(text).toMatch(new RegExp(`^\\s*Phụ lục ${n}\\s*$`, 'm'));
        // pdftotext splits some marked letters from their word: compared without spaces.
        expect(text.replace(/\s+/g, '')).toContain(`(Phụlục${n})`);
      }
      expect(text.match(/NGƯỜI LẬP BIỂU/g)).toHaveLength(3);
    }
    if (kind === 'reduction') {
      expect(text).toMatch(/^\s*Phụ lục\s*$/m);
      expect(text.match(/NGƯỜI LẬP BIỂU/g)).toHaveLength(1);
    }
  });

  it('prints on A4 pages only, speaks of the work alone, and dates with a leading zero', async () => {
    if (!made) return;
    const sizes = await pdfPageSizes(made.pdf);
    expect(sizes.length).toBeGreaterThan(1);
    for (const [w, h] of sizes) expect([Math.round(Math.min(w, h)), Math.round(Math.max(w, h))]).toEqual([595, 842]);
    const pages = await pdfPageTexts(made.pdf);
    const text = pages.join('\n');
    expect(text).not.toMatch(TOOL_WORDS);
    const dates = [...text.matchAll(/ngày (\d+) tháng (\d+) năm \d{4}/g)];
    expect(dates.length).toBeGreaterThan(0);
    // NĐ 30/2020, Phụ lục I: a day below 10 and the months 1 and 2 take a leading zero, the others none.
    for (const [, day, month] of dates) {
      expect(day).toMatch(/^\d\d$/);
      expect(month).toMatch(Number(month) <= 2 ? /^0[12]$/ : /^(?:[3-9]|1[0-2])$/);
    }
  });

  it('starts every page that continues a table with the table\'s header', async () => {
    if (!made) return;
    const pages = await pdfPageTexts(made.pdf);
    pages.forEach((page, i) => {
      const lines = page.split('\n').filter((l) => l.trim());
      // A table's row: its number, then its text ("12 Phòng Nội vụ …"); a header's "2015   2021" is not one.
      const firstRow = lines.findIndex((l) => /^\s*\d{1,4}\s+\p{L}/u.test(l));
      if (firstRow < 0) return;
      const before = lines.slice(0, firstRow).join('\n');
      // The index row "(1) (2) …" closes every header.
      expect({ page: i + 1, header: /\(1\)\s+\(2\)/.test(before) }).toEqual({ page: i + 1, header: true });
    });
  });
});
