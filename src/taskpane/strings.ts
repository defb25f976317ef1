/** Every text of the task pane, Vietnamese first (docs/design.md, principle 5), English second. */
export type Locale = 'vi' | 'en';

type Severity = 'error' | 'warning' | 'info';

const vi = {
  /** The language of the report kinds' own texts (src/reports/<kind>/index.ts). */
  locale: 'vi' as Locale,
  /** For Intl number and percent formats. */
  intl: 'vi-VN',
  title: 'tochuc',
  intro: 'Đọc các danh sách trong sổ đang mở và ghi báo cáo vào trang tính mới. Dữ liệu gốc không bị sửa.',

  notInExcelTitle: 'Chưa mở trong Excel',
  notInExcel: 'Hãy mở ngăn này bên trong Excel (trên máy tính hoặc Excel trên web) để lập báo cáo từ sổ làm việc.',

  periodKind: 'Kỳ báo cáo',
  kinds: { year: 'Năm', quarter: 'Quý', half: '6 tháng', custom: 'Tùy chọn (từ ngày – đến ngày)' },
  year: 'Năm',
  yearInvalid: 'Năm gồm 4 chữ số, ví dụ 2021.',
  quarter: 'Quý',
  quarters: ['Quý I', 'Quý II', 'Quý III', 'Quý IV'],
  half: 'Nửa năm',
  halves: ['6 tháng đầu năm', '6 tháng cuối năm'],
  from: 'Từ ngày',
  to: 'Đến ngày',
  dayInvalid: 'Chọn một ngày hợp lệ.',
  dayOrder: 'Ngày kết thúc phải sau ngày bắt đầu.',

  replace: 'Thay thế báo cáo đã lập trước đó',
  replaceHint: 'Chỉ thay các trang do tochuc lập cho cùng kỳ; không chọn thì báo cáo mới được ghi thành trang khác.',

  generate: 'Lập báo cáo',
  cancel: 'Hủy',
  progressLabel: 'Tiến độ',
  steps: { read: 'Đang đọc dữ liệu…', compute: 'Đang tính…', write: 'Đang ghi báo cáo…' },
  cancelWriteHint: 'Hủy thì dừng trước đợt ghi tiếp theo và xóa các trang đã ghi dở; báo cáo cũ vẫn giữ nguyên.',
  cancelling: 'Đang hủy…',
  cancelled: 'Đã hủy.',
  errorTitle: 'Không lập được báo cáo',

  resultTitle: 'Đã lập báo cáo',
  sheets: 'Trang tính đã ghi',
  skipped: 'Excel này chưa hỗ trợ:',

  issues: 'Vấn đề trong dữ liệu',
  noIssues: 'Không có vấn đề nào.',
  severity: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' } as Record<Severity, string>,
  severityCount: (n: number, severity: Severity) => `${n} ${{ error: 'lỗi', warning: 'cảnh báo', info: 'thông tin' }[severity]}`,
  issuesHelp: 'Bấm vào một vấn đề để chọn ô đó trong sổ.',
  moreIssues: (n: string) => `và ${n} vấn đề khác.`,
  selectFailed: (address: string) => `Không chọn được ô ${address}: trang tính hoặc ô không còn, hoặc đang bị ẩn.`,
  tabs: { report: 'Báo cáo', data: 'Dữ liệu', org: 'Cơ quan' },
  reportKind: 'Loại báo cáo',
  insertTemplate: 'Chèn mẫu vào sổ để sửa',
  insertTemplateHint: 'Thêm các trang "Mẫu …" vào sổ: sửa lời văn, bố cục, chữ ký; lần lập sau dùng mẫu đã sửa.',
  templatesInserted: (names: string) => `Đã chèn ${names}. Sửa trực tiếp trên trang rồi bấm Lập báo cáo.`,
  templatesKept: (names: string) => `Sổ đã có ${names}: giữ nguyên các chỗ đã sửa.`,
  templateUsed: (names: string) => `Lập từ mẫu đã sửa: ${names}.`,
  language: 'English',
  scanTitle: 'Các trang trong sổ',
  scanning: 'Đang đọc sổ…',
  rescan: 'Đọc lại sổ',
  scanFailed: 'Không đọc được sổ',
  emptyWorkbook: 'Sổ chưa có trang tính nào có dữ liệu.',
  noStaffSheet: 'Chưa thấy danh sách CBCCVC, NLĐ (cần ít nhất cột Họ và tên và Đơn vị). Báo cáo tinh giản cần danh sách này.',
  kindLabels: { staff: 'Danh sách CBCCVC, NLĐ', units: 'Đơn vị và biên chế', mergerPlan: 'Phương án sắp xếp', members: 'Danh sách đảng viên', orgs: 'Tổ chức đảng', targets: 'Chỉ tiêu', tasks: 'Nhiệm vụ đăng ký' } as Record<string, string>,
  unrecognised: 'Không nhận ra',
  records: (n: string) => `${n} bản ghi`,
  mappingOf: (sheet: string) => `Cột của trang ${sheet}`,
  notMapped: '(chưa có)',
  mappingSaved: 'Đã lưu lựa chọn cột vào sổ; các đồng tác giả và dòng lệnh dùng cùng lựa chọn.',
  saveFailed: 'Không lưu được vào sổ',
  org: {
    title: 'Thông tin cơ quan ban hành',
    hint: 'Dùng cho phần đầu và chữ ký của báo cáo; lưu trong sổ.',
    variant: 'Loại văn bản', party: 'Văn bản của Đảng', state: 'Văn bản hành chính nhà nước',
    superiorBody: 'Cơ quan cấp trên', issuingBody: 'Cơ quan ban hành', name: 'Tên cơ quan trong câu văn', place: 'Địa danh',
    documentNumber: 'Số văn bản', signerCapacity: 'Thẩm quyền ký', signerTitle: 'Chức vụ người ký', signerName: 'Họ tên người ký',
    recipients: 'Nơi nhận (mỗi dòng một nơi)', save: 'Lưu', saved: 'Đã lưu thông tin cơ quan vào sổ.',
  },
};

export type Strings = typeof vi;

const en: Strings = {
  locale: 'en',
  intl: 'en-GB',
  title: 'tochuc',
  intro: 'Reads the lists in the open workbook and writes the report to new sheets. Your data is not changed.',

  notInExcelTitle: 'Not opened in Excel',
  notInExcel: 'Open this pane inside Excel (desktop or Excel on the web) to build the report from the workbook.',

  periodKind: 'Reporting period',
  kinds: { year: 'Year', quarter: 'Quarter', half: 'Half year', custom: 'Custom (from – to)' },
  year: 'Year',
  yearInvalid: 'A four-digit year, e.g. 2021.',
  quarter: 'Quarter',
  quarters: ['Q1', 'Q2', 'Q3', 'Q4'],
  half: 'Half',
  halves: ['First half', 'Second half'],
  from: 'From',
  to: 'To',
  dayInvalid: 'Pick a valid date.',
  dayOrder: 'The end date must come after the start date.',

  replace: 'Replace the report made earlier',
  replaceHint: 'Replaces only sheets tochuc made for the same period; otherwise the new report goes to new sheets.',

  generate: 'Build report',
  cancel: 'Cancel',
  progressLabel: 'Progress',
  steps: { read: 'Reading the data…', compute: 'Computing…', write: 'Writing the report…' },
  cancelWriteHint: 'Cancel stops before the next part is written and removes the sheets written so far; an earlier report stays as it was.',
  cancelling: 'Cancelling…',
  cancelled: 'Cancelled.',
  errorTitle: 'The report could not be built',

  resultTitle: 'Report built',
  sheets: 'Sheets written',
  skipped: 'This Excel does not support yet:',

  issues: 'Issues in the data',
  noIssues: 'No issues.',
  severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  severityCount: (n: number, severity: Severity) => `${n} ${{ error: n === 1 ? 'error' : 'errors', warning: n === 1 ? 'warning' : 'warnings', info: 'info' }[severity]}`,
  issuesHelp: 'Select an issue to go to its cell.',
  moreIssues: (n: string) => `and ${n} more.`,
  selectFailed: (address: string) => `Could not select ${address}: the sheet or cell is gone or hidden.`,
  tabs: { report: 'Report', data: 'Data', org: 'Organisation' },
  reportKind: 'Report',
  insertTemplate: 'Insert the template to edit',
  insertTemplateHint: 'Adds "Mẫu …" sheets to the workbook: edit wording, layout, signature; the next report uses them.',
  templatesInserted: (names: string) => `Inserted ${names}. Edit them in place, then build the report.`,
  templatesKept: (names: string) => `The workbook already has ${names}: your edits are kept.`,
  templateUsed: (names: string) => `Built from the edited template: ${names}.`,
  language: 'Tiếng Việt',
  scanTitle: 'Sheets in the workbook',
  scanning: 'Reading the workbook…',
  rescan: 'Read again',
  scanFailed: 'The workbook could not be read',
  emptyWorkbook: 'The workbook has no sheet with data yet.',
  noStaffSheet: 'No staff list found (it needs at least a name and a unit column). The streamlining report needs it.',
  kindLabels: { staff: 'Staff list', units: 'Units and quotas', mergerPlan: 'Merger plan', members: 'Party members', orgs: 'Party organisations', targets: 'Targets', tasks: 'Registered tasks' },
  unrecognised: 'Not recognised',
  records: (n: string) => `${n} records`,
  mappingOf: (sheet: string) => `Columns of ${sheet}`,
  notMapped: '(none)',
  mappingSaved: 'The column choice is saved in the workbook; co-authors and the command line use it too.',
  saveFailed: 'Could not save to the workbook',
  org: {
    title: 'Issuing organisation',
    hint: 'Used for the report header and signature; saved in the workbook.',
    variant: 'Document type', party: 'Party document', state: 'State administrative document',
    superiorBody: 'Superior body', issuingBody: 'Issuing body', name: 'Name in running text', place: 'Place',
    documentNumber: 'Document number', signerCapacity: 'Signing on behalf of', signerTitle: 'Signer title', signerName: 'Signer name',
    recipients: 'Recipients (one per line)', save: 'Save', saved: 'Organisation details saved in the workbook.',
  },
};

const STRINGS: Record<Locale, Strings> = { vi, en };

/** `Office.context.displayLanguage` ("vi-VN", "en-US", …) → locale; Vietnamese unless Office speaks English. */
export function localeFor(displayLanguage: string | undefined): Locale {
  return /^en\b/i.test(displayLanguage ?? '') ? 'en' : 'vi';
}

export function stringsFor(locale: Locale): Strings {
  return STRINGS[locale];
}
