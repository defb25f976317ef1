import { countBySeverity } from '../../domain/issues';
import { dayText } from '../../domain/period';
import { viNumber, viPercent } from '../../domain/viNumbers';
import { INTL, periodCaption } from '../paneText';
import type { Highlights, Language } from '../registry';
import type { PartyQuarterlyReport } from './figures';

const rateText = (r: number | null) => (r === null ? '—' : viPercent(r));

/** The CLI's lines: members and their movements, admissions, population, organisations, probation, badges, tasks. */
export function partyQuarterlySummary(r: PartyQuarterlyReport): string {
  const counts = countBySeverity(r.issues);
  const m = r.members;
  const a = r.admission;
  return [
    `Báo cáo chỉ tiêu công tác xây dựng Đảng, từ ${dayText(r.period.from)} đến ${dayText(r.period.to)}`,
    `  Đảng viên: đầu kỳ ${viNumber(m.start)}, tăng ${viNumber(m.increase)} (kết nạp ${m.admitted}, chuyển đến ${m.transferredIn}, phục hồi ${m.restored}), giảm ${viNumber(m.decrease)}, cuối kỳ ${viNumber(m.end)}${m.balance === m.end ? '' : ` — KHÔNG KHỚP (${viNumber(m.balance)})`}`,
    `  Kết nạp: trong kỳ ${viNumber(a.period)}, từ đầu năm ${viNumber(a.ytd)}${a.plan !== null ? ` / kế hoạch ${viNumber(a.plan)} = ${rateText(a.planRate)}` : ''}`,
    `  Dân số: ${r.population.total !== null ? `${viNumber(r.population.total)}, tỷ lệ đảng viên ${rateText(r.population.memberShare)}${r.population.target !== null ? ` (mục tiêu ${rateText(r.population.target)}, còn thiếu ${viNumber(r.population.gap ?? 0)})` : ''}` : 'chưa có'}`,
    `  Tổ chức: ${r.orgs.baseOrgs} TCCSĐ, ${r.orgs.cells} chi bộ, ${r.orgs.newInPeriod} thành lập mới; xếp loại ${r.ratings.year ?? '—'}: HTTNV trở lên ${rateText(r.ratings.goodOrBetterRate)}; sổ tay điện tử ${r.eHandbook.using}/${r.eHandbook.cells} = ${rateText(r.eHandbook.rate)}`,
    `  Dự bị quá hạn ${r.probation.overdue.length}, đến hạn quý tới ${r.probation.dueNextQuarter.length}; Huy hiệu Đảng đợt ${dayText(r.badges.nextDate)}: ${r.badges.due.length}`,
    `  Nhiệm vụ ${r.tasks.year}: ${r.tasks.done}/${r.tasks.registered} hoàn thành = ${rateText(r.tasks.rate)}, quá hạn ${r.tasks.late}; kiểm tra ngẫu nhiên ${r.tasks.sampleSize} (hạt giống ${r.tasks.seed})`,
    `  Vấn đề trong dữ liệu: ${counts.error} lỗi, ${counts.warning} cảnh báo (--json để xem từng ô).`,
  ].join('\n');
}

/** The pane's words for these figures (exported for the tests, which look texts up rather than copy them). */
export const WORDS = {
  vi: {
    members: 'Đảng viên đầu kỳ → cuối kỳ',
    admitted: 'Kết nạp trong kỳ',
    admittedYtd: 'Kết nạp từ đầu năm',
    planRate: (rate: string, plan: string) => `đạt ${rate} kế hoạch (${plan})`,
    noPlan: 'sổ chưa có kế hoạch kết nạp',
    tasks: (year: number) => `Nhiệm vụ năm ${year} hoàn thành`,
    tasksValue: (done: string, registered: string, rate: string) => `${done}/${registered} = ${rate}`,
    noTasks: 'chưa có nhiệm vụ',
    overdue: 'Dự bị quá hạn chưa chuyển chính thức',
    badges: (date: string) => `Đề nghị Huy hiệu Đảng đợt ${date}`,
    memberCount: (n: string) => `${n} đảng viên`,
    seed: 'Hạt giống đã rút',
    seedNote: (n: string) => `${n} nhiệm vụ được chọn để kiểm tra; nhập lại hạt giống này để rút lại đúng danh sách.`,
  },
  en: {
    members: 'Party members, start → end',
    admitted: 'Admitted in the period',
    admittedYtd: 'Admitted since 1 January',
    planRate: (rate: string, plan: string) => `${rate} of the plan (${plan})`,
    noPlan: 'no admission plan in the workbook',
    tasks: (year: number) => `Tasks of ${year} done`,
    tasksValue: (done: string, registered: string, rate: string) => `${done}/${registered} = ${rate}`,
    noTasks: 'no tasks',
    overdue: 'Probation overdue, not yet confirmed',
    badges: (date: string) => `Proposed for the Party badge on ${date}`,
    memberCount: (n: string) => `${n} ${n === '1' ? 'member' : 'members'}`,
    seed: 'Seed drawn with',
    seedNote: (n: string) => `${n} tasks chosen for the spot check; enter this seed again to draw the same list.`,
  },
};

/**
 * The pane's figures: members at the start and the end, admissions in the period and since January
 * against the plan, the year's tasks done, overdue probations and badges due, and the seed of the
 * spot check, so that the draw can be redone. Rates with two decimals, as the report writes them.
 */
export function partyQuarterlyHighlights(r: PartyQuarterlyReport, language: Language): Highlights {
  const t = WORDS[language];
  const num = new Intl.NumberFormat(INTL[language]);
  const signed = new Intl.NumberFormat(INTL[language], { signDisplay: 'exceptZero' });
  const pct = new Intl.NumberFormat(INTL[language], { style: 'percent', maximumFractionDigits: 2 });
  const { members, admission, tasks, probation, badges } = r;
  return {
    caption: periodCaption(r.period, language),
    rows: [
      { term: t.members, value: `${num.format(members.start)} → ${num.format(members.end)}`, note: signed.format(members.end - members.start) },
      { term: t.admitted, value: num.format(admission.period) },
      {
        term: t.admittedYtd, value: num.format(admission.ytd),
        note: admission.plan !== null && admission.planRate !== null ? t.planRate(pct.format(admission.planRate), num.format(admission.plan)) : t.noPlan,
      },
      { term: t.tasks(tasks.year), value: tasks.rate === null ? t.noTasks : t.tasksValue(num.format(tasks.done), num.format(tasks.registered), pct.format(tasks.rate)) },
      { term: t.overdue, badge: { text: t.memberCount(num.format(probation.overdue.length)), tone: probation.overdue.length ? 'warning' : 'success' } },
      { term: t.badges(dayText(badges.nextDate)), value: t.memberCount(num.format(badges.due.length)) },
      // Without grouping, so that it can be typed or pasted back into the seed field.
      { term: t.seed, value: String(tasks.seed) },
    ],
    after: t.seedNote(num.format(tasks.sampleSize)),
  };
}
