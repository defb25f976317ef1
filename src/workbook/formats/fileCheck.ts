import { promises as fs, type Stats } from 'fs';

/**
 * The largest input read: 512 MiB. A staff list at Excel's last row (1,048,576 people × 12 columns)
 * is about 60–100 MB as .xlsx (the 60,000-row register is 3.6 MB), 120–150 MB as CSV and twice that
 * as "Unicode Text" (UTF-16); the cap lets all of them through with room to spare, while the file's
 * bytes, held whole in memory while they are read, stay a third of the 1.5 GB a run may take (docs/performance.md, "Figures": the 1,048,576-row list).
 */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/** Why a path is not read at all: not a file one can read to its end, or too large. */
export type FileProblemKind = 'missing' | 'notRegular' | 'tooLarge';

export interface FileProblem {
  kind: FileProblemKind;
  message: string;
}

const MiB = 1024 * 1024;

/**
 * Looks at the path with stat before anything is opened: a device (/dev/zero), a FIFO or a socket
 * would be read without end, or opening it would wait for a writer; a folder cannot be read.
 */
export async function inputProblem(path: string, maxBytes = MAX_INPUT_BYTES): Promise<FileProblem | undefined> {
  let stat: Stats;
  try {
    stat = await fs.stat(path);
  } catch {
    return { kind: 'missing', message: `Không mở được tệp "${path}": tệp không tồn tại hoặc không đọc được.` };
  }
  if (stat.isDirectory()) return { kind: 'notRegular', message: `"${path}" là một thư mục, không phải tệp: hãy chỉ tới một tệp sổ (.xlsx, .xls, .ods, .csv) bên trong thư mục đó.` };
  if (!stat.isFile()) {
    const what = stat.isFIFO() ? 'đường ống (FIFO)' : stat.isSocket() ? 'socket' : 'thiết bị';
    return { kind: 'notRegular', message: `"${path}" là một ${what}, không phải tệp thông thường nên không được đọc: hãy chỉ tới một tệp sổ (.xlsx, .xls, .ods, .csv) đã lưu trên đĩa.` };
  }
  if (stat.size > maxBytes) {
    return {
      kind: 'tooLarge',
      message: `Tệp "${path}" quá lớn (${Math.ceil(stat.size / MiB)} MB, tochuc đọc tối đa ${Math.round(maxBytes / MiB)} MB): hãy lưu lại dưới dạng .xlsx (nhỏ hơn nhiều so với .csv, .xls) hoặc xóa các trang, cột không cần, rồi chạy lại.`,
    };
  }
  return undefined;
}

/** The file's bytes, read from the handle whose stat was checked (a file swapped after the check is checked again), at most `maxBytes`. */
export async function readInput(path: string, maxBytes = MAX_INPUT_BYTES): Promise<Buffer | FileProblem> {
  const problem = await inputProblem(path, maxBytes);
  if (problem) return problem;
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(path, 'r');
    const stat = await handle.stat();
    if (!stat.isFile()) return (await inputProblem(path, maxBytes)) ?? { kind: 'notRegular', message: `"${path}" không phải tệp thông thường nên không được đọc: hãy chỉ tới một tệp sổ đã lưu trên đĩa.` };
    if (stat.size > maxBytes) return (await inputProblem(path, maxBytes)) ?? { kind: 'tooLarge', message: `Tệp "${path}" quá lớn: hãy lưu lại dưới dạng .xlsx rồi chạy lại.` };
    // Read what stat said, and no more: a file still growing is read as it was.
    const data = Buffer.allocUnsafe(stat.size);
    let at = 0;
    while (at < data.length) {
      const { bytesRead } = await handle.read(data, at, data.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === data.length ? data : data.subarray(0, at);
  } catch {
    return { kind: 'missing', message: `Không mở được tệp "${path}": tệp không tồn tại hoặc không đọc được.` };
  } finally {
    await handle?.close();
  }
}
