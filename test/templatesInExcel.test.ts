/**
 * Templates on the Office.js side: the built-in templates inserted into the open workbook for editing,
 * read back, and used by generation; all against the strict Excel fake.
 */
import { viPercentFormula, VI_COUNT_FORMAT } from '../src/templates/numberFormats';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { SAMPLE_WORKBOOK } from '../src/cli/main';
import { reductionTemplates } from '../src/reports/reduction/template';
import type { TemplateCellInput, TemplateSheet } from '../src/templates/parse';
import type { CellStyle } from '../src/templates/plan';
import { generateInExcel, insertTemplatesInExcel } from '../src/workbook/office/generateInExcel';
import { readWorkbookSheets } from '../src/workbook/office/readSheets';
import { writeSettingsInExcel } from '../src/workbook/office/settings';
import {
  insertTemplates, readTemplatesInExcel, styleOf, TEMPLATE_MERGES_SKIPPED, TEMPLATE_STYLES_SKIPPED, templateNameOf,
} from '../src/workbook/office/templatesInExcel';
import { readXlsx } from '../src/workbook/xlsx/readXlsx';
import { templateToWorksheet } from '../src/workbook/xlsx/templateXlsx';
import { registrySheet } from '../src/workbook/xlsx/writePlan';
import type { FakeWorkbook } from './fakes/excelFake';
import { host, sampleInExcel } from './helpers/excelSample';
import { SAMPLE_ORG } from './tools/generateSample';
import type { ReductionReport } from '../src/reports/reduction/figures';
import type { PartyQuarterlyReport } from '../src/reports/partyQuarterly/figures';

const PARAMS = { period: { from: '2015-01-01', to: '2019-12-31' }, generatedAt: '2026-11-22T02:00:00Z', target: 0.1 };
const SUBTITLE = 'Kết quả thực hiện tinh giản biên chế';
const EDITED = 'Kết quả tinh giản biên chế kể từ ngày {{period.fromText}}';
const BUILTIN = reductionTemplates(SAMPLE_ORG.variant, SAMPLE_ORG.recipients);

async function sample(): Promise<FakeWorkbook> {
  const workbook = await sampleInExcel(await readXlsx(SAMPLE_WORKBOOK));
  await writeSettingsInExcel(host(workbook).host, { org: SAMPLE_ORG });
  return workbook;
}

/** Every value of a fake sheet, as text, for looking things up. */
function texts(workbook: FakeWorkbook, sheet: string): string[] {
  return [...workbook.sheet(sheet).cells.values()].map((c) => String(c.value ?? ''));
}

/** A template cell as comparable data: its content, number format and resolved style ("" and no content alike). */
function plainCells(template: TemplateSheet, withStyles: boolean): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  template.cells.forEach((row, r) => row.forEach((cell: TemplateCellInput | undefined, c) => {
    const style: CellStyle | undefined = cell?.style !== undefined ? template.styles?.[cell.style] : undefined;
    const entry = {
      ...(cell?.formula !== undefined ? { formula: cell.formula } : {}),
      ...(cell?.value !== undefined && cell.value !== null && cell.value !== '' ? { value: cell.value } : {}),
      ...(cell?.numberFormat ? { numberFormat: cell.numberFormat } : {}),
      ...(withStyles && style ? { style } : {}),
    };
    if (Object.keys(entry).length) out.push({ at: `${r},${c}`, ...entry });
  }));
  return out;
}

const sorted = (list: readonly string[] | undefined) => [...(list ?? [])].sort();

describe('inserting the built-in reduction templates into the open workbook', () => {
  let workbook: FakeWorkbook;
  beforeAll(async () => {
    workbook = await sample();
  });

  it('writes "Mẫu TGBC" and "Mẫu Phụ lục TGBC" as editable sheets: placeholders as text, formulas, formats, merges, layout', async () => {
    const { host: h } = host(workbook);
    const result = await insertTemplatesInExcel(h, 'reduction');
    expect(result.sheets).toEqual(['Mẫu TGBC', 'Mẫu Phụ lục TGBC']);
    expect(result.kept).toEqual([]);
    expect(result.skipped).toEqual([]);

    const sheet = workbook.sheet('Mẫu TGBC');
    expect(sheet.cell('A7')).toMatchObject({ value: SUBTITLE, formula: '' });
    expect(sheet.cell('A8')).toMatchObject({ value: '(Từ ngày {{period.fromText}} đến ngày {{period.toText}})', formula: '' });
    expect(sheet.cell('A16')).toMatchObject({ value: '{{#each reduced.byCategoryForm}}{{@index}}', formula: '' });
    // "(1)" is a column number, not Excel's -1: written as text.
    expect(sheet.cell('A15')).toMatchObject({ value: '(1)', formula: '' });
    expect(sheet.cell('C17')).toMatchObject({ formula: '=SUM(C16:C16)', numberFormat: VI_COUNT_FORMAT });
    expect(sheet.cell('F26')).toMatchObject({ formula: viPercentFormula('E26', 'C26') });
    expect(sorted(sheet.merges)).toEqual(sorted(BUILTIN[0].merges));
    expect(sheet.merges).toEqual(expect.arrayContaining(['A7:H7', 'A13:A14', 'D13:H13']));
    expect(sheet.cell('A1').format.font).toMatchObject({ name: 'Times New Roman', size: 13 });
    // The party's motto, bold and underlined.
    expect(sheet.cell('D1')).toMatchObject({ value: 'ĐẢNG CỘNG SẢN VIỆT NAM', format: { font: { bold: true, underline: 'Single' } } });
    expect(sheet.cell('A13').format.borders.EdgeTop).toMatchObject({ style: 'Continuous' });
    // Inside a bordered block too, not only round it: a table's grid.
    expect(sheet.cell('C14').format.borders).toMatchObject({ EdgeTop: { style: 'Continuous' }, EdgeLeft: { style: 'Continuous' }, EdgeRight: { style: 'Continuous' } });
    expect(sheet.columnWidth('B')).toBe(129.75);
    expect(sheet.pageLayout).toMatchObject({ orientation: 'Portrait', paperSize: 'A4', printArea: BUILTIN[0].page?.printArea });
    expect(workbook.sheet('Mẫu Phụ lục TGBC').pageLayout).toMatchObject({ orientation: 'Landscape', printTitleRows: '7:9' });
    expect(texts(workbook, 'Mẫu TGBC').join(' ')).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(texts(workbook, 'Mẫu TGBC')).toContain('- Ban Tổ chức Tỉnh ủy (b/c),');

    // The registry lists them as templates, so that the readers leave them out as data.
    expect(workbook.sheet('tochuc').values('A1:D20')).toEqual(expect.arrayContaining([
      ['Mẫu TGBC', 'template:reduction', '', ''], ['Mẫu Phụ lục TGBC', 'template:reduction', '', ''],
    ]));
    const read = await readWorkbookSheets(h);
    expect(read.grids.map((g) => g.name)).toEqual(expect.arrayContaining(['DS CBCCVC', 'Bien che', 'PA sap xep']));
    expect(read.grids.map((g) => g.name)).not.toEqual(expect.arrayContaining(['Mẫu TGBC']));
    expect(read.grids.map((g) => g.name)).not.toEqual(expect.arrayContaining(['Mẫu Phụ lục TGBC']));
  }, 60000);

  it('reads them back as the templates inserted: cells, formulas, formats, styles, merges, sizes, page setup; four syncs', async () => {
    const { host: h, stats } = host(workbook);
    const before = stats.syncs;
    const result = await readTemplatesInExcel(h, 'reduction');
    expect(result.sheets).toEqual(['Mẫu TGBC', 'Mẫu Phụ lục TGBC']);
    expect(result.templates.map((t) => t.name)).toEqual(['TGBC', 'Phụ lục TGBC']);
    expect(result.skipped).toEqual([]);
    // The sheets, the registry, the used ranges, then cells and layout of both sheets at once.
    expect(result.syncs).toBe(4);
    expect(stats.syncs - before).toBe(4);
    result.templates.forEach((template, i) => {
      const inserted = BUILTIN[i];
      expect(plainCells(template, true)).toEqual(plainCells(inserted, true));
      expect(sorted(template.merges)).toEqual(sorted(inserted.merges));
      expect(template.columnWidths).toEqual(inserted.columnWidths);
      // Rows without a height of their own read back Excel's default.
      template.rowHeights?.forEach((h, r) => expect([r, h]).toEqual([r, inserted.rowHeights?.[r] ?? 15]));
      expect(template.page).toEqual(inserted.page);
    });
    // Equal styles share one entry.
    expect(result.templates[0].styles?.length).toBeLessThan(BUILTIN[0].styles?.length ?? 0);
  });

  it('reads a template in more syncs, not a different one, when the responses must be small', async () => {
    const all = await readTemplatesInExcel(host(workbook).host, 'reduction');
    const small = await readTemplatesInExcel(host(workbook).host, 'reduction', { maxResponseBytes: 60_000 });
    expect(small.syncs).toBeGreaterThan(all.syncs);
    expect(small.templates).toEqual(all.templates);
  });

  it('generates from the edited template: the new wording filled in, the figures as before', async () => {
    workbook.sheet('Mẫu TGBC').mutableCell(6, 0).value = EDITED;
    const { host: h } = host(workbook);
    const result = await generateInExcel<ReductionReport>(h, 'reduction', PARAMS);
    expect(result.templateUsed).toBe(true);
    expect(result.templates).toEqual(['Mẫu TGBC', 'Mẫu Phụ lục TGBC']);
    expect(result.sheets).toEqual(['TGBC 2015-2019', 'Phụ lục TGBC 2015-2019', 'Vấn đề TGBC 2015-2019']);
    // The template sheets are no data: the people are counted once.
    expect(result.report.reduced.total).toBe(264);
    expect(result.report.source).toEqual(['DS CBCCVC', 'Bien che', 'PA sap xep']);
    const report = texts(workbook, 'TGBC 2015-2019');
    expect(report).toContain('Kết quả tinh giản biên chế kể từ ngày 01/01/2015');
    expect(report).not.toContain(SUBTITLE);
    expect(report).toContain('Trong kỳ đã thực hiện tinh giản 264 người. Số người tinh giản chia theo đối tượng và hình thức:');
    expect(report.join(' ')).not.toContain('{{');
    expect(texts(workbook, 'Phụ lục TGBC 2015-2019')).toContain('Tổng cộng: 264 người');
    const sheet = workbook.sheet('TGBC 2015-2019');
    expect(sheet.merges).toEqual(expect.arrayContaining(['A7:H7']));
    expect(sheet.cell('A7').format.font).toMatchObject({ name: 'Times New Roman', bold: true });
    // The total over the repeated rows still covers them all.
    const sums = [...sheet.cells.values()].map((c) => c.formula).filter((f) => /^=SUM\(C\d+:C\d+\)$/.test(f));
    expect(sums.some((f) => { const [, a, b] = /C(\d+):C(\d+)/.exec(f) as RegExpExecArray; return Number(b) > Number(a); })).toBe(true);
    // The template itself is untouched by generation.
    expect(workbook.sheet('Mẫu TGBC').cell('A7').value).toBe(EDITED);
  }, 60000);

  it('keeps the edited template sheets when asked to insert again, and shows the first', async () => {
    const { host: h } = host(workbook);
    const again = await insertTemplatesInExcel(h, 'reduction');
    expect(again.sheets).toEqual([]);
    expect(again.kept).toEqual(['Mẫu TGBC', 'Mẫu Phụ lục TGBC']);
    expect(workbook.sheet('Mẫu TGBC').cell('A7').value).toBe(EDITED);
    expect(workbook.activeSheet?.name).toBe('Mẫu TGBC');
    expect(workbook.sheetNames.filter((n) => n.startsWith('Mẫu'))).toEqual(['Mẫu TGBC', 'Mẫu Phụ lục TGBC']);
  }, 60000);

  it('puts back only a template sheet the user deleted', async () => {
    workbook.sheets.splice(workbook.sheets.indexOf(workbook.sheet('Mẫu Phụ lục TGBC')), 1);
    const result = await insertTemplatesInExcel(host(workbook).host, 'reduction');
    expect(result.sheets).toEqual(['Mẫu Phụ lục TGBC']);
    expect(result.kept).toEqual(['Mẫu TGBC']);
    // Registered once, not twice.
    expect(workbook.sheet('tochuc').values('A1:A30').flat().filter((v) => v === 'Mẫu Phụ lục TGBC')).toHaveLength(1);
  }, 60000);
});

describe('template sheets beside the user\'s own sheets', () => {
  it('never overwrites a sheet of the user\'s that has the name, and reads the template under its own name', async () => {
    const workbook = await sample();
    const own = workbook.addSheet('Mẫu TGBC');
    own.mutableCell(0, 0).value = 'Ghi chú của tôi';
    const { host: h } = host(workbook);
    const inserted = await insertTemplates(h, BUILTIN.slice(0, 1), 'reduction');
    expect(inserted.sheets).toEqual(['Mẫu TGBC (2)']);
    expect(workbook.sheet('Mẫu TGBC').cell('A1').value).toBe('Ghi chú của tôi');
    // Asked again, it keeps that one and adds no third.
    expect(await insertTemplates(h, BUILTIN.slice(0, 1), 'reduction')).toMatchObject({ sheets: [], kept: ['Mẫu TGBC (2)'] });
    const read = await readTemplatesInExcel(h, 'reduction');
    expect(read.sheets).toEqual(['Mẫu TGBC (2)']);
    expect(read.templates.map((t) => t.name)).toEqual(['TGBC']);
    // Only the built-in report template is replaced; the appendix stays built-in.
    const generated = await generateInExcel<ReductionReport>(h, 'reduction', PARAMS);
    expect(generated.templates).toEqual(['Mẫu TGBC (2)']);
    expect(generated.sheets).toEqual(['TGBC 2015-2019', 'Phụ lục TGBC 2015-2019', 'Vấn đề TGBC 2015-2019']);
  }, 60000);

  it('points a broken tag of the edited template at its cell in the template sheet', async () => {
    const workbook = await sample();
    const { host: h } = host(workbook);
    await insertTemplatesInExcel(h, 'reduction');
    workbook.sheet('Mẫu TGBC').mutableCell(6, 0).value = 'Kết quả {{khong.co}}';
    const result = await generateInExcel<ReductionReport>(h, 'reduction', PARAMS);
    expect(result.issues).toEqual(expect.arrayContaining([expect.objectContaining({ sheet: 'Mẫu TGBC', cell: 'A7', code: 'template.unknownKey' })]));
  }, 60000);

  it('generates from the built-in templates when the workbook has none, in no more syncs; templates cost two', async () => {
    const workbook = await sample();
    const builtin = await generateInExcel<ReductionReport>(host(workbook).host, 'reduction', PARAMS);
    expect(builtin.templateUsed).toBe(false);
    expect(builtin.templates).toEqual([]);
    expect(texts(workbook, 'TGBC 2015-2019')).toContain(SUBTITLE);
    // The registry is read once, by the data reader: no template sheet, no sync of their own.
    const { syncs } = await readTemplatesInExcel(host(workbook).host, 'reduction', { known: null });
    expect(syncs).toBe(0);
    await insertTemplatesInExcel(host(workbook).host, 'reduction');
    const edited = await generateInExcel<ReductionReport>(host(workbook).host, 'reduction', { ...PARAMS, replace: true });
    expect(edited.templateUsed).toBe(true);
    // The template sheets' used ranges, then their cells and layout.
    expect(edited.syncs - builtin.syncs).toBe(2);
  }, 60000);

  it('names a template after its sheet without "Mẫu " and without the number of a clash', () => {
    expect(templateNameOf('Mẫu TGBC')).toBe('TGBC');
    expect(templateNameOf('Mẫu Phụ lục TGBC (3)')).toBe('Phụ lục TGBC');
    expect(templateNameOf('M\u1EABu TGBC'.normalize('NFD'))).toBe('TGBC');
  });

  it('takes a font for the template\'s only where it differs from the workbook\'s Normal font, and a fill only with a pattern', () => {
    const normal = { name: 'Aptos Narrow', size: 11, bold: false, italic: false, underline: 'None', color: '#000000' } as Excel.CellPropertiesFont;
    expect(styleOf({ format: { font: { ...normal }, fill: { color: '#FFFFFF', pattern: 'None' }, horizontalAlignment: 'General', verticalAlignment: 'Bottom' } }, normal)).toEqual({});
    expect(styleOf({ format: { font: { ...normal, bold: true, color: '#c00000' }, fill: { color: '#FFFFFF', pattern: 'Solid' }, borders: { top: { style: 'Continuous' }, left: { style: 'None' } } } }, normal))
      .toEqual({ font: { name: 'Aptos Narrow', size: 11, bold: true, color: '#C00000' }, fill: '#FFFFFF', borders: ['top'] });
  });
});

describe('the party-building report (partyQuarterly) has templates of its own', () => {
  const H1 = { period: { from: '2021-01-01', to: '2021-06-30' }, generatedAt: '2026-11-22T02:00:00Z' };
  const REPORT = 'Chỉ tiêu XDĐ 2021-H1';

  it('inserts its four templates beside the reduction\'s, and an edited one keeps its charts over the moved rows', async () => {
    const workbook = await sample();
    const { host: h } = host(workbook);
    await insertTemplatesInExcel(h, 'reduction');
    const inserted = await insertTemplatesInExcel(h, 'partyQuarterly');
    expect(inserted.sheets).toEqual(['Mẫu Chỉ tiêu XDĐ', 'Mẫu PL Dự bị', 'Mẫu PL Huy hiệu', 'Mẫu PL Kiểm tra NV']);
    expect((await readTemplatesInExcel(h, 'reduction')).sheets).toEqual(['Mẫu TGBC', 'Mẫu Phụ lục TGBC']);
    // Template sheets have no charts; only reports do.
    expect(workbook.charts).toEqual([]);

    // The officer adds a line above everything (the fake's cells moved down by one row) and rewrites the title.
    const sheet = workbook.sheet('Mẫu Chỉ tiêu XDĐ');
    const moved = [...sheet.cells].map(([key, cell]) => {
      const [r, c] = key.split(',').map(Number);
      return [`${r + 1},${c}`, cell] as const;
    });
    sheet.cells.clear();
    for (const [key, cell] of moved) sheet.cells.set(key, cell);
    for (const area of sheet.mergedAreas) area.row++;
    sheet.mutableCell(0, 0).value = 'Bản sửa của Văn phòng';

    const generated = await generateInExcel<PartyQuarterlyReport>(h, 'partyQuarterly', H1);
    expect(generated.templates).toEqual(inserted.sheets);
    const report = workbook.sheet(REPORT);
    expect(report.cell('A1').value).toBe('Bản sửa của Văn phòng');
    const charts = workbook.charts;
    expect(charts.map((c) => [c.sheet, c.type])).toEqual([[REPORT, 'ColumnClustered'], [REPORT, 'Pie']]);
    const range = (source: string) => source.slice(source.lastIndexOf('!') + 1);
    expect(report.values(range(charts[0].source))).toEqual([['Quý I', 98, 98, 450], ['Quý II', 139, 237, 450]]);
    expect(report.values(range(charts[1].source))[0][0]).toBe('Hoàn thành xuất sắc nhiệm vụ');
    // Beside the tables' headers, where the built-in template puts them: as far above their data.
    const plain = await sample();
    const builtin = await generateInExcel<PartyQuarterlyReport>(host(plain).host, 'partyQuarterly', H1);
    expect(builtin.templateUsed).toBe(false);
    const row = (cell: string | null) => Number(/\d+/.exec(cell ?? '')?.[0]);
    const offset = (c: { anchor: string | null; source: string }) => row(range(c.source)) - row(c.anchor);
    expect(charts.map(offset)).toEqual(plain.charts.map(offset));
    expect(charts.map((c) => row(c.anchor))).not.toEqual(plain.charts.map((c) => row(c.anchor)));
  }, 120000);
});

describe('template sheets are no data for the .xlsx reader either', () => {
  it('leaves out a sheet the registry lists as a template', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('DS CBCCVC').addRow(['Họ và tên', 'Ngày sinh']);
    const template = templateToWorksheet(wb, { ...BUILTIN[1], name: 'Mẫu Phụ lục TGBC' });
    registrySheet(wb).addRow([template.name, 'template:reduction', '', '']);
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'tochuc-')), 'book.xlsx');
    await wb.xlsx.writeFile(file);
    expect((await readXlsx(file)).map((g) => g.name)).toEqual(['DS CBCCVC']);
  });
});

describe('templates on an Excel without ExcelApi 1.9 and 1.13', () => {
  it('inserts and reads back the cells, and says what it could not do', async () => {
    const workbook = await sample();
    const { host: h } = host(workbook, { requirementSets: ['ExcelApi 1.4'] });
    const inserted = await insertTemplatesInExcel(h, 'reduction');
    expect(inserted.sheets).toEqual(['Mẫu TGBC', 'Mẫu Phụ lục TGBC']);
    expect(inserted.skipped).toEqual(expect.arrayContaining([expect.stringContaining('ExcelApi 1.9')]));
    // Merges and styles need nothing above 1.4 to write.
    expect(workbook.sheet('Mẫu TGBC').merges).toEqual(expect.arrayContaining(['A7:H7']));

    const read = await readTemplatesInExcel(h, 'reduction');
    expect(read.skipped).toEqual([TEMPLATE_STYLES_SKIPPED, TEMPLATE_MERGES_SKIPPED]);
    read.templates.forEach((template, i) => {
      expect(plainCells(template, false)).toEqual(plainCells(BUILTIN[i], false));
      expect(template.styles).toEqual([]);
      expect(template.merges).toEqual([]);
      expect(template.columnWidths).toEqual(BUILTIN[i].columnWidths);
      expect(template.page).toMatchObject({ orientation: 'portrait', paperSize: 'A4' });
    });

    workbook.sheet('Mẫu TGBC').mutableCell(6, 0).value = EDITED;
    const generated = await generateInExcel<ReductionReport>(h, 'reduction', PARAMS);
    expect(generated.templateUsed).toBe(true);
    expect(generated.skipped).toEqual(expect.arrayContaining([TEMPLATE_STYLES_SKIPPED, TEMPLATE_MERGES_SKIPPED]));
    expect(texts(workbook, 'TGBC 2015-2019')).toContain('Kết quả tinh giản biên chế kể từ ngày 01/01/2015');
    expect(texts(workbook, 'TGBC 2015-2019')).toContain('Trong kỳ đã thực hiện tinh giản 264 người. Số người tinh giản chia theo đối tượng và hình thức:');
  }, 60000);
});
