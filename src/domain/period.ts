import { daysInMonth, isoOf, isValidYmd } from './calendar';

/** A reporting period, ISO dates inclusive. */
export interface Period {
  from: string;
  to: string;
}


/** "2021" (the year), "2021-Q2" (a quarter), "2021-H1" (a half year) → the period; undefined if it is none of these. */
export function parsePeriod(text: string): Period | undefined {
  const m = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/i.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const part = m[2]?.toUpperCase();
  const [first, last] = !part ? [1, 12] : part[0] === 'Q' ? [3 * Number(part[1]) - 2, 3 * Number(part[1])] : part === 'H1' ? [1, 6] : [7, 12];
  return { from: isoOf(year, first, 1), to: isoOf(year, last, daysInMonth(year, last)) };
}

/** A date given on the command line: ISO (2019-12-31) or day-first (31/12/2019). */
export function parseDay(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  const [y, m, d] = iso ? [+iso[1], +iso[2], +iso[3]] : dmy ? [+dmy[3], +dmy[2], +dmy[1]] : [NaN, NaN, NaN];
  return Number.isFinite(y) && isValidYmd(y, m, d) ? isoOf(y, m, d) : undefined;
}

export function inPeriod(date: string | undefined, period: Period): boolean {
  return date !== undefined && date >= period.from && date <= period.to;
}

/**
 * A short name for sheet names and file names: "2021", "2015-2019", "2021-Q2", "2021-H1",
 * else the two days ("01.03.2021-15.07.2021"; Excel forbids "/" in sheet names).
 */
export function periodLabel(period: Period): string {
  const [fy, fm, fd] = period.from.split('-').map(Number);
  const [ty, tm, td] = period.to.split('-').map(Number);
  const fullYears = fm === 1 && fd === 1 && tm === 12 && td === 31;
  if (fullYears) return fy === ty ? String(fy) : `${fy}-${ty}`;
  if (fy === ty && fd === 1 && td === daysInMonth(ty, tm)) {
    if (tm - fm === 2 && fm % 3 === 1) return `${fy}-Q${(fm + 2) / 3}`;
    if (tm - fm === 5 && (fm === 1 || fm === 7)) return `${fy}-H${fm === 1 ? 1 : 2}`;
  }
  return `${dayLabel(period.from)}-${dayLabel(period.to)}`;
}

/** "2021-10-01" → "01.10.2021": a day in sheet and file names, where Excel forbids "/". */
export function dayLabel(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** "2021-03-31" → "31/03/2021", the way Vietnamese documents write days. */
export function dayText(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
