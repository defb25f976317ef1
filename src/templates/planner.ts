import { a1, parseA1Range as parseRange, rangeA1 } from '../domain/a1';

type MergeRect = NonNullable<ReturnType<typeof parseRange>>;
import type { Issue } from '../domain/issues';
import { isoDayNumber, isoToSerial } from '../domain/calendar';
import { dayText } from '../domain/period';
import { storeFormulaResults } from './formulaResults';
import { layoutOrgChart, wrapText } from './orgChartLayout';
import { chartScale, placeOrgChart } from './orgChartPage';
import { paginate, templateFlow, type SheetFlow } from './paginate';
import { POINTS_PER_CHARACTER } from './sheetGeometry';
import { VI_COUNT_FORMAT, VI_DATE_FORMAT, viCountFormat } from './numberFormats';
import { repointFormula } from './formulas';
import { parseTemplate, type Part, type TemplateCellInput, type TemplateNode, type TemplateSheet } from './parse';
import { fitCellText, safeSheetName, type CellStyle, type ChartPlan, type OrgChartPlan, type PlanCell, type SheetPlan } from './plan';
import { viCount, viDecimal, viPercent } from '../domain/viNumbers';


/** How a figure is shown: counts as whole numbers, rates as percentages, dates day-first. */
export type FieldType = 'count' | 'rate' | 'date' | 'number' | 'text';
/** The formats of the figures written as numbers (numberFormats.ts says why rates and decimals are written as text). */
export const NUMBER_FORMATS = { count: VI_COUNT_FORMAT, date: VI_DATE_FORMAT } as const;

export interface PlanOptions {
  sheetName: string;
  marker: SheetPlan['marker'];
  /** Field types by key (last path segment, or the full path); otherwise read from the name and value. */
  types?: Record<string, FieldType>;
  /** An organisation chart to print on a page of its own under the sheet's rows (orgChartPage.ts). */
  orgChart?: OrgChartPlan;
}

/**
 * One repeated instance: the list item, its position, and the output rows it made. Instances
 * nest through `parent`, innermost first, as keys and formulas look outwards.
 */
interface Scope {
  parent: Scope | undefined;
  item: unknown;
  index: number;
  /** The list was empty: one blank row stands for it, so that formulas over it stay valid. */
  blank: boolean;
  /** Output rows `first` up to (not including) `end` are this instance's. */
  first: number;
  end: number;
  /** Where each template row went inside this instance: made when a formula or merge first asks, as most lists have neither. */
  rows?: Map<number, number[]>;
}

interface OutRow {
  template: number;
  /** The innermost instance the row belongs to. */
  scope: Scope | undefined;
}

type KeyPart = Extract<Part, { kind: 'key' }>;

/**
 * A placeholder's key as the sheet's every row reads it: the path split once, and the type its
 * name alone gives (declared, or a year), which does not depend on the value.
 */
interface KeyRef {
  kind: 'key';
  part: KeyPart;
  keys: string[];
  declared: FieldType | undefined;
  /** A number under this name is a rate. */
  rate: boolean;
}
type FillPart = Exclude<Part, KeyPart> | KeyRef;

/**
 * What every output row of a template row writes in one column, worked out once per sheet:
 * a cell to fill, a formula to re-point, a literal to copy, or only a style and number format.
 */
type CellRule = { style?: number; numberFormat?: string } & (
  | { kind: 'fill'; parts: FillPart[] }
  | { kind: 'formula'; formula: string }
  | { kind: 'literal'; value: NonNullable<TemplateCellInput['value']> }
  | { kind: 'format' }
);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const RATE_KEY = /(rate|Rate|share|Share|Percent|percent)$/;

/** The answer of a look-up that found no such key (a key holding undefined is found). */
const MISSING: unique symbol = Symbol('missing');

/** A key present in an object is found even when its value is empty: an item without a position still has the field. */
function lookup(root: unknown, keys: readonly string[]): unknown {
  let value = root;
  for (let i = 0; i < keys.length; i++) {
    if (value === null || typeof value !== 'object') return MISSING;
    const next = (value as Record<string, unknown>)[keys[i]];
    // Only an undefined answer needs the second question (is the key there at all).
    if (next === undefined && !(keys[i] in value)) return MISSING;
    value = next;
  }
  return value;
}

/** A key resolves against the innermost item first, then the enclosing ones, then the figures. */
function resolve(keys: readonly string[], scope: Scope | undefined, figures: unknown): unknown {
  for (let s = scope; s; s = s.parent) {
    if (s.blank) return undefined;
    const hit = lookup(s.item, keys);
    if (hit !== MISSING) return hit;
  }
  return lookup(figures, keys);
}

// Parts of a date and years are written plainly: "năm 2026", never "năm 2.026".
const PLAIN_NUMBER_KEYS = new Set(['year', 'month', 'day', 'baselineYear', 'currentYear']);

function keyRef(part: KeyPart, types: Record<string, FieldType> | undefined): KeyRef {
  const last = part.path.slice(part.path.lastIndexOf('.') + 1);
  const declared = types?.[part.path] ?? types?.[last] ?? (PLAIN_NUMBER_KEYS.has(last) || /Year$/.test(last) ? 'text' : undefined);
  return { kind: 'key', part, keys: part.path.split('.'), declared, rate: RATE_KEY.test(last) };
}

function typeOf(ref: KeyRef, value: unknown): FieldType {
  if (ref.declared) return ref.declared;
  // Read by character codes: a pattern per text was a tenth of planning a 5,000-person list.
  if (typeof value === 'string') return isoDayNumber(value) >= 0 ? 'date' : 'text';
  if (typeof value !== 'number') return 'text';
  if (ref.rate) return 'rate';
  return Number.isInteger(value) ? 'count' : 'number';
}


/** A figure inside running text, the way a Vietnamese Excel shows it: 1.234, 89,96%, 30/06/2021. */
export function formatInline(value: unknown, type: FieldType): string {
  if (value === undefined || value === null) return '';
  if (type === 'date' && typeof value === 'string' && ISO_DATE.test(value)) return dayText(value);
  if (typeof value === 'number') return type === 'text' ? String(value) : type === 'rate' ? viPercent(value).replace(/\s/g, '') : type === 'count' ? viCount(value) : viDecimal(value);
  return String(value);
}

/**
 * A new cell with the rule's style and number format. The filled value, formula or format is set
 * on it after them, so that every plan keeps its keys in one order (style, number format, value)
 * and serializes as it always has.
 */
function baseCell(rule: CellRule): PlanCell {
  const cell: PlanCell = {};
  if (rule.style !== undefined) cell.style = rule.style;
  if (rule.numberFormat !== undefined) cell.numberFormat = rule.numberFormat;
  return cell;
}

/** What filling a sheet's cells needs besides the row: the figures, and where a missing key is reported. */
interface FillContext {
  figures: unknown;
  missing: (part: KeyPart) => void;
}

/**
 * A cell that is exactly one placeholder keeps the figure's type; anything else becomes text.
 * Writes into `cell`, whose own number format a figure's replaces, and returns the text written,
 * if any, which the row's height depends on.
 */
function fillCell(cell: PlanCell, parts: readonly FillPart[], scope: Scope | undefined, context: FillContext): string | undefined {
  const index = scope ? scope.index : 0;
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only?.kind === 'index') {
    // The blank row standing for an empty list has no number.
    if (scope?.blank) return undefined;
    cell.value = index + 1;
    cell.numberFormat = '0';
    return undefined;
  }
  if (only?.kind === 'key') {
    const value = resolve(only.keys, scope, context.figures);
    if (value === MISSING) {
      context.missing(only.part);
      return (cell.value = `{{${only.part.path}}}`);
    }
    if (value === undefined || value === null) return undefined;
    const type = typeOf(only, value);
    if (type === 'date' && typeof value === 'string') {
      cell.value = isoToSerial(value);
      cell.numberFormat = NUMBER_FORMATS.date;
    } else if (typeof value === 'number') {
      // A rate or decimal reads the Vietnamese way only as text (numberFormats.ts), unless the
      // template gives the cell a number format of its own: then it stays a number in that format.
      if ((type === 'rate' || type === 'number') && cell.numberFormat === undefined) return (cell.value = formatInline(value, type));
      cell.value = value;
      if (type === 'count') cell.numberFormat = viCountFormat(value);
      else if (type === 'text') cell.numberFormat = '0';
    } else if (typeof value === 'boolean') cell.value = value;
    else return (cell.value = fitCellText(String(value)));
    return undefined;
  }
  let text = '';
  for (const part of parts) {
    if (part.kind === 'text') text += part.text;
    else if (part.kind === 'index') text += String(index + 1);
    else {
      const value = resolve(part.keys, scope, context.figures);
      if (value === MISSING) {
        context.missing(part.part);
        text += `{{${part.part.path}}}`;
      } else text += formatInline(value, typeOf(part, value));
    }
  }
  return (cell.value = fitCellText(text));
}

// Times New Roman 12 pt fits about 0.92 characters per unit of Excel column width (a unit is the
// Calibri digit of the Normal font, 5.25 pt; capitals, digits and Vietnamese marks run wide, and
// both programs also break after a hyphen): measured on LibreOffice's rendering with Carlito, the
// Calibri metrics Excel uses. Larger type fits proportionally fewer. A line is about 1.17 × the size.
const CHARS_PER_WIDTH_AT_12PT = 0.92;
export const lineHeight = (fontSize = 12) => Math.ceil(fontSize * 1.17);

/** How many lines a wrapped text takes in a column of this width (characters), wrapping at spaces as Excel does. */
export function textLines(text: string, width: number, fontSize = 12): number {
  const capacity = Math.max(1, (width * CHARS_PER_WIDTH_AT_12PT * 12) / fontSize);
  // Most cells (names, units, dates) fit on their line whole: no need to look at their words.
  if (text.length <= capacity && !text.includes('\n')) return 1;
  // Words end at the next space or line break, found with indexOf: splitting would make an array
  // and a string per word of every long text, and charCodeAt is slow over the several kinds of
  // string (joined, sliced, flat) the texts of one sheet come as.
  let lines = 1;
  let used = 0;
  let space = text.indexOf(' ');
  let newline = text.indexOf('\n');
  for (let start = 0; ; ) {
    if (space !== -1 && space < start) space = text.indexOf(' ', start);
    if (newline !== -1 && newline < start) newline = text.indexOf('\n', start);
    const end = Math.min(space === -1 ? text.length : space, newline === -1 ? text.length : newline);
    const word = end - start;
    if (used > 0 && used + 1 + word <= capacity) used += 1 + word;
    else {
      if (used > 0) lines++;
      // A word longer than the line breaks over as many lines as it needs.
      const extra = Math.max(0, Math.ceil(word / capacity) - 1);
      lines += extra;
      used = word - extra * capacity;
    }
    if (end === text.length) return lines;
    if (end === newline) {
      lines++;
      used = 0;
    }
    start = end + 1;
  }
}

/**
 * What a row's height reads of the template, prepared once per sheet: the column widths, and by
 * style whether it wraps and its font size. Styles come in many shapes, and reading them for every
 * cell of thousands of rows was a good part of the sheet's time.
 */
interface TextBox {
  widths: ReadonlyArray<number | undefined>;
  wraps: readonly boolean[];
  fontSizes: ReadonlyArray<number | undefined>;
}

function textBox(template: TemplateSheet): TextBox {
  const styles: readonly CellStyle[] = template.styles ?? [];
  return { widths: template.columnWidths ?? [], wraps: styles.map((s) => !!s?.wrapText), fontSizes: styles.map((s) => s?.font?.size) };
}

const widthOf = (box: TextBox, c: number) => box.widths[c] ?? 8.43;

// A loop rather than find(): a callback reading the column would make every column of every row allocate.
function mergeFrom(merges: readonly MergeRect[], col: number): MergeRect | undefined {
  for (let i = 0; i < merges.length; i++) if (merges[i].left === col) return merges[i];
  return undefined;
}

/**
 * The points a wrapped text needs in its column, or over the columns merged with it; 0 for a
 * text merged over several rows, which shares their height rather than sizing its own.
 */
function textPoints(text: string, col: number, style: number, box: TextBox, mergesHere: readonly MergeRect[] | undefined): number {
  const merge = mergesHere && mergeFrom(mergesHere, col);
  if (merge && merge.bottom > merge.top) return 0;
  let width = widthOf(box, col);
  if (merge) for (let i = col + 1; i <= merge.right; i++) width += widthOf(box, i);
  const size = box.fontSizes[style];
  // Running text across the columns (a paragraph, a heading) is measured in Times New Roman's own
  // widths: the estimate by characters, made for table cells full of capitals and digits, gave such
  // text half as many lines again as it takes. Few cells are merged, so the cost stays small.
  if (merge && merge.right > merge.left && text.length > 40) return paragraphLines(text, width, size ?? 11) * lineHeight(size);
  return textLines(text, width, size) * lineHeight(size);
}

/** The lines a text takes in a merged area `width` characters wide (Excel's points a character, less the cell's margins). */
function paragraphLines(text: string, width: number, size: number): number {
  const points = width * POINTS_PER_CHARACTER - 6;
  return text.split('\n').reduce((n, part) => n + wrapText(part, points, size).length, 0);
}

/** Each template cell's rule, by row and column; placeholders come from the parse, their keys prepared for the sheet's types. */
function cellRules(template: TemplateSheet, placeholders: ReturnType<typeof parseTemplate>['placeholders'], types: PlanOptions['types']): Array<Array<CellRule | undefined>> {
  const fills = new Map<number, FillPart[]>();
  for (const p of placeholders) fills.set(p.row * 16384 + p.col, p.parts.map((part) => (part.kind === 'key' ? keyRef(part, types) : part)));
  return template.cells.map((source = [], t) => {
    const rules: Array<CellRule | undefined> = [];
    for (let c = 0; c < source.length; c++) {
      const cell = source[c];
      if (!cell) continue;
      const style = cell.style;
      const numberFormat = cell.numberFormat !== undefined && cell.numberFormat !== 'General' ? cell.numberFormat : undefined;
      const parts = fills.get(t * 16384 + c);
      if (parts) rules[c] = { kind: 'fill', style, numberFormat, parts };
      else if (cell.formula !== undefined) rules[c] = { kind: 'formula', style, numberFormat, formula: cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}` };
      else if (cell.value !== undefined && cell.value !== null && cell.value !== '') rules[c] = { kind: 'literal', style, numberFormat, value: cell.value };
      else if (style !== undefined || numberFormat !== undefined) rules[c] = { kind: 'format', style, numberFormat };
    }
    return rules;
  });
}

function addRow(map: Map<number, number[]>, template: number, row: number): void {
  const list = map.get(template);
  if (list) list.push(row);
  else map.set(template, [row]);
}

/** The output rows in order, each with its template row and repeated instance, and where each template row went. */
class Expansion {
  readonly out: OutRow[] = [];
  /** Output rows of each template row, over the whole sheet. */
  readonly global = new Map<number, number[]>();

  add(template: number, scope: Scope | undefined): void {
    addRow(this.global, template, this.out.length);
    this.out.push({ template, scope });
  }

  /** Rows of the template as seen from a cell: the same instance within its own regions. */
  rowsFrom(scope: Scope | undefined): (t: number) => readonly number[] {
    return (t) => {
      for (let s = scope; s; s = s.parent) {
        const inScope = this.rowsOf(s).get(t);
        if (inScope) return inScope;
      }
      return this.global.get(t) ?? [];
    };
  }

  private rowsOf(scope: Scope): Map<number, number[]> {
    if (!scope.rows) {
      scope.rows = new Map();
      for (let o = scope.first; o < scope.end; o++) addRow(scope.rows, this.out[o].template, o);
    }
    return scope.rows;
  }
}

/** Repeats the {{#each}} regions once per item, an empty list keeping one blank row; a list that is missing or not a list is an issue. */
function expandTemplate(nodes: readonly TemplateNode[], figures: unknown, sheet: string, issues: Issue[]): Expansion {
  const expansion = new Expansion();
  const expand = (nodes: readonly TemplateNode[], scope: Scope | undefined) => {
    for (const node of nodes) {
      if (node.kind === 'row') {
        expansion.add(node.row, scope);
        continue;
      }
      const found = resolve(node.path.split('.'), scope, figures);
      const value = found === MISSING ? undefined : found;
      if (!Array.isArray(value)) {
        issues.push({ sheet, cell: node.cell, severity: 'error', code: found !== MISSING ? 'template.notAList' : 'template.unknownKey', message: found !== MISSING ? `{{#each ${node.path}}} ở ô ${node.cell}: "${node.path}" không phải một danh sách.` : `{{#each ${node.path}}} ở ô ${node.cell}: không có danh sách "${node.path}" trong số liệu của báo cáo.`, hint: 'Kiểm tra tên danh sách trong mẫu (xem các khóa số liệu trong tài liệu báo cáo).' });
      }
      const blank = !Array.isArray(value) || value.length === 0;
      const items: unknown[] = blank ? [undefined] : value;
      items.forEach((item, index) => {
        const inner: Scope = { parent: scope, item, index, blank, first: expansion.out.length, end: expansion.out.length };
        expand(node.children, inner);
        inner.end = expansion.out.length;
      });
    }
  };
  expand(nodes, undefined);
  return expansion;
}

/** Records an issue under a key unless one was already recorded under it: a cause repeated over many rows is reported once. */
type ReportOnce = (key: string, issue: Issue) => void;

/** A formula re-pointed at the rows its references went to, as seen from its own row's instance. */
function repointed(formula: string, at: string, scope: Scope | undefined, expansion: Expansion, sheet: string, reportOnce: ReportOnce): string {
  const result = repointFormula(formula, expansion.rowsFrom(scope));
  for (const p of result.problems) {
    reportOnce(`formula:${at}:${p.ref}`, p.kind === 'removedRow'
      ? { sheet, cell: at, severity: 'error', code: 'template.formulaRemovedRow', message: `Công thức ở ô ${at} trỏ tới ${p.ref}, là dòng lệnh lặp sẽ bị xóa khỏi báo cáo.`, hint: 'Trỏ công thức tới các dòng dữ liệu, không tới dòng {{#each}} hay {{/each}}.' }
      : { sheet, cell: at, severity: 'warning', code: 'template.formulaAmbiguous', message: `Công thức ở ô ${at} trỏ tới một ô ${p.ref} của dòng được lặp; đã dùng dòng đầu tiên.`, hint: 'Dùng một vùng (ví dụ D8:D8) hoặc đặt trong SUM/COUNT… để tính trên mọi dòng lặp.' });
  }
  return result.formula;
}

/** What filling a sheet's rows reads besides each row's rules, prepared once per sheet. */
interface SheetFill extends FillContext {
  sheet: string;
  expansion: Expansion;
  rules: ReadonlyArray<ReadonlyArray<CellRule | undefined> | undefined>;
  box: TextBox;
  declaredHeights: ReadonlyArray<number | undefined>;
  mergesByTop: ReadonlyMap<number, MergeRect[]>;
  reportOnce: ReportOnce;
}

/**
 * Every output row's cells, by the rules of its template row, and its height. A row holding
 * wrapped text gets the height its longest text needs: neither Excel nor LibreOffice re-fits rows
 * of a file written by a program, and a clipped unit name in a report to the province is not
 * finished work. A height from the template is a minimum: Excel and LibreOffice store heights for
 * every row on saving, so an edited template would otherwise clip the long names of its repeated
 * rows. Other rows keep the default height.
 *
 * Heights are measured here, from the texts as they are written, rather than read back from the
 * cells; and the loop is kept apart from planSheet, as V8 optimizes it much sooner in a function
 * of its own: both count on a list of thousands of people.
 */
function fillRows(fill: SheetFill): { rows: SheetPlan['rows']; rowHeights: SheetPlan['rowHeights'] } {
  const { expansion, rules, box } = fill;
  const rows: SheetPlan['rows'] = [];
  const rowHeights: SheetPlan['rowHeights'] = [];
  for (let o = 0; o < expansion.out.length; o++) {
    const { template: t, scope } = expansion.out[o];
    const rowRules = rules[t] ?? [];
    const mergesHere = fill.mergesByTop.get(o);
    const row: Array<PlanCell | undefined> = [];
    let points = 0;
    for (let c = 0; c < rowRules.length; c++) {
      const rule = rowRules[c];
      if (!rule) continue;
      const cell = baseCell(rule);
      let text: string | undefined;
      if (rule.kind === 'fill') text = fillCell(cell, rule.parts, scope, fill);
      else if (rule.kind === 'literal') {
        cell.value = rule.value;
        if (typeof rule.value === 'string') text = rule.value;
      // A repeated row's own formula over the blank row of an empty list would show 0s: that row stays blank.
      } else if (rule.kind === 'formula' && !scope?.blank) cell.formula = repointed(rule.formula, a1(t, c), scope, expansion, fill.sheet, fill.reportOnce);
      row[c] = cell;
      if (text !== undefined && rule.style !== undefined && box.wraps[rule.style]) points = Math.max(points, textPoints(text, c, rule.style, box, mergesHere));
    }
    rows.push(row);
    const declared = fill.declaredHeights[t];
    const fitted = points === 0 ? undefined : points + 4;
    rowHeights.push(declared === undefined ? fitted : fitted === undefined ? declared : Math.max(declared, fitted));
  }
  return { rows, rowHeights };
}

/** The template's merged areas, copied to every output row of their top row; an area reaching across a repeat's edge is left out. */
function mergedAreas(template: TemplateSheet, expansion: Expansion, reportOnce: ReportOnce): { merges: string[]; byTop: Map<number, MergeRect[]> } {
  const merges: string[] = [];
  const byTop = new Map<number, MergeRect[]>();
  for (const range of template.merges ?? []) {
    const m = parseRange(range);
    if (!m) continue;
    for (const o of expansion.global.get(m.top) ?? []) {
      const bottoms = expansion.rowsFrom(expansion.out[o].scope)(m.bottom);
      const bottom = m.top === m.bottom ? o : bottoms.length === 1 ? bottoms[0] : -1;
      if (bottom < o) {
        reportOnce(`merge:${range}`, { sheet: template.name, cell: a1(m.top, m.left), severity: 'warning', code: 'template.mergeAcrossRepeat', message: `Vùng gộp ${range} vắt qua ranh giới dòng lặp nên không được chép.`, hint: 'Chỉ gộp ô trong một dòng, hoặc trong cùng một khối lặp.' });
        continue;
      }
      const rect = { top: o, left: m.left, bottom, right: m.right };
      merges.push(rangeA1(rect));
      const here = byTop.get(o);
      if (here) here.push(rect);
      else byTop.set(o, [rect]);
    }
  }
  return { merges, byTop };
}

/** The template's print area and title rows, over the rows they became. */
function pageOf(template: TemplateSheet, global: ReadonlyMap<number, number[]>): SheetPlan['page'] {
  const mapRows = (range: string | undefined): string | undefined => {
    const m = range ? parseRange(range) : undefined;
    if (!m) return undefined;
    const tops = global.get(m.top);
    const bottoms = global.get(m.bottom);
    if (!tops?.length || !bottoms?.length) return undefined;
    return rangeA1({ top: tops[0], left: m.left, bottom: bottoms[bottoms.length - 1], right: m.right });
  };
  const titleRows = template.page?.titleRows ? /^\$?(\d+):\$?(\d+)$/.exec(template.page.titleRows) : null;
  const mappedTitles = titleRows ? [global.get(Number(titleRows[1]) - 1)?.[0], global.get(Number(titleRows[2]) - 1)?.slice(-1)[0]] : undefined;
  return template.page && {
    ...template.page,
    printArea: mapRows(template.page.printArea),
    titleRows: mappedTitles && mappedTitles[0] !== undefined && mappedTitles[1] !== undefined ? `$${mappedTitles[0] + 1}:$${mappedTitles[1] + 1}` : undefined,
  };
}

/** The template's flow over the rows it became: a table's body to the last of its rows; a block from the last row its first became (the end of a list above a compiler's line) to the first its end became. */
function flowOf(flow: readonly SheetFlow[], global: ReadonlyMap<number, number[]>): SheetFlow[] {
  const first = (t: number) => global.get(t)?.[0];
  const last = (t: number) => global.get(t)?.slice(-1)[0];
  return flow.flatMap((f): SheetFlow[] => {
    if (f.kind === 'together') {
      const [a, b] = [last(f.first), first(f.last)];
      return a === undefined || b === undefined ? [] : [{ kind: 'together', first: a, last: b }];
    }
    const [h0, h1, b0, b1] = [first(f.header[0]), first(f.header[1]), first(f.body[0]), last(f.body[1])];
    if (h0 === undefined || h1 === undefined || b0 === undefined || b1 === undefined) return [];
    return [{ kind: 'table', header: [h0, h1], body: [b0, b1], ...(f.whole ? { whole: true } : {}) }];
  });
}

/**
 * A total in the count format takes the format of its stored result (numberFormats.ts): one from a
 * billion on, a sum of money, the groups of its size, and a negative one a format that keeps the
 * minus. viCountFormat gives VI_COUNT_FORMAT itself for the rest.
 */
function totalFormats(sheet: SheetPlan): void {
  for (const row of sheet.rows) {
    for (const cell of row) {
      if (cell?.numberFormat === VI_COUNT_FORMAT && typeof cell.result === 'number') cell.numberFormat = viCountFormat(cell.result);
    }
  }
}

/**
 * Fills a template with figures: repeats the {{#each}} regions once per item (an empty list keeps
 * one blank row), replaces placeholders with typed values and number formats, re-points formulas,
 * and carries styles, row heights, merged areas, the print area and title rows along. Then it lays
 * a printed sheet out on its pages (paginate.ts), puts an organisation chart on a page of its own
 * (orgChartPage.ts), and stores each formula's result (formulaResults.ts).
 */
export function planSheet(template: TemplateSheet, figures: unknown, options: PlanOptions): { sheet: SheetPlan; issues: Issue[] } {
  const parsed = parseTemplate(template);
  const issues: Issue[] = [...parsed.issues];
  const expansion = expandTemplate(parsed.nodes, figures, template.name, issues);
  const global = expansion.global;

  const reported = new Set<string>();
  const reportOnce: ReportOnce = (key, issue) => {
    if (reported.has(key)) return;
    reported.add(key);
    issues.push(issue);
  };
  const missing = (part: KeyPart) =>
    reportOnce(`key:${part.cell}:${part.path}`, { sheet: template.name, cell: part.cell, severity: 'error', code: 'template.unknownKey', message: `Ô ${part.cell}: không có số liệu "${part.path}" trong báo cáo này.`, hint: 'Sửa tên trong {{…}} cho đúng khóa số liệu, hoặc xóa thẻ.' });
  // Merged areas are laid out before the cells, whose heights depend on them; their issues still
  // follow the cells' own.
  const mergeIssues: Array<[string, Issue]> = [];
  const { merges, byTop } = mergedAreas(template, expansion, (key, issue) => mergeIssues.push([key, issue]));
  const { rows, rowHeights } = fillRows({
    sheet: template.name, figures, missing, reportOnce, expansion, rules: cellRules(template, parsed.placeholders, options.types),
    box: textBox(template), declaredHeights: template.rowHeights ?? [], mergesByTop: byTop,
  });
  for (const [key, issue] of mergeIssues) reportOnce(key, issue);
  const page = pageOf(template, global);
  const charts = (template.charts ?? []).flatMap((c): ChartPlan[] => {
    const data = global.get(c.dataRow);
    const anchor = global.get(c.anchorRow)?.[0];
    if (!data?.length || anchor === undefined) return [];
    return [{
      title: c.title, type: c.type, seriesNames: c.seriesNames, width: c.width, height: c.height,
      dataRange: rangeA1({ top: data[0], left: c.fromCol, bottom: data[data.length - 1], right: c.toCol }), anchor: a1(anchor, c.anchorCol),
    }];
  });

  const sheet: SheetPlan = {
    name: safeSheetName(options.sheetName),
    rows,
    styles: template.styles ?? [],
    merges,
    columnWidths: template.columnWidths ?? [],
    rowHeights,
    ...(page ? { page } : {}),
    ...(charts.length ? { charts } : {}),
    ...(template.freezeRows ? { freezeRows: (global.get(template.freezeRows - 1)?.slice(-1)[0] ?? template.freezeRows - 1) + 1 } : {}),
    marker: options.marker,
  };
  const chart = options.orgChart && { plan: options.orgChart, layout: layoutOrgChart(options.orgChart) };
  // The chart's page sets the scale the whole sheet prints at, before the pages are laid out.
  if (chart && sheet.page) sheet.page.scale = chartScale(sheet.page, chart.layout);
  if (template.page) paginate(sheet, flowOf(templateFlow(template), global));
  if (chart) placeOrgChart(sheet, chart.plan, chart.layout);
  storeFormulaResults(sheet);
  totalFormats(sheet);
  return { sheet, issues };
}
