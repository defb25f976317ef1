import type { OrgChartPlan } from './plan';

/**
 * Where the boxes and connectors of an organisation chart go, in points from the chart's top-left
 * corner: pure, so that the executors (the Office one, the .xlsx writer) only have to draw what this
 * computes (and a test can check it without Excel).
 *
 * The shape of the tree:
 *  - a box's children stand in a row under it, the parent centred over them; each connector is an
 *    elbow from the parent's bottom centre to the child's top centre, its horizontal run halfway
 *    down the gap, so the runs of one parent make one bus line;
 *  - where the rows would make the chart wider than a landscape A4 page (`maxWidth`), a parent
 *    whose children are all leaves stacks them instead, as a "comb": a spine down from the parent's
 *    bottom centre with the boxes in two columns either side of it (or one column beside it), each
 *    connector an elbow from the parent's bottom centre into the side of the box facing the spine.
 *    That is the only grid in which every connector from the parent reaches its box without passing
 *    over another box: a box of a second row under a first would have its top covered;
 *  - the widest such row is stacked first, then the next, until the chart fits; if even all of them
 *    stacked do not, the text wraps narrower (150 pt, then less) and the boxes shrink with it.
 * All boxes share one width; the boxes of a row share one height, so that rows stay even.
 *
 * Text is Times New Roman 11 pt, measured with the font's own advance widths (Adobe's metrics of
 * Times, which Times New Roman shares) and a margin for Vietnamese marks and Excel's rounding.
 */

export interface Point {
  x: number;
  y: number;
}

export type BoxSide = 'top' | 'left' | 'bottom' | 'right';

export interface LaidOutBox {
  id: string;
  text: string;
  /** The text as this layout wraps it (Excel wraps it again by itself, within the same width). */
  lines: string[];
  isNew: boolean;
  /** The root and the boxes with children are set in bold, as the new units are. */
  bold: boolean;
  /** 0 for the root. */
  depth: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface LaidOutConnector {
  from: string;
  to: string;
  /** On the parent's bottom side, at its centre. */
  begin: Point;
  /** On the child's `endSide`, at its centre. */
  end: Point;
  beginSide: 'bottom';
  endSide: 'top' | 'left' | 'right';
  /** The elbow as drawn: begin, its corners, end (each segment horizontal or vertical). */
  path: Point[];
}

export interface OrgChartLayout {
  /** The text of the chart's boxes and title. */
  font: { name: string; size: number };
  /** Absent when the plan's title is blank. */
  title?: { text: string; lines: string[]; size: number; left: number; top: number; width: number; height: number };
  boxes: LaidOutBox[];
  connectors: LaidOutConnector[];
  width: number;
  height: number;
  /** False when even the narrowest layout is wider than `maxWidth` (the chart is drawn anyway). */
  fits: boolean;
}

export interface OrgChartLayoutOptions {
  /** Default 780 pt: the width of a landscape A4 page inside its margins. */
  maxWidth?: number;
}

/** Connection sites of a rectangle, as Excel numbers them (DrawingML's preset "rect": top, left, bottom, right). */
export const RECTANGLE_SITE: Record<BoxSide, number> = { top: 0, left: 1, bottom: 2, right: 3 };

/** How a box is drawn, by both executors: fill and outline colour ("#RRGGBB"), outline weight in points. */
export interface BoxStyle {
  fill: string;
  line: string;
  weight: number;
}

export const BOX_STYLE = {
  plain: { fill: '#FFFFFF', line: '#000000', weight: 0.75 },
  /** The root and the blocks: the same box, a heavier outline. */
  parent: { fill: '#FFFFFF', line: '#000000', weight: 1.25 },
  /** A unit of the new structure: shaded and outlined heavily, so that it shows in black-and-white print too. */
  isNew: { fill: '#FFF2CC', line: '#000000', weight: 2 },
} as const satisfies Record<string, BoxStyle>;

/** The connectors' weight in points (black). */
export const CONNECTOR_WEIGHT = 1;

export function boxStyle(box: Pick<LaidOutBox, 'isNew' | 'bold'>): BoxStyle {
  return box.isNew ? BOX_STYLE.isNew : box.bold ? BOX_STYLE.parent : BOX_STYLE.plain;
}

export const ORG_CHART_FONT = { name: 'Times New Roman', size: 11 } as const;
export const ORG_CHART_MAX_WIDTH = 780;

/** Widest text line before wrapping, tried in this order until the chart fits. */
const WRAP_WIDTHS = [150, 130, 115, 100, 90, 80];
const TITLE_SIZE = 13;
/** Points per line of 11 pt Times New Roman in a shape (Excel sets about 1.15 × the size), rounded up. */
const LINE_HEIGHT = 13.5;
const TITLE_LINE_HEIGHT = 16;
/** Inside margins of a box's text, which the executor sets on each shape. */
export const BOX_PADDING = { x: 5, y: 4 } as const;
/** Measured widths are widened by this much: marks above and below letters, ơ and ư, and Excel's own rounding. */
const MEASURE_MARGIN = 1.08;
/** Between a parent's bottom and its row of children; the bus runs halfway. */
const LEVEL_GAP = 24;
/** Between neighbouring boxes or subtrees of a row. */
const SIBLING_GAP = 12;
/** From a comb's spine to the side of its boxes. */
const COMB_STUB = 12;
/** Between a parent's bottom and the top of its comb's first boxes. */
const COMB_GAP = 12;
/** Between the rows of a comb. */
const COMB_ROW_GAP = 8;
const TITLE_GAP = 12;

// Advance widths of Times Roman and Times Bold (Adobe AFM, 1/1000 em) for the characters 32–126.
const TIMES_REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 333, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500,
  278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556,
  611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778,
  500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];
const TIMES_BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 333, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500,
  333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556,
  667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833,
  556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];

/** A character's advance width in 1/1000 em: Vietnamese letters as their base letter, others as a digit. */
function advance(ch: string, bold: boolean): number {
  const table = bold ? TIMES_BOLD : TIMES_REGULAR;
  const base = ch === 'đ' ? 'd' : ch === 'Đ' ? 'D' : ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  let total = 0;
  for (const c of base) {
    const code = c.charCodeAt(0);
    total += code >= 32 && code <= 126 ? table[code - 32] : 500;
  }
  return total;
}

/** The width of a line of text in points. */
export function textWidth(text: string, size: number = ORG_CHART_FONT.size, bold = false): number {
  let units = 0;
  for (const ch of text) units += advance(ch, bold);
  return (units / 1000) * size * MEASURE_MARGIN;
}

/** Greedy word wrap within `maxWidth` points; a word longer than the width stands on its own line. */
export function wrapText(text: string, maxWidth: number, size: number = ORG_CHART_FONT.size, bold = false): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, size, bold) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

type Mode = 'row' | 'comb2' | 'comb1';

interface Node {
  id: string;
  text: string;
  isNew: boolean;
  depth: number;
  children: Node[];
  bold: boolean;
  lines: string[];
  /** What its own text needs. */
  natural: number;
  /** In a row: the tallest of its parent's children, so that the row is even. */
  height: number;
}

/** A laid-out subtree, its coordinates relative to its own top-left corner. */
interface Subtree {
  width: number;
  height: number;
  /** The centre of the subtree's root box. */
  rootCenter: number;
  boxes: Array<{ node: Node; left: number; top: number; height: number }>;
  connectors: Array<{ from: string; to: string; endSide: LaidOutConnector['endSide']; path: Point[] }>;
}

const round = (n: number) => Math.round(n * 100) / 100;

function buildTree(plan: OrgChartPlan): Node {
  if (plan.boxes.length === 0) throw new Error('Sơ đồ tổ chức không có ô nào.');
  const byId = new Map<string, Node>();
  let root: Node | undefined;
  for (const box of plan.boxes) {
    if (byId.has(box.id)) throw new Error(`Sơ đồ tổ chức: ô "${box.id}" lặp lại.`);
    const parent = box.parent === undefined ? undefined : byId.get(box.parent);
    if (box.parent !== undefined && !parent) throw new Error(`Sơ đồ tổ chức: ô "${box.id}" có ô cấp trên "${box.parent}" không đứng trước nó.`);
    if (!parent && root) throw new Error(`Sơ đồ tổ chức: ô "${box.id}" không có ô cấp trên, mà chỉ ô đầu tiên là gốc.`);
    const node: Node = { id: box.id, text: box.text, isNew: !!box.isNew, depth: parent ? parent.depth + 1 : 0, children: [], bold: false, lines: [], natural: 0, height: 0 };
    byId.set(box.id, node);
    if (parent) parent.children.push(node);
    else root = node;
  }
  const all = [...byId.values()];
  for (const node of all) node.bold = node.depth === 0 || node.children.length > 0 || node.isNew;
  return root as Node;
}

function nodesOf(root: Node): Node[] {
  const out: Node[] = [];
  const visit = (n: Node) => {
    out.push(n);
    n.children.forEach(visit);
  };
  visit(root);
  return out;
}

/** Wraps every box's text and sets the heights: in a row, the children of one parent share the tallest. */
function measure(root: Node, wrapWidth: number): number {
  const nodes = nodesOf(root);
  let widest = 0;
  for (const node of nodes) {
    node.lines = wrapText(node.text, wrapWidth, ORG_CHART_FONT.size, node.bold);
    node.natural = node.lines.length * LINE_HEIGHT + 2 * BOX_PADDING.y;
    for (const line of node.lines) widest = Math.max(widest, textWidth(line, ORG_CHART_FONT.size, node.bold));
  }
  root.height = root.natural;
  for (const node of nodes) {
    const tallest = Math.max(0, ...node.children.map((c) => c.natural));
    for (const child of node.children) child.height = tallest;
  }
  return Math.ceil(widest) + 2 * BOX_PADDING.x;
}

function layoutSubtree(node: Node, boxWidth: number, modes: Map<string, Mode>): Subtree {
  const own = { node, left: 0, top: 0, height: node.height };
  if (node.children.length === 0) return { width: boxWidth, height: node.height, rootCenter: boxWidth / 2, boxes: [own], connectors: [] };
  const mode = modes.get(node.id) ?? 'row';
  return mode === 'row' ? layoutRow(node, boxWidth, modes) : layoutComb(node, boxWidth, mode === 'comb2' ? 2 : 1);
}

function layoutRow(node: Node, boxWidth: number, modes: Map<string, Mode>): Subtree {
  const subs = node.children.map((child) => layoutSubtree(child, boxWidth, modes));
  const rowTop = node.height + LEVEL_GAP;
  let x = 0;
  const offsets = subs.map((sub) => {
    const at = x;
    x += sub.width + SIBLING_GAP;
    return at;
  });
  const rowWidth = x - SIBLING_GAP;
  const centers = subs.map((sub, i) => offsets[i] + sub.rootCenter);
  const parentCenter = (centers[0] + centers[centers.length - 1]) / 2;
  // The parent may be wider than its row of children: everything moves right by what it overhangs.
  const shift = Math.max(0, boxWidth / 2 - parentCenter);
  const width = Math.max(rowWidth + shift, parentCenter + shift + boxWidth / 2);
  const boxes: Subtree['boxes'] = [{ node, left: parentCenter + shift - boxWidth / 2, top: 0, height: node.height }];
  const connectors: Subtree['connectors'] = [];
  const busY = node.height + LEVEL_GAP / 2;
  subs.forEach((sub, i) => {
    const dx = offsets[i] + shift;
    for (const b of sub.boxes) boxes.push({ ...b, left: b.left + dx, top: b.top + rowTop });
    for (const c of sub.connectors) connectors.push({ ...c, path: c.path.map((p) => ({ x: p.x + dx, y: p.y + rowTop })) });
    const cx = centers[i] + shift;
    const px = parentCenter + shift;
    connectors.push({
      from: node.id, to: node.children[i].id, endSide: 'top',
      path: px === cx ? [{ x: px, y: node.height }, { x: cx, y: rowTop }] : [{ x: px, y: node.height }, { x: px, y: busY }, { x: cx, y: busY }, { x: cx, y: rowTop }],
    });
  });
  const height = rowTop + Math.max(...subs.map((s) => s.height));
  return { width, height, rootCenter: parentCenter + shift, boxes, connectors };
}

/**
 * Leaves in one or two columns either side of a spine under the parent's centre (the children are
 * all leaves). Each row is as tall as its taller box, not as the tallest of all: the stack stays short.
 */
function layoutComb(node: Node, boxWidth: number, columns: 1 | 2): Subtree {
  const kids = node.children;
  const spine = columns === 2 ? boxWidth + COMB_STUB : boxWidth / 2;
  const perColumn = columns === 2 ? Math.ceil(kids.length / 2) : kids.length;
  // Read down the left column, then down the right one.
  const cellOf = (i: number) => (columns === 2 && i >= perColumn ? { row: i - perColumn, onLeft: false } : { row: i, onLeft: columns === 2 });
  const rowHeights = Array.from({ length: perColumn }, () => 0);
  kids.forEach((kid, i) => {
    const { row } = cellOf(i);
    rowHeights[row] = Math.max(rowHeights[row], kid.natural);
  });
  const rowTops: number[] = [];
  let y = node.height + COMB_GAP;
  for (const h of rowHeights) {
    rowTops.push(y);
    y += h + COMB_ROW_GAP;
  }
  const boxes: Subtree['boxes'] = [{ node, left: spine - boxWidth / 2, top: 0, height: node.height }];
  const connectors: Subtree['connectors'] = [];
  kids.forEach((kid, i) => {
    const { row, onLeft } = cellOf(i);
    const left = onLeft ? spine - COMB_STUB - boxWidth : spine + COMB_STUB;
    boxes.push({ node: kid, left, top: rowTops[row], height: rowHeights[row] });
    const mid = rowTops[row] + rowHeights[row] / 2;
    connectors.push({
      from: node.id, to: kid.id, endSide: onLeft ? 'right' : 'left',
      path: [{ x: spine, y: node.height }, { x: spine, y: mid }, { x: onLeft ? spine - COMB_STUB : spine + COMB_STUB, y: mid }],
    });
  });
  const width = columns === 2 ? 2 * (boxWidth + COMB_STUB) : spine + COMB_STUB + boxWidth;
  return { width, height: y - COMB_ROW_GAP, rootCenter: spine, boxes, connectors };
}

/** The parents whose children are all leaves, at least two of them: the rows that can be stacked. */
function stackable(root: Node): Node[] {
  return nodesOf(root).filter((n) => n.children.length >= 2 && n.children.every((c) => c.children.length === 0));
}

/** Stacks the widest stackable rows, one step at a time, until the tree fits or nothing narrows it further. */
function fitModes(root: Node, boxWidth: number, maxWidth: number): { modes: Map<string, Mode>; tree: Subtree } {
  const modes = new Map<string, Mode>();
  let tree = layoutSubtree(root, boxWidth, modes);
  const candidates = stackable(root);
  const next: Record<Mode, Mode[]> = { row: ['comb2', 'comb1'], comb2: ['comb1'], comb1: [] };
  while (tree.width > maxWidth) {
    let best: { node: Node; mode: Mode; width: number } | undefined;
    for (const node of candidates) {
      const current = modes.get(node.id) ?? 'row';
      const currentWidth = layoutSubtree(node, boxWidth, modes).width;
      // The next arrangement that is narrower than this one (two leaves side by side are narrower than a comb of two).
      const narrower = next[current].find((m) => layoutSubtree(node, boxWidth, new Map([...modes, [node.id, m]])).width < currentWidth);
      if (narrower && (!best || currentWidth > best.width)) best = { node, mode: narrower, width: currentWidth };
    }
    if (!best) break;
    modes.set(best.node.id, best.mode);
    tree = layoutSubtree(root, boxWidth, modes);
  }
  return { modes, tree };
}

export function layoutOrgChart(plan: OrgChartPlan, options: OrgChartLayoutOptions = {}): OrgChartLayout {
  const maxWidth = options.maxWidth ?? ORG_CHART_MAX_WIDTH;
  const root = buildTree(plan);
  let chosen: { tree: Subtree; boxWidth: number } | undefined;
  for (const wrap of WRAP_WIDTHS) {
    const boxWidth = measure(root, wrap);
    const { tree } = fitModes(root, boxWidth, maxWidth);
    chosen = { tree, boxWidth };
    if (tree.width <= maxWidth) break;
  }
  const { tree, boxWidth } = chosen as { tree: Subtree; boxWidth: number };

  const titleText = plan.title.trim();
  let title: OrgChartLayout['title'];
  let width = tree.width;
  let treeTop = 0;
  if (titleText) {
    const natural = textWidth(titleText, TITLE_SIZE, true) + 2 * BOX_PADDING.x;
    const titleWidth = Math.max(tree.width, Math.min(maxWidth, natural));
    const lines = wrapText(titleText, titleWidth - 2 * BOX_PADDING.x, TITLE_SIZE, true);
    const height = lines.length * TITLE_LINE_HEIGHT + 2 * BOX_PADDING.y;
    width = titleWidth;
    treeTop = height + TITLE_GAP;
    title = { text: titleText, lines, size: TITLE_SIZE, left: 0, top: 0, width: round(titleWidth), height: round(height) };
  }
  // A tree narrower than its title stands centred under it.
  const dx = (width - tree.width) / 2;
  const placed = new Map(tree.boxes.map((b) => [b.node.id, b]));
  const boxes: LaidOutBox[] = plan.boxes.map((box) => {
    const b = placed.get(box.id) as Subtree['boxes'][number];
    return {
      id: box.id, text: box.text, lines: b.node.lines, isNew: b.node.isNew, bold: b.node.bold, depth: b.node.depth,
      left: round(b.left + dx), top: round(b.top + treeTop), width: boxWidth, height: round(b.height),
    };
  });
  const order = new Map(plan.boxes.map((b, i) => [b.id, i]));
  const connectors: LaidOutConnector[] = tree.connectors
    .map((c) => {
      const path = c.path.map((p) => ({ x: round(p.x + dx), y: round(p.y + treeTop) }));
      return { from: c.from, to: c.to, begin: path[0], end: path[path.length - 1], beginSide: 'bottom' as const, endSide: c.endSide, path };
    })
    .sort((a, b) => (order.get(a.to) as number) - (order.get(b.to) as number));
  return {
    font: { ...ORG_CHART_FONT },
    ...(title ? { title } : {}),
    boxes, connectors,
    width: round(width), height: round(treeTop + tree.height),
    fits: width <= maxWidth,
  };
}
