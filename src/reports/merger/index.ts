import { dayLabel } from '../../domain/period';
import type { ReportDefinition } from '../registry';
import { mergerReport, type MergerReport } from './figures';
import { mergerHighlights, mergerSummary } from './summary';
import { mergerFigures, mergerTemplates, orgChartOf, ORG_CHART_SHEET } from './template';

/** Phương án sắp xếp tổ chức bộ máy: the structure after the merger plan, on a day, with its organisation chart. */
export const merger: ReportDefinition<MergerReport> = {
  id: 'merger',
  label: { vi: 'Sắp xếp tổ chức bộ máy', en: 'Merged-agency structure' },
  title: { vi: 'Báo cáo sắp xếp tổ chức bộ máy', en: 'Merged-agency structure report' },
  menuOrder: 2,
  usage: '--input book.xlsx … [--date D] [--out report.xlsx [--force]] [--template t.xlsx] [--json] [--map field=Header …]',
  params: [
    {
      type: 'day', name: 'date', cli: 'date',
      label: { vi: 'Ngày tính cơ cấu tổ chức', en: 'Day of the structure' },
      hint: { vi: 'Bỏ trống: ngày hiệu lực muộn nhất của phương án sắp xếp.', en: 'Empty: the latest effective date of the plan.' },
    },
  ],
  // The plan of a people's committee's agencies: a state document, unless the settings say otherwise.
  variant: 'state',
  needs: ['mergerPlan', 'units'],
  missing: {
    vi: 'Chưa thấy danh sách đơn vị, biên chế và phương án sắp xếp (cần cột Đơn vị hiện tại, Đơn vị sau sắp xếp). Báo cáo sắp xếp tổ chức bộ máy cần các danh sách này.',
    en: 'No units list and merger plan found (they need "Đơn vị hiện tại" and "Đơn vị sau sắp xếp" columns). The merger report needs them.',
  },
  compute: (book, p) => mergerReport(book, { generatedAt: p.generatedAt, ...(typeof p.date === 'string' ? { date: p.date } : {}) }),
  templates: (org) => mergerTemplates(org?.variant, org?.recipients),
  // The structure's day names the merger report's sheets.
  sheetLabel: (r) => dayLabel(r.date),
  issuesSheetShort: 'Sắp xếp',
  drawing: 'shapes',
  figures: (r, context) => mergerFigures(r, context, { chart: orgChartOf(r, context.org.name ?? context.org.issuingBody) }),
  // The chart's boxes go with the chart sheet (the built-in one, or an edited copy of it).
  orgChart: (r, context) => ({ sheet: ORG_CHART_SHEET, chart: orgChartOf(r, context.org.name ?? context.org.issuingBody) }),
  summary: mergerSummary,
  highlights: mergerHighlights,
  subtotals: (r) => [
    { header: 'Đầu mối trước sắp xếp', value: r.unitsBefore },
    { header: 'Đầu mối sau sắp xếp', value: r.unitsAfter },
    { header: 'Giảm đầu mối', value: r.unitsReduced },
    { header: 'Biên chế sau sắp xếp', value: r.totals.after.quota },
    { header: 'Số có mặt sau sắp xếp', value: r.totals.after.staff },
  ],
  duplicatesAmong: 'staff',
  fileName: (r) => `sap-xep-to-chuc-bo-may-${r.date}`,
  // The structure on the plan's latest effective date.
  demo: {},
};
