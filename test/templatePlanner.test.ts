import { VI_COUNT_FORMAT } from '../src/templates/numberFormats';
import { isoToSerial } from '../src/domain/calendar';
import { planSheet, type PlanOptions } from '../src/templates/planner';
import type { TemplateCellInput, TemplateSheet } from '../src/templates/parse';

const OPTIONS: PlanOptions = { sheetName: 'TGBC 2015-2019', marker: { report: 'reduction', period: '2015-2019', generatedAt: '2026-11-22' } };

function template(rows: Array<Array<string | number | null>>, extra: Partial<TemplateSheet> = {}): TemplateSheet {
  return {
    name: 'Mẫu',
    cells: rows.map((row) => row.map((v): TemplateCellInput | undefined => (v === null ? undefined : typeof v === 'string' && v.startsWith('=') ? { formula: v } : { value: v }))),
    ...extra,
  };
}

describe('fill planner', () => {
  it('points a chart at the rows its {{#each}} row became, and anchors it where its row landed', () => {
    const t = template([
      ['Xếp loại'],
      ['STT', 'Mức', 'Số'],
      ['{{#each ratings}}{{@index}}', '{{label}}', '{{count}}'],
      ['Cộng', null, '=SUM(C3:C3)'],
    ], { charts: [{ title: 'Cơ cấu', type: 'pie', dataRow: 2, fromCol: 1, toCol: 2, seriesNames: ['Số'], anchorRow: 1, anchorCol: 4, width: 300, height: 200 }] });
    const ratings = ['Xuất sắc', 'Tốt', 'Hoàn thành', 'Không hoàn thành'].map((label, i) => ({ label, count: i + 1 }));
    const { sheet } = planSheet(t, { ratings }, OPTIONS);
    expect(sheet.charts).toEqual([{ title: 'Cơ cấu', type: 'pie', dataRange: 'B3:C6', seriesNames: ['Số'], anchor: 'E2', width: 300, height: 200 }]);
    expect(planSheet({ ...t, charts: [] }, { ratings }, OPTIONS).sheet.charts).toBeUndefined();
  });

  it('cuts a filled text at Excel\'s 32,767 characters, ending in "…", alone in its cell or among other text', () => {
    const long = 'Nội vụ '.repeat(6000);
    const { sheet } = planSheet(template([['{{note}}'], ['Ghi chú: {{note}}'], ['{{short}}']]), { note: long, short: 'x'.repeat(32767) }, OPTIONS);
    const texts = sheet.rows.map((r) => r[0]?.value as string);
    expect(texts.map((t) => t.length)).toEqual([32767, 32767, 32767]);
    expect(texts[0]).toBe(`${long.slice(0, 32766)}…`);
    expect(texts[1].startsWith('Ghi chú: Nội vụ')).toBe(true);
    expect(texts[1].endsWith('…')).toBe(true);
    expect(texts[2].endsWith('x')).toBe(true);
  });

  it('repeats a row per item with styles, heights and merges, and widens the SUM below over all of them', () => {
    const units = Array.from({ length: 500 }, (_, i) => ({ unit: `Đơn vị ${i + 1}`, total: i % 7 }));
    const t = template([
      ['BÁO CÁO TINH GIẢN BIÊN CHẾ'],
      ['STT', 'Đơn vị', null, 'Số người'],
      ['{{#each byUnit}}{{@index}}', '{{unit}}', null, '{{total}}'],
      ['Cộng', null, null, '=SUM(D3:D3)'],
    ], { merges: ['A1:D1', 'B3:C3'], rowHeights: [30, 20, 18, 22], styles: [{ borders: ['top', 'bottom', 'left', 'right'] }] });
    t.cells[2][3] = { value: '{{total}}', style: 0 };
    const { sheet, issues } = planSheet(t, { byUnit: units }, OPTIONS);
    expect(issues).toEqual([]);
    expect(sheet.rows).toHaveLength(503);
    expect(sheet.rows[2][0]).toEqual({ value: 1, numberFormat: '0' });
    expect(sheet.rows[501][1]).toEqual({ value: 'Đơn vị 500' });
    expect(sheet.rows[501][3]).toEqual({ value: 499 % 7, numberFormat: VI_COUNT_FORMAT, style: 0 });
    // The total stores its result too.
    expect(sheet.rows[502][3]).toEqual({ formula: '=SUM(D3:D502)', result: units.reduce((a, u) => a + u.total, 0) });
    expect(sheet.merges[0]).toBe('A1:D1');
    expect(sheet.merges).toHaveLength(501);
    expect(sheet.merges[500]).toBe('B502:C502');
    expect(sheet.rowHeights.slice(0, 4)).toEqual([30, 20, 18, 18]);
    expect(sheet.rowHeights[502]).toBe(22);
  });

  it('repeats nested blocks (unit → people), numbering each inner list from 1', () => {
    const { sheet, issues } = planSheet(template([
      ['{{#each units}}'],
      ['{{unit}}', 'Số người: {{count}}'],
      ['{{#each people}}{{@index}}', '{{fullName}}', '=B3'],
      ['{{/each}}'],
      ['Tổng: {{total}} người'],
    ]), { total: 3, units: [{ unit: 'Phòng Nội vụ', count: 2, people: [{ fullName: 'A' }, { fullName: 'B' }] }, { unit: 'Phòng Y tế', count: 1, people: [{ fullName: 'C' }] }] }, OPTIONS);
    expect(issues).toEqual([]);
    expect(sheet.rows.map((r) => r.map((c) => c?.value ?? c?.formula ?? null))).toEqual([
      ['Phòng Nội vụ', 'Số người: 2'], [1, 'A', '=B2'], [2, 'B', '=B3'],
      ['Phòng Y tế', 'Số người: 1'], [1, 'C', '=B5'],
      ['Tổng: 3 người'],
    ]);
  });

  it('keeps one blank row for an empty list, so that the total still points somewhere', () => {
    const { sheet, issues } = planSheet(template([['{{#each people}}{{@index}}', '{{fullName}}', 5, '=C1*2'], ['Cộng', '=COUNTA(B1:B1)']]), { people: [] }, OPTIONS);
    expect(issues).toEqual([]);
    // The blank row has no number, and no formula of its own (it would show 0): no one is listed.
    expect(sheet.rows[0]).toEqual([{}, {}, { value: 5 }, {}]);
    expect(sheet.rows[1][1]).toEqual({ formula: '=COUNTA(B1:B1)', result: 0 });
  });

  it('types figures: counts in the Vietnamese format, rates as Vietnamese text, ISO dates as dd/mm/yyyy serials; inline text the Vietnamese way', () => {
    const figures = { tasks: { done: 206, registered: 229, rate: 206 / 229 }, period: { to: '2021-06-30' }, members: { end: 60137 }, reportDate: { year: 2026 } };
    const { sheet } = planSheet(template([['{{tasks.done}}', '{{tasks.rate}}', '{{period.to}}', 'Hoàn thành {{tasks.done}}/{{tasks.registered}} = {{tasks.rate}}, đến {{period.to}}; {{members.end}} đảng viên, năm {{reportDate.year}}', '{{reportDate.year}}']]), figures, OPTIONS);
    expect(sheet.rows[0]).toEqual([
      { value: 206, numberFormat: VI_COUNT_FORMAT }, { value: '89,96%' }, { value: isoToSerial('2021-06-30'), numberFormat: 'dd\\/mm\\/yyyy' },
      { value: 'Hoàn thành 206/229 = 89,96%, đến 30/06/2021; 60.137 đảng viên, năm 2026' }, { value: 2026, numberFormat: '0' },
    ]);
  });

  it('writes data that looks like a formula as text, never as a formula', () => {
    const { sheet } = planSheet(template([['{{#each people}}{{fullName}}', '{{note}}']]), { people: [{ fullName: '=HYPERLINK("http://x")', note: '+84 912' }, { fullName: '@SUM(A1)', note: '-1' }] }, OPTIONS);
    for (const row of sheet.rows) for (const cell of row) expect(cell?.formula).toBeUndefined();
    expect(sheet.rows[0][0]).toEqual({ value: '=HYPERLINK("http://x")' });
    expect(sheet.rows[1][1]).toEqual({ value: '-1' });
  });

  it('names the cell and the key of a missing figure, and shows the tag rather than an empty cell', () => {
    const { sheet, issues } = planSheet(template([['Tổng: {{reduced.totl}}'], ['{{#each byUnit}}{{unit}}', '{{totl}}']]), { reduced: { total: 264 }, byUnit: [{ unit: 'A' }, { unit: 'B' }] }, OPTIONS);
    expect(issues.map((i) => `${i.severity} ${i.code} ${i.cell} ${i.message}`)).toEqual([
      'error template.unknownKey A1 Ô A1: không có số liệu "reduced.totl" trong báo cáo này.',
      'error template.unknownKey B2 Ô B2: không có số liệu "totl" trong báo cáo này.',
    ]);
    expect(sheet.rows[0][0]).toEqual({ value: 'Tổng: {{reduced.totl}}' });
    expect(sheet.rows[1][1]).toEqual({ value: '{{totl}}' });
  });

  it('reports a formula pointing at a removed marker row, and a list that is not one', () => {
    const { issues } = planSheet(template([['{{#each units}}'], ['{{unit}}'], ['{{/each}}'], ['=A1+A3'], ['{{#each reduced}}{{x}}']]), { units: [{ unit: 'A' }], reduced: { total: 1 } }, OPTIONS);
    expect(issues.map((i) => `${i.code}@${i.cell}`)).toEqual(['template.notAList@A5', 'template.formulaRemovedRow@A4', 'template.formulaRemovedRow@A4']);
    expect(issues.slice(1).map((i) => i.message)).toEqual([expect.stringContaining('trỏ tới A1'), expect.stringContaining('trỏ tới A3')]);
  });

  it('maps the print area and the title rows, and makes a valid sheet name', () => {
    const page = { orientation: 'portrait' as const, paperSize: 'A4' as const, margins: { top: 0.79, bottom: 0.79, left: 1.18, right: 0.59, header: 0.3, footer: 0.3 }, fitToWidth: true, printArea: 'A1:D4', titleRows: '$2:$2' };
    const { sheet } = planSheet(template([['TIÊU ĐỀ'], ['STT', 'Tên'], ['{{#each xs}}{{@index}}', '{{name}}'], ['Cộng']], { page }), { xs: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] }, { ...OPTIONS, sheetName: 'Báo cáo [Q2/2021]: tinh giản biên chế và sắp xếp' });
    expect(sheet.page).toMatchObject({ printArea: 'A1:D6', titleRows: '$2:$2' });
    expect(sheet.name).toBe('Báo cáo -Q2-2021-- tinh giản bi');
    expect(sheet.name.length).toBeLessThanOrEqual(31);
  });
});
