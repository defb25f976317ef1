import { SAMPLE_WORKBOOK } from '../src/cli/main';
import { foldKey } from '../src/domain/text';
import { ingestWorkbook } from '../src/ingest/ingestWorkbook';
import type { BenefitPerson, BenefitsReport } from '../src/reports/benefits/figures';
import { reports } from '../src/reports';
import { readXlsxBook } from '../src/workbook/xlsx/readXlsx';
import { generateOne } from './helpers/generate';
import { buildSample, type BenefitsFigures } from './tools/generateSample';

/**
 * The benefits report (NĐ 178/2024, NĐ 67/2025) on the bundled sample, against the cases the
 * generator worked out by hand (assets/samples/README.md, "Benefits (NĐ 178) — worked cases"): the
 * people leaving in 2025, each one's allowances and total, the sums by form, the audit of the units'
 * own totals, and no problem on their rows.
 */
describe('benefits on the sample workbook (2025, the demo\'s period)', () => {
  const truth: BenefitsFigures = buildSample().figures.benefits;
  let report: BenefitsReport;
  beforeAll(async () => {
    const read = await readXlsxBook(SAMPLE_WORKBOOK);
    const book = ingestWorkbook(read.grids);
    const demo = reports.get('benefits')?.demo;
    expect(demo).toEqual({ period: truth.period });
    ({ report } = generateOne('benefits', book, { ...demo, generatedAt: '2026-03-05T02:00:00Z' }));
  });

  const personOf = (name: string): BenefitPerson => {
    const p = report.benefits.people.find((x) => x.fullName === name);
    if (!p) throw new Error(`${name} not computed: ${JSON.stringify(report.issues.filter((i) => i.message.startsWith(name)))}`);
    return p;
  };

  it('counts the people leaving in 2025 and their total, by form', () => {
    const b = report.benefits;
    expect([b.count, b.total, b.notComputed]).toEqual([truth.count, truth.total, 0]);
    expect(b.byForm).toEqual(truth.byForm);
    expect(b.people.map((p) => [p.fullName, p.row])).toEqual(truth.people.map((p) => [p.fullName, p.row]));
    expect(b.baseSalaries).toEqual([expect.objectContaining({ amount: truth.baseSalary, people: truth.people.filter((p) => p.salaryBasis === 'coefficients').length })]);
  });

  it.each(truth.people.map((p) => [p.key, p.fullName, p] as const))('case %s (%s): the worked figures', (_key, name, t) => {
    const p = personOf(name);
    expect({
      form: p.form, leftDate: p.leftDate, decisionDate: p.decisionDate, statutoryPensionStart: p.statutoryPensionStart, monthsEarly: p.monthsEarly,
      yearsEarly: p.yearsEarly, band: p.band, window: p.window, monthlySalary: p.monthlySalary, salaryBasis: p.salaryBasis, insuredMonths: p.insuredMonths,
      insuredYears: p.insuredYears, severanceMonths: p.severanceMonths, insuranceRule: p.insuranceRule ?? null, pensionAllowance: p.pensionAllowance,
      earlyYearsAllowance: p.earlyYearsAllowance, insuranceAllowance: p.insuranceAllowance, severanceAllowance: p.severanceAllowance,
      insuranceYearsAllowance: p.insuranceYearsAllowance, jobSearchAllowance: p.jobSearchAllowance, total: p.total,
    }).toEqual({
      form: t.form, leftDate: t.leftDate, decisionDate: t.decisionDate, statutoryPensionStart: t.statutoryPensionStart, monthsEarly: t.monthsEarly,
      yearsEarly: t.yearsEarly, band: t.band, window: t.window, monthlySalary: t.monthlySalary, salaryBasis: t.salaryBasis, insuredMonths: t.insuredMonths,
      insuredYears: t.insuredYears, severanceMonths: t.severanceMonths, insuranceRule: t.insuranceRule, pensionAllowance: t.pensionAllowance,
      earlyYearsAllowance: t.earlyYearsAllowance, insuranceAllowance: t.insuranceAllowance, severanceAllowance: t.severanceAllowance,
      insuranceYearsAllowance: t.insuranceYearsAllowance, jobSearchAllowance: t.jobSearchAllowance, total: t.total,
    });
    // The unit as the row spells it (a variant of the name on some rows: README, "Traps").
    expect([foldKey(p.unit), p.category, p.birthDate]).toEqual([foldKey(t.unit), t.category, t.birthDate]);
  });

  it('lists exactly one difference from the units\' own totals (one more is within 1 đồng)', () => {
    expect(report.benefits.audit.map((a) => ({ fullName: a.fullName, cell: a.cell, field: a.field, declared: a.declared, computed: a.computed }))).toEqual(truth.audit);
    expect(truth.audit).toHaveLength(1);
  });

  it('raises no problem on the leavers\' rows: nothing in the way of a figure', () => {
    const rows = new Set(truth.people.map((p) => p.row));
    const onRows = report.issues.filter((i) => i.sheet === 'DS CBCCVC' && rows.has(Number(/\d+$/.exec(i.cell)?.[0])));
    expect(onRows).toEqual([]);
    expect(report.issues.filter((i) => i.code.startsWith('benefits.'))).toEqual([]);
    // The rest are the sample's deliberate traps (README, "Traps"): no new error.
    expect(report.issues.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.cell}`)).toEqual(['date.invalid L656']);
  });
});
