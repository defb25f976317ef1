import type { Period } from '../../domain/period';
import { periodLabel } from '../../domain/period';
import type { ReportDefinition } from '../registry';
import { reductionReport, type ReductionReport } from './figures';
import { reductionHighlights, reductionSummary } from './summary';
import { reductionFigures, reductionTemplates } from './template';

/** Báo cáo kết quả thực hiện tinh giản biên chế: the people streamlined in a period, against the quotas. */
export const reduction: ReportDefinition<ReductionReport> = {
  id: 'reduction',
  label: { vi: 'Kết quả tinh giản biên chế', en: 'Staff streamlining results' },
  title: { vi: 'Báo cáo tinh giản biên chế', en: 'Staff streamlining report' },
  menuOrder: 1,
  usage: `--input book.xlsx [--input more.xlsx …] (--period 2019 | 2021-Q2 | 2021-H1 | --from D --to D)
         [--out report.xlsx [--force]] [--template t.xlsx] [--target 0.10] [--json] [--map field=Header …]`,
  params: [
    { type: 'period', name: 'period' },
    {
      type: 'rate', name: 'target', cli: 'target',
      label: { vi: 'Mục tiêu giảm (%)', en: 'Reduction target (%)' },
      hint: { vi: 'Ví dụ 10. Bỏ trống nếu không có chỉ tiêu.', en: 'E.g. 10. Leave empty when there is none.' },
      invalid: { vi: 'Nhập một số từ 0 đến dưới 100, ví dụ 10.', en: 'Enter a number from 0 to below 100, e.g. 10.' },
    },
  ],
  // Reported by the home affairs office (phòng, Sở Nội vụ): a state document.
  variant: 'state',
  needs: ['staff'],
  missing: {
    vi: 'Chưa thấy danh sách CBCCVC, NLĐ (cần ít nhất cột Họ và tên và Đơn vị). Báo cáo tinh giản cần danh sách này.',
    en: 'No staff list found (it needs at least a name and a unit column). The streamlining report needs it.',
  },
  compute: (book, p) => reductionReport(book, { period: p.period as Period, generatedAt: p.generatedAt, ...(typeof p.target === 'number' ? { target: p.target } : {}) }),
  templates: (org) => reductionTemplates(org?.variant, org?.recipients),
  sheetLabel: (r) => periodLabel(r.period),
  issuesSheetShort: 'TGBC',
  drawing: 'charts',
  figures: (r, context) => reductionFigures(r, context),
  summary: reductionSummary,
  highlights: reductionHighlights,
  subtotals: (r) => [
    { header: 'Số tinh giản trong kỳ', value: r.reduced.total },
    { header: `Biên chế được giao ${r.quota.baselineYear ?? 'năm đầu'}`, value: r.quota.baseline },
    { header: `Biên chế được giao ${r.quota.currentYear ?? 'hiện nay'}`, value: r.quota.current },
    { header: 'Tăng (+), giảm (-)', value: r.quota.change },
    { header: 'Số đơn vị có biên chế', value: r.quota.byUnit.length },
  ],
  duplicatesAmong: 'staff',
  fileName: (r) => `tinh-gian-bien-che-${periodLabel(r.period)}`,
  // The sample's staff movements run from 2015 to 2019; its province set a 10 % cut.
  demo: { period: { from: '2015-01-01', to: '2019-12-31' }, target: 0.1 },
};
