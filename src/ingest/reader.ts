import type { Issue, Severity } from '../domain/issues';
import { cleanText, needsCleaning } from '../domain/text';
import type { Vocabulary } from '../domain/vocabulary';
import type { ColumnMapping } from './header';
import { cellAddress, cellText, columnLetter, isBlank, type SheetGrid } from './grid';
import { decodeLegacy, detectLegacy, type LegacyEncoding } from './legacyText';
import { parseDate, parseNumber, parseYesNo, type CellValue, type ParsedDate } from './values';

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

const absent = (): undefined => undefined;

/** Trims and NFC-normalises display text; text that is already clean (most cells) passes untouched. */
export function tidyText(text: string): string {
  return needsCleaning(text) ? cleanText(text) : text;
}

const DATE_HINT = 'Ghi ngày theo dạng ngày/tháng/năm, ví dụ 15/03/2019.';

/**
 * Reads the fields of one row at a time, parsing each cell and turning every problem into an
 * issue at its cell. One reader serves a whole sheet; `row` moves down.
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
  private readonly repeats = new Map<number, Map<string, { text: string; encoding: LegacyEncoding | null }>>();
  private readonly legacy = new Map<number, { encoding: LegacyEncoding; count: number; first: string }>();
  private readonly yearOnly = new Map<number, { count: number; first: string }>();

  constructor(
    readonly grid: SheetGrid,
    mapping: readonly ColumnMapping[],
    readonly issues: Issue[],
    repeatingFields: ReadonlySet<string> = new Set(),
  ) {
    for (const m of mapping) {
      if (repeatingFields.has(m.field)) this.repeats.set(m.col, new Map());
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

  rawAt(col: number): CellValue {
    return this.cells[col];
  }

  address(col: number): string {
    return cellAddress(this.grid, this.row, col);
  }

  issueAt(col: number, severity: Severity, code: string, message: string, hint?: string): void {
    this.issues.push({ sheet: this.grid.name, cell: this.address(col), severity, code, message, ...(hint ? { hint } : {}) });
  }

  textAt(col: number): string | undefined {
    const v = this.rawAt(col);
    if (v == null) return undefined;
    if (typeof v !== 'string') return cellText(v);
    if (isPlainAscii(v)) return v;
    if (isBlank(v)) return undefined;
    const cache = this.repeats.get(col);
    if (cache) {
      const hit = cache.get(v);
      if (hit) {
        if (hit.encoding) this.noteLegacy(col, hit.encoding);
        return hit.text;
      }
    }
    const encoding = detectLegacy(v);
    const text = tidyText(encoding === null ? v : decodeLegacy(v, encoding));
    if (encoding) this.noteLegacy(col, encoding);
    if (cache && cache.size < REPEAT_CACHE_LIMIT) cache.set(v, { text, encoding });
    return text;
  }

  /**
   * A date cell. `dayMatters` fields warn about a bare year; for the others (birth dates) bare
   * years are common ("Năm sinh") and are summed up in one note per column.
   */
  dateAt(col: number, label: string, severity: Severity = 'warning', dayMatters = true): ParsedDate | undefined {
    const v = this.rawAt(col);
    if (isBlank(v)) return undefined;
    const format = this.grid.numberFormats?.[this.row]?.[col];
    const parsed = parseDate(typeof v === 'string' ? this.repairOnly(col, v) : v, format);
    if ('error' in parsed) {
      const shown = cellText(v);
      const message = parsed.error === 'date.outOfRange' ? `${label}: năm ngoài khoảng cho phép (1850–2200): "${shown}"` : `${label} không hợp lệ: "${shown}"`;
      this.issueAt(col, severity, parsed.error, message, DATE_HINT);
      return undefined;
    }
    if (parsed.precision !== 'day') {
      if (dayMatters) {
        const what = parsed.precision === 'year' ? 'chỉ có năm' : 'chỉ có tháng và năm';
        this.issueAt(col, 'warning', 'date.partial', `${label} ${what} ("${cellText(v)}"); tạm tính từ ngày ${parsed.iso.slice(8, 10)}/${parsed.iso.slice(5, 7)}/${parsed.iso.slice(0, 4)}.`, 'Ghi đủ ngày/tháng/năm nếu hồ sơ có.');
      } else {
        const seen = this.yearOnly.get(col);
        if (seen) seen.count++;
        else this.yearOnly.set(col, { count: 1, first: this.address(col) });
      }
    } else if (parsed.widenedYear) {
      this.issueAt(col, 'warning', 'date.twoDigitYear', `${label} ghi năm hai chữ số ("${cellText(v)}"), đã hiểu là năm ${parsed.iso.slice(0, 4)}.`, 'Ghi năm đủ bốn chữ số.');
    }
    return parsed;
  }

  numberAt(col: number, label: string): number | undefined {
    const v = this.rawAt(col);
    if (isBlank(v)) return undefined;
    const parsed = parseNumber(v);
    if ('error' in parsed) {
      this.issueAt(col, 'warning', 'number.invalid', `${label}: không đọc được số "${cellText(v)}".`, 'Ghi số, ví dụ 1.234 hoặc 4,98.');
      return undefined;
    }
    return parsed.value;
  }

  yesNoAt(col: number, label: string): boolean | undefined {
    const v = this.rawAt(col);
    const parsed = parseYesNo(v);
    if ('error' in parsed) {
      this.issueAt(col, 'warning', 'yesno.invalid', `${label}: "${cellText(v)}" không phải có/không.`, 'Đánh dấu x (hoặc có, 1, ✓) nếu có; để trống nếu không.');
      return undefined;
    }
    return parsed.value;
  }

  vocabAt<T extends string>(col: number, vocab: Vocabulary<T>, label: string, severity: Severity = 'warning'): T | undefined {
    const text = this.textAt(col);
    if (text === undefined) return undefined;
    const code = vocab.lookup(text);
    if (code === undefined) {
      this.issueAt(col, severity, `${vocab.name}.unknown`, `${label}: "${text}" không có trong danh mục ${vocab.label}.`, 'Sửa giá trị, hoặc chọn lại cột tương ứng.');
    }
    return code;
  }

  // Field accessors, resolved once per sheet: the row loop then makes no look-up by field name,
  // and a field the sheet lacks costs one call to a function that answers undefined.

  textField(field: string): () => string | undefined {
    const col = this.col(field);
    return col === undefined ? absent : () => this.textAt(col);
  }

  rawField(field: string): () => CellValue {
    const col = this.col(field);
    return col === undefined ? absent : () => this.cells[col];
  }

  dateField(field: string, label: string, dayMatters = true): (severity?: Severity) => ParsedDate | undefined {
    const col = this.col(field);
    return col === undefined ? absent : (severity: Severity = 'warning') => this.dateAt(col, label, severity, dayMatters);
  }

  numberField(field: string, label: string): () => number | undefined {
    const col = this.col(field);
    return col === undefined ? absent : () => this.numberAt(col, label);
  }

  yesNoField(field: string, label: string): () => boolean | undefined {
    const col = this.col(field);
    return col === undefined ? absent : () => this.yesNoAt(col, label);
  }

  vocabField<T extends string>(field: string, vocab: Vocabulary<T>, label: string): () => T | undefined {
    const col = this.col(field);
    return col === undefined ? absent : () => this.vocabAt(col, vocab, label);
  }

  /** Legacy text → Unicode, noted once per column (dates too: "ngµy 12 th¸ng 3"). */
  private repairOnly(col: number, value: string): string {
    // detectLegacy answers null for nearly every cell without allocating; decode only the rest.
    const encoding = detectLegacy(value);
    if (encoding === null) return value;
    this.noteLegacy(col, encoding);
    return decodeLegacy(value, encoding);
  }

  private noteLegacy(col: number, encoding: LegacyEncoding): void {
    const seen = this.legacy.get(col);
    if (seen) seen.count++;
    else this.legacy.set(col, { encoding, count: 1, first: this.address(col) });
  }

  /** Issues summed up per column, added once the sheet has been read. */
  finish(headers: ReadonlyMap<number, string>): void {
    for (const [col, seen] of this.legacy) {
      const name = seen.encoding === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI';
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
