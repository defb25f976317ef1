/**
 * The organisation chart of a fill plan drawn by the Office executor on the strict Excel fake: a
 * rectangle per box, an elbow connector per box below the root attached to both boxes, all queued
 * with the sheet's other writes; on an Excel before ExcelApi 1.9 a note instead.
 */
import { layoutOrgChart } from '../src/templates/orgChartLayout';
import type { OrgChartPlan } from '../src/templates/plan';
import { cellOrigin, widthInPoints } from '../src/templates/sheetGeometry';
import { executePlan, ORG_CHART_SKIPPED } from '../src/workbook/office/executePlan';
import { FakeWorkbook, type ShapeData } from './fakes/excelFake';
import { host } from './helpers/excelSample';
import { MONG_CAI_ORG_CHART, ORG_CHART_HEIGHTS as HEIGHTS, ORG_CHART_SHEET as SHEET, ORG_CHART_WIDTHS as WIDTHS, orgChartFillPlan } from './helpers/orgChartSample';

/** The chart's sheet: the indented table in its cells (as the merger report writes it), the chart beside it. */
const chartPlan = (chart: OrgChartPlan | undefined) => orgChartFillPlan(chart);

type Drawn = ShapeData & { sheet: string };

function rectanglesOverlap(a: Drawn, b: Drawn): boolean {
  return !(a.left + a.width <= b.left || b.left + b.width <= a.left || a.top + a.height <= b.top || b.top + b.height <= a.top);
}

describe('organisation chart drawn with shapes (ExcelApi 1.9)', () => {
  it('places the anchor cell from the plan\'s widths and heights, Excel\'s defaults elsewhere', () => {
    expect(cellOrigin({ columnWidths: [], rowHeights: [] }, 'A1')).toEqual({ left: 0, top: 0 });
    expect(cellOrigin({ columnWidths: [], rowHeights: [] }, 'C4')).toEqual({ left: 96, top: 45 });
    expect(cellOrigin({ columnWidths: WIDTHS, rowHeights: HEIGHTS }, 'F2')).toEqual({ left: Math.round(WIDTHS.reduce((n, w) => n + widthInPoints(w), 0) * 100) / 100, top: 30 });
    expect(cellOrigin({ columnWidths: [10, undefined], rowHeights: [undefined, 20] }, '$C$3')).toEqual({ left: widthInPoints(10) + 48, top: 35 });
    expect(() => cellOrigin({ columnWidths: [], rowHeights: [] }, 'Sheet1!A1')).toThrow(/neo/);
  });

  it('draws Móng Cái after the merger: a box per unit with its text, a connector per link attached to both boxes, the new units emphasised', async () => {
    const workbook = FakeWorkbook.fromGrids({ 'DS CBCCVC': [['Họ và tên']] });
    const result = await executePlan(host(workbook).host, chartPlan(MONG_CAI_ORG_CHART));
    expect(result.skipped).toEqual([]);
    const shapes = workbook.shapes;
    expect(shapes.every((s) => s.sheet === SHEET)).toBe(true);
    const boxes = shapes.filter((s) => s.type === 'GeometricShape' && s.geometricShapeType === 'Rectangle' && s.name.startsWith('Sơ đồ - ô'));
    const lines = shapes.filter((s) => s.type === 'Line');
    const title = shapes.find((s) => s.name === 'Sơ đồ - tiêu đề') as Drawn;
    expect(boxes).toHaveLength(MONG_CAI_ORG_CHART.boxes.length);
    expect(lines).toHaveLength(MONG_CAI_ORG_CHART.boxes.length - 1);
    expect(shapes).toHaveLength(boxes.length + lines.length + 1);
    expect(boxes.map((b) => b.text)).toEqual(MONG_CAI_ORG_CHART.boxes.map((b) => b.text));
    expect(title).toMatchObject({ text: MONG_CAI_ORG_CHART.title, fill: { type: 'NoFill' }, lineFormat: { visible: false }, font: { name: 'Times New Roman', bold: true, color: '#000000' } });

    // Where the layout put them, moved to the anchor cell F2, and no two boxes overlap.
    const origin = cellOrigin({ columnWidths: WIDTHS, rowHeights: HEIGHTS }, 'F2');
    const layout = layoutOrgChart(MONG_CAI_ORG_CHART);
    boxes.forEach((b, i) => {
      const planned = layout.boxes[i];
      expect([b.left, b.top, b.width, b.height]).toEqual([origin.left + planned.left, origin.top + planned.top, planned.width, planned.height]);
    });
    expect(Math.min(...shapes.map((s) => s.left))).toBeCloseTo(origin.left, 5);
    expect(Math.min(...shapes.map((s) => s.top))).toBeCloseTo(origin.top, 5);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect([boxes[i].name, boxes[j].name, rectanglesOverlap(boxes[i], boxes[j])]).toEqual([boxes[i].name, boxes[j].name, false]);
    expect(rectanglesOverlap(title, boxes[0])).toBe(false);

    // Each connector runs from its parent's bottom (site 2) to its child's top (0) or, stacked, the side facing the spine (1, 3).
    const boxOf = new Map(MONG_CAI_ORG_CHART.boxes.map((b, i) => [b.id, boxes[i]]));
    MONG_CAI_ORG_CHART.boxes.slice(1).forEach((planned, i) => {
      const line = lines[i].line as NonNullable<ShapeData['line']>;
      const parent = boxOf.get(planned.parent as string) as Drawn;
      const child = boxOf.get(planned.id) as Drawn;
      expect(lines[i].name).toBe(`Sơ đồ - nối ${planned.id}`);
      expect(line.connectorType).toBe('Elbow');
      expect([line.begin.shape, line.begin.site]).toEqual([parent.id, 2]);
      expect(line.end.shape).toBe(child.id);
      expect([0, 1, 3]).toContain(line.end.site);
      expect(line.begin.point).toEqual({ x: parent.left + parent.width / 2, y: parent.top + parent.height });
      const onSite = { 0: { x: child.left + child.width / 2, y: child.top }, 1: { x: child.left, y: child.top + child.height / 2 }, 3: { x: child.left + child.width, y: child.top + child.height / 2 } }[line.end.site as 0 | 1 | 3];
      expect(line.end.point).toEqual(onSite);
      // The connector was laid where its ends go: connecting it moved nothing.
      const planned2 = layout.connectors[i];
      expect(line.end.point.x).toBeCloseTo(origin.left + planned2.end.x, 5);
      expect(line.end.point.y).toBeCloseTo(origin.top + planned2.end.y, 5);
      expect(lines[i].lineFormat).toMatchObject({ color: '#000000', weight: 1 });
    });

    // Times New Roman 11 in black, centred; the new units shaded, outlined heavily and bold.
    for (const b of boxes) expect([b.font.name, b.font.size, b.font.color, b.textFrame.horizontalAlignment, b.textFrame.verticalAlignment]).toEqual(['Times New Roman', 11, '#000000', 'Center', 'Middle']);
    const isNew = MONG_CAI_ORG_CHART.boxes.map((b) => !!b.isNew);
    expect(boxes.filter((_, i) => isNew[i]).map((b) => [b.text, b.fill.color, b.lineFormat.weight, b.font.bold])).toEqual([
      ['Ban Tổ chức Thành ủy - Phòng Nội vụ', '#FFF2CC', 2, true],
      ['Ủy ban Kiểm tra Thành ủy - Thanh tra Thành phố', '#FFF2CC', 2, true],
      ['Cơ quan chuyên trách MTTQ và các đoàn thể thành phố', '#FFF2CC', 2, true],
    ]);
    expect(boxes.filter((_, i) => !isNew[i]).every((b) => b.fill.color === '#FFFFFF')).toBe(true);
    // The indented table is in the cells all the same, and the user's sheet has no shape.
    expect(workbook.sheet(SHEET).cell('B3').value).toBe('    Khối Đảng');
    expect(workbook.sheet('DS CBCCVC').shapes).toEqual([]);
  });

  it('queues the shapes with the sheet\'s other writes: the same syncs as the sheet without its chart', async () => {
    const withChart = host(new FakeWorkbook());
    const drawn = await executePlan(withChart.host, chartPlan(MONG_CAI_ORG_CHART));
    const without = host(new FakeWorkbook());
    const plain = await executePlan(without.host, chartPlan(undefined));
    expect(withChart.stats.syncs).toBe(without.stats.syncs);
    expect(drawn.syncs).toBe(plain.syncs);
    expect(withChart.stats.rejectedSyncs).toBe(0);
  });

  it('on an Excel before ExcelApi 1.9 writes the sheet with its indented table, draws nothing and says so, in the same syncs', async () => {
    const workbook = new FakeWorkbook();
    const old = host(workbook, { requirementSets: ['ExcelApi 1.8'] });
    const result = await executePlan(old.host, chartPlan(MONG_CAI_ORG_CHART));
    expect(result.sheets).toEqual([SHEET]);
    expect(result.skipped).toContain(ORG_CHART_SKIPPED);
    expect(ORG_CHART_SKIPPED).toBe('Sơ đồ tổ chức vẽ bằng hình (cần ExcelApi 1.9); trang có bảng sơ đồ dạng thụt lề');
    expect(workbook.sheet(SHEET).shapes).toEqual([]);
    expect(workbook.sheet(SHEET).cell('B4').value).toBe('    Văn phòng Thành ủy');
    const plain = host(new FakeWorkbook(), { requirementSets: ['ExcelApi 1.8'] });
    const without = await executePlan(plain.host, chartPlan(undefined));
    expect(old.stats.syncs).toBe(plain.stats.syncs);
    expect(without.skipped).not.toContain(ORG_CHART_SKIPPED);
  });

  it('replacing the generated sheet takes its shapes away with it', async () => {
    const workbook = FakeWorkbook.fromGrids({ 'DS CBCCVC': [['Họ và tên']] });
    await executePlan(host(workbook).host, chartPlan(MONG_CAI_ORG_CHART));
    const smaller: OrgChartPlan = { ...MONG_CAI_ORG_CHART, boxes: MONG_CAI_ORG_CHART.boxes.filter((b) => !b.id.startsWith('cq')) };
    await executePlan(host(workbook).host, chartPlan(smaller), { replace: true });
    expect(workbook.sheetNames.filter((n) => n.startsWith(SHEET))).toEqual([SHEET]);
    const boxes = workbook.shapes.filter((s) => s.type === 'GeometricShape' && s.name.startsWith('Sơ đồ - ô'));
    expect(boxes.map((b) => b.text)).toEqual(smaller.boxes.map((b) => b.text));
    expect(workbook.shapes.filter((s) => s.type === 'Line')).toHaveLength(smaller.boxes.length - 1);
  });
});
