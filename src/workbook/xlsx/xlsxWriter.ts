import { columnLetter, parseA1Range } from '../../domain/a1';
import type { Capabilities } from '../../reports/registry';
import { freeSheetName, PAGE_NUMBER_HEADER, safeSheetName, type CellStyle, type FillPlan, type PlanCell, type SheetPlan } from '../../templates/plan';
import { REGISTRY_HEADER, REGISTRY_SHEET } from '../hiddenSheet';
import { CHART_CONTENT_TYPE, DRAWING_CONTENT_TYPE, DRAWING_REL_TYPE, sheetDrawing, type SheetDrawing } from './drawingXml';
import { withoutForbidden, xmlAttr, xmlText } from './xmlEscape';
import type { PartWriter, ZipWriter } from './zipWriter';

export { withoutForbidden, xmlAttr, xmlText };

/**
 * tochuc's own .xlsx writer of a fill plan, for a new report file (the CLI's `--out`, through
 * writePlanFile.ts) or a page's download (writePlanBytes.ts, the same parts in memory). It writes
 * the same document as the exceljs executor (`writePlan.ts`: cells, styles, merges, sizes, frozen
 * rows, A4 page setup, print area and titles, the very hidden registry sheet `tochuc`), row by row
 * into a zip deflated as it goes (`zipWriter.ts`), holding nothing but the plan and the shared
 * strings. Measured on the reduction plan of a 1,048,571-row list (82,185 rows: the appendix lists
 * 52,185 people; the issues sheet 29,892), each writer in a process of its own that had loaded the
 * plan (225 MB), run alternately twice on the 2-core machine:
 * - exceljs in memory (the executor of `writePlan.ts`): 38–49 s, peak 1,732 MB. A cell object per
 *   cell, then the whole package built in memory; with the records beside it the CLI ran out of heap.
 * - exceljs' streaming `stream.xlsx.WorkbookWriter`, rows committed a thousand at a time: 18–31 s,
 *   peak 490 MB. It can say what the plan says, but merges must be made before their rows are
 *   committed, it still makes a cell object per cell, and it writes text as the in-memory writer does:
 *   characters XML forbids raw (an ill-formed file), and `_x0041_` in data unescaped (read back as "A").
 * - this writer: 1.4–4.7 s, peak 271–274 MB.
 * Read back, its files hold the same cells, styles and layout as the exceljs executor's
 * (test/xlsxExecutor.test.ts compares them), but for a column width of 9, which exceljs leaves out
 * as its own default (Excel then shows 8.43) and this writer writes as the plan says.
 *
 * Text is written the OOXML way for characters XML 1.0 cannot hold (ECMA-376 part 1, ST_Xstring:
 * `_xHHHH_`, as Excel writes them), so that nothing of the data is lost and any reader can parse the file;
 * an underscore that would read as the start of such an escape is itself escaped (`_x005F_`).
 */

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Number formats Excel knows by number (ECMA-376 part 1, 18.8.30); others get ids from 164. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '0.00E+00': 11, '@': 49 };

/** The workbook's styles: fonts, fills, borders, number formats and the cell formats (xf) combining them. */
class Styles {
  private readonly fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
  private readonly fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly borders = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  private readonly numFmts: string[] = [];
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly xfIndex = new Map<string, number>();
  private readonly formatIds = new Map<string, number>();

  private static indexIn(list: string[], xml: string): number {
    const i = list.indexOf(xml);
    return i >= 0 ? i : list.push(xml) - 1;
  }

  /** The xf index of a plan cell's style and number format (0: none). */
  xf(style: CellStyle | undefined, numberFormat: string | undefined): number {
    if (!style && numberFormat === undefined) return 0;
    const key = `${numberFormat ?? ''}\u0001${style ? JSON.stringify(style) : ''}`;
    const known = this.xfIndex.get(key);
    if (known !== undefined) return known;
    let attrs = '';
    let inner = '';
    let numFmtId = 0;
    if (numberFormat !== undefined && numberFormat !== 'General') {
      numFmtId = BUILTIN_FORMATS[numberFormat] ?? this.formatIds.get(numberFormat) ?? -1;
      if (numFmtId < 0) {
        numFmtId = 164 + this.numFmts.length;
        this.numFmts.push(`<numFmt numFmtId="${numFmtId}" formatCode="${xmlAttr(numberFormat)}"/>`);
        this.formatIds.set(numberFormat, numFmtId);
      }
      attrs += ' applyNumberFormat="1"';
    }
    let fontId = 0;
    let fillId = 0;
    let borderId = 0;
    if (style?.font) {
      const f = style.font;
      const font = `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}${f.underline ? '<u/>' : ''}${f.size ? `<sz val="${f.size}"/>` : ''}${f.color ? `<color rgb="${argb(f.color)}"/>` : ''}${f.name ? `<name val="${xmlAttr(f.name)}"/>` : ''}</font>`;
      fontId = Styles.indexIn(this.fonts, font);
      attrs += ' applyFont="1"';
    }
    if (style?.fill) {
      fillId = Styles.indexIn(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/></patternFill></fill>`);
      attrs += ' applyFill="1"';
    }
    if (style?.borders?.length) {
      const edges = new Set(style.borders);
      const edge = (name: 'left' | 'right' | 'top' | 'bottom') => (edges.has(name) ? `<${name} style="thin"/>` : `<${name}/>`);
      borderId = Styles.indexIn(this.borders, `<border>${edge('left')}${edge('right')}${edge('top')}${edge('bottom')}<diagonal/></border>`);
      attrs += ' applyBorder="1"';
    }
    if (style && (style.horizontalAlignment || style.verticalAlignment || style.wrapText)) {
      attrs += ' applyAlignment="1"';
      inner = `<alignment${style.horizontalAlignment ? ` horizontal="${style.horizontalAlignment}"` : ''}${style.verticalAlignment ? ` vertical="${style.verticalAlignment}"` : ''}${style.wrapText ? ' wrapText="1"' : ''}/>`;
    }
    const xml = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${attrs}${inner ? `>${inner}</xf>` : '/>'}`;
    const index = this.xfs.push(xml) - 1;
    this.xfIndex.set(key, index);
    return index;
  }

  xml(): string {
    const list = (tag: string, items: string[]) => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    return `${XML_HEAD}<styleSheet xmlns="${NS}">${this.numFmts.length ? list('numFmts', this.numFmts) : ''}${list('fonts', this.fonts)}${list('fills', this.fills)}${list('borders', this.borders)}`
      + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
      + `${list('cellXfs', this.xfs)}<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>`;
  }
}

function argb(hex: string): string {
  return 'FF' + hex.replace('#', '').toUpperCase();
}

/** The shared strings: each distinct text once, in order of first use. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly texts: string[] = [];
  count = 0;

  of(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.texts.push(text) - 1;
      this.index.set(text, i);
    }
    return i;
  }

  /** Written in slices, as the list can be long. */
  async write(part: PartWriter): Promise<void> {
    part.write(`${XML_HEAD}<sst xmlns="${NS}" count="${this.count}" uniqueCount="${this.texts.length}">`);
    for (const text of this.texts) {
      const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
      if (part.write(`<si><t${space}>${xmlText(text)}</t></si>`)) await part.flush();
    }
    part.write('</sst>');
    await part.end();
  }
}

/** A sheet to write: a plan sheet under its final name, or the registry. */
interface OutSheet {
  name: string;
  plan: Pick<SheetPlan, 'rows' | 'styles' | 'merges' | 'columnWidths' | 'rowHeights' | 'page' | 'freezeRows' | 'charts' | 'orgChart'>;
  hidden: boolean;
}

/** What merged areas do to the cells under them, as exceljs' mergeCells does: the covered cells take the top-left cell's style and lose their values. */
interface Covered {
  /** Per row: [first column, last column, the top-left cell's row, the top-left cell] of each area crossing it. */
  byRow: Map<number, Array<[number, number, number, PlanCell | undefined]>>;
}

function coveredCells(plan: OutSheet['plan']): Covered {
  const byRow = new Map<number, Array<[number, number, number, PlanCell | undefined]>>();
  for (const range of plan.merges) {
    const rect = parseA1Range(range);
    if (!rect) continue;
    const master = plan.rows[rect.top]?.[rect.left];
    for (let r = rect.top; r <= rect.bottom; r++) {
      let list = byRow.get(r);
      if (!list) byRow.set(r, (list = []));
      list.push([rect.left, rect.right, rect.top, master]);
    }
  }
  return { byRow };
}

/** "A1:H90" → "$A$1:$H$90" (a defined name's reference is absolute). */
function absolute(range: string): string {
  return range.replace(/\$?([A-Z]+)\$?(\d+)/g, '$$$1$$$2');
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A formula with its stored result (`t` says a text, logical or error result; a number needs none). */
function formulaXml(ref: string, s: string, cell: PlanCell): string {
  const f = `<f>${xmlText((cell.formula as string).replace(/^=/, ''))}</f>`;
  const r = cell.result;
  if (r === undefined) return `<c r="${ref}"${s}>${f}</c>`;
  if (typeof r === 'number') return `<c r="${ref}"${s}>${f}<v>${r}</v></c>`;
  if (typeof r === 'boolean') return `<c r="${ref}"${s} t="b">${f}<v>${r ? 1 : 0}</v></c>`;
  if (typeof r === 'string') return `<c r="${ref}"${s} t="str">${f}<v>${xmlText(r)}</v></c>`;
  return `<c r="${ref}"${s} t="e">${f}<v>${xmlText(r.error)}</v></c>`;
}

function cellXml(ref: string, cell: PlanCell | undefined, xf: number, strings: SharedStrings, covered: boolean): string {
  const s = xf ? ` s="${xf}"` : '';
  if (!cell || covered) return `<c r="${ref}"${s}/>`;
  if (cell.formula !== undefined) return formulaXml(ref, s, cell);
  const v = cell.value;
  if (typeof v === 'string') return `<c r="${ref}"${s} t="s"><v>${strings.of(v)}</v></c>`;
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s}/>`;
}

/** The relationship of a sheet to its drawing (the sheet's only one). */
const DRAWING_REL_ID = 'rId1';

async function writeSheet(part: PartWriter, sheet: OutSheet, first: boolean, styles: Styles, strings: SharedStrings, hasDrawing: boolean): Promise<void> {
  const plan = sheet.plan;
  const page = plan.page;
  let head = `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL}">`;
  if (page?.fitToWidth) head += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  const frozen = plan.freezeRows ? `<pane ySplit="${plan.freezeRows}" topLeftCell="A${plan.freezeRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>` : '';
  head += `<sheetViews><sheetView workbookViewId="0"${first ? ' tabSelected="1"' : ''}${frozen ? `>${frozen}</sheetView>` : '/>'}</sheetViews>`;
  head += '<sheetFormatPr defaultRowHeight="15"/>';
  // Neighbouring columns of one width are one entry, as Excel and exceljs write them.
  const cols: string[] = [];
  const widths = plan.columnWidths;
  for (let c = 0; c < widths.length; c++) {
    const w = widths[c];
    if (w === undefined) continue;
    let last = c;
    while (widths[last + 1] === w) last++;
    cols.push(`<col min="${c + 1}" max="${last + 1}" width="${w}" customWidth="1"/>`);
    c = last;
  }
  if (cols.length) head += `<cols>${cols.join('')}</cols>`;
  part.write(head + '<sheetData>');

  const { byRow } = coveredCells(plan);
  // A style index of this sheet and a number format → the workbook's xf, worked out once each.
  const xfCache = new Map<string, number>();
  const xfOf = (cell: PlanCell | undefined): number => {
    if (!cell || (cell.style === undefined && cell.numberFormat === undefined)) return 0;
    const key = `${cell.style ?? ''}|${cell.numberFormat ?? ''}`;
    let xf = xfCache.get(key);
    if (xf === undefined) {
      xf = styles.xf(cell.style !== undefined ? plan.styles[cell.style] : undefined, cell.numberFormat);
      xfCache.set(key, xf);
    }
    return xf;
  };
  const rowCount = Math.max(plan.rows.length, plan.rowHeights.length, byRow.size ? Math.max(...byRow.keys()) + 1 : 0);
  for (let r = 0; r < rowCount; r++) {
    const cells = plan.rows[r] ?? [];
    const areas = byRow.get(r);
    const height = plan.rowHeights[r];
    let body = '';
    const width = areas ? Math.max(cells.length, ...areas.map((a) => a[1] + 1)) : cells.length;
    for (let c = 0; c < width; c++) {
      let cell = cells[c];
      let covered = false;
      if (areas) {
        for (const [left, right, top, master] of areas) {
          if (c < left || c > right) continue;
          if (c !== left || r !== top) {
            covered = true;
            // The covered cell takes the top-left cell's style and number format, as exceljs' merge does.
            cell = master;
          }
          break;
        }
      }
      if (!cell) continue;
      body += cellXml(columnLetter(c) + (r + 1), cell, xfOf(cell), strings, covered);
    }
    if (!body && height === undefined) continue;
    const ht = height !== undefined ? ` ht="${height}" customHeight="1"` : '';
    if (part.write(body ? `<row r="${r + 1}"${ht}>${body}</row>` : `<row r="${r + 1}"${ht}/>`)) await part.flush();
  }
  let tail = '</sheetData>';
  if (plan.merges.length) tail += `<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${xmlAttr(m)}"/>`).join('')}</mergeCells>`;
  if (page) {
    const m = page.margins;
    tail += `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
    tail += `<pageSetup paperSize="9"${page.scale !== undefined ? ` scale="${page.scale}"` : ''} orientation="${page.orientation}"${page.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`;
    tail += `<headerFooter differentFirst="1"><oddHeader>${xmlText(`&C${PAGE_NUMBER_HEADER}`)}</oddHeader></headerFooter>`;
    // A break's id is the last row of the page before it, 1-based: the 0-based row starting the next page.
    if (page.breaks?.length) tail += `<rowBreaks count="${page.breaks.length}" manualBreakCount="${page.breaks.length}">${page.breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('')}</rowBreaks>`;
  }
  // Last of the elements written (ECMA-376's CT_Worksheet: after pageSetup, headerFooter and the page breaks).
  if (hasDrawing) tail += `<drawing r:id="${DRAWING_REL_ID}"/>`;
  part.write(tail + '</worksheet>');
  await part.end();
}

/** The sheets in the order the exceljs executor gives them: the registry made right after the first sheet. */
function outSheets(plan: FillPlan): { sheets: OutSheet[]; names: string[] } {
  const taken = new Set<string>([REGISTRY_SHEET]);
  const names: string[] = [];
  const sheets: OutSheet[] = [];
  for (const sheet of plan.sheets) {
    // A name Excel takes and reads back the same: within Excel's rules, no character XML forbids, unique without regard to case.
    const wanted = safeSheetName(withoutForbidden(sheet.name));
    const name = freeSheetName(wanted, (n) => taken.has(n.toLowerCase()));
    taken.add(name.toLowerCase());
    names.push(name);
    sheets.push({ name, plan: sheet, hidden: false });
  }
  const registryRows: PlanCell[][] = [REGISTRY_HEADER.map((value) => ({ value }))];
  plan.sheets.forEach((sheet, i) => registryRows.push([names[i], sheet.marker.report, sheet.marker.period, sheet.marker.generatedAt].map((value) => ({ value }))));
  const registry: OutSheet = { name: REGISTRY_SHEET, hidden: true, plan: { rows: registryRows, styles: [], merges: [], columnWidths: [], rowHeights: [] } };
  if (sheets.length) sheets.splice(1, 0, registry);
  return { sheets, names };
}

/** What a workbook written here draws beside the tables: charts and the organisation chart (`drawingXml.ts`). */
export const FILE_CAPABILITIES: Capabilities = { charts: true, shapes: true };

/**
 * Writes the plan's sheets into `zip` and closes it; the names the sheets got. On failure the zip is
 * aborted (its sink let go) and the error thrown: the caller removes what was written.
 */
export async function writeWorkbook(zip: ZipWriter, plan: FillPlan): Promise<string[]> {
  try {
    const { sheets, names } = outSheets(plan);
    await writeParts(zip, sheets);
    return names;
  } catch (e) {
    await zip.abort();
    throw e;
  }
}

async function writeParts(zip: ZipWriter, sheets: OutSheet[]): Promise<void> {
  const styles = new Styles();
  const strings = new SharedStrings();
  const n = sheets.length;
  // The drawings are small and made first: the content types, written first, name their parts.
  const drawings: Array<{ sheet: number; number: number; parts: SheetDrawing; firstChart: number }> = [];
  let charts = 0;
  sheets.forEach((sheet, i) => {
    const parts = sheetDrawing(sheet, charts + 1);
    if (!parts) return;
    drawings.push({ sheet: i, number: drawings.length + 1, parts, firstChart: charts + 1 });
    charts += parts.charts.length;
  });
  const overrides = sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')
    + drawings.map((d) => `<Override PartName="/xl/drawings/drawing${d.number}.xml" ContentType="${DRAWING_CONTENT_TYPE}"/>`).join('')
    + Array.from({ length: charts }, (_, i) => `<Override PartName="/xl/charts/chart${i + 1}.xml" ContentType="${CHART_CONTENT_TYPE}"/>`).join('');
  await zip.add('[Content_Types].xml', `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`);
  await zip.add('_rels/.rels', `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`);
  await zip.add('docProps/app.xml', `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>tochuc</Application></Properties>`);
  await zip.add('docProps/core.xml', `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>tochuc</dc:creator></cp:coreProperties>`);
  const defined: string[] = [];
  sheets.forEach((sheet, i) => {
    const page = sheet.plan.page;
    if (page?.printArea) defined.push(`<definedName name="_xlnm.Print_Area" localSheetId="${i}">${xmlText(`${quoteSheet(sheet.name)}!${absolute(page.printArea)}`)}</definedName>`);
    if (page?.titleRows) defined.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(`${quoteSheet(sheet.name)}!${page.titleRows}`)}</definedName>`);
  });
  const sheetList = sheets.map((s, i) => `<sheet name="${xmlAttr(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="veryHidden"' : ''} r:id="rId${i + 1}"/>`).join('');
  await zip.add('xl/workbook.xml', `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheetList}</sheets>${defined.length ? `<definedNames>${defined.join('')}</definedNames>` : ''}<calcPr calcId="171027" fullCalcOnLoad="1"/></workbook>`);
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  await zip.add('xl/_rels/workbook.xml.rels', `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${rels}<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  const drawingOf = new Map(drawings.map((d) => [d.sheet, d]));
  for (let i = 0; i < n; i++) await writeSheet(await zip.part(`xl/worksheets/sheet${i + 1}.xml`), sheets[i], i === 0, styles, strings, drawingOf.has(i));
  for (const d of drawings) {
    await zip.add(`xl/worksheets/_rels/sheet${d.sheet + 1}.xml.rels`, `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="${DRAWING_REL_ID}" Type="${DRAWING_REL_TYPE}" Target="../drawings/drawing${d.number}.xml"/></Relationships>`);
    await zip.add(`xl/drawings/drawing${d.number}.xml`, d.parts.drawing);
    if (d.parts.rels) await zip.add(`xl/drawings/_rels/drawing${d.number}.xml.rels`, d.parts.rels);
    for (const [i, chart] of d.parts.charts.entries()) await zip.add(`xl/charts/chart${d.firstChart + i}.xml`, chart);
  }
  await strings.write(await zip.part('xl/sharedStrings.xml'));
  await zip.add('xl/styles.xml', styles.xml());
  await zip.close();
}
