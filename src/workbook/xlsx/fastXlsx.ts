/**
 * The .xlsx reader of the CLI and of a browser page: the parts are inflated one at a time
 * (zipEntries.ts: Node's zlib in the CLI, fflate in a browser), a small scanner reads their XML. It gives what exceljs' in-memory reader gives (readXlsx.ts keeps that as engine 'exceljs',
 * and test/fastXlsx.test.ts holds the two to the same output), in a fraction of its time and memory.
 *
 * Reading a 60,000-row register (3.6 MB) with test/tools/compareReaders.ts: medians of 7 runs, each
 * in a fresh process, on a busy 2-core machine; load + read ms, peak RSS (node and tsx alone: 79 MB).
 *   exceljs' streaming reader (readXlsx's above 4 MB before)  490 + 3,220 ms  174 MB
 *   exceljs' in-memory reader                                   500 + 5,130 ms  393 MB
 *   fflate unzipSync + saxes                                     50 + 2,110 ms  158 MB
 *   fflate unzipSync + this scanner                              36 + 1,010 ms  161 MB
 *   fflate's streaming Unzip + this scanner, by slices of rows   21 + 1,530 ms  158 MB
 * The scanner does the XML in ~2.5× less time than saxes; streaming saves no memory, and costs time.
 * Then fflate's inflate (JavaScript, ~250 ms of the read) gave way to Node's zlib (under 100 ms).
 */
import { columnLetter } from '../../domain/a1';
import type { Issue } from '../../domain/issues';
import type { MergeRange } from '../../ingest/grid';
import type { CellValue } from '../../ingest/values';
import { ZipEntries, ZipSizeError, type PartStream } from './zipEntries';
import { viNumber } from '../../domain/viNumbers';

/** One worksheet as plain values: rows[r][c] 0-based from A1, holes for empty cells. */
export interface PlainSheet {
  name: string;
  /** As workbook.xml says: 'visible', 'hidden' or 'veryHidden'. */
  state: string;
  rows: CellValue[][];
  merges: MergeRange[];
  /** Cells the reader could not place (see SheetGrid.readerIssues). */
  readerIssues?: Issue[];
  /** Rows hidden or filtered out (see SheetGrid.hiddenRows). */
  hiddenRows?: number;
}

/** The worksheets in workbook order (chart sheets and the like left out). Throws on anything that is no .xlsx. */
export function readPlainSheets(data: Uint8Array): PlainSheet[] {
  const pkg = openPackage(data);
  const book = readBook(pkg);
  return pkg.worksheets.map((w) => named(w, () => readSheet(pkg.zip.decode(sheetBytes(pkg.zip, w)), book, [], w.name)));
}

/**
 * readPlainSheets, each worksheet read as it inflates (readPieces): zlib works on libuv's thread pool
 * while this thread scans what it has inflated, and the sheet's XML is never held whole, as bytes or
 * as text (28 MB of each on the 60,000-row register of test/tools/benchLibreOffice.ts, whose fresh
 * pages were a fifth of the process's 45,000 page faults). The report on that register: 13 of 20
 * alternated runs faster, medians 1,076 → 989 ms. With a codec that does not stream (fflate, in a
 * browser) each sheet is read whole, as readPlainSheets reads it.
 */
export async function readPlainSheetsAsync(data: Uint8Array): Promise<PlainSheet[]> {
  const pkg = openPackage(data);
  const { zip } = pkg;
  const book = readBook(pkg);
  const sheets: PlainSheet[] = [];
  for (const w of pkg.worksheets) {
    const pieces = w.part === undefined ? undefined : zip.inflating(w.part, CHUNK_BYTES);
    // A sheet the pieces cannot be read from (see readPieces) is read whole, and says what it says.
    const read = pieces && (await readPieces(pieces, book, w.name));
    sheets.push(read ? { name: w.name, state: w.state, ...read } : named(w, () => readSheet(zip.decode(sheetBytes(zip, w)), book, [], w.name)));
  }
  return sheets;
}

/**
 * How much XML zlib inflates at a time (its chunkSize), and so about how much each piece scanned is:
 * each chunk is a trip to libuv's thread pool and back, which this thread asks for as it takes the
 * chunk before, and waits for when the trip takes longer than the scan. With 64 KB chunks those waits
 * came to ~70 ms on the register of test/tools/benchLibreOffice.ts; 64 KB pieces cut out of 1 MB
 * chunks, 512 KB chunks whole and 1 MB chunks whole measured alike.
 */
const CHUNK_BYTES = 512 * 2 ** 10;

/**
 * A piece grown larger without a row's start tag to cut it at (a row of thousands of cells, or no
 * rows) is no sheet for readPieces: rather than copy ever longer pieces, the sheet is read whole.
 */
const MAX_PIECE_BYTES = 16 * 2 ** 20;

/**
 * A worksheet read from its part as zlib inflates it, a piece at a time, each piece cut just before
 * the last row's start tag in a chunk ("<" is never inside a character: each piece decodes apart).
 * The scanner reads pieces one after another as it reads the whole (SheetScan carries its state
 * across) when each piece ends between tags: a tag cut at the end throws (cutOff), a cell's content
 * cut is seen (cellCut). Then the next piece starts at the tag the whole's scan would read next.
 * undefined, for the whole part to be read instead, on anything else: such a cut, any error (the
 * whole's reading says it, in its place), a part that inflates to more or less than its declared size.
 */
async function readPieces(part: PartStream, book: Book, sheet: string): Promise<ReadSheet | undefined> {
  const scan = new SheetScan(book, [], sheet);
  const utf8 = new TextDecoder();
  // The bytes after the last cut, which start the next piece.
  let carry: Uint8Array = EMPTY;
  let total = 0;
  try {
    for await (const chunk of part.stream) {
      total += chunk.length;
      if (total > part.size) return undefined;
      const cut = lastRowStart(chunk);
      if (cut < 0 || carry.length + cut === 0) {
        if (carry.length + chunk.length > MAX_PIECE_BYTES) return undefined;
        carry = concat(carry, chunk);
        continue;
      }
      scan.scan(utf8.decode(carry.length > 0 ? concat(carry, chunk.subarray(0, cut)) : chunk.subarray(0, cut)));
      if (scan.cellCut) return undefined;
      carry = chunk.subarray(cut);
    }
    if (total !== part.size) return undefined;
    scan.scan(utf8.decode(carry));
    return scan.finish();
  } catch {
    return undefined;
  } finally {
    part.stream.destroy();
  }
}

const EMPTY = new Uint8Array(0);
/** "<row " in bytes: where readPieces cuts. */
const ROW_TAG = [0x3c, 0x72, 0x6f, 0x77, 0x20];

/** Where the last "<row " in the bytes starts, or -1: looked for from the end, where it is near. */
function lastRowStart(bytes: Uint8Array): number {
  for (let i = bytes.lastIndexOf(ROW_TAG[0], bytes.length - ROW_TAG.length); i >= 0; i = bytes.lastIndexOf(ROW_TAG[0], i - 1)) {
    if (bytes[i + 1] === ROW_TAG[1] && bytes[i + 2] === ROW_TAG[2] && bytes[i + 3] === ROW_TAG[3] && bytes[i + 4] === ROW_TAG[4]) return i;
    // lastIndexOf from -1 would start again at the end.
    if (i === 0) break;
  }
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

interface Worksheet {
  name: string;
  state: string;
  /** Its part, undefined when the workbook names no relationship for it. */
  part: string | undefined;
}

interface Package {
  zip: ZipParts;
  worksheets: Worksheet[];
  partOf: (type: string, fallback: string) => string;
  date1904: boolean;
}

function openPackage(data: Uint8Array): Package {
  const zip = new ZipParts(data);
  const workbookXml = zip.text('xl/workbook.xml');
  if (workbookXml === undefined) throw new Error('thiếu xl/workbook.xml: đây không phải một bảng tính Excel');
  const workbook = readWorkbook(workbookXml);
  const rels = readRels(zip.text('xl/_rels/workbook.xml.rels') ?? '', 'xl/');
  const partOf = (type: string, fallback: string) => [...rels.values()].find((r) => r.type.endsWith(type))?.path ?? fallback;
  const worksheets: Worksheet[] = [];
  for (const sheet of workbook.sheets) {
    const rel = rels.get(sheet.relId);
    // A chart sheet or dialog sheet is no data.
    if (rel && !rel.type.endsWith('/worksheet')) continue;
    worksheets.push({ name: sheet.name, state: sheet.state, part: rel?.path });
  }
  return { zip, worksheets, partOf, date1904: workbook.date1904 };
}

function readBook({ zip, partOf, date1904 }: Package): Book {
  const stringsXml = zip.text(partOf('/sharedStrings', 'xl/sharedStrings.xml'));
  return {
    strings: stringsXml === undefined ? undefined : readSharedStrings(stringsXml),
    dateStyles: readDateStyles(zip.text(partOf('/styles', 'xl/styles.xml')) ?? ''),
    date1904,
  };
}

/** A sheet's XML part: a sheet the workbook names without its relationship or part is a damaged package, not an empty sheet. */
function sheetBytes(zip: ZipParts, w: Worksheet): Uint8Array {
  const bytes = w.part === undefined ? undefined : zip.bytes(w.part);
  if (bytes === undefined) throw new Error(`sổ có trang "${w.name}" nhưng tệp thiếu phần chứa trang này${w.part ? ` (${w.part})` : ''}`);
  return bytes;
}

/** The sheet as read, its damaged cell (if any) named with its sheet. */
function named(w: Worksheet, read: () => ReadSheet): PlainSheet {
  try {
    return { name: w.name, state: w.state, ...read() };
  } catch (e) {
    throw e instanceof DamagedCellError ? new Error(`trang "${w.name}", ${e.message}`) : e;
  }
}

// ───────────────────────────── the zip ─────────────────────────────

class ZipParts {
  private readonly utf8 = new TextDecoder();
  private readonly zip: ZipEntries;

  constructor(data: Uint8Array) {
    const problem = containerProblem(data);
    if (problem) throw problem;
    this.zip = broken(() => new ZipEntries(data));
  }

  /** One part, decoded; parts are inflated one at a time so that only one sheet's XML is in memory at once. */
  text(path: string): string | undefined {
    const bytes = this.bytes(path);
    return bytes && this.decode(bytes);
  }

  bytes(path: string): Uint8Array | undefined {
    return broken(() => this.zip.read(path));
  }

  decode(bytes: Uint8Array): string {
    return this.utf8.decode(bytes);
  }

  /** A deflated part as it inflates (ZipEntries.inflating). */
  inflating(path: string, chunkSize: number): PartStream | undefined {
    return this.zip.inflating(path, chunkSize);
  }
}

function broken<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    // An absurd size has its own line (readXlsx.ts): the file may have been made to blow up, not merely damaged.
    if (e instanceof ZipSizeError) throw e;
    throw new Error(`tệp nén zip bị hỏng: ${(e as Error).message}`);
  }
}

function startsWith(data: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => data[i] === b);
}

/** Why a file is no .xlsx, as far as its container tells: the reader's message, and what the user is to do depends on it. */
export type ContainerKind = 'encrypted' | 'xls' | 'ole' | 'notZip';

export class NotXlsxError extends Error {
  constructor(
    readonly kind: ContainerKind,
    message: string,
  ) {
    super(message);
  }
}

/** A directory entry's name as a compound file stores it (UTF-16LE, ASCII here), to be looked for in the file's bytes. */
function utf16(name: string): Uint8Array {
  const bytes = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) bytes[i * 2] = name.charCodeAt(i);
  return bytes;
}

/** Whether `pattern` occurs in `data`: its first byte found by the engine's own search, the rest compared. */
function includes(data: Uint8Array, pattern: Uint8Array): boolean {
  const last = data.length - pattern.length;
  for (let at = data.indexOf(pattern[0]); at >= 0 && at <= last; at = data.indexOf(pattern[0], at + 1)) {
    let i = 1;
    while (i < pattern.length && data[at + i] === pattern[i]) i++;
    if (i === pattern.length) return true;
  }
  return false;
}

/**
 * An .xlsx is a zip. Excel's "Encrypt with Password" writes an OLE compound file instead ([MS-OFFCRYPTO]:
 * streams EncryptionInfo and EncryptedPackage), as Excel 97–2003 does for an .xls (a Workbook or Book
 * stream): a zip reader would only say "invalid zip", which sends the user the wrong way. The stream
 * names are looked for in the directory sectors' UTF-16 text, wherever the directory lies.
 */
export function containerProblem(data: Uint8Array): NotXlsxError | undefined {
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (includes(data, utf16('EncryptedPackage')) || includes(data, utf16('EncryptionInfo'))) return new NotXlsxError('encrypted', 'tệp được mã hóa bằng mật khẩu (tệp OLE có EncryptedPackage), không phải tệp nén zip .xlsx');
    if (includes(data, utf16('Workbook')) || includes(data, utf16('Book'))) return new NotXlsxError('xls', 'tệp Excel 97–2003 (.xls, tệp OLE có luồng Workbook), không phải .xlsx');
    return new NotXlsxError('ole', 'tệp OLE (có mật khẩu, hoặc là tệp .xls cũ), không phải tệp nén zip .xlsx');
  }
  if (!startsWith(data, [0x50, 0x4b])) return new NotXlsxError('notZip', 'không phải tệp nén zip như .xlsx');
  return undefined;
}

// ───────────────────────────── the XML scanner ─────────────────────────────

const SPACE = 32;
const DQUOTE = 34;
const SLASH = 47;
const COLON = 58;
const EQUALS = 61;
const GT = 62;

const cutOff = () => new Error('XML bị cắt cụt');

/**
 * Walks the tags of an XML document, skipping comments, declarations and processing instructions;
 * text is read on demand with `text()`. Element names come without their namespace prefix,
 * attribute names as written. OOXML parts are generated and plain, which lets this be a fraction of
 * a general parser (saxes) and several times faster. Every loop moves on; a cut-off document throws.
 */
class XmlScanner {
  private nameStart = 0;
  private nameEnd = 0;
  closing = false;
  selfClosing = false;
  /** Where the search for the next tag starts. */
  pos = 0;
  /** The current start tag's attributes, four numbers each: name start and end, value start and end. */
  private spans = new Int32Array(64);
  private count = 0;
  /**
   * Set by plainCell(), cleared by next(): the current tag is a cell's start tag written as Excel
   * writes it, whose address (as a span of xml, -1 when it has none), style and type are below.
   */
  plain = false;
  refStart = -1;
  refEnd = -1;
  cellStyle = 0;
  cellType = '';
  /** A cell's content ran on to the end of the document (readCellContent found no end tag of it). */
  cellCut = false;

  constructor(readonly xml: string) {}

  /** Whether the current tag has this local name: compared in place, as most tags are not looked at twice. */
  is(name: string): boolean {
    const start = this.nameStart;
    return this.nameEnd - start === name.length && this.xml.charCodeAt(start) === name.charCodeAt(0) && this.xml.startsWith(name, start);
  }

  /** Moves to the next start or end tag: false at the end of the document. */
  next(): boolean {
    const xml = this.xml;
    for (;;) {
      const lt = xml.indexOf('<', this.pos);
      if (lt < 0) return false;
      let p = lt + 1;
      let c = xml.charCodeAt(p);
      if (c === 33 /* ! */ || c === 63 /* ? */) {
        this.pos = this.afterMarkup(lt);
        continue;
      }
      this.plain = false;
      this.closing = c === SLASH;
      if (this.closing) c = xml.charCodeAt(++p);
      let nameStart = p;
      for (; c > SPACE && c !== GT && c !== SLASH; c = xml.charCodeAt(++p)) if (c === COLON) nameStart = p + 1;
      this.nameStart = nameStart;
      this.nameEnd = p;
      this.count = 0;
      for (;;) {
        while (c <= SPACE) c = xml.charCodeAt(++p);
        if (c === GT || c === SLASH) break;
        p = this.readAttribute(p);
        c = xml.charCodeAt(p);
      }
      // NaN (past the end) fails every comparison above: the loops end there, and so does the tag.
      const gt = c === GT ? p : xml.indexOf('>', p);
      if (gt < 0 || p >= xml.length) throw cutOff();
      this.selfClosing = c === SLASH && !this.closing;
      this.pos = gt + 1;
      return true;
    }
  }

  /**
   * Moves to the next tag when it is a cell's start tag of the plain form Excel writes,
   * `<c r="B12" s="5" t="s">` (one-letter attribute names, double quotes, single spaces), and reads
   * its r, s and t into refStart/refEnd, cellStyle and cellType: what next() and the attribute loop
   * of readSheet would read from it. Anything else (another tag, another attribute, a document cut
   * off) leaves the scanner where it was, for next(). A sheet is mostly such tags, and this skips the
   * general tag loop and the attribute spans for them (the scanner's largest cost on the register
   * of test/tools/bench.ts).
   */
  plainCell(): boolean {
    const xml = this.xml;
    const lt = this.pos;
    if (xml.charCodeAt(lt) !== 60 /* < */ || xml.charCodeAt(lt + 1) !== 99 /* c */) return false;
    let p = lt + 2;
    let c = xml.charCodeAt(p);
    let refStart = -1;
    let refEnd = -1;
    let style = 0;
    let type = '';
    while (c === SPACE) {
      const name = xml.charCodeAt(p + 1);
      if (name < 97 /* a */ || name > 122 /* z */ || xml.charCodeAt(p + 2) !== EQUALS || xml.charCodeAt(p + 3) !== DQUOTE) return false;
      // Values are a few characters: a loop costs less here than a call of indexOf.
      let valueEnd = p + 4;
      while (valueEnd < xml.length && xml.charCodeAt(valueEnd) !== DQUOTE) valueEnd++;
      if (valueEnd === xml.length) return false;
      if (name === R) {
        refStart = p + 4;
        refEnd = valueEnd;
      } else if (name === S) style = digits(xml, p + 4, valueEnd);
      else if (name === T) type = xml.slice(p + 4, valueEnd);
      p = valueEnd + 1;
      c = xml.charCodeAt(p);
    }
    if (c === GT) this.selfClosing = false;
    else if (c === SLASH && xml.charCodeAt(p + 1) === GT) this.selfClosing = true;
    else return false;
    this.pos = this.selfClosing ? p + 2 : p + 1;
    this.plain = true;
    this.closing = false;
    this.nameStart = lt + 1;
    this.nameEnd = lt + 2;
    this.count = 0;
    this.refStart = refStart;
    this.refEnd = refEnd;
    this.cellStyle = style;
    this.cellType = type;
    return true;
  }

  /** The character data after the current start tag (CDATA included, comments left out), decoded. */
  text(): string {
    if (this.selfClosing) return '';
    const xml = this.xml;
    let out = '';
    for (;;) {
      const lt = xml.indexOf('<', this.pos);
      if (lt < 0) throw cutOff();
      const raw = decodeText(xml.slice(this.pos, lt));
      out = out === '' ? raw : out + raw;
      if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt);
        if (end < 0) throw cutOff();
        out += normalizeEol(xml.slice(lt + 9, end));
        this.pos = end + 3;
      } else if (xml.startsWith('<!--', lt)) {
        this.pos = this.afterMarkup(lt);
      } else {
        this.pos = lt;
        return out;
      }
    }
  }

  /** Skips the current element's content, to its end tag. */
  skip(): void {
    const name = this.xml.slice(this.nameStart, this.nameEnd);
    let depth = this.selfClosing ? 0 : 1;
    while (depth > 0 && this.next()) {
      if (this.is(name) && !this.selfClosing) depth += this.closing ? -1 : 1;
    }
  }

  /** An attribute of the current start tag, decoded. */
  attr(name: string): string | undefined {
    const i = this.attrIndex(name);
    return i < 0 ? undefined : decodeAttribute(this.xml.slice(this.spans[4 * i + 2], this.spans[4 * i + 3]));
  }

  /** The index of an attribute of the current start tag, -1 when it has none of that name. */
  attrIndex(name: string): number {
    for (let i = 0; i < this.count; i++) {
      const start = this.spans[4 * i];
      if (this.spans[4 * i + 1] - start === name.length && this.xml.startsWith(name, start)) return i;
    }
    return -1;
  }

  get attrCount(): number {
    return this.count;
  }

  /** The character code of attribute i's name when that is one letter (as a cell's r, s and t), else 0. */
  letterName(i: number): number {
    return this.spans[4 * i + 1] - this.spans[4 * i] === 1 ? this.xml.charCodeAt(this.spans[4 * i]) : 0;
  }

  /** Attribute i as written, entities left in: for values that are plain words. */
  rawAttr(i: number): string {
    return this.xml.slice(this.spans[4 * i + 2], this.spans[4 * i + 3]);
  }

  /** Attribute i as a whole number (NaN when it is none): a cell's style, with no string made. */
  intAttr(i: number): number {
    return digits(this.xml, this.spans[4 * i + 2], this.spans[4 * i + 3]);
  }

  /** Attribute i read as a cell address, its 0-based column ("AB12" → 27); -1 when it has no letters. */
  columnAttr(i: number): number {
    return columnAt(this.xml, this.spans[4 * i + 2], this.spans[4 * i + 3]);
  }

  /** Records the attribute at p; returns the position after its value. */
  private readAttribute(p: number): number {
    const xml = this.xml;
    const nameStart = p;
    let c = xml.charCodeAt(p);
    while (c !== EQUALS && c > SPACE) c = xml.charCodeAt(++p);
    const nameEnd = p;
    while (c !== DQUOTE && c !== 39 /* ' */ && p < xml.length) c = xml.charCodeAt(++p);
    // Values are mostly a few characters: a loop costs less here than a call of indexOf.
    let valueEnd = p + 1;
    while (valueEnd < xml.length && xml.charCodeAt(valueEnd) !== c) valueEnd++;
    if (valueEnd >= xml.length) throw cutOff();
    if (4 * this.count === this.spans.length) {
      const more = new Int32Array(2 * this.spans.length);
      more.set(this.spans);
      this.spans = more;
    }
    const at = 4 * this.count++;
    this.spans[at] = nameStart;
    this.spans[at + 1] = nameEnd;
    this.spans[at + 2] = p + 1;
    this.spans[at + 3] = valueEnd;
    return valueEnd + 1;
  }

  /** Past a comment, CDATA section, processing instruction or declaration starting at lt. */
  private afterMarkup(lt: number): number {
    const xml = this.xml;
    const [close, length] = xml.startsWith('<!--', lt) ? ['-->', 3] : xml.startsWith('<![CDATA[', lt) ? [']]>', 3] : xml.startsWith('<?', lt) ? ['?>', 2] : ['>', 1];
    // A DOCTYPE may hold an internal subset in brackets, with '>' inside.
    const bracket = close === '>' ? xml.indexOf('[', lt) : -1;
    const from = bracket >= 0 && bracket < xml.indexOf('>', lt) ? xml.indexOf(']', bracket) : lt;
    const end = from < 0 ? -1 : xml.indexOf(close, from);
    if (end < 0) throw cutOff();
    return end + length;
  }
}

/** The 0-based column of the cell address at xml[start, end) ("AB12" → 27); -1 when it starts with no letter. */
function columnAt(xml: string, start: number, end: number): number {
  let col = 0;
  for (let p = start; p < end; p++) {
    const c = xml.charCodeAt(p);
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
  }
  return col - 1;
}

/** The whole number written at xml[start, end), NaN when there is anything else. */
function digits(xml: string, start: number, end: number): number {
  let n = 0;
  for (let p = start; p < end; p++) {
    const d = xml.charCodeAt(p) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return end > start ? n : NaN;
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntity(whole: string, dec: string | undefined, hex: string | undefined, name: string | undefined): string {
  if (name) return NAMED[name];
  const code = dec ? parseInt(dec, 10) : parseInt(hex ?? '', 16);
  return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
}

/** Character data as an XML parser gives it: line ends normalised to \n, then entities replaced. */
function decodeText(raw: string): string {
  if (raw.indexOf('&') < 0 && raw.indexOf('\r') < 0) return raw;
  return normalizeEol(raw).replace(ENTITY, decodeEntity);
}

function normalizeEol(raw: string): string {
  return raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n');
}

/** An attribute value as an XML parser gives it: literal line ends and tabs become spaces. */
function decodeAttribute(raw: string): string {
  if (raw.indexOf('&') < 0 && raw.indexOf('\n') < 0 && raw.indexOf('\t') < 0 && raw.indexOf('\r') < 0) return raw;
  return raw.replace(/\r\n?|[\n\t]/g, ' ').replace(ENTITY, decodeEntity);
}

/** OOXML's escape of characters XML cannot hold ("_x000D_"), undone as exceljs does: upper-case hex only. */
function unescapeOoxml(text: string): string {
  return text.indexOf('_x') < 0 ? text : text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** exceljs decodes the text of t="str" cells once more after the XML parser (utils.xmlDecode): so do we. */
function decodeAgain(text: string): string {
  return text.indexOf('&') < 0 ? text : text.replace(/&([a-z]*);/g, (whole, name: string) => (name in NAMED ? NAMED[name] : whole));
}

// ───────────────────────────── workbook, relationships, strings, styles ─────────────────────────────

interface SheetEntry {
  name: string;
  state: string;
  relId: string;
}

function readWorkbook(xml: string): { sheets: SheetEntry[]; date1904: boolean } {
  const x = new XmlScanner(xml);
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  while (x.next()) {
    if (x.closing) continue;
    if (x.is('workbookPr')) date1904 = ['1', 'true'].includes(x.attr('date1904') ?? '');
    else if (x.is('sheet')) sheets.push({ name: x.attr('name') ?? '', state: x.attr('state') ?? 'visible', relId: x.attr('r:id') ?? '' });
  }
  return { sheets, date1904 };
}

/** Relationship id → type and part path, targets resolved against the folder of the part they belong to. */
function readRels(xml: string, folder: string): Map<string, { type: string; path: string }> {
  const x = new XmlScanner(xml);
  const rels = new Map<string, { type: string; path: string }>();
  while (x.next()) {
    if (x.closing || !x.is('Relationship') || x.attr('TargetMode') === 'External') continue;
    rels.set(x.attr('Id') ?? '', { type: x.attr('Type') ?? '', path: resolvePart(folder, (x.attr('Target') ?? '').trim()) });
  }
  return rels;
}

function resolvePart(folder: string, target: string): string {
  const parts: string[] = [];
  for (const segment of (target.startsWith('/') ? target : folder + target).split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '' && segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}

/** The shared strings, rich-text runs joined, phonetic guides (rPh) left out. */
export function readSharedStrings(xml: string): string[] {
  const x = new XmlScanner(xml);
  const strings: string[] = [];
  let text = '';
  while (x.next()) {
    if (x.closing) {
      if (x.is('si')) strings.push(text);
      continue;
    }
    if (x.is('t')) text += unescapeOoxml(x.text());
    else if (x.is('rPh')) x.skip();
    else if (x.is('si')) {
      text = '';
      if (x.selfClosing) strings.push(text);
    }
  }
  return strings;
}

/** How a cell style shows a number: as a date (a day, month or year in its format), a time of day only, or neither. */
export type DateStyle = 'date' | 'time' | false;

/** Which cell styles (cellXfs) show numbers as dates, by exceljs' reading of their number format; 'time' when the format has no day, month or year. */
export function readDateStyles(xml: string): DateStyle[] {
  const x = new XmlScanner(xml);
  const custom = new Map<number, string>();
  const dateStyles: DateStyle[] = [];
  let inCellXfs = false;
  while (x.next()) {
    if (x.is('cellXfs')) inCellXfs = !x.closing && !x.selfClosing;
    else if (x.closing) continue;
    else if (x.is('numFmt')) custom.set(parseInt(x.attr('numFmtId') ?? '', 10), (x.attr('formatCode') ?? '').replace(/\\(.)/g, '$1'));
    else if (x.is('xf') && inCellXfs) {
      const id = parseInt(x.attr('numFmtId') ?? '', 10);
      const code = custom.get(id) || BUILTIN_FORMATS[id];
      dateStyles.push(id > 0 && isDateFormat(code) ? (showsDay(code) ? 'date' : 'time') : false);
    }
  }
  return dateStyles;
}

/**
 * The built-in formats exceljs knows (lib/xlsx/defaultnumformats.js) and would call dates: it has
 * no code for the East Asian date ids 27–36, so numbers in those stay numbers, there as here.
 */
const BUILTIN_FORMATS: Record<number, string> = {
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM',
  20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0',
};

/** exceljs' utils.isDateFmt, to the letter (case-sensitive: "YYYY" alone is no date to it). */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** A date format shows a day, month or year ("dd/mm/yyyy", "mmm-yy"); "h:mm", "[h]:mm:ss" show a time only. */
export function showsDay(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[dDyYbBeE]/.test(bare) || /m{3,}/i.test(bare);
}

/**
 * A date-styled number as Excel shows it, in the 1900 date system (Excel for Windows'): exceljs'
 * arithmetic (serialToDate) is Excel's from 01/03/1900 on; before, Excel counts a 29/02/1900 that
 * never was, so serials 1–60 are one day later than exceljs says (1 is 01/01/1900, exceljs' 31/12/1899).
 * A serial below 0 is no date to Excel (it shows #####), nor is one below 1 in a date format (00/01/1900,
 * what a formula's 0 shows): those stay numbers, which ingest reads as it reads the task pane's serials
 * (an out-of-range date at that cell), not as a day of 1899. A time of day (0 ≤ serial < 1 in a time
 * format) stays exceljs' date of 30/12/1899 at that time. The 1904 system is left to exceljs' arithmetic.
 */
export function excelDate(serial: number, style: 'date' | 'time', date1904: boolean): CellValue {
  if (date1904) return serialToDate(serial, true);
  if (!(serial >= 0)) return serial;
  if (serial < 1) return style === 'date' ? serial : serialToDate(serial, false);
  return serialToDate(serial < 61 ? serial + 1 : serial, false);
}

/** exceljs' utils.excelToDate, to the bit: the same arithmetic in the same order, rounded to the millisecond. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

// ───────────────────────────── worksheets ─────────────────────────────

export interface Book {
  /** The shared strings; undefined when the package has no table of them. */
  strings: string[] | undefined;
  dateStyles: DateStyle[];
  date1904: boolean;
}

/** A cell written without a value: a style only, or nothing. */
const NO_VALUE = Symbol('no value');
type Read = CellValue | typeof NO_VALUE;

/**
 * Above this many cells a merged area is filled only as far as the sheet has data: a whole merged
 * column, or a title merged across a whole row (A1:XFD1, what "Merge & Center" on a selected row
 * makes), is no reason to hang or to make every row 16,384 cells wide.
 */
const MAX_MERGE_FILL = 10_000;

/**
 * All merged areas of a sheet together fill at most this many cells (2^24: a 1,048,576-row list with
 * 16 merged cells a row): beyond, the rest are kept as ranges but not filled, and the sheet says so.
 * A crafted sheet of 100,000 overlapping or stacked merges, 3 MB of XML, would otherwise fill 10^9 cells.
 */
const MAX_MERGE_FILL_TOTAL = 2 ** 24;

// The one-letter attributes of a cell: its address, style and type.
const R = 114;
const S = 115;
const T = 116;

/** Excel's grid, 0-based: rows 1–1,048,576 and columns A–XFD (16,384). A cell or merged area beyond is said where it is, never allocated. */
const LAST_ROW = 1_048_575;
const LAST_COL = 16_383;
/** A sheet says this many cells beyond the grid one by one, then how many more there were: a crafted sheet could hold millions. */
const MAX_OUTSIDE_ISSUES = 100;

/** One worksheet as read: its rows, merged areas, what could not be placed, hidden rows. */
export type ReadSheet = Omit<PlainSheet, 'name' | 'state'>;

/** A worksheet's cells, merged areas, hidden rows and what could not be placed; into `rows` when given (the benchmark's streaming variant reads a sheet a slice at a time). */
export function readSheet(xml: string, book: Book, rows: CellValue[][] = [], sheet = ''): ReadSheet {
  const given = rows.length > 0;
  const scan = new SheetScan(book, rows, sheet);
  scan.scan(xml);
  return scan.finish(given);
}

/**
 * The reading of one worksheet, its XML given whole (readSheet) or as consecutive pieces, each cut
 * just before a row's start tag (readPieces): what the scanner carries from one piece to the next is here.
 */
class SheetScan {
  readonly merges: MergeRange[] = [];
  readonly outside: SheetIssues;
  row = -1;
  col = -1;
  // The last column holding a value, kept as cells are read: rows may be a sparse array a million long.
  lastCol = -1;
  // Hidden rows (hidden="1": hidden, or filtered out by AutoFilter) are counted when they hold a value: an empty hidden row hides nothing.
  hiddenRow = false;
  hiddenRows = 0;
  /** A cell's content ran on past the end of the piece scan() read last: the piece was not cut between tags. */
  cellCut = false;

  constructor(
    private readonly book: Book,
    readonly rows: CellValue[][],
    sheet: string,
  ) {
    this.outside = new SheetIssues(sheet);
  }

  scan(xml: string): void {
    const { book, rows, merges, outside } = this;
    const x = new XmlScanner(xml);
    // The state lives in locals while the loop runs, and goes back to the fields at the end.
    let { row, col, lastCol, hiddenRow, hiddenRows } = this;
    try {
      while (x.plainCell() || x.next()) {
        if (x.closing) continue;
        if (x.plain || x.is('c')) {
          // Rows and cells without an address follow the one before.
          col++;
          let style = 0;
          let type = '';
          let ref = -1;
          if (x.plain) {
            style = x.cellStyle;
            type = x.cellType;
            if (x.refStart >= 0) {
              const at = columnAt(x.xml, x.refStart, x.refEnd);
              if (at >= 0) col = at;
            }
          } else {
            for (let i = 0; i < x.attrCount; i++) {
              const name = x.letterName(i);
              if (name === R) {
                ref = i;
                col = x.columnAttr(i) >= 0 ? x.columnAttr(i) : col;
              } else if (name === S) style = x.intAttr(i);
              else if (name === T) type = x.rawAttr(i);
            }
          }
          // The address as written is taken before the cell's content moves the scanner on.
          const beyond = col > LAST_COL || row > LAST_ROW ? (writtenAddress(x, ref) ?? columnLetter(col) + (row + 1)) : undefined;
          const value = readCell(x, book, type, style > 0 ? (book.dateStyles[style] ?? false) : false);
          if (value !== NO_VALUE && row >= 0) {
            if (beyond !== undefined) {
              outside.cell(beyond, value);
              continue;
            }
            (rows[row] ??= [])[col] = value;
            if (col > lastCol) lastCol = col;
            if (hiddenRow) {
              hiddenRows++;
              hiddenRow = false;
            }
          }
        } else if (x.is('row')) {
          // Nearly always digits alone: read in place, with no string cut out, decoded and parsed.
          const at = x.attrIndex('r');
          const n = at >= 0 ? x.intAttr(at) : NaN;
          const r = n >= 0 && n <= LAST_ROW + 1 ? n : parseInt(x.attr('r') ?? '', 10);
          row = r > 0 ? r - 1 : row + 1;
          col = -1;
          const hidden = x.attrIndex('hidden');
          hiddenRow = hidden >= 0 && (x.rawAttr(hidden) === '1' || x.rawAttr(hidden) === 'true');
        } else if (x.is('mergeCell')) {
          const ref = x.attr('ref') ?? '';
          const range = parseRange(ref);
          if (range && (range.bottom > LAST_ROW || range.right > LAST_COL)) {
            const inside = outside.merge(ref, range);
            if (inside) merges.push(inside);
          } else if (range) merges.push(range);
        }
      }
    } catch (e) {
      if (e instanceof DamagedCellError) throw new DamagedCellError(`ô ${columnLetter(col)}${row + 1} ${e.message}`);
      throw e;
    }
    this.cellCut = x.cellCut;
    Object.assign(this, { row, col, lastCol, hiddenRow, hiddenRows });
  }

  /** The merged areas filled, and what the sheet holds. `widestRow`: the last column is looked for in `rows`, which held cells before. */
  finish(widestRow = false): ReadSheet {
    const { rows, outside } = this;
    const filled = fillMerges(rows, this.merges, widestRow ? widest(rows) : this.lastCol, outside);
    const readerIssues = outside.issues();
    return {
      rows,
      merges: filled,
      ...(readerIssues.length ? { readerIssues } : {}),
      ...(this.hiddenRows ? { hiddenRows: this.hiddenRows } : {}),
    };
  }
}

/** The current cell's address as written (its r attribute, index `ref` when read by the attribute loop), if it has one. */
function writtenAddress(x: XmlScanner, ref: number): string | undefined {
  if (x.plain) return x.refStart >= 0 ? x.xml.slice(x.refStart, x.refEnd) : undefined;
  return ref >= 0 ? x.rawAttr(ref) : undefined;
}

/** A cell that makes the package damaged (a shared string that is not there): its message goes on to name the cell and the sheet. */
class DamagedCellError extends Error {}

const GRID = 'lưới của Excel (cột A–XFD, hàng 1–1.048.576)';
const GRID_HINT = 'Tệp có lẽ do một chương trình khác ghi sai hoặc đã bị sửa: hãy mở tệp gốc trong Excel, kiểm tra dữ liệu ở cuối trang và lưu lại.';

/** What one sheet held that the reader could not place: cells and merges beyond Excel's grid (cell.outsideGrid, at the addresses as written; their values are not read), merges past the fill budget (merge.tooMany); warnings all. */
export class SheetIssues {
  private readonly list: Issue[] = [];
  private more = 0;
  private firstMore = '';
  private mergesSaid = false;

  constructor(private readonly sheet: string) {}

  cell(address: string, value: CellValue): void {
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    this.add(address, `Ô ${address} nằm ngoài ${GRID} nên không được đọc: giá trị "${shown}" ở đó bị bỏ qua.`);
  }

  /** A merged area reaching beyond the grid: kept as far as the grid goes, or left out when it starts beyond. */
  merge(ref: string, range: MergeRange): MergeRange | undefined {
    const corner = ref.split(':').find((part) => {
      const r = parseRange(part);
      return !r || r.bottom > LAST_ROW || r.right > LAST_COL;
    });
    const starts = range.top <= LAST_ROW && range.left <= LAST_COL;
    this.add(corner ?? ref, `Vùng gộp ô ${ref} vượt ra ngoài ${GRID}: ${starts ? 'chỉ phần trong lưới được dùng' : 'vùng này bị bỏ qua'}.`);
    return starts ? { ...range, bottom: Math.min(range.bottom, LAST_ROW), right: Math.min(range.right, LAST_COL) } : undefined;
  }

  /** The first merged area left unfilled as the sheet's merges passed MAX_MERGE_FILL_TOTAL cells: said once. */
  tooManyMerges(m: MergeRange): void {
    if (this.mergesSaid) return;
    this.mergesSaid = true;
    const at = columnLetter(m.left) + (m.top + 1);
    this.list.push({
      sheet: this.sheet,
      cell: at,
      severity: 'warning',
      code: 'merge.tooMany',
      message: `Các vùng gộp ô của trang phủ hơn ${viNumber(MAX_MERGE_FILL_TOTAL)} ô: từ vùng bắt đầu ở ô ${at}, giá trị ô đầu của vùng gộp không được trải ra các ô còn lại.`,
      hint: 'Hãy bỏ gộp những ô không cần gộp (Trang đầu › Gộp và Căn giữa › Bỏ gộp ô) rồi lưu lại.',
    });
  }

  issues(): Issue[] {
    if (this.more === 0) return this.list;
    const message = `Còn ${viNumber(this.more)} ô hoặc vùng gộp khác nằm ngoài ${GRID}, từ ô ${this.firstMore}: chúng không được đọc.`;
    return [...this.list, { sheet: this.sheet, cell: this.firstMore, severity: 'warning', code: 'cell.outsideGrid', message, hint: GRID_HINT }];
  }

  private add(cell: string, message: string): void {
    if (this.list.length < MAX_OUTSIDE_ISSUES) this.list.push({ sheet: this.sheet, cell, severity: 'warning', code: 'cell.outsideGrid', message, hint: GRID_HINT });
    else if (this.more++ === 0) this.firstMore = cell;
  }
}

/** The last column of any row. for…in visits only the rows there are: a loop to rows.length would visit a million holes. */
function widest(rows: readonly CellValue[][]): number {
  let last = -1;
  for (const key in rows) last = Math.max(last, rows[Number(key)].length - 1);
  return last;
}

/** The value of the cell at the scanner's <c> (of type and date style read from its attributes), as exceljs reads it; the scanner is left past its end. */
function readCell(x: XmlScanner, book: Book, type: string, isDate: DateStyle): Read {
  if (x.selfClosing) return NO_VALUE;
  // Nearly every cell is <c …><v>…</v></c>: it is read here without the general loop below.
  const xml = x.xml;
  const at = x.pos;
  if (xml.charCodeAt(at) === 60 /* < */ && xml.charCodeAt(at + 1) === 118 /* v */ && xml.charCodeAt(at + 2) === GT) {
    const start = at + 3;
    // A value is a few characters: a loop costs less here than a call of indexOf.
    let end = start;
    while (end < xml.length && xml.charCodeAt(end) !== 60) end++;
    if (xml.startsWith('</v></c>', end)) {
      x.pos = end + 8;
      if (type === 's') return sharedString(book, digits(xml, start, end), xml, start, end);
      if (start === end) return NO_VALUE;
      // A whole number of up to 15 digits (a row number, a date's serial) is exact read digit by
      // digit, as parseFloat reads it, with no string cut out for it.
      if ((type === '' || type === 'n') && end - start <= 15) {
        const n = digits(xml, start, end);
        if (!Number.isNaN(n)) return isDate ? excelDate(n, isDate, book.date1904) : n;
      }
      return cellValue(type, decodeText(xml.slice(start, end)), isDate, book);
    }
  }
  return readCellContent(x, type, isDate, book);
}

function sharedString(book: Book, index: number, xml: string, start: number, end: number): Read {
  if (start === end) return NO_VALUE;
  return stringAt(book, Number.isNaN(index) ? parseInt(decodeText(xml.slice(start, end)), 10) : index);
}

/**
 * Shared string `index`: a cell pointing past the table, or into a table the package lacks, is a
 * damaged package (exceljs would read it as empty, and a staff list would read as no staff list).
 */
function stringAt(book: Book, index: number): string {
  const text = book.strings?.[index];
  if (text !== undefined) return text;
  const which = Number.isNaN(index) ? 'một chuỗi dùng chung không có số' : `chuỗi dùng chung số ${index}`;
  throw new DamagedCellError(book.strings ? `trỏ tới ${which} nhưng bảng chuỗi dùng chung chỉ có ${viNumber(book.strings.length)} chuỗi` : `trỏ tới ${which} nhưng tệp không có bảng chuỗi dùng chung (xl/sharedStrings.xml)`);
}

/** Formulas, inline strings, rich text: the general case. */
function readCellContent(x: XmlScanner, type: string, isDate: DateStyle, book: Book): Read {
  let formula = false;
  // As exceljs: <v> and the <t> of an inline string add to one text; rich-text runs make a list.
  let text: string | undefined;
  let runs: string[] | undefined;
  let inRun = false;
  let closed = false;
  while (x.next()) {
    if (x.closing) {
      if (x.is('c')) {
        closed = true;
        break;
      }
      if (x.is('r')) inRun = false;
      continue;
    }
    if (x.is('v') || x.is('t')) {
      const t = x.text();
      if (inRun && runs) runs[runs.length - 1] += unescapeOoxml(t);
      else if (t !== '') text = text === undefined ? t : text + t;
    } else if (x.is('f')) {
      formula = formula || x.attrIndex('t') >= 0 || x.text() !== '';
    } else if (x.is('r')) {
      (runs ??= []).push('');
      inRun = !x.selfClosing;
    } else if (x.is('rPh')) {
      x.skip();
    }
  }
  if (!closed) x.cellCut = true;
  const content = runs ? runs.join('') : text;
  // A formula without a cached result is a blank cell. (exceljs also blanks a cached 0 or false, which
  // Excel shows and the Office.js reader gives: those are kept here.)
  if (formula) return content ? cellValue(type, content, isDate, book) : null;
  return content === undefined ? NO_VALUE : cellValue(type, content, isDate, book);
}

/**
 * A cell's text as a value, by its type. exceljs would turn a formula's text, boolean or error result
 * in a date-formatted cell into an invalid Date: only numbers become dates here.
 */
function cellValue(type: string, content: string, isDate: DateStyle, book: Book): CellValue {
  switch (type) {
    case 's':
      return stringAt(book, parseInt(content, 10));
    case 'str':
      return decodeAgain(content);
    case 'inlineStr':
    case 'e':
      return content;
    case 'b':
      return parseInt(content, 10) !== 0;
    case 'd':
      return isoDate(content);
    default: {
      const n = parseFloat(content);
      return isDate ? excelDate(n, isDate, book.date1904) : n;
    }
  }
}

/** t="d" cells hold an ISO 8601 date (exceljs reads only its year, as a number): a time without a zone is UTC, as exceljs' dates are. */
function isoDate(text: string): CellValue {
  const date = new Date(/T[^Z+-]*$/.test(text) ? text + 'Z' : text);
  return Number.isNaN(date.getTime()) ? text : date;
}

/** "A1:B2" (either corner first) or "A1" → a 0-based rectangle. */
function parseRange(ref: string): MergeRange | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!m) return undefined;
  const [r1, c1, r2, c2] = [Number(m[2]) - 1, column(m[1]), Number(m[4] ?? m[2]) - 1, column(m[3] ?? m[1])];
  // Row 0 ("A0") is no address, as other refs that are none: left out, not a range above the first row.
  if (r1 < 0 || r2 < 0) return undefined;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

function column(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n - 1;
}

/**
 * exceljs reads every cell of a merged area but the top-left as a reference to it, so it gives the
 * top-left's value there too (null when the top-left is empty, which itself stays a hole).
 * A huge area (more than MAX_MERGE_FILL cells) is filled only within the sheet's data (its last row
 * and column holding a value), and an empty one only in rows that hold data: beyond, it carries
 * nothing. Its range is given back cut at the last column, as ingest spreads a merged header cell
 * over every column of its range. `lastCol` is the last column holding a value before the fill.
 */
export function fillMerges(rows: CellValue[][], merges: readonly MergeRange[], lastCol: number, said: SheetIssues): MergeRange[] {
  const lastRow = rows.length - 1;
  let budget = MAX_MERGE_FILL_TOTAL;
  return merges.map((m) => {
    const huge = (m.bottom - m.top + 1) * (m.right - m.left + 1) > MAX_MERGE_FILL;
    const bottom = huge ? Math.min(m.bottom, Math.max(lastRow, m.top)) : m.bottom;
    const right = huge ? Math.min(m.right, Math.max(lastCol, m.left)) : m.right;
    const master = rows[m.top]?.[m.left];
    // What this fill costs: its cells, and for an empty huge area the rows visited to find those with data.
    const cost = (bottom - m.top + 1) * (right - m.left + 1) + (huge && master === undefined ? rows.length : 0);
    if (cost > budget) {
      said.tooManyMerges(m);
      budget = 0;
      return right === m.right ? m : { ...m, right };
    }
    budget -= cost;
    const value = master === undefined ? null : master;
    if (huge && master === undefined) {
      for (const key in rows) {
        const r = Number(key);
        if (r < m.top || r > bottom) continue;
        for (let c = m.left; c <= right; c++) if (r !== m.top || c !== m.left) rows[r][c] = value;
      }
    } else {
      for (let r = m.top; r <= bottom; r++) {
        const row = (rows[r] ??= []);
        for (let c = m.left; c <= right; c++) if (r !== m.top || c !== m.left) row[c] = value;
      }
    }
    return right === m.right ? m : { ...m, right };
  });
}
