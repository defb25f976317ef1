import { parseA1Range } from '../domain/a1';
import type { SheetPlan } from './plan';

/**
 * Where things lie on a sheet, in points from its top-left corner, worked out from the plan's
 * column widths and row heights: the one home of this arithmetic, so that the Office executor and
 * the .xlsx writer put a chart or an organisation chart in the same place. Computed, not read from
 * Excel: Range.left and Range.top need ExcelApi 1.10, one more than the shapes, and the sheet does
 * not exist yet at the one sync before the writes. Exact where the plan sets the widths and heights
 * (a row left to Excel may grow with wrapped text or a larger font).
 */

/** The widths and heights a sheet's geometry depends on. */
export type SheetSizes = Pick<SheetPlan, 'columnWidths' | 'rowHeights'>;

/** Excel's default column width (8.43 characters of Calibri 11: 64 pixels) and row height, in points. */
export const DEFAULT_COLUMN_POINTS = 48;
export const DEFAULT_ROW_POINTS = 15;

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Points of one character of Excel's column width: a 7-pixel Calibri digit at 96 pixels an inch. */
export const POINTS_PER_CHARACTER = 7 * 0.75;

/** Excel column width in characters → points (7-pixel digits, 5 pixels of padding, 96 pixels an inch). */
export function widthInPoints(chars: number): number {
  return round2((chars * 7 + 5) * 0.75);
}

/** The inverse of widthInPoints: a width in points as Excel shows it, in characters. */
export function widthInCharacters(points: number): number {
  return Math.max(0, round2((points / 0.75 - 5) / 7));
}

/** A column's width in points (0-based), Excel's default where the plan sets none. */
export function columnPoints(sizes: SheetSizes, column: number): number {
  const chars = sizes.columnWidths[column];
  return chars === undefined ? DEFAULT_COLUMN_POINTS : widthInPoints(chars);
}

/** A row's height in points (0-based), Excel's default where the plan sets none. */
export function rowPoints(sizes: SheetSizes, row: number): number {
  return sizes.rowHeights[row] ?? DEFAULT_ROW_POINTS;
}

/** A cell's top-left corner, in points from the sheet's: the widths and heights before it. */
export function cellOrigin(sizes: SheetSizes, address: string): { left: number; top: number } {
  const cell = parseA1Range(address.trim().toUpperCase());
  if (!cell) throw new Error(`Ô neo của sơ đồ không hợp lệ: "${address}".`);
  let left = 0;
  for (let c = 0; c < cell.left; c++) left += columnPoints(sizes, c);
  let top = 0;
  for (let r = 0; r < cell.top; r++) top += rowPoints(sizes, r);
  return { left: round2(left), top: round2(top) };
}

/** A point of the sheet as a cell and the offset into it: how a drawing anchors to the grid. */
export interface CellPoint {
  /** 0-based. */
  column: number;
  row: number;
  /** Points from the cell's left and top edges. */
  dx: number;
  dy: number;
}

/** The cell a point of the sheet (in points from its top-left corner) falls in, and where in it. */
export function cellAt(sizes: SheetSizes, left: number, top: number): CellPoint {
  let column = 0;
  let x = Math.max(0, left);
  // A point on a border belongs to the cell after it, as Excel anchors it.
  for (let w = columnPoints(sizes, column); x >= w && column < 16_383; w = columnPoints(sizes, column)) {
    x -= w;
    column++;
  }
  let row = 0;
  let y = Math.max(0, top);
  for (let h = rowPoints(sizes, row); y >= h && row < 1_048_575; h = rowPoints(sizes, row)) {
    y -= h;
    row++;
  }
  return { column, row, dx: round2(x), dy: round2(y) };
}
