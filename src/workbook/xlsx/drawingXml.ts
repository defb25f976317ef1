import { columnLetter, parseA1Range } from '../../domain/a1';
import { BOX_PADDING, boxStyle, CONNECTOR_WEIGHT, layoutOrgChart, RECTANGLE_SITE, type LaidOutBox, type OrgChartLayout, type Point } from '../../templates/orgChartLayout';
import type { ChartPlan, PlanCell, SheetPlan } from '../../templates/plan';
import { cellAt, cellOrigin, type SheetSizes } from '../../templates/sheetGeometry';
import { withoutForbidden, xmlAttr, xmlText } from './xmlEscape';

/**
 * A sheet's charts and organisation chart as DrawingML parts of the .xlsx package (ECMA-376 part 1,
 * 20.5 and 21.2), so that a workbook written by the CLI shows what the Office executor draws in
 * Excel (`executePlan.ts`: `chartSteps`, `orgChartSteps`), in Excel and in LibreOffice alike:
 * - the drawing part (`xdr:wsDr`): a graphic frame per chart, then the organisation chart's title
 *   text box, a rectangle per box and an elbow connector per link, attached to both boxes;
 * - a chart part (`c:chartSpace`) per chart: a clustered column or a pie chart over the sheet's
 *   cells, titled, its legend at the bottom, its series named as the Office executor names them, and
 *   the cells' values cached in it, so that a viewer that does not recalculate shows them too.
 * Every drawing is anchored to the cells under it (`twoCellAnchor`), placed by the same arithmetic
 * as the Office executor's (`sheetGeometry.ts`) and the same layout (`layoutOrgChart`).
 * Pure string builders: the writer (`xlsxWriter.ts`) puts the parts into the package.
 */

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const DRAWING_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CHART_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const DRAWING_REL_TYPE = `${NS_R}/drawing`;
const CHART_REL_TYPE = `${NS_R}/chart`;

/** English Metric Units: 12,700 a point. */
const emu = (points: number) => Math.round(points * 12700);

/** A rectangle of the sheet in points from its top-left corner. */
interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** What of a sheet its drawing needs: the cells the charts read, the sizes that place everything. */
export interface DrawingSheet {
  /** The sheet's name in the workbook, for the charts' references. */
  name: string;
  plan: Pick<SheetPlan, 'rows' | 'columnWidths' | 'rowHeights' | 'charts' | 'orgChart'>;
}

/** A sheet's drawing part, its relationships, and the chart parts it refers to. */
export interface SheetDrawing {
  /** `xl/drawings/drawingN.xml`. */
  drawing: string;
  /** `xl/drawings/_rels/drawingN.xml.rels`; absent without charts. */
  rels?: string;
  /** `xl/charts/chartM.xml` for M = firstChart, firstChart + 1, …, in the plan's order. */
  charts: string[];
}

/** A text as the run of a DrawingML paragraph (xsd:string, no `_xHHHH_`): what XML cannot hold is left out. */
function runText(text: string): string {
  return withoutForbidden(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function anchor(sizes: SheetSizes, rect: Rect, body: string): string {
  const marker = (tag: 'from' | 'to', left: number, top: number) => {
    const at = cellAt(sizes, left, top);
    return `<xdr:${tag}><xdr:col>${at.column}</xdr:col><xdr:colOff>${emu(at.dx)}</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>${emu(at.dy)}</xdr:rowOff></xdr:${tag}>`;
  };
  return `<xdr:twoCellAnchor>${marker('from', rect.left, rect.top)}${marker('to', rect.left + rect.width, rect.top + rect.height)}${body}<xdr:clientData/></xdr:twoCellAnchor>`;
}

const srgb = (hex: string) => `<a:srgbClr val="${hex.replace('#', '').toUpperCase()}"/>`;
const solidLine = (weight: number, colour: string) => `<a:ln w="${emu(weight)}"><a:solidFill>${srgb(colour)}</a:solidFill></a:ln>`;
const xfrm = (rect: Rect, attrs = '') => `<a:xfrm${attrs}><a:off x="${emu(rect.left)}" y="${emu(rect.top)}"/><a:ext cx="${emu(rect.width)}" cy="${emu(rect.height)}"/></a:xfrm>`;

/** Centred paragraphs of one font, a line of the text each (a line break in the text is a new paragraph, as Excel makes it). */
function paragraphs(text: string, font: { name: string; size: number; bold: boolean }): string {
  const rPr = `<a:rPr lang="vi-VN" sz="${Math.round(font.size * 100)}" b="${font.bold ? 1 : 0}"><a:solidFill>${srgb('#000000')}</a:solidFill><a:latin typeface="${xmlAttr(font.name)}"/><a:cs typeface="${xmlAttr(font.name)}"/></a:rPr>`;
  return text.split(/\r?\n/).map((line) => `<a:p><a:pPr algn="ctr"/>${line ? `<a:r>${rPr}<a:t>${runText(line)}</a:t></a:r>` : ''}<a:endParaRPr lang="vi-VN" sz="${Math.round(font.size * 100)}"/></a:p>`).join('');
}

/** A text body with the boxes' inside margins, centred both ways, wrapped within the shape. */
function textBody(text: string, font: { name: string; size: number; bold: boolean }): string {
  const x = emu(BOX_PADDING.x);
  const y = emu(BOX_PADDING.y);
  return `<xdr:txBody><a:bodyPr wrap="square" lIns="${x}" tIns="${y}" rIns="${x}" bIns="${y}" rtlCol="0" anchor="ctr"/><a:lstStyle/>${paragraphs(text, font)}</xdr:txBody>`;
}

function boxShape(id: number, box: LaidOutBox, layout: OrgChartLayout, rect: Rect): string {
  const style = boxStyle(box);
  return `<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="${id}" name="${xmlAttr(`Sơ đồ - ô ${box.id}`)}"/><xdr:cNvSpPr/></xdr:nvSpPr>`
    + `<xdr:spPr>${xfrm(rect)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill>${srgb(style.fill)}</a:solidFill>${solidLine(style.weight, style.line)}</xdr:spPr>`
    + `${textBody(box.text, { ...layout.font, bold: box.bold })}</xdr:sp>`;
}

function titleShape(id: number, title: NonNullable<OrgChartLayout['title']>, layout: OrgChartLayout, rect: Rect): string {
  return `<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="${id}" name="Sơ đồ - tiêu đề"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr>`
    + `<xdr:spPr>${xfrm(rect)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></xdr:spPr>`
    + `${textBody(title.text, { name: layout.font.name, size: title.size, bold: true })}</xdr:sp>`;
}

/**
 * An elbow connector as DrawingML's preset connectors draw it, in the bounding box of the layout's
 * path, mirrored left to right where the path runs left (flipH). The presets run from the box's
 * top-left corner to its bottom-right one, across first; with that first run of no length (adj1 0)
 * they run down first, as the layout's elbows do from the parent's bottom: bentConnector3 down, then
 * across (into the side of a stacked box; straight down when the box has no width); bentConnector4
 * down, across at adj2 hundred-thousandths of the height, down. Not turned a quarter, as Excel
 * stores an elbow drawn by hand: where a turned shape's anchor lies is read differently by readers.
 */
export interface Elbow {
  preset: 'bentConnector3' | 'bentConnector4';
  flipH: boolean;
  /** The presets' adjust values, in 100,000ths of the box's width (adj1) and height (adj2). */
  adj: { adj1: number; adj2?: number };
  /** The bounding box of the path, as on the sheet. */
  box: Rect;
}

export function elbowOf(path: readonly Point[]): Elbow {
  const begin = path[0];
  const end = path[path.length - 1];
  if (path.length < 2 || path.length > 4 || end.y <= begin.y || path[1].x !== begin.x) throw new Error(`Đường nối không phải đường gấp khúc đi xuống: ${JSON.stringify(path)}.`);
  const box = { left: Math.min(begin.x, end.x), top: begin.y, width: Math.abs(end.x - begin.x), height: end.y - begin.y };
  const flipH = end.x < begin.x;
  // Down, across, down: the run across where the path's corners are.
  if (path.length === 4) return { preset: 'bentConnector4', flipH, adj: { adj1: 0, adj2: Math.round(((path[1].y - begin.y) / box.height) * 100_000) }, box };
  return { preset: 'bentConnector3', flipH, adj: { adj1: 0 }, box };
}

const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const NS_X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';

/**
 * A connector attached to its two boxes, and the same path as a plain line for readers that would
 * not draw it as stored: LibreOffice (7.4, Debian's) reads a connector's ends but routes it anew
 * itself, across first wherever its ends lie further apart across than down, so that a tree's links
 * would run along the boxes' edges. The two are alternatives (ECMA-376 part 3, markup compatibility)
 * the way Excel writes a slicer and its stand-in: the connector for a reader that knows Excel 2010's
 * namespace (x14: Excel from 2010), the line for any other (LibreOffice takes the alternative only
 * for namespaces of its own short list, which x14 is not on).
 */
function connectorShape(id: number, name: string, from: { id: number; site: number }, to: { id: number; site: number }, elbow: Elbow, path: readonly Point[], anchorOf: (body: string) => string): string {
  const rect = elbow.box;
  const guides = Object.entries(elbow.adj).map(([guide, value]) => `<a:gd name="${guide}" fmla="val ${value}"/>`).join('');
  const line = solidLine(CONNECTOR_WEIGHT, '#000000');
  const connector = `<xdr:cxnSp macro=""><xdr:nvCxnSpPr><xdr:cNvPr id="${id}" name="${xmlAttr(name)}"/><xdr:cNvCxnSpPr><a:stCxn id="${from.id}" idx="${from.site}"/><a:endCxn id="${to.id}" idx="${to.site}"/></xdr:cNvCxnSpPr></xdr:nvCxnSpPr>`
    + `<xdr:spPr>${xfrm(rect, elbow.flipH ? ' flipH="1"' : '')}<a:prstGeom prst="${elbow.preset}"><a:avLst>${guides}</a:avLst></a:prstGeom>${line}</xdr:spPr></xdr:cxnSp>`;
  const pt = (p: Point) => `<a:pt x="${emu(p.x - rect.left)}" y="${emu(p.y - rect.top)}"/>`;
  const [first, ...rest] = path;
  const geometry = `<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/><a:pathLst><a:path w="${emu(rect.width)}" h="${emu(rect.height)}" fill="none"><a:moveTo>${pt(first)}</a:moveTo>${rest.map((p) => `<a:lnTo>${pt(p)}</a:lnTo>`).join('')}</a:path></a:pathLst></a:custGeom>`;
  const standIn = `<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="${id}" name="${xmlAttr(name)}"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr>${xfrm(rect)}${geometry}<a:noFill/>${line}</xdr:spPr></xdr:sp>`;
  return `<mc:AlternateContent xmlns:mc="${MC}"><mc:Choice xmlns:x14="${NS_X14}" Requires="x14">${anchorOf(connector)}</mc:Choice><mc:Fallback>${anchorOf(standIn)}</mc:Fallback></mc:AlternateContent>`;
}

/** The organisation chart's shapes, ids from `firstId`: the title, the boxes in the plan's order, then the connectors. */
function orgChartShapes(sizes: SheetSizes, chart: NonNullable<SheetPlan['orgChart']>, firstId: number): string[] {
  const layout = layoutOrgChart(chart);
  const at = cellOrigin(sizes, chart.anchor);
  const place = (r: Rect): Rect => ({ left: at.left + r.left, top: at.top + r.top, width: r.width, height: r.height });
  const out: string[] = [];
  let id = firstId;
  if (layout.title) {
    const rect = place(layout.title);
    out.push(anchor(sizes, rect, titleShape(id++, layout.title, layout, rect)));
  }
  const ids = new Map<string, number>();
  for (const box of layout.boxes) {
    const rect = place(box);
    ids.set(box.id, id);
    out.push(anchor(sizes, rect, boxShape(id++, box, layout, rect)));
  }
  for (const c of layout.connectors) {
    const path = c.path.map((p) => ({ x: at.left + p.x, y: at.top + p.y }));
    const elbow = elbowOf(path);
    const from = { id: ids.get(c.from) as number, site: RECTANGLE_SITE[c.beginSide] };
    const to = { id: ids.get(c.to) as number, site: RECTANGLE_SITE[c.endSide] };
    out.push(connectorShape(id++, `Sơ đồ - nối ${c.to}`, from, to, elbow, path, (body) => anchor(sizes, elbow.box, body)));
  }
  return out;
}

function chartFrame(id: number, relId: string, planned: ChartPlan): string {
  return `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="Biểu đồ ${id - 1}" descr="${xmlAttr(planned.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`
    + '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>'
    + `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="${relId}"/></a:graphicData></a:graphic></xdr:graphicFrame>`;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A column of the data range: its reference and its cells. */
function column(sheet: DrawingSheet, col: number, top: number, bottom: number): { ref: string; cells: Array<PlanCell | undefined> } {
  const letter = columnLetter(col);
  const cells: Array<PlanCell | undefined> = [];
  for (let r = top; r <= bottom; r++) cells.push(sheet.plan.rows[r]?.[col]);
  return { ref: `${quoteSheet(sheet.name)}!$${letter}$${top + 1}:$${letter}$${bottom + 1}`, cells };
}

/** The categories as text, cached; a formula's cell is left out of the cache (its value is not known here). */
function strRef(ref: string, cells: Array<PlanCell | undefined>): string {
  const points = cells.map((cell, i) => {
    const v = cell?.formula === undefined ? cell?.value : undefined;
    if (v === undefined || v === '') return '';
    return `<c:pt idx="${i}"><c:v>${xmlText(typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v))}</c:v></c:pt>`;
  }).join('');
  return `<c:strRef><c:f>${xmlText(ref)}</c:f><c:strCache><c:ptCount val="${cells.length}"/>${points}</c:strCache></c:strRef>`;
}

/** The values as numbers, cached in the first number's format; what is no number is a gap. */
function numRef(ref: string, cells: Array<PlanCell | undefined>): string {
  const format = cells.find((c) => typeof c?.value === 'number' && c.numberFormat)?.numberFormat ?? 'General';
  const points = cells.map((cell, i) => {
    const v = cell?.formula === undefined ? cell?.value : undefined;
    return typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '';
  }).join('');
  return `<c:numRef><c:f>${xmlText(ref)}</c:f><c:numCache><c:formatCode>${xmlText(format)}</c:formatCode><c:ptCount val="${cells.length}"/>${points}</c:numCache></c:numRef>`;
}

function richTitle(text: string): string {
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="0"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="1400" b="0"/><a:t>${runText(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
}

const CAT_AXIS = 500_000_001;
const VAL_AXIS = 500_000_002;

/**
 * The series' colours, Office's default accents in order: stated, not left to the theme, as the
 * package has no theme part (a reader then has no colours to draw the bars and slices with).
 */
const PALETTE = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];
const fill = (i: number) => `<a:solidFill><a:srgbClr val="${PALETTE[i % PALETTE.length]}"/></a:solidFill>`;
const GREY_LINE = '<a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln>';

/**
 * A chart part: categories from the data range's first column, a series per further column, named
 * from the plan (the range has no header row), as Excel's `charts.add(type, range, 'Columns')` does
 * and the Office executor names them; the title; the legend at the bottom, as Excel places it.
 */
export function chartXml(sheet: DrawingSheet, planned: ChartPlan): string {
  const range = parseA1Range(planned.dataRange.replace(/\$/g, '').toUpperCase());
  if (!range) throw new Error(`Vùng dữ liệu của biểu đồ không hợp lệ: "${planned.dataRange}".`);
  const categories = column(sheet, range.left, range.top, range.bottom);
  const series: string[] = [];
  for (let col = range.left + 1, i = 0; col <= range.right; col++, i++) {
    const values = column(sheet, col, range.top, range.bottom);
    const name = planned.seriesNames[i];
    // A column series has one colour; a pie's slices one each (white edges between them, as Excel draws them).
    const look = planned.type === 'columnClustered'
      ? `<c:spPr>${fill(i)}</c:spPr><c:invertIfNegative val="0"/>`
      : categories.cells.map((_, p) => `<c:dPt><c:idx val="${p}"/><c:bubble3D val="0"/><c:spPr>${fill(p)}<a:ln w="19050"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr></c:dPt>`).join('');
    series.push(`<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${name !== undefined ? `<c:tx><c:v>${xmlText(name)}</c:v></c:tx>` : ''}`
      + `${look}<c:cat>${strRef(categories.ref, categories.cells)}</c:cat><c:val>${numRef(values.ref, values.cells)}</c:val></c:ser>`);
  }
  const plot = planned.type === 'pie'
    ? `<c:pieChart><c:varyColors val="1"/>${series.join('')}<c:firstSliceAng val="0"/></c:pieChart>`
    : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series.join('')}<c:gapWidth val="150"/><c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/></c:barChart>`
      + `<c:catAx><c:axId val="${CAT_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:spPr>${GREY_LINE}</c:spPr><c:crossAx val="${VAL_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`
      + `<c:valAx><c:axId val="${VAL_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr>${GREY_LINE}</c:spPr></c:majorGridlines><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:spPr><a:ln><a:noFill/></a:ln></c:spPr><c:crossAx val="${CAT_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return `${XML_HEAD}<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart>${richTitle(planned.title)}<c:autoTitleDeleted val="0"/>`
    + `<c:plotArea><c:layout/>${plot}</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`;
}

/** The sheet's drawing and chart parts, the charts numbered from `firstChart`; undefined when it draws nothing. */
export function sheetDrawing(sheet: DrawingSheet, firstChart: number): SheetDrawing | undefined {
  const charts = sheet.plan.charts ?? [];
  const orgChart = sheet.plan.orgChart;
  if (!charts.length && !orgChart) return undefined;
  const sizes = sheet.plan;
  // Shape ids are unique within the drawing; 1 is left to the drawing itself, as Excel numbers them.
  let id = 2;
  const anchors = charts.map((planned, i) => {
    const at = cellOrigin(sizes, planned.anchor);
    return anchor(sizes, { ...at, width: planned.width, height: planned.height }, chartFrame(id++, `rId${i + 1}`, planned));
  });
  if (orgChart) anchors.push(...orgChartShapes(sizes, orgChart, id));
  const drawing = `${XML_HEAD}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors.join('')}</xdr:wsDr>`;
  const rels = charts.length
    ? `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${charts.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${CHART_REL_TYPE}" Target="../charts/chart${firstChart + i}.xml"/>`).join('')}</Relationships>`
    : undefined;
  return { drawing, ...(rels ? { rels } : {}), charts: charts.map((planned) => chartXml(sheet, planned)) };
}
