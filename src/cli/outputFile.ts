/**
 * Where the CLI writes: never over one of its inputs, never over a file that is not a report tochuc
 * wrote (unless --force), and never a half file. The rules and why are in docs/decisions.md ("Writing files").
 */
import { promises as fs, type Stats } from 'fs';
import path from 'path';
import { generatedSheetNames, REGISTRY_HEADER, REGISTRY_SHEET } from '../workbook/hiddenSheet';
import { readPlainSheets } from '../workbook/xlsx/fastXlsx';

/** A refusal to write, one Vietnamese line: the caller prints it and exits with 2. */
export class OutputRefusedError extends Error {}

/** What may stand at the output's place already. */
export type Overwrite =
  /** A file tochuc wrote as a report (every sheet listed in its hidden registry): replaced, as a report made again replaces its earlier copy. */
  | 'reports'
  /** Nothing: a template file may hold the officer's edits, which a new copy would throw away. */
  | 'nothing';

async function statOf(file: string): Promise<Stats | undefined> {
  try {
    return await fs.stat(file);
  } catch {
    return undefined;
  }
}

/**
 * Refuses an output that is one of the files read in this run: the same path, the same file
 * through a link (symbolic or hard), or the same inode under another name, e.g. another case of
 * the name on a case-insensitive disk. Files that cannot be stat'ed are compared by path alone.
 */
export async function refuseInputAsOutput(out: string, inputs: readonly string[]): Promise<void> {
  const target = await statOf(out);
  const outReal = await fs.realpath(out).catch(() => path.resolve(out));
  for (const input of inputs) {
    const source = await statOf(input);
    const inputReal = await fs.realpath(input).catch(() => path.resolve(input));
    const sameFile = target !== undefined && source !== undefined && target.dev === source.dev && target.ino === source.ino;
    if (sameFile || outReal === inputReal || path.resolve(out) === path.resolve(input)) {
      throw new OutputRefusedError(`Không ghi: --out "${out}" chính là tệp đầu vào "${input}"; ghi đè sẽ làm mất dữ liệu nguồn. Hãy chọn một tên tệp khác cho báo cáo.`);
    }
  }
}

/** Whether the workbook at `file` is a report tochuc wrote: every sheet in it is listed in its very hidden registry sheet. */
export async function isTochucReport(file: string): Promise<boolean> {
  try {
    const sheets = readPlainSheets(await fs.readFile(file));
    const registry = sheets.find((s) => s.name === REGISTRY_SHEET && s.state === 'veryHidden');
    const header = registry?.rows[0] ?? [];
    if (!registry || REGISTRY_HEADER.some((h, i) => header[i] !== h)) return false;
    const generated = new Set(generatedSheetNames(registry.rows.map((r) => r ?? [])));
    // A source workbook the add-in wrote reports into has a registry too, beside the officer's own sheets.
    return sheets.every((s) => s === registry || generated.has(s.name));
  } catch {
    return false;
  }
}

/** Refuses to put a file where one stands that must not be replaced; `--force` lets a regular file be replaced. */
export async function refuseOverwrite(out: string, overwrite: Overwrite, force: boolean): Promise<void> {
  const existing = await fs.lstat(out).catch(() => undefined);
  if (!existing) return;
  const target = existing.isSymbolicLink() ? await statOf(out) : existing;
  if (target && !target.isFile()) throw new OutputRefusedError(`Không ghi: "${out}" là ${target.isDirectory() ? 'một thư mục' : 'một tệp đặc biệt'}, không phải tệp .xlsx. Hãy cho --out một tên tệp, ví dụ bao-cao.xlsx.`);
  if (force) return;
  if (overwrite === 'reports' && (await isTochucReport(out))) return;
  const what = overwrite === 'reports' ? 'không phải báo cáo do tochuc lập' : 'có thể chứa mẫu đã sửa';
  throw new OutputRefusedError(`Không ghi: tệp "${out}" đã có và ${what}; tochuc không ghi đè để khỏi mất dữ liệu. Hãy chọn tên tệp khác, hoặc thêm --force nếu chắc chắn muốn thay tệp này.`);
}

/**
 * Writes through a temporary file in the target's own folder, then renames it into place: a run
 * killed half-way leaves the earlier file whole (and at most a hidden temporary file), never a
 * half-written report under the name asked for. The rename is atomic within one folder.
 */
export async function writeAtomically<T>(file: string, write: (temporary: string) => Promise<T>): Promise<T> {
  const dir = path.dirname(path.resolve(file));
  await fs.mkdir(dir, { recursive: true });
  const temporary = path.join(dir, `.${path.basename(file)}.tochuc-${process.pid}.tmp`);
  try {
    const result = await write(temporary);
    await fs.rename(temporary, file);
    return result;
  } catch (e) {
    await fs.rm(temporary, { force: true });
    throw e;
  }
}
