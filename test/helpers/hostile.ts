/**
 * What the hostile corpus's tests share (test/hostile*.test.ts): the fixtures' folder, the check that
 * a fixture is never written (sha256 before and after), reading it as the CLI does, and the CLI run in
 * process with its output captured.
 */
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import path from 'path';
import { main } from '../../src/cli/main';
import { ingestWorkbook, type WorkbookIngest } from '../../src/ingest/ingestWorkbook';
import { readXlsxBook, UnreadableWorkbookError, type XlsxBook } from '../../src/workbook/xlsx/readXlsx';

export const HOSTILE_DIR = path.join(__dirname, '..', 'fixtures', 'hostile');

/** A letter only Vietnamese uses: the message is in Vietnamese, not an English exception text. */
export const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

export async function sha256(file: string): Promise<string> {
  return createHash('sha256').update(await fs.readFile(file)).digest('hex');
}

/** Runs the checks on the fixture, then holds its bytes to what they were before. */
export async function untouched(name: string, checks: (file: string) => Promise<void>): Promise<void> {
  const file = path.join(HOSTILE_DIR, name);
  const before = await sha256(file);
  await checks(file);
  expect(await sha256(file)).toBe(before);
}

/** The workbook as the CLI reads it, and what ingest makes of it. */
export async function read(file: string): Promise<{ book: XlsxBook; ingest: WorkbookIngest }> {
  const book = await readXlsxBook(file);
  return { book, ingest: ingestWorkbook(book.grids, { file }) };
}

/** The CLI in process: its exit code and what it printed on each stream. */
export async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * The file is refused with one clear Vietnamese line, by the reader and by the CLI (exit 2, no stack
 * trace); with `referenceEngine`, exceljs refuses it as the same kind of file too. The message.
 */
export async function refused(file: string, kind: UnreadableWorkbookError['kind'], { referenceEngine = false } = {}): Promise<string> {
  const error = await readXlsxBook(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnreadableWorkbookError);
  const e = error as UnreadableWorkbookError;
  expect(e.kind).toBe(kind);
  expect(e.message).toContain(file);
  expect(e.message).toMatch(VIETNAMESE);
  expect(e.message).not.toContain('\n');
  if (referenceEngine) await expect(readXlsxBook(file, { engine: 'exceljs' })).rejects.toMatchObject({ kind });
  const run = await cli(['inspect', '--input', file]);
  expect(run).toEqual({ code: 2, out: '', err: e.message });
  return e.message;
}
