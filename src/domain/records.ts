import type { IsoDate } from './calendar';
import type { Block, Category, MemberStatus, MergerForm, OrgLevel, Rating, ReductionForm, Sex, StaffStatus, TaskStatus } from './vocabulary';

/**
 * Where a record came from, so that every figure can be traced back to a row. Every record is its
 * own origin (its `sheet`, `row` and `file` are fields of it): a list of 100,000 rows makes no
 * second object a row for it.
 */
export interface Origin {
  sheet: string;
  /** 1-based row number in the sheet. */
  row: number;
  /** The input file, when several workbooks are consolidated. */
  file?: string;
}

export type { IsoDate } from './calendar';

/**
 * A cell kept as typed, for a report to read by its own rules (the benefits report reads its pay
 * cells with domain/monthlySalary.ts, which gives a problem in Vietnamese that it puts at `cell`):
 * a number, date or yes/no as the workbook holds it, a text repaired from legacy encodings and tidied.
 */
export interface RawCell {
  value: string | number | boolean | Date;
  /** The cell's address in its sheet ("M7"): the record's `sheet` names the sheet. */
  cell: string;
  /** The cell's number format, where the reader knows it (a % cell): parsePercent wants it. */
  format?: string;
}

/**
 * The benefit columns of a staff list (chế độ chính sách, docs/reports.md), read when present and
 * kept raw (docs/decisions.md): the benefits report reads them. Undefined fields are blank cells or
 * columns the sheet lacks.
 */
export interface StaffBenefits {
  salaryCoefficient?: RawCell;
  leadershipCoefficient?: RawCell;
  overGradePercent?: RawCell;
  seniorityPercent?: RawCell;
  preferentialPercent?: RawCell;
  responsibilityPercent?: RawCell;
  publicServicePercent?: RawCell;
  partyWorkPercent?: RawCell;
  monthlySalary?: RawCell;
  insuredTime?: RawCell;
  /** How a bare number of insuredTime reads: 'months' when its column's header says "(tháng)" (parseInsuredTime's unit). */
  insuredTimeUnit: 'years' | 'months';
  decisionDate?: IsoDate;
  /** What the unit computed itself (đơn vị kê khai): audited against tochuc's figures, never used for them. */
  declaredTotal?: RawCell;
  declared: Partial<Record<DeclaredAllowance, RawCell>>;
}

/** The allowances a unit's sheet may declare in columns of their own (docs/reports.md, "Staff fields for benefits"). */
export type DeclaredAllowance = 'pensionAllowance' | 'earlyYearsAllowance' | 'insuranceAllowance' | 'severanceAllowance' | 'insuranceYearsAllowance' | 'jobSearchAllowance';

/**
 * A person of a staff list. The list's optional columns (Ngạch, Mã ngạch, Trình độ chuyên môn, Lý
 * luận chính trị, Dân tộc, Đảng viên, Ngày vào Đảng) are recognised in its header but not read into
 * records: no report uses them (docs/decisions.md, "Reading sheets"). The benefit columns are read
 * into `benefits`.
 */
export interface StaffRecord extends Origin {
  fullName: string;
  birthDate?: IsoDate;
  /** True when only the birth year is known. */
  birthYearOnly?: boolean;
  sex?: Sex;
  unit: string;
  position?: string;
  category?: Category;
  status: StaffStatus;
  leftDate?: IsoDate;
  reductionForm?: ReductionForm;
  basis?: string;
  /** Undefined when the sheet has none of the benefit columns. */
  benefits?: StaffBenefits;
}

export interface UnitRecord extends Origin {
  unit: string;
  block?: Block;
  baselineQuota?: number;
  currentQuota?: number;
  maxDeputies: number;
  note?: string;
}

/** The quota years read from the units sheet's headers ("Biên chế giao năm 2015"). */
export interface QuotaYears {
  baselineYear?: number;
  currentYear?: number;
}

export interface MergerPlanRecord extends Origin {
  fromUnit: string;
  toUnit: string;
  form?: MergerForm;
  effectiveDate?: IsoDate;
  note?: string;
}

export interface MemberRecord extends Origin {
  fullName: string;
  birthDate?: IsoDate;
  birthYearOnly?: boolean;
  sex?: Sex;
  ethnicity?: string;
  religion?: string;
  education?: string;
  politicalTheory?: string;
  cardNumber?: string;
  partyCell: string;
  baseOrg?: string;
  joinDate: IsoDate;
  officialDate?: IsoDate;
  status: MemberStatus;
  statusDate?: IsoDate;
  /** Badges already received, in years ("30 năm" → [30]). */
  badgeYears: number[];
  /** Months spent outside the Party, where a column records them (they do not count towards party age). */
  monthsOutside?: number;
}

export interface OrgRecord extends Origin {
  name: string;
  level?: OrgLevel;
  parent?: string;
  foundedDate?: IsoDate;
  /** Ratings by year, from "Xếp loại <year>" columns. */
  ratings: Record<number, Rating>;
  eHandbook?: boolean;
}

export interface TargetRecord extends Origin {
  /** Undefined when the sheet gives no year. */
  year?: number;
  admissionPlan?: number;
  population?: number;
  memberShareTarget?: number;
  goodOrBetterTarget?: number;
}

export interface TaskRecord extends Origin {
  task: string;
  owner?: string;
  deadline?: IsoDate;
  status: TaskStatus;
  /** From the "Năm" column, else the deadline's year. */
  year?: number;
}

export interface RecordsByKind {
  staff: StaffRecord;
  units: UnitRecord;
  mergerPlan: MergerPlanRecord;
  members: MemberRecord;
  orgs: OrgRecord;
  targets: TargetRecord;
  tasks: TaskRecord;
}
export type SheetKind = keyof RecordsByKind;
export const SHEET_KINDS: readonly SheetKind[] = ['staff', 'units', 'mergerPlan', 'members', 'orgs', 'targets', 'tasks'];
export const SHEET_KIND_LABELS: Record<SheetKind, string> = {
  staff: 'Danh sách CBCCVC, NLĐ',
  units: 'Đơn vị và biên chế',
  mergerPlan: 'Phương án sắp xếp',
  members: 'Danh sách đảng viên',
  orgs: 'Tổ chức đảng',
  targets: 'Chỉ tiêu',
  tasks: 'Nhiệm vụ đăng ký',
};
