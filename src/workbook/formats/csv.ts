import type { Issue } from '../../domain/issues';
import type { CellValue } from '../../ingest/values';
import { codec } from '../codec';
import type { PlainSheet } from '../xlsx/fastXlsx';
import { textEncoding, type TextEncoding } from './sniff';

/**
 * CSV and "Unicode Text" (.txt) as Excel and office software save them, into the grid ingest reads:
 * one sheet named after the file, as Excel opens it. Every cell stays text: ingest reads
 * "05/07/1980" day first and "1.234,5" the Vietnamese way itself, where a spreadsheet library would
 * guess a month-first date or an English number (docs/decisions.md, "Reading sheets": dates are
 * day-first).
 *
 * The bytes are decoded a slice at a time (TextDecoder's stream mode), so that no string holds the
 * whole file: V8 strings stop at 2^29 characters, below the 512 MiB input cap (fileCheck.ts).
 * Windows-1258 writes Vietnamese tones as combining marks; every cell holding one is made NFC,
 * the form the .xlsx files hold ("ệ" one character, not "ê" + dot below).
 */

const CHUNK = 8 * 1024 * 1024;
/** Excel's grid: cells beyond it are said once, not kept. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const COMBINING = /[\u0300-\u036f]/;

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** The sheet's name: the file's, without folder or extension, as Excel names a CSV's only sheet (31 characters at most). */
export function csvSheetName(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  const name = base.replace(/\.[^.]*$/, '') || base;
  return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet1';
}

export interface CsvRead {
  sheet: PlainSheet;
  encoding: TextEncoding;
  separator: string;
}

export function readCsv(data: Uint8Array, sheetName: string): CsvRead {
  const encoding = textEncoding(data) ?? 'utf-8';
  // fatal: false: a stray byte becomes U+FFFD in its cell rather than losing the file.
  // The codec's decoder: Node's ICU in the CLI, the browser's own in a page (both have windows-1258 and UTF-16).
  const decoder = codec().textDecoder(encoding);
  const step = CHUNK - (CHUNK % 2);
  let parser: CsvParser | undefined;
  let separator = ',';
  for (let at = 0; at < data.length || !parser; at += step) {
    const last = at + step >= data.length;
    let text = decoder.decode(data.subarray(at, at + step), { stream: !last });
    if (!parser) {
      const hint = /^sep=(.)\r?\n/.exec(text);
      separator = hint ? hint[1] : detectSeparator(text);
      if (hint) text = text.slice(hint[0].length);
      parser = new CsvParser(separator.charCodeAt(0), sheetName);
    }
    parser.feed(text);
    if (last) break;
  }
  return { sheet: parser.end(), encoding, separator };
}

/** The parser over text given in pieces (readCsv's slices; tests cut a text at every place). */
export function parseCsvPieces(pieces: Iterable<string>, separator: string, sheetName: string): PlainSheet {
  const parser = new CsvParser(separator.charCodeAt(0), sheetName);
  for (const piece of pieces) parser.feed(piece);
  return parser.end();
}

/**
 * Comma, semicolon (the list separator of Windows set to Vietnamese) or tab ("Unicode Text"): the
 * one that splits the first lines into the same number of fields most often, more fields winning a
 * tie. Title rows saved from Excel carry trailing separators, so they count too.
 */
export function detectSeparator(text: string): string {
  const lines = firstLines(text, 50);
  let best = { separator: ',', score: -1, fields: 0 };
  for (const separator of ['\t', ';', ',']) {
    const counts = lines.map((line) => fieldsOf(line, separator.charCodeAt(0))).filter((n) => n > 1);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const n of counts) freq.set(n, (freq.get(n) ?? 0) + 1);
    const [fields, score] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    if (score > best.score || (score === best.score && fields > best.fields)) best = { separator, score, fields };
  }
  return best.separator;
}

/** Up to `n` records, a quoted line break kept inside its record. */
function firstLines(text: string, n: number): string[] {
  const lines: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length && lines.length < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === LF || c === CR)) {
      if (i > start) lines.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (lines.length < n && start < text.length) lines.push(text.slice(start));
  return lines;
}

function fieldsOf(line: string, separator: number): number {
  let quoted = false;
  let fields = 1;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (c === separator && !quoted) fields++;
  }
  return fields;
}

/** RFC 4180 as Excel writes and reads it, fed a slice of text at a time. */
class CsvParser {
  private readonly rows: CellValue[][] = [];
  private row: CellValue[] = [];
  private col = 0;
  private rowIndex = 0;
  private field = '';
  private quoted = false;
  /** The current field opened with a quote (so that "" is an empty cell, and a quote later in it is text). */
  private wasQuoted = false;
  /** A quote ended the last slice inside a quoted field: closing, or the first of a doubled quote. */
  private quoteAtEnd = false;
  /** A CR ended a record: an LF right after it belongs to it. */
  private afterCR = false;
  private readonly issues: Issue[] = [];
  private wideRowSaid = false;
  private longSaid = false;

  constructor(
    private readonly separator: number,
    private readonly name: string,
  ) {}

  feed(text: string): void {
    let i = 0;
    const n = text.length;
    if (this.quoteAtEnd && n > 0) {
      this.quoteAtEnd = false;
      if (text.charCodeAt(0) === QUOTE) {
        this.field += '"';
        i = 1;
      } else this.quoted = false;
    }
    let start = i;
    while (i < n) {
      if (this.quoted) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          this.field += text.slice(i);
          return;
        }
        this.field += text.slice(i, q);
        if (q + 1 === n) {
          this.quoteAtEnd = true;
          return;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          this.field += '"';
          i = q + 2;
        } else {
          this.quoted = false;
          i = q + 1;
        }
        start = i;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === this.separator) {
        this.afterCR = false;
        this.field += text.slice(start, i);
        this.endField();
        start = ++i;
      } else if (c === LF || c === CR) {
        if (c === LF && this.afterCR && i === start && this.field === '' && this.col === 0 && !this.wasQuoted) {
          this.afterCR = false;
          start = ++i;
          continue;
        }
        this.field += text.slice(start, i);
        this.endField();
        this.endRow();
        this.afterCR = c === CR;
        start = ++i;
      } else if (c === QUOTE && i === start && this.field === '' && !this.wasQuoted) {
        this.afterCR = false;
        this.quoted = true;
        this.wasQuoted = true;
        start = ++i;
      } else {
        this.afterCR = false;
        i++;
      }
    }
    if (!this.quoted) this.field += text.slice(start, n);
  }

  end(): PlainSheet {
    if (this.quoteAtEnd) this.quoted = false;
    if (this.col > 0 || this.field !== '' || this.wasQuoted) {
      this.endField();
      this.endRow();
    }
    return { name: this.name, state: 'visible', rows: this.rows, merges: [], ...(this.issues.length ? { readerIssues: this.issues } : {}) };
  }

  private endField(): void {
    // A line break inside a quoted cell is the cell's own (Alt+Enter): one LF, as Excel keeps it.
    const text = this.wasQuoted && this.field.includes('\r') ? this.field.replace(/\r\n?/g, '\n') : this.field;
    if (text !== '') {
      if (this.col < MAX_COLS) this.row[this.col] = COMBINING.test(text) ? text.normalize('NFC') : text;
      else if (!this.wideRowSaid && this.rowIndex < MAX_ROWS) {
        this.wideRowSaid = true;
        this.issues.push({
          sheet: this.name, cell: `XFD${this.rowIndex + 1}`, severity: 'warning', code: 'cell.outsideGrid',
          message: `Dòng ${this.rowIndex + 1} của tệp có dữ liệu quá cột XFD (cột thứ 16.384, cột cuối của Excel): phần vượt quá không được đọc.`,
          hint: 'Kiểm tra dấu phân cách của tệp, hoặc bỏ bớt cột rồi chạy lại.',
        });
      }
    }
    this.field = '';
    this.wasQuoted = false;
    this.col++;
  }

  private endRow(): void {
    if (this.row.length > 0) {
      if (this.rowIndex < MAX_ROWS) this.rows[this.rowIndex] = this.row;
      else if (!this.longSaid) {
        this.longSaid = true;
        this.issues.push({
          sheet: this.name, cell: `A${MAX_ROWS}`, severity: 'warning', code: 'cell.outsideGrid',
          message: `Tệp có hơn ${MAX_ROWS.toLocaleString('vi-VN')} dòng (dòng cuối của Excel): các dòng sau dòng ${MAX_ROWS.toLocaleString('vi-VN')} không được đọc.`,
          hint: 'Chia danh sách thành nhiều tệp rồi chạy lại.',
        });
      }
      this.row = [];
    }
    this.col = 0;
    this.rowIndex++;
  }
}
