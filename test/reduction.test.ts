import { SAMPLE_WORKBOOK } from '../src/cli/main';
import { ingestWorkbook, type WorkbookIngest } from '../src/ingest/ingestWorkbook';
import { parseDay, parsePeriod } from '../src/domain/period';
import { CATEGORIES, FORMS, reductionReport } from '../src/reports/reduction/figures';
import { readXlsx } from '../src/workbook/xlsx/readXlsx';

describe('periods', () => {
  it('reads years, quarters and half years, and dates both ways', () => {
    expect(parsePeriod('2021')).toEqual({ from: '2021-01-01', to: '2021-12-31' });
    expect(parsePeriod('2021-Q2')).toEqual({ from: '2021-04-01', to: '2021-06-30' });
    expect(parsePeriod('2024-q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(parsePeriod('2021-H1')).toEqual({ from: '2021-01-01', to: '2021-06-30' });
    expect(parsePeriod('2021-H2')).toEqual({ from: '2021-07-01', to: '2021-12-31' });
    expect(parsePeriod('2021-Q5')).toBeUndefined();
    expect(parseDay('31/12/2019')).toBe('2019-12-31');
    expect(parseDay('2019-02-29')).toBeUndefined();
  });
});

describe('reduction figures on the sample workbook (Đề án 25 window, 2015–2019)', () => {
  let book: WorkbookIngest;
  beforeAll(async () => {
    book = ingestWorkbook(await readXlsx(SAMPLE_WORKBOOK));
  });
  const run = (target?: number) => reductionReport(book, { period: { from: '2015-01-01', to: '2019-12-31' }, generatedAt: '2026-11-22', ...(target !== undefined ? { target } : {}) });

  it('counts the 264 people reduced, by category and by form, the tables adding up', () => {
    const r = run();
    expect(r.reduced.total).toBe(264);
    expect(r.reduced.byCategory).toEqual({ canBo: 12, congChuc: 38, vienChuc: 121, nguoiLaoDong: 41, capXa: 22, khongChuyenTrach: 30 });
    expect(r.reduced.byForm).toEqual({ earlyRetirement: 101, resignation: 119, resignationAfterTraining: 11, transferOutsideBudget: 23, unspecified: 10 });
    expect(CATEGORIES.reduce((n, c) => n + r.reduced.byCategory[c], 0)).toBe(264);
    expect(FORMS.reduce((n, f) => n + r.reduced.byForm[f], 0)).toBe(264);
    expect(r.reduced.byUnit.reduce((n, u) => n + u.total, 0)).toBe(264);
    expect(r.reduced.people).toHaveLength(264);
    expect(r.reduced.people.every((p) => p.leftDate >= '2015-01-01' && p.leftDate <= '2019-12-31')).toBe(true);
    // The row with 31/02/2018 is an error at its cell and not counted.
    expect(r.issues).toEqual(expect.arrayContaining([expect.objectContaining({ cell: 'L656', severity: 'error' })]));
  });

  it('shows the Front secretariat at 35 → 21 (−14), the six former secretariats rolled into it', () => {
    const r = run();
    const front = r.quota.byUnit.find((u) => u.unit === 'Cơ quan chuyên trách MTTQ và các đoàn thể thành phố');
    expect(front).toMatchObject({ block: 'doanThe', baseline: 35, current: 21, change: -14 });
    expect(front?.changeRate).toBeCloseTo(-0.4, 10);
    expect(r.quota.byUnit.some((u) => u.unit === 'Hội Liên hiệp Phụ nữ thành phố')).toBe(false);
    // Units of the plan that takes effect on 01/10/2021 do not exist at the end of 2019.
    expect(r.quota.byUnit.some((u) => u.unit === 'Ban Tổ chức Thành ủy - Phòng Nội vụ')).toBe(false);
    expect(r.quota).toMatchObject({ baselineYear: 2015, currentYear: 2021, baseline: 902, current: 764, change: -138 });
    expect(r.quota.byBlock.reduce((n, b) => n + b.baseline, 0)).toBe(902);
    expect(r.quota.byBlock.find((b) => b.block === 'doanThe')).toMatchObject({ baseline: 35, current: 21 });
  });

  it('checks the cut against a target', () => {
    expect(run(0.1).target).toEqual({ rate: 0.1, met: true });
    expect(run(0.2).target).toEqual({ rate: 0.2, met: false });
  });

  it('leaves out departures outside the period', () => {
    const r = reductionReport(book, { period: { from: '2020-01-01', to: '2021-12-31' }, generatedAt: '2026-11-22' });
    expect(r.reduced.total).toBe(15);
    expect(r.reduced.people.every((p) => p.leftDate >= '2020-01-01')).toBe(true);
  });
});
