import { VI_COUNT_FORMAT } from '../src/templates/numberFormats';
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import ExcelJS from 'exceljs';
import type { TemplateSheet } from '../src/templates/parse';
import type { CellStyle } from '../src/templates/plan';
import { planSheet, type PlanOptions } from '../src/templates/planner';
import { UnreadableWorkbookError } from '../src/workbook/xlsx/readXlsx';
import { readTemplateWorkbook, templateFromWorksheet, templateToWorksheet, writeTemplateWorkbook } from '../src/workbook/xlsx/templateXlsx';
import { registrySheet } from '../src/workbook/xlsx/writePlan';
import { REGISTRY_SHEET } from '../src/workbook/hiddenSheet';
import { hasLibreOffice } from './helpers/libreoffice';
import { DEMO_INTRO, DEMO_ORG, DEMO_TITLE, demoTemplate } from './tools/renderReport';

const DIR = path.join(os.tmpdir(), 'tochuc-fixtures', 'templates');

const TITLE = DEMO_TITLE;
const INTRO = DEMO_INTRO;

const UNITS = [
  { unit: 'Văn phòng Thành ủy', baseline: 25, current: 22, change: -3 },
  { unit: 'Ban Tổ chức Thành ủy', baseline: 9, current: 8, change: -1 },
  { unit: 'Trung tâm Chính trị thành phố, một tên đủ dài để phải xuống dòng trong ô của bảng', baseline: 7, current: 6, change: -1 },
];
const FIGURES = { org: DEMO_ORG, reportDate: { day: 22, month: 11, year: 2026 }, period: { to: '2021-06-30' }, count: UNITS.length, units: UNITS };
const OPTIONS: PlanOptions = { sheetName: 'Bien che 2015-2021', marker: { report: 'demo', period: '2021', generatedAt: '2026-11-22' } };

interface Styled {
  style?: number;
}

function trimEnd<T>(list: T[]): T[] {
  let n = list.length;
  while (n > 0 && list[n - 1] === undefined) n--;
  return list.slice(0, n);
}

/** Cells with their styles looked up: what a sheet means, whatever its style numbering. */
function resolved<C extends Styled>(rows: ReadonlyArray<ReadonlyArray<C | undefined> | undefined>, styles: CellStyle[] = []) {
  return rows.map((row) => trimEnd(Array.from(row ?? [], (cell) => (cell ? { ...cell, style: cell.style === undefined ? undefined : styles[cell.style] } : undefined))));
}

async function fixturePath(name: string): Promise<string> {
  await fs.mkdir(DIR, { recursive: true });
  return path.join(DIR, name);
}

async function writeTemplates(name: string, templates: TemplateSheet[]): Promise<string> {
  const file = await fixturePath(name);
  await writeTemplateWorkbook(file, templates);
  return file;
}

/** The address of the first cell whose text satisfies `match` (found with eachCell: getCell reads look like Office.js to the linter). */
function findText(ws: ExcelJS.Worksheet, match: (text: string) => boolean): string {
  let address: string | undefined;
  ws.eachRow((row) => row.eachCell((cell) => {
    if (!address && typeof cell.value === 'string' && match(cell.value)) address = cell.address;
  }));
  if (!address) throw new Error('no such cell');
  return address;
}

function planOf(template: TemplateSheet) {
  const { sheet, issues } = planSheet(template, FIGURES, OPTIONS);
  expect(issues).toEqual([]);
  return sheet;
}

function texts(rows: ReadonlyArray<ReadonlyArray<{ value?: unknown } | undefined>>): unknown[] {
  return rows.flatMap((row) => row.map((cell) => cell?.value)).filter((v) => v !== undefined);
}

/** Opens the file in LibreOffice and saves it again as .xlsx, as a user editing the template would. */
async function resavedInLibreOffice(file: string): Promise<string> {
  const outDir = path.join(DIR, 'libreoffice');
  const profile = 'file://' + path.join(os.tmpdir(), 'tochuc-lo-resave-profile');
  await promisify(execFile)('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, file], { timeout: 120000 });
  return path.join(outDir, path.basename(file));
}

describe('templates as .xlsx files', () => {
  it('gives back the cells, styles, merges, sizes and page setup of a built-in template', async () => {
    const template = demoTemplate();
    const [back, ...rest] = await readTemplateWorkbook(await writeTemplates('round-trip.xlsx', [template]));
    expect(rest).toEqual([]);
    expect(back.name).toBe(template.name);
    expect(resolved(back.cells, back.styles)).toEqual(resolved(template.cells, template.styles));
    // Equal styles of the built-in table (e.g. title and signature) come back as one.
    expect(new Set(back.styles?.map((s) => JSON.stringify(s))).size).toBe(back.styles?.length);
    expect([...(back.merges ?? [])].sort()).toEqual([...(template.merges ?? [])].sort());
    expect(back.columnWidths).toEqual(template.columnWidths);
    expect(back.rowHeights).toEqual(template.rowHeights);
    expect(back.page).toEqual(template.page);
    expect(back.freezeRows).toBeUndefined();
    // The totals are live formulas in Excel, not texts.
    const formulas = (t: TemplateSheet) => t.cells.flat().filter((c) => c?.formula).map((c) => c?.formula);
    expect(formulas(back)).toEqual(formulas(template));
    expect(formulas(back)).toHaveLength(3);
  });

  it('fills the read-back template into the same report as the original', async () => {
    const template = demoTemplate();
    const [back] = await readTemplateWorkbook(await writeTemplates('plan.xlsx', [template]));
    const original = planOf(template);
    const again = planOf(back);
    expect(resolved(again.rows, again.styles)).toEqual(resolved(original.rows, original.styles));
    expect([...again.merges].sort()).toEqual([...original.merges].sort());
    expect(again.rowHeights).toEqual(original.rowHeights);
    expect(again.columnWidths).toEqual(original.columnWidths);
    expect(again.page).toEqual(original.page);
    expect(texts(again.rows)).toContain('Văn phòng Thành ủy');
  });

  it('keeps what the user changed in Excel, rich text included', async () => {
    const file = await writeTemplates('edited.xlsx', [demoTemplate()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    const title = findText(ws, (t) => t === TITLE);
    const intro = findText(ws, (t) => t === INTRO);
    ws.getCell(title).value = 'BÁO CÁO NHANH';
    // Excel saves text with a bold word as rich text.
    ws.getCell(intro).value = { richText: [{ text: 'Tổng số: ' }, { font: { bold: true }, text: '{{count}}' }, { text: ' đơn vị' }] };
    await wb.xlsx.writeFile(file);

    const [back] = await readTemplateWorkbook(file);
    const values = texts(back.cells);
    expect(values).toContain('BÁO CÁO NHANH');
    expect(values).toContain('Tổng số: {{count}} đơn vị');
    expect(values).not.toContain(TITLE);
    const report = texts(planOf(back).rows);
    expect(report).toEqual(expect.arrayContaining(['BÁO CÁO NHANH', 'Tổng số: 3 đơn vị']));
  });

  it('keeps text that starts with "=" as text, and formulas as formulas', async () => {
    const template: TemplateSheet = {
      name: 'Công thức',
      cells: [
        [{ value: '=abc' }, { value: '=SUM(B2:B3)' }, { formula: '=1+2' }, { formula: 'SUM(A1:A1)' }],
        [{ value: 'Số' }, { value: 2, numberFormat: '#,##0' }, { value: true }, { value: null, style: 0 }],
      ],
      styles: [{ fill: '#FFFF00', borders: ['bottom'] }],
      freezeRows: 1,
    };
    const [back] = await readTemplateWorkbook(await writeTemplates('equals.xlsx', [template]));
    expect(back.cells[0]).toEqual([{ value: '=abc' }, { value: '=SUM(B2:B3)' }, { formula: '=1+2' }, { formula: '=SUM(A1:A1)' }]);
    expect(resolved(back.cells, back.styles)[1]).toEqual([{ value: 'Số' }, { value: 2, numberFormat: '#,##0' }, { value: true }, { style: { fill: '#FFFF00', borders: ['bottom'] } }]);
    expect(back.freezeRows).toBe(1);
    const plan = planSheet(back, {}, OPTIONS).sheet;
    // Formulas store their results: =1+2 is 3, and A1 is a text, which SUM leaves out.
    expect(plan.rows[0]).toEqual([{ value: '=abc' }, { value: '=SUM(B2:B3)' }, { formula: '=1+2', result: 3 }, { formula: '=SUM(A1:A1)', result: 0 }]);
  });

  it('reads what Excel writes: shared formulas, dates, hyperlinks, the default font', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Excel');
    ws.getCell('A1').value = 1;
    ws.getCell('A2').value = 2;
    ws.fillFormula('B1:B2', 'A1*2', [2, 4]);
    ws.getCell('C1').value = new Date(Date.UTC(2021, 5, 30));
    ws.getCell('C1').numFmt = 'dd/mm/yyyy';
    ws.getCell('D1').value = { text: 'Cổng thông tin', hyperlink: 'https://mongcai.gov.vn' };
    ws.getCell('E1').border = { left: { style: 'medium' } };
    ws.getCell('F1').alignment = { horizontal: 'centerContinuous', vertical: 'middle', wrapText: true };
    ws.getCell('G1').font = { name: 'Times New Roman', size: 12, underline: 'double', color: { argb: 'FFC00000' } };
    ws.getCell('G1').value = 'gạch chân';
    ws.pageSetup = { ...ws.pageSetup, orientation: 'landscape', printTitlesRow: '1:1' };
    const file = await fixturePath('excel.xlsx');
    await wb.xlsx.writeFile(file);

    const [back] = await readTemplateWorkbook(file);
    const cells = resolved(back.cells, back.styles);
    expect(cells[0][1]).toEqual({ formula: '=A1*2' });
    expect(cells[1][1]).toEqual({ formula: '=A2*2' });
    expect(cells[0][2]).toEqual({ value: 44377, numberFormat: 'dd/mm/yyyy' });
    expect(cells[0][3]).toEqual({ value: 'Cổng thông tin' });
    // A border alone: no Calibri font, no fill; an alignment Excel has and templates do not is left out.
    expect(cells[0][4]).toEqual({ style: { borders: ['left'] } });
    expect(cells[0][5]).toEqual({ style: { verticalAlignment: 'center', wrapText: true } });
    expect(cells[0][6]).toEqual({ value: 'gạch chân', style: { font: { name: 'Times New Roman', size: 12, underline: true, color: '#C00000' } } });
    expect(back.page).toMatchObject({ orientation: 'landscape', paperSize: 'A4', fitToWidth: false, titleRows: '$1:$1' });
  });

  it('reads the user\'s visible sheets in workbook order, not hidden ones nor the registry', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = (name: string): TemplateSheet => ({ name, cells: [[{ value: `Mẫu ${name}` }]] });
    templateToWorksheet(wb, sheet('Tinh giản'));
    templateToWorksheet(wb, sheet('Nháp')).state = 'hidden';
    templateToWorksheet(wb, sheet('Sắp xếp'));
    templateToWorksheet(wb, sheet('Ẩn hẳn')).state = 'veryHidden';
    // Even made visible by some other tool, the registry is tochuc's, not a template.
    registrySheet(wb).state = 'visible';
    const file = await fixturePath('hidden.xlsx');
    await wb.xlsx.writeFile(file);

    const templates = await readTemplateWorkbook(file);
    expect(templates.map((t) => t.name)).toEqual(['Tinh giản', 'Sắp xếp']);
    expect(templates.map((t) => t.name)).not.toContain(REGISTRY_SHEET);
  });

  it('gives each template a valid, free sheet name', async () => {
    const wb = new ExcelJS.Workbook();
    const names = ['Mẫu: 1/2', 'Mẫu: 1/2', 'Một tên mẫu rất dài vượt quá ba mươi mốt ký tự'].map((name) => templateToWorksheet(wb, { name, cells: [] }).name);
    expect(names).toEqual(['Mẫu- 1-2', 'Mẫu- 1-2 (2)', 'Một tên mẫu rất dài vượt quá ba']);
  });

  it('refuses a missing file and a file that is no workbook, naming it', async () => {
    const missing = await fixturePath('không có.xlsx');
    await expect(readTemplateWorkbook(missing)).rejects.toThrow(UnreadableWorkbookError);
    await expect(readTemplateWorkbook(missing)).rejects.toThrow(missing);
    const text = await fixturePath('danh sách.xlsx');
    await fs.writeFile(text, 'Họ và tên,Đơn vị\nNguyễn Văn A,Phòng Nội vụ\n');
    await expect(readTemplateWorkbook(text)).rejects.toThrow(UnreadableWorkbookError);
    await expect(readTemplateWorkbook(text)).rejects.toThrow(text);
  });

  it('survives a re-save in LibreOffice, but for row heights', async () => {
    if (!(await hasLibreOffice())) {
      if (process.env.CI) throw new Error('LibreOffice (libreoffice-calc-nogui) is missing: .ci/run installs it.');
      console.warn('LibreOffice not installed here: skipping the re-save check.');
      return;
    }
    const template = demoTemplate();
    const [back] = await readTemplateWorkbook(await resavedInLibreOffice(await writeTemplates('libreoffice.xlsx', [template])));
    // LibreOffice drops empty texts, which the template engine reads as empty cells anyway.
    // A known gap (docs/decisions.md, "Vietnamese numbers whatever the PC"): LibreOffice saves the
    // count format's quoted points as backslash escapes, which exceljs reads back without the
    // backslash. Every other format, and everything else, survives.
    const LO_COUNT = VI_COUNT_FORMAT.replace(/"\."/g, '.');
    const meaning = (t: TemplateSheet) => resolved(t.cells, t.styles).map((row) => row.map((c) => (c?.value === '' ? { ...c, value: undefined } : c?.numberFormat === LO_COUNT ? { ...c, numberFormat: VI_COUNT_FORMAT } : c)));
    expect(meaning(back)).toEqual(meaning(template));
    expect([...(back.merges ?? [])].sort()).toEqual([...(template.merges ?? [])].sort());
    expect(back.columnWidths).toEqual(template.columnWidths);
    expect(back.page).toMatchObject({ orientation: 'portrait', paperSize: 'A4', fitToWidth: true, printArea: template.page?.printArea, titleRows: template.page?.titleRows });
    expect(back.page?.margins.left).toBeCloseTo(template.page?.margins.left ?? 0, 2);
    // Known loss: every row comes back with a fixed height (LibreOffice marks them all custom,
    // exceljs reads no customHeight), the repeated row included, which was left to fit its text.
    const dataRow = template.cells.findIndex((row) => String(row[0]?.value ?? '').startsWith('{{#each'));
    expect(template.rowHeights?.[dataRow]).toBeUndefined();
    expect(back.rowHeights?.[dataRow]).toBe(15);
    // With the count format mended as above, the report filled from it is the original's.
    for (const row of back.cells) for (const c of row ?? []) if (c?.numberFormat === LO_COUNT) c.numberFormat = VI_COUNT_FORMAT;
    const [again, original] = [planOf(back), planOf(template)];
    expect(resolved(again.rows, again.styles)).toEqual(resolved(original.rows, original.styles));
  }, 120000);

  it('reads a sheet in memory without a file', () => {
    const wb = new ExcelJS.Workbook();
    const ws = templateToWorksheet(wb, demoTemplate());
    const back = templateFromWorksheet(ws);
    expect(resolved(back.cells, back.styles)).toEqual(resolved(demoTemplate().cells, demoTemplate().styles));
  });
});
