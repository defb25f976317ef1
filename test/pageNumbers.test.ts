/**
 * Every printed sheet numbers its pages in Arabic numerals at the top centre from its second page
 * (NĐ 30/2020, Phụ lục I): the streaming .xlsx writer, the exceljs executor and the Office.js
 * executor write the same header, and LibreOffice prints it.
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { generate } from '../src/app/generate';
import { SAMPLE_WORKBOOK } from '../src/cli/main';
import { ingestWorkbook } from '../src/ingest/ingestWorkbook';
import type { FillPlan } from '../src/templates/plan';
import { executePlan } from '../src/workbook/office/executePlan';
import { ZipEntries } from '../src/workbook/xlsx/zipEntries';
import { readXlsxBook } from '../src/workbook/xlsx/readXlsx';
import { writePlan } from '../src/workbook/xlsx/writePlan';
import { writePlanFile } from '../src/workbook/xlsx/writePlanFile';
import { FakeWorkbook } from './fakes/excelFake';
import { host } from './helpers/excelSample';
import { needLibreOffice, pdfPageTexts, renderPdf } from './helpers/libreoffice';

describe('page numbers', () => {
  let plan: FillPlan;
  let dir: string;
  beforeAll(async () => {
    const read = await readXlsxBook(SAMPLE_WORKBOOK);
    plan = generate('reduction', [{ file: 'mong-cai.xlsx', book: ingestWorkbook(read.grids) }], { period: { from: '2019-01-01', to: '2019-12-31' }, generatedAt: '2026-03-05T02:00:00Z' }, { org: read.settings.org }).plan!;
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tochuc-page-numbers-'));
  });

  it('the streaming writer gives every sheet a centred page number and an empty first page header', async () => {
    const file = path.join(dir, 'stream.xlsx');
    await writePlanFile(file, plan);
    const zip = new ZipEntries(await fs.readFile(file));
    const sheets = zip.names().filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const headers = sheets.map((n) => /<headerFooter[^>]*>.*?<\/headerFooter>/.exec(new TextDecoder().decode(zip.read(n)))?.[0]);
    // Every sheet but the very hidden registry.
    expect(headers.filter(Boolean)).toHaveLength(plan.sheets.length);
    for (const h of headers.filter(Boolean)) expect(h).toBe('<headerFooter differentFirst="1"><oddHeader>&amp;C&amp;"Times New Roman,Regular"&amp;13&amp;P</oddHeader></headerFooter>');
  });

  it('the exceljs executor writes the same', () => {
    const wb = new ExcelJS.Workbook();
    writePlan(wb, plan);
    for (const sheet of plan.sheets) expect(wb.getWorksheet(sheet.name)?.headerFooter).toMatchObject({ differentFirst: true, oddHeader: '&C&"Times New Roman,Regular"&13&P', firstHeader: '' });
  });

  it('the Office.js executor sets the default pages\' centre header and a first page of its own', async () => {
    const workbook = new FakeWorkbook();
    await executePlan(host(workbook).host, plan);
    for (const sheet of plan.sheets) {
      expect(workbook.sheet(sheet.name).pageLayout).toMatchObject({ headerFooterState: 'FirstAndDefault', defaultCenterHeader: '&"Times New Roman,Regular"&13&P', firstPageCenterHeader: '' });
    }
  });

  it('all three executors write the same manual page breaks and fixed print scale', async () => {
    const paged = plan.sheets.filter((s) => s.page?.breaks?.length);
    expect(paged.length).toBeGreaterThan(0);
    // The streaming writer: a break's id is the 0-based row that starts the next page.
    const file = path.join(dir, 'breaks.xlsx');
    await writePlanFile(file, plan);
    const zip = new ZipEntries(await fs.readFile(file));
    const xmls = zip.names().filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map((n) => new TextDecoder().decode(zip.read(n)));
    const written = xmls.map((x) => [...x.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]))).filter((ids) => ids.length);
    expect(written).toEqual(paged.map((s) => s.page!.breaks));
    for (const sheet of paged) expect(xmls.some((x) => x.includes(`scale="${sheet.page!.scale}"`))).toBe(true);
    // exceljs: a break below the last row of the page before.
    const wb = new ExcelJS.Workbook();
    writePlan(wb, plan);
    for (const sheet of paged) {
      const ws = wb.getWorksheet(sheet.name) as ExcelJS.Worksheet & { rowBreaks: Array<{ id: number }> };
      expect(ws.rowBreaks.map((b) => b.id)).toEqual(sheet.page!.breaks);
      expect(ws.pageSetup.scale).toBe(sheet.page!.scale);
    }
    // Office.js: a break above the cell it is given, and the zoom's scale.
    const workbook = new FakeWorkbook();
    await executePlan(host(workbook).host, plan);
    for (const sheet of paged) {
      expect(workbook.sheet(sheet.name).pageLayout.rowBreaks).toEqual(sheet.page!.breaks);
      expect(workbook.sheet(sheet.name).pageLayout.zoom).toEqual({ scale: sheet.page!.scale });
    }
  });

  it('LibreOffice prints no number on the first page and the number on the next', async () => {
    if (!(await needLibreOffice())) return;
    const file = path.join(dir, 'render.xlsx');
    await writePlanFile(file, plan);
    const pages = await pdfPageTexts(await renderPdf(file, dir));
    expect(pages.length).toBeGreaterThan(2);
    expect(pages[0].trim().split('\n')[0].trim()).not.toMatch(/^\d+$/);
    expect(pages[1].trim().split('\n')[0].trim()).toBe('2');
  }, 120_000);
});
