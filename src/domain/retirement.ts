import { addDays, addMonths, isoOf, type IsoDate } from './calendar';
import type { Sex } from './vocabulary';

/**
 * The statutory retirement age of workers in normal conditions and the day their pension starts:
 * Bộ luật Lao động 2019, Điều 169.2, detailed by Nghị định 135/2020/NĐ-CP, Điều 3–4 and Phụ lục I
 * (men) and II (women). Before 2021, 60 for men and 55 for women (Bộ luật Lao động 2012, Điều 187).
 * The rule, the choices and the sources: docs/domain.md, "Retirement age (NĐ 135/2020)".
 */

/** A month of the calendar. */
export interface YearMonth {
  year: number;
  /** 1–12. */
  month: number;
}

/** An age in whole years and months. */
export interface AgeYm {
  years: number;
  months: number;
}

export interface StatutoryRetirement {
  /** The retirement age that applies: the one of the year in which the person reaches it. */
  age: AgeYm;
  /** The month the person reaches that age; the retirement is at the end of its last day (NĐ 135, Điều 3.1). */
  retirementMonth: YearMonth;
  /** The last day of the retirement month. */
  retirementDate: IsoDate;
  /** The first day of the month after the retirement month (NĐ 135, Điều 3.2). */
  pensionStart: IsoDate;
}

/**
 * The schedule in months of age: the age before 2021, the age of 2021, the yearly step, the final
 * age (NĐ 135, Điều 4.1: men 60y3m in 2021, +3 months a year, 62 from 2028; women 55y4m in 2021,
 * +4 months a year, 60 from 2035).
 */
const SCHEDULE: Readonly<Record<Sex, { before: number; first: number; step: number; last: number }>> = {
  male: { before: 60 * 12, first: 60 * 12 + 3, step: 3, last: 62 * 12 },
  female: { before: 55 * 12, first: 55 * 12 + 4, step: 4, last: 60 * 12 },
};

/** The first year of the schedule (Bộ luật Lao động 2019 and NĐ 135 took effect on 01/01/2021). */
export const SCHEDULE_START_YEAR = 2021;

/** The retirement age, in months, of those who reach it in `year`. */
export function retirementAgeMonthsInYear(year: number, sex: Sex): number {
  const s = SCHEDULE[sex];
  if (year < SCHEDULE_START_YEAR) return s.before;
  return Math.min(s.first + s.step * (year - SCHEDULE_START_YEAR), s.last);
}

function ageOfMonths(months: number): AgeYm {
  return { years: Math.floor(months / 12), months: months % 12 };
}

function yearMonthOf(iso: IsoDate): YearMonth {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) };
}

/**
 * The statutory retirement of a person born in `birth`. The day of birth does not matter: the age is
 * reached in the same month whatever the day. A birth known only by its year counts from January of
 * that year (NĐ 135, Điều 3.3): leave `month` out. The age that applies is the one of the year in
 * which the person reaches it (NĐ 135, Điều 4 and its appendices): the first month in which the
 * person's age is at least that year's retirement age.
 */
export function statutoryRetirement(birth: { year: number; month?: number }, sex: Sex): StatutoryRetirement {
  const month = birth.month ?? 1;
  if (!Number.isInteger(birth.year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`statutoryRetirement: ${birth.year}/${birth.month} is no month of birth`);
  }
  if (SCHEDULE[sex] === undefined) throw new RangeError(`statutoryRetirement: "${sex}" is no sex`);
  const born = isoOf(birth.year, month, 1);
  // No one retires younger than the age before the schedule, so no earlier year can hold the answer.
  // The age grows by at most 4 months a year while the years pass by 12: the loop ends by the year
  // of the final age at the latest.
  for (let year = birth.year + Math.floor(SCHEDULE[sex].before / 12); ; year++) {
    const ageMonths = retirementAgeMonthsInYear(year, sex);
    const reached = addMonths(born, ageMonths);
    if (Number(reached.slice(0, 4)) <= year) {
      const pensionStart = addMonths(reached, 1);
      return { age: ageOfMonths(ageMonths), retirementMonth: yearMonthOf(reached), retirementDate: addDays(pensionStart, -1), pensionStart };
    }
  }
}

/**
 * The month of birth a staff record gives: its birth date's, or January when only the year is known
 * (NĐ 135, Điều 3.3); undefined without a birth date.
 */
export function birthMonthOf(person: { birthDate?: IsoDate; birthYearOnly?: boolean }): YearMonth | undefined {
  if (person.birthDate === undefined) return undefined;
  const { year, month } = yearMonthOf(person.birthDate);
  return { year, month: person.birthYearOnly ? 1 : month };
}

export interface RetirementTableRow extends StatutoryRetirement {
  birth: YearMonth;
}

/**
 * The table of Phụ lục I (men) or II (women) of NĐ 135, generated from the rule: one row per month
 * of birth, from the first month whose age is above the age before the schedule (01/1961 for men,
 * 01/1966 for women) to the first month with the final age (04/1966 for men, 05/1975 for women),
 * which holds for everyone born later.
 */
export function generateRetirementTable(sex: Sex): RetirementTableRow[] {
  const s = SCHEDULE[sex];
  const rows: RetirementTableRow[] = [];
  let born = isoOf(SCHEDULE_START_YEAR - Math.floor(s.before / 12) - 1, 1, 1);
  for (;;) {
    const birth = yearMonthOf(born);
    const r = statutoryRetirement(birth, sex);
    const months = r.age.years * 12 + r.age.months;
    if (months > s.before) rows.push({ birth, ...r });
    if (months >= s.last) return rows;
    born = addMonths(born, 1);
  }
}
