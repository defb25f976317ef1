import { BLOCK_LABELS, type Block } from '../../domain/vocabulary';
import type { MergerGroup, MergerReport } from './figures';
import { dayText } from '../../domain/period';
import { documentTemplate, type OrgDetails, type TableColumn } from '../../templates/layout';
import type { TemplateSheet } from '../../templates/parse';
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

const number = (header: string, key: string, group?: string): TableColumn => ({ header, cell: `{{${key}}}`, align: 'right', ...(group ? { group } : {}) });

export function mergerTemplates(variant: OrgDetails['variant'] = 'party', recipients: readonly string[] = []): TemplateSheet[] {
  const report = documentTemplate({
    name: MERGER_SHEET, org: { variant }, widths: [5, 34, 11, 8, 8, 8, 8, 8, 8, 8, 11], orientation: 'landscape', top: 'report',
    title: 'BÁO CÁO', subtitle: 'Phương án sắp xếp tổ chức bộ máy, biên chế và cán bộ lãnh đạo', periodLine: '(Cơ cấu tổ chức tính đến ngày {{dateText}})',
    sections: [
      { kind: 'paragraph', text: '{{summary}}' },
      { kind: 'heading', text: 'I. CÁC ĐƠN VỊ SAU SẮP XẾP' },
      {
        kind: 'table',
        table: {
          list: 'lines',
          columns: [
            { header: 'STT', cell: '{{no}}', align: 'center' },
            { header: 'Cơ quan, đơn vị (sau sắp xếp, và các đơn vị trước sắp xếp)', cell: '{{label}}' },
            { header: 'Hình thức, ngày hiệu lực', cell: '{{formText}}' },
            number('Biên chế', 'quota'),
            number('Số có mặt', 'staff'),
            number('Cấp trưởng', 'heads', 'Lãnh đạo'),
            number('Cấp phó', 'deputies', 'Lãnh đạo'),
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
      { kind: 'paragraph', text: 'Ghi chú: Cấp trưởng, cấp phó nhận theo chức vụ (người giữ chức vụ "Quyền …" tính như chức vụ đó; người kiêm nhiệm tính theo chức vụ ghi đầu). Thời hạn giải quyết dôi dư là 05 năm kể từ ngày hiệu lực. Sơ đồ tổ chức sau sắp xếp tại trang kèm theo.' },
    ],
    signature: { recipients: [...recipients] },
  });

  const chart = documentTemplate({
    name: ORG_CHART_SHEET, org: { variant }, widths: [6, 58, 26, 14], orientation: 'portrait', top: 'appendix',
    appendixNote: '(Kèm theo Báo cáo {{org.documentNumberText}} ngày {{reportDate.text}})',
    title: 'SƠ ĐỒ TỔ CHỨC BỘ MÁY SAU SẮP XẾP', periodLine: '(Tính đến ngày {{dateText}})',
    sections: [
      {
        kind: 'table',
        table: {
          list: 'chartLines',
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
  return [report, chart];
}

const count = (n: number) => formatInline(n, 'count');
const BLOCK_ORDER: ReadonlyArray<Block | 'unspecified'> = ['dang', 'chinhQuyen', 'doanThe', 'suNghiep', 'capXa', 'unspecified'];

function lines(r: MergerReport) {
  return r.groups.flatMap((g, i) => [
    {
      no: String(i + 1), label: g.toUnit + (g.isNew ? ' (mới)' : ''), formText: `${FORM_LABELS[g.form]}${g.effectiveDate ? `, ${dayText(g.effectiveDate)}` : ''}`,
      ...g.after, surplusDeputies: g.after.surplusDeputies, deadline: g.after.surplusDeputies || g.after.surplusStaff ? g.after.deadline : null,
    },
    ...g.sources.map((s) => ({ no: '', label: `– ${s.unit}`, formText: g.form === 'transferFunction' ? 'chức năng chuyển đi' : '', quota: s.quota, staff: s.staff, heads: s.heads, deputies: s.deputies, maxDeputies: null, surplusDeputies: null, surplusStaff: null, deadline: null })),
  ]);
}

function summary(r: MergerReport): string {
  return `Đến ngày ${dayText(r.date)}, trước sắp xếp có ${count(r.unitsBefore)} cơ quan, đơn vị; sau sắp xếp còn ${count(r.unitsAfter)}, giảm ${count(r.unitsReduced)} đầu mối. ${r.groups.filter((g) => g.form !== 'transferFunction').length} đơn vị được hình thành hoặc kiện toàn từ hợp nhất, sáp nhập.`;
}

function totalsText(r: MergerReport): string {
  const b = r.totals.before;
  const a = r.totals.after;
  return `Cộng các đơn vị hợp nhất, sáp nhập: trước sắp xếp biên chế ${count(b.quota)}, có mặt ${count(b.staff)}, ${count(b.heads)} cấp trưởng, ${count(b.deputies)} cấp phó; sau sắp xếp biên chế ${count(a.quota)}, có mặt ${count(a.staff)}, ${count(a.heads)} cấp trưởng, ${count(a.deputies)} cấp phó; dôi dư ${count(a.surplusDeputies)} cấp phó và ${count(a.surplusStaff)} biên chế, giải quyết trong 05 năm. Người đã chuyển về đơn vị mới trước ngày báo cáo chỉ được tính ở cột sau sắp xếp.`;
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
  // The sheet's own title is above the table: the chart needs none of its own.
  return { boxes, anchor: 'F2', title: '' };
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

export interface MergerFiguresOptions {
  /** The structure after (`orgChartOf`): the table lists the boxes the shapes draw. */
  chart: OrgChartPlan;
}

export function mergerFigures(r: MergerReport, context: DocumentContext, options: MergerFiguresOptions): Record<string, unknown> {
  const { chart } = options;
  return {
    ...documentFigures(r, context),
    dateText: dayText(r.date), summary: summary(r), lines: lines(r), totalsText: totalsText(r), transfersText: transfersText(r),
    chartLines: chartLines(chart),
    // Empty: a document says nothing of how it was made. The key stays for templates edited from earlier built-in ones.
    chartNote: '',
  };
}
