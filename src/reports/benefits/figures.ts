import { addMonths, type IsoDate } from '../../domain/calendar';
import {
  personBenefits, roundDong, type BenefitProblem, type LeavingForm, type PersonBenefits,
} from '../../domain/benefits';
import type { Issue } from '../../domain/issues';
import {
  baseSalaryOn, parseAmount, parseCoefficient, parseInsuredTime, parsePercent, monthlySalary, type Reading, type SalaryParts,
} from '../../domain/monthlySalary';
import { inPeriod, type Period } from '../../domain/period';
import type { DeclaredAllowance, RawCell, StaffBenefits, StaffRecord } from '../../domain/records';
import { birthMonthOf, statutoryRetirement } from '../../domain/retirement';
import { foldKey } from '../../domain/text';
import { viNumber } from '../../domain/viNumbers';
import type { Category, Sex } from '../../domain/vocabulary';
import { fieldCellOf, type WorkbookIngest } from '../../ingest/ingestWorkbook';

/**
 * Chế độ chính sách đối với người nghỉ việc do sắp xếp tổ chức bộ máy (docs/reports.md, "benefits"):
 * for each person who left in the period by early retirement or resignation, the monthly salary
 * (domain/monthlySalary.ts) and the allowances (domain/benefits.ts); the totals by form and unit;
 * the unit's own figures checked against them; and the people reaching retirement age soon. The keys
 * are a contract.
 */

/** A person leaving: who, the inputs, and the domain's figures (PersonBenefits: each allowance in whole đồng, 0 where one does not apply). */
export interface BenefitPerson extends PersonBenefits {
  fullName: string;
  unit: string;
  position?: string;
  category?: Category;
  sex: Sex;
  birthDate: IsoDate;
  form: LeavingForm;
  decisionDate: IsoDate;
  leftDate: IsoDate;
  /** 'amount': the unit's own figure was used; 'coefficients': computed with `baseSalary`. */
  salaryBasis: 'amount' | 'coefficients';
  /** The base salary the monthly salary was computed with (coefficients only). */
  baseSalary?: number;
  /** Months of salary to find work: 3 for cadres and civil servants who resign, else 0. */
  jobSearchMonths: number;
  sheet: string;
  row: number;
  file?: string;
}

/** A figure the unit declared that differs from tochuc's by more than 1 đồng. */
export interface AuditLine {
  fullName: string;
  unit: string;
  sheet: string;
  cell: string;
  file?: string;
  field: DeclaredAllowance | 'total';
  declared: number;
  computed: number;
}

/** An active person whose statutory pension starts in the period or the 12 months after it. */
export interface RetirementDue {
  fullName: string;
  unit: string;
  position?: string;
  birthDate: IsoDate;
  sex: Sex;
  statutoryPensionStart: IsoDate;
  sheet: string;
  row: number;
}

export interface FormTotals {
  count: number;
  total: number;
}

export interface UnitTotals {
  unit: string;
  count: number;
  total: number;
  earlyRetirement: FormTotals;
  resignation: FormTotals;
}

export interface BenefitsReport {
  kind: 'benefits';
  period: Period;
  generatedAt: string;
  source: string[];
  issues: Issue[];
  benefits: {
    people: BenefitPerson[];
    count: number;
    total: number;
    byForm: { earlyRetirement: FormTotals; resignation: FormTotals };
    byUnit: UnitTotals[];
    /** The base salary the salaries were computed with: the override, or the table's for most people; null when every salary was the unit's own figure. */
    baseSalary: number | null;
    /** Every base salary used, with its source and how many people it served. */
    baseSalaries: Array<{ amount: number; source: string; people: number }>;
    /** The people who left under these forms but could not be computed (errors at their cells). */
    notComputed: number;
    audit: AuditLine[];
  };
  /** Active people whose statutory pension starts from the period's first day to `until` (12 months after its last). */
  retirement: { due: RetirementDue[]; until: IsoDate };
}

export interface BenefitsParams {
  period: Period;
  generatedAt: string;
  /** The restructuring decision's effective day for everyone whose row has none (--decision-date). */
  decisionDate?: IsoDate;
  /** Overrides the dated base-salary table (--base-salary). */
  baseSalary?: number;
}

const LEAVING_FORMS: ReadonlySet<string> = new Set<LeavingForm>(['earlyRetirement', 'resignation', 'resignationAfterTraining']);
const FIELD_LABEL: Record<DeclaredAllowance | 'total', string> = {
  pensionAllowance: 'trợ cấp hưu trí một lần cho thời gian nghỉ sớm',
  earlyYearsAllowance: 'trợ cấp cho số năm nghỉ sớm',
  insuranceAllowance: 'trợ cấp theo thời gian công tác có đóng BHXH',
  severanceAllowance: 'trợ cấp thôi việc',
  insuranceYearsAllowance: 'trợ cấp theo số năm đóng BHXH',
  jobSearchAllowance: 'trợ cấp tìm việc làm',
  total: 'tổng số tiền',
};
export { FIELD_LABEL as AUDIT_FIELD_LABELS };

const SALARY_CELLS: ReadonlyArray<[keyof StaffBenefits & keyof SalaryParts, 'coefficient' | 'percent']> = [
  ['salaryCoefficient', 'coefficient'], ['leadershipCoefficient', 'coefficient'], ['overGradePercent', 'percent'], ['seniorityPercent', 'percent'],
  ['preferentialPercent', 'percent'], ['responsibilityPercent', 'percent'], ['publicServicePercent', 'percent'], ['partyWorkPercent', 'percent'],
];

/** Where a person's problems go: the cell of the input at fault, in the first of the columns named that the sheet has. */
interface Cells {
  of(s: StaffRecord, fields: readonly string[]): string;
}

type Problem = { cell: string; message: string; severity: 'error' | 'warning'; code: string };

/**
 * The monthly salary of a person from the sheet's cells: the unit's own amount when filled, else the
 * coefficients and percentages with the base salary of the month before leaving (or the override).
 * Unreadable cells are problems at their cells.
 */
function salaryOf(b: StaffBenefits, leftDate: IsoDate, override: number | undefined, at: string): Reading<{ amount: number; basis: 'amount' | 'coefficients'; base?: { amount: number; source: string } }> & { problems?: Problem[] } {
  const problems: Problem[] = [];
  const read = <T>(cell: RawCell | undefined, f: (c: RawCell) => Reading<T | null>): T | null => {
    if (!cell) return null;
    const r = f(cell);
    if ('problem' in r) {
      problems.push({ cell: cell.cell, message: r.problem, severity: 'error', code: 'benefits.unreadable' });
      return null;
    }
    return r.value;
  };
  const typed = read(b.monthlySalary, (c) => parseAmount(c.value));
  if (problems.length) return { problem: problems[0].message, problems };
  if (typed !== null) return { value: { amount: roundDong(typed), basis: 'amount' } };
  const parts: SalaryParts = {};
  for (const [key, kind] of SALARY_CELLS) {
    parts[key] = read(b[key] as RawCell | undefined, (c) => (kind === 'coefficient' ? parseCoefficient(c.value) : parsePercent(c.value, c.format)));
  }
  if (problems.length) return { problem: problems[0].message, problems };
  if (parts.salaryCoefficient == null) return { problem: 'none' };
  const base = baseSalaryOn(leftDate, override);
  if ('problem' in base) return { problem: base.problem, problems: [{ cell: at, message: base.problem, severity: 'error', code: 'benefits.noBaseSalary' }] };
  const salary = monthlySalary(parts, base.value.amount);
  if ('problem' in salary) return { problem: salary.problem, problems: [{ cell: b.salaryCoefficient?.cell ?? at, message: salary.problem, severity: 'error', code: 'benefits.noSalary' }] };
  return { value: { amount: salary.value.amount, basis: 'coefficients', base: { amount: base.value.amount, source: base.value.source } } };
}

/** The columns where each input of the domain rules is, first choice first. */
const INPUT_COLUMNS: Record<BenefitProblem['field'], readonly string[]> = {
  monthlySalary: ['monthlySalary', 'salaryCoefficient', 'fullName'],
  insuredTime: ['insuredTime', 'fullName'],
  birthDate: ['birthDate', 'sex', 'fullName'],
  leftDate: ['leftDate', 'fullName'],
  decisionDate: ['decisionDate', 'fullName'],
};

/** The problem of a domain rule, at the cell of its input. */
function problemAt(p: BenefitProblem, s: StaffRecord, cells: Cells): Problem {
  return { cell: cells.of(s, INPUT_COLUMNS[p.field]), message: p.message, severity: p.severity, code: p.code };
}

const HINTS: Record<string, string> = {
  'benefits.noSalary': 'Ghi hệ số lương (và các phụ cấp), hoặc tiền lương tháng hiện hưởng.',
  'benefits.unreadable': 'Sửa ô theo dạng đã nêu.',
  'benefits.noBaseSalary': 'Nhập mức lương cơ sở (--base-salary).',
  'benefits.noInsuredTime': 'Ghi thời gian đóng BHXH bắt buộc, ví dụ "33 năm 07 tháng".',
  'benefits.noBirth': 'Ghi ngày sinh và giới tính.',
  'benefits.noLeftDate': 'Ghi ngày nghỉ việc (với nghỉ hưu trước tuổi: ngày bắt đầu hưởng lương hưu).',
  'benefits.noDecisionDate': 'Ghi ngày hiệu lực của quyết định sắp xếp, hoặc dùng --decision-date.',
  'benefits.notEarly': 'Người nghỉ từ thời điểm đủ tuổi nghỉ hưu hưởng chế độ hưu trí thông thường.',
  'benefits.tooEarly': 'Kiểm tra ngày sinh và ngày nghỉ; trường hợp này xem xét theo chế độ thôi việc.',
  'benefits.fewInsuredYears': 'Kiểm tra thời gian đóng BHXH bắt buộc.',
  'benefits.insuredAssumed': 'Ghi rõ "năm", "tháng", hoặc ghi "(tháng)" ở tiêu đề cột.',
};

/** A person's allowances, or the problems that keep them out of the totals. */
/** `baseSource`: the text that set the base salary the person's pay was computed with (coefficients only). */
function personOf(s: StaffRecord, params: BenefitsParams, cells: Cells): { person?: BenefitPerson; problems: Problem[]; baseSource?: string } {
  const b = s.benefits ?? { insuredTimeUnit: 'years' as const, declared: {} };
  const leftDate = s.leftDate as IsoDate;
  const problems: Problem[] = [];
  const salary = salaryOf(b, leftDate, params.baseSalary, cells.of(s, INPUT_COLUMNS.monthlySalary));
  if (salary.problems) problems.push(...salary.problems);
  let insuredMonths: number | undefined;
  if (b.insuredTime) {
    const read = parseInsuredTime(b.insuredTime.value, b.insuredTimeUnit);
    if ('problem' in read) problems.push({ cell: b.insuredTime.cell, message: read.problem, severity: 'error', code: 'benefits.unreadable' });
    else if (read.value) {
      insuredMonths = read.value.months;
      if (read.value.assumed) problems.push({ cell: b.insuredTime.cell, message: read.value.assumed, severity: 'warning', code: 'benefits.insuredAssumed' });
    }
  }
  const outcome = personBenefits({
    form: s.reductionForm as LeavingForm, category: s.category, sex: s.sex, birth: birthMonthOf(s),
    monthlySalary: 'value' in salary ? salary.value.amount : undefined,
    insuredMonths,
    leftDate, decisionDate: b.decisionDate ?? params.decisionDate,
  });
  for (const p of outcome.problems) {
    // An unreadable cell already says what is wrong with it; the domain's "no salary" or "no insured time" would say it again.
    if (p.field === 'monthlySalary' && salary.problems) continue;
    if (p.field === 'insuredTime' && p.code === 'benefits.noInsuredTime' && problems.some((q) => q.cell === b.insuredTime?.cell)) continue;
    problems.push(problemAt(p, s, cells));
  }
  const r: PersonBenefits | undefined = outcome.benefits;
  if (!r || !('value' in salary)) return { problems };
  return {
    problems,
    ...(salary.value.base ? { baseSource: salary.value.base.source } : {}),
    person: {
      fullName: s.fullName, unit: s.unit, position: s.position, category: s.category, sex: s.sex as Sex, birthDate: s.birthDate as IsoDate,
      form: s.reductionForm as LeavingForm, decisionDate: (b.decisionDate ?? params.decisionDate) as IsoDate, leftDate,
      ...r, salaryBasis: salary.value.basis, baseSalary: salary.value.base?.amount, jobSearchMonths: r.jobSearchAllowance > 0 ? 3 : 0,
      sheet: s.sheet, row: s.row, ...(s.file !== undefined ? { file: s.file } : {}),
    },
  };
}

/** The unit's declared figures that differ from the computed ones by more than 1 đồng; an unreadable one is a warning at its cell. */
function auditOf(s: StaffRecord, p: BenefitPerson, issues: Issue[]): AuditLine[] {
  const b = s.benefits;
  if (!b) return [];
  const lines: AuditLine[] = [];
  const check = (field: DeclaredAllowance | 'total', cell: RawCell | undefined, computed: number) => {
    if (!cell) return;
    const read = typeof cell.value === 'number' && cell.value === 0 ? { value: 0 } : parseAmount(cell.value);
    if ('problem' in read) {
      issues.push({ sheet: s.sheet, cell: cell.cell, ...(s.file !== undefined ? { file: s.file } : {}), severity: 'warning', code: 'benefits.declaredUnreadable', message: `${s.fullName}: ${FIELD_LABEL[field]} đơn vị kê khai: ${read.problem}`, hint: 'Sửa ô để đối chiếu được.' });
      return;
    }
    const declared = read.value ?? 0;
    if (Math.abs(declared - computed) > 1) {
      lines.push({ fullName: s.fullName, unit: p.unit, sheet: s.sheet, cell: cell.cell, ...(s.file !== undefined ? { file: s.file } : {}), field, declared, computed });
    }
  };
  for (const field of Object.keys(FIELD_LABEL) as Array<DeclaredAllowance | 'total'>) {
    if (field === 'total') check('total', b.declaredTotal, p.total);
    else check(field, b.declared[field], p[field]);
  }
  return lines;
}

const formOf = (p: BenefitPerson): 'earlyRetirement' | 'resignation' => (p.form === 'earlyRetirement' ? 'earlyRetirement' : 'resignation');

export function benefitsReport(book: WorkbookIngest, params: BenefitsParams): BenefitsReport {
  const { period } = params;
  const staff = book.records.staff as StaffRecord[];
  const source = book.sheets.filter((s) => s.kind === 'staff').map((s) => s.sheet);
  const issues: Issue[] = book.issues.filter((i) => source.includes(i.sheet));
  if (!book.sheets.some((s) => s.kind === 'staff')) {
    issues.push({ sheet: 'tochuc', cell: 'A1', severity: 'error', code: 'staff.none', message: 'Không tìm thấy danh sách cán bộ, công chức, viên chức (cần cột Họ và tên, Đơn vị): báo cáo không có người nghỉ việc.', hint: 'Mở trang danh sách CBCCVC, hoặc chọn cột trong ngăn tác vụ (Dữ liệu) / --map fullName="…".' });
  }
  const finders = new Map<string, (o: StaffRecord) => string>();
  const cells: Cells = {
    of: (s, fields) => {
      const key = fields.join();
      let f = finders.get(key);
      if (!f) finders.set(key, (f = fieldCellOf(book.sheets, fields)));
      return f(s);
    },
  };
  const people: BenefitPerson[] = [];
  const audit: AuditLine[] = [];
  const due: RetirementDue[] = [];
  const dueUntil = addMonths(period.to, 12);
  let notComputed = 0;
  // The text that set each base salary used, as the salaries were computed.
  const sources = new Map<number, string>();
  for (const s of staff) {
    if (s.status === 'active' || (s.leftDate !== undefined && s.leftDate > period.to)) {
      const birth = birthMonthOf(s);
      if (birth && s.sex) {
        const start = statutoryRetirement(birth, s.sex).pensionStart;
        if (start >= period.from && start <= dueUntil) {
          due.push({ fullName: s.fullName, unit: s.unit, position: s.position, birthDate: s.birthDate as IsoDate, sex: s.sex, statutoryPensionStart: start, sheet: s.sheet, row: s.row });
        }
      }
      continue;
    }
    if (s.status !== 'reduced' || !s.reductionForm || !LEAVING_FORMS.has(s.reductionForm) || !inPeriod(s.leftDate, period)) continue;
    const { person, problems, baseSource } = personOf(s, params, cells);
    for (const p of problems) {
      issues.push({ sheet: s.sheet, cell: p.cell, ...(s.file !== undefined ? { file: s.file } : {}), severity: p.severity, code: p.code, message: `${s.fullName}: ${p.message}`, hint: HINTS[p.code] });
    }
    if (!person) {
      notComputed++;
      continue;
    }
    people.push(person);
    if (person.baseSalary !== undefined && baseSource !== undefined && !sources.has(person.baseSalary)) sources.set(person.baseSalary, baseSource);
    audit.push(...auditOf(s, person, issues));
  }
  const byForm = { earlyRetirement: { count: 0, total: 0 }, resignation: { count: 0, total: 0 } };
  const units = new Map<string, UnitTotals>();
  const bases = new Map<number, { amount: number; source: string; people: number }>();
  for (const p of people) {
    const form = formOf(p);
    byForm[form].count++;
    byForm[form].total += p.total;
    const key = foldKey(p.unit);
    const u = units.get(key) ?? { unit: p.unit, count: 0, total: 0, earlyRetirement: { count: 0, total: 0 }, resignation: { count: 0, total: 0 } };
    u.count++;
    u.total += p.total;
    u[form].count++;
    u[form].total += p.total;
    units.set(key, u);
    if (p.baseSalary !== undefined) {
      const base = bases.get(p.baseSalary) ?? { amount: p.baseSalary, source: sources.get(p.baseSalary) ?? '', people: 0 };
      base.people++;
      bases.set(p.baseSalary, base);
    }
  }
  const baseSalaries = [...bases.values()].sort((a, b) => b.people - a.people || b.amount - a.amount);
  // Units in the order of the lists (the workbooks' order, then rows); people by day of leaving (stable: then by list order).
  people.sort((a, b) => (a.leftDate < b.leftDate ? -1 : a.leftDate > b.leftDate ? 1 : 0));
  due.sort((a, b) => (a.statutoryPensionStart < b.statutoryPensionStart ? -1 : a.statutoryPensionStart > b.statutoryPensionStart ? 1 : 0));
  return {
    kind: 'benefits', period, generatedAt: params.generatedAt, source, issues,
    benefits: {
      people, count: people.length, total: people.reduce((n, p) => n + p.total, 0), byForm, byUnit: [...units.values()],
      baseSalary: params.baseSalary ?? baseSalaries[0]?.amount ?? null, baseSalaries, notComputed, audit,
    },
    retirement: { due, until: dueUntil },
  };
}

/** "2.340.000 đồng (Nghị định 73/2024/NĐ-CP, Điều 3)": a base salary as the report's text names it. */
export function baseSalaryText(base: { amount: number; source: string }): string {
  return `${viNumber(base.amount)} đồng (${base.source})`;
}
