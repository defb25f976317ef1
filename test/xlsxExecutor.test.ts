import { VI_COUNT_FORMAT } from '../src/templates/numberFormats';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { ingestWorkbook } from '../src/ingest/ingestWorkbook';
import { generateOne } from './helpers/generate';
import { planSheet, type PlanOptions } from '../src/templates/planner';
import type { TemplateCellInput, TemplateSheet } from '../src/templates/parse';
import type { FillPlan } from '../src/templates/plan';
import { readXlsxBook } from '../src/workbook/xlsx/readXlsx';
import { writePlan } from '../src/workbook/xlsx/writePlan';
import { REGISTRY_SHEET } from '../src/workbook/hiddenSheet';
import { writePlanFile } from '../src/workbook/xlsx/writePlanFile';
import { hasLibreOffice, recalculatedCsv } from './helpers/libreoffice';
import { staffGrid } from './tools/staffGrid';

const OPTIONS: PlanOptions = { sheetName: 'TGBC 2015-2019', marker: { report: 'reduction', period: '2015-2019', generatedAt: '2026-11-22T08:00:00Z' } };
const cell = (v: string | number): TemplateCellInput => (typeof v === 'string' && v.startsWith('=') ? { formula: v } : { value: v });

/** The acceptance template: a 500-row repeated block with a SUM total below. */
function bigPlan(): { plan: FillPlan; expectedTotal: number } {
  const template: TemplateSheet = {
    name: 'Mẫu',
    cells: [
      [cell('BÁO CÁO KẾT QUẢ TINH GIẢN BIÊN CHẾ')],
      [cell('STT'), cell('Đơn vị'), undefined, cell('Số người'), cell('Tỷ lệ')],
      [cell('{{#each byUnit}}{{@index}}'), { value: '{{unit}}', style: 0 }, undefined, { value: '{{total}}', style: 0 }, { ...cell('{{shareRate}}'), numberFormat: '0.00%' }],
      [cell('Cộng'), undefined, undefined, cell('=SUM(D3:D3)'), cell('=SUM(E3:E3)')],
    ],
    styles: [{ font: { name: 'Times New Roman', size: 13, bold: true }, borders: ['top', 'bottom', 'left', 'right'], horizontalAlignment: 'center' }],
    merges: ['A1:E1', 'B3:C3'],
    rowHeights: [30, undefined, 18, 20],
    columnWidths: [6, 30, 5, 12, 12],
  };
  const byUnit = Array.from({ length: 500 }, (_, i) => ({ unit: i === 7 ? '=HYPERLINK("x")' : `Đơn vị ${i + 1}`, total: (i * 7) % 13, shareRate: 1 / 500 }));
  const { sheet, issues } = planSheet(template, { byUnit }, OPTIONS);
  expect(issues).toEqual([]);
  return { plan: { sheets: [sheet], issues }, expectedTotal: byUnit.reduce((n, u) => n + u.total, 0) };
}

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return back;
}

describe('xlsx executor', () => {
  it('writes values, formulas, number formats, styles, heights and merges, and records the sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('DS CBCCVC').getCell('A1').value = 'dữ liệu của người dùng';
    expect(writePlan(wb, bigPlan().plan)).toEqual({ sheets: ['TGBC 2015-2019'] });
    const back = await roundTrip(wb);
    const ws = back.getWorksheet('TGBC 2015-2019')!;
    expect(ws.getCell('A3').value).toBe(1);
    expect(ws.getCell('B502').value).toBe('Đơn vị 500');
    expect(ws.getCell('D502').numFmt).toBe(VI_COUNT_FORMAT);
    expect(ws.getCell('E3').numFmt).toBe('0.00%');
    expect(ws.getCell('D503').value).toMatchObject({ formula: 'SUM(D3:D502)' });
    // Data that looks like a formula stays text.
    expect(ws.getCell('B10').value).toBe('=HYPERLINK("x")');
    expect(ws.getCell('B400').font).toMatchObject({ name: 'Times New Roman', size: 13, bold: true });
    expect(ws.getCell('B400').border).toMatchObject({ top: { style: 'thin' } });
    expect(ws.getRow(1).height).toBe(30);
    expect(ws.getRow(450).height).toBe(18);
    expect(ws.getColumn(2).width).toBe(30);
    expect((ws.model as { merges: string[] }).merges).toEqual(expect.arrayContaining(['A1:E1', 'B3:C3', 'B502:C502']));
    expect(back.getWorksheet('DS CBCCVC')!.getCell('A1').value).toBe('dữ liệu của người dùng');
    expect(back.getWorksheet(REGISTRY_SHEET)!.state).toBe('veryHidden');
  });

  it("never overwrites the user's sheet, and replaces its own only when asked", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('TGBC 2015-2019').getCell('A1').value = 'bảng của người dùng';
    const { plan } = bigPlan();
    expect(writePlan(wb, plan).sheets).toEqual(['TGBC 2015-2019 (2)']);
    expect(wb.getWorksheet('TGBC 2015-2019')!.getCell('A1').value).toBe('bảng của người dùng');
    plan.sheets[0].name = 'TGBC 2015-2019 (2)';
    expect(writePlan(wb, plan).sheets).toEqual(['TGBC 2015-2019 (2) (2)']);
    expect(writePlan(wb, plan, { replace: true }).sheets).toEqual(['TGBC 2015-2019 (2)']);
    const registered: string[] = [];
    wb.getWorksheet(REGISTRY_SHEET)!.eachRow((row, n) => n > 1 && registered.push(String(row.getCell(1).value)));
    expect(registered).toEqual(['TGBC 2015-2019 (2)', 'TGBC 2015-2019 (2) (2)']);
  });

  it('opens in LibreOffice and, recalculated, shows the totals the figures give', async () => {
    if (!(await hasLibreOffice())) {
      if (process.env.CI) throw new Error('LibreOffice (libreoffice-calc-nogui) is missing: .ci/run installs it.');
      console.warn('LibreOffice not installed here: skipping the recalculation check.');
      return;
    }
    const { plan, expectedTotal } = bigPlan();
    const wb = new ExcelJS.Workbook();
    writePlan(wb, plan);
    const file = path.join(os.tmpdir(), 'tochuc-executor-recalc.xlsx');
    await wb.xlsx.writeFile(file);
    // And the same plan by the streaming writer (writePlanFile), whose formulas carry no cached value either.
    const streamed = path.join(os.tmpdir(), 'tochuc-executor-recalc-streamed.xlsx');
    await writePlanFile(streamed, plan);
    for (const rows of [await recalculatedCsv(file), await recalculatedCsv(streamed)]) {
      expect(rows[2][0]).toBe('1');
      expect(rows[502][0]).toBe('Cộng');
      expect(Number(rows[502][3])).toBe(expectedTotal);
      expect(rows[502][4]).toBe('100.00%');
    }
  }, 180000);
});

/** A workbook as exceljs reads it back: per sheet its state, layout and every cell that holds a value or a style. */
async function documentOf(file: string): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const doc: Record<string, unknown> = {};
  wb.eachSheet((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: true }, (c) => {
      // The workbook's default font (Calibri 11) is no style of the plan's: exceljs adds a theme colour to it, tochuc's writer does not.
      const font = c.font && !(c.font.name === 'Calibri' && c.font.size === 11) ? c.font : undefined;
      const entry = { value: c.value, numFmt: c.numFmt, font, fill: c.fill, alignment: c.alignment, border: c.border };
      if (Object.values(entry).some((v) => v !== undefined && v !== null)) cells[c.address] = JSON.parse(JSON.stringify(entry));
    }));
    const heights: Record<number, number> = {};
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      if (row.height !== undefined && row.height !== 15) heights[n] = row.height;
    });
    // exceljs leaves out a width of 9, its own default: compare the other widths.
    const widths = (ws.columns ?? []).map((col) => (col.width === 9 ? undefined : col.width));
    while (widths.length && widths[widths.length - 1] === undefined) widths.pop();
    const page = ws.pageSetup;
    doc[ws.name] = {
      state: ws.state, cells, heights, widths, merges: [...((ws.model as { merges: string[] }).merges ?? [])].sort(),
      views: (ws.views ?? []).filter((v) => v.state === 'frozen').map((v) => ({ state: v.state, ySplit: (v as { ySplit?: number }).ySplit })),
      ...(ws.name === REGISTRY_SHEET ? {} : {
        page: { paperSize: page.paperSize, orientation: page.orientation, margins: page.margins, fitToPage: page.fitToPage, fitToWidth: page.fitToWidth, fitToHeight: page.fitToHeight },
        printArea: page.printArea?.replace(/\$/g, ''), printTitlesRow: page.printTitlesRow?.replace(/\$/g, ''),
      }),
    };
  });
  return doc;
}

/** The plan written by tochuc's streaming writer and by the exceljs executor, both read back by exceljs. */
async function bothWays(plan: FillPlan, name: string): Promise<{ streamed: Record<string, unknown>; exceljs: Record<string, unknown>; names: string[] }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tochuc-writer-'));
  try {
    const streamedFile = path.join(dir, `${name}-streamed.xlsx`);
    const names = await writePlanFile(streamedFile, plan);
    const wb = new ExcelJS.Workbook();
    const { sheets } = writePlan(wb, plan);
    expect(names).toEqual(sheets);
    const exceljsFile = path.join(dir, `${name}-exceljs.xlsx`);
    await wb.xlsx.writeFile(exceljsFile);
    return { streamed: await documentOf(streamedFile), exceljs: await documentOf(exceljsFile), names };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

describe("tochuc's streaming .xlsx writer (writePlanFile)", () => {
  const AT = '2021-07-01T00:00:00.000Z';

  it('writes the same document as the exceljs executor: a reduction report listing 12,000 people', async () => {
    // Everyone reduced in 2019, so that the appendix has 12,000 rows (exceljs takes most of the time: a minute for 20,000 on two cores).
    const grid = staffGrid(12_000, 7);
    for (const row of grid.rows.slice(5)) row.splice(7, 4, 'Tinh giản', '15/06/2019', 'Nghỉ hưu trước tuổi', 'NĐ 108/2014/NĐ-CP');
    const { plan } = generateOne('reduction', ingestWorkbook([grid]), { period: { from: '2019-01-01', to: '2019-12-31' }, generatedAt: AT, target: 0.1 });
    expect(plan.sheets[1].rows.length).toBeGreaterThan(12_000);
    const { streamed, exceljs, names } = await bothWays(plan, 'reduction-12k');
    expect(Object.keys(streamed)).toEqual(Object.keys(exceljs));
    for (const sheet of [...names, REGISTRY_SHEET]) {
      // Compared as JSON first: a deep comparison of 120,000 cells is slow, and is only needed to show a difference.
      if (JSON.stringify(streamed[sheet]) !== JSON.stringify(exceljs[sheet])) expect([sheet, streamed[sheet]]).toEqual([sheet, exceljs[sheet]]);
    }
  }, 120_000);

  it('writes the same documents as the exceljs executor for the three reports of the sample', async () => {
    const sample = path.join(__dirname, '..', 'assets', 'samples', 'mong-cai.xlsx');
    const read = await readXlsxBook(sample);
    const book = ingestWorkbook(read.grids, { file: sample });
    const options = { ...(read.settings.org ? { org: read.settings.org } : {}), files: ['mong-cai.xlsx'] };
    const plans = {
      reduction: generateOne('reduction', book, { period: { from: '2015-01-01', to: '2019-12-31' }, generatedAt: AT, target: 0.1 }, options).plan,
      partyQuarterly: generateOne('partyQuarterly', book, { period: { from: '2021-01-01', to: '2021-06-30' }, generatedAt: AT }, options).plan,
      merger: generateOne('merger', book, { generatedAt: AT }, options).plan,
    };
    for (const [kind, plan] of Object.entries(plans)) {
      const { streamed, exceljs } = await bothWays(plan, kind);
      expect([kind, streamed]).toEqual([kind, exceljs]);
    }
  }, 120_000);

  it('writes frozen rows, print titles and a print area, as exceljs does', async () => {
    const { plan } = bigPlan();
    const sheet = { ...plan.sheets[0], name: 'Báo cáo Quý II', freezeRows: 2 };
    sheet.page = { orientation: 'landscape', paperSize: 'A4', margins: { top: 0.79, bottom: 0.79, left: 1.18, right: 0.59, header: 0.3, footer: 0.3 }, fitToWidth: true, printArea: 'A1:E503', titleRows: '$2:$2' };
    const { streamed, exceljs } = await bothWays({ sheets: [sheet], issues: [] }, 'layout');
    expect(streamed).toEqual(exceljs);
    expect(streamed[sheet.name]).toMatchObject({ views: [{ state: 'frozen', ySplit: 2 }], printArea: 'A1:E503', printTitlesRow: '2:2', page: { orientation: 'landscape', paperSize: 9, fitToPage: true } });
  });

  it("doubles an apostrophe of a sheet name in its print area, as Excel does (exceljs neither writes nor reads it so)", async () => {
    const { plan } = bigPlan();
    const sheet = { ...plan.sheets[0], name: "Báo cáo 'Quý' II" };
    sheet.page = { orientation: 'portrait', paperSize: 'A4', margins: { top: 0.79, bottom: 0.79, left: 1.18, right: 0.59, header: 0.3, footer: 0.3 }, fitToWidth: false, printArea: 'A1:E503', titleRows: '$2:$2' };
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tochuc-writer-'));
    try {
      const file = path.join(dir, 'apostrophe.xlsx');
      await writePlanFile(file, { sheets: [sheet], issues: [] });
      const workbookXml = strFromU8(unzipSync(new Uint8Array(await fs.readFile(file)))['xl/workbook.xml']);
      expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="0">'Báo cáo ''Quý'' II'!$A$1:$E$503</definedName>`);
      expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'Báo cáo ''Quý'' II'!$2:$2</definedName>`);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('leaves out of a sheet name the characters XML forbids, as a name has no escape', async () => {
    const { plan } = bigPlan();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tochuc-writer-'));
    try {
      const file = path.join(dir, 'name.xlsx');
      expect(await writePlanFile(file, { sheets: [{ ...plan.sheets[0], name: 'TGBC\uffff 2019\u0001' }], issues: [] })).toEqual(['TGBC 2019']);
      expect(Object.keys(await documentOf(file))).toEqual(['TGBC 2019', REGISTRY_SHEET]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('names a sheet that clashes with another, or with the registry, as exceljs does', async () => {
    const { plan } = bigPlan();
    const second = { ...plan.sheets[0] };
    const registry = { ...plan.sheets[0], name: 'Tochuc' };
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tochuc-writer-'));
    try {
      expect(await writePlanFile(path.join(dir, 'names.xlsx'), { sheets: [plan.sheets[0], second, registry], issues: [] })).toEqual(['TGBC 2015-2019', 'TGBC 2015-2019 (2)', 'Tochuc (2)']);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
