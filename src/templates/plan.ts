import type { Issue } from '../domain/issues';
import type { TemplateCellInput, TemplateSheet } from './parse';

/**
 * The fill plan: a report sheet described as plain data. The template engine writes it; the
 * Office.js executor (src/workbook/office) and the exceljs executor (src/workbook/xlsx) each
 * carry it out, and a test compares their results cell by cell (docs/design.md, principle 2).
 * Coordinates are 0-based; ranges are A1 strings in the output sheet.
 */
export interface FillPlan {
  sheets: SheetPlan[];
  issues: Issue[];
}

export interface CellStyle {
  font?: { name?: string; size?: number; bold?: boolean; italic?: boolean; underline?: boolean; color?: string };
  /** Background colour, "#RRGGBB". */
  fill?: string;
  horizontalAlignment?: 'left' | 'center' | 'right' | 'justify';
  verticalAlignment?: 'top' | 'center' | 'bottom';
  wrapText?: boolean;
  /** Thin borders on these edges. */
  borders?: Array<'top' | 'bottom' | 'left' | 'right'>;
}

/** What a formula gives: a number, a text, a logical, or an error such as "#DIV/0!". */
export type FormulaResult = number | string | boolean | { error: string };

export interface PlanCell {
  /** A literal: a string is always text, never a formula, whatever it starts with. */
  value?: string | number | boolean;
  /** A formula, starting with "=". */
  formula?: string;
  /** The formula's value as Excel works it out, stored beside it (formulaResults.ts); none when it cannot be worked out here. */
  result?: FormulaResult;
  numberFormat?: string;
  /** Index into `SheetPlan.styles`. */
  style?: number;
}

/**
 * The page number every printed sheet carries in its header: Arabic numerals, top centre, from the
 * second page on, Times New Roman 13 pt upright (NĐ 30/2020/NĐ-CP, Phụ lục I: số trang), in Excel's
 * header codes (&"font,style", &13: the size, &P: the page). The executors write it with a first
 * page of its own, whose header is empty.
 */
export const PAGE_NUMBER_HEADER = '&"Times New Roman,Regular"&13&P';

export interface PageSetup {
  orientation: 'portrait' | 'landscape';
  paperSize: 'A4';
  /** Inches, as both Excel APIs take them. */
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  /** Fit all columns on the page width. */
  fitToWidth: boolean;
  printArea?: string;
  /** Rows repeated at the top of every printed page, e.g. "$7:$8". */
  titleRows?: string;
  /** Rows (0-based) that start a new printed page: manual page breaks (paginate.ts). */
  breaks?: number[];
  /** A fixed print scale in percent, in place of fitting to the width: Excel ignores manual page breaks on a sheet scaled to fit (paginate.ts). */
  scale?: number;
}

export type ChartType = 'columnClustered' | 'pie';

/** A chart of the output sheet: ranges are A1 in that sheet. */
export interface ChartPlan {
  title: string;
  type: ChartType;
  /** Categories in the first column, one series per further column, no header row. */
  dataRange: string;
  seriesNames: string[];
  /** The cell under the chart's top-left corner. */
  anchor: string;
  /** Size in points. */
  width: number;
  height: number;
}

/**
 * An organisation chart: boxes joined by connectors, drawn as shapes by the Office executor where
 * the API allows (ExcelApi 1.9) and by the streaming .xlsx writer. The sheet's cells always carry the
 * same structure as an indented table, which is all an older Excel shows.
 */
export interface OrgChartPlan {
  /** Top-down: the root first; a box's parent is an earlier box. */
  boxes: Array<{ id: string; text: string; parent?: string; /** A box of the structure after the change: drawn emphasised. */ isNew?: boolean }>;
  /** The cell under the chart's top-left corner. */
  anchor: string;
  title: string;
}

export interface SheetPlan {
  /** Output sheet name, valid for Excel (≤ 31 characters, none of : \ / ? * [ ]). */
  name: string;
  /** Dense rows of cells; `undefined` is an empty cell. */
  rows: Array<Array<PlanCell | undefined>>;
  styles: CellStyle[];
  merges: string[];
  /** Column widths in characters, as Excel shows them; undefined keeps the default. */
  columnWidths: Array<number | undefined>;
  /** Row heights in points; undefined keeps the default. */
  rowHeights: Array<number | undefined>;
  page?: PageSetup;
  freezeRows?: number;
  /** Drawn beside the tables by the Office executor (ExcelApi 1.1) and as chart parts by the streaming .xlsx writer. */
  charts?: ChartPlan[];
  /** Drawn as shapes by the Office executor (ExcelApi 1.9) and the streaming .xlsx writer, when the plan was made for a writer that draws them. */
  orgChart?: OrgChartPlan;
  /** Marks the sheet as made by tochuc, so that only such sheets are ever replaced. */
  marker: { report: string; period: string; generatedAt: string };
}

/** A name not yet taken: "Báo cáo" → "Báo cáo (2)", kept within Excel's 31 characters. */
export function freeSheetName(name: string, taken: (candidate: string) => boolean): string {
  if (!taken(name)) return name;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = name.slice(0, 31 - suffix.length) + suffix;
    if (!taken(candidate)) return candidate;
  }
}

/** Excel's rules for sheet names: at most 31 characters, none of : \ / ? * [ ], not blank. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[:\\/?*[\]]/g, '-').replace(/^'+|'+$/g, '').trim();
  return (cleaned || 'Báo cáo').slice(0, 31);
}

/** A sheet's cells, styles and layout without its name and marker: what a sheet writer needs. */
export type SheetLayout = Omit<SheetPlan, 'name' | 'marker'>;

/** A template cell written as it is: only `formula` makes a formula, a string stays text (placeholders included). */
function layoutCell(cell: TemplateCellInput): PlanCell {
  const out: PlanCell = {};
  if (cell.formula !== undefined) out.formula = cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}`;
  else if (cell.value !== undefined && cell.value !== null) out.value = cell.value;
  if (cell.numberFormat !== undefined) out.numberFormat = cell.numberFormat;
  if (cell.style !== undefined) out.style = cell.style;
  return out;
}

/**
 * A template as a sheet to write for the user to edit (into an .xlsx file or the open workbook):
 * nothing filled in, so that it looks the way its reports will and reads back as the same template.
 */
export function templateLayout(template: TemplateSheet): SheetLayout {
  return {
    rows: template.cells.map((row) => Array.from(row ?? [], (cell) => (cell ? layoutCell(cell) : undefined))),
    styles: template.styles ?? [],
    merges: template.merges ?? [],
    columnWidths: template.columnWidths ?? [],
    rowHeights: template.rowHeights ?? [],
    ...(template.page ? { page: template.page } : {}),
    ...(template.freezeRows ? { freezeRows: template.freezeRows } : {}),
  };
}

/** Distinct styles in order of first use; a cell gets the index of its style (templates read back from a workbook). */
export class StyleTable {
  readonly styles: CellStyle[] = [];
  private readonly index = new Map<string, number>();

  indexOf(style: CellStyle): number | undefined {
    if (Object.keys(style).length === 0) return undefined;
    const key = JSON.stringify(style);
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.styles.push(style) - 1;
      this.index.set(key, i);
    }
    return i;
  }
}

/** A row or column list without its trailing empty entries, as a sheet read back ends. */
export function trimEnd<T>(list: T[]): T[] {
  let n = list.length;
  while (n > 0 && list[n - 1] === undefined) n--;
  return list.slice(0, n);
}

/** Excel's most characters in a cell (UTF-16 units): a longer text makes Excel "repair" the file and drop the cell. */
export const MAX_CELL_TEXT = 32_767;

/** A text cut to fit a cell, ending in "…" when cut: the planner cuts every filled text, so that neither executor writes a cell Excel would drop (a data cell of 32,767 characters quoted in an issue's message would not fit). */
export function fitCellText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  let cut = MAX_CELL_TEXT - 1;
  // Never half of a surrogate pair.
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return text.slice(0, cut) + '…';
}
