import { generate } from '../src/app/generate';
import { ingestWorkbook } from '../src/ingest/ingestWorkbook';
import type { BenefitPerson, BenefitsReport } from '../src/reports/benefits/figures';
import { readXlsx } from '../src/workbook/xlsx/readXlsx';
import { BENEFITS_DATE_FORMATS, BENEFITS_HEADER } from './helpers/benefitsSheet';
import { utcDate, writeFixture, type FixtureCell } from './helpers/xlsxFixture';

/**
 * The benefits report on a real staff list written to disk: each band, window, rounding edge and
 * insurance rule of NĐ 178/2024 (as amended by NĐ 67/2025) and TT 01/2025, with the amounts worked
 * out by hand in each case (docs/domain.md, "Allowances"), the errors at the person's cell, and the
 * audit of the unit's own figures.
 *
 * Statutory pension starts (NĐ 135/2020, Phụ lục I): a man born in 1967 or later retires at 62 and
 * his pension starts the month after; born 05/1967 → from 01/06/2029, 05/1968 → 01/06/2030, 05/1969 →
 * 01/06/2031, 05/1973 → 01/06/2035; born 05/1965, he reaches 61 years 6 months (the age of 2026) in
 * 11/2026 → from 01/12/2026. A woman born 10/1975 retires at 60 → from 01/11/2035; born 01/1968, at 56
 * years 4 months → from 01/06/2024 (an official row).
 */

const M = 1_000_000;
const S = 10 * M;
const DECISION = utcDate(2025, 3, 1);

type Row = { name: string; sex?: 'Nam' | 'Nữ'; birth?: Date; unit?: string; category?: string; left?: Date; form: 'Nghỉ hưu trước tuổi' | 'Thôi việc ngay';
  coefficient?: FixtureCell; leadership?: FixtureCell; publicService?: FixtureCell; salary?: FixtureCell; insured?: FixtureCell; decision?: Date | null; declared?: FixtureCell };

const ROWS: Row[] = [
  // TT 19/2025/TT-BQP, example 02.
  { name: 'Ví Dụ Hai', sex: 'Nam', birth: utcDate(1967, 5, 15), left: utcDate(2025, 6, 1), form: 'Nghỉ hưu trước tuổi', salary: 30 * M, insured: '35 năm 04 tháng', declared: '2.422.500.002' },
  { name: 'Dưới Hai Mươi Bốn', sex: 'Nam', birth: utcDate(1967, 5, 10), left: utcDate(2027, 7, 1), form: 'Nghỉ hưu trước tuổi', salary: S, insured: '20 năm' },
  { name: 'Đúng Hai Mươi Bốn', sex: 'Nam', birth: utcDate(1967, 5, 20), left: utcDate(2027, 6, 1), form: 'Nghỉ hưu trước tuổi', salary: S, insured: '20 năm' },
  { name: 'Đúng Sáu Mươi', sex: 'Nam', birth: utcDate(1968, 5, 2), left: utcDate(2025, 6, 1), form: 'Nghỉ hưu trước tuổi', salary: S, insured: '25 năm 06 tháng', declared: 927_500_001 },
  { name: 'Sáu Mươi Mốt', sex: 'Nam', birth: utcDate(1968, 5, 3), left: utcDate(2025, 5, 1), form: 'Nghỉ hưu trước tuổi', salary: S, insured: '30 năm 07 tháng' },
  { name: 'Đúng Một Trăm Hai Mươi', sex: 'Nam', birth: utcDate(1973, 5, 4), left: utcDate(2025, 6, 1), form: 'Nghỉ hưu trước tuổi', salary: S, insured: '20 năm 06 tháng' },
  { name: 'Quá Một Trăm Hai Mươi', sex: 'Nam', birth: utcDate(1973, 5, 5), left: utcDate(2025, 5, 1), form: 'Nghỉ hưu trước tuổi', salary: S, insured: '20 năm' },
  { name: 'Sau Mười Hai Tháng', sex: 'Nam', birth: utcDate(1969, 5, 6), left: utcDate(2026, 3, 1), form: 'Nghỉ hưu trước tuổi', salary: S, insured: 15 },
  { name: 'Công Chức Thôi Việc', sex: 'Nữ', birth: utcDate(1975, 10, 7), category: 'Công chức', left: utcDate(2025, 9, 15), form: 'Thôi việc ngay', salary: S, insured: '8 năm' },
  { name: 'Viên Chức Trong Hạn', sex: 'Nữ', birth: utcDate(1975, 10, 8), category: 'Viên chức', left: utcDate(2026, 2, 28), form: 'Thôi việc ngay', salary: S, insured: '3 năm 02 tháng' },
  { name: 'Viên Chức Quá Hạn', sex: 'Nữ', birth: utcDate(1975, 10, 9), category: 'Viên chức', left: utcDate(2026, 3, 1), form: 'Thôi việc ngay', salary: S, insured: '3 năm 02 tháng' },
  { name: 'Làm Tròn Đồng', sex: 'Nam', birth: utcDate(1968, 5, 10), left: utcDate(2025, 6, 1), form: 'Nghỉ hưu trước tuổi', salary: '12.345.679', insured: '20 năm 06 tháng' },
  { name: 'Theo Hệ Số', sex: 'Nam', birth: utcDate(1968, 5, 11), category: 'Công chức', left: utcDate(2025, 8, 1), form: 'Thôi việc ngay', coefficient: '4,98', leadership: '0,5', publicService: '25%', insured: '33 năm 07 tháng' },
  { name: 'Không Có Lương', sex: 'Nam', birth: utcDate(1968, 5, 12), left: utcDate(2025, 6, 1), form: 'Nghỉ hưu trước tuổi', insured: '30 năm' },
  { name: 'Không Có Bảo Hiểm', sex: 'Nam', birth: utcDate(1968, 5, 13), left: utcDate(2025, 6, 1), form: 'Nghỉ hưu trước tuổi', salary: S },
  { name: 'Đã Đủ Tuổi', sex: 'Nam', birth: utcDate(1965, 5, 14), left: utcDate(2027, 6, 1), form: 'Nghỉ hưu trước tuổi', salary: S, insured: '30 năm' },
  { name: 'Không Có Quyết Định', sex: 'Nam', birth: utcDate(1968, 5, 15), left: utcDate(2025, 6, 1), form: 'Nghỉ hưu trước tuổi', salary: S, insured: '30 năm', decision: null },
  { name: 'Sắp Đến Tuổi', sex: 'Nữ', birth: utcDate(1968, 1, 16), form: 'Nghỉ hưu trước tuổi' },
];
const FIRST_DATA_ROW = 4;

function fixtureRows(rows: readonly Row[]): FixtureCell[][] {
  return rows.map((r, i) => [
    i + 1, r.name, r.birth, r.sex, r.unit ?? 'Phòng Nội vụ', 'Chuyên viên', r.category ?? 'Công chức', r.left ? 'Tinh giản' : '', r.left, r.left ? r.form : '',
    r.coefficient, r.leadership, r.publicService, r.salary, r.insured, r.decision === null ? undefined : r.decision ?? DECISION, r.declared,
  ]);
}

async function reportOf(name: string, rows: readonly Row[], params: Record<string, unknown> = {}) {
  const file = await writeFixture(name, [{ name: 'DS nghỉ việc', rows: [['DANH SÁCH ĐỀ NGHỊ GIẢI QUYẾT CHẾ ĐỘ'], [], BENEFITS_HEADER, ...fixtureRows(rows)], formats: BENEFITS_DATE_FORMATS }]);
  const book = ingestWorkbook(await readXlsx(file));
  const { report, plan } = generate('benefits', [{ file: name, book }], { generatedAt: '2026-12-07T00:00:00Z', period: { from: '2024-01-01', to: '2027-12-31' }, ...params });
  return { report: report as BenefitsReport, plan, file };
}

const byName = (r: BenefitsReport, name: string): BenefitPerson => {
  const p = r.benefits.people.find((x) => x.fullName === name);
  if (!p) throw new Error(`${name} not computed: ${JSON.stringify(r.issues.filter((i) => i.message.startsWith(name)))}`);
  return p;
};
const rowOf = (name: string) => FIRST_DATA_ROW + ROWS.findIndex((r) => r.name === name);

describe('the benefits report on a staff list', () => {
  let report: BenefitsReport;
  beforeAll(async () => {
    ({ report } = await reportOf('benefits-cases.xlsx', ROWS));
  });

  it('reproduces TT 19/2025/TT-BQP example 02: 30.000.000 đ, 48 months early, 35 years 4 months insured', () => {
    const p = byName(report, 'Ví Dụ Hai');
    expect([p.monthsEarly, p.yearsEarly, p.insuredYears, p.window, p.band, p.insuranceRule]).toEqual([48, 4, 35.5, 'first12', '2-5', 'twentyYears']);
    expect([p.pensionAllowance, p.earlyYearsAllowance, p.insuranceAllowance]).toEqual([30 * M * 48, 30 * M * 5 * 4, 30 * M * (5 + 0.5 * 15.5)]);
    expect(p.total).toBe(2_422_500_000);
  });

  it('pays only (a) under 24 months early, and all three from 24 (at the month-13 rate after the first 12 months)', () => {
    const under = byName(report, 'Dưới Hai Mươi Bốn');
    expect([under.monthsEarly, under.band, under.window]).toEqual([23, '<2', 'after12']);
    expect([under.pensionAllowance, under.earlyYearsAllowance, under.insuranceAllowance]).toEqual([S * 23 * 0.5, 0, 0]);
    const at = byName(report, 'Đúng Hai Mươi Bốn');
    expect([at.monthsEarly, at.band]).toEqual([24, '2-5']);
    // Pension from 2027, 20 insured years: the 15-year rule, 4 + 0,5 × 5 months.
    expect([at.pensionAllowance, at.earlyYearsAllowance, at.insuranceAllowance, at.insuranceRule]).toEqual([S * 24 * 0.5, S * 5 * 2, S * 6.5, 'fifteenYears']);
  });

  it('switches band between 60 and 61 months early, and stops after 120', () => {
    const sixty = byName(report, 'Đúng Sáu Mươi');
    expect([sixty.monthsEarly, sixty.band, sixty.insuredYears]).toEqual([60, '2-5', 25.5]);
    expect([sixty.pensionAllowance, sixty.earlyYearsAllowance, sixty.insuranceAllowance]).toEqual([S * 60, S * 5 * 5, S * (5 + 0.5 * 5.5)]);
    const sixtyOne = byName(report, 'Sáu Mươi Mốt');
    // 61 months = 5 years 1 month → 5,5 years; insured 30 years 7 months → 31 years.
    expect([sixtyOne.monthsEarly, sixtyOne.band, sixtyOne.yearsEarly, sixtyOne.insuredYears]).toEqual([61, '5-10', 5.5, 31]);
    expect([sixtyOne.pensionAllowance, sixtyOne.earlyYearsAllowance, sixtyOne.insuranceAllowance]).toEqual([S * 60 * 0.9, S * 4 * 5.5, S * (5 + 0.5 * 11)]);
    const hundredTwenty = byName(report, 'Đúng Một Trăm Hai Mươi');
    // Insured 20 years 6 months → 20,5 (six spare months are half a year).
    expect([hundredTwenty.monthsEarly, hundredTwenty.band, hundredTwenty.insuredYears, hundredTwenty.total]).toEqual([120, '5-10', 20.5, S * 54 + S * 40 + S * 5.25]);
    expect(report.benefits.people.some((p) => p.fullName === 'Quá Một Trăm Hai Mươi')).toBe(false);
    expect(report.issues).toContainEqual(expect.objectContaining({ code: 'benefits.tooEarly', severity: 'error', cell: `I${rowOf('Quá Một Trăm Hai Mươi')}` }));
  });

  it('takes the month-13 rates from the same day 12 months after the decision', () => {
    const late = byName(report, 'Sau Mười Hai Tháng');
    // 63 months early (5 years 3 months → 5,5); pension from 2026 with 15 insured years: 4 months.
    expect([late.window, late.monthsEarly, late.insuranceRule]).toEqual(['after12', 63, 'fifteenYears']);
    expect([late.pensionAllowance, late.earlyYearsAllowance, late.insuranceAllowance]).toEqual([S * 60 * 0.45, S * 4 * 5.5, S * 4]);
    const within = byName(report, 'Viên Chức Trong Hạn');
    const after = byName(report, 'Viên Chức Quá Hạn');
    expect([within.window, after.window]).toEqual(['first12', 'after12']);
    // 38 insured months cap the severance's months; 3 years 2 months → 3,5 years.
    expect([within.severanceMonths, within.severanceAllowance, within.insuranceYearsAllowance]).toEqual([38, S * 38 * 0.8, S * 1.5 * 3.5]);
    expect([after.severanceAllowance, after.jobSearchAllowance]).toEqual([S * 38 * 0.4, 0]);
  });

  it('gives cadres and civil servants who resign 3 months to find work, public employees none', () => {
    const civil = byName(report, 'Công Chức Thôi Việc');
    expect([civil.severanceMonths, civil.severanceAllowance, civil.insuranceYearsAllowance, civil.jobSearchAllowance]).toEqual([60, S * 60 * 0.8, S * 1.5 * 8, S * 3]);
    expect(byName(report, 'Viên Chức Trong Hạn').jobSearchAllowance).toBe(0);
  });

  it('rounds each allowance half up to the đồng, and totals the rounded ones', () => {
    const p = byName(report, 'Làm Tròn Đồng');
    // 12.345.679 × 5,25 = 64.814.814,75 → 64.814.815.
    expect(p.insuranceAllowance).toBe(64_814_815);
    expect(p.total).toBe(p.pensionAllowance + p.earlyYearsAllowance + p.insuranceAllowance);
  });

  it('computes the salary from coefficients with the base salary of the month before leaving', () => {
    const p = byName(report, 'Theo Hệ Số');
    // (4,98 + 0,5) × 2.340.000 + 25 % × (4,98 + 0,5) × 2.340.000.
    expect([p.salaryBasis, p.baseSalary, p.monthlySalary]).toEqual(['coefficients', 2_340_000, 12_823_200 + 3_205_800]);
    expect(report.benefits.baseSalary).toBe(2_340_000);
  });

  it('puts each error at the person\'s cell and leaves the person out', () => {
    const errors = (name: string) => report.issues.filter((i) => i.message.startsWith(`${name}:`) && i.severity === 'error').map((i) => [i.code, i.cell]);
    expect(errors('Không Có Lương')).toEqual([['benefits.noSalary', `N${rowOf('Không Có Lương')}`]]);
    expect(errors('Không Có Bảo Hiểm')).toEqual([['benefits.noInsuredTime', `O${rowOf('Không Có Bảo Hiểm')}`]]);
    expect(errors('Đã Đủ Tuổi')).toEqual([['benefits.notEarly', `I${rowOf('Đã Đủ Tuổi')}`]]);
    expect(errors('Không Có Quyết Định')).toEqual([['benefits.noDecisionDate', `P${rowOf('Không Có Quyết Định')}`]]);
    for (const name of ['Không Có Lương', 'Không Có Bảo Hiểm', 'Đã Đủ Tuổi', 'Không Có Quyết Định']) expect(report.benefits.people.map((p) => p.fullName)).not.toContain(name);
    expect(report.benefits.notComputed).toBe(5);
  });

  it('totals the people by form and unit', () => {
    const b = report.benefits;
    const sum = (ps: BenefitPerson[]) => ps.reduce((n, p) => n + p.total, 0);
    expect(b.count).toBe(b.people.length);
    expect(b.total).toBe(sum(b.people));
    expect(b.byForm.earlyRetirement).toEqual({ count: b.people.filter((p) => p.form === 'earlyRetirement').length, total: sum(b.people.filter((p) => p.form === 'earlyRetirement')) });
    expect(b.byForm.earlyRetirement.count + b.byForm.resignation.count).toBe(b.count);
    expect(b.byUnit).toEqual([expect.objectContaining({ unit: 'Phòng Nội vụ', count: b.count, total: b.total })]);
  });

  it('audits the unit\'s declared total: over 1 đồng is listed with its cell', () => {
    expect(report.benefits.audit).toEqual([
      { fullName: 'Ví Dụ Hai', unit: 'Phòng Nội vụ', sheet: 'DS nghỉ việc', cell: `Q${rowOf('Ví Dụ Hai')}`, field: 'total', declared: 2_422_500_002, computed: 2_422_500_000, file: expect.any(String) },
    ]);
  });

  it('lists the active people whose pension starts in the period or the 12 months after', () => {
    expect(report.retirement.due.map((d) => [d.fullName, d.statutoryPensionStart])).toEqual([['Sắp Đến Tuổi', '2024-06-01']]);
  });

  it('consolidates several units\' workbooks, with the audit per unit', async () => {
    const books = await Promise.all(['huyen-a', 'huyen-b'].map(async (name) => {
      const rows = ROWS.filter((x) => name === 'huyen-a' || x.name !== 'Ví Dụ Hai');
      const file = await writeFixture(`${name}.xlsx`, [{ name: 'DS', rows: [BENEFITS_HEADER, ...fixtureRows(rows)], formats: BENEFITS_DATE_FORMATS }]);
      return { file: `${name}.xlsx`, book: ingestWorkbook(await readXlsx(file), { file: `${name}.xlsx` }) };
    }));
    const { report: r } = generate('benefits', books, { generatedAt: '2026-12-07T00:00:00Z', period: { from: '2024-01-01', to: '2027-12-31' } });
    const b = (r as BenefitsReport).benefits;
    expect(b.count).toBe(report.benefits.count * 2 - 1);
    expect(b.audit.map((a) => [a.unit, a.file, a.cell])).toEqual([['Phòng Nội vụ (huyen-a)', 'huyen-a.xlsx', 'Q2']]);
    expect(b.byUnit.map((u) => u.unit)).toEqual(['Phòng Nội vụ (huyen-a)', 'Phòng Nội vụ (huyen-b)']);
    expect(b.byUnit[0].total - b.byUnit[1].total).toBe(2_422_500_000);
  });

  it('uses --decision-date for rows without one, and --base-salary over the table', async () => {
    const { report: r } = await reportOf('benefits-params.xlsx', ROWS.filter((x) => ['Không Có Quyết Định', 'Theo Hệ Số'].includes(x.name)), { decisionDate: '2025-03-01', baseSalary: 2_000_000 });
    expect(r.benefits.people.map((p) => p.fullName).sort()).toEqual(['Không Có Quyết Định', 'Theo Hệ Số']);
    expect(byName(r, 'Theo Hệ Số').monthlySalary).toBe(5.48 * 2_000_000 * 1.25);
    expect(r.benefits.baseSalary).toBe(2_000_000);
  });
});
