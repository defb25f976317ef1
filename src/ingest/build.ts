import type { MemberRecord, MergerPlanRecord, OrgRecord, Origin, QuotaYears, RecordsByKind, SheetKind, StaffRecord, TaskRecord, UnitRecord } from '../domain/records';
import { effectiveStaffStatus, parseBadgeYears } from '../domain/rules';
import type { Rating, Sex } from '../domain/vocabulary';
import { categories, blocks, memberStatuses, mergerForms, orgLevels, ratings, reductionForms, sexes, staffStatuses, taskStatuses } from '../domain/vocabulary';
import type { RowReader } from './reader';

/** Builds one record from the reader's current row, or returns undefined after raising the issue that explains why. */
export type Builder<K extends SheetKind> = (r: RowReader, origin: Origin) => RecordsByKind[K] | undefined;

function missing(r: RowReader, field: string, label: string): undefined {
  const col = r.col(field) ?? 0;
  r.issueAt(col, 'warning', 'row.missingRequired', `Dòng bị bỏ qua: thiếu ${label}.`, `Điền ${label} cho dòng này, hoặc xóa dòng nếu không phải bản ghi.`);
  return undefined;
}

interface Birth {
  birthDate: string | undefined;
  birthYearOnly: boolean | undefined;
  sex: Sex | undefined;
}

/** Birth date from one column, or from the "Nam" | "Nữ" pair under "Ngày sinh" (which also gives the sex). */
function birth(r: RowReader): Birth {
  const cols = r.columns.get('birthDate');
  let plain: number | undefined;
  if (cols) {
    for (const c of cols) {
      if (c.qualifier !== 'male' && c.qualifier !== 'female') {
        plain = c.col;
        continue;
      }
      const d = r.dateAt(c.col, 'Ngày sinh', 'warning', false);
      if (d) return { birthDate: d.iso, birthYearOnly: d.precision === 'year' || undefined, sex: c.qualifier };
    }
  }
  const d = plain === undefined ? undefined : r.dateAt(plain, 'Ngày sinh', 'warning', false);
  return { birthDate: d?.iso, birthYearOnly: (d && d.precision === 'year') || undefined, sex: r.vocab('sex', sexes, 'Giới tính') };
}

function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function isEmpty(v: unknown): boolean {
  return v == null || (typeof v === 'string' && v.trim() === '');
}

// Records are built as whole object literals (absent fields undefined): one shape per kind keeps
// 100,000-row sheets fast.
const staff: Builder<'staff'> = (r, origin) => {
  const fullName = r.text('fullName');
  if (!fullName) return missing(r, 'fullName', 'Họ và tên');
  const unit = r.text('unit');
  if (!unit) return missing(r, 'unit', 'Đơn vị');
  const written = r.vocab('status', staffStatuses, 'Tình trạng') ?? 'active';
  const reductionForm = r.vocab('reductionForm', reductionForms, 'Hình thức tinh giản');
  const status = effectiveStaffStatus(written, reductionForm);
  const b = birth(r);
  // A departure without its date cannot be placed in any period: an error the report must show.
  const left = r.date('leftDate', 'Ngày nghỉ', status === 'active' ? 'warning' : 'error');
  if (!left && status !== 'active' && isEmpty(r.raw('leftDate'))) {
    r.issueAt(r.col('leftDate') ?? r.col('status') ?? 0, 'error', 'staff.leftDateMissing', `${fullName}: tình trạng "${r.text('status') ?? reductionForm}" nhưng không có ngày nghỉ.`, 'Ghi ngày nghỉ (ngày/tháng/năm) theo quyết định.');
  }
  const record: StaffRecord = {
    origin, fullName, birthDate: b.birthDate, birthYearOnly: b.birthYearOnly, sex: b.sex, unit,
    position: r.text('position'),
    category: r.vocab('category', categories, 'Đối tượng'),
    status, leftDate: left?.iso, reductionForm,
    basis: r.text('basis'),
    grade: r.text('grade'),
    gradeCode: r.text('gradeCode'),
    salaryCoefficient: r.number('salaryCoefficient', 'Hệ số lương'),
    qualification: r.text('qualification'),
    politicalTheory: r.text('politicalTheory'),
    ethnicity: r.text('ethnicity'),
    partyMember: r.yesNo('partyMember', 'Đảng viên'),
    partyJoinDate: r.date('partyJoinDate', 'Ngày vào Đảng')?.iso,
  };
  return record;
};

/** The quota columns: the earliest dated one is the baseline, the latest (or "hiện giao") the current. */
export function quotaYearsOf(r: RowReader): QuotaYears {
  const years = (r.columns.get('quota') ?? []).map((c) => c.qualifier).filter((q): q is number => typeof q === 'number').sort((a, b) => a - b);
  if (years.length === 0) return {};
  if (years.length === 1) return r.has('currentQuota') ? { baselineYear: years[0] } : { currentYear: years[0] };
  return { baselineYear: years[0], ...(r.has('currentQuota') ? {} : { currentYear: years[years.length - 1] }) };
}

function units(years: QuotaYears): Builder<'units'> {
  return (r, origin) => {
    const unit = r.text('unit');
    if (!unit) return missing(r, 'unit', 'Đơn vị');
    const quotaCol = (year: number | undefined) => (r.columns.get('quota') ?? []).find((c) => c.qualifier === year)?.col;
    const baseCol = quotaCol(years.baselineYear);
    const currentCol = r.col('currentQuota') ?? quotaCol(years.currentYear);
    const record: UnitRecord = { origin, unit, maxDeputies: r.number('maxDeputies', 'Số cấp phó tối đa') ?? 3 };
    put(record, 'block', r.vocab('block', blocks, 'Khối'));
    if (baseCol !== undefined) put(record, 'baselineQuota', r.numberAt(baseCol, `Biên chế năm ${years.baselineYear}`));
    if (currentCol !== undefined) put(record, 'currentQuota', r.numberAt(currentCol, 'Biên chế hiện giao'));
    put(record, 'note', r.text('note'));
    return record;
  };
}

const mergerPlan: Builder<'mergerPlan'> = (r, origin) => {
  const fromUnit = r.text('fromUnit');
  if (!fromUnit) return missing(r, 'fromUnit', 'Đơn vị hiện tại');
  const toUnit = r.text('toUnit');
  if (!toUnit) return missing(r, 'toUnit', 'Đơn vị sau sắp xếp');
  const record: MergerPlanRecord = { origin, fromUnit, toUnit };
  put(record, 'form', r.vocab('form', mergerForms, 'Hình thức sắp xếp'));
  put(record, 'effectiveDate', r.date('effectiveDate', 'Ngày hiệu lực')?.iso);
  put(record, 'note', r.text('note'));
  return record;
};

const members: Builder<'members'> = (r, origin) => {
  const fullName = r.text('fullName');
  if (!fullName) return missing(r, 'fullName', 'Họ và tên');
  const partyCell = r.text('partyCell');
  if (!partyCell) return missing(r, 'partyCell', 'Chi bộ');
  const join = r.date('joinDate', 'Ngày vào Đảng', 'error');
  if (!join) {
    if (isEmpty(r.raw('joinDate'))) {
      r.issueAt(r.col('joinDate') ?? 0, 'error', 'member.joinDateMissing', `${fullName}: thiếu ngày vào Đảng, không tính được.`, 'Ghi ngày kết nạp theo quyết định.');
    }
    return undefined;
  }
  const status = r.vocab('status', memberStatuses, 'Tình trạng') ?? 'active';
  const statusDate = r.date('statusDate', 'Ngày biến động', status === 'active' ? 'warning' : 'error');
  if (!statusDate && status !== 'active' && isEmpty(r.raw('statusDate'))) {
    r.issueAt(r.col('statusDate') ?? r.col('status') ?? 0, 'error', 'member.statusDateMissing', `${fullName}: tình trạng "${r.text('status')}" nhưng không có ngày biến động.`, 'Ghi ngày của quyết định chuyển, xóa tên, khai trừ…');
  }
  const b = birth(r);
  const record: MemberRecord = {
    origin, fullName, birthDate: b.birthDate, birthYearOnly: b.birthYearOnly, sex: b.sex,
    ethnicity: r.text('ethnicity'),
    religion: r.text('religion'),
    education: r.text('education'),
    politicalTheory: r.text('politicalTheory'),
    cardNumber: r.text('cardNumber'),
    partyCell,
    baseOrg: r.text('baseOrg'),
    joinDate: join.iso,
    officialDate: r.date('officialDate', 'Ngày chính thức')?.iso,
    status, statusDate: statusDate?.iso,
    badgeYears: [],
    monthsOutside: r.number('monthsOutside', 'Số tháng gián đoạn'),
  };
  const badgeCol = r.col('badgeYears');
  const badgeText = badgeCol === undefined ? undefined : r.textAt(badgeCol);
  if (badgeText !== undefined && badgeCol !== undefined) {
    const years = parseBadgeYears(badgeText);
    if (years) record.badgeYears = years;
    else r.issueAt(badgeCol, 'warning', 'member.badgeInvalid', `Huy hiệu "${badgeText}" không phải mốc huy hiệu (30, 40, 45, … 90 năm).`, 'Ghi số năm của huy hiệu đã nhận, ví dụ "30 năm".');
  }
  return record;
};

const orgs: Builder<'orgs'> = (r, origin) => {
  const name = r.text('name');
  if (!name) return missing(r, 'name', 'Tên tổ chức đảng');
  const rated: Record<number, Rating> = {};
  for (const c of r.columns.get('rating') ?? []) {
    if (typeof c.qualifier !== 'number') continue;
    const rating = r.vocabAt(c.col, ratings, `Xếp loại ${c.qualifier}`);
    if (rating) rated[c.qualifier] = rating;
  }
  const record: OrgRecord = { origin, name, ratings: rated };
  put(record, 'level', r.vocab('level', orgLevels, 'Cấp'));
  put(record, 'parent', r.text('parent'));
  put(record, 'foundedDate', r.date('foundedDate', 'Ngày thành lập')?.iso);
  put(record, 'eHandbook', r.yesNo('eHandbook', 'Sổ tay đảng viên điện tử'));
  return record;
};

const tasks: Builder<'tasks'> = (r, origin) => {
  const task = r.text('task');
  if (!task) return missing(r, 'task', 'Nội dung nhiệm vụ');
  // An empty result on a registered task means it has not been done yet.
  const status = r.vocab('status', taskStatuses, 'Kết quả') ?? 'notStarted';
  const record: TaskRecord = { origin, task, status };
  put(record, 'owner', r.text('owner'));
  const deadline = r.date('deadline', 'Thời hạn');
  put(record, 'deadline', deadline?.iso);
  const year = r.number('year', 'Năm');
  put(record, 'year', year !== undefined && Number.isInteger(year) ? year : deadline ? Number(deadline.iso.slice(0, 4)) : undefined);
  return record;
};

export function builderFor(kind: Exclude<SheetKind, 'targets'>, quotaYears: QuotaYears): Builder<SheetKind> {
  switch (kind) {
    case 'staff': return staff;
    case 'units': return units(quotaYears);
    case 'mergerPlan': return mergerPlan;
    case 'members': return members;
    case 'orgs': return orgs;
    case 'tasks': return tasks;
  }
}
