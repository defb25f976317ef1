/**
 * Numbers the Vietnamese way (1.234,5; 12,50%): written for messages and documents, and read from
 * cells (`parseNumber`). Each formatter
 * is made on its first use: the first Intl.NumberFormat of a process loads ICU's locale data, about
 * 10 ms that a CLI run printing no number (a report as --json) would otherwise pay at start-up.
 */
function lazyFormat(options?: Intl.NumberFormatOptions): (n: number) => string {
  let format: Intl.NumberFormat | undefined;
  return (n) => (format ??= new Intl.NumberFormat('vi-VN', options)).format(n);
}

/** Up to three decimals, as Intl writes a number by default. */
export const viNumber = lazyFormat();
/** A whole count. */
export const viCount = lazyFormat({ maximumFractionDigits: 0 });
/** Up to two decimals. */
export const viDecimal = lazyFormat({ maximumFractionDigits: 2 });
/** A rate as a percentage with two decimals. */
export const viPercent = lazyFormat({ style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A cell's value as a reader gives it (the ingest's CellValue, by shape). */
export type NumberInput = string | number | boolean | Date | null | undefined;

export type NumberResult = { value: number; percent?: boolean } | { error: 'number.invalid' };

/**
 * Vietnamese-first number text: "." groups thousands and "," marks decimals ("1.234", "4,98",
 * "1.234.567,5"); a lone "." not followed by groups of three is a decimal point ("4.98");
 * spaces group thousands; a trailing "%" divides by 100.
 */
export function parseNumber(value: NumberInput): NumberResult {
  if (typeof value === 'number') return Number.isFinite(value) ? { value } : { error: 'number.invalid' };
  if (typeof value === 'boolean' || value instanceof Date || value == null) return { error: 'number.invalid' };
  let text = value.trim().replace(/[\s\u00a0]/g, '');
  let percent = false;
  if (text.endsWith('%')) {
    percent = true;
    text = text.slice(0, -1);
  }
  let sign = 1;
  if (text.startsWith('-') || text.startsWith('+')) {
    if (text[0] === '-') sign = -1;
    text = text.slice(1);
  }
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return { error: 'number.invalid' };
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let normalised: string;
  if (lastDot >= 0 && lastComma >= 0) {
    // Both present: whichever comes last is the decimal mark; the other groups thousands.
    const [group, decimal] = lastComma > lastDot ? ['.', ','] : [',', '.'];
    const [intPart, frac, extra] = text.split(decimal);
    if (extra !== undefined || !isGrouped(intPart, group)) return { error: 'number.invalid' };
    normalised = intPart.split(group).join('') + '.' + frac;
  } else if (lastComma >= 0) {
    const pieces = text.split(',');
    normalised = pieces.length === 2 ? pieces[0] + '.' + pieces[1] : isGrouped(text, ',') ? pieces.join('') : '';
  } else if (lastDot >= 0) {
    const pieces = text.split('.');
    if (isGrouped(text, '.')) normalised = pieces.join('');
    else normalised = pieces.length === 2 ? text : '';
  } else {
    normalised = text;
  }
  if (!/^\d+(\.\d+)?$/.test(normalised)) return { error: 'number.invalid' };
  const n = sign * Number(normalised);
  return percent ? { value: n / 100, percent: true } : { value: n };
}

/** "1.234.567" with separator ".": groups of exactly three after a first group of one to three. */
function isGrouped(text: string, sep: string): boolean {
  const groups = text.split(sep);
  if (groups.length < 2) return /^\d+$/.test(text);
  if (!/^\d{1,3}$/.test(groups[0])) return false;
  for (let i = 1; i < groups.length; i++) if (!/^\d{3}$/.test(groups[i])) return false;
  return true;
}
