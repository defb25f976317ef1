import { promises as fs, type Stats } from 'fs';
import { MAX_INPUT_BYTES, tooLargeMessage, type FileProblemKind } from './inputSize';

export { MAX_INPUT_BYTES, type FileProblemKind } from './inputSize';

export interface FileProblem {
  kind: FileProblemKind;
  message: string;
}

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
    return { kind: 'tooLarge', message: tooLargeMessage(path, stat.size, maxBytes) };
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
