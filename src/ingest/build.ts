import type { MemberRecord, MergerPlanRecord, OrgRecord, Origin, QuotaYears, RecordsByKind, SheetKind, StaffRecord, TaskRecord, UnitRecord } from '../domain/records';
import { effectiveStaffStatus, parseBadgeYears } from '../domain/rules';
import type { Rating, Sex } from '../domain/vocabulary';
import { blocks, categories, memberStatuses, mergerForms, orgLevels, ratings, reductionForms, sexes, staffStatuses, taskStatuses } from '../domain/vocabulary';
import { isBlank } from './grid';
import type { RowReader } from './reader';

/** Builds one record from the reader's current row, or returns undefined after raising the issue that explains why. */
export type RowBuilder<K extends SheetKind> = (origin: Origin) => RecordsByKind[K] | undefined;

/**
 * Each kind's builder is made once per sheet: columns and vocabularies are resolved up front, so
 * that the row function does no look-up by name (100,000-row sheets stay fast), and records are
 * whole object literals (one shape per kind; absent fields undefined).
 */
type BuilderFactory<K extends SheetKind> = (r: RowReader, quotaYears: QuotaYears) => RowBuilder<K>;

function missing(r: RowReader, field: string, label: string): undefined {
  r.issueAt(r.col(field) ?? 0, 'warning', 'row.missingRequired', `Dòng bị bỏ qua: thiếu ${label}.`, `Điền ${label} cho dòng này, hoặc xóa dòng nếu không phải bản ghi.`);
  return undefined;
}

interface Birth {
  birthDate: string | undefined;
  birthYearOnly: boolean | undefined;
  sex: Sex | undefined;
}

/** Birth date from one column, or from the "Nam" | "Nữ" pair under "Ngày sinh" (which also gives the sex). */
function birthField(r: RowReader): () => Birth {
  const cols = r.columns.get('birthDate') ?? [];
  const split = cols.filter((c) => c.qualifier === 'male' || c.qualifier === 'female');
  const plain = cols.find((c) => c.qualifier === undefined)?.col;
  const sex = r.vocabField('sex', sexes, 'Giới tính');
  // One result object per sheet, refilled for each row: its fields are copied into the record at once.
  const out: Birth = { birthDate: undefined, birthYearOnly: undefined, sex: undefined };
  return () => {
    for (const c of split) {
      const d = r.dateAt(c.col, 'Ngày sinh', 'warning', false);
      if (d) {
        out.birthDate = d.iso;
        out.birthYearOnly = d.precision === 'year' || undefined;
        out.sex = c.qualifier as Sex;
        return out;
      }
    }
    const d = plain === undefined ? undefined : r.dateAt(plain, 'Ngày sinh', 'warning', false);
    out.birthDate = d?.iso;
    out.birthYearOnly = (d && d.precision === 'year') || undefined;
    out.sex = sex();
    return out;
  };
}

const staff: BuilderFactory<'staff'> = (r) => {
  const fullName = r.textField('fullName');
  const unit = r.textField('unit');
  const status = r.vocabField('status', staffStatuses, 'Tình trạng');
  const statusText = r.textField('status');
  const form = r.vocabField('reductionForm', reductionForms, 'Hình thức tinh giản');
  const birth = birthField(r);
  const leftDate = r.dateField('leftDate', 'Ngày nghỉ');
  const leftRaw = r.rawField('leftDate');
  const position = r.textField('position');
  const category = r.vocabField('category', categories, 'Đối tượng');
  const basis = r.textField('basis');
  const grade = r.textField('grade');
  const gradeCode = r.textField('gradeCode');
  const salaryCoefficient = r.numberField('salaryCoefficient', 'Hệ số lương');
  const qualification = r.textField('qualification');
  const politicalTheory = r.textField('politicalTheory');
  const ethnicity = r.textField('ethnicity');
  const partyMember = r.yesNoField('partyMember', 'Đảng viên');
  const partyJoinDate = r.dateField('partyJoinDate', 'Ngày vào Đảng');
  return (origin) => {
    const name = fullName();
    if (!name) return missing(r, 'fullName', 'Họ và tên');
    const unitName = unit();
    if (!unitName) return missing(r, 'unit', 'Đơn vị');
    const reductionForm = form();
    const effective = effectiveStaffStatus(status() ?? 'active', reductionForm);
    const b = birth();
    // A departure without its date cannot be placed in any period: an error the report must show.
    const left = leftDate(effective === 'active' ? 'warning' : 'error');
    if (!left && effective !== 'active' && isBlank(leftRaw())) {
      r.issueAt(r.col('leftDate') ?? r.col('status') ?? 0, 'error', 'staff.leftDateMissing', `${name}: tình trạng "${statusText() ?? reductionForm}" nhưng không có ngày nghỉ.`, 'Ghi ngày nghỉ (ngày/tháng/năm) theo quyết định.');
    }
    const record: StaffRecord = {
      origin, fullName: name, birthDate: b.birthDate, birthYearOnly: b.birthYearOnly, sex: b.sex, unit: unitName,
      position: position(), category: category(), status: effective, leftDate: left?.iso, reductionForm,
      basis: basis(), grade: grade(), gradeCode: gradeCode(), salaryCoefficient: salaryCoefficient(),
      qualification: qualification(), politicalTheory: politicalTheory(), ethnicity: ethnicity(),
      partyMember: partyMember(), partyJoinDate: partyJoinDate()?.iso,
    };
    return record;
  };
};

/** The quota columns: the earliest dated one is the baseline, the latest (or "hiện giao") the current. */
export function quotaYearsOf(r: RowReader): QuotaYears {
  const years = (r.columns.get('quota') ?? []).map((c) => c.qualifier).filter((q): q is number => typeof q === 'number').sort((a, b) => a - b);
  if (years.length === 0) return {};
  if (years.length === 1) return r.has('currentQuota') ? { baselineYear: years[0] } : { currentYear: years[0] };
  return { baselineYear: years[0], ...(r.has('currentQuota') ? {} : { currentYear: years[years.length - 1] }) };
}

const units: BuilderFactory<'units'> = (r, years) => {
  const quotaCol = (year: number | undefined) => (r.columns.get('quota') ?? []).find((c) => c.qualifier === year)?.col;
  const baseCol = quotaCol(years.baselineYear);
  const currentCol = r.col('currentQuota') ?? quotaCol(years.currentYear);
  const unit = r.textField('unit');
  const block = r.vocabField('block', blocks, 'Khối');
  const maxDeputies = r.numberField('maxDeputies', 'Số cấp phó tối đa');
  const note = r.textField('note');
  return (origin) => {
    const name = unit();
    if (!name) return missing(r, 'unit', 'Đơn vị');
    const record: UnitRecord = {
      origin, unit: name, block: block(),
      baselineQuota: baseCol === undefined ? undefined : r.numberAt(baseCol, `Biên chế năm ${years.baselineYear}`),
      currentQuota: currentCol === undefined ? undefined : r.numberAt(currentCol, 'Biên chế hiện giao'),
      maxDeputies: maxDeputies() ?? 3, note: note(),
    };
    return record;
  };
};

const mergerPlan: BuilderFactory<'mergerPlan'> = (r) => {
  const fromUnit = r.textField('fromUnit');
  const toUnit = r.textField('toUnit');
  const form = r.vocabField('form', mergerForms, 'Hình thức sắp xếp');
  const effectiveDate = r.dateField('effectiveDate', 'Ngày hiệu lực');
  const note = r.textField('note');
  return (origin) => {
    const from = fromUnit();
    if (!from) return missing(r, 'fromUnit', 'Đơn vị hiện tại');
    const to = toUnit();
    if (!to) return missing(r, 'toUnit', 'Đơn vị sau sắp xếp');
    const record: MergerPlanRecord = { origin, fromUnit: from, toUnit: to, form: form(), effectiveDate: effectiveDate()?.iso, note: note() };
    return record;
  };
};

const members: BuilderFactory<'members'> = (r) => {
  const fullName = r.textField('fullName');
  const partyCell = r.textField('partyCell');
  const joinDate = r.dateField('joinDate', 'Ngày vào Đảng');
  const joinRaw = r.rawField('joinDate');
  const status = r.vocabField('status', memberStatuses, 'Tình trạng');
  const statusText = r.textField('status');
  const statusDate = r.dateField('statusDate', 'Ngày biến động');
  const statusRaw = r.rawField('statusDate');
  const birth = birthField(r);
  const ethnicity = r.textField('ethnicity');
  const religion = r.textField('religion');
  const education = r.textField('education');
  const politicalTheory = r.textField('politicalTheory');
  const cardNumber = r.textField('cardNumber');
  const baseOrg = r.textField('baseOrg');
  const officialDate = r.dateField('officialDate', 'Ngày chính thức');
  const monthsOutside = r.numberField('monthsOutside', 'Số tháng gián đoạn');
  const badges = r.textField('badgeYears');
  return (origin) => {
    const name = fullName();
    if (!name) return missing(r, 'fullName', 'Họ và tên');
    const cell = partyCell();
    if (!cell) return missing(r, 'partyCell', 'Chi bộ');
    const join = joinDate('error');
    if (!join) {
      if (isBlank(joinRaw())) r.issueAt(r.col('joinDate') ?? 0, 'error', 'member.joinDateMissing', `${name}: thiếu ngày vào Đảng, không tính được.`, 'Ghi ngày kết nạp theo quyết định.');
      return undefined;
    }
    const memberStatus = status() ?? 'active';
    const moved = statusDate(memberStatus === 'active' ? 'warning' : 'error');
    if (!moved && memberStatus !== 'active' && isBlank(statusRaw())) {
      r.issueAt(r.col('statusDate') ?? r.col('status') ?? 0, 'error', 'member.statusDateMissing', `${name}: tình trạng "${statusText()}" nhưng không có ngày biến động.`, 'Ghi ngày của quyết định chuyển, xóa tên, khai trừ…');
    }
    const b = birth();
    const record: MemberRecord = {
      origin, fullName: name, birthDate: b.birthDate, birthYearOnly: b.birthYearOnly, sex: b.sex,
      ethnicity: ethnicity(), religion: religion(), education: education(), politicalTheory: politicalTheory(), cardNumber: cardNumber(),
      partyCell: cell, baseOrg: baseOrg(), joinDate: join.iso, officialDate: officialDate()?.iso,
      status: memberStatus, statusDate: moved?.iso, badgeYears: [], monthsOutside: monthsOutside(),
    };
    const badgeText = badges();
    if (badgeText !== undefined) {
      const years = parseBadgeYears(badgeText);
      if (years) record.badgeYears = years;
      else r.issueAt(r.col('badgeYears') ?? 0, 'warning', 'member.badgeInvalid', `Huy hiệu "${badgeText}" không phải mốc huy hiệu (30, 40, 45, … 90 năm).`, 'Ghi số năm của huy hiệu đã nhận, ví dụ "30 năm".');
    }
    return record;
  };
};

const orgs: BuilderFactory<'orgs'> = (r) => {
  const name = r.textField('name');
  const ratingCols = (r.columns.get('rating') ?? []).filter((c): c is typeof c & { qualifier: number } => typeof c.qualifier === 'number');
  const level = r.vocabField('level', orgLevels, 'Cấp');
  const parent = r.textField('parent');
  const foundedDate = r.dateField('foundedDate', 'Ngày thành lập');
  const eHandbook = r.yesNoField('eHandbook', 'Sổ tay đảng viên điện tử');
  return (origin) => {
    const orgName = name();
    if (!orgName) return missing(r, 'name', 'Tên tổ chức đảng');
    const rated: Record<number, Rating> = {};
    for (const c of ratingCols) {
      const rating = r.vocabAt(c.col, ratings, `Xếp loại ${c.qualifier}`);
      if (rating) rated[c.qualifier] = rating;
    }
    const record: OrgRecord = { origin, name: orgName, level: level(), parent: parent(), foundedDate: foundedDate()?.iso, ratings: rated, eHandbook: eHandbook() };
    return record;
  };
};

const tasks: BuilderFactory<'tasks'> = (r) => {
  const task = r.textField('task');
  const status = r.vocabField('status', taskStatuses, 'Kết quả');
  const owner = r.textField('owner');
  const deadline = r.dateField('deadline', 'Thời hạn');
  const yearOf = r.numberField('year', 'Năm');
  return (origin) => {
    const text = task();
    if (!text) return missing(r, 'task', 'Nội dung nhiệm vụ');
    const due = deadline();
    const year = yearOf();
    const record: TaskRecord = {
      // An empty result on a registered task means it has not been done yet.
      origin, task: text, owner: owner(), deadline: due?.iso, status: status() ?? 'notStarted',
      year: year !== undefined && Number.isInteger(year) ? year : due ? Number(due.iso.slice(0, 4)) : undefined,
    };
    return record;
  };
};

const FACTORIES: { [K in Exclude<SheetKind, 'targets'>]: BuilderFactory<K> } = { staff, units, mergerPlan, members, orgs, tasks };

export function builderFor(kind: Exclude<SheetKind, 'targets'>, r: RowReader, quotaYears: QuotaYears): RowBuilder<SheetKind> {
  return (FACTORIES[kind] as BuilderFactory<SheetKind>)(r, quotaYears);
}
