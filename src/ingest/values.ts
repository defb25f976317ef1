/**
 * Cell value parsing for the sheets officers really keep: real dates and Excel serials, day-first
 * text dates in their usual variants, bare years, Vietnamese-formatted numbers and yes/no marks.
 * Parsers never throw: bad input yields `{ error }` with a code the caller turns into an issue.
 */

import { civilFromDays, EXCEL_EPOCH, isoOf, isValidYmd } from '../domain/calendar';

/** A value as read from a workbook: exceljs and Office.js both reduce to these. */
export type CellValue = string | number | boolean | Date | null | undefined;

export type DatePrecision = 'day' | 'month' | 'year';
export interface ParsedDate {
  /** ISO date `YYYY-MM-DD`; for a bare year the 1st of January, for month/year the 1st of the month. */
  iso: string;
  precision: DatePrecision;
  /** A two-digit year was widened (75 → 1975): worth a warning. */
  widenedYear?: boolean;
}
export type DateResult = ParsedDate | { error: 'date.invalid' | 'date.outOfRange' };

export const MIN_YEAR = 1850;
export const MAX_YEAR = 2200;

/**
 * The result for each calendar day, made on its first use and shared (frozen: callers only read
 * it). Lists repeat the same days thousands of times (births, decisions): a shared result is no
 * new string and object per cell for the garbage collector to move, and records share their ISO
 * strings. By year from MIN_YEAR, then by month × 32 + day (a slot per digit pair a text date can
 * hold, so the common path looks up before it validates); kept for the process, about 4 KB for
 * each year met.
 */
const DAYS_BY_YEAR: Array<Array<ParsedDate | undefined> | undefined> = new Array(MAX_YEAR - MIN_YEAR + 1).fill(undefined);
const DAY_SLOTS = 13 * 32;

/** The shared result of a valid day, already in range. */
function dayResult(year: number, month: number, day: number): ParsedDate {
  const days = (DAYS_BY_YEAR[year - MIN_YEAR] ??= new Array<ParsedDate | undefined>(DAY_SLOTS).fill(undefined));
  return (days[month * 32 + day] ??= Object.freeze({ iso: isoOf(year, month, day), precision: 'day' }));
}

function ymd(year: number, month: number, day: number, precision: DatePrecision = 'day'): DateResult {
  if (year < MIN_YEAR || year > MAX_YEAR) return { error: 'date.outOfRange' };
  if (!isValidYmd(year, month, day)) return { error: 'date.invalid' };
  return precision === 'day' ? dayResult(year, month, day) : { iso: isoOf(year, month, day), precision };
}

/** 31/12/9999, Excel's last day. */
const MAX_SERIAL = 2958465;

/** The day a count of days from 1970-01-01 falls on, as a result. */
function dateOfDays(days: number): DateResult {
  const { year, month, day } = civilFromDays(days);
  return ymd(year, month, day);
}

/** Does an Excel number format show a date (d, m, y tokens outside quotes and brackets)? */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === 'General') return false;
  const stripped = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dy]/i.test(stripped) || /m{3,}/i.test(stripped);
}

function readInt(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return end > start ? n : -1;
}

function widenYear(twoDigits: number): number {
  // Personnel data spans births from the 1930s: 00–29 are this century, the rest the last.
  return twoDigits <= 29 ? 2000 + twoDigits : 1900 + twoDigits;
}

/**
 * "dd/mm/yyyy" (or with - or .), the form of nearly every text date: read without allocating, and
 * a day met before answered by one look-up; undefined for any other form.
 */
export function parseCommonDate(t: string): DateResult | undefined {
  if (t.length !== 10) return undefined;
  const sep = t.charCodeAt(2);
  if ((sep !== 47 && sep !== 45 && sep !== 46) || t.charCodeAt(5) !== sep) return undefined;
  const d1 = t.charCodeAt(0) - 48, d2 = t.charCodeAt(1) - 48, m1 = t.charCodeAt(3) - 48, m2 = t.charCodeAt(4) - 48;
  const y1 = t.charCodeAt(6) - 48, y2 = t.charCodeAt(7) - 48, y3 = t.charCodeAt(8) - 48, y4 = t.charCodeAt(9) - 48;
  // A digit is 0–9: as unsigned, any character below "0" is huge, so one test covers both ends.
  if ((d1 >>> 0) > 9 || (d2 >>> 0) > 9 || (m1 >>> 0) > 9 || (m2 >>> 0) > 9 || (y1 >>> 0) > 9 || (y2 >>> 0) > 9 || (y3 >>> 0) > 9 || (y4 >>> 0) > 9) return undefined;
  const day = d1 * 10 + d2;
  const month = m1 * 10 + m2;
  const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  if (year >= MIN_YEAR && year <= MAX_YEAR && month <= 12 && day <= 31) {
    const known = DAYS_BY_YEAR[year - MIN_YEAR]?.[month * 32 + day];
    if (known !== undefined) return known;
  }
  return ymd(year, month, day);
}

/** Parses a text date: dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, dd/mm/yy, mm/yyyy, yyyy, yyyy-mm-dd. */
export function parseDateText(raw: string): DateResult {
  const common = parseCommonDate(raw);
  if (common) return common;
  const text = raw.trim();
  const len = text.length;
  if (len === 0) return { error: 'date.invalid' };
  const first = text.charCodeAt(0);
  if (first < 48 || first > 57) return parseWordyDate(text);
  // Split on the first separator kind found; at most three numeric parts.
  const parts: Array<[number, number]> = [];
  let start = 0;
  let sep = -1;
  for (let i = 0; i <= len; i++) {
    const c = i < len ? text.charCodeAt(i) : -1;
    const isDigit = c >= 48 && c <= 57;
    if (isDigit) continue;
    if (i === start) return { error: 'date.invalid' };
    parts.push([start, i]);
    if (i === len) break;
    // Separators: / - . (and spaces around them are not accepted; "12 / 3 / 1975" is rare enough).
    if (c !== 47 && c !== 45 && c !== 46) return parseWordyDate(text);
    if (sep === -1) sep = c;
    else if (sep !== c) return { error: 'date.invalid' };
    if (parts.length === 3) return { error: 'date.invalid' };
    start = i + 1;
  }
  const lengths = parts.map(([a, b]) => b - a);
  const nums = parts.map(([a, b]) => readInt(text, a, b));
  if (parts.length === 1) {
    if (lengths[0] === 4) return ymd(nums[0], 1, 1, 'year');
    return { error: 'date.invalid' };
  }
  if (parts.length === 2) {
    // mm/yyyy: a month without a day.
    if (lengths[0] <= 2 && lengths[1] === 4) return ymd(nums[1], nums[0], 1, 'month');
    return { error: 'date.invalid' };
  }
  if (lengths[0] === 4 && sep === 45 && lengths[1] <= 2 && lengths[2] <= 2) return ymd(nums[0], nums[1], nums[2]);
  if (lengths[0] > 2 || lengths[1] > 2) return { error: 'date.invalid' };
  if (lengths[2] === 4) return ymd(nums[2], nums[1], nums[0]);
  if (lengths[2] === 2) {
    const result = ymd(widenYear(nums[2]), nums[1], nums[0]);
    // A result of its own: the day's shared one stays as it is.
    return 'iso' in result ? { iso: result.iso, precision: result.precision, widenedYear: true } : result;
  }
  return { error: 'date.invalid' };
}

/** "ngày 12 tháng 3 năm 1975", the way dates are written in documents. */
function parseWordyDate(text: string): DateResult {
  const m = /^ng[aà]y\s*(\d{1,2})\s*th[aá]ng\s*(\d{1,2})\s*n[aă]m\s*(\d{4})$/i.exec(text.normalize('NFC'));
  if (!m) return { error: 'date.invalid' };
  return ymd(+m[3], +m[2], +m[1]);
}

/**
 * Any cell → date. Numbers are Excel serials when formatted as dates, or when too large to be a
 * year; a plain number 1850–2200 in a General cell is a bare year ("Năm sinh" columns).
 */
export function parseDate(value: CellValue, numberFormat?: string): DateResult {
  if (value instanceof Date) {
    const t = value.getTime();
    if (Number.isNaN(t)) return { error: 'date.invalid' };
    // exceljs builds dates at UTC midnight; Office.js gives serials, not Date objects. The day is
    // counted from the time value: three getUTC calls cost more than the arithmetic.
    return dateOfDays(Math.floor(t / 86400000));
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { error: 'date.invalid' };
    if (Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR && !isDateFormat(numberFormat)) {
      return ymd(value, 1, 1, 'year');
    }
    // An Excel serial (1900 date system). Excel counts 29/02/1900, a day that never was, so
    // serials from 61 on are one day ahead of the plain count from 31/12/1899.
    const whole = Math.floor(value);
    if (whole < 1 || whole > MAX_SERIAL) return { error: 'date.outOfRange' };
    return dateOfDays(EXCEL_EPOCH + (whole >= 61 ? whole - 1 : whole));
  }
  if (typeof value === 'string') return parseDateText(value);
  return { error: 'date.invalid' };
}

export type YesNoResult = { value: boolean } | { error: 'yesno.invalid' };

const YES = new Set(['x', 'có', 'co', '1', '✓', '✔', '☑', 'yes', 'y', 'true', 'đã', 'đã sử dụng', 'sử dụng', 'đang sử dụng', 'đã cài', 'đã cài đặt', 'đạt']);
const YES_RESULT: YesNoResult = Object.freeze({ value: true });
const NO_RESULT: YesNoResult = Object.freeze({ value: false });
const NO = new Set(['', '0', 'không', 'khong', 'chưa', 'chưa sử dụng', 'no', 'n', 'false', '-', '–', '✗', '✘']);

export function parseYesNo(value: CellValue): YesNoResult {
  if (value == null) return NO_RESULT;
  if (typeof value === 'boolean') return value ? YES_RESULT : NO_RESULT;
  if (typeof value === 'number') return value === 1 ? { value: true } : value === 0 ? { value: false } : { error: 'yesno.invalid' };
  if (value instanceof Date) return { error: 'yesno.invalid' };
  // The marks as typed ("x", "X", "có") answer without normalising; "x", the usual one, at once.
  if (value === 'x' || YES.has(value)) return YES_RESULT;
  if (NO.has(value)) return NO_RESULT;
  const key = value.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  if (YES.has(key)) return YES_RESULT;
  if (NO.has(key)) return NO_RESULT;
  return { error: 'yesno.invalid' };
}
