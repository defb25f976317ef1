import type { Issue } from '../../domain/issues';
import { addMonths } from '../../domain/calendar';
import { leaderRole } from '../../domain/positions';
import type { IsoDate, MergerPlanRecord, QuotaYears, StaffRecord, UnitRecord } from '../../domain/records';
import { foldingOnce, foldKey } from '../../domain/text';
import type { Block, MergerForm } from '../../domain/vocabulary';
import type { WorkbookIngest } from '../../ingest/ingestWorkbook';

/** Phương án / kết quả sắp xếp tổ chức bộ máy (docs/reports.md, 2. Reports, "merger"): the keys are a contract. */

export interface UnitFigures {
  unit: string;
  /**
   * The quota the unit brings: its current assigned quota; for a unit merged before the structure's
   * day (`mergedSince`), the latest quota the units sheet gives it on or before that merger (the
   * current one, else the baseline). Null when the units sheet gives none.
   */
  quota: number | null;
  /** The year of the quota column `quota` comes from; null for "Biên chế hiện giao" or no quota. */
  quotaYear: number | null;
  staff: number;
  heads: number;
  deputies: number;
  /** The day it was merged, absorbed into the resulting unit, when that is before the structure's day; else null. */
  mergedSince: IsoDate | null;
}

/** Quota, staff, heads and deputies of a group or the whole plan. */
export interface Counts {
  quota: number;
  staff: number;
  heads: number;
  deputies: number;
}

export interface MergerGroup {
  toUnit: string;
  form: MergerForm;
  effectiveDate: IsoDate | null;
  /** The resulting unit did not exist before (it is only ever a `toUnit`). */
  isNew: boolean;
  block?: Block;
  sources: UnitFigures[];
  /**
   * The resulting unit's own figures before this change: for a unit that absorbs others (or takes a
   * function), its own quota, staff and leaders; for a new unit, the people the staff list already
   * places in it (they came from its sources: a merger carried out before the structure's day), quota null.
   */
  own: UnitFigures;
  /** What the group is made of: its sources plus `own` (a transferred function brings nothing). `after` staff, heads and deputies equal these. */
  before: Counts;
  after: {
    quota: number;
    staff: number;
    heads: number;
    deputies: number;
    maxDeputies: number;
    surplusDeputies: number;
    surplusStaff: number;
    /** effectiveDate + 5 years: the time allowed to bring the leaders back within the limit. */
    deadline: IsoDate | null;
  };
}

export interface MergerReport {
  kind: 'merger';
  /** The day the structure is read: `from` is the earliest effective date of the plan, `to` the date. */
  period: { from: string; to: string };
  generatedAt: string;
  source: string[];
  issues: Issue[];
  date: IsoDate;
  unitsBefore: number;
  unitsAfter: number;
  unitsReduced: number;
  groups: MergerGroup[];
  /** Functions moved between units that go on (Chuyển chức năng): no staff move unless staff rows say so. */
  transfers: Array<{ fromUnit: string; toUnit: string; effectiveDate: IsoDate | null; note?: string }>;
  dissolved: Array<{ unit: string; effectiveDate: IsoDate | null }>;
  /** The structure after the change, by block, for the organisation chart. */
  structureAfter: Array<{ unit: string; block?: Block; isNew: boolean }>;
  totals: {
    /** The merge and absorb groups' `before`: what their units brought. */
    before: Counts;
    after: { quota: number; staff: number; heads: number; deputies: number; surplusDeputies: number; surplusStaff: number };
  };
}

export interface MergerParams {
  /** The day the structure is read; by default the plan's latest effective date. */
  date?: IsoDate;
  generatedAt: string;
}

/** Without "Số cấp phó tối đa" a unit may have 3 deputies (docs/reports.md, 1. Input sheets, units). */
export const DEFAULT_MAX_DEPUTIES = 3;
/** Surplus leaders must be brought back within the limit within 5 years of the decision (NĐ 150/2025; Kết luận 137-KL/TW). */
export const YEARS_TO_ABSORB_SURPLUS = 5;
const STRUCTURAL: readonly MergerForm[] = ['merge', 'absorb', 'dissolve'];

interface PlanCheck {
  valid: MergerPlanRecord[];
  issues: Issue[];
}

/** The plan's rows that can be applied; the others are errors at their cells (unknown unit, merged twice, into itself, a cycle). */
function checkPlan(plan: readonly MergerPlanRecord[], units: ReadonlyMap<string, UnitRecord>, cellOf: (r: MergerPlanRecord, field: 'fromUnit' | 'toUnit') => string): PlanCheck {
  const issues: Issue[] = [];
  const error = (r: MergerPlanRecord, field: 'fromUnit' | 'toUnit', code: string, message: string, hint: string) => issues.push({ sheet: r.sheet, cell: cellOf(r, field), severity: 'error', code, message, hint });
  const valid: MergerPlanRecord[] = [];
  const movedAway = new Map<string, MergerPlanRecord>();
  for (const r of plan) {
    const from = foldKey(r.fromUnit);
    if (r.form === 'keep') continue;
    if (!units.has(from)) {
      error(r, 'fromUnit', 'merger.unknownUnit', `Đơn vị "${r.fromUnit}" không có trong danh sách đơn vị, biên chế: dòng phương án này không được tính.`, 'Sửa tên đơn vị cho khớp với trang biên chế (không phân biệt hoa thường, dấu cách).');
      continue;
    }
    if (r.form !== 'dissolve' && foldKey(r.toUnit) === from) {
      error(r, 'toUnit', 'merger.intoItself', `"${r.fromUnit}" được sắp xếp vào chính nó.`, 'Ghi đơn vị sau sắp xếp khác đơn vị hiện tại, hoặc dùng hình thức "Giữ nguyên".');
      continue;
    }
    if (STRUCTURAL.includes(r.form ?? 'merge')) {
      const earlier = movedAway.get(from);
      if (earlier) {
        error(r, 'fromUnit', 'merger.twice', `"${r.fromUnit}" đã được sắp xếp vào "${earlier.toUnit}" ở dòng ${earlier.row}: một đơn vị chỉ hợp nhất, sáp nhập hoặc giải thể một lần.`, 'Bỏ một trong hai dòng, hoặc tách chức năng bằng hình thức "Chuyển chức năng".');
        continue;
      }
      movedAway.set(from, r);
    }
    valid.push(r);
  }
  // A cycle: following "merged into" from a unit comes back to it.
  const into = new Map([...movedAway].filter(([, r]) => r.form !== 'dissolve').map(([from, r]) => [from, foldKey(r.toUnit)]));
  const inCycle = new Set<string>();
  for (const start of into.keys()) {
    const seen = new Set<string>([start]);
    for (let at = into.get(start); at !== undefined; at = into.get(at)) {
      if (at === start) inCycle.add(start);
      if (seen.has(at)) break;
      seen.add(at);
    }
  }
  for (const r of valid.filter((v) => inCycle.has(foldKey(v.fromUnit)) && STRUCTURAL.includes(v.form ?? 'merge'))) {
    error(r, 'toUnit', 'merger.cycle', `"${r.fromUnit}" → "${r.toUnit}" khép thành vòng: các đơn vị sáp nhập vào nhau.`, 'Xem lại phương án: mỗi đơn vị chỉ chuyển vào một đơn vị tồn tại sau sắp xếp.');
  }
  return { valid: valid.filter((r) => !(inCycle.has(foldKey(r.fromUnit)) && STRUCTURAL.includes(r.form ?? 'merge'))), issues };
}

/** Active staff, heads and deputies by unit (folded name). */
function staffByUnit(staff: readonly StaffRecord[]): Map<string, { staff: number; heads: number; deputies: number }> {
  const by = new Map<string, { staff: number; heads: number; deputies: number }>();
  const unitKey = foldingOnce();
  for (const s of staff) {
    if (s.status !== 'active') continue;
    const key = unitKey(s.unit);
    const u = by.get(key) ?? { staff: 0, heads: 0, deputies: 0 };
    u.staff++;
    const role = leaderRole(s.position);
    if (role === 'head') u.heads++;
    else if (role === 'deputy') u.deputies++;
    by.set(key, u);
  }
  return by;
}

const sum = <T>(items: readonly T[], f: (t: T) => number) => items.reduce((n, t) => n + f(t), 0);
const countsOf = (units: readonly UnitFigures[]): Counts => ({ quota: sum(units, (u) => u.quota ?? 0), staff: sum(units, (u) => u.staff), heads: sum(units, (u) => u.heads), deputies: sum(units, (u) => u.deputies) });

/**
 * The quota a unit brings into its group. Still a unit on the day it merges: its current quota. Merged
 * earlier (`since`), when it usually has no current quota any more: the latest quota column dated on or
 * before the year of its merger (the current one, else the baseline; "hiện giao" carries no year and
 * counts as current). What it had then is what it brought (docs/decisions.md, "Merger: units merged
 * before the structure day").
 */
function quotaBrought(unit: UnitRecord | undefined, years: QuotaYears, since: IsoDate | null): { quota: number | null; quotaYear: number | null } {
  const current = { quota: unit?.currentQuota, year: years.currentYear };
  const baseline = { quota: unit?.baselineQuota, year: years.baselineYear };
  const none = { quota: null, quotaYear: null };
  if (!since) return current.quota === undefined ? none : { quota: current.quota, quotaYear: current.year ?? null };
  const mergedIn = Number(since.slice(0, 4));
  const held = [current, baseline].find((q) => q.quota !== undefined && (q.year === undefined || q.year <= mergedIn));
  return held?.quota === undefined ? none : { quota: held.quota, quotaYear: held.year ?? null };
}

export function mergerReport(book: WorkbookIngest, params: MergerParams): MergerReport {
  const { units, mergerPlan, staff } = book.records;
  const sources = book.sheets.filter((s) => s.kind === 'units' || s.kind === 'mergerPlan' || s.kind === 'staff').map((s) => s.sheet);
  const issues: Issue[] = book.issues.filter((i) => sources.includes(i.sheet));
  if (!book.sheets.some((s) => s.kind === 'units')) {
    issues.push({ sheet: 'tochuc', cell: 'A1', severity: 'error', code: 'units.none', message: 'Không tìm thấy trang đơn vị và biên chế (cần cột Đơn vị, Biên chế giao): phương án không có đơn vị để sắp xếp.', hint: 'Mở trang đơn vị và biên chế, hoặc chọn cột trong ngăn tác vụ (Dữ liệu).' });
  }
  if (!book.sheets.some((s) => s.kind === 'mergerPlan')) {
    issues.push({ sheet: 'tochuc', cell: 'A1', severity: 'error', code: 'mergerPlan.none', message: 'Không tìm thấy trang phương án sắp xếp (cần cột Đơn vị hiện nay, Đơn vị sau sắp xếp): báo cáo không có đơn vị nào được sắp xếp.', hint: 'Mở trang phương án sắp xếp, hoặc chọn cột trong ngăn tác vụ (Dữ liệu).' });
  }
  const unitByKey = new Map(units.map((u) => [foldKey(u.unit), u]));
  const planSheet = book.sheets.find((s) => s.kind === 'mergerPlan');
  const cellOf = (r: MergerPlanRecord, field: 'fromUnit' | 'toUnit') => {
    const col = planSheet?.mapping.find((m) => m.field === field)?.col;
    return `${planSheet?.columns?.find((c) => c.col === col)?.column ?? 'A'}${r.row}`;
  };
  const dates = mergerPlan.map((r) => r.effectiveDate).filter((d): d is IsoDate => d !== undefined).sort();
  const date = params.date ?? dates[dates.length - 1] ?? params.generatedAt.slice(0, 10);
  const checked = checkPlan(mergerPlan.filter((r) => !r.effectiveDate || r.effectiveDate <= date), unitByKey, cellOf);
  issues.push(...checked.issues);
  const plan = checked.valid;

  const fromKeys = new Set(mergerPlan.map((r) => foldKey(r.fromUnit)));
  // A unit that is only ever a merge's result exists after, not before. One that absorbs others
  // (Sáp nhập: into an existing unit) existed before.
  const toKeys = new Set(plan.filter((r) => r.form === 'merge' || r.form === undefined).map((r) => foldKey(r.toUnit)));
  const isNew = (key: string) => toKeys.has(key) && !fromKeys.has(key);
  const people = staffByUnit(staff);
  const quotaYears: QuotaYears = book.sheets.find((sh) => sh.kind === 'units')?.quotaYears ?? {};
  const figures = (name: string, mergedSince: IsoDate | null = null): UnitFigures => {
    const key = foldKey(name);
    const p = people.get(key) ?? { staff: 0, heads: 0, deputies: 0 };
    const unit = unitByKey.get(key);
    return { unit: unit?.unit ?? name, ...quotaBrought(unit, quotaYears, mergedSince), ...p, mergedSince };
  };

  const groups: MergerGroup[] = [];
  const order: string[] = [];
  const byTarget = new Map<string, MergerPlanRecord[]>();
  for (const r of plan.filter((p) => p.form !== 'dissolve')) {
    const key = `${foldKey(r.toUnit)}|${r.form === 'transferFunction' ? 'function' : 'structure'}`;
    if (!byTarget.has(key)) order.push(key);
    byTarget.set(key, [...(byTarget.get(key) ?? []), r]);
  }
  for (const key of order) {
    const rows = byTarget.get(key) as MergerPlanRecord[];
    const form = rows[0].form ?? 'merge';
    const toKey = foldKey(rows[0].toUnit);
    const target = unitByKey.get(toKey);
    // A source merged before the structure's day is no unit on it: it is shown with what it brought, and that date.
    const from = rows.map((r) => figures(r.fromUnit, form !== 'transferFunction' && r.effectiveDate && r.effectiveDate < date ? r.effectiveDate : null));
    const own = isNew(toKey) ? { ...figures(rows[0].toUnit), quota: null, quotaYear: null } : figures(rows[0].toUnit);
    // A function moves no staff: the receiving unit's own figures are its figures after.
    const moving = form === 'transferFunction' ? [] : from;
    const effectiveDate = rows.map((r) => r.effectiveDate).filter((d): d is IsoDate => d !== undefined).sort().pop() ?? null;
    const before = countsOf([own, ...moving]);
    const quota = target?.currentQuota ?? before.quota;
    const counts = { staff: before.staff, heads: before.heads, deputies: before.deputies };
    const maxDeputies = target?.maxDeputies ?? DEFAULT_MAX_DEPUTIES;
    groups.push({
      toUnit: target?.unit ?? rows[0].toUnit, form, effectiveDate, isNew: isNew(toKey), ...(target?.block ? { block: target.block } : {}), sources: from, own, before,
      after: {
        quota, ...counts, maxDeputies, surplusDeputies: Math.max(0, counts.deputies - maxDeputies), surplusStaff: Math.max(0, counts.staff - quota),
        deadline: effectiveDate ? addMonths(effectiveDate, 12 * YEARS_TO_ABSORB_SURPLUS) : null,
      },
    });
  }

  const structural = groups.filter((g) => g.form !== 'transferFunction');
  const goneKeys = new Set(plan.filter((r) => STRUCTURAL.includes(r.form ?? 'merge')).map((r) => foldKey(r.fromUnit)));
  const before = units.filter((u) => !isNew(foldKey(u.unit)));
  const after = units.filter((u) => !goneKeys.has(foldKey(u.unit)));
  for (const g of structural) if (g.isNew && !unitByKey.has(foldKey(g.toUnit))) after.push({ sheet: '', row: 0, unit: g.toUnit, maxDeputies: DEFAULT_MAX_DEPUTIES });

  return {
    kind: 'merger', period: { from: dates[0] ?? date, to: date }, generatedAt: params.generatedAt, source: sources, issues, date,
    unitsBefore: before.length, unitsAfter: after.length, unitsReduced: before.length - after.length,
    groups,
    transfers: plan.filter((r) => r.form === 'transferFunction').map((r) => ({ fromUnit: r.fromUnit, toUnit: r.toUnit, effectiveDate: r.effectiveDate ?? null, ...(r.note ? { note: r.note } : {}) })),
    dissolved: plan.filter((r) => r.form === 'dissolve').map((r) => ({ unit: r.fromUnit, effectiveDate: r.effectiveDate ?? null })),
    structureAfter: after.map((u) => ({ unit: u.unit, ...(u.block ? { block: u.block } : {}), isNew: isNew(foldKey(u.unit)) })),
    totals: {
      before: { quota: sum(structural, (g) => g.before.quota), staff: sum(structural, (g) => g.before.staff), heads: sum(structural, (g) => g.before.heads), deputies: sum(structural, (g) => g.before.deputies) },
      after: {
        quota: sum(structural, (g) => g.after.quota), staff: sum(structural, (g) => g.after.staff), heads: sum(structural, (g) => g.after.heads), deputies: sum(structural, (g) => g.after.deputies),
        surplusDeputies: sum(structural, (g) => g.after.surplusDeputies), surplusStaff: sum(structural, (g) => g.after.surplusStaff),
      },
    },
  };
}
