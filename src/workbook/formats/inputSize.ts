/**
 * The largest input read: 512 MiB. A staff list at Excel's last row (1,048,576 people × 12 columns)
 * is about 60–100 MB as .xlsx (the 60,000-row register is 3.6 MB), 120–150 MB as CSV and twice that
 * as "Unicode Text" (UTF-16); the cap lets all of them through with room to spare, while the file's
 * bytes, held whole in memory while they are read, stay a third of the 1.5 GB a run may take (docs/performance.md, "Figures": the 1,048,576-row list).
 * A file on disk is refused before it is opened (fileCheck.ts), bytes a page holds before they are read (xlsx/readBytes.ts).
 */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/** Why a path is not read at all: not a file one can read to its end, or too large. */
export type FileProblemKind = 'missing' | 'notRegular' | 'tooLarge';

const MiB = 1024 * 1024;

/** The one line of a file over the cap. */
export function tooLargeMessage(path: string, size: number, maxBytes: number): string {
  return `Tệp "${path}" quá lớn (${Math.ceil(size / MiB)} MB, tochuc đọc tối đa ${Math.round(maxBytes / MiB)} MB): hãy lưu lại dưới dạng .xlsx (nhỏ hơn nhiều so với .csv, .xls) hoặc xóa các trang, cột không cần, rồi chạy lại.`;
}
