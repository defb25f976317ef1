import type { Issue } from '../domain/issues';
import { SHEET_KIND_LABELS, type QuotaYears, type RecordsByKind, type SheetKind } from '../domain/records';
import { builderFor, quotaYearsOf, type RowBuilder } from './build';
import { cellAddress, cellText, columnLetter, isBlank, type SheetGrid } from './grid';
import { kindDef, repeatingFields } from './kinds';
import { detectHeader, HEADER_SCAN_ROWS, type ColumnMapping, type HeaderGuess, type MappingOverride } from './header';
import { RowReader } from './reader';
import { classifyRow, RepeatedHeader } from './rows';
import type { CellValue } from './values';
import { detectTargets, readTargets } from './targets';
import { viNumber } from '../domain/viNumbers';

export interface SheetResult {
  sheet: string;
  file?: string;
  /** Undefined when the sheet is not one tochuc reads. */
  kind?: SheetKind;
  confidence: number;
  /** 1-based sheet rows of the header, when there is one. */
  headerRows?: [number, number];
  mapping: ColumnMapping[];
  /** The header's columns (sheet column letter and text), for choosing another column for a field. */
  columns?: Array<{ col: number; column: string; header: string }>;
  /** Typed records of `kind`. */
  records: Array<RecordsByKind[SheetKind]>;
  issues: Issue[];
  quotaYears?: QuotaYears;
  /** Data rows looked at (not counting header, blank rows). */
  rowsRead: number;
  /**
   * Set by ingestWorkbook when this sheet's records repeat an earlier sheet's of the same workbook
   * (a "Move or Copy" duplicate): the name of that sheet. The records stay here (they are what the
   * sheet holds), but the book counts them once, from the earlier sheet.
   */
  copyOf?: string;
}

export interface IngestOptions {
  /** Read the sheet as this kind instead of guessing. */
  kind?: SheetKind;
  overrides?: readonly MappingOverride[];
  file?: string;
}

function info(grid: SheetGrid, row: number, code: string, message: string): Issue {
  return { sheet: grid.name, cell: cellAddress(grid, row, 0), severity: 'info', code, message };
}


/**
 * Hidden rows and rows an AutoFilter hides are read and counted like the others: an officer who
 * filters a list to look at one unit has not removed the rest from it. A note says how many there
 * were, so that a figure larger than the rows on screen is explained. Only on sheets tochuc reads:
 * nothing of an unrecognised sheet is counted, hidden or not.
 */
function hiddenRowsNote(grid: SheetGrid, issues: Issue[]): void {
  const n = grid.hiddenRows ?? 0;
  if (n <= 0) return;
  issues.push({
    ...info(grid, 0, 'sheet.hiddenRows', `Trang "${grid.name}" có ${viNumber(n)} dòng bị ẩn hoặc bị lọc (AutoFilter): các dòng này vẫn được đọc và tính như mọi dòng khác.`),
    hint: 'Nếu có dòng không thuộc danh sách, hãy xóa dòng đó thay vì ẩn; bỏ lọc (Dữ liệu › Xóa bộ lọc) để thấy đủ các dòng được tính.',
  });
}

/** Reads one sheet: finds its kind and header, then turns every data row into a record or an issue. */
export function ingestSheet(grid: SheetGrid, options: IngestOptions = {}): SheetResult {
  const overrides = (options.overrides ?? []).filter((o) => !o.sheet || o.sheet === grid.name);
  const file = options.file ?? grid.file;
  const base = { sheet: grid.name, ...(file ? { file } : {}) };
  // What the reader could not put in the grid (a cell past XFD) belongs to the sheet, whatever it turns out to be.
  const issues: Issue[] = grid.readerIssues ? grid.readerIssues.slice() : [];
  const sheetRowOffset = (grid.origin?.row ?? 0) + 1;
  const headerGuess = options.kind === 'targets' ? undefined : detectHeader(grid, options.kind, overrides);
  const targets = options.kind && options.kind !== 'targets' ? undefined : detectTargets(grid);
  // Key/value target rows beat a header that found only its required fields.
  const guess = targets && headerGuess && headerGuess.confidence <= 0.7 && !options.kind ? undefined : headerGuess;
  if (!guess) {
    if (targets) {
      hiddenRowsNote(grid, issues);
      const records = readTargets(grid, targets, issues, file);
      // The mapping of a key/value sheet: each key's label cell, then each value column with its year.
      const mapping: ColumnMapping[] = [
        ...targets.keyRows.map((k) => ({ field: k.key, col: targets.labelCol, header: `${cellText(grid.rows[k.row]?.[targets.labelCol])} (dòng ${k.row + sheetRowOffset})` })),
        ...targets.valueCols.map((v) => ({ field: 'value', col: v.col, header: v.header, ...(v.year !== undefined ? { qualifier: v.year } : {}) })),
      ];
      return { ...base, kind: 'targets', confidence: targets.confidence, mapping, records, issues, rowsRead: targets.keyRows.length };
    }
    if (grid.rows.some((row) => row?.some((v) => !isBlank(v)))) {
      issues.push({ ...info(grid, 0, 'sheet.unrecognised', `Không nhận ra loại dữ liệu của trang "${grid.name}": không thấy dòng tiêu đề cột quen thuộc trong ${HEADER_SCAN_ROWS} dòng đầu.`), hint: 'Nếu đây là danh sách cần đọc, hãy chọn cột cho các trường bắt buộc (ví dụ --map fullName="Họ và tên").' });
    }
    for (const o of overrides) {
      issues.push({ sheet: grid.name, cell: 'A1', severity: 'warning', code: 'map.notUsed', message: `Không áp dụng được lựa chọn cột ${o.field}="${o.header}" trên trang "${grid.name}".` });
    }
    return { ...base, confidence: 0, mapping: [], records: [], issues, rowsRead: 0 };
  }

  hiddenRowsNote(grid, issues);
  const def = kindDef(guess.kind);
  const reader = new RowReader(grid, guess.mapping, issues, def ? repeatingFields(def) : undefined);
  const headers = new Map(guess.mapping.map((m) => [m.col, m.header]));
  for (const d of guess.duplicates) {
    const used = guess.mapping.find((m) => m.field === d.field && m.qualifier === d.qualifier);
    issues.push({ ...info(grid, guess.headerTop, 'map.duplicateColumn', `Cột ${columnLetter(d.col + (grid.origin?.col ?? 0))} "${d.header}" cũng khớp trường ${d.field}; đang dùng cột ${used ? columnLetter(used.col + (grid.origin?.col ?? 0)) : '?'}.`), cell: cellAddress(grid, guess.headerTop, d.col) });
  }
  const quotaYears = guess.kind === 'units' ? quotaYearsOf(reader) : undefined;
  const build = builderFor(guess.kind as Exclude<SheetKind, 'targets'>, reader, { sheet: grid.name, file }, quotaYears ?? {});
  const repeatedHeader = new RepeatedHeader(new Set(guess.labels), guess.keyCol, guess.keyLabel);
  const { records, rowsRead } = readRows(grid, guess, build, reader, repeatedHeader, issues, sheetRowOffset);
  reader.finish(headers);
  return {
    ...base, kind: guess.kind, confidence: guess.confidence,
    headerRows: [guess.headerTop + sheetRowOffset, guess.headerBottom + sheetRowOffset],
    mapping: guess.mapping, records, issues, rowsRead, ...(quotaYears ? { quotaYears } : {}),
    columns: guess.columns.flatMap((header, col) => (header.trim() ? [{ col, column: columnLetter(col + (grid.origin?.col ?? 0)), header: header.replace(/\s+/g, ' ').trim() }] : [])),
  };
}

/**
 * The rows below the header, each a record, an issue or nothing. A function of its own: V8 compiles
 * this loop while it runs, and the code that follows it in ingestSheet, run once a sheet, kept
 * throwing that compiled loop away at the end of every sheet.
 */
function readRows(
  grid: SheetGrid, guess: HeaderGuess, build: RowBuilder<SheetKind>, reader: RowReader, repeatedHeader: RepeatedHeader,
  issues: Issue[], sheetRowOffset: number,
): { records: Array<RecordsByKind[SheetKind]>; rowsRead: number } {
  const span = guess.headerBottom - guess.headerTop + 1;
  // Sized once for every row below the header, then cut to the records made: grown by push, a
  // 100,000-row list's array would be copied a dozen times, the last copies as large objects, each
  // in memory the process has not touched yet (about 15 µs a page on the bench's machine).
  const records = new Array<RecordsByKind[SheetKind]>(Math.max(0, grid.rows.length - guess.headerBottom - 1));
  let recordCount = 0;
  let rowsRead = 0;

  for (let r = guess.headerBottom + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    const kind = classifyRow(row);
    if (kind === 'blank') continue;
    if (kind === 'index') {
      if (r !== guess.headerBottom + 1) issues.push(info(grid, r, 'row.index', 'Dòng đánh số cột (1), (2)… được bỏ qua.'));
      continue;
    }
    if (repeatedHeader.test(row)) {
      issues.push(info(grid, r, 'row.repeatedHeader', 'Dòng tiêu đề cột lặp lại (dán từ bản in) được bỏ qua.'));
      r += span - 1;
      continue;
    }
    if (kind === 'total' || kind === 'note') {
      const first = cellText(row?.find((v) => !isBlank(v))).slice(0, 60);
      issues.push(info(grid, r, kind === 'total' ? 'row.total' : 'row.note', kind === 'total' ? `Dòng tổng cộng "${first}" không phải bản ghi, được bỏ qua.` : `Dòng ghi chú "${first}" được bỏ qua.`));
      continue;
    }
    rowsRead++;
    const heading = groupHeading(row, guess.mapping);
    if (heading) {
      // At the heading's own cell: a stray text far to the right (XFD9) is found where it is.
      issues.push({ ...info(grid, r, 'row.groupHeading', `Dòng tiêu đề nhóm "${heading.text.slice(0, 60)}" không phải bản ghi, được bỏ qua.`), cell: cellAddress(grid, r, heading.col) });
      continue;
    }
    reader.moveTo(r);
    const record = build(r + sheetRowOffset);
    if (record) records[recordCount++] = record;
  }
  records.length = recordCount;
  return { records, rowsRead };
}

const ORDINAL = /^([IVXLC]+|[A-Za-z]|\d{1,3})[.)]?$/;

/**
 * A lone text cell that reads as a heading ("I. KHỐI ĐẢNG", "1. Văn phòng Thành ủy", all capitals,
 * or outside the name column) groups the rows below; it is not a person with the rest missing.
 * An ordinal before it ("I" | "KHỐI ĐẢNG", the STT column of official forms) belongs to the heading.
 */
function groupHeading(row: readonly CellValue[], mapping: readonly ColumnMapping[]): { col: number; text: string } | undefined {
  // Records fill more than two cells: count first, without allocating, as this runs on every row.
  let filled = 0;
  for (let c = 0; c < row.length && filled < 3; c++) if (!isBlank(row[c])) filled++;
  if (filled > 2) return undefined;
  let only: { col: number; text: string } | undefined;
  let ordinal = false;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (isBlank(v)) continue;
    if (!only && !ordinal && (typeof v === 'number' || (typeof v === 'string' && ORDINAL.test(v.trim())))) {
      ordinal = true;
      continue;
    }
    if (only || typeof v !== 'string') return undefined;
    only = { col: c, text: v.trim() };
  }
  if (!only) return undefined;
  const numbered = /^([IVXLC]+|[A-Z]|\d+)[.)-]\s/.test(only.text);
  const capitals = only.text === only.text.toUpperCase() && only.text !== only.text.toLowerCase();
  const inNameColumn = mapping.some((m) => m.col === only.col && (m.field === 'fullName' || m.field === 'name' || m.field === 'task' || m.field === 'unit'));
  // With an ordinal in front, only a heading in capitals or numbered is taken: "1 | Nguyễn Văn An" is a person.
  if (ordinal) return numbered || capitals ? only : undefined;
  return numbered || capitals || !inNameColumn ? only : undefined;
}

export function kindLabel(kind: SheetKind | undefined): string {
  return kind ? SHEET_KIND_LABELS[kind] : 'không nhận ra';
}
