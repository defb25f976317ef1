import { addMonths, isoOf, type IsoDate } from './calendar';
import type { Rating } from './vocabulary';

/**
 * The party rules the quarterly report relies on, one small function each, so that a newer text
 * can replace one rule without touching the figures (docs/domain.md, "Party rules"). Dates are ISO
 * strings `YYYY-MM-DD`, compared as strings.
 */

/** Whole years of age on `day` (a birthday on 29 February is reached on 1 March in other years). */
export function ageOn(birth: IsoDate, day: IsoDate): number {
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  return day.slice(5) < birth.slice(5) ? years - 1 : years;
}

/**
 * The day the probation (thời kỳ dự bị) ends: 12 months from the admission — Điều lệ Đảng (2011),
 * Điều 5.1. The member should be recognised as official by then.
 */
export function probationEnd(joinDate: IsoDate): IsoDate {
  return addMonths(joinDate, 12);
}

/** Probationary on `day`: admitted, and not (yet) recognised as official on that day. */
export function isProbationaryOn(member: { joinDate: IsoDate; officialDate?: IsoDate }, day: IsoDate): boolean {
  return member.joinDate <= day && (member.officialDate === undefined || member.officialDate > day);
}

/** Party badge milestones in years of party age — Quy định về Huy hiệu Đảng (docs/domain.md, "Party rules": Party badge). */
export const BADGE_MILESTONES: readonly number[] = [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90];

/**
 * The day a member reaches `years` of party age. Party age counts from the date of the admission
 * decision (Điều lệ Đảng, Điều 5.4), less the months spent outside the Party (struck off,
 * expelled, lost contact, transfer gaps) — Hướng dẫn 01-HD/TW (2021), now Hướng dẫn 06-HD/TW (2025):
 * each month outside pushes the anniversary one month later.
 */
export function partyAnniversary(joinDate: IsoDate, years: number, monthsOutside = 0): IsoDate {
  return addMonths(joinDate, 12 * years + Math.max(0, Math.round(monthsOutside)));
}

/** Whole years of party age on `day`, by the same rule. */
export function partyAge(joinDate: IsoDate, day: IsoDate, monthsOutside = 0): number {
  let years = ageOn(joinDate, day);
  while (years > 0 && partyAnniversary(joinDate, years, monthsOutside) > day) years--;
  return Math.max(0, years);
}

/** The days the badges are presented: 3/2, 19/5, 2/9 and 7/11 (Huy hiệu Đảng rules; docs/domain.md, "Party rules"). */
const AWARD_DAYS: ReadonlyArray<[number, number]> = [[2, 3], [5, 19], [9, 2], [11, 7]];

/** The last award day on or before `day`, and the first one after it. */
export function awardDaysAround(day: IsoDate): { previous: IsoDate; next: IsoDate } {
  const y = Number(day.slice(0, 4));
  const all = [y - 1, y, y + 1].flatMap((yy) => AWARD_DAYS.map(([m, d]) => isoOf(yy, m, d)));
  return { previous: all.filter((d) => d <= day).pop() as IsoDate, next: all.find((d) => d > day) as IsoDate };
}

/**
 * The badges a member is due on the next award day: the milestones reached after the previous award
 * day and on or before the next one (an anniversary on the award day itself belongs to that day's
 * batch). Badges already recorded, or a higher one, leave the milestone out.
 */
export function badgesDue(member: { joinDate: IsoDate; monthsOutside?: number; badgeYears: readonly number[] }, window: { previous: IsoDate; next: IsoDate }): number[] {
  const highest = Math.max(0, ...member.badgeYears);
  return BADGE_MILESTONES.filter((years) => {
    if (years <= highest) return false;
    const day = partyAnniversary(member.joinDate, years, member.monthsOutside);
    return day > window.previous && day <= window.next;
  });
}

/**
 * The admission dates whose milestone, with no months outside, falls in the window: the window
 * moved back by each milestone. Award days (3, 19, 2, 7 of their months) exist in every month, so
 * moving them back never clamps, and "joined in one of these" equals "anniversary in the window".
 * Lets a register of tens of thousands skip the date arithmetic for nearly everyone.
 */
export function badgeJoinWindows(window: { previous: IsoDate; next: IsoDate }): Array<{ after: IsoDate; upTo: IsoDate }> {
  return BADGE_MILESTONES.map((years) => ({ after: addMonths(window.previous, -12 * years), upTo: addMonths(window.next, -12 * years) }));
}

/**
 * A party organisation needs at least 3 official members to hold its meetings and elect
 * (Điều lệ Đảng, Điều 21.2 and 24.1).
 */
export const MIN_OFFICIAL_MEMBERS = 3;
export function lacksOfficialMembers(officialMembers: number): boolean {
  return officialMembers < MIN_OFFICIAL_MEMBERS;
}

/**
 * A base cell of 30 or more members qualifies to become a đảng bộ cơ sở, and a large cell may split
 * into tổ đảng (Điều lệ Đảng, Điều 21; docs/domain.md, "Party rules").
 */
export const LARGE_CELL_MEMBERS = 30;
export function isLargeCell(members: number): boolean {
  return members >= LARGE_CELL_MEMBERS;
}

/**
 * "Hoàn thành xuất sắc nhiệm vụ" may go to at most 20% of those rated "hoàn thành tốt nhiệm vụ"
 * (QĐ 124-QĐ/TW of 2023, kept by QĐ 366-QĐ/TW of 30/8/2025 and its guidance HD 43-HD/BTCTW).
 */
export const EXCELLENT_CAP = 0.2;
export function excellentWithinCap(counts: Record<Rating, number>): boolean {
  return counts.excellent <= EXCELLENT_CAP * counts.good;
}
