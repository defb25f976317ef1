import { codec } from '../codec';

/**
 * What a file is, by its bytes: offices rename files (a real .xls saved as .xlsx, a CSV exported
 * under .xls), so the extension decides nothing. A zip is an .xlsx unless its "mimetype" says
 * OpenDocument spreadsheet; an OLE compound file is an Excel 97–2003 workbook or an encrypted
 * .xlsx (fastXlsx.ts containerProblem tells which); a bare BIFF stream is an Excel 2–4 sheet; text
 * is CSV; anything else is no spreadsheet.
 */
export type Sniffed = 'xlsx' | 'ods' | 'ole' | 'biff' | 'text' | 'empty' | 'binary';

const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

function startsWith(data: Uint8Array, magic: readonly number[]): boolean {
  return data.length >= magic.length && magic.every((b, i) => data[i] === b);
}

export function sniff(data: Uint8Array): Sniffed {
  if (data.length === 0) return 'empty';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04]) || startsWith(data, [0x50, 0x4b, 0x05, 0x06])) return isOds(data) ? 'ods' : 'xlsx';
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  // BIFF2–4 BOF record: 0x0009, 0x0209 or 0x0409, with a short length.
  if (data.length >= 8 && data[0] === 0x09 && [0x00, 0x02, 0x04].includes(data[1]) && data[2] >= 4 && data[2] <= 16 && data[3] === 0) return 'biff';
  // "PK" alone still goes to the .xlsx reader, which says the zip is damaged.
  if (startsWith(data, [0x50, 0x4b])) return 'xlsx';
  return textEncoding(data) ? 'text' : 'binary';
}

/**
 * OpenDocument puts its "mimetype" entry first and stored (ODF 1.2, part 3, 3.3), so that it can be
 * read at byte 38; a writer that did not (SheetJS) is asked through the zip's central directory.
 * Only that small entry is looked at, and inflated only when it is a few hundred bytes.
 */
function isOds(data: Uint8Array): boolean {
  const latin1 = (from: number, to: number) => String.fromCharCode(...data.subarray(from, Math.max(from, to)));
  if (latin1(30, 38) === 'mimetype') return latin1(38, 38 + ODS_MIMETYPE.length) === ODS_MIMETYPE;
  const entry = zipEntry(data, 'mimetype');
  if (!entry || entry.compressedSize > 1024 || entry.offset + 30 > data.length) return false;
  try {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
    const raw = data.subarray(start, start + entry.compressedSize);
    const bytes = entry.method === 0 ? raw : entry.method === 8 ? codec().inflateRaw(raw, 4096) : undefined;
    return bytes !== undefined && String.fromCharCode(...bytes.subarray(0, ODS_MIMETYPE.length)) === ODS_MIMETYPE;
  } catch {
    return false;
  }
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

const SAMPLE = 64 * 1024;

/**
 * The text's encoding, or undefined for bytes that are no text. A byte-order mark decides (Excel's
 * "CSV UTF-8" writes EF BB BF, its "Unicode Text" FF FE); without one, zero bytes on every other
 * position are UTF-16, bytes that are valid UTF-8 are UTF-8, and anything else is Windows-1258,
 * the code page a Vietnamese Windows saves "CSV (Comma delimited)" in. Control characters other
 * than tab and line breaks mark binary data.
 */
export function textEncoding(data: Uint8Array): TextEncoding | undefined {
  if (startsWith(data, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(data, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(data, [0xfe, 0xff])) return 'utf-16be';
  const sample = data.subarray(0, SAMPLE);
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2) zeroOdd++;
    else zeroEven++;
  }
  let encoding: TextEncoding;
  if (zeroEven + zeroOdd > 0) {
    const half = sample.length / 2;
    // ASCII-heavy UTF-16: the high byte of most characters is zero, the low byte never.
    if (zeroOdd > half * 0.3 && zeroEven === 0) encoding = 'utf-16le';
    else if (zeroEven > half * 0.3 && zeroOdd === 0) encoding = 'utf-16be';
    else return undefined;
  } else {
    encoding = isUtf8(sample, sample.length < data.length) ? 'utf-8' : 'windows-1258';
  }
  const text = codec().textDecoder(encoding).decode(sample.subarray(0, sample.length - (sample.length % 2)));
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) controls++;
  }
  return controls <= text.length / 200 ? encoding : undefined;
}

function isUtf8(sample: Uint8Array, cut: boolean): boolean {
  try {
    // A sample cut inside a character is not an error: stream leaves the tail undecoded.
    codec().textDecoder('utf-8', { fatal: true }).decode(sample, { stream: cut });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a text file is a web page or XML rather than CSV: "Export to Excel" of many web systems
 * saves an HTML table as .xls, and a download that failed saves the error page under the name asked for.
 */
export function isMarkup(data: Uint8Array): boolean {
  const encoding = textEncoding(data);
  if (!encoding) return false;
  const head = codec().textDecoder(encoding).decode(data.subarray(0, 1024));
  return /^\s*</.test(head);
}

/** One entry of a zip's central directory (APPNOTE.TXT 4.3.12), found without inflating anything. */
interface ZipEntry {
  method: number;
  compressedSize: number;
  size: number;
  /** Where its local header starts. */
  offset: number;
}

function zipEntry(data: Uint8Array, name: string): ZipEntry | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let end = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const wanted = new TextEncoder().encode(name);
  for (let i = 0; i < count && at + 46 <= data.length && view.getUint32(at, true) === 0x02014b50; i++) {
    const nameLength = view.getUint16(at + 28, true);
    if (nameLength === wanted.length && at + 46 + nameLength <= data.length && wanted.every((b, j) => data[at + 46 + j] === b)) {
      return { method: view.getUint16(at + 10, true), compressedSize: view.getUint32(at + 20, true), size: view.getUint32(at + 24, true), offset: view.getUint32(at + 42, true) };
    }
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return undefined;
}

/** The uncompressed size the zip's central directory gives for one entry, or undefined when there is no such entry. */
export function zipEntrySize(data: Uint8Array, name: string): number | undefined {
  return zipEntry(data, name)?.size;
}
