import fc from 'fast-check';
import {
  BASE_SALARY_TABLE,
  baseSalaryInForce,
  baseSalaryOn,
  monthlySalary,
  parseAmount,
  parseCoefficient,
  parseInsuredTime,
  parsePercent,
  type Reading,
  type SalaryParts,
} from '../src/domain/monthlySalary';

/**
 * The monthly salary of a person leaving (docs/domain.md, "Monthly salary (TT 01/2025)"): worked
 * examples computed by hand, every form officers type, the dated base-salary table, and properties.
 */

function value<T>(r: Reading<T>): T {
  if ('problem' in r) throw new Error(`expected a value, got the problem: ${r.problem}`);
  return r.value;
}
function problem<T>(r: Reading<T>): string {
  if (!('problem' in r)) throw new Error(`expected a problem, got ${JSON.stringify(r.value)}`);
  return r.problem;
}
const amountOf = (parts: SalaryParts, base = 2_340_000) => value(monthlySalary(parts, base)).amount;

describe('monthlySalary: worked examples by hand', () => {
  it('4,98 + leadership 0,5, over-grade 5 %, public service 25 % at 2.340.000 = 16.757.325 đ', () => {
    // (4,98 + 0,5) × 2.340.000 = 12.823.200; 5 % × 4,98 × 2.340.000 = 582.660;
    // 25 % × (4,98 + 0,5 + 0,249) × 2.340.000 = 25 % × 5,729 × 2.340.000 = 3.351.465.
    const r = value(monthlySalary({ salaryCoefficient: 4.98, leadershipCoefficient: 0.5, overGradePercent: 5, publicServicePercent: 25 }, 2_340_000));
    expect(r.amount).toBe(16_757_325);
    expect(r.basis).toBe('coefficients');
    expect(r.lines.map((l) => [l.key, l.amount])).toEqual([['salary', 12_823_200], ['overGrade', 582_660], ['publicService', 3_351_465]]);
    expect(r.lines[0].formula).toBe('(4,98 + 0,5) × 2.340.000');
    expect(r.lines[2].formula).toBe('25% × (4,98 + 0,5 + 5% × 4,98) × 2.340.000');
  });

  it('the inputs of Công văn 1814/BNV-TCBC: 5,42 + leadership 0,4 and public service 25 % = 17.023.500 đ', () => {
    // (5,42 + 0,4) × 2.340.000 = 13.618.800; 25 % of it = 3.404.700. The party-committee
    // responsibility (0,3) and regional (0,2) allowances are not part of the monthly salary.
    expect(amountOf({ salaryCoefficient: 5.42, leadershipCoefficient: 0.4, publicServicePercent: 25 })).toBe(17_023_500);
  });

  it('party work 30 %, professional seniority, preferential and responsibility all take (salary + leadership + over-grade)', () => {
    // basis 3,33 + 0,3 + 10 % × 3,33 = 3,963; × 2.340.000 = 9.273.420.
    // salary (3,33 + 0,3) × 2.340.000 = 8.494.200; over-grade 10 % × 3,33 × 2.340.000 = 779.220;
    // seniority 12 % = 1.112.810,4; preferential 30 % = 2.782.026; responsibility 10 % = 927.342;
    // public service 25 % = 2.318.355; party work 30 % = 2.782.026.
    const r = value(monthlySalary({ salaryCoefficient: 3.33, leadershipCoefficient: 0.3, overGradePercent: 10, seniorityPercent: 12, preferentialPercent: 30, responsibilityPercent: 10, publicServicePercent: 25, partyWorkPercent: 30 }, 2_340_000));
    expect(r.lines.map((l) => l.key)).toEqual(['salary', 'overGrade', 'seniority', 'preferential', 'responsibility', 'publicService', 'partyWork']);
    expect(r.lines[2].amount).toBeCloseTo(1_112_810.4, 6);
    // 8.494.200 + 779.220 + 1.112.810,4 + 2.782.026 + 927.342 + 2.318.355 + 2.782.026 = 19.195.979,4 → 19.195.979.
    expect(r.amount).toBe(19_195_979);
  });

  it('the salary-reservation difference coefficient is added × base, outside the basis of the percentages', () => {
    // 2,34 × 2.340.000 = 5.475.600; 0,12 × 2.340.000 = 280.800; 25 % × 2,34 × 2.340.000 = 1.368.900.
    expect(amountOf({ salaryCoefficient: 2.34, reserveCoefficient: 0.12, publicServicePercent: 25 })).toBe(7_125_300);
  });

  it('the coefficient alone, at each base of the table', () => {
    expect(amountOf({ salaryCoefficient: 2.34 }, 1_490_000)).toBe(3_486_600);
    expect(amountOf({ salaryCoefficient: 2.34 }, 1_800_000)).toBe(4_212_000);
    expect(amountOf({ salaryCoefficient: 2.34 }, 2_340_000)).toBe(5_475_600);
  });

  it('rounds half up to the đồng once, on the exact sum (2,01 × 1.000.050 = 2.010.100,5 → 2.010.101)', () => {
    // In floating point 2,01 × 1.000.050 is 2.010.100,4999…, which a plain Math.round would take down.
    expect(amountOf({ salaryCoefficient: 2.01 }, 1_000_050)).toBe(2_010_101);
    expect(amountOf({ salaryCoefficient: 0.5 }, 1_000_001)).toBe(500_001);
    // 1 × 1.000.001 + 0,5 % × 1.000.001 = 1.005.001,005 → 1.005.001.
    expect(amountOf({ salaryCoefficient: 1, publicServicePercent: 0.5 }, 1_000_001)).toBe(1_005_001);
  });

  it('an amount typed by the office is used as is (contract pay), whatever the coefficients', () => {
    const r = value(monthlySalary({ monthlyAmount: 9_500_000, salaryCoefficient: 4.98 }, 2_340_000));
    expect(r).toEqual({ amount: 9_500_000, basis: 'amount', lines: [{ key: 'amount', label: 'Tiền lương tháng hiện hưởng (đơn vị kê khai)', formula: '9.500.000', amount: 9_500_000 }] });
    expect(amountOf({ monthlyAmount: 9_500_000.5 })).toBe(9_500_001);
  });

  it('no salary coefficient and no amount, a negative part, a bad base: a problem in Vietnamese', () => {
    expect(problem(monthlySalary({ leadershipCoefficient: 0.5 }, 2_340_000))).toMatch(/Thiếu hệ số lương/);
    expect(problem(monthlySalary({}, 2_340_000))).toMatch(/Thiếu hệ số lương/);
    expect(problem(monthlySalary({ salaryCoefficient: 4.98, publicServicePercent: -25 }, 2_340_000))).toMatch(/không hợp lệ/);
    expect(problem(monthlySalary({ salaryCoefficient: 4.98 }, 0))).toMatch(/Mức lương cơ sở/);
    expect(problem(monthlySalary({ salaryCoefficient: 4.98 }, 2_340_000.5))).toMatch(/Mức lương cơ sở/);
  });
});

describe('parseCoefficient', () => {
  it.each([
    ['4,98', 4.98], ['4.98', 4.98], ['4.980', 4.98], ['4,980', 4.98], [' 4,98 ', 4.98], [4.98, 4.98], ['10', 10], ['1.234', 1.234], ['0,5', 0.5], [0, 0], ['13,00', 13],
  ])('%j → %d', (cell, expected) => {
    expect(value(parseCoefficient(cell))).toBe(expected);
  });

  it.each([[null], [undefined], [''], ['   ']])('%j is empty', (cell) => {
    expect(value(parseCoefficient(cell))).toBeNull();
  });

  it.each([
    ['-4,98', /âm/], [-1, /âm/], ['498', /quá lớn/], ['1.234,5', /quá lớn/], ['20,5', /quá lớn/], [20, /quá lớn/], ['4,98%', /phần trăm/], ['bốn', /không phải là số/], ['4,9,8', /không phải là số/], [true, /phải là một số/], [new Date(2024, 0, 1), /phải là một số/], [Number.NaN, /không đọc được/],
  ])('%j is a problem', (cell, message) => {
    expect(problem(parseCoefficient(cell))).toMatch(message);
  });
});

describe('parsePercent (in points: 25 = 25 %)', () => {
  it.each([
    ['25%', 25], ['25 %', 25], ['25', 25], ['0,25', 25], ['0.25', 25], [25, 25], [0.25, 25], ['5%', 5], ['0,05', 5], ['7%', 7], ['1', 1], ['12,5', 12.5], ['0,5%', 0.5], ['100%', 100], [0, 0], ['0', 0],
  ])('%j → %d', (cell, expected) => {
    expect(value(parsePercent(cell))).toBe(expected);
  });

  it('a % cell holds the share: 0,25 and 1 under "0%" are 25 % and 100 %', () => {
    expect(value(parsePercent(0.25, '0%'))).toBe(25);
    expect(value(parsePercent(1, '0%'))).toBe(100);
    expect(value(parsePercent(0.07, '0.00%'))).toBe(7);
    expect(value(parsePercent(1, 'General'))).toBe(1);
    expect(value(parsePercent(1, '"%"0'))).toBe(1);
  });

  it.each([['-5%', /âm/], [-25, /âm/], ['150', /vượt quá 100%/], ['250%', /vượt quá 100%/], ['hai lăm', /không phải là số/], [false, /phải là một số/]])('%j is a problem', (cell, message) => {
    expect(problem(parsePercent(cell))).toMatch(message);
  });

  it('empty is null', () => {
    expect(value(parsePercent(''))).toBeNull();
    expect(value(parsePercent(null))).toBeNull();
  });
});

describe('parseAmount', () => {
  it('reads Vietnamese amounts and refuses what is no amount', () => {
    expect(value(parseAmount('12.345.000'))).toBe(12_345_000);
    expect(value(parseAmount('12 345 000'))).toBe(12_345_000);
    expect(value(parseAmount(12_345_000))).toBe(12_345_000);
    expect(value(parseAmount(''))).toBeNull();
    expect(problem(parseAmount('-5.000.000'))).toMatch(/lớn hơn 0/);
    expect(problem(parseAmount('0'))).toMatch(/lớn hơn 0/);
    expect(problem(parseAmount('mười triệu'))).toMatch(/không phải là số đồng/);
    expect(problem(parseAmount('25%'))).toMatch(/không phải là số đồng/);
  });
});

describe('parseInsuredTime', () => {
  it.each([
    ['33 năm 07 tháng', 403], ['33 năm 7 tháng', 403], ['33 Năm 07 Tháng', 403], ['33năm7tháng', 403], ['33 năm, 7 tháng', 403], ['33 năm và 7 tháng', 403], ['33 nam 7 thang', 403],
    ['33 năm', 396], ['7 tháng', 7], ['18 tháng', 18], ['0 năm 0 tháng', 0],
    ['33,5', 402], ['33.5', 402], [33.5, 402], ['33', 396], [33, 396], ['33,25', 399], [20, 240], [60, 720],
  ])('%j → %d months', (cell, months) => {
    expect(value(parseInsuredTime(cell))).toEqual({ months });
  });

  it('a whole number above 60 cannot be years: months, with a note', () => {
    const r = value(parseInsuredTime('402'));
    expect(r?.months).toBe(402);
    expect(r?.assumed).toMatch(/402 tháng \(33 năm 6 tháng\)/);
    expect(value(parseInsuredTime(61))?.months).toBe(61);
  });

  it('a "(tháng)" column reads numbers as months, and still reads words', () => {
    expect(value(parseInsuredTime('402', 'months'))).toEqual({ months: 402 });
    expect(value(parseInsuredTime(36, 'months'))).toEqual({ months: 36 });
    expect(value(parseInsuredTime('33 năm 07 tháng', 'months'))).toEqual({ months: 403 });
    expect(problem(parseInsuredTime('33,5', 'months'))).toMatch(/tháng tròn/);
  });

  it.each([
    ['33 năm 14 tháng', /dưới 12/], ['33,3', /tháng tròn/], ['-5', /âm/], [-1, /âm/], ['61 năm', /quá 60 năm/], ['900', /quá 60 năm/], ['ba mươi năm', /không đọc được/],
    ['33 tuổi', /không đọc được/], ['25%', /không đọc được/], [new Date(2024, 0, 1), /phải ghi dạng/], [true, /phải ghi dạng/], ['năm tháng', /không đọc được/],
  ])('%j is a problem', (cell, message) => {
    expect(problem(parseInsuredTime(cell))).toMatch(message);
  });

  it('empty is null', () => {
    expect(value(parseInsuredTime(''))).toBeNull();
    expect(value(parseInsuredTime(undefined))).toBeNull();
  });
});

describe('the base salary (mức lương cơ sở)', () => {
  it('the table in force by day: its boundaries', () => {
    expect(value(baseSalaryInForce('2024-06-30')).amount).toBe(1_800_000);
    expect(value(baseSalaryInForce('2024-07-01')).amount).toBe(2_340_000);
    expect(value(baseSalaryInForce('2024-07-01')).source).toMatch(/73\/2024/);
    expect(value(baseSalaryInForce('2023-06-30')).amount).toBe(1_490_000);
    expect(value(baseSalaryInForce('2023-07-01')).amount).toBe(1_800_000);
    expect(value(baseSalaryInForce('2019-07-01')).amount).toBe(1_490_000);
    expect(problem(baseSalaryInForce('2019-06-30'))).toMatch(/01\/07\/2019/);
    expect(problem(baseSalaryInForce('30/06/2024'))).toMatch(/không phải là một ngày/);
  });

  it('a person leaving takes the base of the month before the month of leaving', () => {
    expect(value(baseSalaryOn('2024-06-30')).amount).toBe(1_800_000); // May 2024
    expect(value(baseSalaryOn('2024-07-01')).amount).toBe(1_800_000); // June 2024
    expect(value(baseSalaryOn('2024-07-31')).amount).toBe(1_800_000); // June 2024
    expect(value(baseSalaryOn('2024-08-01')).amount).toBe(2_340_000); // July 2024
    expect(value(baseSalaryOn('2025-03-01')).amount).toBe(2_340_000);
    expect(value(baseSalaryOn('2023-07-15')).amount).toBe(1_490_000);
    expect(value(baseSalaryOn('2023-08-01')).amount).toBe(1_800_000);
    expect(value(baseSalaryOn('2024-01-10')).amount).toBe(1_800_000); // December 2023
  });

  it('an override wins; a bad override or day is a problem', () => {
    expect(value(baseSalaryOn('2024-07-01', 2_340_000)).amount).toBe(2_340_000);
    expect(value(baseSalaryOn('2019-01-01', 1_390_000)).amount).toBe(1_390_000);
    expect(problem(baseSalaryOn('2024-07-01', 0))).toMatch(/nguyên dương/);
    expect(problem(baseSalaryOn('2024-07-01', 1_800_000.5))).toMatch(/nguyên dương/);
    expect(problem(baseSalaryOn('01/07/2024'))).toMatch(/không phải là một ngày/);
  });

  it('the table is newest first, each row with its source', () => {
    const days = BASE_SALARY_TABLE.map((r) => r.from);
    expect([...days].sort().reverse()).toEqual(days);
    for (const row of BASE_SALARY_TABLE) expect(row.source).toMatch(/Nghị định \d+\/\d{4}\/NĐ-CP/);
  });
});

describe('properties', () => {
  const coefficient = fc.integer({ min: 0, max: 1200 }).map((n) => n / 100);
  const percent = fc.integer({ min: 0, max: 100 });
  const parts = fc.record({
    salaryCoefficient: fc.integer({ min: 100, max: 1200 }).map((n) => n / 100),
    leadershipCoefficient: coefficient.map((n) => Math.min(n, 1.5)),
    reserveCoefficient: coefficient.map((n) => Math.min(n, 2)),
    overGradePercent: percent,
    seniorityPercent: percent,
    preferentialPercent: percent,
    responsibilityPercent: percent,
    publicServicePercent: percent,
    partyWorkPercent: percent,
  });
  const base = fc.integer({ min: 1_000_000, max: 5_000_000 });
  const keys = ['salaryCoefficient', 'leadershipCoefficient', 'reserveCoefficient', 'overGradePercent', 'seniorityPercent', 'preferentialPercent', 'responsibilityPercent', 'publicServicePercent', 'partyWorkPercent'] as const;

  it('the salary never decreases when any coefficient or percentage grows, nor when the base grows', () => {
    fc.assert(fc.property(parts, base, fc.constantFrom(...keys), fc.integer({ min: 1, max: 300 }), (p, b, key, step) => {
      const grown = { ...p, [key]: key.endsWith('Percent') ? Math.min(100, p[key] + step) : p[key] + step / 100 };
      expect(amountOf(grown, b)).toBeGreaterThanOrEqual(amountOf(p, b));
      expect(amountOf(p, b + step)).toBeGreaterThanOrEqual(amountOf(p, b));
    }));
  });

  it('the amount is the rounded sum of its lines, within half a đồng', () => {
    fc.assert(fc.property(parts, base, (p, b) => {
      const r = value(monthlySalary(p, b));
      const sum = r.lines.reduce((s, l) => s + l.amount, 0);
      expect(Number.isInteger(r.amount)).toBe(true);
      expect(Math.abs(r.amount - sum)).toBeLessThanOrEqual(0.5 + 1e-6);
    }));
  });

  const vi = (n: number, digits: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits }).format(n);

  it('parseCoefficient(format(x)) = x for Vietnamese-written coefficients', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1999 }), (n) => {
      const x = n / 100;
      expect(value(parseCoefficient(vi(x, 2)))).toBe(x);
      expect(value(parseCoefficient(x.toFixed(2)))).toBe(x); // "4.98", the dot typed for a comma
    }));
  });

  it('parsePercent(format(p)) = p, with or without the % sign', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1000 }), (n) => {
      const p = n / 10; // 0,1 % … 100 %
      expect(value(parsePercent(`${vi(p, 1)}%`))).toBe(p);
      if (p >= 1) expect(value(parsePercent(vi(p, 1)))).toBe(p);
      if (p < 100) expect(value(parsePercent(vi(p / 100, 3)))).toBe(p); // a share below 1
    }));
  });

  it('parseAmount(format(x)) = x for amounts written with thousands dots', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 999_999_999 }), (x) => {
      expect(value(parseAmount(vi(x, 0)))).toBe(x);
    }));
  });

  it('parseInsuredTime reads "Y năm MM tháng" and whole or half years back to their months', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 11 }), (y, m) => {
      fc.pre(y * 12 + m <= 720);
      expect(value(parseInsuredTime(`${y} năm ${String(m).padStart(2, '0')} tháng`))?.months).toBe(y * 12 + m);
      if (m % 6 === 0) expect(value(parseInsuredTime(vi(y + m / 12, 1)))?.months).toBe(y * 12 + m);
    }));
  });
});
