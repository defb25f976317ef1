import { parseA1Range, rangeA1, a1 } from '../domain/a1';
import { repointFormula } from './formulas';
import { columnPoints } from './sheetGeometry';
import type { TemplateSheet } from './parse';
import type { PlanCell, SheetPlan } from './plan';

/**
 * Where a printed report sheet's pages end, decided here rather than left to Excel or LibreOffice,
 * which each break where a page is full: a table then ran onto the next page without its header,
 * and a heading could stand alone at a page's foot (docs/decisions.md, "Pages").
 *
 * The sheet's flow (`SheetFlow`, read from the template's cells by `templateFlow`) tells which rows
 * hold together:
 * - a table's header and its first rows, so that a table never starts at a page's foot, and its
 *   last rows with its totals;
 * - a heading or a lead-in paragraph with what follows it, and the signature block;
 * - a table that carries a chart, whole (its chart reads the rows).
 * Where a table must break, the next page starts with its header rows again: they are copied in
 * after the break (print titles, which Excel and LibreOffice repeat over every later page, are kept
 * only for a sheet of one page and a list too long for Excel's 1,026 manual breaks). Every row gets
 * an explicit height, so that both programs lay the rows out alike, the sheet a fixed scale, and a
 * manual page break goes where each page ends. The page holds a little less than the estimate
 * allows (SAFETY), so neither program breaks sooner of its own.
 */

/** Rows of the filled sheet, 0-based. */
export type SheetFlow =
  | { kind: 'table'; header: [number, number]; body: [number, number]; whole?: boolean }
  | { kind: 'together'; first: number; last: number };

// A4 in points; inches to points.
const A4 = { width: 595.3, height: 841.9 };
const POINTS_PER_INCH = 72;
const SAFETY = 0.95;
const LIBREOFFICE_POINTS_PER_WIDTH = 5.55;
// Excel's default column width in its own units (8.43 shown).
const DEFAULT_WIDTH = 9.14;
// Excel keeps at most 1,026 manual page breaks a sheet.
const MAX_BREAKS = 1000;

/** The height of a row Excel and LibreOffice size by its largest font, close to both. */
export function defaultRowHeight(fontSize: number): number {
  return Math.ceil(fontSize * 1.3);
}

function rowHeights(sheet: SheetPlan): number[] {
  const sizes = sheet.styles.map((s) => s?.font?.size ?? 11);
  const count = Math.max(sheet.rows.length, sheet.rowHeights.length);
  const out: number[] = [];
  for (let r = 0; r < count; r++) {
    const set = sheet.rowHeights[r];
    if (set !== undefined) {
      out.push(set);
      continue;
    }
    let size = 11;
    for (const cell of sheet.rows[r] ?? []) if (cell?.style !== undefined) size = Math.max(size, sizes[cell.style] ?? 11);
    out.push(defaultRowHeight(size));
  }
  return out;
}

/** The page's printable size in points. */
export function printableSize(page: NonNullable<SheetPlan['page']>): { width: number; height: number } {
  const [width, height] = page.orientation === 'landscape' ? [A4.height, A4.width] : [A4.width, A4.height];
  const m = page.margins;
  return { width: width - (m.left + m.right) * POINTS_PER_INCH, height: height - (m.top + m.bottom) * POINTS_PER_INCH };
}

/**
 * The scale, in percent, that fits the printed columns to the page's width: worked out here and
 * written as a fixed scale, because Excel ignores manual page breaks on a sheet set to fit its
 * pages. A column is measured as the wider of Excel's arithmetic (sheetGeometry.ts) and
 * LibreOffice's drawing, which gives a unit of width 5.55 points (seen: 10 units, 55.5 points, where
 * Excel draws 52.5): the columns then fit the page in both.
 */
function fittingScale(sheet: SheetPlan): number {
  const page = sheet.page!;
  const area = page.printArea ? parseA1Range(page.printArea) : undefined;
  let sheetWidth = 0;
  for (let c = area?.left ?? 0; c <= (area?.right ?? sheet.columnWidths.length - 1); c++) sheetWidth += Math.max(columnPoints(sheet, c), (sheet.columnWidths[c] ?? DEFAULT_WIDTH) * LIBREOFFICE_POINTS_PER_WIDTH);
  return Math.min(100, Math.floor((printableSize(page).width / sheetWidth) * 99));
}

/** The points of sheet rows a printed page holds at the page's scale. */
function pageCapacity(sheet: SheetPlan): number {
  const page = sheet.page!;
  return (printableSize(page).height / ((page.scale ?? 100) / 100)) * SAFETY;
}

interface Break {
  /** The row (of the sheet before any copy is put in) that starts the page. */
  row: number;
  /** The header rows copied in at the top of that page. */
  header?: [number, number];
  /** Only because the page was full: a program would break there of itself. */
  full: boolean;
}

/** The pages' starts, and the header copies, over the rows as they are. */
function plan(heights: number[], flow: readonly SheetFlow[], capacity: number, titles: [number, number] | undefined, last: number): Break[] {
  const sum = (from: number, to: number) => {
    let s = 0;
    for (let r = from; r <= to; r++) s += heights[r] ?? 0;
    return s;
  };
  const titleHeight = titles ? sum(titles[0], titles[1]) : 0;
  // What must stay together, by its first row: the longest span starting there.
  const together = new Map<number, number>();
  const keep = (first: number, to: number) => together.set(first, Math.max(together.get(first) ?? first, to));
  for (const f of flow) {
    if (f.kind === 'together') keep(f.first, f.last);
    else {
      keep(f.header[0], f.whole ? f.body[1] : Math.min(f.body[0] + 1, f.body[1]));
      // A table's last rows (its totals) never stand alone at the top of a page.
      if (f.body[1] > f.body[0]) keep(Math.max(f.body[0] + 1, f.body[1] - 2), f.body[1]);
    }
  }
  // Spans that overlap hold together as one: the last rows of a list, its totals and the compiler's line under them.
  for (const first of [...together.keys()].sort((a, b) => b - a)) {
    let to = together.get(first)!;
    for (let r = first + 1; r <= to; r++) to = Math.max(to, together.get(r) ?? to);
    together.set(first, to);
  }
  const tables = flow.filter((f): f is Extract<SheetFlow, { kind: 'table' }> => f.kind === 'table' && !f.whole);
  const breaks: Break[] = [];
  let used = 0;
  // A page that starts inside a table's body starts with its header, unless print titles repeat it.
  const headerAt = (row: number): [number, number] | undefined => {
    const table = tables.find((t) => row > t.body[0] && row <= t.body[1]);
    const repeated = table && titles && titles[0] === table.header[0] && titles[1] === table.header[1];
    return table && !repeated ? table.header : undefined;
  };
  const startPage = (row: number, full: boolean) => {
    const header = headerAt(row);
    breaks.push({ row, full, ...(header ? { header } : {}) });
    used = titles && row > titles[1] ? titleHeight : 0;
    if (header) used += sum(header[0], header[1]);
  };
  for (let r = 0; r <= last; r++) {
    const to = together.get(r);
    if (to !== undefined && used > 0) {
      const need = sum(r, to);
      if (used + need > capacity && need <= capacity - titleHeight) startPage(r, false);
    }
    const h = heights[r] ?? 0;
    if (used > 0 && used + h > capacity) startPage(r, true);
    used += h;
  }
  return breaks;
}

/**
 * Lays the sheet out on pages: explicit row heights, header copies where a table breaks, and the
 * page breaks, with every reference (formulas, merges, charts, print area and titles, frozen rows)
 * moved over the rows put in. A sheet without a page setup is left as it is.
 */
export function paginate(sheet: SheetPlan, flow: readonly SheetFlow[]): void {
  const page = sheet.page;
  if (!page) return;
  if (page.fitToWidth) {
    // At most a scale set before (the page of an organisation chart: orgChartPage.ts).
    page.scale = Math.min(fittingScale(sheet), page.scale ?? 100);
    page.fitToWidth = false;
  }
  const heights = rowHeights(sheet);
  const area = page.printArea ? parseA1Range(page.printArea) : undefined;
  const titleMatch = page.titleRows ? /^\$?(\d+):\$?(\d+)$/.exec(page.titleRows) : null;
  const titles: [number, number] | undefined = titleMatch ? [Number(titleMatch[1]) - 1, Number(titleMatch[2]) - 1] : undefined;
  const capacity = pageCapacity(sheet);
  const last = area?.bottom ?? heights.length - 1;
  // The header is copied in, rather than repeated as print titles, wherever every break can be
  // written: print titles repeat over every later page, the signature's included. Only a list past
  // Excel's limit is laid out again with its titles; a sheet of one page keeps them (they repeat
  // nowhere, and serve the officer who adds rows), its pages the same either way.
  let breaks = plan(heights, flow, capacity, undefined, last);
  if (titles && breaks.length > MAX_BREAKS) breaks = plan(heights, flow, capacity, titles, last);
  else if (titles && breaks.length > 0) delete page.titleRows;
  // Past Excel's limit, the breaks a program would make anyway are left to it.
  if (breaks.length > MAX_BREAKS) breaks = breaks.filter((b) => !b.full || b.header).slice(0, MAX_BREAKS);

  const copies = breaks.filter((b) => b.header);
  // Rows put in before a row of the sheet as it was (`before`: strictly before it; `at`: up to and at it).
  const shift = (row: number, atToo: boolean) => {
    let n = 0;
    for (const c of copies) if (c.row < row || (atToo && c.row === row)) n += c.header![1] - c.header![0] + 1;
    return n;
  };
  const moved = (row: number) => row + shift(row, true);
  if (copies.length) insertCopies(sheet, heights, copies, moved);
  else sheet.rowHeights = heights;
  page.breaks = breaks.map((b) => b.row + shift(b.row, false)).filter((r) => r > 0);
}

/** Puts the header copies in and moves every reference to the rows it now means. */
function insertCopies(sheet: SheetPlan, heights: number[], copies: Break[], moved: (row: number) => number): void {
  const rows: SheetPlan['rows'] = [];
  const newHeights: number[] = [];
  const merges: string[] = [];
  const mergesAt = new Map<number, ReturnType<typeof parseA1Range>[]>();
  for (const m of sheet.merges) {
    const rect = parseA1Range(m);
    if (!rect) continue;
    merges.push(rangeA1({ ...rect, top: moved(rect.top), bottom: moved(rect.bottom) }));
    const list = mergesAt.get(rect.top) ?? [];
    list.push(rect);
    mergesAt.set(rect.top, list);
  }
  let next = 0;
  const count = Math.max(sheet.rows.length, heights.length);
  for (let r = 0; r < count; r++) {
    for (; next < copies.length && copies[next].row === r; next++) {
      const [first, last] = copies[next].header!;
      for (let h = first; h <= last; h++) {
        const at = rows.length;
        rows.push((sheet.rows[h] ?? []).map((c) => (c ? { ...c } : undefined)));
        newHeights.push(heights[h]);
        for (const rect of mergesAt.get(h) ?? []) if (rect!.bottom <= last) merges.push(rangeA1({ top: at, left: rect!.left, bottom: at + rect!.bottom - h, right: rect!.right }));
      }
    }
    rows.push(sheet.rows[r] ?? []);
    newHeights.push(heights[r]);
  }
  const refs = (formula: string) => repointFormula(formula, (row) => [moved(row)]).formula;
  for (const row of rows) for (const cell of row as Array<PlanCell | undefined>) if (cell?.formula !== undefined) cell.formula = refs(cell.formula);
  const moveRange = (range: string) => {
    const rect = parseA1Range(range.replace(/\$/g, ''));
    return rect ? rangeA1({ ...rect, top: moved(rect.top), bottom: moved(rect.bottom) }) : range;
  };
  const moveCell = (cell: string) => {
    const rect = parseA1Range(cell);
    return rect ? a1(moved(rect.top), rect.left) : cell;
  };
  sheet.rows = rows;
  sheet.rowHeights = newHeights;
  sheet.merges = merges;
  if (sheet.charts) sheet.charts = sheet.charts.map((c) => ({ ...c, dataRange: moveRange(c.dataRange), anchor: moveCell(c.anchor) }));
  if (sheet.orgChart) sheet.orgChart = { ...sheet.orgChart, anchor: moveCell(sheet.orgChart.anchor) };
  if (sheet.freezeRows) sheet.freezeRows = moved(sheet.freezeRows - 1) + 1;
  const page = sheet.page!;
  if (page.printArea) page.printArea = moveRange(page.printArea);
  if (page.titleRows) {
    const m = /^\$?(\d+):\$?(\d+)$/.exec(page.titleRows);
    if (m) page.titleRows = `$${moved(Number(m[1]) - 1) + 1}:$${moved(Number(m[2]) - 1) + 1}`;
  }
}

/**
 * What holds together on paper, read from a template's cells, so that a built-in template and one
 * the user edited (read back from a workbook) print alike:
 * - a table is a `{{#each}}` row with borders, its header the bordered rows right above it, its
 *   body that row and the bordered rows right below it (the totals); a table with a chart is whole;
 * - a heading (bold, no border) or a lead-in ending in ":" holds with the next row that has text,
 *   or with the first row of the table that follows (a heading even over two lines of text);
 * - "Nơi nhận" holds with every row below it (the signature block) and with the text above it;
 * - "NGƯỜI LẬP BIỂU" holds with the line under it and with the last row of the list above it.
 */
export function templateFlow(template: TemplateSheet): SheetFlow[] {
  const styles = template.styles ?? [];
  const cells = template.cells;
  const bordered = (t: number) => (cells[t] ?? []).some((c) => c?.style !== undefined && (styles[c.style]?.borders?.length ?? 0) > 0);
  const text = (t: number) => (cells[t] ?? []).map((c) => (typeof c?.value === 'string' ? c.value : '')).join('').trim();
  const flow: SheetFlow[] = [];
  const bodyStart = new Map<number, number>();
  const charted = new Set((template.charts ?? []).map((c) => c.dataRow));
  for (let t = 0; t < cells.length; t++) {
    if (!text(t).startsWith('{{#each') || !bordered(t)) continue;
    let h = t;
    while (h > 0 && bordered(h - 1)) h--;
    let end = t;
    while (end + 1 < cells.length && bordered(end + 1)) end++;
    if (h === t) continue;
    flow.push({ kind: 'table', header: [h, t - 1], body: [t, end], ...(charted.has(t) ? { whole: true } : {}) });
    bodyStart.set(h, t);
  }
  for (let t = 0; t < cells.length; t++) {
    const line = text(t);
    if (!line || bordered(t)) continue;
    // The row of text or table above: a signature never stands on a page without the text it signs.
    const above = () => {
      let a = t - 1;
      while (a > 0 && !text(a) && !bordered(a)) a--;
      return a;
    };
    if (line.startsWith('Nơi nhận')) {
      flow.push({ kind: 'together', first: above(), last: cells.length - 1 });
      break;
    }
    if (line.startsWith('NGƯỜI LẬP BIỂU')) {
      flow.push({ kind: 'together', first: above(), last: Math.min(t + 1, cells.length - 1) });
      continue;
    }
    const bold = (cells[t] ?? []).some((c) => c?.style !== undefined && styles[c.style]?.font?.bold && typeof c.value === 'string' && c.value.trim());
    if (!bold && !line.endsWith(':')) continue;
    let next = t + 1;
    while (next < cells.length && !text(next)) next++;
    if (next >= cells.length) continue;
    // A heading holds with the table it introduces when no more than two lines of text come between.
    let last = bodyStart.get(next) ?? next;
    if (bold && !bodyStart.has(next)) {
      let lines = 0;
      for (let r = next; r < cells.length && lines <= 2; r++) {
        if (bodyStart.has(r)) {
          last = bodyStart.get(r)!;
          break;
        }
        if (text(r)) lines++;
      }
    }
    flow.push({ kind: 'together', first: t, last });
  }
  return flow;
}
