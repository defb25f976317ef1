import type { MemberRecord, StaffBenefits, MergerPlanRecord, OrgRecord, QuotaYears, RecordsByKind, SheetKind, StaffRecord, TaskRecord, UnitRecord } from '../domain/records';
import { effectiveStaffStatus, parseBadgeYears } from '../domain/rules';
import { blocks, categories, memberStatuses, mergerForms, orgLevels, ratings, reductionForms, sexes, staffStatuses, taskStatuses, type Rating, type Sex } from '../domain/vocabulary';
import { isBlank } from './grid';
import { keepShape } from './keepShape';
import type { RowReader } from './reader';
import type { ParsedDate } from './values';

/**
 * Builds one record from the reader's current row (`row`: its 1-based row in the sheet), or returns
 * undefined after raising the issue that explains why.
 */
export type RowBuilder<K extends SheetKind> = (row: number) => RecordsByKind[K] | undefined;

/** The sheet and file every record of a sheet carries (each record is its own origin). */
export interface Place {
  sheet: string;
  file: string | undefined;
}

/**
 * Each kind's builder is made once per sheet: columns are resolved up front, so that the row
 * function does no look-up by name (100,000-row sheets stay fast), and records are whole object
 * literals (one shape per kind; absent fields undefined). The row function calls the reader's
 * methods itself, with the columns: a closure per field, made anew for every sheet, is a call V8
 * does not inline.
 */
type BuilderFactory<K extends SheetKind> = (r: RowReader, place: Place, quotaYears: QuotaYears) => RowBuilder<K>;

/** Each field's first column, undefined where the sheet lacks the field (the reader then answers undefined). */
function columnsOf<F extends string>(r: RowReader, fields: readonly F[]): { readonly [K in F]: number | undefined } {
  const cols = {} as { [K in F]: number | undefined };
  for (const field of fields) cols[field] = r.col(field);
  // The first of each kind is kept, and with it the hidden class its builder is compiled against (see keepShape).
  const kind = fields.join();
  if (!columnShapes.has(kind)) {
    columnShapes.add(kind);
    keepShape(cols);
  }
  return cols;
}
const columnShapes = new Set<string>();

function missing(r: RowReader, field: string, label: string): undefined {
  r.issueAt(r.col(field) ?? 0, 'warning', 'row.missingRequired', `Dòng bị bỏ qua: thiếu ${label}.`, `Điền ${label} cho dòng này, hoặc xóa dòng nếu không phải bản ghi.`);
  return undefined;
}

interface Birth {
  birthDate: string | undefined;
  birthYearOnly: boolean | undefined;
  sex: Sex | undefined;
}

/**
 * Where a sheet keeps the birth date: one column, or the "Nam" | "Nữ" pair under "Ngày sinh" (which
 * also gives the sex); `out` is the one result object of the sheet, refilled for each row.
 */
interface BirthColumns {
  split: Array<{ col: number; sex: Sex }>;
  plain: number | undefined;
  sex: number | undefined;
  out: Birth;
}

function birthColumns(r: RowReader): BirthColumns {
  const cols = r.columns.get('birthDate') ?? [];
  return {
    split: cols.flatMap((c) => (c.qualifier === 'male' || c.qualifier === 'female' ? [{ col: c.col, sex: c.qualifier }] : [])),
    plain: cols.find((c) => c.qualifier === undefined)?.col,
    sex: r.col('sex'),
    out: { birthDate: undefined, birthYearOnly: undefined, sex: undefined },
  };
}

/** The row's birth: its fields are copied into the record at once. */
function readBirth(r: RowReader, cols: BirthColumns): Birth {
  const out = cols.out;
  for (const c of cols.split) {
    const d = r.dateAt(c.col, 'Ngày sinh', 'warning', false);
    if (d) {
      out.birthDate = d.iso;
      out.birthYearOnly = d.precision === 'year' || undefined;
      out.sex = c.sex;
      return out;
    }
  }
  const d = r.dateAt(cols.plain, 'Ngày sinh', 'warning', false);
  out.birthDate = d?.iso;
  out.birthYearOnly = (d && d.precision === 'year') || undefined;
  out.sex = r.vocabAt(cols.sex, sexes, 'Giới tính');
  return out;
}

/**
 * Whether a date (already known to sort before the birth date) is before it at the precision both
 * are known to: a bare year ("2019", read as 01/01) is before a birth in 2019 only by its year.
 * Called only on the rare rows whose dates sort that way, so the common row pays one comparison.
 */
function datedBeforeBirth(date: Readonly<ParsedDate>, birth: Birth): boolean {
  const digits = date.precision === 'year' || birth.birthYearOnly ? 4 : date.precision === 'month' ? 7 : 10;
  return date.iso.slice(0, digits) < (birth.birthDate as string).slice(0, digits);
}

/** dd/mm/yyyy, or the year alone when that is all that is known. */
function dayText(date: Readonly<ParsedDate>): string {
  if (date.precision === 'year') return date.iso.slice(0, 4);
  if (date.precision === 'month') return `${date.iso.slice(5, 7)}/${date.iso.slice(0, 4)}`;
  return `${date.iso.slice(8, 10)}/${date.iso.slice(5, 7)}/${date.iso.slice(0, 4)}`;
}

function birthText(birth: Birth): string {
  return dayText({ iso: birth.birthDate as string, precision: birth.birthYearOnly ? 'year' : 'day' });
}

/** The leaving date, or undefined after an issue at it when it is before the birth date. */
function leftUnlessBeforeBirth(r: RowReader, col: number | undefined, name: string, left: Readonly<ParsedDate>, birth: Birth, active: boolean): Readonly<ParsedDate> | undefined {
  if (!datedBeforeBirth(left, birth)) return left;
  r.issueAt(col ?? 0, active ? 'warning' : 'error', 'date.leftBeforeBirth', `${name}: ngày nghỉ ${dayText(left)} trước ngày sinh ${birthText(birth)}.`, 'Kiểm tra lại ngày nghỉ và ngày sinh theo hồ sơ.');
  return undefined;
}

const STAFF_COLUMNS = ['fullName', 'unit', 'status', 'reductionForm', 'leftDate', 'position', 'category', 'basis'] as const;
type StaffColumns = ReturnType<typeof columnsOf<(typeof STAFF_COLUMNS)[number]>>;

const BENEFIT_COLUMNS = [
  'salaryCoefficient', 'leadershipCoefficient', 'overGradePercent', 'seniorityPercent', 'preferentialPercent', 'responsibilityPercent',
  'publicServicePercent', 'partyWorkPercent', 'monthlySalary', 'insuredTime', 'decisionDate', 'declaredTotal',
  'declaredPensionAllowance', 'declaredEarlyYearsAllowance', 'declaredInsuranceAllowance', 'declaredSeveranceAllowance',
  'declaredInsuranceYearsAllowance', 'declaredJobSearchAllowance',
] as const;
type BenefitColumns = ReturnType<typeof columnsOf<(typeof BENEFIT_COLUMNS)[number]>> & { insuredTimeUnit: 'years' | 'months' };

/** A header that says its numbers are months: "Thời gian đóng BHXH (tháng)", "… (số tháng)". */
const MONTHS_HEADER = /\(\s*(số\s+)?tháng\s*\)/;

/** The sheet's benefit columns, or undefined when it has none (its records then carry no benefits). */
function benefitColumns(r: RowReader): BenefitColumns | undefined {
  if (!BENEFIT_COLUMNS.some((f) => r.has(f))) return undefined;
  const header = r.columns.get('insuredTime')?.[0]?.header ?? '';
  return { ...columnsOf(r, BENEFIT_COLUMNS), insuredTimeUnit: MONTHS_HEADER.test(header.normalize('NFC').toLowerCase()) ? 'months' : 'years' };
}

/** The row's benefit cells, raw (the benefits report reads them); the decision date as a date, a bad one an issue at its cell. */
function readBenefits(r: RowReader, col: BenefitColumns): StaffBenefits {
  return {
    salaryCoefficient: r.rawCellAt(col.salaryCoefficient), leadershipCoefficient: r.rawCellAt(col.leadershipCoefficient),
    overGradePercent: r.rawCellAt(col.overGradePercent), seniorityPercent: r.rawCellAt(col.seniorityPercent),
    preferentialPercent: r.rawCellAt(col.preferentialPercent), responsibilityPercent: r.rawCellAt(col.responsibilityPercent),
    publicServicePercent: r.rawCellAt(col.publicServicePercent), partyWorkPercent: r.rawCellAt(col.partyWorkPercent),
    monthlySalary: r.rawCellAt(col.monthlySalary), insuredTime: r.rawCellAt(col.insuredTime), insuredTimeUnit: col.insuredTimeUnit,
    decisionDate: r.dateAt(col.decisionDate, 'Ngày hiệu lực quyết định sắp xếp')?.iso, declaredTotal: r.rawCellAt(col.declaredTotal),
    declared: {
      pensionAllowance: r.rawCellAt(col.declaredPensionAllowance), earlyYearsAllowance: r.rawCellAt(col.declaredEarlyYearsAllowance),
      insuranceAllowance: r.rawCellAt(col.declaredInsuranceAllowance), severanceAllowance: r.rawCellAt(col.declaredSeveranceAllowance),
      insuranceYearsAllowance: r.rawCellAt(col.declaredInsuranceYearsAllowance), jobSearchAllowance: r.rawCellAt(col.declaredJobSearchAllowance),
    },
  };
}

const staff: BuilderFactory<'staff'> = (r, place) => {
  const col = columnsOf(r, STAFF_COLUMNS);
  const birth = birthColumns(r);
  const benefits = benefitColumns(r);
  return (row) => staffRecord(r, col, birth, benefits, place, row);
};

/**
 * One staff row. A function of the module rather than the closure each sheet makes: V8 keeps one
 * compiled copy of it for every sheet and report, where each new closure was compiled anew.
 */
function staffRecord(r: RowReader, col: StaffColumns, birth: BirthColumns, benefits: BenefitColumns | undefined, { sheet, file }: Place, row: number): StaffRecord | undefined {
  const name = r.textAt(col.fullName);
  if (!name) return missing(r, 'fullName', 'Họ và tên');
  const unitName = r.textAt(col.unit);
  if (!unitName) return missing(r, 'unit', 'Đơn vị');
  const reductionForm = r.vocabAt(col.reductionForm, reductionForms, 'Hình thức tinh giản');
  const effective = effectiveStaffStatus(r.vocabAt(col.status, staffStatuses, 'Tình trạng') ?? 'active', reductionForm);
  const b = readBirth(r, birth);
  // A departure without its date cannot be placed in any period: an error the report must show.
  let left = r.dateAt(col.leftDate, 'Ngày nghỉ', effective === 'active' ? 'warning' : 'error');
  // A leaving date before the birth date is a date typed wrong (a mistyped year, two dates swapped):
  // as a date that cannot be read, it is an error at its cell and the departure is counted in no
  // period, the record kept so that the report lists the error.
  // The rare case in a function of its own: this one stays small enough for V8 to inline its readers.
  if (left !== undefined && b.birthDate !== undefined && left.iso < b.birthDate) left = leftUnlessBeforeBirth(r, col.leftDate, name, left, b, effective === 'active');
  if (!left && effective !== 'active' && isBlank(r.rawAt(col.leftDate))) {
    r.issueAt(col.leftDate ?? col.status ?? 0, 'error', 'staff.leftDateMissing', `${name}: tình trạng "${r.textAt(col.status) ?? reductionForm}" nhưng không có ngày nghỉ.`, 'Ghi ngày nghỉ (ngày/tháng/năm) theo quyết định.');
  }
  return {
    sheet, row, file, fullName: name, birthDate: b.birthDate, birthYearOnly: b.birthYearOnly, sex: b.sex, unit: unitName,
    position: r.textAt(col.position), category: r.vocabAt(col.category, categories, 'Đối tượng'), status: effective, leftDate: left?.iso, reductionForm,
    basis: r.textAt(col.basis), benefits: benefits === undefined ? undefined : readBenefits(r, benefits),
  };
}

/** The quota columns: the earliest dated one is the baseline, the latest (or "hiện giao") the current. */
export function quotaYearsOf(r: RowReader): QuotaYears {
  const years = (r.columns.get('quota') ?? []).map((c) => c.qualifier).filter((q): q is number => typeof q === 'number').sort((a, b) => a - b);
  if (years.length === 0) return {};
  if (years.length === 1) return r.has('currentQuota') ? { baselineYear: years[0] } : { currentYear: years[0] };
  return { baselineYear: years[0], ...(r.has('currentQuota') ? {} : { currentYear: years[years.length - 1] }) };
}

const units: BuilderFactory<'units'> = (r, { sheet, file }, years) => {
  const quotaCol = (year: number | undefined) => (r.columns.get('quota') ?? []).find((c) => c.qualifier === year)?.col;
  const baseCol = quotaCol(years.baselineYear);
  const currentCol = r.col('currentQuota') ?? quotaCol(years.currentYear);
  const col = columnsOf(r, ['unit', 'block', 'maxDeputies', 'note'] as const);
  const baseLabel = `Biên chế năm ${years.baselineYear}`;
  return (row) => {
    const name = r.textAt(col.unit);
    if (!name) return missing(r, 'unit', 'Đơn vị');
    const record: UnitRecord = {
      sheet, row, file, unit: name, block: r.vocabAt(col.block, blocks, 'Khối'),
      baselineQuota: r.numberAt(baseCol, baseLabel),
      currentQuota: r.numberAt(currentCol, 'Biên chế hiện giao'),
      maxDeputies: r.numberAt(col.maxDeputies, 'Số cấp phó tối đa') ?? 3, note: r.textAt(col.note),
    };
    return record;
  };
};

const mergerPlan: BuilderFactory<'mergerPlan'> = (r, { sheet, file }) => {
  const col = columnsOf(r, ['fromUnit', 'toUnit', 'form', 'effectiveDate', 'note'] as const);
  return (row) => {
    const from = r.textAt(col.fromUnit);
    if (!from) return missing(r, 'fromUnit', 'Đơn vị hiện tại');
    const to = r.textAt(col.toUnit);
    if (!to) return missing(r, 'toUnit', 'Đơn vị sau sắp xếp');
    const record: MergerPlanRecord = {
      sheet, row, file, fromUnit: from, toUnit: to, form: r.vocabAt(col.form, mergerForms, 'Hình thức sắp xếp'),
      effectiveDate: r.dateAt(col.effectiveDate, 'Ngày hiệu lực')?.iso, note: r.textAt(col.note),
    };
    return record;
  };
};

const members: BuilderFactory<'members'> = (r, { sheet, file }) => {
  const col = columnsOf(r, [
    'fullName', 'partyCell', 'joinDate', 'status', 'statusDate', 'ethnicity', 'religion', 'education', 'politicalTheory',
    'cardNumber', 'baseOrg', 'officialDate', 'monthsOutside', 'badgeYears',
  ] as const);
  const birth = birthColumns(r);
  return (row) => {
    const name = r.textAt(col.fullName);
    if (!name) return missing(r, 'fullName', 'Họ và tên');
    const cell = r.textAt(col.partyCell);
    if (!cell) return missing(r, 'partyCell', 'Chi bộ');
    const join = r.dateAt(col.joinDate, 'Ngày vào Đảng', 'error');
    if (!join) {
      if (isBlank(r.rawAt(col.joinDate))) r.issueAt(col.joinDate ?? 0, 'error', 'member.joinDateMissing', `${name}: thiếu ngày vào Đảng, không tính được.`, 'Ghi ngày kết nạp theo quyết định.');
      return undefined;
    }
    const memberStatus = r.vocabAt(col.status, memberStatuses, 'Tình trạng') ?? 'active';
    let moved = r.dateAt(col.statusDate, 'Ngày biến động', memberStatus === 'active' ? 'warning' : 'error');
    if (!moved && memberStatus !== 'active' && isBlank(r.rawAt(col.statusDate))) {
      r.issueAt(col.statusDate ?? col.status ?? 0, 'error', 'member.statusDateMissing', `${name}: tình trạng "${r.textAt(col.status)}" nhưng không có ngày biến động.`, 'Ghi ngày của quyết định chuyển, xóa tên, khai trừ…');
    }
    const b = readBirth(r, birth);
    // Dates before the birth date are typed wrong, handled as dates that cannot be read (read
    // after the birth, so that the issues of an ordinary row keep their order): an admission
    // before birth, as a join date that cannot be read, leaves the row out; a movement before
    // birth, as a movement date that cannot be read, keeps the member with the date unknown.
    if (b.birthDate !== undefined) {
      if (join.iso < b.birthDate && datedBeforeBirth(join, b)) {
        r.issueAt(col.joinDate ?? 0, 'error', 'date.joinedBeforeBirth', `${name}: ngày vào Đảng ${dayText(join)} trước ngày sinh ${birthText(b)}, không tính được.`, 'Kiểm tra lại ngày vào Đảng và ngày sinh theo hồ sơ.');
        return undefined;
      }
      if (moved !== undefined && moved.iso < b.birthDate && datedBeforeBirth(moved, b)) {
        r.issueAt(col.statusDate ?? 0, memberStatus === 'active' ? 'warning' : 'error', 'date.statusBeforeBirth', `${name}: ngày biến động ${dayText(moved)} trước ngày sinh ${birthText(b)}.`, 'Kiểm tra lại ngày biến động và ngày sinh theo hồ sơ.');
        moved = undefined;
      }
    }
    const record: MemberRecord = {
      sheet, row, file, fullName: name, birthDate: b.birthDate, birthYearOnly: b.birthYearOnly, sex: b.sex,
      ethnicity: r.textAt(col.ethnicity), religion: r.textAt(col.religion), education: r.textAt(col.education),
      politicalTheory: r.textAt(col.politicalTheory), cardNumber: r.textAt(col.cardNumber),
      partyCell: cell, baseOrg: r.textAt(col.baseOrg), joinDate: join.iso, officialDate: r.dateAt(col.officialDate, 'Ngày chính thức')?.iso,
      status: memberStatus, statusDate: moved?.iso, badgeYears: [], monthsOutside: r.numberAt(col.monthsOutside, 'Số tháng gián đoạn'),
    };
    const badgeText = r.textAt(col.badgeYears);
    if (badgeText !== undefined) {
      const years = parseBadgeYears(badgeText);
      if (years) record.badgeYears = years;
      else r.issueAt(col.badgeYears ?? 0, 'warning', 'member.badgeInvalid', `Huy hiệu "${badgeText}" không phải mốc huy hiệu (30, 40, 45, … 90 năm).`, 'Ghi số năm của huy hiệu đã nhận, ví dụ "30 năm".');
    }
    return record;
  };
};

const orgs: BuilderFactory<'orgs'> = (r, { sheet, file }) => {
  const col = columnsOf(r, ['name', 'level', 'parent', 'foundedDate', 'eHandbook'] as const);
  const ratingCols = (r.columns.get('rating') ?? []).filter((c): c is typeof c & { qualifier: number } => typeof c.qualifier === 'number');
  return (row) => {
    const orgName = r.textAt(col.name);
    if (!orgName) return missing(r, 'name', 'Tên tổ chức đảng');
    const rated: Record<number, Rating> = {};
    for (const c of ratingCols) {
      const rating = r.vocabAt(c.col, ratings, `Xếp loại ${c.qualifier}`);
      if (rating) rated[c.qualifier] = rating;
    }
    const record: OrgRecord = {
      sheet, row, file, name: orgName, level: r.vocabAt(col.level, orgLevels, 'Cấp'), parent: r.textAt(col.parent),
      foundedDate: r.dateAt(col.foundedDate, 'Ngày thành lập')?.iso, ratings: rated, eHandbook: r.yesNoAt(col.eHandbook, 'Sổ tay đảng viên điện tử'),
    };
    return record;
  };
};

const tasks: BuilderFactory<'tasks'> = (r, { sheet, file }) => {
  const col = columnsOf(r, ['task', 'status', 'owner', 'deadline', 'year'] as const);
  return (row) => {
    const text = r.textAt(col.task);
    if (!text) return missing(r, 'task', 'Nội dung nhiệm vụ');
    const due = r.dateAt(col.deadline, 'Thời hạn');
    const year = r.numberAt(col.year, 'Năm');
    const record: TaskRecord = {
      // An empty result on a registered task means it has not been done yet.
      sheet, row, file, task: text, owner: r.textAt(col.owner), deadline: due?.iso, status: r.vocabAt(col.status, taskStatuses, 'Kết quả') ?? 'notStarted',
      year: year !== undefined && Number.isInteger(year) ? year : due ? Number(due.iso.slice(0, 4)) : undefined,
    };
    return record;
  };
};

const FACTORIES: { [K in Exclude<SheetKind, 'targets'>]: BuilderFactory<K> } = { staff, units, mergerPlan, members, orgs, tasks };

export function builderFor(kind: Exclude<SheetKind, 'targets'>, r: RowReader, place: Place, quotaYears: QuotaYears): RowBuilder<SheetKind> {
  return (FACTORIES[kind] as BuilderFactory<SheetKind>)(r, place, quotaYears);
}
