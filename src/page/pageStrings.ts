import type { Locale } from '../taskpane/strings';

/**
 * The texts of the standalone page (src/page/), beside the pane's own (src/taskpane/strings.ts),
 * which the page shares: Vietnamese first, English second.
 */
const vi = {
  intro: 'Lập báo cáo từ các tệp Excel ngay trong trình duyệt, không cần Microsoft 365. Tệp được đọc trên máy này, không gửi đi đâu.',
  filesLabel: 'Tệp dữ liệu',
  chooseFiles: 'Chọn tệp…',
  dropHint: 'Hoặc kéo thả tệp vào đây. Nhận .xlsx, .xls, .ods, .csv; chọn nhiều tệp (mỗi huyện một tệp) để tổng hợp.',
  reading: 'Đang đọc tệp…',
  noFiles: 'Chưa chọn tệp dữ liệu nào.',
  filesRead: (n: number) => `Đã đọc ${n} tệp:`,
  remove: 'Bỏ',
  removeFile: (name: string) => `Bỏ tệp ${name}`,
  unreadable: (name: string, why: string) => `Không đọc được tệp "${name}": ${why}`,
  download: (name: string) => `Tải về ${name}`,
  downloadHint: 'Sổ báo cáo giống hệt sổ lệnh tochuc ghi ra: mở bằng Excel, LibreOffice hoặc WPS để in, ký.',
  offline: 'Đang làm việc ngoại tuyến: trang và bộ máy lập báo cáo đã được lưu trên máy này.',
  orgHint: 'Dùng cho phần đầu và chữ ký của báo cáo; lưu trong trình duyệt này, không gửi đi đâu.',
  orgSaved: 'Đã lưu thông tin cơ quan trong trình duyệt này.',
  failed: 'Không lập được báo cáo',
};

const en: typeof vi = {
  intro: 'Make the reports from Excel files right in the browser, without Microsoft 365. The files are read on this computer and sent nowhere.',
  filesLabel: 'Data files',
  chooseFiles: 'Choose files…',
  dropHint: 'Or drop files here. Takes .xlsx, .xls, .ods, .csv; choose several (one per district) to consolidate them.',
  reading: 'Reading the files…',
  noFiles: 'No data file chosen yet.',
  filesRead: (n: number) => `${n} file(s) read:`,
  remove: 'Remove',
  removeFile: (name: string) => `Remove ${name}`,
  unreadable: (name: string, why: string) => `Could not read "${name}": ${why}`,
  download: (name: string) => `Download ${name}`,
  downloadHint: 'The same report workbook the tochuc command writes: open it in Excel, LibreOffice or WPS to print and sign.',
  offline: 'Working offline: the page and the report engine are kept on this computer.',
  orgHint: 'For the heading and signature of the reports; kept in this browser, sent nowhere.',
  orgSaved: 'The organisation details are saved in this browser.',
  failed: 'The report could not be made',
};

export type PageStrings = typeof vi;
export const pageStringsFor = (locale: Locale): PageStrings => (locale === 'vi' ? vi : en);
