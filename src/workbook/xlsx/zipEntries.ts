import { viNumber } from '../../domain/viNumbers';
import { codec, InflateLimitError, type InflatingStream } from '../codec';

/**
 * The parts of a zip file (an .xlsx is one), found through its central directory and inflated by
 * the build's codec (../codec: Node's own zlib in the CLI, fflate in a browser). fflate's inflate
 * is plain JavaScript: on a 60,000-row register it took 250 ms of a 2-second budget where zlib takes
 * under 100 ms, and fflate's unzip does not hand out the raw compressed bytes. The format is the one of PKWARE's APPNOTE.TXT (sections 4.3.7, 4.3.12, 4.3.16,
 * ZIP64 in 4.3.14, 4.3.15 and 4.5.3): stored (0) and deflated (8) parts, no encryption, which is all
 * an .xlsx uses. Data descriptors (4.3.9) need nothing: the sizes are read from the central directory.
 *
 * Everything the directory says is checked before a byte is inflated, so that a lie costs nothing:
 * every entry, its local header and its data lie inside the file and apart from each other (the
 * overlapping entries of a "better zip bomb" would each inflate the same bytes again), names are
 * unique and use "/", the local header agrees with the directory, and each part's declared size and
 * ratio are plausible for a workbook (the bounds below). A part is then inflated into one buffer of
 * its declared size and no more: a part that inflates past what it declared stops there (with zlib
 * at that byte, with fflate within a slice of it: fflate.ts). The checks are the same whichever codec.
 */

/**
 * No part is inflated past this many bytes: V8's longest string (2^29 − 24 characters on 64-bit, Node's
 * buffer.constants.MAX_STRING_LENGTH), as the scanner (fastXlsx.ts) reads a part's XML as one string.
 * A UTF-8 part no longer than that in bytes always decodes (a character is at least one byte). A real
 * sheet of Excel's 1,048,576 rows × a staff list's 11 columns with shared strings is ~200–400 MB of XML:
 * it passes; a part beyond this could not be read whole anyway, so refusing it costs no real file.
 */
export const MAX_PART_BYTES = 2 ** 29 - 24;

/**
 * Above this size (declared, inflated) a part must not inflate to more than MAX_RATIO times its
 * compressed size. Deflate cannot do better than ~1,032:1; a bomb sits there. Real sheets measured with
 * zlib: a 1,048,576-row list ~10–20:1, a million empty styled rows ~35:1, rows of identical cells
 * written without addresses ~220:1. A part under the floor is harmless at any ratio (a 32 MB string).
 */
export const MAX_RATIO = 500;
export const RATIO_FLOOR_BYTES = 32 * 2 ** 20;

/** How many chunks of a part inflating (ZipEntries.inflating) zlib may hold ready for its reader. */
const AHEAD = 4;

/** The smallest central-directory entry (46 bytes and a name) and local header (30 bytes and a name): what a declared entry count must find room for. */
const CENTRAL_HEADER = 46;
const LOCAL_HEADER = 30;
const U32 = 0xffffffff;

/**
 * A part whose size is absurd or declared falsely (a zip bomb, or a damaged file): its message is one
 * Vietnamese line, to follow "Tệp "…" " (readXlsx.ts), as "save it again" is no advice for such a file.
 */
export class ZipSizeError extends Error {}

interface Entry {
  method: number;
  /** Where the part's compressed bytes start, past the local header. */
  start: number;
  compressedSize: number;
  size: number;
}

const mb = (bytes: number) => `${viNumber(Math.max(1, Math.round(bytes / 2 ** 20)))} MB`;
const ABSURD = '(tệp có lẽ đã bị hỏng, hoặc được tạo ra để làm treo máy): tochuc không đọc tệp này; hãy dùng bản gốc của tệp.';

export class ZipEntries {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly data: Uint8Array) {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const end = findEndOfDirectory(view);
    let count = view.getUint16(end + 10, true);
    let directorySize = view.getUint32(end + 12, true);
    let at = view.getUint32(end + 16, true);
    let directoryEnd = end;
    if (count === 0xffff || directorySize === U32 || at === U32) ({ count, directorySize, at, directoryEnd } = zip64End(view, end));
    // The count is checked against the room there is before it is looped over.
    if (at + directorySize > directoryEnd || count * CENTRAL_HEADER > directorySize) throw new Error(`thư mục của tệp nén khai ${count} phần, không vừa với kích thước tệp`);
    const utf8 = new TextDecoder();
    const seen = new Set<string>();
    const spans: Array<[number, number, string]> = [];
    for (let i = 0; i < count; i++) {
      if (at + CENTRAL_HEADER > directoryEnd || view.getUint32(at, true) !== 0x02014b50) throw new Error('thư mục của tệp nén bị hỏng');
      const flags = view.getUint16(at + 8, true);
      const method = view.getUint16(at + 10, true);
      let compressedSize = view.getUint32(at + 20, true);
      let size = view.getUint32(at + 24, true);
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      let offset = view.getUint32(at + 42, true);
      const nameBytes = data.subarray(at + CENTRAL_HEADER, at + CENTRAL_HEADER + nameLength);
      const raw = utf8.decode(nameBytes);
      const name = raw.replace(/^\//, '');
      if (compressedSize === U32 || size === U32 || offset === U32) {
        ({ compressedSize, size, offset } = zip64Sizes(view, at + CENTRAL_HEADER + nameLength, extraLength, { compressedSize, size, offset }));
      }
      at += CENTRAL_HEADER + nameLength + extraLength + view.getUint16(at + 32, true);
      if (at > directoryEnd) throw new Error('thư mục của tệp nén bị hỏng');
      // A zip made on Windows by hand may write "xl\worksheets\sheet1.xml": no .xlsx writer does, and Excel calls it damaged.
      if (raw.includes('\\')) throw new Error(`tên phần "${raw}" dùng dấu "\\" thay cho "/"`);
      // Part names are case-insensitive (ECMA-376 part 2, 9.1.1.1): two entries of one name leave the part undecided.
      const key = name.toLowerCase();
      if (seen.has(key)) throw new Error(`phần "${name}" có hai lần trong tệp nén`);
      seen.add(key);
      if (flags & 1) throw new Error(`phần "${name}" được mã hóa kiểu zip, không phải cách Excel lưu`);
      if (method !== 0 && method !== 8) throw new Error(`phần "${name}" nén theo cách ${method}, không phải cách Excel dùng (0 hoặc 8)`);
      if (method === 0 && compressedSize !== size) throw new Error(`phần "${name}" không nén nhưng khai hai kích thước khác nhau`);
      if (size > MAX_PART_BYTES) throw new ZipSizeError(`có phần "${name}" khai kích thước khi giải nén là ${mb(size)}, quá giới hạn ${mb(MAX_PART_BYTES)} của một phần sổ Excel ${ABSURD}`);
      if (size > RATIO_FLOOR_BYTES && size > MAX_RATIO * compressedSize) {
        throw new ZipSizeError(`có phần "${name}" khai kích thước khi giải nén là ${mb(size)}, gấp ${viNumber(Math.round(size / Math.max(1, compressedSize)))} lần khi nén, điều dữ liệu thật không có ${ABSURD}`);
      }
      const start = localData(view, offset, { name, nameBytes, flags, method, compressedSize, size });
      if (start + compressedSize > data.length) throw new Error(`phần "${name}" vượt quá cuối tệp`);
      spans.push([offset, start + compressedSize, name]);
      this.entries.set(name, { method, start, compressedSize, size });
    }
    spans.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) {
      if (spans[i][0] < spans[i - 1][1]) throw new Error(`phần "${spans[i][2]}" chồng lên phần "${spans[i - 1][2]}"`);
    }
  }

  /** The parts' names, as the directory lists them. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * A deflated part inflating on libuv's thread pool, `chunkSize` bytes at a time, while its reader
   * reads what has come; undefined for a stored part or none, or where the codec does not stream
   * (a browser's): read() then. Its errors are the reader's to see as it iterates. zlib runs up to
   * AHEAD chunks ahead of the reader, no further.
   */
  inflating(name: string, chunkSize: number): PartStream | undefined {
    const entry = this.entries.get(name.replace(/^\//, ''));
    const zip = codec();
    if (!entry || entry.method !== 8 || !zip.inflating) return undefined;
    return { stream: zip.inflating(this.data.subarray(entry.start, entry.start + entry.compressedSize), chunkSize, AHEAD), size: entry.size };
  }

  /** A part's bytes, or undefined when the zip has no such part. */
  read(name: string): Uint8Array | undefined {
    const entry = this.entries.get(name.replace(/^\//, ''));
    if (!entry) return undefined;
    const raw = this.data.subarray(entry.start, entry.start + entry.compressedSize);
    if (entry.method === 0) return raw;
    let out: Uint8Array;
    try {
      // One output buffer of the declared size (codec.inflateRaw): memory bounded by the size
      // declared, which the directory check above already found plausible.
      out = codec().inflateRaw(raw, entry.size);
    } catch (e) {
      if (e instanceof InflateLimitError) {
        throw new ZipSizeError(`có phần "${name}" giải nén ra nhiều hơn kích thước khai trong tệp nén (${viNumber(entry.size)} byte) ${ABSURD}`);
      }
      throw new Error(`phần "${name}" không giải nén được (${(e as Error).message.split('\n')[0]})`);
    }
    if (out.length !== entry.size) throw new Error(`phần "${name}" giải nén ra ${out.length} byte, không phải ${entry.size} byte như thư mục của tệp nén khai`);
    return out;
  }
}

/** A deflated part inflating a chunk at a time, and the size its entry declares: its reader stops past that size, as read() does. */
export interface PartStream {
  stream: InflatingStream;
  size: number;
}

/** The end-of-central-directory record: the last 22 bytes, or further back when the zip has a comment. */
function findEndOfDirectory(view: DataView): number {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) return at;
  }
  throw new Error('không tìm thấy thư mục của tệp nén zip');
}

/** A 64-bit field as a number: a zip's sizes and offsets lie within the file, far below 2^53; a larger one is caught by the checks against the file's size. */
const u64 = (view: DataView, at: number) => Number(view.getBigUint64(at, true));

/** The ZIP64 end of central directory (APPNOTE 4.3.14–4.3.15), found through its locator just before the classic record. */
function zip64End(view: DataView, end: number): { count: number; directorySize: number; at: number; directoryEnd: number } {
  const locator = end - 20;
  if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) throw new Error('thư mục ZIP64 của tệp nén bị hỏng');
  const record = u64(view, locator + 8);
  if (record + 56 > locator || view.getUint32(record, true) !== 0x06064b50) throw new Error('thư mục ZIP64 của tệp nén bị hỏng');
  return { count: u64(view, record + 32), directorySize: u64(view, record + 40), at: u64(view, record + 48), directoryEnd: record };
}

/** The ZIP64 extra field (id 1, APPNOTE 4.5.3): the 64-bit values of the fields saturated at 0xFFFFFFFF, in this order. */
function zip64Sizes(view: DataView, from: number, length: number, fields: { compressedSize: number; size: number; offset: number }): { compressedSize: number; size: number; offset: number } {
  for (let at = from; at + 4 <= from + length; ) {
    const id = view.getUint16(at, true);
    const dataLength = view.getUint16(at + 2, true);
    if (id === 1) {
      let p = at + 4;
      const next = () => {
        if (p + 8 > at + 4 + dataLength) throw new Error('trường ZIP64 của tệp nén bị hỏng');
        const value = u64(view, p);
        p += 8;
        return value;
      };
      const size = fields.size === U32 ? next() : fields.size;
      const compressedSize = fields.compressedSize === U32 ? next() : fields.compressedSize;
      const offset = fields.offset === U32 ? next() : fields.offset;
      return { compressedSize, size, offset };
    }
    at += 4 + dataLength;
  }
  throw new Error('thiếu trường ZIP64 của tệp nén');
}

/**
 * Where an entry's data starts, past its local header, once that header agrees with the central
 * directory: the same name and method, and the same sizes unless a data descriptor carries them
 * (flag bit 3: the local header may hold zeros) or ZIP64 does (0xFFFFFFFF, the values in its extra field).
 */
function localData(view: DataView, offset: number, central: { name: string; nameBytes: Uint8Array; flags: number; method: number; compressedSize: number; size: number }): number {
  const { name } = central;
  if (offset + LOCAL_HEADER > view.byteLength || view.getUint32(offset, true) !== 0x04034b50) throw new Error(`phần "${name}" không ở chỗ thư mục của tệp nén chỉ`);
  const nameLength = view.getUint16(offset + 26, true);
  const start = offset + LOCAL_HEADER + nameLength + view.getUint16(offset + 28, true);
  const nameBytes = new Uint8Array(view.buffer, view.byteOffset + offset + LOCAL_HEADER, Math.min(nameLength, view.byteLength - offset - LOCAL_HEADER));
  const sameName = nameBytes.length === central.nameBytes.length && nameBytes.every((b, i) => b === central.nameBytes[i]);
  const localCompressed = view.getUint32(offset + 18, true);
  const localSize = view.getUint32(offset + 22, true);
  const sizesGiven = (view.getUint16(offset + 6, true) & 8) === 0 && (central.flags & 8) === 0;
  const sameSizes = !sizesGiven || ((localCompressed === U32 || localCompressed === central.compressedSize) && (localSize === U32 || localSize === central.size));
  if (!sameName || view.getUint16(offset + 8, true) !== central.method || !sameSizes) throw new Error(`đầu mục của phần "${name}" không khớp với thư mục của tệp nén`);
  return start;
}
