import { columnLetter } from '../domain/a1';
import type { Issue } from '../domain/issues';
import type { CellValue } from './values';

/** A merged area, 0-based and inclusive, in grid coordinates. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * One sheet as plain data: what both workbook adapters produce and all of ingest consumes.
 * `rows[0][0]` is the cell at `origin` (a used range need not start at A1).
 */
export interface SheetGrid {
  name: string;
  rows: CellValue[][];
  merges?: MergeRange[];
  /** Number formats where known (Office.js gives serials, not dates; the format tells them apart). */
  numberFormats?: Array<Array<string | undefined>>;
  origin?: { row: number; col: number };
  /** The workbook file, when several are read together. */
  file?: string;
  /** What the reader found at cells it could not put in the grid (an address past XFD or row 1,048,576): ingest reports them with the sheet's issues. */
  readerIssues?: Issue[];
  /** How many rows of the sheet are hidden or filtered out (they are read and counted all the same: ingest says how many there were). */
  hiddenRows?: number;
}

export { columnIndex, columnLetter } from '../domain/a1';

/** A1 address of a grid cell, taking the grid's origin into account. */
export function cellAddress(grid: SheetGrid, row: number, col: number): string {
  return columnLetter(col + (grid.origin?.col ?? 0)) + (row + (grid.origin?.row ?? 0) + 1);
}

export function isBlank(value: CellValue): boolean {
  if (value == null) return true;
  if (typeof value !== 'string') return false;
  // Most cells start with a visible character: decide without trimming.
  return value.length === 0 || (value.charCodeAt(0) <= 0x20 || value.charCodeAt(0) === 0xa0 ? value.trim() === '' : false);
}

export function cellText(value: CellValue): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** The first `rowCount` rows with every merged area filled with its top-left value. */
export function filledTopRows(grid: SheetGrid, rowCount: number): CellValue[][] {
  const n = Math.min(rowCount, grid.rows.length);
  const out: CellValue[][] = [];
  for (let r = 0; r < n; r++) out.push(grid.rows[r] ? grid.rows[r].slice() : []);
  for (const m of grid.merges ?? []) {
    if (m.top >= n) continue;
    const value = grid.rows[m.top]?.[m.left];
    for (let r = m.top; r <= Math.min(m.bottom, n - 1); r++) {
      for (let c = m.left; c <= m.right; c++) out[r][c] = value;
    }
  }
  return out;
}
