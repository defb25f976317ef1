import type { Issue } from '../../domain/issues';
import { isoDayNumber } from '../../domain/calendar';
import { type MergerPlanRecord, type QuotaYears, type StaffRecord, type UnitRecord } from '../../domain/records';
import { foldKey } from '../../domain/text';
import type { Block, Category, ReductionForm, Sex } from '../../domain/vocabulary';
import type { WorkbookIngest } from '../../ingest/ingestWorkbook';
import { inPeriod, type Period } from '../../domain/period';

/** Báo cáo kết quả tinh giản biên chế (docs/reports.md, 2. Reports, "reduction"): the keys are a contract. */
export const CATEGORIES: readonly Category[] = ['canBo', 'congChuc', 'vienChuc', 'nguoiLaoDong', 'capXa', 'khongChuyenTrach'];
export const FORMS: ReadonlyArray<ReductionForm | 'unspecified'> = ['earlyRetirement', 'resignation', 'resignationAfterTraining', 'transferOutsideBudget', 'unspecified'];
const BLOCKS: ReadonlyArray<Block | 'unspecified'> = ['dang', 'chinhQuyen', 'doanThe', 'suNghiep', 'capXa', 'unspecified'];

export interface ReducedPerson {
  fullName: string;
  birthDate?: string;
  sex?: Sex;
  unit: string;
  position?: string;
  category?: Category;
  form: ReductionForm | 'unspecified';
  leftDate: string;
  basis?: string;
  /** Where the row is, for the appendix and for checking. */
  sheet: string;
  row: number;
}

export interface QuotaLine {
  unit: string;
  block?: Block;
  baseline: number;
  current: number;
  change: number;
  /** change / baseline; null where there was no baseline. */
  changeRate: number | null;
  activeStaff: number;
}

export interface ReductionReport {
  kind: 'reduction';
  period: Period;
  generatedAt: string;
  source: string[];
  issues: Issue[];
  reduced: {
    total: number;
    byCategory: Record<Category, number>;
    byForm: Record<ReductionForm | 'unspecified', number>;
    byUnit: Array<{ unit: string; total: number; byCategory: Record<Category, number> }>;
    people: ReducedPerson[];
  };
  quota: {
    baselineYear: number | null;
    currentYear: number | null;
    baseline: number;
    current: number;
    change: number;
    changeRate: number | null;
    byUnit: QuotaLine[];
    byBlock: Array<Omit<QuotaLine, 'unit' | 'block'> & { block: Block | 'unspecified' }>;
  };
  target?: { rate: number; met: boolean };
}

export interface ReductionParams {
  period: Period;
  generatedAt: string;
  /** Required cut of the total quota, as a fraction (0.10: at least 10 % fewer posts). */
  target?: number;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const rate = (change: number, baseline: number) => (baseline > 0 ? change / baseline : null);

/**
 * Units as the period's end sees them. A unit merged or absorbed into another on or before
 * `period.to` counts under its successor (its baseline moves there, its own current quota is
 * superseded); a unit that is only the target of a plan taking effect later does not exist yet.
 */
function structureAt(units: readonly UnitRecord[], plan: readonly MergerPlanRecord[], to: string): { successor: (unit: string) => string; exists: (unit: UnitRecord) => boolean } {
  const merged = new Map<string, string>();
  const notYet = new Set<string>();
  for (const p of plan) {
    if (p.form !== 'merge' && p.form !== 'absorb') continue;
    if (p.effectiveDate && p.effectiveDate <= to) merged.set(foldKey(p.fromUnit), p.toUnit);
    else notYet.add(foldKey(p.toUnit));
  }
  const froms = new Set(plan.map((p) => foldKey(p.fromUnit)));
  const successor = (unit: string): string => {
    let current = unit;
    for (let hops = 0; hops < 10 && merged.has(foldKey(current)); hops++) current = merged.get(foldKey(current)) as string;
    return current;
  };
  return { successor, exists: (u) => !(notYet.has(foldKey(u.unit)) && !froms.has(foldKey(u.unit))) };
}

export function reductionReport(book: WorkbookIngest, params: ReductionParams): ReductionReport {
  const { period } = params;
  const staff = book.records.staff as StaffRecord[];
  const units = book.records.units as UnitRecord[];
  const plan = book.records.mergerPlan as MergerPlanRecord[];
  const source = book.sheets.filter((s) => s.kind === 'staff' || s.kind === 'units' || s.kind === 'mergerPlan').map((s) => s.sheet);
  // The issues of the sheets this report reads; the party sheets have their own report.
  const issues: Issue[] = book.issues.filter((i) => source.includes(i.sheet));
  // A list with no one in it is a report of zeros; no list at all is a report of nothing.
  if (!book.sheets.some((s) => s.kind === 'staff')) {
    issues.push({ sheet: 'tochuc', cell: 'A1', severity: 'error', code: 'staff.none', message: 'Không tìm thấy danh sách cán bộ, công chức, viên chức (cần cột Họ và tên, Đơn vị): báo cáo không có số người tinh giản.', hint: 'Mở trang danh sách CBCCVC, hoặc chọn cột trong ngăn tác vụ (Dữ liệu) / --map fullName="…".' });
  }
  const { successor, exists } = structureAt(units, plan, period.to);
  const unitName = new Map<string, string>();
  for (const u of units) unitName.set(foldKey(u.unit), u.unit);
  // Memoised: a staff list names a few dozen units a hundred thousand times, and folding is not free.
  const canonicalOf = new Map<string, { name: string; key: string }>();
  const resolveUnit = (unit: string) => {
    let hit = canonicalOf.get(unit);
    if (!hit) {
      const s = successor(unit);
      const name = unitName.get(foldKey(s)) ?? s;
      hit = { name, key: foldKey(name) };
      canonicalOf.set(unit, hit);
    }
    return hit;
  };
  const canonical = (unit: string) => resolveUnit(unit).name;

  const { people, activeAsWritten, noCategory } = departuresAndActive(staff, period);
  for (const s of noCategory) issues.push({ sheet: s.sheet, cell: `A${s.row}`, severity: 'warning', code: 'reduction.noCategory', message: `${s.fullName} (tinh giản ngày ${s.leftDate}) không có đối tượng: không tính được vào bảng theo đối tượng.`, hint: 'Ghi đối tượng: Cán bộ, Công chức, Viên chức, Người lao động…' });
  for (const p of people) p.unit = canonical(p.unit);
  sortByDateAndRow(people);
  const byCategory = zeros(CATEGORIES);
  const byForm = zeros(FORMS);
  const perUnit = new Map<string, { unit: string; total: number; byCategory: Record<Category, number> }>();
  // Each unit's first person reduced: where a unit missing from the units sheet is reported.
  const firstOf = new Map<string, ReducedPerson>();
  for (const p of people) {
    if (p.category) byCategory[p.category]++;
    byForm[p.form]++;
    const { key } = resolveUnit(p.unit);
    if (!firstOf.has(key)) firstOf.set(key, p);
    const line = perUnit.get(key) ?? { unit: p.unit, total: 0, byCategory: zeros(CATEGORIES) };
    line.total++;
    if (p.category) line.byCategory[p.category]++;
    perUnit.set(key, line);
  }

  // Quotas by unit as the structure stands at the period's end, active staff on that day.
  const active = new Map<string, number>();
  for (const [unit, { count }] of activeAsWritten) {
    const { key } = resolveUnit(unit);
    active.set(key, (active.get(key) ?? 0) + count);
  }
  const lines = new Map<string, QuotaLine>();
  for (const u of units) {
    if (!exists(u)) continue;
    const name = canonical(u.unit);
    const key = foldKey(name);
    const line = lines.get(key) ?? { unit: name, block: undefined, baseline: 0, current: 0, change: 0, changeRate: null, activeStaff: active.get(key) ?? 0 };
    line.baseline += u.baselineQuota ?? 0;
    if (foldKey(u.unit) === key) {
      line.current = u.currentQuota ?? 0;
      line.block = u.block ?? line.block;
    } else line.block = line.block ?? u.block;
    lines.set(key, line);
  }
  for (const line of lines.values()) {
    line.change = line.current - line.baseline;
    line.changeRate = rate(line.change, line.baseline);
  }
  const byUnitLines = [...lines.values()];
  const unitOrder = [...lines.keys()];
  const reducedByUnit = [...unitOrder.filter((k) => perUnit.has(k)).map((k) => perUnit.get(k)!), ...[...perUnit.entries()].filter(([k]) => !lines.has(k)).map(([, v]) => v)];
  for (const [k, v] of perUnit) {
    if (lines.has(k) || !units.length) continue;
    // At the row of the unit's first person reduced: that is where the name is spelled.
    const first = firstOf.get(k) as ReducedPerson;
    issues.push({ sheet: first.sheet, cell: `A${first.row}`, severity: 'warning', code: 'reduction.unitNotInUnits', message: `Đơn vị "${v.unit}" có người tinh giản nhưng không có trong danh sách đơn vị, biên chế.`, hint: 'Thêm đơn vị vào trang biên chế, hoặc sửa tên cho khớp.' });
  }

  const blocks = new Map<string, Omit<QuotaLine, 'unit' | 'block'> & { block: Block | 'unspecified' }>();
  for (const b of BLOCKS) blocks.set(b, { block: b, baseline: 0, current: 0, change: 0, changeRate: null, activeStaff: 0 });
  for (const l of byUnitLines) {
    const b = blocks.get(l.block ?? 'unspecified')!;
    b.baseline += l.baseline;
    b.current += l.current;
    b.activeStaff += l.activeStaff;
  }
  const byBlock = [...blocks.values()].filter((b) => b.baseline || b.current || b.activeStaff).map((b) => ({ ...b, change: b.current - b.baseline, changeRate: rate(b.current - b.baseline, b.baseline) }));
  const baseline = byUnitLines.reduce((n, l) => n + l.baseline, 0);
  const current = byUnitLines.reduce((n, l) => n + l.current, 0);
  const years: QuotaYears = book.sheets.find((s) => s.kind === 'units')?.quotaYears ?? {};
  const changeRate = rate(current - baseline, baseline);

  return {
    kind: 'reduction', period, generatedAt: params.generatedAt,
    source,
    issues,
    reduced: { total: people.length, byCategory, byForm, byUnit: reducedByUnit, people },
    quota: { baselineYear: years.baselineYear ?? null, currentYear: years.currentYear ?? null, baseline, current, change: current - baseline, changeRate, byUnit: byUnitLines, byBlock },
    ...(params.target !== undefined ? { target: { rate: params.target, met: changeRate !== null && -changeRate >= params.target } } : {}),
  };
}

/**
 * Who left under the policy within the period, and, in the same pass, the staff still there at the
 * period's end counted by the unit as written (one look-up a row; a list names a few dozen units a
 * hundred thousand times). A departure without a valid date is already an error at its cell
 * (ingest); it cannot be placed in any period, so it is not counted. The people's units are as
 * written. By index, in a function of its own: see countByCategoryAndForm (templates/builtin/reduction.ts).
 */
function departuresAndActive(staff: readonly StaffRecord[], period: Period): { people: ReducedPerson[]; activeAsWritten: Map<string, { count: number }>; noCategory: StaffRecord[] } {
  const people: ReducedPerson[] = [];
  const noCategory: StaffRecord[] = [];
  const activeAsWritten = new Map<string, { count: number }>();
  const to = period.to;
  for (let i = 0; i < staff.length; i++) {
    const s = staff[i];
    if (s.status === 'active' || (s.leftDate !== undefined && s.leftDate > to)) {
      const counted = activeAsWritten.get(s.unit);
      if (counted) counted.count++;
      else activeAsWritten.set(s.unit, { count: 1 });
    }
    if (s.status !== 'reduced' || !inPeriod(s.leftDate, period)) continue;
    people.push({
      fullName: s.fullName, birthDate: s.birthDate, sex: s.sex, unit: s.unit, position: s.position, category: s.category,
      form: s.reductionForm ?? 'unspecified', leftDate: s.leftDate as string, basis: s.basis, sheet: s.sheet, row: s.row,
    });
    if (!s.category) noCategory.push(s);
  }
  return { people, activeAsWritten, noCategory };
}

/** An ISO date (as ingest gives them) and a sheet row as one number that sorts as the pair does. */
function dateAndRowKey(iso: string, row: number): number {
  // Rows stop at 1,048,576 (2^20), day numbers below 2^22: under 2^42 in all, exact as a double.
  return isoDayNumber(iso) * 1_048_577 + row;
}

/**
 * People by departure date, then row: by a number each, made once, rather than by comparing two
 * date strings for each of the thousands of comparisons (a city reduces thousands over a period).
 */
function sortByDateAndRow(people: ReducedPerson[]): void {
  const keys = people.map((p) => dateAndRowKey(p.leftDate, p.row));
  const order = Array.from(people.keys()).sort((a, b) => keys[a] - keys[b]);
  const sorted = order.map((i) => people[i]);
  for (let i = 0; i < sorted.length; i++) people[i] = sorted[i];
}
