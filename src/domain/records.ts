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

/** 0–9 for a digit character's code, anything else outside that range (as unsigned: huge below "0"). */
const digitAt = (text: string, i: number) => text.charCodeAt(i) - 48;

/**
 * An ISO date's day as one number that orders as the dates do (year × 416 + month × 32 + day),
 * read from its digits without building a string (sorting and grouping thousands of records);
 * -1 unless the text is `YYYY-MM-DD` with digits where they belong.
 */
export function isoDayNumber(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return -1;
  const y1 = digitAt(iso, 0), y2 = digitAt(iso, 1), y3 = digitAt(iso, 2), y4 = digitAt(iso, 3);
  const m1 = digitAt(iso, 5), m2 = digitAt(iso, 6), d1 = digitAt(iso, 8), d2 = digitAt(iso, 9);
  if ((y1 >>> 0) > 9 || (y2 >>> 0) > 9 || (y3 >>> 0) > 9 || (y4 >>> 0) > 9 || (m1 >>> 0) > 9 || (m2 >>> 0) > 9 || (d1 >>> 0) > 9 || (d2 >>> 0) > 9) return -1;
  return (y1 * 1000 + y2 * 100 + y3 * 10 + y4) * 416 + (m1 * 10 + m2) * 32 + d1 * 10 + d2;
}

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
