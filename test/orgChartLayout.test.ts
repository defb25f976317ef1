import fc from 'fast-check';
import { BOX_PADDING, layoutOrgChart, textWidth, wrapText, type LaidOutBox, type OrgChartLayout, type Point } from '../src/templates/orgChartLayout';
import type { OrgChartPlan } from '../src/templates/plan';
import { MONG_CAI_ORG_CHART } from './helpers/orgChartSample';

const A4_LANDSCAPE = 780;

/** Boxes that overlap or touch with less than `gap` points between them. */
function overlaps(boxes: LaidOutBox[], gap = 0): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const apart = a.left + a.width + gap <= b.left || b.left + b.width + gap <= a.left || a.top + a.height + gap <= b.top || b.top + b.height + gap <= a.top;
      if (!apart) out.push([a.id, b.id]);
    }
  }
  return out;
}

const near = (a: number, b: number) => Math.abs(a - b) < 0.01;
const samePoint = (p: Point, q: Point) => near(p.x, q.x) && near(p.y, q.y);

/** Where a connector must meet a box: the centre of that side. */
function sidePoint(box: LaidOutBox, side: 'top' | 'bottom' | 'left' | 'right'): Point {
  if (side === 'top') return { x: box.left + box.width / 2, y: box.top };
  if (side === 'bottom') return { x: box.left + box.width / 2, y: box.top + box.height };
  if (side === 'left') return { x: box.left, y: box.top + box.height / 2 };
  return { x: box.left + box.width, y: box.top + box.height / 2 };
}

/** Does the segment pass through the inside of the box (not merely along or onto its edge)? */
function crosses(p: Point, q: Point, box: LaidOutBox): boolean {
  const inside = (x: number, y: number) => x > box.left + 0.01 && x < box.left + box.width - 0.01 && y > box.top + 0.01 && y < box.top + box.height - 0.01;
  for (let t = 0; t <= 1; t += 1 / 64) if (inside(p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t)) return true;
  return false;
}

/** Every structural promise of the layout, as a list of what is wrong (empty when all hold). */
function problems(plan: OrgChartPlan, layout: OrgChartLayout, maxWidth = A4_LANDSCAPE): string[] {
  const out: string[] = [];
  const byId = new Map(layout.boxes.map((b) => [b.id, b]));
  if (layout.boxes.map((b) => b.id).join() !== plan.boxes.map((b) => b.id).join()) out.push('boxes are not in the order of the plan');
  for (const [a, b] of overlaps(layout.boxes, 8)) out.push(`${a} and ${b} overlap or stand closer than 8 pt`);
  for (const box of layout.boxes) {
    if (box.left < 0 || box.top < 0 || box.left + box.width > layout.width + 0.01 || box.top + box.height > layout.height + 0.01) out.push(`${box.id} lies outside the chart`);
    if (layout.title && box.top < layout.title.top + layout.title.height) out.push(`${box.id} overlaps the title`);
  }
  for (const planned of plan.boxes) {
    if (planned.parent === undefined) continue;
    const child = byId.get(planned.id) as LaidOutBox;
    const parent = byId.get(planned.parent) as LaidOutBox;
    if (child.top < parent.top + parent.height + 8) out.push(`${child.id} is not below its parent ${parent.id}`);
  }
  const nonRoot = plan.boxes.filter((b) => b.parent !== undefined);
  if (layout.connectors.map((c) => c.to).join() !== nonRoot.map((b) => b.id).join()) out.push('not one connector per box below the root, in plan order');
  for (const c of layout.connectors) {
    const from = byId.get(c.from) as LaidOutBox;
    const to = byId.get(c.to) as LaidOutBox;
    if (plan.boxes.find((b) => b.id === c.to)?.parent !== c.from) out.push(`connector ${c.from}→${c.to} does not join a child to its parent`);
    if (!samePoint(c.begin, sidePoint(from, 'bottom'))) out.push(`connector to ${c.to} does not begin at the bottom centre of ${c.from}`);
    if (!samePoint(c.end, sidePoint(to, c.endSide))) out.push(`connector to ${c.to} does not end at the ${c.endSide} centre of its box`);
    if (!samePoint(c.path[0], c.begin) || !samePoint(c.path[c.path.length - 1], c.end)) out.push(`the path to ${c.to} does not run from begin to end`);
    for (let i = 1; i < c.path.length; i++) {
      const [p, q] = [c.path[i - 1], c.path[i]];
      if (!near(p.x, q.x) && !near(p.y, q.y)) out.push(`the path to ${c.to} has a slanted segment`);
      for (const box of layout.boxes) if (crosses(p, q, box)) out.push(`the path to ${c.to} crosses ${box.id}`);
    }
    // An elbow from a bottom leaves downwards and enters a top from above, a side from beside it.
    if (c.path[1].y < c.begin.y) out.push(`the path to ${c.to} leaves ${c.from} upwards`);
    if (c.endSide === 'top' && !(c.path[c.path.length - 2].y < c.end.y)) out.push(`the path to ${c.to} does not come down onto its top`);
  }
  if (layout.fits && layout.width > maxWidth) out.push(`the chart is ${layout.width} pt wide, more than ${maxWidth}`);
  return out;
}

function flat(children: number, text = (i: number) => `Đơn vị số ${i + 1} trực thuộc`): OrgChartPlan {
  return {
    title: 'Sơ đồ', anchor: 'A1',
    boxes: [{ id: 'root', text: 'Ủy ban nhân dân thành phố' }, ...Array.from({ length: children }, (_, i) => ({ id: `u${i}`, text: text(i), parent: 'root' }))],
  };
}

describe('text in the boxes (Times New Roman 11 pt)', () => {
  it('measures with the font\'s widths: capitals wider than small letters, bold wider, Vietnamese marks as their letters', () => {
    expect(textWidth('MMMM')).toBeGreaterThan(textWidth('iiii') * 3);
    expect(textWidth('Phòng Nội vụ', 11, true)).toBeGreaterThan(textWidth('Phòng Nội vụ'));
    expect(textWidth('Đường')).toBeCloseTo(textWidth('Duong'), 5);
    expect(textWidth('Ủy ban Kiểm tra')).toBeCloseTo(textWidth('Uy ban Kiem tra'), 5);
    // "Phòng Nội vụ" sets 5,556/1000 em wide: 61.1 pt at 11 pt; the measure errs on the wide side, by 8 %.
    expect(textWidth('Phòng Nội vụ')).toBeCloseTo(61.116 * 1.08, 2);
  });

  it('wraps at word boundaries within the width, keeping every word', () => {
    const text = 'Ủy ban Kiểm tra Thành ủy - Thanh tra Thành phố';
    const lines = wrapText(text, 100);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(100);
    expect(lines.join(' ')).toBe(text);
    expect(wrapText('Một', 10)).toEqual(['Một']);
    expect(wrapText('', 100)).toEqual(['']);
  });
});

describe('layout of the organisation chart', () => {
  it('lays out Móng Cái after the merger within a landscape A4 page: no overlaps, children below parents, connectors on the boxes', () => {
    const layout = layoutOrgChart(MONG_CAI_ORG_CHART);
    expect(problems(MONG_CAI_ORG_CHART, layout)).toEqual([]);
    expect(layout.fits).toBe(true);
    expect(layout.width).toBeLessThanOrEqual(A4_LANDSCAPE);
    expect(layout.title?.text).toBe('Sơ đồ tổ chức bộ máy sau sắp xếp');
    // The four blocks stand in one row under the root, which is centred over them.
    const box = (id: string) => layout.boxes.find((b) => b.id === id) as LaidOutBox;
    const blocks = ['dang', 'cq', 'mt', 'sn'].map(box);
    expect(new Set(blocks.map((b) => b.top)).size).toBe(1);
    const centre = (b: LaidOutBox) => b.left + b.width / 2;
    expect(centre(box('root'))).toBeCloseTo((centre(blocks[0]) + centre(blocks[3])) / 2, 5);
    // Boxes of a row share a height; every text fits its box at 13.5 pt a line.
    for (const b of layout.boxes) {
      expect(b.height).toBeGreaterThanOrEqual(b.lines.length * 13.5 + 2 * BOX_PADDING.y);
      for (const line of b.lines) expect(textWidth(line, 11, b.bold)).toBeLessThanOrEqual(b.width - 2 * BOX_PADDING.x);
    }
    expect(new Set(blocks.map((b) => b.height)).size).toBe(1);
    // A stacked column is as short as its texts allow: each box as tall as its own lines.
    expect(box('dang-1').height).toBeLessThan(box('dang-3').height);
    // New units, the root and the blocks are bold; the other units are not.
    expect(layout.boxes.filter((b) => b.bold).map((b) => b.id)).toEqual(['root', 'dang', 'dang-2', 'dang-3', 'cq', 'mt', 'mt-1', 'sn']);
    expect(layout.boxes.filter((b) => b.isNew).map((b) => b.id)).toEqual(['dang-2', 'dang-3', 'mt-1']);
  });

  it('keeps a small tree as rows: the children side by side, the parent centred, the connectors one bus', () => {
    const plan = flat(3);
    const layout = layoutOrgChart(plan);
    expect(problems(plan, layout)).toEqual([]);
    const [root, ...kids] = layout.boxes;
    expect(new Set(kids.map((k) => k.top)).size).toBe(1);
    expect(root.left + root.width / 2).toBeCloseTo((kids[0].left + kids[2].left + kids[2].width) / 2, 5);
    expect(layout.connectors.map((c) => c.endSide)).toEqual(['top', 'top', 'top']);
    // The horizontal runs lie on one line halfway between the root and its children.
    const runs = new Set(layout.connectors.filter((c) => c.path.length === 4).map((c) => c.path[1].y));
    expect([...runs]).toEqual([(root.top + root.height + kids[0].top) / 2]);
  });

  it('stacks 45 units under one root in a compact grid instead of a 7,000-pt row, and keeps to the page width', () => {
    const plan = flat(45);
    const layout = layoutOrgChart(plan);
    expect(problems(plan, layout)).toEqual([]);
    expect(layout.fits).toBe(true);
    expect(layout.width).toBeLessThanOrEqual(A4_LANDSCAPE);
    // Two columns either side of a spine under the root, read down the left then down the right.
    const kids = layout.boxes.slice(1);
    expect(new Set(kids.map((k) => k.left)).size).toBe(2);
    expect(kids.filter((k) => k.left === kids[0].left)).toHaveLength(23);
    expect(layout.connectors.slice(0, 23).every((c) => c.endSide === 'right')).toBe(true);
    expect(layout.connectors.slice(23).every((c) => c.endSide === 'left')).toBe(true);
    const spine = layout.boxes[0].left + layout.boxes[0].width / 2;
    expect(layout.connectors.every((c) => near(c.path[1].x, spine))).toBe(true);
    // Rows of two boxes of one height, each as tall as its texts need: one line here, so about 30 pt a row.
    const rows = new Map<number, LaidOutBox[]>();
    for (const k of kids) rows.set(k.top, [...(rows.get(k.top) ?? []), k]);
    expect(rows.size).toBe(23);
    expect([...rows.values()].every((row) => row.length <= 2 && new Set(row.map((b) => b.height)).size === 1)).toBe(true);
    expect(layout.height).toBeLessThan(23 * 30 + 80);
  });

  it('narrows the boxes when stacking alone does not fit, and says when nothing does', () => {
    // Eight blocks of three units each: stacked, eight combs of 150-pt boxes would still be too wide.
    const boxes: OrgChartPlan['boxes'] = [{ id: 'root', text: 'Tỉnh ủy' }];
    for (let b = 0; b < 5; b++) {
      boxes.push({ id: `b${b}`, text: `Khối số ${b + 1} của cơ quan tỉnh`, parent: 'root' });
      for (let u = 0; u < 3; u++) boxes.push({ id: `b${b}-${u}`, text: `Phòng chuyên môn số ${u + 1} của khối ${b + 1}`, parent: `b${b}` });
    }
    const plan: OrgChartPlan = { title: '', anchor: 'A1', boxes };
    const layout = layoutOrgChart(plan);
    expect(problems(plan, layout)).toEqual([]);
    expect(layout.fits).toBe(true);
    expect(layout.boxes[0].width).toBeLessThan(150);
    expect(layout.title).toBeUndefined();

    // Forty blocks of one unit each cannot be stacked (a block is not a leaf): drawn, but too wide.
    const wide: OrgChartPlan = { title: 'Sơ đồ', anchor: 'A1', boxes: [{ id: 'root', text: 'Gốc' }] };
    for (let b = 0; b < 40; b++) wide.boxes.push({ id: `b${b}`, text: `Khối ${b + 1}`, parent: 'root' }, { id: `u${b}`, text: `Đơn vị ${b + 1}`, parent: `b${b}` });
    const tooWide = layoutOrgChart(wide);
    expect(tooWide.fits).toBe(false);
    expect(tooWide.width).toBeGreaterThan(A4_LANDSCAPE);
    expect(problems(wide, tooWide)).toEqual([]);
  });

  it('is deterministic', () => {
    expect(layoutOrgChart(MONG_CAI_ORG_CHART)).toEqual(layoutOrgChart(structuredClone(MONG_CAI_ORG_CHART)));
    expect(JSON.stringify(layoutOrgChart(flat(45)))).toBe(JSON.stringify(layoutOrgChart(flat(45))));
  });

  it('refuses a plan whose boxes do not make one tree, root first', () => {
    const bad = (boxes: OrgChartPlan['boxes']) => () => layoutOrgChart({ title: '', anchor: 'A1', boxes });
    expect(bad([])).toThrow(/không có ô nào/);
    expect(bad([{ id: 'a', text: 'A' }, { id: 'b', text: 'B', parent: 'c' }, { id: 'c', text: 'C', parent: 'a' }])).toThrow(/không đứng trước/);
    expect(bad([{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }])).toThrow(/chỉ ô đầu tiên là gốc/);
    expect(bad([{ id: 'a', text: 'A' }, { id: 'a', text: 'B', parent: 'a' }])).toThrow(/lặp lại/);
  });

  it('holds its promises for any tree (property-based)', () => {
    const words = ['Phòng', 'Ban', 'Trung tâm', 'Văn phòng', 'Nội vụ', 'Kinh tế', 'và', 'Đào tạo', 'Thành ủy', 'Quản lý dự án đầu tư xây dựng', 'Y tế'];
    const tree = fc.array(fc.tuple(fc.nat(), fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 9 }), fc.boolean()), { minLength: 0, maxLength: 60 });
    fc.assert(
      fc.property(tree, (entries) => {
        const plan: OrgChartPlan = { title: 'Sơ đồ tổ chức', anchor: 'A1', boxes: [{ id: 'n0', text: 'Gốc' }] };
        entries.forEach(([parent, text, isNew], i) => plan.boxes.push({ id: `n${i + 1}`, text: text.join(' '), parent: `n${parent % (i + 1)}`, ...(isNew ? { isNew } : {}) }));
        const layout = layoutOrgChart(plan);
        expect(problems(plan, layout)).toEqual([]);
      }),
      { numRuns: 150, seed: 20251101 },
    );
  });
});
