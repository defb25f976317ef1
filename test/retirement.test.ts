import fc from 'fast-check';
import { birthMonthOf, generateRetirementTable, retirementAgeMonthsInYear, statutoryRetirement } from '../src/domain/retirement';
import type { Sex } from '../src/domain/vocabulary';

/**
 * The statutory retirement age (docs/domain.md, "Retirement age (NĐ 135/2020)"): the official rows,
 * the rule checked against an independent oracle, and the generated appendix tables.
 */

const ym = (year: number, month: number) => ({ year, month });
const months = (a: { years: number; months: number }) => a.years * 12 + a.months;

/**
 * The oracle: the yearly ages of NĐ 135, Điều 4.1 written out as published (docs/domain.md), before
 * 2021 the former 60 and 55; and the person's retirement month found by walking month by month from
 * birth to the first month in which the age reached is at least that year's retirement age. Months
 * are counted as year × 12 + month − 1, without the calendar module.
 */
const YEARLY: Record<Sex, Array<[number, number, number]>> = {
  male: [[2021, 60, 3], [2022, 60, 6], [2023, 60, 9], [2024, 61, 0], [2025, 61, 3], [2026, 61, 6], [2027, 61, 9], [2028, 62, 0]],
  female: [[2021, 55, 4], [2022, 55, 8], [2023, 56, 0], [2024, 56, 4], [2025, 56, 8], [2026, 57, 0], [2027, 57, 4], [2028, 57, 8],
    [2029, 58, 0], [2030, 58, 4], [2031, 58, 8], [2032, 59, 0], [2033, 59, 4], [2034, 59, 8], [2035, 60, 0]],
};

function oracleAge(year: number, sex: Sex): number {
  const rows = YEARLY[sex];
  if (year < rows[0][0]) return sex === 'male' ? 720 : 660;
  const row = rows.filter(([y]) => y <= year).pop() as [number, number, number];
  return row[1] * 12 + row[2];
}

function oracle(birth: { year: number; month: number }, sex: Sex) {
  const born = birth.year * 12 + birth.month - 1;
  for (let t = born; ; t++) {
    const year = Math.floor(t / 12);
    if (t - born >= oracleAge(year, sex)) {
      const next = t + 1;
      const pensionStart = `${Math.floor(next / 12)}-${String((next % 12) + 1).padStart(2, '0')}-01`;
      return { ageMonths: oracleAge(year, sex), retirementMonth: ym(year, (t % 12) + 1), pensionStart };
    }
  }
}

const sexArb = fc.constantFrom<Sex>('male', 'female');
const birthArb = fc.record({ year: fc.integer({ min: 1900, max: 2060 }), month: fc.integer({ min: 1, max: 12 }) });

describe('the statutory retirement age (NĐ 135/2020)', () => {
  it('gives the official rows of docs/domain.md', () => {
    const cases: Array<[Sex, number, number, number, number, string]> = [
      ['male', 1963, 1, 60, 9, '2023-11-01'],
      ['male', 1963, 4, 61, 0, '2024-05-01'],
      ['female', 1968, 1, 56, 4, '2024-06-01'],
      ['female', 1968, 9, 56, 8, '2025-06-01'],
    ];
    for (const [sex, year, month, years, extra, pensionStart] of cases) {
      const r = statutoryRetirement({ year, month }, sex);
      expect([sex, year, month, r.age, r.pensionStart]).toEqual([sex, year, month, { years, months: extra }, pensionStart]);
    }
  });

  it('gives the rows quoted by secondary sources (docs/domain.md): the schedule\'s ends and the bands of birth months', () => {
    const row = (sex: Sex, year: number, month: number) => {
      const r = statutoryRetirement({ year, month }, sex);
      return `${r.age.years}y${r.age.months}m ${r.retirementMonth.month}/${r.retirementMonth.year}`;
    };
    // Men: 01–09/1961 retire at 60y3m, 10/1961–06/1962 at 60y6m; 62 is reached first by those born 04/1966.
    expect(['1961-1', '1961-9', '1961-10', '1962-6', '1962-7', '1964-1', '1965-1', '1966-3', '1966-4', '1968-1'].map((b) => row('male', Number(b.slice(0, 4)), Number(b.slice(5)))))
      .toEqual(['60y3m 4/2021', '60y3m 12/2021', '60y6m 4/2022', '60y6m 12/2022', '60y9m 4/2023', '61y3m 4/2025', '61y6m 7/2026', '61y9m 12/2027', '62y0m 4/2028', '62y0m 1/2030']);
    // Women: 01–08/1966 at 55y4m, 09/1966–04/1967 at 55y8m; 60 is reached first by those born 05/1975.
    expect(['1966-1', '1966-8', '1966-9', '1967-4', '1967-5', '1975-4', '1975-5'].map((b) => row('female', Number(b.slice(0, 4)), Number(b.slice(5)))))
      .toEqual(['55y4m 5/2021', '55y4m 12/2021', '55y8m 5/2022', '55y8m 12/2022', '56y0m 5/2023', '59y8m 12/2034', '60y0m 5/2035']);
  });

  it('keeps 60 and 55 for those who reached them before 2021, with the pension from the next month', () => {
    expect(statutoryRetirement({ year: 1960, month: 12 }, 'male')).toEqual({ age: { years: 60, months: 0 }, retirementMonth: ym(2020, 12), retirementDate: '2020-12-31', pensionStart: '2021-01-01' });
    expect(statutoryRetirement({ year: 1965, month: 12 }, 'female')).toEqual({ age: { years: 55, months: 0 }, retirementMonth: ym(2020, 12), retirementDate: '2020-12-31', pensionStart: '2021-01-01' });
    expect(statutoryRetirement({ year: 1950, month: 2 }, 'male').retirementDate).toBe('2010-02-28');
    expect(statutoryRetirement({ year: 1952, month: 2 }, 'female').retirementDate).toBe('2007-02-28');
  });

  it('counts a birth known only by its year from January (NĐ 135, Điều 3.3)', () => {
    expect(statutoryRetirement({ year: 1963 }, 'male')).toEqual(statutoryRetirement({ year: 1963, month: 1 }, 'male'));
    expect(statutoryRetirement({ year: 1963 }, 'male').pensionStart).toBe('2023-11-01');
    expect(birthMonthOf({ birthDate: '1968-01-01', birthYearOnly: true })).toEqual(ym(1968, 1));
    expect(birthMonthOf({ birthDate: '1968-09-17', birthYearOnly: true })).toEqual(ym(1968, 1));
    expect(birthMonthOf({ birthDate: '1968-09-17' })).toEqual(ym(1968, 9));
    expect(birthMonthOf({})).toBeUndefined();
  });

  it('refuses a month that is no month', () => {
    expect(() => statutoryRetirement({ year: 1963, month: 13 }, 'male')).toThrow(RangeError);
    expect(() => statutoryRetirement({ year: 1963, month: 0 }, 'female')).toThrow(RangeError);
    expect(() => statutoryRetirement({ year: 1963.5, month: 1 }, 'female')).toThrow(RangeError);
    expect(() => statutoryRetirement({ year: 1963, month: 1 }, 'other' as Sex)).toThrow(RangeError);
  });

  it('property: agrees with the month-by-month oracle over the published yearly ages', () => {
    fc.assert(fc.property(birthArb, sexArb, (birth, sex) => {
      const r = statutoryRetirement(birth, sex);
      const o = oracle(birth, sex);
      expect({ ageMonths: months(r.age), retirementMonth: r.retirementMonth, pensionStart: r.pensionStart }).toEqual(o);
      expect(retirementAgeMonthsInYear(r.retirementMonth.year, sex)).toBe(months(r.age));
    }), { numRuns: 3000 });
  });

  it('property: a later birth never gets a lower age nor an earlier retirement', () => {
    fc.assert(fc.property(birthArb, fc.integer({ min: 1, max: 240 }), sexArb, (birth, later, sex) => {
      const t = birth.year * 12 + birth.month - 1 + later;
      const a = statutoryRetirement(birth, sex);
      const b = statutoryRetirement({ year: Math.floor(t / 12), month: (t % 12) + 1 }, sex);
      expect(months(b.age)).toBeGreaterThanOrEqual(months(a.age));
      expect(b.pensionStart > a.pensionStart).toBe(true);
    }), { numRuns: 2000 });
  });

  it('property: the pension starts on the first day of the month after the retirement month, the day after the retirement date', () => {
    fc.assert(fc.property(birthArb, sexArb, (birth, sex) => {
      const r = statutoryRetirement(birth, sex);
      const next = r.retirementMonth.year * 12 + r.retirementMonth.month;
      expect(r.pensionStart).toBe(`${Math.floor(next / 12)}-${String((next % 12) + 1).padStart(2, '0')}-01`);
      expect(r.retirementDate.slice(0, 7)).toBe(`${r.retirementMonth.year}-${String(r.retirementMonth.month).padStart(2, '0')}`);
      expect(Date.parse(`${r.pensionStart}T00:00:00Z`) - Date.parse(`${r.retirementDate}T00:00:00Z`)).toBe(86_400_000);
    }), { numRuns: 2000 });
  });

  it('property: from 2021 the age stays within 60y3m–62y (men) and 55y4m–60y (women), the age of the year reached', () => {
    const bounds: Record<Sex, [number, number]> = { male: [723, 744], female: [664, 720] };
    fc.assert(fc.property(birthArb, sexArb, (birth, sex) => {
      const r = statutoryRetirement(birth, sex);
      const age = months(r.age);
      if (r.retirementMonth.year >= 2021) {
        expect(age).toBeGreaterThanOrEqual(bounds[sex][0]);
        expect(age).toBeLessThanOrEqual(bounds[sex][1]);
      } else {
        expect(age).toBe(sex === 'male' ? 720 : 660);
      }
      const bornMonths = birth.year * 12 + birth.month - 1;
      const reachedMonths = r.retirementMonth.year * 12 + r.retirementMonth.month - 1;
      expect(reachedMonths - bornMonths).toBe(age);
    }), { numRuns: 2000 });
  });

  it('generates Phụ lục I and II from the rule: every month of birth from the schedule\'s start to its final age', () => {
    const men = generateRetirementTable('male');
    const women = generateRetirementTable('female');
    expect([men.length, men[0].birth, men[men.length - 1].birth, men[0].age, men[men.length - 1].age]).toEqual([64, ym(1961, 1), ym(1966, 4), { years: 60, months: 3 }, { years: 62, months: 0 }]);
    expect([women.length, women[0].birth, women[women.length - 1].birth, women[0].age, women[women.length - 1].age]).toEqual([113, ym(1966, 1), ym(1975, 5), { years: 55, months: 4 }, { years: 60, months: 0 }]);
    for (const [sex, table] of [['male', men], ['female', women]] as const) {
      table.forEach((row, i) => {
        expect(row).toEqual({ birth: row.birth, ...statutoryRetirement(row.birth, sex) });
        const o = oracle(row.birth, sex);
        expect([months(row.age), row.pensionStart]).toEqual([o.ageMonths, o.pensionStart]);
        if (i > 0) expect(row.birth.year * 12 + row.birth.month - (table[i - 1].birth.year * 12 + table[i - 1].birth.month)).toBe(1);
      });
    }
    // Each step of the schedule covers 9 months of births (men) or 8 (women): 12 months less the step.
    const bands = (table: typeof men) => [...table.reduce((m, r) => m.set(months(r.age), (m.get(months(r.age)) ?? 0) + 1), new Map<number, number>()).values()];
    expect(bands(men)).toEqual([9, 9, 9, 9, 9, 9, 9, 1]);
    expect(bands(women)).toEqual([8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 1]);
  });
});
