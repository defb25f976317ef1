import { countBySeverity } from '../../domain/issues';
import { dayText } from '../../domain/period';
import { INTL } from '../paneText';
import type { Highlights, Language } from '../registry';
import type { MergerGroup, MergerReport } from './figures';

/** " (đã hợp nhất từ 01/01/2018)" for a group whose units were merged before the structure's day. */
function mergedSince(g: MergerGroup): string {
  const since = g.sources.map((s) => s.mergedSince).filter((d): d is string => d !== null).sort()[0];
  return since ? ` (đã ${g.form === 'absorb' ? 'sáp nhập' : 'hợp nhất'} từ ${dayText(since)})` : '';
}

/** The CLI's lines: units before and after, then each new unit with its quota, staff, leaders and surplus. */
export function mergerSummary(r: MergerReport): string {
  const counts = countBySeverity(r.issues);
  return [
    `Phương án sắp xếp tổ chức bộ máy, cơ cấu đến ngày ${dayText(r.date)}`,
    `  Đầu mối: trước ${r.unitsBefore}, sau ${r.unitsAfter}, giảm ${r.unitsReduced}`,
    ...r.groups.map((g) => `  ${g.toUnit}${g.isNew ? ' (mới)' : ''} ← ${g.sources.map((s) => s.unit).join(' + ')}${mergedSince(g)}: biên chế ${g.before.quota} → ${g.after.quota}, có mặt ${g.after.staff}, ${g.after.heads} trưởng, ${g.after.deputies}/${g.after.maxDeputies} phó${g.after.surplusDeputies || g.after.surplusStaff ? `; dôi dư ${g.after.surplusDeputies} phó, ${g.after.surplusStaff} biên chế đến ${g.after.deadline ? dayText(g.after.deadline) : '—'}` : ''}`),
    `  Cộng hợp nhất, sáp nhập: biên chế ${r.totals.before.quota} → ${r.totals.after.quota}, có mặt ${r.totals.before.staff} → ${r.totals.after.staff}, cấp trưởng ${r.totals.before.heads} → ${r.totals.after.heads}, cấp phó ${r.totals.before.deputies} → ${r.totals.after.deputies}`,
    `  Vấn đề trong dữ liệu: ${counts.error} lỗi, ${counts.warning} cảnh báo (--json để xem từng ô).`,
  ].join('\n');
}

/** The pane's words for these figures (exported for the tests, which look texts up rather than copy them). */
export const WORDS = {
  vi: {
    units: 'Đầu mối trước → sau',
    reduced: (n: string) => `giảm ${n} đầu mối`,
    groups: 'Đơn vị hợp nhất, sáp nhập',
    surplus: 'Dôi dư cấp phó / biên chế',
    structureLine: (date: string) => `Cơ cấu tổ chức đến ngày ${date}`,
  },
  en: {
    units: 'Units before → after',
    reduced: (n: string) => `${n} fewer`,
    groups: 'Units merged or absorbed',
    surplus: 'Surplus deputies / posts',
    structureLine: (date: string) => `Structure as of ${date}`,
  },
};

/** The pane's figures: units before and after (đầu mối), the units merged or absorbed, and the surplus leaders and posts to absorb. */
export function mergerHighlights(r: MergerReport, language: Language): Highlights {
  const t = WORDS[language];
  const num = new Intl.NumberFormat(INTL[language]);
  const structural = r.groups.filter((g) => g.form !== 'transferFunction');
  return {
    caption: t.structureLine(dayText(r.date)),
    rows: [
      { term: t.units, value: `${num.format(r.unitsBefore)} → ${num.format(r.unitsAfter)}`, note: t.reduced(num.format(r.unitsReduced)) },
      { term: t.groups, value: num.format(structural.length) },
      { term: t.surplus, value: `${num.format(r.totals.after.surplusDeputies)} / ${num.format(r.totals.after.surplusStaff)}` },
    ],
  };
}
