import { columnLetter } from '../domain/a1';
import type { TemplateCellInput, TemplateSheet } from './parse';
import type { CellStyle, PageSetup } from './plan';

/**
 * Building blocks of the built-in report templates, laid out the way Vietnamese official
 * documents are (DOMAIN.md, "Document layout"): party documents per Hướng dẫn 36-HD/VPTW (2018),
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
}

export interface TableColumn {
  header: string;
  /** Width in characters. */
  width: number;
  /** Cell of the repeated row: a placeholder such as `{{unit}}` or `{{@index}}`. */
  cell: string;
  /** Sum this column in the totals row. */
  total?: boolean;
  align?: 'left' | 'center' | 'right';
}

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
  table: { list: string; columns: TableColumn[]; totalLabel: string };
  notes: string[];
}

const FONT = 'Times New Roman';
const STYLES: CellStyle[] = [
  /* 0 body */ { font: { name: FONT, size: 13 }, verticalAlignment: 'center' },
  /* 1 header left upper */ { font: { name: FONT, size: 13 }, horizontalAlignment: 'center' },
  /* 2 header left bold */ { font: { name: FONT, size: 13, bold: true }, horizontalAlignment: 'center' },
  /* 3 motto bold */ { font: { name: FONT, size: 13, bold: true }, horizontalAlignment: 'center' },
  /* 4 motto underlined */ { font: { name: FONT, size: 14, bold: true, underline: true }, horizontalAlignment: 'center' },
  /* 5 place and date */ { font: { name: FONT, size: 13, italic: true }, horizontalAlignment: 'center' },
  /* 6 title */ { font: { name: FONT, size: 14, bold: true }, horizontalAlignment: 'center' },
  /* 7 subtitle */ { font: { name: FONT, size: 14, bold: true }, horizontalAlignment: 'center', wrapText: true },
  /* 8 period */ { font: { name: FONT, size: 13, italic: true }, horizontalAlignment: 'center' },
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
];
const ALIGN_STYLE = { left: 11, center: 12, right: 13 } as const;

/** A4 with the margins of Nghị định 30/2020 (top and bottom 2 cm, left 3 cm, right 1.5 cm), in inches. */
export const A4_PORTRAIT: PageSetup = {
  orientation: 'portrait', paperSize: 'A4', fitToWidth: true,
  margins: { top: 0.79, bottom: 0.79, left: 1.18, right: 0.59, header: 0.3, footer: 0.3 },
};

class Sheet {
  readonly cells: Array<Array<TemplateCellInput | undefined>> = [];
  readonly merges: string[] = [];
  readonly rowHeights: Array<number | undefined> = [];
  constructor(readonly width: number) {}

  row(height?: number): number {
    this.cells.push([]);
    this.rowHeights.push(height);
    return this.cells.length - 1;
  }

  put(row: number, col: number, value: string, style: number, toCol = col): void {
    this.cells[row][col] = value.startsWith('=') ? { formula: value, style } : { value, style };
    for (let c = col + 1; c <= toCol; c++) this.cells[row][c] = { style };
    if (toCol > col) this.merges.push(`${columnLetter(col)}${row + 1}:${columnLetter(toCol)}${row + 1}`);
  }
}

/** Left half of the header for the issuing body, right half for the motto, date under it. */
function header(s: Sheet, org: OrgDetails): void {
  const split = Math.max(1, Math.floor(s.width * 0.42) - 1);
  const last = s.width - 1;
  const r1 = s.row(20);
  s.put(r1, 0, '{{org.superiorBody}}', 1, split);
  s.put(r1, split + 1, org.variant === 'party' ? 'ĐẢNG CỘNG SẢN VIỆT NAM' : 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', org.variant === 'party' ? 4 : 3, last);
  const r2 = s.row(20);
  s.put(r2, 0, '{{org.issuingBody}}', 2, split);
  if (org.variant === 'state') s.put(r2, split + 1, 'Độc lập - Tự do - Hạnh phúc', 4, last);
  const r3 = s.row(20);
  s.put(r3, 0, org.variant === 'party' ? '*' : '', 2, split);
  const r4 = s.row(22);
  s.put(r4, 0, '{{org.documentNumber}}', 1, split);
  s.put(r4, split + 1, '{{org.place}}, ngày {{reportDate.day}} tháng {{reportDate.month}} năm {{reportDate.year}}', 5, last);
  s.row(10);
}

/** A whole report template: header, title, intro, numbered table with totals, notes, signature and recipients. */
export function reportTemplate(layout: ReportLayout, name = 'Mẫu báo cáo'): TemplateSheet {
  const cols = layout.table.columns;
  const s = new Sheet(cols.length);
  const last = cols.length - 1;
  header(s, layout.org);
  s.put(s.row(22), 0, layout.title, 6, last);
  s.put(s.row(40), 0, layout.subtitle, 7, last);
  s.put(s.row(20), 0, layout.periodLine, 8, last);
  s.row(10);
  for (const line of layout.intro) s.put(s.row(36), 0, line, 18, last);

  const headerRow = s.row(48);
  cols.forEach((c, i) => s.put(headerRow, i, c.header, 9));
  const indexRow = s.row(16);
  cols.forEach((_c, i) => s.put(indexRow, i, `(${i + 1})`, 10));
  // No fixed height: a long unit name wraps and the row grows to fit it.
  const dataRow = s.row();
  cols.forEach((c, i) => s.put(dataRow, i, i === 0 ? `{{#each ${layout.table.list}}}${c.cell}` : c.cell, ALIGN_STYLE[c.align ?? (i === 0 ? 'center' : 'left')]));
  const totalRow = s.row(22);
  cols.forEach((c, i) => {
    const col = columnLetter(i);
    s.put(totalRow, i, i === 0 ? '' : c.total ? `=SUM(${col}${dataRow + 1}:${col}${dataRow + 1})` : i === 1 ? layout.table.totalLabel : '', 14);
  });
  s.row(10);
  for (const note of layout.notes) s.put(s.row(36), 0, note, 18, last);

  s.row(10);
  const split = Math.max(1, Math.floor(cols.length * 0.42) - 1);
  const sig = s.row(20);
  s.put(sig, 0, 'Nơi nhận:', 16, split);
  s.put(sig, split + 1, '{{org.signerCapacity}}', 15, last);
  const recipients = layout.org.recipients.length ? layout.org.recipients : ['- Như trên;', '- Lưu VT.'];
  const titleRow = s.row(20);
  s.put(titleRow, split + 1, '{{org.signerTitle}}', 15, last);
  recipients.forEach((line, i) => {
    const r = i === 0 ? sig + 1 : s.row(18);
    s.put(r, 0, line, 17, split);
  });
  for (let i = 0; i < 3; i++) s.row(20);
  s.put(s.row(22), split + 1, '{{org.signerName}}', 15, last);

  return {
    name, cells: s.cells, styles: STYLES, merges: s.merges, rowHeights: s.rowHeights,
    columnWidths: cols.map((c) => c.width),
    page: { ...A4_PORTRAIT, printArea: `A1:${columnLetter(last)}${s.cells.length}`, titleRows: `$${headerRow + 1}:$${indexRow + 1}` },
  };
}
