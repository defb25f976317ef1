import fc from 'fast-check';
import os from 'os';
import path from 'path';
import { generate } from '../src/app/generate';
import { ingestWorkbook } from '../src/ingest/ingestWorkbook';
import type { BenefitPerson, BenefitsReport } from '../src/reports/benefits/figures';
import { EARLY_RETIREMENT_SHEET, RESIGNATION_SHEET } from '../src/reports/benefits/template';
import type { FillPlan, SheetPlan } from '../src/templates/plan';
import { readXlsx } from '../src/workbook/xlsx/readXlsx';
import { writePlanFile } from '../src/workbook/xlsx/writePlanFile';
import { BENEFITS_DATE_FORMATS, BENEFITS_HEADER } from './helpers/benefitsSheet';
import { needLibreOffice, recalculatedCsv } from './helpers/libreoffice';
import { utcDate, writeFixture, type FixtureCell } from './helpers/xlsxFixture';

/**
 * Property: in the lists, every amount is an Excel formula over its row's cells (so that an
 * inspector can follow it), and that formula gives the engine's amount. Random people are written to
 * a real staff list, the report is made, each list is written as the CLI writes it, and LibreOffice
 * recalculates it; each amount must equal the engine's, and so must the result tochuc stored.
 */

const SEED = 20261207;
const PEOPLE = 60;

interface Person {
  sex: 'Nam' | 'Nữ';
  birth: Date;
  early: boolean;
  left: Date;
  decision: Date;
  salary: number;
  insuredMonths: number;
  category: string;
}

/** A day of the month `offset` months after January 2025 (before it when negative). */
const monthFrom2025 = (offset: number, day: number) => utcDate(2025 + Math.floor(offset / 12), (((offset % 12) + 12) % 12) + 1, day);

const person: fc.Arbitrary<Person> = fc.record({
  sex: fc.constantFrom('Nam' as const, 'Nữ' as const),
  birthYear: fc.integer({ min: 1962, max: 1985 }),
  birthMonth: fc.integer({ min: 1, max: 12 }),
  early: fc.boolean(),
  // Months after 01/2025, and a day for resignations (early retirement starts on the 1st).
  leftMonth: fc.integer({ min: 0, max: 35 }),
  leftDay: fc.integer({ min: 1, max: 28 }),
  decisionMonth: fc.integer({ min: -14, max: 14 }),
  salary: fc.integer({ min: 3_000_000, max: 80_000_000 }),
  insuredMonths: fc.integer({ min: 12, max: 42 * 12 }),
  category: fc.constantFrom('Cán bộ', 'Công chức', 'Viên chức', 'Người lao động'),
}).map((r) => ({
  sex: r.sex, birth: utcDate(r.birthYear, r.birthMonth, 10), early: r.early,
  left: monthFrom2025(r.leftMonth, r.early ? 1 : r.leftDay),
  decision: monthFrom2025(r.leftMonth + r.decisionMonth, 1),
  salary: r.salary, insuredMonths: r.insuredMonths, category: r.category,
}));

const rowOf = (p: Person, i: number): FixtureCell[] => [
  i + 1, `Người Thứ ${i + 1}`, p.birth, p.sex, 'Văn phòng', 'Chuyên viên', p.category, 'Tinh giản', p.left, p.early ? 'Nghỉ hưu trước tuổi' : 'Thôi việc ngay',
  null, null, null, p.salary, p.insuredMonths, p.decision, null,
];

/** The amount columns of each list (1-based sheet columns) and the engine's field each must equal. */
const AMOUNTS: Record<string, Array<[number, keyof BenefitPerson]>> = {
  [EARLY_RETIREMENT_SHEET]: [[8, 'insuredYears'], [12, 'monthsEarly'], [13, 'yearsEarly'], [14, 'pensionAllowance'], [15, 'earlyYearsAllowance'], [16, 'insuranceAllowance'], [17, 'total']],
  [RESIGNATION_SHEET]: [[9, 'insuredYears'], [13, 'monthsEarly'], [14, 'severanceMonths'], [15, 'severanceAllowance'], [16, 'insuranceYearsAllowance'], [18, 'jobSearchAllowance'], [19, 'total']],
};

describe('the lists\' formulas against the engine', () => {
  let report: BenefitsReport;
  let plan: FillPlan;
  beforeAll(async () => {
    const people = fc.sample(person, { seed: SEED, numRuns: PEOPLE });
    const header = BENEFITS_HEADER.map((h) => (h === 'Thời gian đóng BHXH bắt buộc' ? 'Thời gian đóng BHXH bắt buộc (tháng)' : h));
    const file = await writeFixture('benefits-random.xlsx', [{ name: 'DS', rows: [header, ...people.map(rowOf)], formats: BENEFITS_DATE_FORMATS }]);
    const book = ingestWorkbook(await readXlsx(file));
    const made = generate('benefits', [{ file: 'benefits-random.xlsx', book }], { generatedAt: '2026-12-07T00:00:00Z', period: { from: '2025-01-01', to: '2027-12-31' } });
    report = made.report as BenefitsReport;
    plan = made.plan as FillPlan;
  });

  it('draws people of both forms and every band', () => {
    const bands = new Set(report.benefits.people.map((p) => p.band));
    expect([...bands].sort()).toEqual(['2-5', '5-10', '<2', 'resignation']);
    expect(new Set(report.benefits.people.map((p) => p.window)).size).toBe(2);
    expect(new Set(report.benefits.people.map((p) => p.insuranceRule).filter(Boolean)).size).toBe(2);
  });

  test.each(Object.keys(AMOUNTS))('%s: tochuc\'s stored results and LibreOffice\'s recalculation equal the engine', async (sheetName) => {
    const sheet = plan.sheets.find((s) => s.name.startsWith(sheetName)) as SheetPlan;
    const people = report.benefits.people.filter((p) => (sheetName === EARLY_RETIREMENT_SHEET) === (p.form === 'earlyRetirement'));
    expect(people.length).toBeGreaterThan(5);
    const rowsByName = new Map<string, number>();
    sheet.rows.forEach((row, r) => {
      const name = row?.[1]?.value;
      if (typeof name === 'string' && name.startsWith('Người Thứ')) rowsByName.set(name, r);
    });
    for (const p of people) {
      const row = sheet.rows[rowsByName.get(p.fullName) as number];
      for (const [col, field] of AMOUNTS[sheetName]) {
        const cell = row[col - 1];
        expect(cell?.formula).toMatch(/^=/);
        expect([p.fullName, field, cell?.result]).toEqual([p.fullName, field, p[field]]);
      }
    }
    if (!(await needLibreOffice())) return;
    const file = path.join(os.tmpdir(), 'tochuc-benefits', `${sheetName}.xlsx`);
    await writePlanFile(file, { ...plan, sheets: [sheet] });
    const csv = await recalculatedCsv(file, { asShown: false });
    let checked = 0;
    for (const p of people) {
      const line = csv.find((r) => r[1] === p.fullName);
      expect(line).toBeDefined();
      for (const [col, field] of AMOUNTS[sheetName]) {
        // Half years carry the Vietnamese locale's tag, which LibreOffice's plain export also follows: 20,5.
        expect([p.fullName, field, Number(line![col - 1].replace(',', '.'))]).toEqual([p.fullName, field, p[field]]);
        checked++;
      }
    }
    expect(checked).toBe(people.length * AMOUNTS[sheetName].length);
  }, 120000);
});
