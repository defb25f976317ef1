import type { SheetGrid } from '../../ingest/grid';
import { readInput } from '../formats/fileCheck';
import { readWorkbookBytes, UnreadableWorkbookError, type ReadOptions, type XlsxBook } from './readBytes';

// What the CLI and the tests took from here before readBytes.ts held it. A page imports readBytes.ts
// itself: this module reads paths (formats/fileCheck.ts, fs), which a browser has not.
export { checkContainer, plainValue, unreadable, UnreadableWorkbookError } from './readBytes';
export type { ReadOptions, UnreadableKind, XlsxBook } from './readBytes';

export async function readXlsx(path: string, options: ReadOptions = {}): Promise<SheetGrid[]> {
  return (await readXlsxBook(path, options)).grids;
}

/**
 * Reads a workbook file: .xlsx (tochuc's own reader), .xls, .ods, .csv or .txt, whichever the bytes
 * say it is. The path is looked at before it is opened: a folder, a device, a FIFO or a file over
 * the size cap (formats/fileCheck.ts) gets its one line and is never read. Then its bytes are read
 * as a page's are (readBytes.ts readWorkbookBytes), the path naming the file.
 */
export async function readXlsxBook(path: string, options: ReadOptions = {}): Promise<XlsxBook> {
  const data = await readInput(path);
  // Told by Buffer.isBuffer, not instanceof: under jsdom (the pane's tests) Node's Buffer is no Uint8Array of that realm.
  if (!Buffer.isBuffer(data)) throw new UnreadableWorkbookError(data.message, data.kind);
  return readWorkbookBytes(data, path, options);
}
