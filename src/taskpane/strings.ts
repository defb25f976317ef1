/** Every text of the task pane, Vietnamese first (DESIGN.md, principle 5), English second. */
export type Locale = 'vi' | 'en';

const vi = {
  title: 'tochuc',
  subtitle: 'Báo cáo tổ chức cán bộ từ dữ liệu Excel',
  comingSoon:
    'Các báo cáo tinh giản biên chế, sắp xếp tổ chức bộ máy và chỉ tiêu công tác xây dựng Đảng đang được hoàn thiện và sẽ sớm có ở đây.',
  scanWorkbook: 'Quét sổ làm việc',
};

export type Strings = typeof vi;

const en: Strings = {
  title: 'tochuc',
  subtitle: 'Personnel and organisation reports from Excel data',
  comingSoon:
    'Reports on staff streamlining, organisational restructuring and Party-building targets are on their way and will appear here soon.',
  scanWorkbook: 'Scan workbook',
};

const STRINGS: Record<Locale, Strings> = { vi, en };

/** `Office.context.displayLanguage` ("vi-VN", "en-US", …) → locale; Vietnamese unless Office speaks English. */
export function localeFor(displayLanguage: string | undefined): Locale {
  return /^en\b/i.test(displayLanguage ?? '') ? 'en' : 'vi';
}

export function stringsFor(locale: Locale): Strings {
  return STRINGS[locale];
}
