/**
 * The streaming .xlsx writer draws what the Office executor draws: the party report's charts and the
 * merger report's organisation chart, as DrawingML parts wired into the package, well-formed, opened
 * by openpyxl, and drawn by LibreOffice.
 */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { generate, type GenerateOptions } from '../src/app/generate';
import { columnLetter, parseA1Range } from '../src/domain/a1';
import { SAMPLE_WORKBOOK } from '../src/cli/main';
import { ingestWorkbook } from '../src/ingest/ingestWorkbook';
import { reports } from '../src/reports';
import { layoutOrgChart, RECTANGLE_SITE, type Point } from '../src/templates/orgChartLayout';
import type { FillPlan, SheetPlan } from '../src/templates/plan';
import { elbowOf, type Elbow } from '../src/workbook/xlsx/drawingXml';
import { readXlsxBook } from '../src/workbook/xlsx/readXlsx';
import { FILE_CAPABILITIES, writePlanFile } from '../src/workbook/xlsx/writePlanFile';
import { ZipEntries } from '../src/workbook/xlsx/zipEntries';
import { needLibreOffice, renderPage, renderPdf } from './helpers/libreoffice';

const run = promisify(execFile);
const decoder = new TextDecoder();

/** The parts of a written package by name, as text. */
async function partsOf(file: string): Promise<Map<string, string>> {
  const zip = new ZipEntries(await fs.readFile(file));
  return new Map(zip.names().map((n) => [n, decoder.decode(zip.read(n))]));
}

/** Relationships of a part: id → [type's last word, target]. */
function relsOf(xml: string | undefined): Map<string, [string, string]> {
  return new Map([...(xml ?? '').matchAll(/<Relationship Id="([^"]+)" Type="[^"]*\/([^"/]+)" Target="([^"]+)"\/>/g)].map((m) => [m[1], [m[2], m[3]]]));
}

/** "xl/worksheets/sheet1.xml" + "../drawings/drawing1.xml" → "xl/drawings/drawing1.xml". */
const resolve = (from: string, target: string) => path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
const relsPart = (part: string) => `${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`;

/** The drawing part of the workbook's sheet named so, followed from workbook.xml through the rels. */
function drawingOf(parts: Map<string, string>, sheetName: string): { sheet: string; drawing: string } {
  const workbook = parts.get('xl/workbook.xml') as string;
  const id = new RegExp(`<sheet name="${sheetName}" sheetId="\\d+" r:id="(rId\\d+)"/>`).exec(workbook)?.[1] as string;
  const sheet = resolve('xl/workbook.xml', (relsOf(parts.get('xl/_rels/workbook.xml.rels')).get(id) as [string, string])[1]);
  const drawingRel = /<drawing r:id="([^"]+)"\/><\/worksheet>$/.exec(parts.get(sheet) as string)?.[1];
  expect(drawingRel).toBeDefined();
  const [type, target] = relsOf(parts.get(relsPart(sheet))).get(drawingRel as string) as [string, string];
  expect(type).toBe('drawing');
  return { sheet, drawing: resolve(sheet, target) };
}

function contentTypeOf(parts: Map<string, string>, part: string): string | undefined {
  return new RegExp(`<Override PartName="/${part}" ContentType="([^"]+)"/>`).exec(parts.get('[Content_Types].xml') as string)?.[1];
}

function planOf(kind: 'partyQuarterly' | 'merger', book: Parameters<typeof ingestWorkbook>[0], org: GenerateOptions['org']): FillPlan {
  const definition = reports.get(kind)!;
  return generate(kind, [{ file: 'mong-cai.xlsx', book: ingestWorkbook(book) }], { ...definition.demo, generatedAt: '2026-03-05T02:00:00Z' }, { ...(org ? { org } : {}), capabilities: FILE_CAPABILITIES }).plan!;
}

/**
 * The path a preset elbow draws, worked out here from DrawingML's definitions (presetShapeDefinitions:
 * bentConnector3 l,t → x1,t → x1,b → r,b; bentConnector4 l,t → x1,t → x1,y2 → r,y2 → r,b; flipH
 * mirrors x), its corners of no length dropped: what Excel draws for the connector as stored.
 */
function presetPath(elbow: Elbow): Point[] {
  const { left, top, width: w, height: h } = elbow.box;
  const x1 = (w * elbow.adj.adj1) / 100_000;
  const local = elbow.preset === 'bentConnector3'
    ? [[0, 0], [x1, 0], [x1, h], [w, h]]
    : [[0, 0], [x1, 0], [x1, (h * (elbow.adj.adj2 as number)) / 100_000], [w, (h * (elbow.adj.adj2 as number)) / 100_000], [w, h]];
  const points = local.map(([x, y]) => ({ x: left + (elbow.flipH ? w - x : x), y: top + y }));
  return points.filter((p, i) => i === 0 || Math.hypot(p.x - points[i - 1].x, p.y - points[i - 1].y) > 1e-9);
}

describe('xlsx writer: charts and organisation chart as DrawingML', () => {
  let dir: string;
  let party: FillPlan;
  let merger: FillPlan;
  let partyParts: Map<string, string>;
  let mergerParts: Map<string, string>;
  const partyFile = () => path.join(dir, 'party.xlsx');
  const mergerFile = () => path.join(dir, 'merger.xlsx');
  const chartSheet = (plan: FillPlan) => plan.sheets.find((s) => s.charts?.length) as SheetPlan;
  const orgSheet = (plan: FillPlan) => plan.sheets.find((s) => s.orgChart) as SheetPlan;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tochuc-drawing-'));
    const read = await readXlsxBook(SAMPLE_WORKBOOK);
    party = planOf('partyQuarterly', read.grids, read.settings.org);
    merger = planOf('merger', read.grids, read.settings.org);
    await writePlanFile(partyFile(), party);
    await writePlanFile(mergerFile(), merger);
    partyParts = await partsOf(partyFile());
    mergerParts = await partsOf(mergerFile());
  });

  it('every part is well-formed XML', () => {
    for (const parts of [partyParts, mergerParts]) {
      for (const [name, xml] of parts) expect([name, XMLValidator.validate(xml)]).toEqual([name, true]);
    }
  });

  it("writes the party sheet's two charts, wired from the sheet through its drawing, their values cached from the cells", () => {
    const sheet = chartSheet(party);
    expect(sheet.charts?.map((c) => c.type)).toEqual(['columnClustered', 'pie']);
    const { drawing } = drawingOf(partyParts, sheet.name);
    expect(contentTypeOf(partyParts, drawing)).toBe('application/vnd.openxmlformats-officedocument.drawing+xml');
    const drawingXml = partyParts.get(drawing) as string;
    const frames = [...drawingXml.matchAll(/<c:chart [^>]*r:id="([^"]+)"\/>/g)].map((m) => m[1]);
    expect(frames).toHaveLength(2);
    const rels = relsOf(partyParts.get(relsPart(drawing)));
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
    sheet.charts!.forEach((planned, i) => {
      const [type, target] = rels.get(frames[i]) as [string, string];
      expect(type).toBe('chart');
      const part = resolve(drawing, target);
      expect(contentTypeOf(partyParts, part)).toBe('application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
      const chart = parser.parse(partyParts.get(part) as string)['c:chartSpace']['c:chart'];
      expect(chart['c:title']['c:tx']['c:rich']['a:p']['a:r']['a:t']).toBe(planned.title);
      expect(chart['c:legend']['c:legendPos'].val).toBe('b');
      const plot = planned.type === 'pie' ? chart['c:plotArea']['c:pieChart'] : chart['c:plotArea']['c:barChart'];
      if (planned.type === 'columnClustered') expect([plot['c:barDir'].val, plot['c:grouping'].val]).toEqual(['col', 'clustered']);
      const series = [plot['c:ser']].flat();
      expect(series.map((s) => s['c:tx']['c:v'])).toEqual(planned.seriesNames);
      // Categories from the range's first column, one series per further column, the cells' values in the caches.
      const { top, bottom, left } = parseA1Range(planned.dataRange)!;
      const cells = (col: number) => sheet.rows.slice(top, bottom + 1).map((row) => row[col]?.value);
      series.forEach((s, k) => {
        const cache = (points: unknown) => [points].flat().map((p) => (p as { 'c:v': unknown })['c:v']);
        expect(cache(s['c:cat']['c:strRef']['c:strCache']['c:pt'])).toEqual(cells(left));
        expect(cache(s['c:val']['c:numRef']['c:numCache']['c:pt'])).toEqual(cells(left + 1 + k));
        const column = columnLetter(left + 1 + k);
        expect(s['c:val']['c:numRef']['c:f']).toBe(`'${sheet.name}'!$${column}$${top + 1}:$${column}$${bottom + 1}`);
      });
    });
    // Sheets that draw nothing have no drawing.
    const undrawn = party.sheets.filter((s) => !s.charts && !s.orgChart).length;
    expect(undrawn).toBeGreaterThan(0);
    expect([...partyParts.keys()].filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))).toHaveLength(1);
  });

  it('draws the organisation chart: a rectangle per box, an attached connector per link, its path where the layout puts it', () => {
    const sheet = orgSheet(merger);
    const layout = layoutOrgChart(sheet.orgChart!);
    const { drawing } = drawingOf(mergerParts, sheet.name);
    expect(mergerParts.has(relsPart(drawing))).toBe(false);
    const xml = mergerParts.get(drawing) as string;
    const boxes = [...xml.matchAll(/<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="(\d+)" name="Sơ đồ - ô ([^"]+)"\/>.*?<a:prstGeom prst="rect">.*?<\/xdr:sp>/g)];
    expect(boxes.map((m) => m[2])).toEqual(layout.boxes.map((b) => b.id));
    expect((xml.match(/<xdr:cxnSp /g) ?? []).length).toBe(layout.connectors.length);
    // Text, font and emphasis as the Office executor's drawBox sets them.
    layout.boxes.forEach((box, i) => {
      const sp = boxes[i][0];
      expect(sp).toContain(`<a:t>${box.text}</a:t>`);
      expect(sp).toContain('<a:latin typeface="Times New Roman"/>');
      expect(sp).toContain(` b="${box.bold ? 1 : 0}"`);
      expect(sp.includes('<a:srgbClr val="FFF2CC"/>')).toBe(box.isNew);
    });
    expect(layout.boxes.some((b) => b.isNew)).toBe(true);
    const idOf = new Map(boxes.map((m) => [m[2], m[1]]));
    const connectors = [...xml.matchAll(/<mc:Choice [^>]*Requires="x14">(.*?)<\/mc:Choice><mc:Fallback>(.*?)<\/mc:Fallback>/g)];
    expect(connectors).toHaveLength(layout.connectors.length);
    layout.connectors.forEach((c, i) => {
      const [, choice, fallback] = connectors[i];
      const cxn = /<a:stCxn id="(\d+)" idx="(\d)"\/><a:endCxn id="(\d+)" idx="(\d)"\/>/.exec(choice)!;
      expect(cxn.slice(1).map(Number)).toEqual([idOf.get(c.from), RECTANGLE_SITE[c.beginSide], idOf.get(c.to), RECTANGLE_SITE[c.endSide]].map(Number));
      // The stand-in for other readers is the same path, unattached.
      expect(fallback).toContain('<a:custGeom>');
      expect(fallback).not.toContain('Cxn');
      expect((fallback.match(/<a:(moveTo|lnTo)>/g) ?? []).length).toBe(c.path.length);
    });
    // Shape ids are unique in the drawing.
    const ids = [...xml.matchAll(/<xdr:cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length - layout.connectors.length);
  });

  it("each connector's preset, flip and adjust values draw the layout's path", () => {
    const layout = layoutOrgChart(orgSheet(merger).orgChart!);
    const kinds = new Set<string>();
    for (const c of layout.connectors) {
      const elbow = elbowOf(c.path);
      kinds.add(`${elbow.preset}${elbow.flipH ? ' flipH' : ''}`);
      const drawn = presetPath(elbow);
      expect(drawn).toHaveLength(c.path.length);
      drawn.forEach((p, i) => {
        expect(p.x).toBeCloseTo(c.path[i].x, 2);
        expect(p.y).toBeCloseTo(c.path[i].y, 2);
      });
    }
    // The sample's chart has every kind: runs left and right, stacked boxes, straight down.
    expect([...kinds].sort()).toEqual(['bentConnector3', 'bentConnector4', 'bentConnector4 flipH']);
  });

  it('openpyxl opens both workbooks and reads the charts back', async () => {
    const script = 'import sys, openpyxl\nfor f in sys.argv[1:]:\n    wb = openpyxl.load_workbook(f)\n    print(len(wb.sheetnames), sum(len(ws._charts) for ws in wb.worksheets))';
    const { stdout } = await run('/usr/bin/python3', ['-c', script, partyFile(), mergerFile()]);
    expect(stdout.trim().split('\n')).toEqual([`${party.sheets.length + 1} 2`, `${merger.sheets.length + 1} 0`]);
  });

  it('LibreOffice draws the charts and the boxes', async () => {
    if (!(await needLibreOffice())) return;
    // The drawn sheets alone, printed whole (the drawings stand beside the print area), the chart
    // sheet's cells emptied: the boxes' texts in the PDF can only come from the shapes.
    const whole = (s: SheetPlan): SheetPlan => ({ ...s, page: s.page ? { ...s.page, printArea: undefined, fitToWidth: true, orientation: 'landscape' } : undefined });
    const chartsOnly = whole(chartSheet(party));
    const boxesOnly = { ...whole(orgSheet(merger)), rows: [], merges: [] };
    const file = path.join(dir, 'drawn.xlsx');
    await writePlanFile(file, { sheets: [chartsOnly, boxesOnly], issues: [] });
    const pdf = await renderPdf(file, path.join(dir, 'pdf'));
    const { stdout } = await run('pdftotext', ['-raw', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
    // pdftotext gives the letters with Vietnamese marks of the substituted font apart, at the end of
    // their line: the texts are compared on their other characters, in order.
    const plain = (s: string) => s.normalize('NFC').replace(/[^\x21-\x7e]/g, '');
    const text = plain(stdout);
    for (const chart of chartsOnly.charts!) {
      expect(chartsOnly.rows.flat().some((c) => c?.value === chart.title)).toBe(false);
      expect(text).toContain(plain(chart.title));
    }
    const boxes = layoutOrgChart(boxesOnly.orgChart!).boxes;
    for (const box of boxes) expect([box.text, text.includes(plain(box.text))]).toEqual([box.text, true]);
    const pages = stdout.split('\f').length - 1;
    await fs.mkdir('test-output', { recursive: true });
    for (let p = 1; p <= pages; p++) await renderPage(pdf, p, path.resolve('test-output', `drawing-p${p}.png`));
  }, 180_000);
});
