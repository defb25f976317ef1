import type { Issue, Severity } from '../domain/issues';
import type { RawCell } from '../domain/records';
import { cleanText, needsCleaning } from '../domain/text';
import type { Vocabulary } from '../domain/vocabulary';
import type { ColumnMapping } from './header';
import { cellAddress, cellText, columnLetter, isBlank, type SheetGrid } from './grid';
import { decodeLegacy, detectLegacy, isReadyText, type LegacyEncoding } from './legacyText';
import { keepShape } from './keepShape';
import { parseNumber } from '../domain/viNumbers';
import { parseCommonDate, parseDate, parseDateText, parseYesNo, type CellValue, type DateResult, type ParsedDate } from './values';

/** Printable ASCII with single inner spaces and no edges: nothing to repair or tidy (numbers, codes, "x"). */
function isPlainAscii(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) continue;
    if (c === 0x20 && i > 0 && i < n - 1 && text.charCodeAt(i + 1) !== 0x20) continue;
    return false;
  }
  return true;
}

const REPEAT_CACHE_LIMIT = 5000;

/**
 * A repeating column's cache: each distinct cell text, repaired and tidied (undefined when blank),
 * with the legacy encoding it was in and, in a vocabulary column, its code.
 */
interface CachedText {
  readonly text: string | undefined;
  readonly encoding: LegacyEncoding | null;
  vocab: Vocabulary<string> | undefined;
  code: string | undefined;
}
type RepeatCache = Map<string, CachedText>;

/** Trims and NFC-normalises display text; text that is already clean (most cells) passes untouched. */
export function tidyText(text: string): string {
  return needsCleaning(text) ? cleanText(text) : text;
}

const DATE_HINT = 'Ghi ngày theo dạng ngày/tháng/năm, ví dụ 15/03/2019.';

/** Excel's error values, as both readers give a formula's cached error: text, but never a name or a unit. */
const FORMULA_ERROR = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/;

/** Excel's error values start with "#": the one character test spares the pattern for every other cell. */
function isFormulaError(v: string): boolean {
  return v.charCodeAt(0) === 35 && FORMULA_ERROR.test(v.trim());
}

/** A cell quoted in a message: whole when short, cut when it is a page of text (a cell holds 32,767 characters). */
function quoted(v: CellValue): string {
  const text = cellText(v);
  return text.length > 100 ? `${text.slice(0, 97)}…` : text;
}

/**
 * Reads the fields of one row at a time, parsing each cell and turning every problem into an
 * issue at its cell. One reader serves a whole sheet; `row` moves down. The cell readers take the
 * column as `col(field)` gives it: undefined, for a field the sheet lacks, reads as an absent value.
 */
export class RowReader {
  /** The grid row being read (0-based), and its cells. */
  row = 0;
  private cells: readonly CellValue[] = [];
  readonly columns = new Map<string, ColumnMapping[]>();
  private readonly firstCol = new Map<string, number>();
  /**
   * Columns whose values repeat down the sheet (units, categories, statuses): each distinct text is
   * repaired and tidied once. Names and free text are not cached.
   */
  private readonly repeats: Array<RepeatCache | undefined>;
  /** By column, then encoding: a column may mix TCVN3 and VNI (rows pasted from two sources). */
  private readonly legacy = new Map<number, Map<LegacyEncoding, { count: number; first: string }>>();
  private readonly yearOnly = new Map<number, { count: number; first: string }>();

  constructor(
    readonly grid: SheetGrid,
    mapping: readonly ColumnMapping[],
    readonly issues: Issue[],
    repeatingFields: ReadonlySet<string> = new Set(),
  ) {
    // Indexed by column, as long as the widest mapping: every read is within the array.
    this.repeats = new Array<RepeatCache | undefined>(Math.max(0, ...mapping.map((m) => m.col + 1))).fill(undefined);
    for (const m of mapping) {
      if (repeatingFields.has(m.field)) this.repeats[m.col] = new Map();
      const list = this.columns.get(m.field);
      if (list) list.push(m);
      else {
        this.columns.set(m.field, [m]);
        this.firstCol.set(m.field, m.col);
      }
    }
  }

  moveTo(row: number): void {
    this.row = row;
    this.cells = this.grid.rows[row] ?? [];
  }

  has(field: string): boolean {
    return this.columns.has(field);
  }

  col(field: string): number | undefined {
    return this.firstCol.get(field);
  }

  rawAt(col: number | undefined): CellValue {
    return col === undefined ? undefined : this.cells[col];
  }

  address(col: number): string {
    return cellAddress(this.grid, this.row, col);
  }

  issueAt(col: number, severity: Severity, code: string, message: string, hint?: string): void {
    this.issues.push({ sheet: this.grid.name, cell: this.address(col), severity, code, message, ...(hint ? { hint } : {}) });
  }

  /** Display text: legacy text repaired, whitespace tidied; undefined for a blank cell. */
  textAt(col: number | undefined): string | undefined {
    if (col === undefined) return undefined;
    const v = this.cells[col];
    if (v == null) return undefined;
    if (typeof v !== 'string') return cellText(v);
    const cache = this.repeats[col];
    return cache === undefined ? this.freshText(col, v) : this.cached(col, cache, v).text;
  }

  /** A repeating column's text: nearly every cell is one seen before, answered at once (its legacy encoding counted again, an error value said again at its cell). */
  private cached(col: number, cache: RepeatCache, v: string): CachedText {
    const hit = cache.get(v);
    if (hit) {
      if (hit.encoding) this.noteLegacy(col, hit.encoding);
      else if (hit.text === undefined && isFormulaError(v)) this.formulaError(col, v);
      return hit;
    }
    const entry: CachedText = { text: this.freshText(col, v), encoding: isPlainAscii(v) || isBlank(v) ? null : detectLegacy(v), vocab: undefined, code: undefined };
    if (cache.size < REPEAT_CACHE_LIMIT) cache.set(v, entry);
    return entry;
  }

  /**
   * A text read for the first time (names and free text always are): ready text (nearly every
   * cell) as it is, the rest repaired and tidied; an error value ("#N/A" from a VLOOKUP) is an
   * issue at its cell and no text.
   */
  private freshText(col: number, v: string): string | undefined {
    if (isFormulaError(v)) {
      this.formulaError(col, v);
      return undefined;
    }
    if (isReadyText(v)) return v;
    if (isBlank(v)) return undefined;
    const encoding = detectLegacy(v);
    if (encoding === null) return tidyText(v);
    this.noteLegacy(col, encoding);
    return tidyText(decodeLegacy(v, encoding));
  }

  private formulaError(col: number, v: string): void {
    this.issueAt(col, 'warning', 'cell.formulaError', `Ô có giá trị lỗi của công thức "${v.trim()}": không đọc được, coi như ô trống.`, 'Sửa công thức (tham chiếu bị xóa, VLOOKUP không tìm thấy…) hoặc ghi giá trị trực tiếp.');
  }

  /**
   * A date cell. `dayMatters` fields warn about a bare year; for the others (birth dates) bare
   * years are common ("Năm sinh") and are summed up in one note per column.
   */
  dateAt(col: number | undefined, label: string, severity: Severity = 'warning', dayMatters = true): Readonly<ParsedDate> | undefined {
    if (col === undefined) return undefined;
    const v = this.cells[col];
    if (isBlank(v)) return undefined;
    // The number format tells serials from bare years; text does not need it.
    const parsed = typeof v === 'string' ? this.textDate(col, v) : parseDate(v, this.grid.numberFormats?.[this.row]?.[col]);
    // Nearly every date is a whole day: the rest are reported (or counted) apart, which keeps this short.
    if (!('error' in parsed) && parsed.precision === 'day' && !parsed.widenedYear) return parsed;
    return this.unusualDate(col, v, parsed, label, severity, dayMatters);
  }

  /** A date that is not a plain day: an error, a partial date, a two-digit year. */
  private unusualDate(col: number, v: CellValue, parsed: DateResult, label: string, severity: Severity, dayMatters: boolean): Readonly<ParsedDate> | undefined {
    if ('error' in parsed) {
      const shown = quoted(v);
      const message = parsed.error === 'date.outOfRange' ? `${label}: năm ngoài khoảng cho phép (1850–2200): "${shown}"` : `${label} không hợp lệ: "${shown}"`;
      this.issueAt(col, severity, parsed.error, message, DATE_HINT);
      return undefined;
    }
    if (parsed.precision !== 'day') {
      if (dayMatters) {
        const what = parsed.precision === 'year' ? 'chỉ có năm' : 'chỉ có tháng và năm';
        this.issueAt(col, 'warning', 'date.partial', `${label} ${what} ("${quoted(v)}"); tạm tính từ ngày ${parsed.iso.slice(8, 10)}/${parsed.iso.slice(5, 7)}/${parsed.iso.slice(0, 4)}.`, 'Ghi đủ ngày/tháng/năm nếu hồ sơ có.');
      } else {
        const seen = this.yearOnly.get(col);
        if (seen) seen.count++;
        else this.yearOnly.set(col, { count: 1, first: this.address(col) });
      }
    } else if (parsed.widenedYear) {
      this.issueAt(col, 'warning', 'date.twoDigitYear', `${label} ghi năm hai chữ số ("${quoted(v)}"), đã hiểu là năm ${parsed.iso.slice(0, 4)}.`, 'Ghi năm đủ bốn chữ số.');
    }
    return parsed;
  }

  numberAt(col: number | undefined, label: string): number | undefined {
    if (col === undefined) return undefined;
    const v = this.cells[col];
    if (isBlank(v)) return undefined;
    const parsed = parseNumber(v);
    if ('error' in parsed) {
      this.issueAt(col, 'warning', 'number.invalid', `${label}: không đọc được số "${quoted(v)}".`, 'Ghi số, ví dụ 1.234 hoặc 4,98.');
      return undefined;
    }
    return parsed.value;
  }

  /**
   * The cell as typed, with its address (and number format, where known), for a report to read by
   * its own rules: a text repaired and tidied as textAt gives it (an error value is an issue and no
   * cell), anything else untouched; undefined for a blank cell or a column the sheet lacks.
   */
  rawCellAt(col: number | undefined): RawCell | undefined {
    if (col === undefined) return undefined;
    const v = this.cells[col];
    if (isBlank(v)) return undefined;
    const value = typeof v === 'string' ? this.textAt(col) : v;
    if (value === undefined || value === null) return undefined;
    const format = this.grid.numberFormats?.[this.row]?.[col];
    return format === undefined ? { value, cell: this.address(col) } : { value, cell: this.address(col), format };
  }

  /** A blank cell is "no"; a column the sheet lacks, unknown. */
  yesNoAt(col: number | undefined, label: string): boolean | undefined {
    if (col === undefined) return undefined;
    const v = this.cells[col];
    const parsed = parseYesNo(v);
    if ('error' in parsed) {
      this.issueAt(col, 'warning', 'yesno.invalid', `${label}: "${quoted(v)}" không phải có/không.`, 'Đánh dấu x (hoặc có, 1, ✓) nếu có; để trống nếu không.');
      return undefined;
    }
    return parsed.value;
  }

  vocabAt<T extends string>(col: number | undefined, vocab: Vocabulary<T>, label: string, severity: Severity = 'warning'): T | undefined {
    if (col === undefined) return undefined;
    const v = this.cells[col];
    const cache = this.repeats[col];
    let text: string | undefined;
    let code: T | undefined;
    if (cache !== undefined && typeof v === 'string') {
      // The code is kept with the cached text: one look-up answers both.
      const entry = this.cached(col, cache, v);
      text = entry.text;
      if (text === undefined) return undefined;
      if (entry.vocab !== vocab) {
        entry.vocab = vocab;
        entry.code = vocab.lookup(text);
      }
      code = entry.code as T | undefined;
    } else {
      text = this.textAt(col);
      if (text === undefined) return undefined;
      code = vocab.lookup(text);
    }
    if (code === undefined) {
      this.issueAt(col, severity, `${vocab.name}.unknown`, `${label}: "${text}" không có trong danh mục ${vocab.label}.`, 'Sửa giá trị, hoặc chọn lại cột tương ứng.');
    }
    return code;
  }

  /** A text date, legacy text repaired first ("ngµy 12 th¸ng 3") and noted once per column. */
  private textDate(col: number, value: string): DateResult {
    // "dd/mm/yyyy", nearly every text date, is ASCII: no legacy text to look for.
    const common = parseCommonDate(value);
    if (common) return common;
    // detectLegacy answers null for nearly every cell without allocating; decode only the rest.
    // (A cache by distinct text was tried: with thousands of distinct dates its look-ups, misses in
    // the processor's caches, cost more than parsing ten characters. Results are shared by day instead.)
    const encoding = detectLegacy(value);
    if (encoding === null) return parseDateText(value);
    this.noteLegacy(col, encoding);
    return parseDateText(decodeLegacy(value, encoding));
  }

  private noteLegacy(col: number, encoding: LegacyEncoding): void {
    let byEncoding = this.legacy.get(col);
    if (!byEncoding) this.legacy.set(col, (byEncoding = new Map()));
    const seen = byEncoding.get(encoding);
    if (seen) seen.count++;
    else byEncoding.set(encoding, { count: 1, first: this.address(col) });
  }

  /** Issues summed up per column, added once the sheet has been read. */
  finish(headers: ReadonlyMap<number, string>): void {
    for (const [col, byEncoding] of this.legacy) for (const [encoding, seen] of byEncoding) {
      const name = encoding === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI';
      this.issues.push({
        sheet: this.grid.name, cell: seen.first, severity: 'info', code: 'text.legacyConverted',
        message: `Cột ${columnLetter(col + (this.grid.origin?.col ?? 0))} (${headers.get(col) ?? ''}): ${seen.count} ô viết bằng mã ${name} đã được chuyển sang Unicode.`,
        hint: 'Nên chuyển cả tệp sang Unicode (dựng sẵn) để các phần mềm khác đọc đúng.',
      });
    }
    for (const [col, seen] of this.yearOnly) {
      this.issues.push({
        sheet: this.grid.name, cell: seen.first, severity: 'info', code: 'date.yearOnly',
        message: `Cột ${columnLetter(col + (this.grid.origin?.col ?? 0))} (${headers.get(col) ?? ''}): ${seen.count} ô chỉ có năm, tạm tính ngày 01/01.`,
      });
    }
  }
}

// See keepShape: its class outlives the sheets it reads.
keepShape(new RowReader({ name: '', rows: [] }, [], []));
