/**
 * What the browser tests need to SEE the shapes the Office executor drew on the fake host, which
 * renders nothing itself: taskpane.e2e.ts bundles this file with esbuild and adds it to a page that
 * already has the fake host (fakeHost.ts), as `window.__shapesPanel`:
 *  - render(sheet): a panel over the page showing that sheet as Excel would, roughly: column letters,
 *    row numbers, grid lines and cell values at the fake's column widths and row heights, and on top
 *    of them every shape of the sheet where the fake has it: rectangles and text boxes with their
 *    fill, outline and text (wrapped by the browser in the shape's font, at its margins and alignment,
 *    overflowing visibly when it does not fit), lines routed as Excel routes an elbow connector between
 *    the connection sites its ends are attached to. 1 pt is drawn as 4/3 px, as Excel does at 100 %;
 *  - executePlan(plan): the Office executor run on the page's fake host exactly as the task pane runs
 *    it (window.Excel.run and Office.context.requirements), for plans built by the test.
 * Nothing here is part of the add-in.
 */
import type { FillPlan } from '../../src/templates/plan';
import { executePlan, type ExecuteResult } from '../../src/workbook/office/executePlan';
import type { ShapeData, ShapePoint } from '../fakes/excelModel';
import type { FakeHostControl } from './fakeHost';

export const SHAPES_PANEL_ID = 'e2e-shapes-panel';

interface PanelWindow {
  __fakeHost: FakeHostControl;
  Excel: { run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> };
  Office: { context: { requirements: { isSetSupported(name: string, version?: string): boolean } } };
  __shapesPanel?: ShapesPanel;
}

export interface RenderedSheet {
  shapes: number;
  /** The panel's size in pixels. */
  width: number;
  height: number;
  /** Names of the shapes whose text, as the browser wraps it in the shape's font, does not fit inside its margins. */
  overflowing: string[];
}

export interface ShapesPanel {
  /** Shows the sheet and its shapes in a panel over the page. */
  render(sheet: string): RenderedSheet;
  executePlan(plan: FillPlan): Promise<ExecuteResult>;
}

const PX = 4 / 3;
const HEADER_W = 36;
const HEADER_H = 20;
const SVG = 'http://www.w3.org/2000/svg';

interface SheetJson {
  cells: Array<[string, { value: string | number | boolean }]>;
  columnWidths: Array<[number, number]>;
  rowHeights: Array<[number, number]>;
}

function letters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  parent?.appendChild(node);
  return node;
}

/** The direction a connector leaves or enters a rectangle's connection site (top, left, bottom, right). */
const SITE_DIRECTION: Record<number, ShapePoint> = { 0: { x: 0, y: -1 }, 1: { x: -1, y: 0 }, 2: { x: 0, y: 1 }, 3: { x: 1, y: 0 } };

/**
 * The corners of an elbow connector as Excel draws it between two attached ends: leaving a bottom
 * or top site vertically and entering a top site vertically, the middle run halfway (bentConnector3);
 * entering a side, one corner (bentConnector2). A free elbow runs horizontal, vertical, horizontal.
 */
function elbow(begin: ShapePoint, end: ShapePoint, beginSite: number | null, endSite: number | null): ShapePoint[] {
  const out = beginSite === null ? undefined : SITE_DIRECTION[beginSite];
  const into = endSite === null ? undefined : SITE_DIRECTION[endSite];
  const vertical = (d: ShapePoint | undefined) => !!d && d.x === 0;
  if (vertical(out) && vertical(into)) {
    const mid = (begin.y + end.y) / 2;
    return [begin, { x: begin.x, y: mid }, { x: end.x, y: mid }, end];
  }
  if (vertical(out) && into) return [begin, { x: begin.x, y: end.y }, end];
  if (out && vertical(into)) return [begin, { x: end.x, y: begin.y }, end];
  const mid = (begin.x + end.x) / 2;
  return [begin, { x: mid, y: begin.y }, { x: mid, y: end.y }, end];
}

function render(sheetName: string): RenderedSheet {
  const w = window as unknown as PanelWindow;
  const sheet = JSON.parse(w.__fakeHost.sheetJson(sheetName)) as SheetJson;
  const shapes = w.__fakeHost.shapes(sheetName);
  const widths = new Map(sheet.columnWidths);
  const heights = new Map(sheet.rowHeights);
  const colWidth = (c: number) => widths.get(c) ?? 48;
  const rowHeight = (r: number) => heights.get(r) ?? 15;

  // The area to show: the cells in use and every shape, plus a margin of one cell.
  let right = 0;
  let bottom = 0;
  for (const [key] of sheet.cells) {
    const [r, c] = key.split(',').map(Number);
    right = Math.max(right, c + 1);
    bottom = Math.max(bottom, r + 1);
  }
  const extentX = Math.max(0, ...shapes.map((s) => s.left + s.width));
  const extentY = Math.max(0, ...shapes.map((s) => s.top + s.height));
  const colLeft: number[] = [0];
  while (colLeft.length <= right + 1 || colLeft[colLeft.length - 1] < extentX + 24) colLeft.push(colLeft[colLeft.length - 1] + colWidth(colLeft.length - 1));
  const rowTop: number[] = [0];
  while (rowTop.length <= bottom + 1 || rowTop[rowTop.length - 1] < extentY + 15) rowTop.push(rowTop[rowTop.length - 1] + rowHeight(rowTop.length - 1));
  const sheetW = colLeft[colLeft.length - 1];
  const sheetH = rowTop[rowTop.length - 1];
  const width = Math.ceil(HEADER_W + sheetW * PX);
  const height = Math.ceil(HEADER_H + sheetH * PX);

  document.getElementById(SHAPES_PANEL_ID)?.remove();
  const panel = document.createElement('div');
  panel.id = SHAPES_PANEL_ID;
  panel.setAttribute('role', 'img');
  panel.setAttribute('aria-label', `${sheetName}: ${shapes.length} hình`);
  Object.assign(panel.style, { position: 'absolute', left: '0', top: '0', zIndex: '2147483647', background: '#FFFFFF', width: `${width}px`, height: `${height}px` });
  const svg = el('svg', { width, height, viewBox: `0 0 ${width} ${height}` }, panel);

  // Headers and grid, as Excel's sheet looks.
  el('rect', { x: 0, y: 0, width, height: HEADER_H, fill: '#F3F3F3' }, svg);
  el('rect', { x: 0, y: 0, width: HEADER_W, height, fill: '#F3F3F3' }, svg);
  const grid = el('g', { stroke: '#E1E1E1', 'stroke-width': 1, 'shape-rendering': 'crispEdges' }, svg);
  colLeft.forEach((x, c) => {
    const px = HEADER_W + x * PX;
    el('line', { x1: px, y1: 0, x2: px, y2: height }, grid);
    if (c < colLeft.length - 1) {
      const label = el('text', { x: px + (colWidth(c) * PX) / 2, y: 14, 'text-anchor': 'middle', 'font-family': 'Liberation Sans, Arial, sans-serif', 'font-size': 11, fill: '#555555', stroke: 'none' }, svg);
      label.textContent = letters(c);
    }
  });
  rowTop.forEach((y, r) => {
    const py = HEADER_H + y * PX;
    el('line', { x1: 0, y1: py, x2: width, y2: py }, grid);
    if (r < rowTop.length - 1) {
      const label = el('text', { x: HEADER_W / 2, y: py + (rowHeight(r) * PX) / 2 + 4, 'text-anchor': 'middle', 'font-family': 'Liberation Sans, Arial, sans-serif', 'font-size': 11, fill: '#555555', stroke: 'none' }, svg);
      label.textContent = String(r + 1);
    }
  });

  // Cell values: plain text, no formats; cut at the cell's right edge when the next cell holds something, as Excel does.
  const cellsLayer = el('g', { 'font-family': 'Times New Roman, Liberation Serif, serif', 'font-size': 13, fill: '#222222' }, svg);
  const filled = new Set(sheet.cells.filter(([, cell]) => cell.value !== '').map(([key]) => key));
  for (const [key, cell] of sheet.cells) {
    if (cell.value === '') continue;
    const [r, c] = key.split(',').map(Number);
    const x = HEADER_W + colLeft[c] * PX;
    const y = HEADER_H + rowTop[r] * PX;
    const clip = filled.has(`${r},${c + 1}`) ? el('svg', { x, y, width: colWidth(c) * PX, height: rowHeight(r) * PX, overflow: 'hidden' }, cellsLayer) : undefined;
    const text = el('text', clip ? { x: 3, y: rowHeight(r) * PX - 5 } : { x: x + 3, y: y + rowHeight(r) * PX - 5 }, clip ?? cellsLayer);
    // Leading spaces (the indented table's) as typed.
    text.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
    text.textContent = String(cell.value);
  }

  // The shapes, back to front.
  const at = (p: ShapePoint) => ({ x: HEADER_W + p.x * PX, y: HEADER_H + p.y * PX });
  for (const shape of shapes) {
    if (shape.line) drawLine(svg, shape, at);
    else drawBox(svg, shape, at);
  }
  document.body.appendChild(panel);
  window.scrollTo(0, 0);
  // Text that Excel would cut or spill: the wrapped text's box against the shape's box less its margins.
  const overflowing = [...panel.querySelectorAll<HTMLElement>('[data-text-of]')].filter((span) => {
    const frame = span.parentElement as HTMLElement;
    const text = span.getBoundingClientRect();
    const inner = frame.getBoundingClientRect();
    const pad = (v: string) => parseFloat(v) || 0;
    const style = getComputedStyle(frame);
    return text.top < inner.top + pad(style.paddingTop) - 0.5 || text.bottom > inner.bottom - pad(style.paddingBottom) + 0.5
      || text.left < inner.left + pad(style.paddingLeft) - 0.5 || text.right > inner.right - pad(style.paddingRight) + 0.5;
  }).map((span) => span.dataset.textOf as string);
  return { shapes: shapes.length, width, height, overflowing };
}

function drawLine(svg: SVGSVGElement, shape: ShapeData, at: (p: ShapePoint) => ShapePoint): void {
  const line = shape.line as NonNullable<ShapeData['line']>;
  const corners = line.connectorType === 'Straight' ? [line.begin.point, line.end.point] : elbow(line.begin.point, line.end.point, line.begin.site, line.end.site);
  if (!shape.lineFormat.visible) return;
  el('polyline', {
    points: corners.map(at).map((p) => `${p.x},${p.y}`).join(' '), fill: 'none',
    stroke: shape.lineFormat.color, 'stroke-width': shape.lineFormat.weight * PX, 'data-name': shape.name,
  }, svg);
}

function drawBox(svg: SVGSVGElement, shape: ShapeData, at: (p: ShapePoint) => ShapePoint): void {
  const corner = at({ x: shape.left, y: shape.top });
  const g = el('g', { 'data-name': shape.name }, svg);
  const rx = shape.geometricShapeType === 'RoundRectangle' ? 8 : 0;
  el('rect', {
    x: corner.x, y: corner.y, width: shape.width * PX, height: shape.height * PX, rx,
    fill: shape.fill.type === 'NoFill' ? 'none' : shape.fill.color,
    stroke: shape.lineFormat.visible ? shape.lineFormat.color : 'none', 'stroke-width': shape.lineFormat.weight * PX,
  }, g);
  if (!shape.text) return;
  const frame = shape.textFrame;
  const box = el('foreignObject', { x: corner.x, y: corner.y, width: shape.width * PX, height: shape.height * PX, overflow: 'visible' }, g);
  const div = document.createElement('div');
  const justify = { Top: 'flex-start', Middle: 'center', Bottom: 'flex-end' }[frame.verticalAlignment] ?? 'flex-start';
  Object.assign(div.style, {
    boxSizing: 'border-box', width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: justify, overflow: 'visible',
    padding: `${frame.topMargin * PX}px ${frame.rightMargin * PX}px ${frame.bottomMargin * PX}px ${frame.leftMargin * PX}px`,
    fontFamily: `"${shape.font.name}", "Liberation Serif", serif`, fontSize: `${shape.font.size * PX}px`, lineHeight: '1.15',
    fontWeight: shape.font.bold ? 'bold' : 'normal', fontStyle: shape.font.italic ? 'italic' : 'normal', color: shape.font.color,
    textAlign: frame.horizontalAlignment.toLowerCase() === 'center' ? 'center' : frame.horizontalAlignment.toLowerCase() === 'right' ? 'right' : 'left',
    overflowWrap: 'break-word',
  });
  const span = document.createElement('span');
  span.textContent = shape.text;
  span.dataset.textOf = shape.name;
  div.appendChild(span);
  box.appendChild(div);
}

const panel: ShapesPanel = {
  render,
  executePlan: (plan) => {
    const w = window as unknown as PanelWindow;
    return executePlan({ run: (batch) => w.Excel.run(batch), isSetSupported: (name, version) => w.Office.context.requirements.isSetSupported(name, version) }, plan);
  },
};
// Installed in the page; taskpane.e2e.ts imports this module in Node for its types and panel id only.
if (typeof window !== 'undefined') (window as unknown as PanelWindow).__shapesPanel = panel;
