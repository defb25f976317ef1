import { countBySeverity } from '../../domain/issues';
import { dayText } from '../../domain/period';
import { viNumber } from '../../domain/viNumbers';
import { INTL, periodCaption } from '../paneText';
import type { Highlights, Language } from '../registry';
import type { BenefitsReport } from './figures';

/** The CLI's lines: people and money by form, the base salary, the audit, the people reaching retirement age. */
export function benefitsSummary(r: BenefitsReport): string {
  const b = r.benefits;
  const counts = countBySeverity(r.issues);
  return [
    `Chế độ chính sách người nghỉ việc do sắp xếp tổ chức bộ máy, từ ${dayText(r.period.from)} đến ${dayText(r.period.to)}`,
    `  Tổng: ${viNumber(b.count)} người, ${viNumber(b.total)} đồng`,
    `  Nghỉ hưu trước tuổi: ${viNumber(b.byForm.earlyRetirement.count)} người, ${viNumber(b.byForm.earlyRetirement.total)} đồng`,
    `  Thôi việc: ${viNumber(b.byForm.resignation.count)} người, ${viNumber(b.byForm.resignation.total)} đồng`,
    ...(b.notComputed ? [`  Chưa tính được: ${viNumber(b.notComputed)} người (xem lỗi ở từng ô)`] : []),
    ...(b.baseSalary !== null ? [`  Mức lương cơ sở: ${b.baseSalaries.map((s) => `${viNumber(s.amount)} đồng (${viNumber(s.people)} người)`).join('; ') || `${viNumber(b.baseSalary)} đồng`}`] : []),
    `  Đối chiếu số đơn vị kê khai: ${b.audit.length ? `${viNumber(b.audit.length)} khoản chênh lệch trên 1 đồng` : 'không có chênh lệch'}`,
    `  Đến tuổi nghỉ hưu đến ${dayText(r.retirement.until)}: ${viNumber(r.retirement.due.length)} người`,
    `  Vấn đề trong dữ liệu: ${counts.error} lỗi, ${counts.warning} cảnh báo (--json để xem từng ô).`,
  ].join('\n');
}

/** The pane's words for these figures (exported for the tests, which look texts up rather than copy them). */
export const WORDS = {
  vi: {
    people: 'Người nghỉ việc',
    money: 'Tổng kinh phí',
    early: 'Nghỉ hưu trước tuổi',
    resign: 'Thôi việc',
    audit: 'Chênh lệch với số đơn vị kê khai',
    due: (until: string) => `Đến tuổi nghỉ hưu đến ${until}`,
    notComputed: (n: string) => `${n} người chưa tính được: xem danh sách vấn đề.`,
    dong: (n: string) => `${n} đồng`,
    persons: (n: string) => `${n} người`,
  },
  en: {
    people: 'People leaving',
    money: 'Total cost',
    early: 'Early retirement',
    resign: 'Resignation',
    audit: 'Differences from the units’ figures',
    due: (until: string) => `Reaching retirement age by ${until}`,
    notComputed: (n: string) => `${n} people could not be computed: see the issues.`,
    dong: (n: string) => `${n} VND`,
    persons: (n: string) => `${n} people`,
  },
};

/** The pane's figures: people and money, by form, the audit's differences, the people reaching retirement age. */
export function benefitsHighlights(r: BenefitsReport, language: Language): Highlights {
  const t = WORDS[language];
  const num = new Intl.NumberFormat(INTL[language]);
  const b = r.benefits;
  return {
    caption: periodCaption(r.period, language),
    rows: [
      { term: t.people, value: t.persons(num.format(b.count)) },
      { term: t.money, value: t.dong(num.format(b.total)) },
      { term: t.early, value: t.persons(num.format(b.byForm.earlyRetirement.count)), note: t.dong(num.format(b.byForm.earlyRetirement.total)) },
      { term: t.resign, value: t.persons(num.format(b.byForm.resignation.count)), note: t.dong(num.format(b.byForm.resignation.total)) },
      { term: t.audit, badge: { text: num.format(b.audit.length), tone: b.audit.length ? 'warning' : 'success' } },
      { term: t.due(dayText(r.retirement.until)), value: t.persons(num.format(r.retirement.due.length)) },
    ],
    ...(b.notComputed ? { after: t.notComputed(num.format(b.notComputed)) } : {}),
  };
}
