import type { SheetKind } from '../domain/records';
import { foldKey } from '../domain/text';
import {
  blocks, categories, memberStatuses, mergerForms, orgLevels, ratings, reductionForms, sexes, staffStatuses, taskStatuses,
  type Vocabulary,
} from '../domain/vocabulary';

/**
 * 'raw': the cell as typed (a number as it is, a text repaired and tidied), with its address, for a
 * report to read by its own rules (the benefits report's pay cells, read with domain/monthlySalary.ts).
 */
export type FieldType = 'text' | 'date' | 'number' | 'yesno' | 'vocab' | 'badges' | 'raw';

export interface FieldDef {
  key: string;
  /** Vietnamese name for messages. */
  label: string;
  type: FieldType;
  aliases: readonly string[];
  vocab?: Vocabulary<string>;
  required?: boolean;
  /** Values repeat down the sheet (a unit, a cell, a grade): read each distinct text once. Vocabulary fields always do. */
  repeats?: boolean;
  /**
   * Headers that carry a year ("Biên chế giao năm 2015", "Xếp loại 2020"): a folded header starting
   * with one of these prefixes and holding a 4-digit year maps to this field, qualified by the year.
   */
  yearPrefixes?: readonly string[];
}

export interface KindDef {
  kind: SheetKind;
  fields: readonly FieldDef[];
}

const fullName: FieldDef = { key: 'fullName', label: 'Họ và tên', type: 'text', required: true, aliases: ['Họ và tên', 'Họ tên', 'Họ và tên khai sinh', 'Họ, chữ đệm và tên', 'Họ và tên đảng viên', 'Họ và tên cán bộ'] };
// "Ngày sinh" over "Nam" | "Nữ" is recognised in header.ts from these aliases followed by the sex.
const birthDate: FieldDef = { key: 'birthDate', label: 'Ngày sinh', type: 'date', aliases: ['Ngày sinh', 'Ngày tháng năm sinh', 'Ngày, tháng, năm sinh', 'Năm sinh', 'Sinh ngày', 'Ngày sinh (dd/mm/yyyy)'] };
const sex: FieldDef = { key: 'sex', label: 'Giới tính', type: 'vocab', vocab: sexes, aliases: ['Giới tính', 'Nam/Nữ', 'Nam, nữ', 'Giới'] };

const STAFF: KindDef = {
  kind: 'staff',
  fields: [
    fullName, birthDate, sex,
    { key: 'unit', label: 'Đơn vị', type: 'text', repeats: true, required: true, aliases: ['Đơn vị', 'Cơ quan', 'Đơn vị công tác', 'Cơ quan, đơn vị', 'Cơ quan đơn vị', 'Đơn vị công tác hiện nay', 'Cơ quan công tác', 'Nơi công tác'] },
    { key: 'position', label: 'Chức vụ', type: 'text', repeats: true, aliases: ['Chức vụ', 'Chức vụ/chức danh', 'Chức vụ, chức danh', 'Chức danh', 'Chức vụ hiện nay', 'Chức vụ Đảng, chính quyền'] },
    { key: 'category', label: 'Đối tượng', type: 'vocab', vocab: categories, aliases: ['Đối tượng', 'Loại', 'Phân loại', 'Loại cán bộ', 'Đối tượng (CB, CC, VC, HĐ)'] },
    { key: 'status', label: 'Tình trạng', type: 'vocab', vocab: staffStatuses, aliases: ['Tình trạng', 'Trạng thái', 'Biến động', 'Tình trạng công tác', 'Lý do biến động', 'Lý do nghỉ'] },
    { key: 'leftDate', label: 'Ngày nghỉ', type: 'date', aliases: ['Ngày nghỉ', 'Ngày thôi việc', 'Ngày biến động', 'Thời điểm nghỉ', 'Ngày nghỉ việc', 'Thời điểm tinh giản', 'Ngày tinh giản'] },
    { key: 'reductionForm', label: 'Hình thức tinh giản', type: 'vocab', vocab: reductionForms, aliases: ['Hình thức tinh giản', 'Hình thức', 'Hình thức nghỉ', 'Hình thức giải quyết'] },
    { key: 'basis', label: 'Căn cứ', type: 'text', repeats: true, aliases: ['Căn cứ', 'Chính sách', 'Căn cứ pháp lý', 'Theo chính sách', 'Văn bản'] },
    { key: 'grade', label: 'Ngạch', type: 'text', repeats: true, aliases: ['Ngạch', 'Ngạch công chức', 'Chức danh nghề nghiệp', 'Ngạch, chức danh nghề nghiệp'] },
    { key: 'gradeCode', label: 'Mã ngạch', type: 'text', repeats: true, aliases: ['Mã ngạch', 'Mã ngạch, chức danh'] },
    // For the benefits report (docs/reports.md, "Staff fields for benefits"): read when present, kept raw.
    { key: 'salaryCoefficient', label: 'Hệ số lương', type: 'raw', aliases: ['Hệ số lương', 'Hệ số', 'HSL', 'Hệ số lương ngạch bậc'] },
    { key: 'leadershipCoefficient', label: 'Hệ số phụ cấp chức vụ', type: 'raw', aliases: ['Hệ số phụ cấp chức vụ', 'PC chức vụ', 'Phụ cấp chức vụ lãnh đạo', 'Phụ cấp chức vụ', 'Hệ số PC chức vụ'] },
    { key: 'overGradePercent', label: 'Phụ cấp thâm niên vượt khung', type: 'raw', aliases: ['Phụ cấp thâm niên vượt khung (%)', 'PC thâm niên vượt khung', 'Thâm niên vượt khung'] },
    { key: 'seniorityPercent', label: 'Phụ cấp thâm niên nghề', type: 'raw', aliases: ['Phụ cấp thâm niên nghề (%)', 'PC thâm niên nghề', 'Thâm niên nghề'] },
    { key: 'preferentialPercent', label: 'Phụ cấp ưu đãi nghề', type: 'raw', aliases: ['Phụ cấp ưu đãi nghề (%)', 'PC ưu đãi nghề', 'Ưu đãi nghề'] },
    { key: 'responsibilityPercent', label: 'Phụ cấp trách nhiệm nghề', type: 'raw', aliases: ['Phụ cấp trách nhiệm nghề (%)', 'PC trách nhiệm nghề', 'Trách nhiệm nghề'] },
    { key: 'publicServicePercent', label: 'Phụ cấp công vụ', type: 'raw', aliases: ['Phụ cấp công vụ (%)', 'PC công vụ'] },
    { key: 'partyWorkPercent', label: 'Phụ cấp công tác đảng, đoàn thể', type: 'raw', aliases: ['Phụ cấp công tác đảng, đoàn thể (%)', 'PC công tác đảng, đoàn thể', 'Phụ cấp công tác đảng', 'PC công tác đảng'] },
    { key: 'monthlySalary', label: 'Tiền lương tháng hiện hưởng', type: 'raw', aliases: ['Tiền lương tháng hiện hưởng', 'Tiền lương hiện hưởng (đồng)', 'Tiền lương hiện hưởng'] },
    // Months when the header says "(tháng)": StaffBenefits.insuredTimeUnit, from the column's header.
    { key: 'insuredTime', label: 'Thời gian đóng BHXH bắt buộc', type: 'raw', aliases: ['Thời gian đóng BHXH bắt buộc', 'Số năm đóng BHXH', 'Thời gian đóng BHXH'] },
    { key: 'decisionDate', label: 'Ngày hiệu lực quyết định sắp xếp', type: 'date', aliases: ['Ngày hiệu lực quyết định sắp xếp', 'Thời điểm quyết định sắp xếp'] },
    { key: 'declaredTotal', label: 'Tổng số tiền đơn vị đề nghị', type: 'raw', aliases: ['Tổng số tiền đơn vị đề nghị', 'Tổng kinh phí (đơn vị kê khai)', 'Tổng kinh phí đơn vị kê khai', 'Tổng số tiền trợ cấp', 'Tổng kinh phí được hưởng'] },
    // The unit's own amounts of each allowance, under the headers of the appendices offices file: audited, never used.
    { key: 'declaredPensionAllowance', label: 'Trợ cấp hưu trí một lần (đơn vị kê khai)', type: 'raw', aliases: ['Trợ cấp hưu trí một lần cho thời gian nghỉ sớm', 'Trợ cấp hưu trí một lần', 'Trợ cấp cho số tháng nghỉ sớm'] },
    { key: 'declaredEarlyYearsAllowance', label: 'Trợ cấp cho số năm nghỉ sớm (đơn vị kê khai)', type: 'raw', aliases: ['Trợ cấp cho số năm nghỉ sớm', 'Trợ cấp theo số năm nghỉ sớm'] },
    { key: 'declaredInsuranceAllowance', label: 'Trợ cấp theo thời gian đóng BHXH (đơn vị kê khai)', type: 'raw', aliases: ['Trợ cấp theo thời gian công tác có đóng BHXH', 'Trợ cấp cho thời gian công tác có đóng BHXH', 'Trợ cấp theo thời gian đóng BHXH bắt buộc'] },
    { key: 'declaredSeveranceAllowance', label: 'Trợ cấp thôi việc (đơn vị kê khai)', type: 'raw', aliases: ['Trợ cấp thôi việc', 'Trợ cấp cho số tháng thôi việc'] },
    { key: 'declaredInsuranceYearsAllowance', label: 'Trợ cấp theo số năm đóng BHXH (đơn vị kê khai)', type: 'raw', aliases: ['Trợ cấp theo số năm đóng BHXH', 'Trợ cấp cho số năm đóng BHXH'] },
    { key: 'declaredJobSearchAllowance', label: 'Trợ cấp tìm việc làm (đơn vị kê khai)', type: 'raw', aliases: ['Trợ cấp tìm việc làm', 'Trợ cấp để tìm việc làm'] },
    { key: 'qualification', label: 'Trình độ chuyên môn', type: 'text', repeats: true, aliases: ['Trình độ chuyên môn', 'Trình độ CM', 'Trình độ chuyên môn, nghiệp vụ', 'Trình độ đào tạo'] },
    { key: 'politicalTheory', label: 'Lý luận chính trị', type: 'text', repeats: true, aliases: ['Lý luận chính trị', 'Trình độ lý luận chính trị', 'LLCT'] },
    { key: 'ethnicity', label: 'Dân tộc', type: 'text', repeats: true, aliases: ['Dân tộc'] },
    { key: 'partyMember', label: 'Đảng viên', type: 'yesno', aliases: ['Đảng viên', 'Là đảng viên', 'ĐV'] },
    { key: 'partyJoinDate', label: 'Ngày vào Đảng', type: 'date', aliases: ['Ngày vào Đảng', 'Ngày kết nạp Đảng'] },
  ],
};

const UNITS: KindDef = {
  kind: 'units',
  fields: [
    { key: 'unit', label: 'Đơn vị', type: 'text', repeats: true, required: true, aliases: ['Đơn vị', 'Cơ quan', 'Tên đơn vị', 'Cơ quan, đơn vị', 'Tên cơ quan, đơn vị'] },
    { key: 'block', label: 'Khối', type: 'vocab', vocab: blocks, aliases: ['Khối', 'Khối cơ quan', 'Thuộc khối'] },
    { key: 'quota', label: 'Biên chế giao', type: 'number', required: true, aliases: [], yearPrefixes: ['biên chế', 'chỉ tiêu biên chế', 'số lượng biên chế', 'biên chế được giao', 'biên chế giao'] },
    { key: 'currentQuota', label: 'Biên chế hiện giao', type: 'number', aliases: ['Biên chế hiện giao', 'Biên chế được giao hiện nay', 'Biên chế giao hiện nay'] },
    { key: 'maxDeputies', label: 'Số cấp phó tối đa', type: 'number', aliases: ['Số cấp phó tối đa', 'Số lượng cấp phó tối đa', 'Cấp phó tối đa'] },
    { key: 'note', label: 'Ghi chú', type: 'text', aliases: ['Ghi chú'] },
  ],
};

const MERGER_PLAN: KindDef = {
  kind: 'mergerPlan',
  fields: [
    { key: 'fromUnit', label: 'Đơn vị hiện tại', type: 'text', required: true, aliases: ['Đơn vị hiện tại', 'Cơ quan trước sắp xếp', 'Đơn vị trước sắp xếp', 'Cơ quan hiện tại', 'Đơn vị hiện nay'] },
    { key: 'toUnit', label: 'Đơn vị sau sắp xếp', type: 'text', required: true, aliases: ['Đơn vị sau sắp xếp', 'Cơ quan sau sắp xếp', 'Đơn vị mới', 'Cơ quan sau hợp nhất', 'Đơn vị sau hợp nhất, sáp nhập'] },
    { key: 'form', label: 'Hình thức sắp xếp', type: 'vocab', vocab: mergerForms, aliases: ['Hình thức', 'Hình thức sắp xếp', 'Phương án'] },
    { key: 'effectiveDate', label: 'Ngày hiệu lực', type: 'date', aliases: ['Ngày hiệu lực', 'Thời điểm', 'Thời điểm thực hiện', 'Ngày thực hiện', 'Thời gian thực hiện'] },
    { key: 'note', label: 'Ghi chú', type: 'text', aliases: ['Ghi chú'] },
  ],
};

const MEMBERS: KindDef = {
  kind: 'members',
  fields: [
    fullName, birthDate, sex,
    { key: 'ethnicity', label: 'Dân tộc', type: 'text', repeats: true, aliases: ['Dân tộc'] },
    { key: 'religion', label: 'Tôn giáo', type: 'text', repeats: true, aliases: ['Tôn giáo'] },
    { key: 'education', label: 'Trình độ', type: 'text', repeats: true, aliases: ['Trình độ', 'Trình độ học vấn', 'Trình độ chuyên môn', 'Học vấn'] },
    { key: 'politicalTheory', label: 'Lý luận chính trị', type: 'text', repeats: true, aliases: ['Lý luận chính trị', 'Trình độ lý luận chính trị', 'LLCT'] },
    { key: 'cardNumber', label: 'Số thẻ', type: 'text', aliases: ['Số thẻ', 'Số thẻ đảng viên', 'Số thẻ Đảng'] },
    { key: 'partyCell', label: 'Chi bộ', type: 'text', repeats: true, required: true, aliases: ['Chi bộ', 'Sinh hoạt tại chi bộ', 'Chi bộ sinh hoạt', 'Tên chi bộ'] },
    { key: 'baseOrg', label: 'Đảng bộ cơ sở', type: 'text', repeats: true, aliases: ['Đảng bộ cơ sở', 'Tổ chức cơ sở đảng', 'TCCS đảng', 'Đảng bộ', 'Đảng bộ, chi bộ cơ sở'] },
    { key: 'joinDate', label: 'Ngày vào Đảng', type: 'date', required: true, aliases: ['Ngày vào Đảng', 'Ngày kết nạp', 'Ngày kết nạp Đảng', 'Ngày vào Đảng (dự bị)'] },
    { key: 'officialDate', label: 'Ngày chính thức', type: 'date', aliases: ['Ngày chính thức', 'Ngày công nhận chính thức', 'Ngày vào Đảng chính thức', 'Ngày đảng viên chính thức'] },
    { key: 'status', label: 'Tình trạng', type: 'vocab', vocab: memberStatuses, aliases: ['Tình trạng', 'Biến động', 'Tình trạng sinh hoạt', 'Trạng thái'] },
    { key: 'statusDate', label: 'Ngày biến động', type: 'date', aliases: ['Ngày biến động', 'Ngày chuyển', 'Thời điểm biến động', 'Ngày chuyển sinh hoạt'] },
    { key: 'badgeYears', label: 'Đã nhận Huy hiệu', type: 'badges', aliases: ['Đã nhận Huy hiệu', 'Huy hiệu Đảng', 'Huy hiệu đã nhận', 'Đã được tặng Huy hiệu Đảng', 'Huy hiệu'] },
    { key: 'monthsOutside', label: 'Số tháng gián đoạn', type: 'number', aliases: ['Số tháng gián đoạn', 'Thời gian gián đoạn (tháng)', 'Thời gian gián đoạn', 'Số tháng không tính tuổi đảng'] },
  ],
};

const ORGS: KindDef = {
  kind: 'orgs',
  fields: [
    { key: 'name', label: 'Tên tổ chức đảng', type: 'text', required: true, aliases: ['Tên tổ chức đảng', 'Tổ chức đảng', 'Tên chi bộ, đảng bộ', 'Tên đảng bộ, chi bộ', 'Chi bộ', 'Đảng bộ', 'Tên tổ chức cơ sở đảng'] },
    { key: 'level', label: 'Cấp', type: 'vocab', vocab: orgLevels, aliases: ['Cấp', 'Loại hình', 'Cấp tổ chức', 'Loại tổ chức'] },
    { key: 'parent', label: 'Trực thuộc', type: 'text', repeats: true, aliases: ['Trực thuộc', 'Thuộc đảng bộ', 'Đảng bộ cấp trên'] },
    { key: 'foundedDate', label: 'Ngày thành lập', type: 'date', aliases: ['Ngày thành lập', 'Thời điểm thành lập', 'Ngày quyết định thành lập'] },
    { key: 'rating', label: 'Xếp loại', type: 'vocab', vocab: ratings, aliases: [], yearPrefixes: ['xếp loại', 'kết quả xếp loại', 'đánh giá xếp loại', 'xếp loại chất lượng', 'đánh giá, xếp loại', 'kết quả đánh giá xếp loại'] },
    { key: 'eHandbook', label: 'Sổ tay đảng viên điện tử', type: 'yesno', aliases: ['Sổ tay đảng viên điện tử', 'Ứng dụng Sổ tay ĐV', 'Sổ tay ĐV điện tử', 'Ứng dụng sổ tay đảng viên', 'Sử dụng sổ tay đảng viên điện tử', 'Sổ tay điện tử'] },
  ],
};

const TASKS: KindDef = {
  kind: 'tasks',
  fields: [
    { key: 'task', label: 'Nhiệm vụ', type: 'text', required: true, aliases: ['Nhiệm vụ', 'Nội dung', 'Nội dung nhiệm vụ', 'Tên nhiệm vụ', 'Nhiệm vụ đăng ký', 'Nội dung công việc'] },
    { key: 'owner', label: 'Đơn vị thực hiện', type: 'text', repeats: true, aliases: ['Đơn vị', 'Đơn vị thực hiện', 'Đơn vị chủ trì', 'Cơ quan chủ trì', 'Cơ quan thực hiện'] },
    { key: 'deadline', label: 'Thời hạn', type: 'date', aliases: ['Thời hạn', 'Thời hạn hoàn thành', 'Hạn hoàn thành', 'Thời gian hoàn thành'] },
    { key: 'status', label: 'Kết quả', type: 'vocab', vocab: taskStatuses, required: true, aliases: ['Kết quả', 'Tình trạng', 'Kết quả thực hiện', 'Tiến độ', 'Trạng thái'] },
    { key: 'year', label: 'Năm', type: 'number', aliases: ['Năm', 'Năm đăng ký'] },
  ],
};

/** Targets are key/value rows, not columns: these are the row labels. */
export const TARGET_KEYS: ReadonlyArray<{ key: 'year' | 'admissionPlan' | 'population' | 'memberShareTarget' | 'goodOrBetterTarget'; aliases: readonly string[] }> = [
  { key: 'year', aliases: ['Năm'] },
  { key: 'admissionPlan', aliases: ['Kế hoạch kết nạp', 'Chỉ tiêu kết nạp', 'Kế hoạch kết nạp đảng viên', 'Chỉ tiêu kết nạp đảng viên', 'Số đảng viên kết nạp theo kế hoạch'] },
  { key: 'population', aliases: ['Dân số', 'Tổng dân số', 'Dân số trung bình'] },
  { key: 'memberShareTarget', aliases: ['Tỷ lệ đảng viên/dân số mục tiêu', 'Tỷ lệ đảng viên trên dân số mục tiêu', 'Mục tiêu tỷ lệ đảng viên/dân số', 'Tỷ lệ đảng viên so với dân số mục tiêu', 'Tỷ lệ đảng viên/dân số'] },
  { key: 'goodOrBetterTarget', aliases: ['Tỷ lệ TCCSĐ HTTNV trở lên mục tiêu', 'Tỷ lệ TCCSĐ hoàn thành tốt nhiệm vụ trở lên', 'Mục tiêu tỷ lệ TCCSĐ HTTNV trở lên', 'Tỷ lệ TCCSĐ HTTNV trở lên'] },
];
export const TARGET_LABEL_ALIASES = ['Chỉ tiêu', 'Nội dung', 'Nội dung chỉ tiêu', 'Tên chỉ tiêu'];

export const KIND_DEFS: readonly KindDef[] = [STAFF, UNITS, MERGER_PLAN, MEMBERS, ORGS, TASKS];

export function kindDef(kind: SheetKind): KindDef | undefined {
  return KIND_DEFS.find((d) => d.kind === kind);
}

/** Folded alias → field key, per kind, with the aliases longest first for prefix matching. */
export interface AliasIndex {
  exact: Map<string, string>;
  prefixes: Array<[string, string]>;
  /**
   * The same prefixes, each with the space that must follow it ("don vi "), grouped by their first
   * char code, longest first within a group: header detection tries every cell of the top rows
   * against every kind, so a label is compared only with the prefixes that can match it.
   */
  spacedPrefixesByFirst: Map<number, Array<[string, string]>>;
  yearPrefixes: Array<[string, string]>;
}

const indexCache = new Map<SheetKind, AliasIndex>();
export function aliasIndex(def: KindDef): AliasIndex {
  const cached = indexCache.get(def.kind);
  if (cached) return cached;
  const exact = new Map<string, string>();
  const prefixes: Array<[string, string]> = [];
  const yearPrefixes: Array<[string, string]> = [];
  for (const field of def.fields) {
    for (const alias of field.aliases) {
      const key = foldKey(alias);
      if (!exact.has(key)) exact.set(key, field.key);
      prefixes.push([key, field.key]);
    }
    for (const prefix of field.yearPrefixes ?? []) yearPrefixes.push([foldKey(prefix), field.key]);
  }
  prefixes.sort((a, b) => b[0].length - a[0].length);
  yearPrefixes.sort((a, b) => b[0].length - a[0].length);
  const spacedPrefixesByFirst = new Map<number, Array<[string, string]>>();
  for (const [prefix, field] of prefixes) {
    const spaced = prefix + ' ';
    const group = spacedPrefixesByFirst.get(spaced.charCodeAt(0));
    if (group) group.push([spaced, field]);
    else spacedPrefixesByFirst.set(spaced.charCodeAt(0), [[spaced, field]]);
  }
  const index = { exact, prefixes, spacedPrefixesByFirst, yearPrefixes };
  indexCache.set(def.kind, index);
  return index;
}

/** Fields whose columns get a cache of repaired text: vocabularies and the repeating text fields. */
export function repeatingFields(def: KindDef): Set<string> {
  return new Set(def.fields.filter((f) => f.repeats || f.type === 'vocab').map((f) => f.key));
}
