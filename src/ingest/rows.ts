import { foldKey } from '../domain/text';
import { cellText, isBlank } from './grid';
import type { CellValue } from './values';

export type RowClass = 'blank' | 'index' | 'total' | 'note' | 'data';

// Diacritics matter here: "Cộng" is a total, "Công an thành phố" a unit; "Tổng công ty" is no total either.
const TOTAL = /^(tổng cộng|tổng số|cộng|tổng)(\s*[:(\d]|$)|^(tổng cộng|tổng số)\s/;
const NOTE_PREFIXES = ['ghi chu', 'luu y', 'nguoi lap', 'nguoi lap bieu', 'noi nhan', 'xac nhan', 'thu truong', 'truong ban', 'ky ten', 'nguon', 'chu thich', 'tm ', 't m '];

/** "(1)", "1", "(13)": the column-number row printed under official forms' headers. */
function isIndexCell(text: string): boolean {
  return /^\(?\d{1,3}\)?$/.test(text.trim());
}

/**
 * What a row is, before reading it as a record. Totals ("Tổng cộng", "Cộng: 12") and notes
 * ("Ghi chú: …", signature lines) are not records; an index row "(1) (2) (3)…" is part of the header.
 */
export function classifyRow(row: readonly CellValue[] | undefined): RowClass {
  if (!row) return 'blank';
  let firstText = '';
  let nonBlank = 0;
  let indexCells = 0;
  let lastIndex = -1;
  let ascending = true;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (isBlank(v)) continue;
    nonBlank++;
    const text = cellText(v);
    if (!firstText && typeof v === 'string') firstText = text;
    if (isIndexCell(text)) {
      indexCells++;
      const n = Number(text.replace(/[()]/g, ''));
      if (n <= lastIndex) ascending = false;
      lastIndex = n;
    }
  }
  if (nonBlank === 0) return 'blank';
  if (indexCells === nonBlank && nonBlank >= 3 && ascending && /\(/.test(cellText(row.find((v) => !isBlank(v))))) return 'index';
  if (indexCells === nonBlank && nonBlank >= 4 && ascending) return 'index';
  if (firstText) {
    if (TOTAL.test(firstText.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' '))) return 'total';
    const folded = foldKey(firstText);
    if (firstText.trim().startsWith('*')) return 'note';
    for (const prefix of NOTE_PREFIXES) if (folded === prefix.trim() || folded.startsWith(prefix.endsWith(' ') ? prefix : prefix + ' ')) return 'note';
  }
  return 'data';
}

/** Does this row repeat the header (sheets pasted from printed pages)? Half the header labels must reappear. */
export function isRepeatedHeader(row: readonly CellValue[] | undefined, labels: ReadonlySet<string>): boolean {
  if (!row) return false;
  let hits = 0;
  let texts = 0;
  for (const v of row) {
    if (typeof v !== 'string' || isBlank(v)) continue;
    texts++;
    if (labels.has(foldKey(v))) hits++;
  }
  return hits >= 2 && hits * 2 >= texts;
}
