import { a1, parseA1Range as parseRange, rangeA1 } from '../domain/a1';

type MergeRect = NonNullable<ReturnType<typeof parseRange>>;
import type { Issue } from '../domain/issues';
import { isoToSerial } from '../ingest/values';
import { dayText } from '../reports/period';
import { repointFormula } from './formulas';
import { parseTemplate, type EachNode, type Part, type PlaceholderCell, type TemplateNode, type TemplateSheet } from './parse';
import { fitCellText, safeSheetName, type ChartPlan, type PlanCell, type SheetPlan } from './plan';

/** How a figure is shown: counts as whole numbers, rates as percentages, dates day-first. */
export type FieldType = 'count' | 'rate' | 'date' | 'number' | 'text';
export const NUMBER_FORMATS: Record<Exclude<FieldType, 'text'>, string> = {
  count: '#,##0',
  rate: '0.00%',
  date: 'dd/mm/yyyy',
  number: '#,##0.00',
};

export interface PlanOptions {
  sheetName: string;
  marker: SheetPlan['marker'];
  /** Field types by key (last path segment, or the full path); otherwise read from the name and value. */
  types?: Record<string, FieldType>;
}

/** One repeated instance: the list item, its position, and where each template row went inside it. */
interface Scope {
  node: EachNode;
  item: unknown;
  index: number;
  /** The list was empty: one blank row stands for it, so that formulas over it stay valid. */
  blank: boolean;
  rows: Map<number, number[]>;
}

interface OutRow {
  template: number;
  scopes: Scope[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const RATE_KEY = /(rate|Rate|share|Share|Percent|percent)$/;

/** A key present in an object is found even when its value is empty: an item without a position still has the field. */
function lookup(root: unknown, path: string): { found: boolean; value: unknown } {
  let value = root;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !(key in (value as object))) return { found: false, value: undefined };
    value = (value as Record<string, unknown>)[key];
  }
  return { found: true, value };
}

/** A key resolves against the innermost item first, then the enclosing ones, then the figures. */
function resolve(path: string, scopes: readonly Scope[], figures: unknown): { found: boolean; value: unknown } {
  for (let i = scopes.length - 1; i >= 0; i--) {
    if (scopes[i].blank) return { found: true, value: undefined };
    const hit = lookup(scopes[i].item, path);
    if (hit.found) return hit;
  }
  return lookup(figures, path);
}

// Parts of a date and years are written plainly: "năm 2026", never "năm 2.026".
const PLAIN_NUMBER_KEYS = new Set(['year', 'month', 'day', 'baselineYear', 'currentYear']);

function typeOf(path: string, value: unknown, types: Record<string, FieldType> | undefined): FieldType {
  const last = path.slice(path.lastIndexOf('.') + 1);
  const declared = types?.[path] ?? types?.[last] ?? (PLAIN_NUMBER_KEYS.has(last) || /Year$/.test(last) ? 'text' : undefined);
  if (declared) return declared;
  if (typeof value === 'string') return ISO_DATE.test(value) ? 'date' : 'text';
  if (typeof value !== 'number') return 'text';
  if (RATE_KEY.test(last)) return 'rate';
  return Number.isInteger(value) ? 'count' : 'number';
}

const viCount = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const viNumber = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const viRate = new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A figure inside running text, the way a Vietnamese Excel shows it: 1.234, 89,96%, 30/06/2021. */
export function formatInline(value: unknown, type: FieldType): string {
  if (value === undefined || value === null) return '';
  if (type === 'date' && typeof value === 'string' && ISO_DATE.test(value)) return dayText(value);
  if (typeof value === 'number') return type === 'text' ? String(value) : type === 'rate' ? viRate.format(value).replace(/\s/g, '') : type === 'count' ? viCount.format(value) : viNumber.format(value);
  return String(value);
}

/** A cell that is exactly one placeholder keeps the figure's type; anything else becomes text. */
function fillCell(cell: PlaceholderCell, scopes: readonly Scope[], index: number, figures: unknown, options: PlanOptions, missing: (part: Extract<Part, { kind: 'key' }>) => void): PlanCell {
  const parts = cell.parts;
  if (parts.length === 1 && parts[0].kind === 'index') return { value: index + 1, numberFormat: '0' };
  if (parts.length === 1 && parts[0].kind === 'key') {
    const { found, value } = resolve(parts[0].path, scopes, figures);
    if (!found) {
      missing(parts[0]);
      return { value: `{{${parts[0].path}}}` };
    }
    if (value === undefined || value === null) return {};
    const type = typeOf(parts[0].path, value, options.types);
    if (type === 'date' && typeof value === 'string') return { value: isoToSerial(value), numberFormat: NUMBER_FORMATS.date };
    if (typeof value === 'number') return type === 'text' ? { value, numberFormat: '0' } : { value, numberFormat: NUMBER_FORMATS[type] };
    if (typeof value === 'boolean') return { value };
    return { value: fitCellText(String(value)) };
  }
  let text = '';
  for (const part of parts) {
    if (part.kind === 'text') text += part.text;
    else if (part.kind === 'index') text += String(index + 1);
    else {
      const { found, value } = resolve(part.path, scopes, figures);
      if (!found) {
        missing(part);
        text += `{{${part.path}}}`;
      } else text += formatInline(value, typeOf(part.path, value, options.types));
    }
  }
  return { value: fitCellText(text) };
}

// Times New Roman 12 pt fits about 1.1 characters per unit of Excel column width (capitals and
// Vietnamese diacritics run wide); larger type fits proportionally fewer. A line is about 1.17 × the size.
const CHARS_PER_WIDTH_AT_12PT = 1.1;
export const lineHeight = (fontSize = 12) => Math.ceil(fontSize * 1.17);

/** How many lines a wrapped text takes in a column of this width (characters), wrapping at spaces as Excel does. */
export function textLines(text: string, width: number, fontSize = 12): number {
  const capacity = Math.max(1, (width * CHARS_PER_WIDTH_AT_12PT * 12) / fontSize);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(' ')) {
      if (used > 0 && used + 1 + word.length <= capacity) {
        used += 1 + word.length;
        continue;
      }
      if (used > 0) lines++;
      // A word longer than the line breaks over as many lines as it needs.
      const extra = Math.max(0, Math.ceil(word.length / capacity) - 1);
      lines += extra;
      used = word.length - extra * capacity;
    }
  }
  return lines;
}

/**
 * A row holding wrapped text gets the height its longest text needs: neither Excel nor
 * LibreOffice re-fits rows of a file written by a program, and a clipped unit name in a
 * report to the province is not finished work. Other rows keep the default height.
 */
function fittedHeight(cells: ReadonlyArray<PlanCell | undefined>, template: TemplateSheet, mergesHere: readonly MergeRect[]): number | undefined {
  let points = 0;
  const widthOf = (c: number) => template.columnWidths?.[c] ?? 8.43;
  cells.forEach((cell, c) => {
    if (!cell || typeof cell.value !== 'string' || cell.style === undefined || !template.styles?.[cell.style]?.wrapText) return;
    const merge = mergesHere.find((m) => m.left === c);
    // A text merged over several rows shares their height: it does not size this one.
    if (merge && merge.bottom > merge.top) return;
    let width = widthOf(c);
    if (merge) for (let i = c + 1; i <= merge.right; i++) width += widthOf(i);
    const size = template.styles?.[cell.style]?.font?.size;
    points = Math.max(points, textLines(cell.value, width, size) * lineHeight(size));
  });
  return points === 0 ? undefined : points + 4;
}

/**
 * Fills a template with figures: repeats the {{#each}} regions once per item (an empty list keeps
 * one blank row), replaces placeholders with typed values and number formats, re-points formulas,
 * and carries styles, row heights, merged areas, the print area and title rows along.
 */
export function planSheet(template: TemplateSheet, figures: unknown, options: PlanOptions): { sheet: SheetPlan; issues: Issue[] } {
  const parsed = parseTemplate(template);
  const issues: Issue[] = [...parsed.issues];
  const out: OutRow[] = [];
  const global = new Map<number, number[]>();

  const emit = (template: number, scopes: Scope[]) => {
    const row = out.length;
    out.push({ template, scopes });
    for (const map of [global, ...scopes.map((s) => s.rows)]) {
      const list = map.get(template);
      if (list) list.push(row);
      else map.set(template, [row]);
    }
  };
  const expand = (nodes: readonly TemplateNode[], scopes: Scope[]) => {
    for (const node of nodes) {
      if (node.kind === 'row') {
        emit(node.row, scopes);
        continue;
      }
      const { found, value } = resolve(node.path, scopes, figures);
      if (!found || !Array.isArray(value)) {
        issues.push({ sheet: template.name, cell: node.cell, severity: 'error', code: found ? 'template.notAList' : 'template.unknownKey', message: found ? `{{#each ${node.path}}} ở ô ${node.cell}: "${node.path}" không phải một danh sách.` : `{{#each ${node.path}}} ở ô ${node.cell}: không có danh sách "${node.path}" trong số liệu của báo cáo.`, hint: 'Kiểm tra tên danh sách trong mẫu (xem các khóa số liệu trong tài liệu báo cáo).' });
      }
      const items = Array.isArray(value) && value.length > 0 ? value : [undefined];
      items.forEach((item, index) => expand(node.children, [...scopes, { node, item, index, blank: !Array.isArray(value) || value.length === 0, rows: new Map() }]));
    }
  };
  expand(parsed.nodes, []);

  // Rows of the template as seen from a cell: the same instance within its own regions.
  const rowsFrom = (scopes: readonly Scope[]) => (t: number): readonly number[] => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const inScope = scopes[i].rows.get(t);
      if (inScope) return inScope;
    }
    return global.get(t) ?? [];
  };

  const placeholders = new Map(parsed.placeholders.map((p) => [p.row * 16384 + p.col, p]));
  const reported = new Set<string>();
  const reportOnce = (key: string, issue: Issue) => {
    if (reported.has(key)) return;
    reported.add(key);
    issues.push(issue);
  };
  const rows: SheetPlan['rows'] = [];
  for (let o = 0; o < out.length; o++) {
    const { template: t, scopes } = out[o];
    const source = template.cells[t] ?? [];
    const index = scopes.length ? scopes[scopes.length - 1].index : 0;
    const row: Array<PlanCell | undefined> = [];
    for (let c = 0; c < source.length; c++) {
      const cell = source[c];
      if (!cell) continue;
      const base: PlanCell = {};
      if (cell.style !== undefined) base.style = cell.style;
      if (cell.numberFormat !== undefined && cell.numberFormat !== 'General') base.numberFormat = cell.numberFormat;
      const placeholder = placeholders.get(t * 16384 + c);
      if (placeholder) {
        const filled = fillCell(placeholder, scopes, index, figures, options, (part) =>
          reportOnce(`key:${part.cell}:${part.path}`, { sheet: template.name, cell: part.cell, severity: 'error', code: 'template.unknownKey', message: `Ô ${part.cell}: không có số liệu "${part.path}" trong báo cáo này.`, hint: 'Sửa tên trong {{…}} cho đúng khóa số liệu, hoặc xóa thẻ.' }));
        row[c] = { ...base, ...filled, ...(filled.numberFormat ? {} : base.numberFormat ? { numberFormat: base.numberFormat } : {}) };
      } else if (cell.formula !== undefined) {
        const { formula, problems } = repointFormula(cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}`, rowsFrom(scopes));
        for (const p of problems) {
          const at = a1(t, c);
          reportOnce(`formula:${at}:${p.ref}`, p.kind === 'removedRow'
            ? { sheet: template.name, cell: at, severity: 'error', code: 'template.formulaRemovedRow', message: `Công thức ở ô ${at} trỏ tới ${p.ref}, là dòng lệnh lặp sẽ bị xóa khỏi báo cáo.`, hint: 'Trỏ công thức tới các dòng dữ liệu, không tới dòng {{#each}} hay {{/each}}.' }
            : { sheet: template.name, cell: at, severity: 'warning', code: 'template.formulaAmbiguous', message: `Công thức ở ô ${at} trỏ tới một ô ${p.ref} của dòng được lặp; đã dùng dòng đầu tiên.`, hint: 'Dùng một vùng (ví dụ D8:D8) hoặc đặt trong SUM/COUNT… để tính trên mọi dòng lặp.' });
        }
        row[c] = { ...base, formula };
      } else if (cell.value !== undefined && cell.value !== null && cell.value !== '') {
        row[c] = { ...base, value: cell.value };
      } else if (base.style !== undefined || base.numberFormat !== undefined) {
        row[c] = base;
      }
    }
    rows.push(row);
  }

  const merges: string[] = [];
  for (const range of template.merges ?? []) {
    const m = parseRange(range);
    if (!m) continue;
    for (let o = 0; o < out.length; o++) {
      if (out[o].template !== m.top) continue;
      const bottoms = rowsFrom(out[o].scopes)(m.bottom);
      const bottom = m.top === m.bottom ? o : bottoms.length === 1 ? bottoms[0] : -1;
      if (bottom < o) {
        reportOnce(`merge:${range}`, { sheet: template.name, cell: a1(m.top, m.left), severity: 'warning', code: 'template.mergeAcrossRepeat', message: `Vùng gộp ${range} vắt qua ranh giới dòng lặp nên không được chép.`, hint: 'Chỉ gộp ô trong một dòng, hoặc trong cùng một khối lặp.' });
        continue;
      }
      merges.push(rangeA1({ top: o, left: m.left, bottom, right: m.right }));
    }
  }

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
  const page = template.page && {
    ...template.page,
    printArea: mapRows(template.page.printArea),
    titleRows: mappedTitles && mappedTitles[0] !== undefined && mappedTitles[1] !== undefined ? `$${mappedTitles[0] + 1}:$${mappedTitles[1] + 1}` : undefined,
  };

  const mergesByTop = new Map<number, MergeRect[]>();
  for (const range of merges) {
    const m = parseRange(range);
    if (m) mergesByTop.set(m.top, [...(mergesByTop.get(m.top) ?? []), m]);
  }
  // A height from the template is a minimum: Excel and LibreOffice store heights for every row on
  // saving, so an edited template would otherwise clip the long names of its repeated rows.
  const rowHeights = out.map((r, o) => {
    const declared = template.rowHeights?.[r.template];
    const fitted = fittedHeight(rows[o], template, mergesByTop.get(o) ?? []);
    return declared === undefined ? fitted : fitted === undefined ? declared : Math.max(declared, fitted);
  });

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
  return { sheet, issues };
}
