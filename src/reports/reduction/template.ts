import { BLOCK_LABELS, type Category, type ReductionForm } from '../../domain/vocabulary';
import type { ReducedPerson, ReductionReport } from './figures';
import { CATEGORIES, FORMS } from './figures';
import { viPercentFormula } from '../../templates/numberFormats';
import { documentTemplate, type OrgDetails, type TableColumn } from '../../templates/layout';
import type { TemplateSheet } from '../../templates/parse';
import { formatInline } from '../../templates/planner';
import { documentFigures, type DocumentContext } from '../../templates/document';

export const CATEGORY_LABELS: Record<Category, string> = {
  canBo: 'Cán bộ',
  congChuc: 'Công chức',
  vienChuc: 'Viên chức',
  nguoiLaoDong: 'Người lao động (hợp đồng)',
  capXa: 'Cán bộ, công chức cấp xã',
  khongChuyenTrach: 'Người hoạt động không chuyên trách cấp xã',
};
export const FORM_LABELS: Record<ReductionForm | 'unspecified', string> = {
  earlyRetirement: 'Nghỉ hưu trước tuổi',
  resignation: 'Thôi việc ngay',
  resignationAfterTraining: 'Thôi việc sau khi đi học nghề',
  transferOutsideBudget: 'Chuyển sang tổ chức không hưởng lương từ NSNN',
  unspecified: 'Chưa ghi hình thức',
};


/**
 * The built-in "Báo cáo kết quả thực hiện tinh giản biên chế": the report sheet (Table I by
 * category and form, Table II quotas by unit and by block, assessment, notes, signature) and the
 * appendix listing the people, birth dates in separate Nam/Nữ columns as the official forms have
 * them. Templates use the contract keys of docs/reports.md (2. Reports) plus the presentation
 * keys made by `reductionFigures` (labels, the cross table, one line per unit with its reductions).
 */

export const REDUCTION_SHEET = 'TGBC';
export const REDUCTION_APPENDIX_SHEET = 'Phụ lục TGBC';

const FORM_COLUMNS: ReadonlyArray<ReductionForm | 'unspecified'> = FORMS;
const FORM_HEADERS: Record<ReductionForm | 'unspecified', string> = {
  earlyRetirement: 'Nghỉ hưu trước tuổi',
  resignation: 'Thôi việc ngay',
  resignationAfterTraining: 'Thôi việc sau khi đi học nghề',
  transferOutsideBudget: 'Chuyển ra ngoài NSNN',
  unspecified: 'Chưa ghi hình thức',
};
// STT, name, six figures: the shared grid of both tables of the report sheet (A4 portrait).
const REPORT_WIDTHS = [5, 24, 9, 9, 9, 10, 11, 10];
const RATE_TOTAL = viPercentFormula('E{row}', 'C{row}');

function quotaColumns(nameHeader: string, nameCell: string): TableColumn[] {
  return [
    { header: 'STT', cell: '{{@index}}' },
    { header: nameHeader, cell: nameCell },
    { header: 'Năm {{quota.baselineYear}}', group: 'Biên chế được giao', cell: '{{baseline}}', total: true, align: 'right' },
    { header: 'Năm {{quota.currentYear}}', group: 'Biên chế được giao', cell: '{{current}}', total: true, align: 'right' },
    { header: 'Tăng (+), giảm (-)', group: 'So sánh', cell: '{{change}}', total: true, align: 'right' },
    { header: 'Tỷ lệ', group: 'So sánh', cell: '{{changeRate}}', total: RATE_TOTAL, align: 'right' },
    { header: 'Số có mặt đến {{period.toText}}', cell: '{{activeStaff}}', total: true, align: 'right' },
    { header: 'Số tinh giản trong kỳ', cell: '{{reduced}}', total: true, align: 'right' },
  ];
}

export function reductionTemplates(variant: OrgDetails['variant'] = 'party', recipients: readonly string[] = []): TemplateSheet[] {
  const report = documentTemplate({
    name: REDUCTION_SHEET, org: { variant }, widths: REPORT_WIDTHS, orientation: 'portrait', top: 'report',
    title: 'BÁO CÁO', subtitle: 'Kết quả thực hiện tinh giản biên chế', periodLine: '(Từ ngày {{period.fromText}} đến ngày {{period.toText}})',
    sections: [
      { kind: 'paragraph', text: 'Thực hiện Nghị quyết số 39-NQ/TW ngày 17/4/2015 của Bộ Chính trị về tinh giản biên chế và cơ cấu lại đội ngũ cán bộ, công chức, viên chức, {{org.issuingBodyText}} báo cáo kết quả thực hiện như sau:' },
      { kind: 'heading', text: 'I. KẾT QUẢ TINH GIẢN BIÊN CHẾ' },
      { kind: 'paragraph', text: 'Trong kỳ đã thực hiện tinh giản {{reduced.total}} người. Số người tinh giản chia theo đối tượng và hình thức:' },
      {
        kind: 'table',
        table: {
          list: 'reduced.byCategoryForm', totalLabel: 'Tổng cộng',
          columns: [
            { header: 'STT', cell: '{{@index}}' },
            { header: 'Đối tượng', cell: '{{label}}' },
            { header: 'Tổng số', cell: '{{total}}', total: true, align: 'right' },
            ...FORM_COLUMNS.map((f): TableColumn => ({ header: FORM_HEADERS[f], group: 'Chia theo hình thức tinh giản', cell: `{{${f}}}`, total: true, align: 'right' })),
          ],
        },
      },
      { kind: 'heading', text: 'II. BIÊN CHẾ ĐƯỢC GIAO' },
      { kind: 'paragraph', text: '{{quota.yearsText}}' },
      { kind: 'paragraph', text: '1. Theo cơ quan, đơn vị (cơ cấu tổ chức đến ngày {{period.toText}}; đơn vị đã hợp nhất, sáp nhập được tính vào đơn vị mới):' },
      { kind: 'table', table: { list: 'quota.lines', totalLabel: 'Tổng cộng', columns: quotaColumns('Cơ quan, đơn vị', '{{unit}}') } },
      { kind: 'paragraph', text: '2. Theo khối:' },
      { kind: 'table', table: { list: 'quota.blocks', totalLabel: 'Tổng cộng', columns: quotaColumns('Khối', '{{label}}') } },
      { kind: 'heading', text: 'III. ĐÁNH GIÁ' },
      { kind: 'paragraph', text: '{{quota.summary}}' },
      { kind: 'paragraph', text: 'Danh sách người tinh giản tại Phụ lục kèm theo.' },
    ],
    signature: { recipients: [...recipients] },
  });

  const appendix = documentTemplate({
    name: REDUCTION_APPENDIX_SHEET, org: { variant }, widths: [5, 22, 11, 11, 24, 15, 12, 16, 11, 18], orientation: 'landscape', top: 'appendix', compiler: true,
    appendixNote: '(Kèm theo Báo cáo {{org.documentNumberText}} ngày {{reportDate.text}})',
    title: 'DANH SÁCH NGƯỜI ĐÃ TINH GIẢN BIÊN CHẾ', periodLine: '(Từ ngày {{period.fromText}} đến ngày {{period.toText}})',
    sections: [
      {
        kind: 'table',
        table: {
          list: 'reduced.people', totalLabel: 'Tổng cộng: {{reduced.total}} người',
          columns: [
            { header: 'STT', cell: '{{@index}}' },
            { header: 'Họ và tên', cell: '{{fullName}}' },
            { header: 'Nam', group: 'Ngày, tháng, năm sinh', cell: '{{birthDateMale}}', align: 'center' },
            { header: 'Nữ', group: 'Ngày, tháng, năm sinh', cell: '{{birthDateFemale}}', align: 'center' },
            { header: 'Cơ quan, đơn vị', cell: '{{unit}}' },
            { header: 'Chức vụ', cell: '{{position}}' },
            { header: 'Đối tượng', cell: '{{categoryLabel}}' },
            { header: 'Hình thức tinh giản', cell: '{{formLabel}}' },
            { header: 'Ngày nghỉ', cell: '{{leftDate}}', align: 'center' },
            { header: 'Căn cứ (quyết định)', cell: '{{basis}}' },
          ],
        },
      },
    ],
  });
  return [report, appendix];
}

const sumOf = <T>(items: readonly T[], f: (t: T) => number) => items.reduce((n, t) => n + f(t), 0);
// Figures in running text, written as the template engine writes them: 1.234 and 15,30%.
const count = (n: number) => formatInline(n, 'count');
const percent = (rate: number) => formatInline(rate, 'rate');

/**
 * Why the quota columns' years are not the period's: the units sheet gives the quota of the
 * period's first year and the latest quota assigned. Nothing to say without them (the summary says so).
 */
function quotaYearsText(r: ReductionReport): string {
  const { baselineYear, currentYear } = r.quota;
  if (baselineYear === null || currentYear === null) return '';
  return `Biên chế được giao so sánh giữa năm ${baselineYear} (năm đầu kỳ) và năm ${currentYear} (năm giao biên chế gần nhất).`;
}

/** One sentence on the quota for the assessment: the cut, its rate, and the target if one was set. */
function quotaSummary(r: ReductionReport): string {
  const { quota } = r;
  if (quota.baselineYear === null || quota.currentYear === null || quota.baseline === 0) return 'Chưa có đủ số liệu biên chế được giao của năm gốc và năm hiện tại để so sánh.';
  const direction = quota.change < 0 ? 'giảm' : quota.change > 0 ? 'tăng' : 'không thay đổi';
  const by = quota.change === 0 ? '' : ` ${count(Math.abs(quota.change))} biên chế (${percent(Math.abs(quota.changeRate ?? 0))})`;
  let text = `Tổng biên chế được giao năm ${quota.currentYear} là ${count(quota.current)}, ${direction}${by} so với năm ${quota.baselineYear} (${count(quota.baseline)}).`;
  if (r.target) text += ` So với mục tiêu giảm tối thiểu ${percent(r.target.rate)}: ${r.target.met ? 'đạt' : 'chưa đạt'}.`;
  return text;
}

type CrossRow = Record<string, unknown> & { total: number };
const FORM_SET: ReadonlySet<string> = new Set(FORMS);

/**
 * Counts each person in the row of their category, and in its column of their form; people
 * without a category in `none`, those of a category outside the vocabulary nowhere (no label).
 * One pass, as an appendix may list thousands; by index, as this runs once a report, largely
 * before V8 optimizes it, and an unoptimized for…of makes an object per step. A function of its
 * own: V8 compiles the loop while it runs, and code after it in the same function would be sent
 * back to the interpreter on every report.
 */
function countByCategoryAndForm(people: readonly ReducedPerson[], byCategory: ReadonlyMap<unknown, CrossRow>, none: CrossRow): void {
  for (let i = 0; i < people.length; i++) {
    const p = people[i];
    const r = p.category ? byCategory.get(p.category) : none;
    if (!r) continue;
    r.total++;
    if (FORM_SET.has(p.form)) (r[p.form] as number)++;
  }
}

/** Table I: a row per category, then one for the people without a category when there are any. */
function crossTable(people: readonly ReducedPerson[]): CrossRow[] {
  const row = (category: string, label: string): CrossRow => {
    const r: CrossRow = { category, label, total: 0 };
    for (const f of FORMS) r[f] = 0;
    return r;
  };
  const rows = CATEGORIES.map((c) => row(c, CATEGORY_LABELS[c]));
  const withoutCategory = row('unspecified', 'Chưa ghi đối tượng');
  countByCategoryAndForm(people, new Map(rows.map((r) => [r.category, r])), withoutCategory);
  return withoutCategory.total ? [...rows, withoutCategory] : rows;
}

/**
 * A person's line in the appendix: every field of the record (a template may show any of them),
 * and the split birth dates and labels the built-in template shows. Written out field by field:
 * a spread of each of thousands of records cost V8 a tenth of planning the whole report, and
 * `satisfies` keeps the list whole when a field is added to ReducedPerson.
 */
function personLine(p: ReducedPerson) {
  return {
    fullName: p.fullName, birthDate: p.birthDate, sex: p.sex, unit: p.unit, position: p.position, category: p.category,
    form: p.form, leftDate: p.leftDate, basis: p.basis, sheet: p.sheet, row: p.row,
    birthDateMale: p.sex === 'male' ? p.birthDate : undefined,
    birthDateFemale: p.sex === 'female' ? p.birthDate : undefined,
    categoryLabel: p.category ? CATEGORY_LABELS[p.category] : '',
    formLabel: FORM_LABELS[p.form],
  } satisfies { [K in keyof ReducedPerson]-?: unknown } & Record<string, unknown>;
}

/** The report's figures plus what the built-in template shows: labels, the cross table, unit lines with their reductions. */
export function reductionFigures(r: ReductionReport, context: DocumentContext): Record<string, unknown> {
  const crossRows = crossTable(r.reduced.people);

  const reducedByUnit = new Map(r.reduced.byUnit.map((u) => [u.unit, u.total]));
  const lines = r.quota.byUnit.map((l) => ({ ...l, reduced: reducedByUnit.get(l.unit) ?? 0 }));
  // Units with people reduced but no line in the units sheet still count in the reduced column.
  for (const u of r.reduced.byUnit) if (!r.quota.byUnit.some((l) => l.unit === u.unit)) lines.push({ unit: u.unit, block: undefined, baseline: 0, current: 0, change: 0, changeRate: null, activeStaff: 0, reduced: u.total });
  const blocks = r.quota.byBlock.map((b) => ({ ...b, label: BLOCK_LABELS[b.block], reduced: sumOf(lines.filter((l) => (l.block ?? 'unspecified') === b.block), (l) => l.reduced) }));
  const unplaced = sumOf(lines, (l) => l.reduced) - sumOf(blocks, (b) => b.reduced);
  if (unplaced > 0) {
    const other = blocks.find((b) => b.block === 'unspecified');
    if (other) other.reduced += unplaced;
    else blocks.push({ block: 'unspecified', label: BLOCK_LABELS.unspecified, baseline: 0, current: 0, change: 0, changeRate: null, activeStaff: 0, reduced: unplaced });
  }

  const people = r.reduced.people.map(personLine);

  return {
    ...documentFigures(r, context),
    reduced: { ...r.reduced, byCategoryForm: crossRows, people },
    quota: { ...r.quota, lines, blocks, summary: quotaSummary(r), yearsText: quotaYearsText(r) },
  };
}
