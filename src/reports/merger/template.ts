import { BLOCK_LABELS, type Block } from '../../domain/vocabulary';
import type { MergerGroup, MergerReport } from './figures';
import { dayText } from '../../domain/period';
import { documentTemplate, type OrgDetails, type TableColumn } from '../../templates/layout';
import type { TemplateCellInput, TemplateSheet } from '../../templates/parse';
import type { OrgChartPlan } from '../../templates/plan';
import { formatInline } from '../../templates/planner';
import { documentFigures, type DocumentContext } from '../../templates/document';

/**
 * The built-in "Báo cáo phương án sắp xếp tổ chức bộ máy": the report sheet (units before and
 * after, one line per resulting unit followed by its sources, with quotas, staff, leaders, the
 * deputy limit, surpluses and the deadline to absorb them; transferred functions; dissolved units)
 * and the organisation chart of the structure after, as an indented table that every Excel and
 * LibreOffice shows (the Office executor, where it can, and the .xlsx writer draw it as shapes too).
 */

export const MERGER_SHEET = 'Sắp xếp';
export const ORG_CHART_SHEET = 'Sơ đồ tổ chức';

const FORM_LABELS: Record<MergerGroup['form'], string> = { merge: 'Hợp nhất', absorb: 'Sáp nhập', transferFunction: 'Chuyển chức năng', dissolve: 'Giải thể', keep: 'Giữ nguyên' };

const number = (header: string, key: string, group?: string, total?: string): TableColumn => ({ header, cell: `{{${key}}}`, align: 'right', ...(group ? { group } : {}), ...(total ? { total } : {}) });

// The units table lists each resulting unit (its figures after) followed by the units it is made of
// (their figures before): a column's SUM would count everything twice. It closes with two rows, the
// sum of what the units brought and the sum after, from the figures (`totals.before`, `totals.after`).
const TOTAL_BEFORE = 'Cộng trước sắp xếp';
const TOTAL_AFTER = 'Cộng sau sắp xếp';
const AFTER_TOTALS: Record<number, string> = { 3: '{{totals.after.quota}}', 4: '{{totals.after.staff}}', 5: '{{totals.after.heads}}', 6: '{{totals.after.deputies}}', 8: '{{totals.after.surplusDeputies}}', 9: '{{totals.after.surplusStaff}}' };

export function mergerTemplates(variant: OrgDetails['variant'] = 'party', recipients: readonly string[] = []): TemplateSheet[] {
  const report = documentTemplate({
    name: MERGER_SHEET, org: { variant }, widths: [5, 33, 15, 8, 8, 8, 8, 8, 8, 8, 11], orientation: 'landscape', top: 'report',
    title: 'BÁO CÁO', subtitle: 'Phương án sắp xếp tổ chức bộ máy, biên chế và cán bộ lãnh đạo', periodLine: '(Cơ cấu tổ chức tính đến ngày {{dateText}})',
    sections: [
      { kind: 'paragraph', text: 'Thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII về một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả, {{org.issuingBodyText}} báo cáo phương án sắp xếp tổ chức bộ máy như sau:' },
      { kind: 'paragraph', text: '{{summary}}' },
      { kind: 'heading', text: 'I. CÁC ĐƠN VỊ SAU SẮP XẾP' },
      {
        kind: 'table',
        table: {
          list: 'lines',
          totalLabel: TOTAL_BEFORE,
          columns: [
            { header: 'STT', cell: '{{no}}', align: 'center' },
            { header: 'Cơ quan, đơn vị (sau sắp xếp, và các đơn vị trước sắp xếp)', cell: '{{label}}' },
            { header: 'Hình thức, ngày hiệu lực', cell: '{{formText}}' },
            number('Biên chế', 'quota', undefined, '{{totals.before.quota}}'),
            number('Số có mặt', 'staff', undefined, '{{totals.before.staff}}'),
            number('Cấp trưởng', 'heads', 'Lãnh đạo', '{{totals.before.heads}}'),
            number('Cấp phó', 'deputies', 'Lãnh đạo', '{{totals.before.deputies}}'),
            number('Cấp phó tối đa', 'maxDeputies', 'Lãnh đạo'),
            number('Cấp phó', 'surplusDeputies', 'Dôi dư'),
            number('Biên chế', 'surplusStaff', 'Dôi dư'),
            { header: 'Thời hạn giải quyết dôi dư', cell: '{{deadline}}', align: 'center' },
          ],
        },
      },
      { kind: 'paragraph', text: '{{totalsText}}' },
      { kind: 'heading', text: 'II. CHUYỂN CHỨC NĂNG, GIẢI THỂ' },
      { kind: 'paragraph', text: '{{transfersText}}' },
      { kind: 'paragraph', text: 'Ghi chú: Cấp trưởng, cấp phó theo chức vụ ("Quyền …" tính như chức vụ đó; người kiêm nhiệm theo chức vụ ghi đầu); thời hạn giải quyết dôi dư là 05 năm kể từ ngày hiệu lực; sơ đồ tổ chức bộ máy sau sắp xếp tại Phụ lục kèm theo.' },
    ],
    signature: { recipients: [...recipients] },
  });

  const chart = documentTemplate({
    // Landscape: the organisation chart drawn under the table takes a landscape page's width.
    name: ORG_CHART_SHEET, org: { variant }, widths: [6, 58, 26, 14], orientation: 'landscape', top: 'appendix',
    appendixNote: '(Kèm theo Báo cáo {{org.documentNumberText}} ngày {{reportDate.text}})',
    title: 'SƠ ĐỒ TỔ CHỨC BỘ MÁY SAU SẮP XẾP', periodLine: '(Tính đến ngày {{dateText}})',
    sections: [
      {
        kind: 'table',
        table: {
          list: 'chartLines',
          totalLabel: '{{chartTotal}}',
          columns: [
            { header: 'STT', cell: '{{no}}', align: 'center' },
            { header: 'Cơ quan, đơn vị', cell: '{{label}}' },
            { header: 'Khối', cell: '{{blockLabel}}' },
            { header: 'Ghi chú', cell: '{{note}}' },
          ],
        },
      },
    ],
  });
  return [withRowBelow(report, TOTAL_BEFORE, TOTAL_AFTER, AFTER_TOTALS), chart];
}

/**
 * The template with a second totals row under the one labelled `label` (column B): same styles, its
 * own label and cells (by column); the rows below, merged areas and the print area move down one.
 * Totals cells holding figures are set right, as the numbers above them.
 */
function withRowBelow(sheet: TemplateSheet, label: string, newLabel: string, cells: Record<number, string>): TemplateSheet {
  const at = sheet.cells.findIndex((row) => row?.[1]?.value === label);
  if (at < 0) return sheet;
  const styles = [...(sheet.styles ?? [])];
  const totals = sheet.cells[at][1]?.style;
  const right = styles.length;
  styles.push({ ...(totals === undefined ? {} : styles[totals]), horizontalAlignment: 'right' });
  const restyle = (row: Array<TemplateCellInput | undefined>) => row.map((c, i) => (c && i > 2 && typeof c.value === 'string' && c.value.startsWith('{{') ? { ...c, style: right } : c));
  const below = sheet.cells[at].map((c, i) => (c ? { ...c, value: i === 1 ? newLabel : cells[i] ?? '' } : c));
  // Rows from the inserted one down move by one: "A40:K40" → "A41:K41", "$12:$13" stays above it.
  const shift = (ref: string) => ref.replace(/(\$?[A-Z]*\$?)(\d+)/g, (m, col: string, n: string) => (Number(n) > at + 1 ? `${col}${Number(n) + 1}` : m));
  const cellsOut = [...sheet.cells];
  cellsOut.splice(at, 1, restyle(sheet.cells[at]), restyle(below));
  const heights = [...(sheet.rowHeights ?? [])];
  heights.splice(at + 1, 0, heights[at]);
  return {
    ...sheet, cells: cellsOut, styles, rowHeights: heights, merges: (sheet.merges ?? []).map(shift),
    ...(sheet.page ? { page: { ...sheet.page, ...(sheet.page.printArea ? { printArea: shift(sheet.page.printArea) } : {}), ...(sheet.page.titleRows ? { titleRows: shift(sheet.page.titleRows) } : {}) } } : {}),
  };
}

const count = (n: number) => formatInline(n, 'count');
const BLOCK_ORDER: ReadonlyArray<Block | 'unspecified'> = ['dang', 'chinhQuyen', 'doanThe', 'suNghiep', 'capXa', 'unspecified'];

const structuralGroups = (r: MergerReport) => r.groups.filter((g) => g.form !== 'transferFunction');
const MERGED_EARLIER: Record<MergerGroup['form'], string> = { merge: 'Đã hợp nhất', absorb: 'Đã sáp nhập', transferFunction: '', dissolve: '', keep: '' };
/** Merged earlier and no one listed under it any more: its people are counted with the resulting unit's own. */
const movedOn = (g: MergerGroup, s: MergerGroup['sources'][number]) => s.mergedSince !== null && s.staff + s.heads + s.deputies === 0 && g.own.staff > 0;
const blankCounts = { staff: null, heads: null, deputies: null };
const noAfter = { maxDeputies: null, surplusDeputies: null, surplusStaff: null, deadline: null };

/**
 * The units table: each merged or absorbed unit after, then what it is made of. A unit merged before
 * the structure's day says so and shows the quota it had; its people, whom the staff list already
 * places in the new unit, are one line under the sources. A unit that absorbs others shows its own
 * figures first. The lines under a unit add up to its "before"; transferred functions are in part II.
 */
function lines(r: MergerReport) {
  return structuralGroups(r).flatMap((g, i) => {
    const ownLine = { no: '', quota: g.own.quota, staff: g.own.staff, heads: g.own.heads, deputies: g.own.deputies, ...noAfter };
    const since = g.sources.map((s) => s.mergedSince).filter((d): d is string => d !== null).sort()[0];
    const ownHas = g.own.quota !== null || g.own.staff + g.own.heads + g.own.deputies > 0;
    return [
      {
        no: String(i + 1), label: g.toUnit + (g.isNew ? ' (mới)' : ''), formText: `${FORM_LABELS[g.form]}${g.effectiveDate ? `, ${dayText(g.effectiveDate)}` : ''}`,
        ...g.after, deadline: g.after.surplusDeputies || g.after.surplusStaff ? g.after.deadline : null,
      },
      ...(!g.isNew && ownHas ? [{ ...ownLine, label: `– ${g.toUnit} (trước khi tiếp nhận)`, formText: 'Tiếp nhận' }] : []),
      ...g.sources.map((s) => {
        const moved = movedOn(g, s);
        return {
          no: '', label: `– ${s.unit}`, formText: s.mergedSince ? `${MERGED_EARLIER[g.form]} từ ${dayText(s.mergedSince)}` : '',
          quota: s.quota, ...(moved ? blankCounts : { staff: s.staff, heads: s.heads, deputies: s.deputies }), ...noAfter,
        };
      }),
      ...(g.isNew && ownHas ? [{ ...ownLine, quota: null, label: since ? '– Người làm việc của các đơn vị trên (nay tại đơn vị mới)' : '– Người làm việc đã chuyển về đơn vị mới', formText: since ? `Tính chung từ ${dayText(since)}` : '' }] : []),
    ];
  });
}

const sentenceCount = (n: number, what: string) => (n === 0 ? `Không có ${what}` : `Có ${count(n)} ${what}`);

/** The opening after the basis: units before and after, then the merged units. Every sentence starts with a word. */
function summary(r: MergerReport): string {
  const groups = structuralGroups(r);
  const earlier = groups.filter((g) => g.effectiveDate !== null && g.effectiveDate < r.date);
  return [
    `Đến ngày ${dayText(r.date)}, trước sắp xếp có ${count(r.unitsBefore)} cơ quan, đơn vị; sau sắp xếp còn ${count(r.unitsAfter)}, giảm ${count(r.unitsReduced)} đầu mối.`,
    `${sentenceCount(groups.length, 'đơn vị được hình thành hoặc kiện toàn từ hợp nhất, sáp nhập')}${groups.length ? ' (Mục I)' : ''}${earlier.length ? `, trong đó ${count(earlier.length)} đơn vị đã hợp nhất, sáp nhập trước ngày ${dayText(r.date)}` : ''}.`,
  ].join(' ');
}

/**
 * Before against after, the direction the sums' own: "biên chế giảm 16 (từ 65 còn 49); số người có mặt
 * (52), cấp trưởng (5) và cấp phó (11) không đổi".
 */
function changes(items: ReadonlyArray<[string, number, number]>): string {
  const moved = items.filter(([, b, a]) => a !== b).map(([what, b, a]) => (a < b ? `${what} giảm ${count(b - a)} (từ ${count(b)} còn ${count(a)})` : `${what} tăng ${count(a - b)} (từ ${count(b)} lên ${count(a)})`));
  const same = items.filter(([, b, a]) => a === b).map(([what, , a]) => `${what} (${count(a)})`);
  const sameText = same.length > 1 ? `${same.slice(0, -1).join(', ')} và ${same[same.length - 1]} không đổi` : same.length ? `${same[0]} không đổi` : '';
  return [...moved, ...(sameText ? [sameText] : [])].join('; ');
}

function totalsText(r: MergerReport): string {
  const b = r.totals.before;
  const a = r.totals.after;
  const groups = structuralGroups(r);
  if (!groups.length) return 'Không có đơn vị hợp nhất, sáp nhập.';
  const early = groups.flatMap((g) => g.sources).filter((s) => s.mergedSince !== null);
  const years = [...new Set(early.map((s) => s.quotaYear).filter((y): y is number => y !== null))].sort();
  const noQuota = early.filter((s) => s.quota === null).map((s) => s.unit);
  const moved = groups.some((g) => g.sources.some((s) => movedOn(g, s)));
  const quotaNote = years.length ? ` tính theo biên chế giao năm ${years.join(', ')}` : '';
  const staffNote = moved ? `${quotaNote ? ',' : ''} người làm việc tính chung ở đơn vị mới` : '';
  const earlyNote = quotaNote || staffNote ? `Đơn vị hợp nhất, sáp nhập trước ngày ${dayText(r.date)}${quotaNote}${staffNote}` : '';
  return [
    `Ở các đơn vị hợp nhất, sáp nhập, so với trước sắp xếp: ${changes([['biên chế', b.quota, a.quota], ['số người có mặt', b.staff, a.staff], ['cấp trưởng', b.heads, a.heads], ['cấp phó', b.deputies, a.deputies]])}; dôi dư ${count(a.surplusDeputies)} cấp phó, ${count(a.surplusStaff)} biên chế, giải quyết trong 05 năm.`,
    ...(earlyNote ? [`${earlyNote}.`] : []),
    ...(noQuota.length ? [`Chưa có số liệu biên chế trước khi hợp nhất của ${noQuota.join(', ')}; cộng trước sắp xếp chưa gồm biên chế ${noQuota.length > 1 ? 'các đơn vị' : 'đơn vị'} này.`] : []),
  ].join(' ');
}

function transfersText(r: MergerReport): string {
  const parts = [
    ...r.transfers.map((t) => `Chuyển chức năng${t.note ? ` (${t.note.replace(/^Chuyển chức năng\s*/i, '')})` : ''} từ ${t.fromUnit} sang ${t.toUnit}${t.effectiveDate ? ` từ ngày ${dayText(t.effectiveDate)}` : ''}; không chuyển biên chế, người làm việc nếu danh sách không ghi.`),
    ...r.dissolved.map((d) => `Giải thể ${d.unit}${d.effectiveDate ? ` từ ngày ${dayText(d.effectiveDate)}` : ''}.`),
  ];
  return parts.join(' ') || 'Không có.';
}

/** The structure after, as the chart's boxes: the issuing body, its blocks, their units. */
export function orgChartOf(r: MergerReport, root: string): OrgChartPlan {
  const boxes: OrgChartPlan['boxes'] = [{ id: 'root', text: root }];
  for (const block of BLOCK_ORDER) {
    const units = r.structureAfter.filter((u) => (u.block ?? 'unspecified') === block);
    if (!units.length) continue;
    boxes.push({ id: block, text: BLOCK_LABELS[block], parent: 'root' });
    units.forEach((u, i) => boxes.push({ id: `${block}-${i}`, text: u.unit, parent: block, ...(u.isNew ? { isNew: true } : {}) }));
  }
  // Drawn on a page of its own under the table (placeOrgChart), it carries the appendix's title.
  return { boxes, anchor: 'A1', title: 'SƠ ĐỒ TỔ CHỨC BỘ MÁY SAU SẮP XẾP' };
}

function chartLines(chart: OrgChartPlan) {
  let block = 0;
  let unit = 0;
  return chart.boxes.slice(1).map((b) => {
    if (b.parent === 'root') {
      block++;
      unit = 0;
      return { no: ['I', 'II', 'III', 'IV', 'V', 'VI'][block - 1] ?? String(block), label: b.text.toUpperCase(), blockLabel: '', note: '' };
    }
    unit++;
    return { no: String(unit), label: `    ${b.text}`, blockLabel: chart.boxes.find((x) => x.id === b.parent)?.text ?? '', note: b.isNew ? 'Thành lập mới do hợp nhất' : '' };
  });
}

/** The chart table's totals row: the units after (its unit lines), and how many of them are new. */
function chartTotal(r: MergerReport): string {
  const fresh = r.structureAfter.filter((u) => u.isNew).length;
  return `Cộng: ${count(r.unitsAfter)} cơ quan, đơn vị${fresh ? `, trong đó ${count(fresh)} đơn vị mới` : ''}`;
}

export interface MergerFiguresOptions {
  /** The structure after (`orgChartOf`): the table lists the boxes the shapes draw. */
  chart: OrgChartPlan;
}

export function mergerFigures(r: MergerReport, context: DocumentContext, options: MergerFiguresOptions): Record<string, unknown> {
  const { chart } = options;
  return {
    ...documentFigures(r, context),
    dateText: dayText(r.date), summary: summary(r), lines: lines(r), totalsText: totalsText(r), transfersText: transfersText(r),
    chartLines: chartLines(chart), chartTotal: chartTotal(r),
    // Empty: a document says nothing of how it was made. The key stays for templates edited from earlier built-in ones.
    chartNote: '',
  };
}
