import { periodLabel, type Period } from '../../domain/period';
import type { ReportDefinition } from '../registry';
import { DEFAULT_SAMPLE_SIZE, partyQuarterlyReport, type PartyQuarterlyReport } from './figures';
import { partyQuarterlyHighlights, partyQuarterlySummary } from './summary';
import { partyQuarterlyFigures, partyQuarterlyTemplates } from './template';

/** Tasks drawn for the spot check: at most this many in the pane (the appendix is a list to check by hand). */
const MAX_SAMPLE_SIZE = 1000;
/** The draw's generator takes a 32-bit seed. */
const MAX_SEED = 4_294_967_295;

const whole = (value: unknown) => (typeof value === 'number' ? value : undefined);

/** Báo cáo chỉ tiêu công tác xây dựng Đảng: the quarter's members, admissions, organisations, probation, badges and tasks. */
export const partyQuarterly: ReportDefinition<PartyQuarterlyReport> = {
  id: 'partyQuarterly',
  label: { vi: 'Chỉ tiêu xây dựng Đảng quý', en: 'Quarterly party-building indicators' },
  title: { vi: 'Báo cáo chỉ tiêu xây dựng Đảng', en: 'Party-building indicators report' },
  menuOrder: 3,
  usage: `--input book.xlsx … (--period 2021-Q2 | 2021-H1 | 2021 | --from D --to D)
         [--sample 10 --seed 20210630] [--out report.xlsx [--force]] [--template t.xlsx] [--json] [--map field=Header …]`,
  params: [
    { type: 'period', name: 'period' },
    {
      type: 'whole', name: 'sampleSize', cli: 'sample', min: 0, max: MAX_SAMPLE_SIZE, initial: DEFAULT_SAMPLE_SIZE,
      label: { vi: 'Số nhiệm vụ kiểm tra ngẫu nhiên', en: 'Tasks to spot-check' },
      hint: { vi: 'Rút ngẫu nhiên từ các nhiệm vụ đăng ký trong năm để kiểm tra (phụ lục "PL Kiểm tra NV").', en: 'Drawn at random from the tasks registered for the year (appendix "PL Kiểm tra NV").' },
      invalid: { vi: 'Nhập một số nguyên từ 0 đến 1000.', en: 'Enter a whole number from 0 to 1000.' },
    },
    {
      type: 'whole', name: 'seed', cli: 'seed', min: 0, max: MAX_SEED,
      label: { vi: 'Hạt giống rút ngẫu nhiên', en: 'Seed of the random draw' },
      hint: {
        vi: 'Bỏ trống: lấy theo ngày cuối kỳ (ví dụ 20210630). Nhập hạt giống của lần trước để rút lại đúng danh sách đó.',
        en: 'Empty: taken from the last day of the period (e.g. 20210630). Enter an earlier seed to draw the same tasks again.',
      },
      invalid: { vi: 'Nhập một số nguyên không âm (tối đa 4294967295), hoặc bỏ trống.', en: 'Enter a whole number from 0 to 4294967295, or leave it empty.' },
    },
  ],
  // A party committee's report: a party document.
  variant: 'party',
  needs: ['members'],
  missing: {
    vi: 'Chưa thấy danh sách đảng viên (cần cột Họ và tên, Chi bộ, Ngày vào Đảng). Báo cáo chỉ tiêu xây dựng Đảng cần danh sách này.',
    en: 'No party member list found (it needs name, party cell and admission date columns). The party-building report needs it.',
  },
  compute: (book, p) => {
    const [sampleSize, seed] = [whole(p.sampleSize), whole(p.seed)];
    return partyQuarterlyReport(book, { period: p.period as Period, generatedAt: p.generatedAt, ...(sampleSize !== undefined ? { sampleSize } : {}), ...(seed !== undefined ? { seed } : {}) });
  },
  templates: (org) => partyQuarterlyTemplates(org?.variant, org?.recipients),
  sheetLabel: (r) => periodLabel(r.period),
  issuesSheetShort: 'XDĐ',
  drawing: 'charts',
  figures: (r, context) => partyQuarterlyFigures(r, context),
  summary: partyQuarterlySummary,
  highlights: partyQuarterlyHighlights,
  subtotals: (r) => [
    { header: 'Đảng viên đầu kỳ', value: r.members.start },
    { header: 'Tăng trong kỳ', value: r.members.increase },
    { header: 'Trong đó kết nạp', value: r.members.admitted },
    { header: 'Giảm trong kỳ', value: r.members.decrease },
    { header: 'Đảng viên cuối kỳ', value: r.members.end },
  ],
  duplicatesAmong: 'members',
  fileName: (r) => `chi-tieu-xay-dung-dang-${periodLabel(r.period)}`,
  // The sample's party data run to 30/06/2021: the first half of 2021 holds the anchors (237 admitted, 206 of 229 tasks).
  demo: { period: { from: '2021-01-01', to: '2021-06-30' } },
};
