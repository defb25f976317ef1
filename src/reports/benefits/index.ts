import type { Period } from '../../domain/period';
import { periodLabel } from '../../domain/period';
import type { ReportDefinition } from '../registry';
import { benefitsReport, type BenefitsReport } from './figures';
import { benefitsHighlights, benefitsSummary } from './summary';
import { benefitsFigures, benefitsTemplates } from './template';

/** Chế độ chính sách đối với người nghỉ việc do sắp xếp tổ chức bộ máy (NĐ 178/2024, NĐ 67/2025): who left, and what each is owed. */
export const benefits: ReportDefinition<BenefitsReport> = {
  id: 'benefits',
  label: { vi: 'Chế độ người nghỉ việc (NĐ 178)', en: 'Leaving benefits (Decree 178)' },
  title: { vi: 'Báo cáo chế độ chính sách người nghỉ việc', en: 'Leaving benefits report' },
  menuOrder: 4,
  usage: `--input book.xlsx [--input more.xlsx …] (--period 2025 | 2025-Q3 | --from D --to D)
         [--decision-date D] [--base-salary N] [--out report.xlsx [--force]] [--template t.xlsx] [--json] [--map field=Header …]`,
  params: [
    { type: 'period', name: 'period' },
    {
      type: 'day', name: 'decisionDate', cli: 'decision-date',
      label: { vi: 'Ngày hiệu lực quyết định sắp xếp', en: 'Restructuring decision in effect from' },
      hint: { vi: 'Cho những người mà danh sách không ghi ngày này.', en: 'For the people whose row does not give it.' },
    },
    {
      type: 'whole', name: 'baseSalary', cli: 'base-salary', min: 1, max: 100_000_000,
      label: { vi: 'Mức lương cơ sở (đồng)', en: 'Base salary (VND)' },
      hint: { vi: 'Bỏ trống: mức lương cơ sở của tháng liền trước khi nghỉ (2.340.000 đồng từ 01/7/2024).', en: 'Empty: the one of the month before leaving (2,340,000 VND from 1 July 2024).' },
      invalid: { vi: 'Nhập số đồng nguyên dương, ví dụ 2340000.', en: 'Enter a whole number of VND, e.g. 2340000.' },
    },
  ],
  // Reported by the home affairs office (phòng, Sở Nội vụ): a state document.
  variant: 'state',
  needs: ['staff'],
  missing: {
    vi: 'Chưa thấy danh sách CBCCVC, NLĐ (cần ít nhất cột Họ và tên và Đơn vị). Báo cáo chế độ người nghỉ việc cần danh sách này, với các cột lương và thời gian đóng BHXH.',
    en: 'No staff list found (it needs at least a name and a unit column). The benefits report needs it, with the pay and insured-time columns.',
  },
  compute: (book, p) => benefitsReport(book, {
    period: p.period as Period, generatedAt: p.generatedAt,
    ...(typeof p.decisionDate === 'string' ? { decisionDate: p.decisionDate } : {}),
    ...(typeof p.baseSalary === 'number' ? { baseSalary: p.baseSalary } : {}),
  }),
  templates: (org) => benefitsTemplates(org?.variant, org?.recipients),
  sheetLabel: (r) => periodLabel(r.period),
  issuesSheetShort: 'CĐCS',
  drawing: 'charts',
  figures: (r, context) => benefitsFigures(r, context),
  summary: benefitsSummary,
  highlights: benefitsHighlights,
  subtotals: (r) => [
    { header: 'Số người nghỉ việc', value: r.benefits.count },
    { header: 'Nghỉ hưu trước tuổi', value: r.benefits.byForm.earlyRetirement.count },
    { header: 'Thôi việc', value: r.benefits.byForm.resignation.count },
    { header: 'Tổng kinh phí (đồng)', value: r.benefits.total },
    { header: 'Khoản chênh lệch với số kê khai', value: r.benefits.audit.length },
  ],
  duplicatesAmong: 'staff',
  fileName: (r) => `che-do-nghi-viec-${periodLabel(r.period)}`,
  // The sample's people who left in the 2025 restructuring.
  demo: { period: { from: '2025-01-01', to: '2025-12-31' } },
};
