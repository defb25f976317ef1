import { parseDay, parsePeriod, type Period } from '../domain/period';

/** What the period fields hold, as typed; `periodOf` turns it into a Period or says what is wrong. */
export type PeriodKind = 'year' | 'quarter' | 'half' | 'custom';

export interface PeriodInput {
  kind: PeriodKind;
  /** null while the year field is empty or not a number. */
  year: number | null;
  quarter: 1 | 2 | 3 | 4;
  half: 1 | 2;
  /** ISO days from the date inputs ("" when cleared). */
  from: string;
  to: string;
}

/** The last complete quarter: reports are made after a period closes (quarterly party indicators, quarterly staffing reports). */
export function defaultPeriodInput(now: Date): PeriodInput {
  const current = Math.floor(now.getMonth() / 3) + 1;
  const year = current === 1 ? now.getFullYear() - 1 : now.getFullYear();
  const quarter = (current === 1 ? 4 : current - 1) as PeriodInput['quarter'];
  return { kind: 'quarter', year, quarter, half: quarter <= 2 ? 1 : 2, from: `${year}-01-01`, to: `${year}-12-31` };
}

export type PeriodProblem = 'year' | 'from' | 'to' | 'order';

export function periodOf(input: PeriodInput): { period: Period } | { problem: PeriodProblem } {
  if (input.kind === 'custom') {
    const from = parseDay(input.from);
    const to = parseDay(input.to);
    if (!from) return { problem: 'from' };
    if (!to) return { problem: 'to' };
    return from <= to ? { period: { from, to } } : { problem: 'order' };
  }
  const year = input.year;
  if (year === null || !Number.isInteger(year) || year < 1000 || year > 9999) return { problem: 'year' };
  const suffix = input.kind === 'quarter' ? `-Q${input.quarter}` : input.kind === 'half' ? `-H${input.half}` : '';
  const period = parsePeriod(`${year}${suffix}`);
  return period ? { period } : { problem: 'year' };
}

/** "10" or "10,5" or "10 %" → 0.10 / 0.105; "" → no target; anything outside [0, 100) → invalid. */
export function targetOf(text: string): { target: number | undefined } | { invalid: true } {
  const trimmed = text.trim().replace(/\s*%$/, '');
  if (trimmed === '') return { target: undefined };
  if (!/^\d+(?:[.,]\d+)?$/.test(trimmed)) return { invalid: true };
  const percent = Number(trimmed.replace(',', '.'));
  return percent >= 0 && percent < 100 ? { target: percent / 100 } : { invalid: true };
}

/** A whole number typed in a field: "" → none (the default applies); digits within [min, max] → the number; anything else → invalid. */
export function wholeOf(text: string, min: number, max: number): { value: number | undefined } | { invalid: true } {
  const trimmed = text.trim();
  if (trimmed === '') return { value: undefined };
  if (!/^\d+$/.test(trimmed)) return { invalid: true };
  const value = Number(trimmed);
  return value >= min && value <= max ? { value } : { invalid: true };
}


export { dayText } from '../domain/period';
