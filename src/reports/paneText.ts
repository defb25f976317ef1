import { dayText, type Period } from '../domain/period';
import type { Language } from './registry';

/** The Intl locale of each of the pane's languages, for the figures it shows. */
export const INTL: Readonly<Record<Language, string>> = { vi: 'vi-VN', en: 'en-GB' };

/** The line under the pane's result title for a report over a period. */
export function periodCaption(period: Period, language: Language): string {
  const [from, to] = [dayText(period.from), dayText(period.to)];
  return language === 'vi' ? `Từ ${from} đến ${to}` : `From ${from} to ${to}`;
}
