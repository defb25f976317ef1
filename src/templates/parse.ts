import { a1 } from '../domain/a1';
import type { Issue } from '../domain/issues';
import type { CellStyle, ChartType, PageSetup } from './plan';

/**
 * Template syntax (docs/reports.md, 4. Templates), parsed from an ordinary sheet:
 * - `{{key}}` / `{{a.b.c}}` inside text is replaced by a figure; text around it stays.
 * - `{{@index}}` is the 1-based position in the innermost repeated list (STT).
 * - A row whose first cell starts with `{{#each list}}` is repeated once per item (inline form).
 * - A row holding only `{{#each list}}` opens a block of rows, closed by a row holding only
 *   `{{/each}}`; blocks nest (unit → people) and may hold inline rows. Marker rows are not output.
 * Formulas (cells starting with "=") are kept as formulas, never searched for placeholders.
 */

export type TemplateValue = string | number | boolean | null;
/** A template cell as read from the sheet: a value, or a formula, with its format and style. */
export interface TemplateCellInput {
  value?: TemplateValue;
  formula?: string;
  numberFormat?: string;
  /** Index into `TemplateSheet.styles`. */
  style?: number;
}
export interface TemplateSheet {
  name: string;
  cells: Array<Array<TemplateCellInput | undefined>>;
  styles?: CellStyle[];
  /** Merged areas, A1 ranges in the template. */
  merges?: string[];
  columnWidths?: Array<number | undefined>;
  rowHeights?: Array<number | undefined>;
  page?: PageSetup;
  freezeRows?: number;
  /** Charts over repeated rows, drawn by the Office executor and the streaming .xlsx writer. */
  charts?: TemplateChart[];
}

/** A chart over the rows a {{#each}} row repeats into: first column the categories, one series per further column. */
export interface TemplateChart {
  title: string;
  type: ChartType;
  /** 0-based template row of the repeated data row. */
  dataRow: number;
  /** 0-based columns: `fromCol` holds the categories, `fromCol + 1 … toCol` one series each. */
  fromCol: number;
  toCol: number;
  seriesNames: string[];
  /** 0-based template row and column of the chart's top-left corner. */
  anchorRow: number;
  anchorCol: number;
  /** Size in points. */
  width: number;
  height: number;
}

export type Part = { kind: 'text'; text: string } | { kind: 'key'; path: string; cell: string } | { kind: 'index' };

/** A cell with placeholders; cells without any are copied as they are and not listed. */
export interface PlaceholderCell {
  row: number;
  col: number;
  parts: Part[];
}

export interface RowNode {
  kind: 'row';
  row: number;
}
export interface EachNode {
  kind: 'each';
  /** The list's path, relative to the enclosing item (then to the figures). */
  path: string;
  /** Inline: the row itself repeats. Block: the rows between its marker rows repeat. */
  form: 'inline' | 'block';
  /** Template rows covered, markers included (0-based, inclusive). */
  firstRow: number;
  lastRow: number;
  children: Array<RowNode | EachNode>;
  cell: string;
}
export type TemplateNode = RowNode | EachNode;

export interface ParsedTemplate {
  sheet: string;
  nodes: TemplateNode[];
  placeholders: PlaceholderCell[];
  issues: Issue[];
}

const TAG = /\{\{\s*([^{}]*?)\s*\}\}/g;
const EACH_OPEN = /^\{\{\s*#each\s+([A-Za-z_][\w.]*)\s*\}\}/;
const EACH_CLOSE = /^\{\{\s*\/each\s*\}\}$/;
const KEY = /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/;

function textOf(cell: TemplateCellInput | undefined): string | undefined {
  if (!cell || cell.formula !== undefined) return undefined;
  return typeof cell.value === 'string' ? cell.value : undefined;
}

function filledCells(row: Array<TemplateCellInput | undefined> | undefined): number[] {
  const out: number[] = [];
  for (let c = 0; c < (row?.length ?? 0); c++) {
    const cell = row?.[c];
    if (cell && (cell.formula !== undefined || (cell.value !== null && cell.value !== undefined && cell.value !== ''))) out.push(c);
  }
  return out;
}

/** Splits a text into literal text, keys and `@index`; control tags are reported where they do not belong. */
export function parseText(text: string, cell: string, sheet: string, issues: Issue[]): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of text.matchAll(TAG)) {
    if (m.index > last) parts.push({ kind: 'text', text: text.slice(last, m.index) });
    last = m.index + m[0].length;
    const inner = m[1];
    if (inner === '@index') parts.push({ kind: 'index' });
    else if (KEY.test(inner)) parts.push({ kind: 'key', path: inner, cell });
    else if (inner.startsWith('#each') || inner.startsWith('/each')) {
      issues.push({ sheet, cell, severity: 'error', code: 'template.eachPlacement', message: `"${m[0]}" ở ô ${cell}: lệnh lặp phải đứng đầu ô đầu tiên của dòng.`, hint: 'Đặt {{#each danh_sach}} ở đầu ô cột A của dòng cần lặp; hoặc một mình trên một dòng để lặp cả khối, đóng bằng {{/each}}.' });
    } else {
      issues.push({ sheet, cell, severity: 'error', code: 'template.badTag', message: `Thẻ "${m[0]}" ở ô ${cell} không hợp lệ.`, hint: 'Dùng {{ten_so_lieu}}, ví dụ {{reduced.total}}, hoặc {{@index}} cho số thứ tự.' });
    }
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  // An unclosed "{{" is a typo the officer will want to hear about, not text to print.
  const stray = text.replace(TAG, '').indexOf('{{');
  if (stray >= 0) issues.push({ sheet, cell, severity: 'error', code: 'template.unclosedTag', message: `Ô ${cell} có "{{" không được đóng bằng "}}".`, hint: 'Sửa thành {{ten_so_lieu}}.' });
  return parts;
}

/** Parses a template sheet into its rows, repeated regions and placeholder cells, with every problem as an issue at its cell. */
export function parseTemplate(sheet: TemplateSheet): ParsedTemplate {
  const issues: Issue[] = [];
  const placeholders: PlaceholderCell[] = [];
  const root: TemplateNode[] = [];
  const stack: EachNode[] = [];
  const current = () => (stack.length ? stack[stack.length - 1].children : root);

  for (let r = 0; r < sheet.cells.length; r++) {
    const row = sheet.cells[r];
    const filled = filledCells(row);
    const first = textOf(row?.[0])?.trim();
    const open = first !== undefined ? EACH_OPEN.exec(first) : null;
    const onlyFirst = filled.length === 1 && filled[0] === 0;

    if (first !== undefined && onlyFirst && EACH_CLOSE.test(first)) {
      const block = stack.pop();
      if (!block) issues.push({ sheet: sheet.name, cell: a1(r, 0), severity: 'error', code: 'template.unmatchedEnd', message: `{{/each}} ở ô ${a1(r, 0)} không có {{#each …}} mở tương ứng.`, hint: 'Xóa dòng này, hoặc thêm dòng {{#each danh_sach}} phía trên.' });
      else block.lastRow = r;
      continue;
    }
    if (open && onlyFirst && first === open[0]) {
      const block: EachNode = { kind: 'each', path: open[1], form: 'block', firstRow: r, lastRow: -1, children: [], cell: a1(r, 0) };
      current().push(block);
      stack.push(block);
      continue;
    }
    const node: TemplateNode = open
      ? { kind: 'each', path: open[1], form: 'inline', firstRow: r, lastRow: r, children: [{ kind: 'row', row: r }], cell: a1(r, 0) }
      : { kind: 'row', row: r };
    current().push(node);

    for (const c of filled) {
      let text = textOf(row?.[c]);
      if (text === undefined || !text.includes('{{')) continue;
      if (c === 0 && open) text = text.trimStart().slice(open[0].length);
      // An inline row may end with {{/each}} for symmetry: it closes nothing else.
      if (open && c === filled[filled.length - 1]) text = text.replace(/\{\{\s*\/each\s*\}\}\s*$/, '');
      const parts = parseText(text, a1(r, c), sheet.name, issues);
      if (parts.some((p) => p.kind !== 'text') || (c === 0 && open)) placeholders.push({ row: r, col: c, parts });
    }
  }
  for (const block of stack) {
    issues.push({ sheet: sheet.name, cell: block.cell, severity: 'error', code: 'template.unterminatedEach', message: `Khối lặp {{#each ${block.path}}} ở ô ${block.cell} chưa được đóng.`, hint: 'Thêm một dòng chỉ có {{/each}} ở cột A, ngay sau dòng cuối của khối.' });
    block.lastRow = sheet.cells.length - 1;
  }
  return { sheet: sheet.name, nodes: root, placeholders, issues };
}
