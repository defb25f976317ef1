import type { SheetGrid } from './grid';
import { detectHeader, HEADER_SCAN_ROWS, type MappingOverride } from './header';
import { detectTargets } from './targets';

/**
 * Which columns of a sheet ingest will use, told from its top rows only, so that a reader can skip
 * the rest of a long list: 60,000 members × 30 columns is mostly columns no report reads.
 */

/** Rows a reader must read whole before it can ask: the header may sit this low, and a two-row header one lower. */
export const TOP_ROWS = HEADER_SCAN_ROWS + 2;

/**
 * A sheet no header is found in may still be a key/value sheet of targets, whose keys may sit below
 * the top rows: one this short is read whole. Longer ones are not lists tochuc knows.
 */
export const WHOLE_SHEET_ROWS = 200;

export type ColumnsToRead =
  /** Read every column: the sheet is short, or its kind takes the whole row (key/value targets). */
  | { kind: 'all' }
  /** Read these grid columns (0-based from the grid's origin, ascending) of every row below the top rows. */
  | { kind: 'columns'; columns: number[] }
  /** Nothing below the top rows is data tochuc reads. */
  | { kind: 'none' };

/**
 * `top` holds the sheet's first rows (at least TOP_ROWS, or all of a shorter sheet) with its merges;
 * `totalRows` is the whole sheet's height. The columns are the mapped ones and the first column:
 * totals ("Tổng cộng"), notes and group headings ("I. KHỐI ĐẢNG") sit there in official lists, and
 * ingest must see them to skip them.
 */
export function columnsToRead(top: SheetGrid, totalRows: number, overrides: readonly MappingOverride[] = []): ColumnsToRead {
  if (totalRows <= top.rows.length) return { kind: 'all' };
  const sheetOverrides = overrides.filter((o) => !o.sheet || o.sheet === top.name);
  const guess = detectHeader(top, undefined, sheetOverrides);
  if (guess) {
    // As ingestSheet decides: key/value target rows beat a header that found only its required fields.
    if (guess.confidence <= 0.7 && detectTargets(top)) return { kind: 'all' };
    const columns = new Set([0, ...guess.mapping.map((m) => m.col), ...guess.duplicates.map((d) => d.col)]);
    return { kind: 'columns', columns: [...columns].sort((a, b) => a - b) };
  }
  return totalRows <= WHOLE_SHEET_ROWS ? { kind: 'all' } : { kind: 'none' };
}
