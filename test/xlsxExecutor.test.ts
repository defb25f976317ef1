import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { planSheet, type PlanOptions } from '../src/templates/planner';
import type { TemplateCellInput, TemplateSheet } from '../src/templates/parse';
import type { FillPlan } from '../src/templates/plan';
import { REGISTRY_SHEET, writePlan } from '../src/workbook/xlsx/writePlan';
import { hasLibreOffice, recalculatedCsv } from './helpers/libreoffice';

const OPTIONS: PlanOptions = { sheetName: 'TGBC 2015-2019', marker: { report: 'reduction', period: '2015-2019', generatedAt: '2026-11-22T08:00:00Z' } };
const cell = (v: string | number): TemplateCellInput => (typeof v === 'string' && v.startsWith('=') ? { formula: v } : { value: v });

/** The acceptance template: a 500-row repeated block with a SUM total below. */
function bigPlan(): { plan: FillPlan; expectedTotal: number } {
  const template: TemplateSheet = {
    name: 'Mẫu',
    cells: [
      [cell('BÁO CÁO KẾT QUẢ TINH GIẢN BIÊN CHẾ')],
      [cell('STT'), cell('Đơn vị'), undefined, cell('Số người'), cell('Tỷ lệ')],
      [cell('{{#each byUnit}}{{@index}}'), { value: '{{unit}}', style: 0 }, undefined, { value: '{{total}}', style: 0 }, cell('{{shareRate}}')],
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
    expect(ws.getCell('D502').numFmt).toBe('#,##0');
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
    const rows = await recalculatedCsv(file);
    expect(rows[2][0]).toBe('1');
    expect(rows[502][0]).toBe('Cộng');
    expect(Number(rows[502][3])).toBe(expectedTotal);
    expect(rows[502][4]).toBe('100.00%');
  }, 120000);
});
