import { columnIndex, columnLetter as columnLetters } from '../../src/domain/a1';

/**
 * A1-notation helpers for the Excel fake. Everything here is 0-based internally (row 0 = Excel row 1,
 * col 0 = column A), because that is what Range.getRangeByIndexes and Range.rowIndex use.
 */

/** Excel's grid limits (XLSX). */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A rectangular block of cells, 0-based. */
export interface Rect {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

/** 0 → "A", 25 → "Z", 26 → "AA"; "A" → 0: the project's own A1 helpers. */
export { columnIndex, columnLetters };

/** "B3" for (2, 1). */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Drops an optional sheet prefix: "Sheet1!A1", "'My sheet'!A1:B2". */
export function stripSheetName(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang >= 0 ? address.slice(bang + 1) : address;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

type Corner = { row?: number; col?: number };

function parseCorner(text: string): Corner | undefined {
  const cell = CELL.exec(text);
  if (cell) return { row: Number(cell[2]) - 1, col: columnIndex(cell[1]) };
  const column = COLUMN.exec(text);
  if (column) return { col: columnIndex(column[1]) };
  const row = ROW.exec(text);
  if (row) return { row: Number(row[1]) - 1 };
  return undefined;
}

/**
 * Parses "B3", "A1:C3", "$A$1:$C$3", "A:C" (whole columns), "2:4" (whole rows), with an optional
 * sheet prefix. Returns undefined for anything else (the caller turns that into InvalidArgument).
 */
export function tryParseRange(address: string): Rect | undefined {
  const parts = stripSheetName(address.trim()).split(':');
  if (parts.length < 1 || parts.length > 2) return undefined;
  const a = parseCorner(parts[0]);
  const b = parts.length === 2 ? parseCorner(parts[1]) : a;
  if (!a || !b) return undefined;
  // Both corners must be of the same kind: cell:cell, col:col or row:row.
  if ((a.row === undefined) !== (b.row === undefined) || (a.col === undefined) !== (b.col === undefined)) return undefined;
  const r1 = a.row ?? 0;
  const r2 = b.row ?? MAX_ROWS - 1;
  const c1 = a.col ?? 0;
  const c2 = b.col ?? MAX_COLUMNS - 1;
  const rect = { row: Math.min(r1, r2), col: Math.min(c1, c2), rowCount: Math.abs(r2 - r1) + 1, colCount: Math.abs(c2 - c1) + 1 };
  return isInsideGrid(rect) ? rect : undefined;
}

/** Like tryParseRange but throws; for test helpers where a bad address is a bug in the test. */
export function parseRange(address: string): Rect {
  const rect = tryParseRange(address);
  if (!rect) throw new Error(`Not an A1 range: ${address}`);
  return rect;
}

/** "B3" for a single cell, "A1:C3" otherwise, "A:C" / "2:4" for whole columns / rows (as Excel prints them). */
export function rectAddress(rect: Rect): string {
  const lastRow = rect.row + rect.rowCount - 1;
  const lastCol = rect.col + rect.colCount - 1;
  if (rect.row === 0 && rect.rowCount === MAX_ROWS) return `${columnLetters(rect.col)}:${columnLetters(lastCol)}`;
  if (rect.col === 0 && rect.colCount === MAX_COLUMNS) return `${rect.row + 1}:${lastRow + 1}`;
  if (rect.rowCount === 1 && rect.colCount === 1) return cellAddress(rect.row, rect.col);
  return `${cellAddress(rect.row, rect.col)}:${cellAddress(lastRow, lastCol)}`;
}

/** Quotes a sheet name for an address when Excel would ("'Báo cáo 1'!A1"). */
export function qualifiedAddress(sheetName: string, rect: Rect): string {
  const needsQuotes = !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName);
  const name = needsQuotes ? `'${sheetName.replace(/'/g, "''")}'` : sheetName;
  return `${name}!${rectAddress(rect)}`;
}

export function isInsideGrid(rect: Rect): boolean {
  return (
    Number.isInteger(rect.row) && Number.isInteger(rect.col) && rect.row >= 0 && rect.col >= 0 &&
    rect.rowCount >= 1 && rect.colCount >= 1 &&
    rect.row + rect.rowCount <= MAX_ROWS && rect.col + rect.colCount <= MAX_COLUMNS
  );
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.col < b.col + b.colCount && b.col < a.col + a.colCount;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row && inner.col >= outer.col &&
    inner.row + inner.rowCount <= outer.row + outer.rowCount && inner.col + inner.colCount <= outer.col + outer.colCount
  );
}

export function cellCount(rect: Rect): number {
  return rect.rowCount * rect.colCount;
}
