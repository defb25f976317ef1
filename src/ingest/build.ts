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

/** Birth date from one column, or from the "Nam" | "Nữ" pair under "Ngày sinh" (which also gives the sex). */
function birth(r: RowReader): { birthDate?: string; birthYearOnly?: boolean; sex?: Sex } {
  const cols = r.columns.get('birthDate') ?? [];
  for (const c of cols) {
    if (c.qualifier !== 'male' && c.qualifier !== 'female') continue;
    const d = r.dateAt(c.col, 'Ngày sinh', 'warning', false);
    if (d) return { birthDate: d.iso, ...(d.precision === 'year' ? { birthYearOnly: true } : {}), sex: c.qualifier };
  }
  const plain = cols.find((c) => c.qualifier === undefined);
  const d = plain ? r.dateAt(plain.col, 'Ngày sinh', 'warning', false) : undefined;
  const sex = r.vocab('sex', sexes, 'Giới tính');
  return { ...(d ? { birthDate: d.iso } : {}), ...(d && d.precision === 'year' ? { birthYearOnly: true } : {}), ...(sex ? { sex } : {}) };
}

function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

const staff: Builder<'staff'> = (r, origin) => {
  const fullName = r.text('fullName');
  if (!fullName) return missing(r, 'fullName', 'Họ và tên');
  const unit = r.text('unit');
  if (!unit) return missing(r, 'unit', 'Đơn vị');
  const written = r.vocab('status', staffStatuses, 'Tình trạng') ?? 'active';
  const reductionForm = r.vocab('reductionForm', reductionForms, 'Hình thức tinh giản');
  const status = effectiveStaffStatus(written, reductionForm);
  const record: StaffRecord = { origin, fullName, unit, status, ...birth(r) };
  // A departure without its date cannot be placed in any period: an error the report must show.
  const leftCol = r.col('leftDate');
  const left = r.date('leftDate', 'Ngày nghỉ', status === 'active' ? 'warning' : 'error');
  if (left) record.leftDate = left.iso;
  else if (status !== 'active' && (leftCol === undefined || r.raw('leftDate') == null || String(r.raw('leftDate')).trim() === '')) {
    r.issueAt(leftCol ?? r.col('status') ?? 0, 'error', 'staff.leftDateMissing', `${fullName}: tình trạng "${r.text('status') ?? reductionForm}" nhưng không có ngày nghỉ.`, 'Ghi ngày nghỉ (ngày/tháng/năm) theo quyết định.');
  }
  put(record, 'position', r.text('position'));
  put(record, 'category', r.vocab('category', categories, 'Đối tượng'));
  put(record, 'reductionForm', reductionForm);
  put(record, 'basis', r.text('basis'));
  put(record, 'grade', r.text('grade'));
  put(record, 'gradeCode', r.text('gradeCode'));
  put(record, 'salaryCoefficient', r.number('salaryCoefficient', 'Hệ số lương'));
  put(record, 'qualification', r.text('qualification'));
  put(record, 'politicalTheory', r.text('politicalTheory'));
  put(record, 'ethnicity', r.text('ethnicity'));
  put(record, 'partyMember', r.yesNo('partyMember', 'Đảng viên'));
  put(record, 'partyJoinDate', r.date('partyJoinDate', 'Ngày vào Đảng')?.iso);
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
    if (r.raw('joinDate') == null || String(r.raw('joinDate')).trim() === '') {
      r.issueAt(r.col('joinDate') ?? 0, 'error', 'member.joinDateMissing', `${fullName}: thiếu ngày vào Đảng, không tính được.`, 'Ghi ngày kết nạp theo quyết định.');
    }
    return undefined;
  }
  const status = r.vocab('status', memberStatuses, 'Tình trạng') ?? 'active';
  const record: MemberRecord = { origin, fullName, partyCell, joinDate: join.iso, status, badgeYears: [], ...birth(r) };
  const statusDate = r.date('statusDate', 'Ngày biến động', status === 'active' ? 'warning' : 'error');
  if (statusDate) record.statusDate = statusDate.iso;
  else if (status !== 'active' && (r.raw('statusDate') == null || String(r.raw('statusDate')).trim() === '')) {
    r.issueAt(r.col('statusDate') ?? r.col('status') ?? 0, 'error', 'member.statusDateMissing', `${fullName}: tình trạng "${r.text('status')}" nhưng không có ngày biến động.`, 'Ghi ngày của quyết định chuyển, xóa tên, khai trừ… ');
  }
  put(record, 'ethnicity', r.text('ethnicity'));
  put(record, 'religion', r.text('religion'));
  put(record, 'education', r.text('education'));
  put(record, 'politicalTheory', r.text('politicalTheory'));
  put(record, 'cardNumber', r.text('cardNumber'));
  put(record, 'baseOrg', r.text('baseOrg'));
  put(record, 'officialDate', r.date('officialDate', 'Ngày chính thức')?.iso);
  put(record, 'monthsOutside', r.number('monthsOutside', 'Số tháng gián đoạn'));
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
