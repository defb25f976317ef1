import type { Block, Category, MemberStatus, MergerForm, OrgLevel, Rating, ReductionForm, Sex, StaffStatus, TaskStatus } from './vocabulary';

/** Where a record came from, so that every figure can be traced back to a row. */
export interface Origin {
  sheet: string;
  /** 1-based row number in the sheet. */
  row: number;
  /** The input file, when several workbooks are consolidated. */
  file?: string;
}

/** ISO dates `YYYY-MM-DD`: comparable as strings, free of time zones. */
export type IsoDate = string;

export interface StaffRecord {
  origin: Origin;
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
  grade?: string;
  gradeCode?: string;
  salaryCoefficient?: number;
  qualification?: string;
  politicalTheory?: string;
  ethnicity?: string;
  partyMember?: boolean;
  partyJoinDate?: IsoDate;
}

export interface UnitRecord {
  origin: Origin;
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

export interface MergerPlanRecord {
  origin: Origin;
  fromUnit: string;
  toUnit: string;
  form?: MergerForm;
  effectiveDate?: IsoDate;
  note?: string;
}

export interface MemberRecord {
  origin: Origin;
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

export interface OrgRecord {
  origin: Origin;
  name: string;
  level?: OrgLevel;
  parent?: string;
  foundedDate?: IsoDate;
  /** Ratings by year, from "Xếp loại <year>" columns. */
  ratings: Record<number, Rating>;
  eHandbook?: boolean;
}

export interface TargetRecord {
  origin: Origin;
  /** Undefined when the sheet gives no year. */
  year?: number;
  admissionPlan?: number;
  population?: number;
  memberShareTarget?: number;
  goodOrBetterTarget?: number;
}

export interface TaskRecord {
  origin: Origin;
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
