import { firstVisible, foldedCodeAt, foldKey, startsFolded } from '../domain/text';
import { isBlank } from './grid';
import { keepShape } from './keepShape';
import type { CellValue } from './values';

export type RowClass = 'blank' | 'index' | 'total' | 'note' | 'data';

// Diacritics matter here: "Cộng" is a total, "Công an thành phố" a unit; "Tổng công ty" is no total either.
const TOTAL = /^(tổng cộng|tổng số|cộng|tổng)(\s*[:(\d]|$)|^(tổng cộng|tổng số)\s/;
const NOTE_PREFIXES = ['ghi chu', 'luu y', 'nguoi lap', 'nguoi lap bieu', 'noi nhan', 'xac nhan', 'thu truong', 'truong ban', 'ky ten', 'nguon', 'chu thich', 'tm ', 't m '];
// What a total or a note can start with, folded; rows starting otherwise (almost every name:
// "nguy", "tran", "le v") skip the costly checks.
const TOTAL_OR_NOTE_START = ['tong', 'cong', 'ghi', 'luu', 'nguo', 'noi ', 'xac ', 'thu ', 'truo', 'ky t', 'chu ', 'tm', 't/m', 't m '];

/** "(1)", "1", "(13)": the column-number row printed under official forms' headers. -1 when not such a cell. */
function indexNumber(text: string): number {
  let i = 0;
  let n = text.length;
  while (i < n && text.charCodeAt(i) === 32) i++;
  while (n > i && text.charCodeAt(n - 1) === 32) n--;
  const open = text.charCodeAt(i) === 40;
  if (open) {
    if (text.charCodeAt(n - 1) !== 41) return -1;
    i++;
    n--;
  }
  if (n - i < 1 || n - i > 3) return -1;
  let value = 0;
  for (let k = i; k < n; k++) {
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

// Prefixes by their first two letters (ASCII, folded), so that a row costs two array reads before
// any comparison: names starting "Ng", "Tr" are compared with "nguo", "truo" only.
const STARTS_BY_LETTERS: Array<Array<string[] | undefined> | undefined> = new Array(128).fill(undefined);
for (const prefix of TOTAL_OR_NOTE_START) {
  const bySecond = (STARTS_BY_LETTERS[prefix.charCodeAt(0)] ??= new Array<string[] | undefined>(128).fill(undefined));
  (bySecond[prefix.charCodeAt(1)] ??= []).push(prefix);
}

function mayBeTotalOrNote(text: string): boolean {
  let i = firstVisible(text);
  const first = foldedCodeAt(text, i);
  if (first === 42) return true; // "* Ghi chú"
  // Folded codes past ASCII (other scripts) and NaN (nothing visible) start no prefix.
  const bySecond = first < 128 ? STARTS_BY_LETTERS[first] : undefined;
  if (!bySecond) return false;
  // The second letter as startsFolded reads it: past the combining marks of decomposed text.
  i++;
  while (i < text.length && text.charCodeAt(i) >= 0x300 && text.charCodeAt(i) <= 0x36f) i++;
  const second = foldedCodeAt(text, i);
  const candidates = second < 128 ? bySecond[second] : undefined;
  if (!candidates) return false;
  for (const prefix of candidates) if (startsFolded(text, prefix)) return true;
  return false;
}

/**
 * What a row is, before reading it as a record. Totals ("Tổng cộng", "Cộng: 12") and notes
 * ("Ghi chú: …", signature lines) are not records; an index row "(1) (2) (3)…" is part of the header.
 * One pass over the row, without allocating, that stops at the first text of a record (usually
 * its second cell): it runs on every row.
 */
export function classifyRow(row: readonly CellValue[] | undefined): RowClass {
  if (!row) return 'blank';
  let firstText: string | undefined;
  let nonBlank = 0;
  let maybeIndex = true;
  let parenthesised = false;
  let last = -1;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v == null) continue;
    if (typeof v === 'string') {
      if (isBlank(v)) continue;
      nonBlank++;
      if (firstText === undefined) firstText = v;
      if (maybeIndex) {
        const n = indexNumber(v);
        if (n <= last) maybeIndex = false;
        else {
          last = n;
          if (v.trim().charCodeAt(0) === 40) parenthesised = true;
        }
      }
    } else {
      nonBlank++;
      if (maybeIndex) {
        if (typeof v === 'number' && Number.isInteger(v) && v > last && v < 1000) last = v;
        else maybeIndex = false;
      }
    }
    // Not an index row, and the first text is known: the rest of the row cannot change the answer.
    if (!maybeIndex && firstText !== undefined) break;
  }
  if (nonBlank === 0) return 'blank';
  if (maybeIndex && (nonBlank >= 4 || (nonBlank >= 3 && parenthesised))) return 'index';
  if (firstText !== undefined && mayBeTotalOrNote(firstText)) {
    if (TOTAL.test(firstText.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' '))) return 'total';
    if (firstText.trim().startsWith('*')) return 'note';
    const folded = foldKey(firstText);
    for (const prefix of NOTE_PREFIXES) if (folded === prefix.trim() || folded.startsWith(prefix.endsWith(' ') ? prefix : prefix + ' ')) return 'note';
  }
  return 'data';
}

/**
 * Recognises the header repeated further down (sheets pasted from printed pages): half the
 * header labels must reappear. `keyCol`/`keyLabel` give a cheap first test (the key column's
 * cell must fold to its label) so that ordinary rows cost one comparison of lengths.
 */
export class RepeatedHeader {
  constructor(
    private readonly labels: ReadonlySet<string>,
    private readonly keyCol: number,
    private readonly keyLabel: string,
  ) {
    this.keyStart = keyLabel.slice(0, 4);
  }

  private readonly keyStart: string;

  test(row: readonly CellValue[] | undefined): boolean {
    if (!row) return false;
    const key = row[this.keyCol];
    if (typeof key !== 'string' || !startsFolded(key, this.keyStart) || foldKey(key) !== this.keyLabel) return false;
    let hits = 0;
    let texts = 0;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'string' || isBlank(v)) continue;
      texts++;
      if (this.labels.has(foldKey(v))) hits++;
    }
    return hits >= 2 && hits * 2 >= texts;
  }
}

// See keepShape: its class outlives the sheets it reads.
keepShape(new RepeatedHeader(new Set(), 0, ''));
