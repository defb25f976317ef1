import { FIFTEEN_YEAR_RULE_FROM } from '../../domain/benefits';
import { dayText } from '../../domain/period';
import type { Category } from '../../domain/vocabulary';
import { documentFigures, type DocumentContext } from '../../templates/document';
import { appendixName, documentTemplate, type OrgDetails, type TableColumn } from '../../templates/layout';
import { VI_COUNT_FORMAT } from '../../templates/numberFormats';
import type { TemplateSheet } from '../../templates/parse';
import { formatInline } from '../../templates/planner';
import { CATEGORY_LABELS } from '../reduction/template';
import { AUDIT_FIELD_LABELS, baseSalaryText, type BenefitPerson, type BenefitsReport, type RetirementDue } from './figures';

/**
 * The built-in "Báo cáo kết quả giải quyết chính sách, chế độ đối với người nghỉ việc do sắp xếp tổ
 * chức bộ máy": the report (numbers and money by form and by unit, the base salary, the appendices
 * cited), the two lists in the layout offices file (Phụ lục I early retirement, Phụ lục II
 * resignation), the unit's declared figures against the computed ones (Phụ lục III) and the people
 * reaching retirement age soon (Phụ lục IV). In the lists every derived figure and every amount is an
 * Excel formula over the row's own cells, so that an inspector can follow and recompute it; the
 * planner stores each result, which the engine's figures must equal (docs/decisions.md, "Benefits").
 */

export const BENEFITS_SHEET = 'CĐCS';
export const EARLY_RETIREMENT_SHEET = 'Phụ lục nghỉ hưu';
export const RESIGNATION_SHEET = 'Phụ lục thôi việc';
export const AUDIT_SHEET = 'Phụ lục đối chiếu';
export const RETIREMENT_DUE_SHEET = 'Phụ lục đến tuổi hưu';

const BASIS = 'Thực hiện Nghị định số 178/2024/NĐ-CP ngày 31/12/2024 của Chính phủ về chính sách, chế độ đối với cán bộ, công chức, viên chức, người lao động và lực lượng vũ trang trong thực hiện sắp xếp tổ chức bộ máy của hệ thống chính trị (được sửa đổi, bổ sung bởi Nghị định số 67/2025/NĐ-CP ngày 15/3/2025 của Chính phủ) và Thông tư số 01/2025/TT-BNV ngày 17/01/2025 của Bộ Nội vụ, {{org.issuingBodyText}} báo cáo kết quả giải quyết chính sách, chế độ như sau:';

/** Insured or early time in months as the allowances count it in years: whole years, spare 1–6 months 0,5, 7–11 months 1 (NĐ 178/2024, Điều 5). */
const roundedYears = (months: string) => `INT(${months}/12)+IF(MOD(${months},12)=0,0,IF(MOD(${months},12)<=6,0.5,1))`;
/** Within the first 12 months of the decision's effect (NĐ 178/2024, Điều 7.1 and 9.1; TT 01/2025, Điều 3.1). */
const firstTwelve = (left: string, decision: string) => `${left}<EDATE(${decision},12)`;
/** Whole months from the month of one day to the month of another (TT 01/2025, Điều 3.3). */
const monthsBetween = (from: string, to: string) => `(YEAR(${to})-YEAR(${from}))*12+MONTH(${to})-MONTH(${from})`;
const [Y, M, D] = FIFTEEN_YEAR_RULE_FROM.split('-').map(Number);
/**
 * Years in halves (35,5) stay numbers, as the amounts' formulas multiply them; a format cannot put a
 * literal decimal comma, so they carry the Vietnamese locale's tag, which LibreOffice shows as 35,5
 * on any PC and Excel with the PC's own decimal mark (docs/decisions.md, "Benefits").
 */
const YEARS_FORMAT = '[$-42A]General';

const money = (header: string, cell: string, group?: string): TableColumn => ({ header, cell, total: true, align: 'right', format: VI_COUNT_FORMAT, ...(group ? { group } : {}) });
const BIRTH = 'Ngày, tháng, năm sinh';
const person: TableColumn[] = [
  { header: 'STT', cell: '{{@index}}' },
  { header: 'Họ và tên', cell: '{{fullName}}' },
  { header: 'Nam', group: BIRTH, cell: '{{birthDateMale}}', align: 'center' },
  { header: 'Nữ', group: BIRTH, cell: '{{birthDateFemale}}', align: 'center' },
  { header: 'Chức vụ, đơn vị công tác', cell: '{{positionUnit}}' },
];

/**
 * Phụ lục I, early retirement (NĐ 178/2024, Điều 7 as amended by NĐ 67/2025, Điều 1.6; TT 01/2025,
 * Điều 4). Columns F–R: salary, insured months and years, the decision's day, the pension's start
 * (the day of leaving), the statutory start, months and years early, (a), (b), (c), total, the (c) rule.
 */
function earlyRetirementColumns(): TableColumn[] {
  const r = '{row}';
  return [
    ...person,
    { header: 'Tiền lương tháng hiện hưởng (đồng)', cell: '{{monthlySalary}}', align: 'right' },
    { header: 'Số tháng', group: 'Thời gian đóng BHXH bắt buộc', cell: '{{insuredMonths}}', align: 'center' },
    { header: 'Số năm (làm tròn)', group: 'Thời gian đóng BHXH bắt buộc', cell: `=${roundedYears(`G${r}`)}`, align: 'center', format: YEARS_FORMAT },
    { header: 'Ngày hiệu lực quyết định sắp xếp', cell: '{{decisionDate}}', align: 'center' },
    { header: 'Thời điểm nghỉ hưu trước tuổi', cell: '{{leftDate}}', align: 'center' },
    { header: 'Thời điểm đủ tuổi hưởng lương hưu', cell: '{{statutoryPensionStart}}', align: 'center' },
    { header: 'Số tháng', group: 'Nghỉ sớm', cell: `=${monthsBetween(`J${r}`, `K${r}`)}`, align: 'center' },
    { header: 'Số năm', group: 'Nghỉ sớm', cell: `=${roundedYears(`L${r}`)}`, align: 'center', format: YEARS_FORMAT },
    money('Trợ cấp hưu trí một lần cho thời gian nghỉ sớm', `=ROUND(F${r}*IF(L${r}<=60,L${r},60*0.9)*IF(${firstTwelve(`J${r}`, `I${r}`)},1,0.5),0)`, 'Các khoản trợ cấp (đồng)'),
    money('Trợ cấp cho số năm nghỉ sớm', `=IF(L${r}<24,0,ROUND(F${r}*IF(L${r}<=60,5,4)*M${r},0))`, 'Các khoản trợ cấp (đồng)'),
    money('Trợ cấp theo thời gian đóng BHXH', `=IF(L${r}<24,0,ROUND(F${r}*IF(AND(J${r}>=DATE(${Y},${M},${D}),H${r}>=15),4+0.5*(H${r}-15),5+0.5*MAX(0,H${r}-20)),0))`, 'Các khoản trợ cấp (đồng)'),
    money('Tổng số tiền (đồng)', `=N${r}+O${r}+P${r}`),
    { header: 'Ghi chú', cell: '{{note}}' },
  ];
}

/**
 * Phụ lục II, resignation (NĐ 178/2024, Điều 9–10; TT 01/2025, Điều 5–6). Columns G–S: salary,
 * insured months and years, the decision's day, the day of leaving, the statutory start, the months
 * to it, the months counted, severance, the insured years' allowance, the months to find work and
 * their allowance, total.
 */
function resignationColumns(): TableColumn[] {
  const r = '{row}';
  return [
    ...person,
    { header: 'Đối tượng', cell: '{{categoryLabel}}' },
    { header: 'Tiền lương tháng hiện hưởng (đồng)', cell: '{{monthlySalary}}', align: 'right' },
    { header: 'Số tháng', group: 'Thời gian đóng BHXH bắt buộc', cell: '{{insuredMonths}}', align: 'center' },
    { header: 'Số năm (làm tròn)', group: 'Thời gian đóng BHXH bắt buộc', cell: `=${roundedYears(`H${r}`)}`, align: 'center', format: YEARS_FORMAT },
    { header: 'Ngày hiệu lực quyết định sắp xếp', cell: '{{decisionDate}}', align: 'center' },
    { header: 'Thời điểm thôi việc', cell: '{{leftDate}}', align: 'center' },
    { header: 'Thời điểm đủ tuổi hưởng lương hưu', cell: '{{statutoryPensionStart}}', align: 'center' },
    { header: 'Số tháng đến tuổi hưởng lương hưu', cell: `=${monthsBetween(`K${r}`, `L${r}`)}`, align: 'center' },
    { header: 'Số tháng tính trợ cấp', cell: `=MAX(0,MIN(M${r},60,H${r}))`, align: 'center' },
    money('Trợ cấp thôi việc', `=ROUND(G${r}*N${r}*IF(${firstTwelve(`K${r}`, `J${r}`)},0.8,0.4),0)`, 'Các khoản trợ cấp (đồng)'),
    money('Trợ cấp theo số năm đóng BHXH', `=ROUND(G${r}*1.5*I${r},0)`, 'Các khoản trợ cấp (đồng)'),
    { header: 'Số tháng', group: 'Trợ cấp tìm việc làm', cell: '{{jobSearchMonths}}', align: 'center' },
    money('Số tiền', `=ROUND(G${r}*Q${r},0)`, 'Trợ cấp tìm việc làm'),
    money('Tổng số tiền (đồng)', `=O${r}+P${r}+R${r}`),
  ];
}

const EARLY_WIDTHS = [4.5, 15, 11.5, 11.5, 17, 12, 6.5, 6.5, 11.5, 11.5, 11.5, 6.5, 6.5, 13.5, 13.5, 13.5, 15.5, 12.5];
const RESIGN_WIDTHS = [4.5, 16, 11.5, 11.5, 17, 11, 12, 6.5, 6.5, 11.5, 11.5, 11.5, 7.5, 7.5, 13.5, 13.5, 6, 12.5, 15.5];
const REPORT_WIDTHS = [5, 24, 7, 8.5, 7, 14.5, 15, 15];

export function benefitsTemplates(variant: OrgDetails['variant'] = 'state', recipients: readonly string[] = []): TemplateSheet[] {
  const pl = (n: number) => appendixName(variant, n);
  const note = '(Kèm theo Báo cáo {{org.documentNumberText}} ngày {{reportDate.text}})';
  const periodLine = '(Từ ngày {{period.fromText}} đến ngày {{period.toText}})';
  const report = documentTemplate({
    name: BENEFITS_SHEET, org: { variant }, widths: REPORT_WIDTHS, orientation: 'portrait', top: 'report',
    title: 'BÁO CÁO',
    subtitle: 'Kết quả giải quyết chính sách, chế độ đối với cán bộ, công chức, viên chức, người lao động nghỉ việc do sắp xếp tổ chức bộ máy',
    periodLine,
    sections: [
      { kind: 'paragraph', text: BASIS },
      { kind: 'heading', text: 'I. SỐ NGƯỜI NGHỈ VIỆC VÀ KINH PHÍ THỰC HIỆN CHÍNH SÁCH' },
      { kind: 'paragraph', text: '{{benefits.summaryText}}' },
      {
        kind: 'table',
        table: {
          list: 'benefits.forms', totalLabel: 'Tổng cộng',
          columns: [
            { header: 'STT', cell: '{{@index}}' },
            { header: 'Hình thức nghỉ việc', cell: '{{label}}' },
            { header: 'Số người', cell: '{{count}}', total: true, align: 'right' },
            { header: 'Tỷ lệ', cell: '{{share}}', align: 'right' },
            { header: 'Trong đó nghỉ trong 12 tháng đầu', cell: '{{firstTwelve}}', total: true, align: 'right' },
            { header: 'Kinh phí (đồng)', cell: '{{total}}', total: true, align: 'right' },
            { header: 'Tỷ lệ kinh phí', cell: '{{totalShare}}', align: 'right' },
            { header: 'Bình quân một người (đồng)', cell: '{{average}}', align: 'right' },
          ],
        },
      },
      { kind: 'heading', text: 'II. THEO CƠ QUAN, ĐƠN VỊ' },
      {
        kind: 'table',
        table: {
          list: 'benefits.byUnit', totalLabel: 'Tổng cộng',
          columns: [
            { header: 'STT', cell: '{{@index}}' },
            { header: 'Cơ quan, đơn vị', cell: '{{unit}}' },
            { header: 'Nghỉ hưu trước tuổi', group: 'Số người', cell: '{{earlyRetirement.count}}', total: true, align: 'right' },
            { header: 'Thôi việc', group: 'Số người', cell: '{{resignation.count}}', total: true, align: 'right' },
            { header: 'Tổng', group: 'Số người', cell: '{{count}}', total: true, align: 'right' },
            { header: 'Nghỉ hưu trước tuổi', group: 'Kinh phí (đồng)', cell: '{{earlyRetirement.total}}', total: true, align: 'right' },
            { header: 'Thôi việc', group: 'Kinh phí (đồng)', cell: '{{resignation.total}}', total: true, align: 'right' },
            { header: 'Tổng', group: 'Kinh phí (đồng)', cell: '{{total}}', total: true, align: 'right' },
          ],
        },
      },
      { kind: 'heading', text: 'III. CĂN CỨ TÍNH VÀ ĐỐI CHIẾU' },
      { kind: 'paragraph', text: '{{benefits.salaryText}}' },
      { kind: 'paragraph', text: '{{benefits.auditText}}' },
      { kind: 'paragraph', text: '{{retirement.dueText}}' },
      { kind: 'paragraph', text: `Danh sách người nghỉ hưu trước tuổi (${pl(1)}), danh sách người thôi việc (${pl(2)}), bảng đối chiếu số liệu đơn vị kê khai (${pl(3)}) và danh sách người đến tuổi nghỉ hưu (${pl(4)}) kèm theo.` },
    ],
    signature: { recipients: [...recipients] },
  });
  const list = (name: string, n: number, title: string, listKey: string, widths: number[], columns: TableColumn[], totalLabel: string, line = periodLine) => documentTemplate({
    name, org: { variant }, widths, orientation: 'landscape', top: 'appendix', appendixNumber: n, appendixNote: note, compiler: true,
    title, periodLine: line, sections: [{ kind: 'table', table: { list: listKey, totalLabel, columns } }],
  });
  const early = list(EARLY_RETIREMENT_SHEET, 1, 'DANH SÁCH VÀ KINH PHÍ THỰC HIỆN CHÍNH SÁCH NGHỈ HƯU TRƯỚC TUỔI', 'benefits.earlyRetirement',
    EARLY_WIDTHS, earlyRetirementColumns(), 'Cộng: {{benefits.byForm.earlyRetirement.count}} người');
  const resign = list(RESIGNATION_SHEET, 2, 'DANH SÁCH VÀ KINH PHÍ THỰC HIỆN CHÍNH SÁCH THÔI VIỆC', 'benefits.resignation',
    RESIGN_WIDTHS, resignationColumns(), 'Cộng: {{benefits.byForm.resignation.count}} người');
  const audit = list(AUDIT_SHEET, 3, 'BẢNG ĐỐI CHIẾU SỐ LIỆU ĐƠN VỊ KÊ KHAI VỚI SỐ LIỆU TÍNH LẠI', 'benefits.audit', [5, 24, 26, 30, 9, 16, 16, 16], [
    { header: 'STT', cell: '{{@index}}' },
    { header: 'Họ và tên', cell: '{{fullName}}' },
    { header: 'Cơ quan, đơn vị', cell: '{{unit}}' },
    { header: 'Khoản', cell: '{{fieldLabel}}' },
    { header: 'Ô kê khai', cell: '{{cell}}', align: 'center' },
    { header: 'Đơn vị kê khai (đồng)', cell: '{{declared}}', align: 'right' },
    { header: 'Tính lại (đồng)', cell: '{{computed}}', align: 'right' },
    { header: 'Chênh lệch (đồng)', cell: '=F{row}-G{row}', align: 'right', format: VI_COUNT_FORMAT },
  ], 'Cộng: {{benefits.auditCount}} khoản');
  const due = list(RETIREMENT_DUE_SHEET, 4, 'DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC, NGƯỜI LAO ĐỘNG ĐẾN TUỔI NGHỈ HƯU', 'retirement.due', [5, 24, 12, 12, 34, 26, 18], [
    ...person.slice(0, 4),
    { header: 'Cơ quan, đơn vị', cell: '{{unit}}' },
    { header: 'Chức vụ', cell: '{{position}}' },
    { header: 'Thời điểm hưởng lương hưu', cell: '{{statutoryPensionStart}}', align: 'center' },
  ], 'Cộng: {{retirement.dueCount}} người', '(Thời điểm hưởng lương hưu từ ngày {{period.fromText}} đến ngày {{retirement.untilText}})');
  return [report, early, resign, audit, due];
}

const count = (n: number) => formatInline(n, 'count');
const percent = (rate: number) => formatInline(rate, 'rate');

function personLine(p: BenefitPerson) {
  return {
    ...p,
    birthDateMale: p.sex === 'male' ? p.birthDate : undefined,
    birthDateFemale: p.sex === 'female' ? p.birthDate : undefined,
    positionUnit: p.position ? `${p.position}, ${p.unit}` : p.unit,
    categoryLabel: p.category ? CATEGORY_LABELS[p.category as Category] : '',
    // Which rule the insured-time allowance (16) followed, or why there is none.
    note: p.insuranceRule === 'fifteenYears' ? 'Mốc 15 năm' : p.insuranceRule === 'twentyYears' ? 'Mốc 20 năm' : p.band === '<2' ? 'Dưới 24 tháng' : '',
  };
}

function dueLine(d: RetirementDue) {
  return { ...d, birthDateMale: d.sex === 'male' ? d.birthDate : undefined, birthDateFemale: d.sex === 'female' ? d.birthDate : undefined };
}

/** The report's figures plus what the built-in templates show: the lists by form, the table by form, the sentences. */
export function benefitsFigures(r: BenefitsReport, context: DocumentContext): Record<string, unknown> {
  const b = r.benefits;
  const variant = context.org.variant;
  const forms = [
    { label: 'Nghỉ hưu trước tuổi', ...b.byForm.earlyRetirement, firstTwelve: b.people.filter((p) => p.form === 'earlyRetirement' && p.window === 'first12').length },
    { label: 'Thôi việc', ...b.byForm.resignation, firstTwelve: b.people.filter((p) => p.form !== 'earlyRetirement' && p.window === 'first12').length },
  ].map((f) => ({
    ...f,
    share: b.count ? percent(f.count / b.count) : '',
    average: f.count ? Math.round(f.total / f.count) : undefined,
    totalShare: b.total ? percent(f.total / b.total) : '',
  }));
  const people = b.people.map(personLine);
  const auditPeople = new Set(b.audit.map((a) => `${a.file ?? ''}\u0000${a.sheet}\u0000${a.fullName}`)).size;
  const summaryText = b.count === 0
    ? 'Trong kỳ không có người nghỉ việc được giải quyết chính sách, chế độ theo Nghị định số 178/2024/NĐ-CP.'
    : `Trong kỳ đã giải quyết chính sách, chế độ cho ${count(b.count)} người nghỉ việc (nghỉ hưu trước tuổi ${count(b.byForm.earlyRetirement.count)} người, thôi việc ${count(b.byForm.resignation.count)} người), tổng kinh phí ${count(b.total)} đồng, cụ thể:`;
  const salaryText = b.baseSalaries.length === 0
    ? 'Tiền lương tháng hiện hưởng theo số liệu tiền lương của cơ quan, đơn vị.'
    : `Tiền lương tháng hiện hưởng tính theo hệ số lương, phụ cấp và mức lương cơ sở ${b.baseSalaries.map(baseSalaryText).join('; ')}; các khoản trợ cấp làm tròn đến đồng.`;
  const auditText = b.audit.length === 0
    ? `Đối chiếu số liệu do các cơ quan, đơn vị kê khai: không có chênh lệch (${appendixName(variant, 3)}).`
    : `Đối chiếu số liệu do các cơ quan, đơn vị kê khai: có ${count(b.audit.length)} khoản chênh lệch của ${count(auditPeople)} người, đề nghị các cơ quan, đơn vị rà soát (${appendixName(variant, 3)}).`;
  const dueText = `Trong kỳ và 12 tháng tiếp theo có ${count(r.retirement.due.length)} người đến tuổi nghỉ hưu theo Nghị định số 135/2020/NĐ-CP (${appendixName(variant, 4)}), cần chuẩn bị phương án bố trí, thay thế.`;
  return {
    ...documentFigures(r, context),
    benefits: {
      ...b, forms, people, summaryText, salaryText, auditText, auditCount: b.audit.length,
      earlyRetirement: people.filter((p) => p.form === 'earlyRetirement'),
      resignation: people.filter((p) => p.form !== 'earlyRetirement'),
      audit: b.audit.map((a) => ({ ...a, fieldLabel: AUDIT_FIELD_LABELS[a.field].replace(/^./, (c) => c.toUpperCase()) })),
    },
    retirement: { due: r.retirement.due.map(dueLine), dueCount: r.retirement.due.length, dueText, untilText: dayText(r.retirement.until) },
  };
}
