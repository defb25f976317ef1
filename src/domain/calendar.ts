/**
 * Day arithmetic, in one place: leap years, days in a month, ISO days (`YYYY-MM-DD`, comparable as
 * strings, free of time zones), their day numbers, Excel's serial numbers, and adding months and
 * days as officers do by hand (Excel's EDATE). Reading days out of cells is ingest's business
 * (src/ingest/values.ts); this module only counts.
 */

/** ISO dates `YYYY-MM-DD`: comparable as strings, free of time zones. */
export type IsoDate = string;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

export function isoOf(year: number, month: number, day: number): IsoDate {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** 0–9 for a digit character's code, anything else outside that range (as unsigned: huge below "0"). */
const digitAt = (text: string, i: number) => text.charCodeAt(i) - 48;

/**
 * An ISO date's day as one number that orders as the dates do (year × 416 + month × 32 + day),
 * read from its digits without building a string (sorting and grouping thousands of records);
 * -1 unless the text is `YYYY-MM-DD` with digits where they belong.
 */
export function isoDayNumber(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return -1;
  const y1 = digitAt(iso, 0), y2 = digitAt(iso, 1), y3 = digitAt(iso, 2), y4 = digitAt(iso, 3);
  const m1 = digitAt(iso, 5), m2 = digitAt(iso, 6), d1 = digitAt(iso, 8), d2 = digitAt(iso, 9);
  if ((y1 >>> 0) > 9 || (y2 >>> 0) > 9 || (y3 >>> 0) > 9 || (y4 >>> 0) > 9 || (m1 >>> 0) > 9 || (m2 >>> 0) > 9 || (d1 >>> 0) > 9 || (d2 >>> 0) > 9) return -1;
  return (y1 * 1000 + y2 * 100 + y3 * 10 + y4) * 416 + (m1 * 10 + m2) * 32 + d1 * 10 + d2;
}

/** Days from 1970-01-01 to a day of the proleptic Gregorian calendar (H. Hinnant's days_from_civil): no Date, no string. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The day a count of days from 1970-01-01 falls on (Hinnant's civil_from_days). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 31/12/1899, Excel's day 0, counted from 1970-01-01. */
export const EXCEL_EPOCH = daysFromCivil(1899, 12, 31);

/** Days from 1970-01-01 to an ISO day, read from its digits; NaN for any other text. */
function epochDays(iso: string): number {
  const n = isoDayNumber(iso);
  return n < 0 ? NaN : daysFromCivil(Math.floor(n / 416), Math.floor((n % 416) / 32), n % 32);
}

/** Days from 1970-01-01, or a RangeError naming the function given a text that is no ISO day. */
function epochDaysOf(iso: string, caller: string): number {
  const days = epochDays(iso);
  if (Number.isNaN(days)) throw new RangeError(`${caller}: "${iso}" is not an ISO day`);
  return days;
}

/**
 * Excel's serial (1900 date system) of a day counted from 1970-01-01: its days from Excel's day 0,
 * and one more from 01/03/1900 on, past the 29/02/1900 that Excel counts (1900 was no leap year;
 * Excel kept Lotus 1-2-3's error so that their serials agree). Before 1900 the result is below 1.
 */
export function serialOfDays(days: number): number {
  const n = days - EXCEL_EPOCH;
  return n >= 60 ? n + 1 : n;
}

/** ISO date → Excel serial (1900 date system, with its 29/02/1900), read from its digits (a report writes thousands of dates); NaN for any other text. */
export function isoToSerial(iso: string): number {
  return serialOfDays(epochDays(iso));
}

/**
 * The day a whole Excel serial from 0 on stands for, as Excel's YEAR, MONTH and DAY give it: 60 is
 * the 29/02/1900 Excel counts, and 0 its "00/01/1900".
 */
export function civilFromSerial(serial: number): { year: number; month: number; day: number } {
  if (serial === 0) return { year: 1900, month: 1, day: 0 };
  if (serial === 60) return { year: 1900, month: 2, day: 29 };
  return civilFromDays(EXCEL_EPOCH + (serial > 60 ? serial - 1 : serial));
}

/**
 * The same day `months` later; a day the target month lacks becomes its last day (29/02/2020 + 12
 * months = 28/02/2021), the way Excel's EDATE counts, which is how officers compute the dates by hand.
 */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return isoOf(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  const { year, month, day } = civilFromDays(epochDaysOf(iso, 'addDays') + days);
  return isoOf(year, month, day);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return epochDaysOf(to, 'daysBetween') - epochDaysOf(from, 'daysBetween');
}
