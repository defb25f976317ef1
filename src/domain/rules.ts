import type { ReductionForm, StaffStatus } from './vocabulary';

/**
 * A reduction form makes the person reduced even when the status says only "Nghỉ hưu" or
 * "Thôi việc" (or nothing): the form is what the policy decision recorded (docs/domain.md,
 * "Headcount reduction"; NĐ 29/2023 Điều 2 lists the forms of tinh giản biên chế). Other statuses
 * keep their meaning: a transfer or a death with a form is inconsistent and stays as written.
 */
export function effectiveStaffStatus(status: StaffStatus, form: ReductionForm | undefined): StaffStatus {
  if (!form) return status;
  return status === 'active' || status === 'retired' || status === 'resigned' ? 'reduced' : status;
}

/** "30 năm", "30, 40 năm", "Huy hiệu 40 năm" → [30] / [30, 40]: the badge years recorded in a cell. */
export const BADGE_YEARS: readonly number[] = [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90];
export function parseBadgeYears(text: string): number[] | undefined {
  const numbers = (text.match(/\d+/g) ?? []).map(Number);
  if (numbers.length === 0 || numbers.some((n) => !BADGE_YEARS.includes(n))) return undefined;
  return [...new Set(numbers)].sort((a, b) => a - b);
}
