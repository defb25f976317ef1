import fc from 'fast-check';
import {
  allowance,
  benefitWindow,
  earlyRetirementBand,
  earlyRetirementMonths,
  insuranceAllowanceMonths,
  monthsEarly,
  monthsOfPay,
  personBenefits,
  resignationMonths,
  roundDong,
  roundedYears,
  severanceMonths,
  type LeaverInput,
  type PersonBenefits,
} from '../src/domain/benefits';
import { addDays, addMonths } from '../src/domain/calendar';
import type { Category } from '../src/domain/vocabulary';

/**
 * The allowances of people leaving in a restructuring (docs/domain.md, "Allowances (NĐ 178/2024,
 * NĐ 67/2025)"): the worked examples of the guidance, each edge of the bands, windows, rounding and
 * insurance rules, resignation by category, the error cases, and properties of the money.
 */

/** A man born 05/1967 reaches 62 in 05/2029: his statutory pension starts on 01/06/2029 (NĐ 135, Phụ lục I). */
const BORN_1967_05 = { birth: { year: 1967, month: 5 }, sex: 'male' as const };
const STATUTORY = '2029-06-01';

function ok(input: LeaverInput): PersonBenefits {
  const outcome = personBenefits(input);
  const errors = outcome.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || outcome.benefits === undefined) throw new Error(`unexpected problems: ${JSON.stringify(outcome.problems)}`);
  return outcome.benefits;
}

/** Early retirement `months` before 01/06/2029, with the decision taking effect the same day (first 12 months) unless given. */
function retiring(months: number, extra: Partial<LeaverInput> = {}): LeaverInput {
  const leftDate = addMonths(STATUTORY, -months);
  return { form: 'earlyRetirement', category: 'congChuc', ...BORN_1967_05, monthlySalary: 10_000_000, insuredMonths: 30 * 12, leftDate, decisionDate: leftDate, ...extra };
}

describe('the worked examples', () => {
  test('TT 19/2025/TT-BQP example 02: 30.000.000 đ, 48 months early, 35 years 4 months insured, pension from 01/06/2025', () => {
    const b = ok({ form: 'earlyRetirement', ...BORN_1967_05, monthlySalary: 30_000_000, insuredMonths: 35 * 12 + 4, leftDate: '2025-06-01', decisionDate: '2025-03-01' });
    expect(b.statutoryPensionStart).toBe('2029-06-01');
    expect(b.monthsEarly).toBe(48);
    expect(b.yearsEarly).toBe(4);
    expect(b.insuredYears).toBe(35.5);
    expect(b.band).toBe('2-5');
    expect(b.window).toBe('first12');
    expect(b.insuranceRule).toBe('twentyYears');
    expect(b.pensionAllowance).toBe(1_440_000_000); // 30.000.000 × 48 × 1,0
    expect(b.earlyYearsAllowance).toBe(600_000_000); // 30.000.000 × 5 × 4
    expect(b.insuranceAllowance).toBe(382_500_000); // 30.000.000 × (5 + 0,5 × 15,5)
    expect(b.total).toBe(2_422_500_000);
  });

  test('Bộ Nội vụ, Công văn 1814/BNV (2025), Mr C: born 15/01/1966, 22 insured years, 15.356.250 đ, pension from 01/05/2025', () => {
    const b = ok({ form: 'earlyRetirement', category: 'congChuc', birth: { year: 1966, month: 1 }, sex: 'male', monthlySalary: 15_356_250, insuredMonths: 22 * 12, leftDate: '2025-05-01', decisionDate: '2025-03-01' });
    expect(b.statutoryPensionStart).toBe('2027-11-01');
    expect(b.monthsEarly).toBe(30);
    expect(b.yearsEarly).toBe(2.5);
    expect(b.pensionAllowance).toBe(460_687_500);
    expect(b.earlyYearsAllowance).toBe(191_953_125);
    expect(b.insuranceAllowance).toBe(92_137_500); // 5 + 0,5 × 2 months
    // The letter's total as reported (744.788.125) is 10.000 đ above the sum of its own three amounts.
    expect(b.total).toBe(460_687_500 + 191_953_125 + 92_137_500);
    expect(b.total).toBe(744_778_125);
  });
});

describe('months early and rounded years', () => {
  test('months early count calendar months from the leaving month to the statutory pension month', () => {
    expect(monthsEarly('2025-06-01', '2029-06-01')).toBe(48);
    expect(monthsEarly('2025-05-01', '2027-11-01')).toBe(30);
    expect(monthsEarly('2029-05-01', '2029-06-01')).toBe(1);
    expect(monthsEarly('2029-06-01', '2029-06-01')).toBe(0);
    expect(monthsEarly('2029-07-01', '2029-06-01')).toBe(-1);
  });

  test.each([
    [0, 0], [1, 0.5], [6, 0.5], [7, 1], [11, 1], [12, 1], [13, 1.5],
    [24, 2], [25, 2.5], [30, 2.5], [31, 3], [60, 5], [61, 5.5], [66, 5.5], [67, 6],
    [35 * 12 + 4, 35.5], [35 * 12 + 6, 35.5], [35 * 12 + 7, 36], [35 * 12 + 11, 36],
  ])('%i months count %d years', (months, years) => {
    expect(roundedYears(months)).toBe(years);
  });

  test('a count that is not whole months is refused', () => {
    expect(() => roundedYears(1.5)).toThrow(RangeError);
    expect(() => roundedYears(-1)).toThrow(RangeError);
  });

  test('24 and 60 months early give exactly 2 and 5 years for (b)', () => {
    expect(ok(retiring(24)).earlyYearsAllowance).toBe(10_000_000 * 5 * 2);
    expect(ok(retiring(60)).earlyYearsAllowance).toBe(10_000_000 * 5 * 5);
  });

  test('6 spare months early count half a year, 7 a whole one', () => {
    expect(ok(retiring(30)).earlyYearsAllowance).toBe(10_000_000 * 5 * 2.5);
    expect(ok(retiring(31)).earlyYearsAllowance).toBe(10_000_000 * 5 * 3);
    expect(ok(retiring(66)).earlyYearsAllowance).toBe(10_000_000 * 4 * 5.5);
    expect(ok(retiring(67)).earlyYearsAllowance).toBe(10_000_000 * 4 * 6);
  });

  test('6 spare insured months count half a year, 7 a whole one', () => {
    expect(ok(retiring(48, { insuredMonths: 30 * 12 + 6 })).insuranceAllowance).toBe(10_000_000 * (5 + 0.5 * 10.5));
    expect(ok(retiring(48, { insuredMonths: 30 * 12 + 7 })).insuranceAllowance).toBe(10_000_000 * (5 + 0.5 * 11));
  });
});

describe('the bands of early retirement', () => {
  test.each([
    [23, '<2'], [24, '2-5'], [60, '2-5'], [61, '5-10'], [120, '5-10'], [121, undefined],
  ])('%i months early: band %s', (months, band) => {
    expect(earlyRetirementBand(months)).toBe(band);
  });

  test('23 months: (a) only; 24 months: (a), (b) and (c)', () => {
    const b23 = ok(retiring(23));
    expect([b23.band, b23.pensionAllowance, b23.earlyYearsAllowance, b23.insuranceAllowance, b23.total]).toEqual(['<2', 230_000_000, 0, 0, 230_000_000]);
    expect(b23.insuranceRule).toBeUndefined();
    const b24 = ok(retiring(24));
    expect([b24.band, b24.pensionAllowance, b24.earlyYearsAllowance, b24.insuranceAllowance]).toEqual(['2-5', 240_000_000, 100_000_000, 115_000_000]);
    expect(b24.insuranceRule).toBe('fifteenYears'); // pension from 01/06/2027: 4 + 0,5 × 15
    expect(b24.total).toBe(455_000_000);
  });

  test('60 months: (a) 60 × 1,0 and 5 months a year; 61 months: (a) 60 × 0,9 and 4 months a year', () => {
    const b60 = ok(retiring(60));
    expect([b60.band, b60.pensionAllowance, b60.earlyYearsAllowance]).toEqual(['2-5', 600_000_000, 250_000_000]);
    const b61 = ok(retiring(61));
    expect([b61.band, b61.pensionAllowance, b61.earlyYearsAllowance, b61.insuranceAllowance]).toEqual(['5-10', 540_000_000, 220_000_000, 100_000_000]);
  });

  test('120 months is the last month of the article; 121 is an error, not thrown', () => {
    const b120 = ok(retiring(120));
    expect([b120.band, b120.pensionAllowance, b120.earlyYearsAllowance]).toEqual(['5-10', 540_000_000, 400_000_000]);
    const out = personBenefits(retiring(121));
    expect(out.benefits).toBeUndefined();
    expect(out.problems.map((p) => [p.code, p.severity, p.field])).toEqual([['benefits.tooEarly', 'error', 'leftDate']]);
    expect(out.problems[0].message).toContain('121 tháng');
    expect(earlyRetirementMonths(121, 'first12', '2019-05-01', 30)).toBeUndefined();
  });
});

describe('the window of 12 months from the decision', () => {
  test('the last day of the 12th month is within, the first of the 13th is not', () => {
    expect(benefitWindow('2026-02-28', '2025-03-01')).toBe('first12');
    expect(benefitWindow('2026-03-01', '2025-03-01')).toBe('after12');
    expect(benefitWindow('2025-03-01', '2025-03-01')).toBe('first12');
    expect(benefitWindow('2025-02-01', '2025-03-01')).toBe('first12');
  });

  test('month 12 vs month 13 in the 2–5 band: (a) at 1,0 then 0,5', () => {
    const left = addMonths(STATUTORY, -48);
    const month12 = ok(retiring(48, { decisionDate: addDays(addMonths(left, -12), 1) }));
    const month13 = ok(retiring(48, { decisionDate: addMonths(left, -12) }));
    expect([month12.window, month12.pensionAllowance]).toEqual(['first12', 480_000_000]);
    expect([month13.window, month13.pensionAllowance]).toEqual(['after12', 240_000_000]);
    expect(month13.earlyYearsAllowance).toBe(month12.earlyYearsAllowance);
    expect(month13.insuranceAllowance).toBe(month12.insuranceAllowance);
  });

  test('month 12 vs month 13 in the 5–10 band: 60 × 0,9 then 60 × 0,45', () => {
    const left = addMonths(STATUTORY, -90);
    expect(ok(retiring(90, { decisionDate: addDays(addMonths(left, -12), 1) })).pensionAllowance).toBe(540_000_000);
    expect(ok(retiring(90, { decisionDate: addMonths(left, -12) })).pensionAllowance).toBe(270_000_000);
  });

  test('month 12 vs month 13 under 2 years: 1,0 then 0,5', () => {
    const left = addMonths(STATUTORY, -10);
    expect(ok(retiring(10, { decisionDate: addDays(addMonths(left, -12), 1) })).pensionAllowance).toBe(100_000_000);
    expect(ok(retiring(10, { decisionDate: addMonths(left, -12) })).pensionAllowance).toBe(50_000_000);
  });
});

describe('the insurance allowance (c): 20-year and 15-year rules', () => {
  test('a pension from 30/06/2025 takes the 20-year rule, from 01/07/2025 the 15-year rule', () => {
    const before = insuranceAllowanceMonths('2025-06-30', 35.5);
    const from = insuranceAllowanceMonths('2025-07-01', 35.5);
    expect(before.rule).toBe('twentyYears');
    expect(from.rule).toBe('fifteenYears');
    expect(allowance(30_000_000, before.months)).toBe(30_000_000 * (5 + 0.5 * 15.5));
    expect(allowance(30_000_000, from.months)).toBe(30_000_000 * (4 + 0.5 * 20.5));
  });

  test('through the person: leaving on 01/06/2025 vs 01/07/2025, the rule is shown', () => {
    const june = ok({ form: 'earlyRetirement', ...BORN_1967_05, monthlySalary: 30_000_000, insuredMonths: 35 * 12 + 4, leftDate: '2025-06-01', decisionDate: '2025-03-01' });
    const july = ok({ form: 'earlyRetirement', ...BORN_1967_05, monthlySalary: 30_000_000, insuredMonths: 35 * 12 + 4, leftDate: '2025-07-01', decisionDate: '2025-03-01' });
    expect([june.insuranceRule, june.insuranceAllowance]).toEqual(['twentyYears', 382_500_000]);
    expect([july.insuranceRule, july.insuranceAllowance]).toEqual(['fifteenYears', 427_500_000]);
  });

  test('exactly 20 and 15 years give the base months only', () => {
    expect(allowance(1_000_000, insuranceAllowanceMonths('2025-06-01', 20).months)).toBe(5_000_000);
    expect(allowance(1_000_000, insuranceAllowanceMonths('2025-07-01', 15).months)).toBe(4_000_000);
    expect(allowance(1_000_000, insuranceAllowanceMonths('2025-07-01', 15.5).months)).toBe(4_250_000);
  });

  test('under 15 insured years the 15-year rule does not apply, even after 01/07/2025, and a warning is given', () => {
    expect(insuranceAllowanceMonths('2025-07-01', 14.5).rule).toBe('twentyYears');
    const out = personBenefits(retiring(48, { insuredMonths: 14 * 12 + 6, leftDate: '2025-07-01', decisionDate: '2025-07-01' }));
    expect(out.benefits?.insuranceRule).toBe('twentyYears');
    expect(out.problems.map((p) => [p.code, p.severity])).toEqual([['benefits.fewInsuredYears', 'warning']]);
    expect(out.problems[0].message).toContain('14,5 năm');
  });

  test('fewer than 20 insured years before 01/07/2025 warns; 20 does not', () => {
    expect(personBenefits(retiring(48, { insuredMonths: 19 * 12 + 11 })).problems.map((p) => p.code)).toEqual(['benefits.fewInsuredYears']);
    expect(personBenefits(retiring(48, { insuredMonths: 20 * 12 })).problems).toEqual([]);
  });
});

describe('resignation', () => {
  function resigning(category: Category, extra: Partial<LeaverInput> = {}): LeaverInput {
    return { form: 'resignation', category, ...BORN_1967_05, monthlySalary: 10_000_000, insuredMonths: 20 * 12 + 4, leftDate: '2025-06-01', decisionDate: '2025-03-01', ...extra };
  }

  test('a civil servant: 0,8 × 48 months + 1,5 × 20,5 years + 3 months to find work', () => {
    const b = ok(resigning('congChuc'));
    expect([b.band, b.window, b.monthsEarly, b.severanceMonths, b.insuredYears]).toEqual(['resignation', 'first12', 48, 48, 20.5]);
    expect(b.severanceAllowance).toBe(384_000_000);
    expect(b.insuranceYearsAllowance).toBe(307_500_000);
    expect(b.jobSearchAllowance).toBe(30_000_000);
    expect([b.pensionAllowance, b.earlyYearsAllowance, b.insuranceAllowance]).toEqual([0, 0, 0]);
    expect(b.total).toBe(721_500_000);
  });

  test('a public employee: the same without the 3 months to find work', () => {
    const b = ok(resigning('vienChuc'));
    expect(b.jobSearchAllowance).toBe(0);
    expect(b.total).toBe(691_500_000);
    expect(ok(resigning('nguoiLaoDong')).jobSearchAllowance).toBe(0);
  });

  test('cadres and commune cadres and civil servants get the 3 months too', () => {
    expect(ok(resigning('canBo')).jobSearchAllowance).toBe(30_000_000);
    expect(ok(resigning('capXa')).jobSearchAllowance).toBe(30_000_000);
  });

  test('from the 13th month the severance is 0,4 a month', () => {
    expect(ok(resigning('congChuc', { decisionDate: '2024-06-01' })).severanceAllowance).toBe(192_000_000);
    expect(ok(resigning('congChuc', { decisionDate: '2024-06-02' })).severanceAllowance).toBe(384_000_000);
  });

  test('the months counted: at most 60, and at most the insured months', () => {
    expect(severanceMonths(48, 300)).toBe(48);
    expect(severanceMonths(100, 300)).toBe(60);
    expect(severanceMonths(100, 30)).toBe(30);
    expect(severanceMonths(20, 30)).toBe(20);
    const far = ok(resigning('congChuc', { leftDate: '2020-06-01', decisionDate: '2020-03-01' }));
    expect([far.monthsEarly, far.severanceMonths, far.severanceAllowance]).toEqual([108, 60, 480_000_000]);
    const short = ok(resigning('congChuc', { insuredMonths: 30 }));
    expect([short.severanceMonths, short.severanceAllowance, short.insuredYears]).toEqual([30, 240_000_000, 2.5]);
  });

  test('more than 120 months before the pension age is no error for resignation', () => {
    const b = ok(resigning('congChuc', { leftDate: '2015-06-01', decisionDate: '2015-03-01' }));
    expect([b.monthsEarly, b.severanceMonths]).toEqual([168, 60]);
  });

  test('resignation after training is paid as resignation', () => {
    expect(ok(resigning('congChuc', { form: 'resignationAfterTraining' })).total).toBe(721_500_000);
  });
});

describe('the error cases are returned, not thrown', () => {
  const codes = (input: LeaverInput) => personBenefits(input).problems.map((p) => p.code);

  test('no salary', () => {
    expect(codes(retiring(48, { monthlySalary: undefined }))).toEqual(['benefits.noSalary']);
    expect(codes(retiring(48, { monthlySalary: 0 }))).toEqual(['benefits.noSalary']);
    expect(codes(retiring(48, { monthlySalary: Number.NaN }))).toEqual(['benefits.noSalary']);
  });

  test('no insured time', () => {
    expect(codes(retiring(48, { insuredMonths: undefined }))).toEqual(['benefits.noInsuredTime']);
    expect(codes(retiring(48, { insuredMonths: 0 }))).toEqual(['benefits.noInsuredTime']);
  });

  test('no decision date, no day of leaving, no birth', () => {
    expect(codes(retiring(48, { decisionDate: undefined }))).toEqual(['benefits.noDecisionDate']);
    expect(codes(retiring(48, { leftDate: undefined }))).toEqual(['benefits.noLeftDate']);
    expect(codes(retiring(48, { birth: undefined }))).toEqual(['benefits.noBirth']);
    expect(codes(retiring(48, { sex: undefined }))).toEqual(['benefits.noBirth']);
  });

  test('every missing input is reported at once', () => {
    expect(codes({ form: 'earlyRetirement' })).toEqual(['benefits.noSalary', 'benefits.noInsuredTime', 'benefits.noBirth', 'benefits.noLeftDate', 'benefits.noDecisionDate']);
  });

  test('leaving on or after the statutory pension start', () => {
    expect(codes(retiring(0))).toEqual(['benefits.notEarly']);
    expect(codes(retiring(-3))).toEqual(['benefits.notEarly']);
    expect(codes(retiring(0, { form: 'resignation' }))).toEqual(['benefits.notEarly']);
    expect(codes(retiring(0, { leftDate: '2029-06-15' }))).toEqual(['benefits.notEarly']);
    expect(personBenefits(retiring(0)).problems[0].message).toContain('01/06/2029');
    expect(codes(retiring(1))).toEqual([]);
  });

  test('messages are Vietnamese', () => {
    for (const p of personBenefits({ form: 'earlyRetirement' }).problems) expect(p.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
  });
});

describe('rounding to the đồng', () => {
  test('half a đồng goes up', () => {
    expect(roundDong(0.5)).toBe(1);
    expect(roundDong(1.4999)).toBe(1);
    expect(roundDong(2.5)).toBe(3);
    expect(allowance(1, monthsOfPay(50, 2))).toBe(1); // 1 × 0,5
    expect(allowance(3, monthsOfPay(50, 2))).toBe(2); // 1,5
    expect(allowance(10_000_001, monthsOfPay(40, 14))).toBe(28_000_003); // × 0,4 × 7 = 28.000.002,8
    expect(allowance(10_000_001, monthsOfPay(45, 120))).toBe(270_000_027); // × 0,45 × 60
  });

  test('the salary is rounded first, each allowance from it, and the total is their sum', () => {
    const b = ok(retiring(31, { monthlySalary: 12_345_678.5, insuredMonths: 25 * 12 + 1 }));
    expect(b.monthlySalary).toBe(12_345_679);
    expect(b.pensionAllowance).toBe(12_345_679 * 31);
    expect(b.earlyYearsAllowance).toBe(12_345_679 * 15);
    // Pension from 01/11/2026: the 15-year rule, 4 + 0,5 × 10,5 = 9,25 months = 114.197.530,75 đ.
    expect(b.insuranceRule).toBe('fifteenYears');
    expect(b.insuranceAllowance).toBe(114_197_531);
    expect(b.total).toBe(b.pensionAllowance + b.earlyYearsAllowance + b.insuranceAllowance);
  });
});

describe('properties', () => {
  const salary = fc.integer({ min: 1, max: 200_000_000 });
  const window = fc.constantFrom('first12' as const, 'after12' as const);
  const insuredYears = fc.integer({ min: 1, max: 90 }).map((h) => h / 2);
  const pensionStart = fc.constantFrom('2025-01-01', '2025-06-01', '2025-07-01', '2026-03-01');

  function earlyTotal(s: number, months: number, w: 'first12' | 'after12', start: string, years: number): number {
    const m = earlyRetirementMonths(months, w, start, years);
    if (m === undefined) throw new Error('outside the article');
    return allowance(s, m.pension) + allowance(s, m.earlyYears) + allowance(s, m.insurance);
  }

  test.each([
    ['<2', 1, 23],
    ['2-5', 24, 60],
    ['5-10', 61, 120],
  ])('within the band %s, more months early never give fewer đồng', (_band, lo, hi) => {
    fc.assert(
      fc.property(salary, fc.integer({ min: lo, max: hi }), fc.integer({ min: lo, max: hi }), window, pensionStart, insuredYears, (s, a, b, w, start, years) => {
        const [few, many] = a <= b ? [a, b] : [b, a];
        return earlyTotal(s, few, w, start, years) <= earlyTotal(s, many, w, start, years);
      }),
    );
  });

  test('more months counted never give a smaller severance', () => {
    fc.assert(
      fc.property(salary, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), window, (s, a, b, w) => {
        const [few, many] = a <= b ? [a, b] : [b, a];
        return allowance(s, resignationMonths(few, 10, w, 'vienChuc').severance) <= allowance(s, resignationMonths(many, 10, w, 'vienChuc').severance);
      }),
    );
  });

  test('the total equals the sum of the rounded allowances, each within 0,5 đồng of the exact amount', () => {
    const seen: Record<string, number> = {};
    fc.assert(
      fc.property(
        salary,
        fc.integer({ min: 1, max: 130 }),
        fc.integer({ min: 1, max: 45 * 12 }),
        fc.constantFrom('earlyRetirement' as const, 'resignation' as const),
        fc.constantFrom<Category>('canBo', 'congChuc', 'vienChuc', 'nguoiLaoDong', 'capXa'),
        fc.boolean(),
        (s, months, insured, form, category, late) => {
          const leftDate = addMonths(STATUTORY, -months);
          const out = personBenefits({ form, category, ...BORN_1967_05, monthlySalary: s, insuredMonths: insured, leftDate, decisionDate: late ? addMonths(leftDate, -13) : leftDate });
          if (out.benefits === undefined) return form === 'earlyRetirement' && months > 120;
          const b = out.benefits;
          const parts = [b.pensionAllowance, b.earlyYearsAllowance, b.insuranceAllowance, b.severanceAllowance, b.insuranceYearsAllowance, b.jobSearchAllowance];
          // The exact amounts, from the rules written out again with fractions of a month.
          const years = (m: number) => Math.floor(m / 12) + (m % 12 === 0 ? 0 : m % 12 <= 6 ? 0.5 : 1);
          const iy = years(insured);
          const first = !late;
          let exact: number[];
          if (form === 'earlyRetirement') {
            const c = leftDate >= '2025-07-01' && iy >= 15 ? 4 + 0.5 * (iy - 15) : 5 + 0.5 * Math.max(0, iy - 20);
            exact = months < 24 ? [s * months * (first ? 1 : 0.5), 0, 0]
              : months <= 60 ? [s * months * (first ? 1 : 0.5), s * 5 * years(months), s * c]
              : [s * 60 * (first ? 0.9 : 0.45), s * 4 * years(months), s * c];
            exact.push(0, 0, 0);
          } else {
            const counted = Math.min(months, 60, insured);
            exact = [0, 0, 0, s * counted * (first ? 0.8 : 0.4), s * 1.5 * iy, ['canBo', 'congChuc', 'capXa'].includes(category) ? 3 * s : 0];
          }
          seen[form] = (seen[form] ?? 0) + 1;
          return b.total === parts.reduce((x, y) => x + y, 0) && parts.every((p, i) => Number.isInteger(p) && Math.abs(p - exact[i]) <= 0.5 + 1e-6);
        },
      ),
      { numRuns: 500 },
    );
    expect(seen.earlyRetirement).toBeGreaterThan(0);
    expect(seen.resignation).toBeGreaterThan(0);
  });

  test('an allowance never loses more than 0,5 đồng', () => {
    fc.assert(
      fc.property(salary, fc.constantFrom(100, 50, 90, 45, 80, 40, 500, 400, 150, 300), fc.integer({ min: 0, max: 240 }), (s, coefficient, halves) => {
        const a = allowance(s, monthsOfPay(coefficient, halves));
        const twiceHundredTimesExact = s * coefficient * halves; // 200 × the exact amount
        return Number.isInteger(a) && Math.abs(200 * a - twiceHundredTimesExact) <= 100 && 200 * a - twiceHundredTimesExact !== -100;
      }),
    );
  });
});
