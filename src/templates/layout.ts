import { columnLetter } from '../domain/a1';
import type { TemplateCellInput, TemplateChart, TemplateSheet } from './parse';
import { VI_COUNT_FORMAT } from './numberFormats';
import { textWidth } from './orgChartLayout';
import { widthInPoints } from './sheetGeometry';
import type { CellStyle, ChartType, PageSetup } from './plan';
import { lineHeight, textLines } from './planner';

/**
 * Building blocks of the built-in report templates, laid out the way Vietnamese official
 * documents are (docs/domain.md, "Document layout"): party documents per Hướng dẫn 36-HD/VPTW (2018),
 * state documents per Nghị định 30/2020/NĐ-CP; Times New Roman (TCVN 6909:2001), A4.
 * Organisation details come from the workbook's settings, as `{{org.*}}` figures.
 */

export interface OrgDetails {
  variant: 'party' | 'state';
  /** "ĐẢNG BỘ TỈNH QUẢNG NINH" / "UBND TỈNH QUẢNG NINH". */
  superiorBody: string;
  /** "THÀNH ỦY MÓNG CÁI" / "UBND THÀNH PHỐ MÓNG CÁI". */
  issuingBody: string;
  /** "Móng Cái". */
  place: string;
  /** "Số 12-BC/TU" (party, no colon) or "Số: 12/BC-UBND" (state). */
  documentNumber: string;
  /** "T/M BAN THƯỜNG VỤ" or "TM. ỦY BAN NHÂN DÂN"; may be empty. */
  signerCapacity: string;
  signerTitle: string;
  signerName: string;
  recipients: string[];
  /** The body in running text, "Ban Thường vụ Thành ủy Móng Cái": the header's capitals do not read well in a sentence. */
  name?: string;
}

export interface TableColumn {
  header: string;
  /** Two-row header: consecutive columns with the same group share a merged cell above their own headers. */
  group?: string;
  /** Width in characters (used by `reportTemplate`; documents give the widths of the whole sheet). */
  width?: number;
  /**
   * Cell of the repeated row: a placeholder such as `{{unit}}` or `{{@index}}`, or a formula over
   * the row's cells, `{row}` standing for the row (each repeated row's formula points at its own).
   */
  cell: string;
  /** Number format of the repeated row's cell (a formula's; a placeholder's figure brings its own). */
  format?: string;
  /** In the totals row: `true` sums the column; a string is a formula, `{row}` standing for the totals row. */
  total?: boolean | string;
  /** Number format of the totals cell (whole numbers read the Vietnamese way for sums by default). */
  totalFormat?: string;
  align?: 'left' | 'center' | 'right';
}

export interface TableSpec {
  list: string;
  columns: TableColumn[];
  /** Label of the totals row (in the second column); no totals row without it. */
  totalLabel?: string;
  /** A chart beside the table, over its repeated rows: categories from column `fromCol`, one series per column up to `toCol`; the series take the columns' headers as names. */
  chart?: { title: string; type: ChartType; fromCol: number; toCol: number };
}

/** A part of a document, top to bottom. Texts may hold placeholders. */
export type Section =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; table: TableSpec };

export interface DocumentLayout {
  /** The template sheet's name. */
  name: string;
  /** Only `variant` shapes the layout; the texts come from `{{org.*}}` figures. */
  org: Pick<OrgDetails, 'variant'>;
  /** Column widths of the whole sheet, in characters; every table has this many columns. */
  widths: number[];
  orientation: 'portrait' | 'landscape';
  /** `report`: issuing body and motto, place and date; `appendix`: "Phụ lục" and what it goes with; `plain`: the title only. */
  top: 'report' | 'appendix' | 'plain';
  /** The appendix's number among its report's appendices, when it has several (`appendixName`). */
  appendixNumber?: number;
  /** Under "Phụ lục": "(Kèm theo Báo cáo …)". */
  appendixNote?: string;
  title: string;
  subtitle?: string;
  periodLine?: string;
  sections: Section[];
  /** "Nơi nhận" and the signature block; recipients come from the organisation details. */
  signature?: { recipients: string[] };
  /** The compiler's line of a list compiled from the data ("Người lập biểu"), as statistical forms end. */
  compiler?: boolean;
}

/** The one-table report of the first layouts, kept as a shorthand. */
export interface ReportLayout {
  org: OrgDetails;
  /** "BÁO CÁO" */
  title: string;
  /** "Kết quả thực hiện tinh giản biên chế" */
  subtitle: string;
  /** "(Từ {{period.from}} đến {{period.to}})" */
  periodLine: string;
  /** Lines before the table, each may hold placeholders. */
  intro: string[];
  table: { list: string; columns: Array<TableColumn & { width: number }>; totalLabel: string };
  notes: string[];
}

const FONT = 'Times New Roman';
const STYLES: CellStyle[] = [
  /* 0 body */ { font: { name: FONT, size: 13 }, verticalAlignment: 'center' },
  // The issuing body's lines wrap where a long name needs it (the row grows to fit).
  /* 1 header left upper */ { font: { name: FONT, size: 13 }, horizontalAlignment: 'center', verticalAlignment: 'center', wrapText: true },
  /* 2 header left bold */ { font: { name: FONT, size: 13, bold: true }, horizontalAlignment: 'center', verticalAlignment: 'center', wrapText: true },
  /* 3 motto bold */ { font: { name: FONT, size: 13, bold: true }, horizontalAlignment: 'center' },
  /* 4 motto underlined */ { font: { name: FONT, size: 14, bold: true, underline: true }, horizontalAlignment: 'center' },
  /* 5 place and date */ { font: { name: FONT, size: 13, italic: true }, horizontalAlignment: 'center' },
  /* 6 title */ { font: { name: FONT, size: 14, bold: true }, horizontalAlignment: 'center', wrapText: true },
  /* 7 subtitle */ { font: { name: FONT, size: 14, bold: true }, horizontalAlignment: 'center', wrapText: true },
  /* 8 period */ { font: { name: FONT, size: 13, italic: true }, horizontalAlignment: 'center', wrapText: true },
  /* 9 table header */ { font: { name: FONT, size: 12, bold: true }, horizontalAlignment: 'center', verticalAlignment: 'center', wrapText: true, borders: ['top', 'bottom', 'left', 'right'] },
  /* 10 index row */ { font: { name: FONT, size: 11, italic: true }, horizontalAlignment: 'center', borders: ['top', 'bottom', 'left', 'right'] },
  /* 11 table cell left */ { font: { name: FONT, size: 12 }, verticalAlignment: 'center', wrapText: true, borders: ['top', 'bottom', 'left', 'right'] },
  /* 12 table cell center */ { font: { name: FONT, size: 12 }, horizontalAlignment: 'center', verticalAlignment: 'center', borders: ['top', 'bottom', 'left', 'right'] },
  /* 13 table cell right */ { font: { name: FONT, size: 12 }, horizontalAlignment: 'right', verticalAlignment: 'center', borders: ['top', 'bottom', 'left', 'right'] },
  /* 14 totals */ { font: { name: FONT, size: 12, bold: true }, horizontalAlignment: 'center', borders: ['top', 'bottom', 'left', 'right'] },
  /* 15 signature bold */ { font: { name: FONT, size: 14, bold: true }, horizontalAlignment: 'center' },
  /* 16 recipients heading */ { font: { name: FONT, size: 12, bold: true, italic: true } },
  /* 17 recipients */ { font: { name: FONT, size: 11 } },
  /* 18 paragraph */ { font: { name: FONT, size: 13 }, wrapText: true, verticalAlignment: 'top', horizontalAlignment: 'justify' },
  /* 19 heading */ { font: { name: FONT, size: 13, bold: true }, wrapText: true, verticalAlignment: 'top' },
  /* 20 appendix label, compiler's line */ { font: { name: FONT, size: 13, bold: true }, horizontalAlignment: 'center' },
];
const ALIGN_STYLE = { left: 11, center: 12, right: 13 } as const;

/** A4 with the margins of Nghị định 30/2020 (top and bottom 2 cm, left 3 cm, right 1.5 cm), in inches. */
export const A4_PORTRAIT: PageSetup = {
  orientation: 'portrait', paperSize: 'A4', fitToWidth: true,
  margins: { top: 0.79, bottom: 0.79, left: 1.18, right: 0.59, header: 0.3, footer: 0.3 },
};

const BORDERED_HEADER = 9;
const HEADER_FONT_SIZE = 12;
const HEADING = 19;
const APPENDIX_LABEL = 20;
const COMPILER = 20;

class Sheet {
  readonly cells: Array<Array<TemplateCellInput | undefined>> = [];
  readonly merges: string[] = [];
  readonly rowHeights: Array<number | undefined> = [];
  constructor(readonly widths: readonly number[]) {}

  get last(): number {
    return this.widths.length - 1;
  }

  row(height?: number): number {
    this.cells.push([]);
    this.rowHeights.push(height);
    return this.cells.length - 1;
  }

  put(row: number, col: number, value: string, style: number, toCol = col, toRow = row): void {
    this.cells[row][col] = value.startsWith('=') ? { formula: value, style } : { value, style };
    for (let r = row; r <= toRow; r++) {
      for (let c = r === row ? col + 1 : col; c <= toCol; c++) this.cells[r][c] = { style };
    }
    if (toCol > col || toRow > row) this.merges.push(`${columnLetter(col)}${row + 1}:${columnLetter(toCol)}${toRow + 1}`);
  }

  /** Width of columns `from`..`to` together. */
  span(from: number, to: number): number {
    return this.widths.slice(from, to + 1).reduce((a, b) => a + b, 0);
  }
}

const MOTTO: Record<OrgDetails['variant'], { text: string; size: number }> = {
  party: { text: 'ĐẢNG CỘNG SẢN VIỆT NAM', size: 14 },
  state: { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', size: 13 },
};
// What the heading's halves must hold, in Times New Roman (the widths of a typical body and place,
// "ĐẢNG BỘ TỈNH QUẢNG NINH", "Móng Cái, ngày 08 tháng 12 năm 2026"), with a tenth to spare.
const LEFT_SAMPLE = 'ĐẢNG BỘ TỈNH QUẢNG NINH';
const DATE_SAMPLE = 'Móng Cái, ngày 08 tháng 12 năm 2026';

/**
 * The last column of the heading's left half. The left holds the issuing body, the right the motto
 * and the place and date; each is measured, so that neither is clipped in Excel or LibreOffice,
 * and of the splits where both fit the one nearest two fifths is taken (the forms' proportions).
 * Where none fits both, the right half, whose lines are the longer, is served first.
 */
export function headingSplit(widths: readonly number[], variant: OrgDetails['variant']): number {
  const motto = MOTTO[variant];
  const needRight = 1.1 * Math.max(textWidth(motto.text, motto.size, true), textWidth(DATE_SAMPLE, 13));
  const needLeft = 1.1 * textWidth(LEFT_SAMPLE, 13, true);
  const points = widths.map(widthInPoints);
  const total = points.reduce((a, b) => a + b, 0);
  let best = 0;
  let bestScore = -Infinity;
  let left = 0;
  for (let split = 0; split < widths.length - 1; split++) {
    left += points[split];
    const right = total - left;
    const fits = Math.min(right / needRight, 1) * 2 + Math.min(left / needLeft, 1);
    const score = fits * 1000 - Math.abs(left / total - 0.4);
    if (score > bestScore) {
      bestScore = score;
      best = split;
    }
  }
  return best;
}

/** Left part of the header for the issuing body, right part for the motto, date under it. */
function reportTop(s: Sheet, variant: OrgDetails['variant']): void {
  const split = headingSplit(s.widths, variant);
  const last = s.last;
  const r1 = s.row(20);
  s.put(r1, 0, '{{org.superiorBody}}', 1, split);
  s.put(r1, split + 1, MOTTO[variant].text, variant === 'party' ? 4 : 3, last);
  const r2 = s.row(20);
  s.put(r2, 0, '{{org.issuingBody}}', 2, split);
  if (variant === 'state') s.put(r2, split + 1, 'Độc lập - Tự do - Hạnh phúc', 4, last);
  const r3 = s.row(20);
  s.put(r3, 0, variant === 'party' ? '*' : '', 2, split);
  const r4 = s.row(22);
  s.put(r4, 0, '{{org.documentNumber}}', 1, split);
  s.put(r4, split + 1, '{{org.place}}, ngày {{reportDate.day}} tháng {{reportDate.month}} năm {{reportDate.year}}', 5, last);
  s.row(10);
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/**
 * An appendix's name, as the report's text cites it. One appendix is "Phụ lục"; of several, each
 * is numbered: a party document's in Arabic numerals ("Phụ lục 1", Hướng dẫn 36-HD/VPTW), a state
 * document's in Roman ("Phụ lục I", Nghị định 30/2020/NĐ-CP, Phụ lục I) (docs/decisions.md,
 * "Appendices").
 */
export function appendixName(variant: OrgDetails['variant'], n: number | undefined): string {
  if (n === undefined) return 'Phụ lục';
  return `Phụ lục ${variant === 'party' ? String(n) : ROMAN[n - 1] ?? String(n)}`;
}

// What "(Kèm theo Báo cáo số: …/BC-… ngày 08/12/2026)" needs, in columns' width, in italic 13 pt.
const APPENDIX_NOTE_WIDTH = 55;

/** "Phụ lục" over the note of what it goes with, at the right: over the last four columns, or as many more as the note needs. */
function appendixTop(s: Sheet, note: string | undefined, label: string): void {
  let from = Math.max(0, s.widths.length - 4);
  while (from > 0 && s.span(from, s.last) < APPENDIX_NOTE_WIDTH) from--;
  s.put(s.row(20), from, label, APPENDIX_LABEL, s.last);
  if (note) s.put(s.row(), from, note, 5, s.last);
  s.row(8);
}

/** Header rows (one, or two with groups), the "(1) (2) …" index row, the repeated row and the totals; returns the header rows and the repeated row. */
function table(s: Sheet, spec: TableSpec): { first: number; last: number; dataRow: number } {
  const cols = spec.columns;
  const grouped = cols.some((c) => c.group);
  const lines = (text: string, width: number) => textLines(text, width, HEADER_FONT_SIZE);
  const top = s.row();
  const second = grouped ? s.row() : top;
  let topLines = 1;
  let bottomLines = 1;
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i];
    if (!c.group) {
      s.put(top, i, c.header, BORDERED_HEADER, i, second);
      const need = lines(c.header, s.widths[i]);
      if (grouped) bottomLines = Math.max(bottomLines, need - topLines);
      else topLines = Math.max(topLines, need);
      continue;
    }
    let end = i;
    while (end + 1 < cols.length && cols[end + 1].group === c.group) end++;
    s.put(top, i, c.group, BORDERED_HEADER, end);
    topLines = Math.max(topLines, lines(c.group, s.span(i, end)));
    for (let j = i; j <= end; j++) {
      s.put(second, j, cols[j].header, BORDERED_HEADER);
      bottomLines = Math.max(bottomLines, lines(cols[j].header, s.widths[j]));
    }
    i = end;
  }
  s.rowHeights[top] = topLines * lineHeight(HEADER_FONT_SIZE) + 6;
  if (grouped) s.rowHeights[second] = bottomLines * lineHeight(HEADER_FONT_SIZE) + 6;
  const indexRow = s.row(16);
  cols.forEach((_c, i) => s.put(indexRow, i, `(${i + 1})`, 10));
  // No fixed height: a long unit name wraps and the row grows to fit it.
  const dataRow = s.row();
  cols.forEach((c, i) => {
    // `{row}` alone: `{{row}}` is a figure's placeholder (a source row number).
    const cell = c.cell.replace(/(?<!\{)\{row\}(?!\})/g, String(dataRow + 1));
    s.put(dataRow, i, i === 0 ? `{{#each ${spec.list}}}${cell}` : cell, ALIGN_STYLE[c.align ?? (i === 0 ? 'center' : 'left')]);
    if (c.format) s.cells[dataRow][i] = { ...s.cells[dataRow][i], numberFormat: c.format };
  });
  if (spec.totalLabel !== undefined) {
    const totalRow = s.row(22);
    cols.forEach((c, i) => {
      const col = columnLetter(i);
      const value = typeof c.total === 'string' ? c.total.replace(/\{row\}/g, String(totalRow + 1)) : c.total ? `=SUM(${col}${dataRow + 1}:${col}${dataRow + 1})` : i === 1 ? spec.totalLabel ?? '' : '';
      s.put(totalRow, i, value, 14);
      const format = c.totalFormat ?? (c.total === true ? VI_COUNT_FORMAT : undefined);
      if (format) s.cells[totalRow][i] = { ...s.cells[totalRow][i], numberFormat: format };
    });
  }
  return { first: top, last: indexRow, dataRow };
}

// Beside the table, one column's gap to the right of the printed width: the print area leaves it out.
const CHART_SIZE = { width: 420, height: 220 };
function chartBeside(s: Sheet, spec: TableSpec, rows: { first: number; dataRow: number }): TemplateChart | undefined {
  const chart = spec.chart;
  if (!chart) return undefined;
  return {
    title: chart.title, type: chart.type, dataRow: rows.dataRow, fromCol: chart.fromCol, toCol: chart.toCol,
    seriesNames: spec.columns.slice(chart.fromCol + 1, chart.toCol + 1).map((c) => c.header),
    anchorRow: rows.first, anchorCol: s.widths.length + 1, ...CHART_SIZE,
  };
}

function signature(s: Sheet, recipients: readonly string[], variant: OrgDetails['variant']): void {
  s.row(10);
  const split = headingSplit(s.widths, variant);
  const last = s.last;
  const sig = s.row(20);
  s.put(sig, 0, 'Nơi nhận:', 16, split);
  s.put(sig, split + 1, '{{org.signerCapacity}}', 15, last);
  // Without the organisation's list, a line to fill in by hand and the archive copy. Not "Như trên"
  // ("as above"): it names the addressees of a "Kính gửi", which a report does not carry.
  const lines = recipients.length ? recipients : ['- ……………;', '- Lưu VT.'];
  s.put(s.row(20), split + 1, '{{org.signerTitle}}', 15, last);
  lines.forEach((line, i) => s.put(i === 0 ? sig + 1 : s.row(18), 0, line, 17, split));
  for (let i = 0; i < 3; i++) s.row(20);
  s.put(s.row(22), split + 1, '{{org.signerName}}', 15, last);
}

/** "NGƯỜI LẬP BIỂU" at the foot of a list, left, with room to sign and write the name. */
function compilerLine(s: Sheet, variant: OrgDetails['variant']): void {
  s.row(10);
  const split = headingSplit(s.widths, variant);
  s.put(s.row(20), 0, 'NGƯỜI LẬP BIỂU', COMPILER, split);
  s.put(s.row(18), 0, '(Ký, ghi rõ họ tên)', 5, split);
  for (let i = 0; i < 3; i++) s.row(20);
}

/**
 * A whole document as a template sheet: the administrative header (or the appendix label), title,
 * headings, paragraphs and numbered tables with totals, then "Nơi nhận" and the signature. A single
 * table's header rows repeat on every printed page.
 */
export function documentTemplate(doc: DocumentLayout): TemplateSheet {
  const s = new Sheet(doc.widths);
  const last = s.last;
  if (doc.top === 'report') reportTop(s, doc.org.variant);
  else if (doc.top === 'appendix') appendixTop(s, doc.appendixNote, appendixName(doc.org.variant, doc.appendixNumber));
  s.put(s.row(22), 0, doc.title, 6, last);
  if (doc.subtitle) s.put(s.row(), 0, doc.subtitle, 7, last);
  if (doc.periodLine) s.put(s.row(20), 0, doc.periodLine, 8, last);
  s.row(10);
  const headers: Array<{ first: number; last: number }> = [];
  const charts: TemplateChart[] = [];
  for (const section of doc.sections) {
    if (section.kind === 'table') {
      const rows = table(s, section.table);
      headers.push(rows);
      const chart = chartBeside(s, section.table, rows);
      if (chart) charts.push(chart);
      s.row(8);
    } else s.put(s.row(), 0, section.text, section.kind === 'heading' ? HEADING : 18, last);
  }
  if (doc.signature) signature(s, doc.signature.recipients, doc.org.variant);
  if (doc.compiler) compilerLine(s, doc.org.variant);
  const titleRows = headers.length === 1 ? `$${headers[0].first + 1}:$${headers[0].last + 1}` : undefined;
  return {
    name: doc.name, cells: s.cells, styles: STYLES, merges: s.merges, rowHeights: s.rowHeights,
    columnWidths: [...doc.widths],
    ...(charts.length ? { charts } : {}),
    page: { ...A4_PORTRAIT, orientation: doc.orientation, printArea: `A1:${columnLetter(last)}${s.cells.length}`, ...(titleRows ? { titleRows } : {}) },
  };
}

/** A one-table report: header, title, intro, numbered table with totals, notes, signature and recipients. */
export function reportTemplate(layout: ReportLayout, name = 'Mẫu báo cáo'): TemplateSheet {
  return documentTemplate({
    name, org: layout.org, widths: layout.table.columns.map((c) => c.width), orientation: 'portrait', top: 'report',
    title: layout.title, subtitle: layout.subtitle, periodLine: layout.periodLine,
    sections: [
      ...layout.intro.map((text) => ({ kind: 'paragraph' as const, text })),
      { kind: 'table', table: layout.table },
      ...layout.notes.map((text) => ({ kind: 'paragraph' as const, text })),
    ],
    signature: { recipients: layout.org.recipients },
  });
}
