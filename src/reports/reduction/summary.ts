import { countBySeverity } from '../../domain/issues';
import { dayText } from '../../domain/period';
import { viNumber, viPercent } from '../../domain/viNumbers';
import { INTL, periodCaption } from '../paneText';
import type { Highlights, Language } from '../registry';
import type { ReductionReport } from './figures';

/** The CLI's lines: the people streamlined by category and by form, the quota, the target. */
export function reductionSummary(r: ReductionReport): string {
  const counts = countBySeverity(r.issues);
  return [
    `Báo cáo tinh giản biên chế, từ ${dayText(r.period.from)} đến ${dayText(r.period.to)}`,
    `  Tinh giản: ${viNumber(r.reduced.total)} người (cán bộ ${r.reduced.byCategory.canBo}, công chức ${r.reduced.byCategory.congChuc}, viên chức ${r.reduced.byCategory.vienChuc}, người lao động ${r.reduced.byCategory.nguoiLaoDong}, cấp xã ${r.reduced.byCategory.capXa}, không chuyên trách ${r.reduced.byCategory.khongChuyenTrach})`,
    `  Hình thức: nghỉ hưu trước tuổi ${r.reduced.byForm.earlyRetirement}, thôi việc ngay ${r.reduced.byForm.resignation}, thôi việc sau học nghề ${r.reduced.byForm.resignationAfterTraining}, chuyển ra ngoài NSNN ${r.reduced.byForm.transferOutsideBudget}, chưa ghi ${r.reduced.byForm.unspecified}`,
    `  Biên chế: ${r.quota.baselineYear ?? '?'} ${viNumber(r.quota.baseline)} → ${r.quota.currentYear ?? '?'} ${viNumber(r.quota.current)} (${r.quota.change >= 0 ? '+' : ''}${viNumber(r.quota.change)}${r.quota.changeRate !== null ? `, ${viPercent(r.quota.changeRate)}` : ''})`,
    ...(r.target ? [`  Mục tiêu giảm ${viPercent(r.target.rate)}: ${r.target.met ? 'đạt' : 'chưa đạt'}`] : []),
    `  Vấn đề trong dữ liệu: ${counts.error} lỗi, ${counts.warning} cảnh báo (--json để xem từng ô).`,
  ].join('\n');
}

/** The pane's words for these figures (exported for the tests, which look texts up rather than copy them). */
export const WORDS = {
  vi: {
    reduced: 'Tinh giản',
    people: (n: string) => `${n} người`,
    quota: (from: string, to: string) => `Biên chế ${from} → ${to}`,
    targetLine: (rate: string) => `Mục tiêu giảm ${rate}`,
    targetMet: 'Đạt',
    targetNotMet: 'Chưa đạt',
  },
  en: {
    reduced: 'Streamlined',
    people: (n: string) => `${n} people`,
    quota: (from: string, to: string) => `Staff quota ${from} → ${to}`,
    targetLine: (rate: string) => `Reduction target ${rate}`,
    targetMet: 'Met',
    targetNotMet: 'Not met',
  },
};

/** The pane's figures: people streamlined, the quota from the baseline to the latest year, the target met or not. */
export function reductionHighlights(r: ReductionReport, language: Language): Highlights {
  const t = WORDS[language];
  const num = new Intl.NumberFormat(INTL[language]);
  const signed = new Intl.NumberFormat(INTL[language], { signDisplay: 'exceptZero' });
  const pct = (signDisplay: 'auto' | 'exceptZero') => new Intl.NumberFormat(INTL[language], { style: 'percent', maximumFractionDigits: 1, signDisplay });
  const { quota } = r;
  const year = (y: number | null) => (y === null ? '?' : String(y));
  return {
    caption: periodCaption(r.period, language),
    rows: [
      { term: t.reduced, value: t.people(num.format(r.reduced.total)) },
      {
        term: t.quota(year(quota.baselineYear), year(quota.currentYear)),
        value: `${num.format(quota.baseline)} → ${num.format(quota.current)}`,
        note: `${signed.format(quota.change)}${quota.changeRate !== null ? ` (${pct('exceptZero').format(quota.changeRate)})` : ''}`,
      },
      ...(r.target ? [{ term: t.targetLine(pct('auto').format(r.target.rate)), badge: { text: r.target.met ? t.targetMet : t.targetNotMet, tone: r.target.met ? 'success' as const : 'danger' as const } }] : []),
    ],
  };
}
