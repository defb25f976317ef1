import { documentTemplate, type TableSpec } from '../src/templates/layout';
import { paginate, templateFlow } from '../src/templates/paginate';
import { planSheet } from '../src/templates/planner';
import type { SheetPlan } from '../src/templates/plan';

const OPTIONS = { sheetName: 'Báo cáo', marker: { report: 't', period: 'p', generatedAt: '2026-12-07T00:00:00Z' } };

const table = (list: string, totalLabel?: string): TableSpec => ({
  list, ...(totalLabel ? { totalLabel } : {}),
  columns: [
    { header: 'STT', cell: '{{@index}}' },
    { header: 'Đơn vị', group: 'Thông tin', cell: '{{unit}}' },
    { header: 'Số người', group: 'Thông tin', cell: '{{n}}', total: true, align: 'right' },
  ],
});

/** A document of two tables under headings, the second long enough for several pages, and a signature. */
function twoTables(rows: number) {
  const template = documentTemplate({
    name: 'Mẫu', org: { variant: 'state' }, widths: [6, 40, 12], orientation: 'portrait', top: 'plain', title: 'BÁO CÁO',
    sections: [
      { kind: 'heading', text: 'I. BẢNG MỘT' },
      { kind: 'table', table: table('short', 'Cộng') },
      { kind: 'heading', text: 'II. BẢNG HAI' },
      { kind: 'paragraph', text: 'Danh sách các đơn vị:' },
      { kind: 'table', table: table('long', 'Cộng') },
    ],
    signature: { recipients: [] },
  });
  const figures = {
    short: [{ unit: 'A', n: 1 }, { unit: 'B', n: 2 }],
    long: Array.from({ length: rows }, (_, i) => ({ unit: `Đơn vị số ${i + 1}`, n: i + 1 })),
  };
  return { template, sheet: planSheet(template, figures, OPTIONS).sheet };
}

const text = (sheet: SheetPlan, r: number) => (sheet.rows[r] ?? []).map((c) => (c?.value !== undefined ? String(c.value) : '')).join('|');
/** The rows each printed page starts at: 0, then every break. */
const pageStarts = (sheet: SheetPlan) => [0, ...(sheet.page?.breaks ?? [])];

describe('pages of a report sheet', () => {
  it('starts every page inside a table with a copy of its header, and the totals still add up', () => {
    const { sheet } = twoTables(120);
    const starts = pageStarts(sheet);
    const firstLong = sheet.rows.findIndex((_, r) => text(sheet, r).startsWith('1|Đơn vị số 1|'));
    const longTotal = sheet.rows.map((_, r) => r).filter((r) => text(sheet, r).startsWith('|Cộng')).pop()!;
    const inside = starts.filter((s) => s > firstLong && s <= longTotal);
    expect(inside.length).toBeGreaterThan(1);
    // Each such page: the two header rows (the group over its columns, their names), then "(1) (2) (3)".
    for (const s of inside) {
      expect(text(sheet, s)).toMatch(/^STT\|Thông tin/);
      expect(text(sheet, s + 2)).toBe('(1)|(2)|(3)');
      // The header's merged cells come with the copy: STT over its two rows.
      expect(sheet.merges).toContain(`A${s + 1}:A${s + 2}`);
    }
    const total = sheet.rows.flat().filter((c) => c?.formula?.startsWith('=SUM(')).map((c) => c!.result);
    expect(total).toEqual([3, (120 * 121) / 2]);
  });

  it('never leaves a heading, a table\'s first rows or its totals alone at a page\'s edge', () => {
    const { sheet } = twoTables(120);
    for (const s of pageStarts(sheet).slice(1)) {
      const before = text(sheet, s - 1);
      expect(before).not.toMatch(/^I+\. BẢNG/);
      expect(before).not.toMatch(/^STT\|/);
      expect(text(sheet, s)).not.toMatch(/^\|Cộng/);
    }
  });

  it('gives every row a height and a fixed scale, as both programs must lay the rows out alike', () => {
    const { sheet } = twoTables(60);
    expect(sheet.rowHeights.length).toBe(sheet.rows.length);
    expect(sheet.rowHeights.every((h) => typeof h === 'number' && h > 0)).toBe(true);
    expect(sheet.page).toMatchObject({ fitToWidth: false, scale: 100 });
    // Wider columns print smaller.
    const wide = planSheet({ ...twoTables(5).template, columnWidths: [6, 140, 12] }, { short: [], long: [] }, OPTIONS).sheet;
    expect(wide.page?.scale).toBeLessThan(100);
  });

  it('keeps print titles for a list of one page, and copies the header in where a single table breaks', () => {
    const single = (n: number) => planSheet(documentTemplate({
      name: 'Mẫu', org: { variant: 'state' }, widths: [6, 40, 12], orientation: 'portrait', top: 'plain', title: 'DANH SÁCH',
      sections: [{ kind: 'table', table: table('long') }],
    }), { long: Array.from({ length: n }, (_, i) => ({ unit: `Đơn vị ${i}`, n: i })) }, OPTIONS).sheet;
    expect(single(5).page?.titleRows).toBeDefined();
    expect(single(5).page?.breaks).toEqual([]);
    const long = single(200);
    expect(long.page?.titleRows).toBeUndefined();
    expect(long.page?.breaks?.length).toBeGreaterThan(2);
    for (const s of long.page!.breaks!) expect(text(long, s)).toMatch(/^STT\|/);
  });

  it('reads the same flow from a template read back from a workbook as from the built-in one', () => {
    const { template } = twoTables(3);
    const copy = JSON.parse(JSON.stringify(template));
    expect(templateFlow(copy)).toEqual(templateFlow(template));
    expect(templateFlow(template).filter((f) => f.kind === 'table')).toHaveLength(2);
  });

  it('leaves a sheet without page setup as it is', () => {
    const sheet: SheetPlan = { name: 'x', rows: [[{ value: 1 }]], styles: [], merges: [], columnWidths: [], rowHeights: [], marker: OPTIONS.marker };
    paginate(sheet, [{ kind: 'table', header: [0, 0], body: [0, 0] }]);
    expect(sheet).toEqual({ name: 'x', rows: [[{ value: 1 }]], styles: [], merges: [], columnWidths: [], rowHeights: [], marker: OPTIONS.marker });
  });
});
