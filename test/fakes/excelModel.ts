/**
 * The data behind the Excel fake: a workbook of sparse sheets. Proxies (excelFake.ts) change it only
 * inside context.sync(); tests inspect it directly through the helpers here.
 */
import { Rect, cellCount, columnIndex, contains, parseRange, rectAddress } from './a1';

export type CellValue = string | number | boolean;

export const BORDER_INDEXES = [
  'EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp',
] as const;
export type BorderIndexName = (typeof BORDER_INDEXES)[number];
/** Borders are stored per cell by the cell's own edges (Inside* borders are spread onto cell edges). */
export type CellEdge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'DiagonalDown' | 'DiagonalUp';

export interface BorderData {
  style: string;
  weight: string;
  color: string;
}

export interface FontData {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
  color: string;
  /** Excel.RangeUnderlineStyle other than "None"; absent = no underline (so an untouched cell stays default). */
  underline?: string;
}

export interface CellFormatData {
  font: FontData;
  /** '' = no fill (Excel reports white for an unfilled cell; the fake keeps "no fill" distinguishable). */
  fillColor: string;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  borders: Partial<Record<CellEdge, BorderData>>;
}

export interface CellData {
  /** For a formula cell this is the cached value: '' unless the formula is a bare constant ("=5", "=\"x\""). */
  value: CellValue;
  /** '' when the cell holds a constant. */
  formula: string;
  numberFormat: string;
  format: CellFormatData;
}

export interface PageLayoutData {
  orientation: string;
  paperSize: string;
  /** Margins in points, as Excel.PageLayout reports them. */
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerHorizontally: boolean;
  centerVertically: boolean;
  printGridlines: boolean;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** A1 range without the sheet name, or null. */
  printArea: string | null;
  printTitleRows: string | null;
  printTitleColumns: string | null;
  /** Excel.HeaderFooterState: "Default", "FirstAndDefault", "OddAndEven", "FirstOddAndEven". */
  headerFooterState: string;
  /** The centre headers of the default pages and of the first page (the other parts are not modelled). */
  defaultCenterHeader: string;
  firstPageCenterHeader: string;
  /** Manual page breaks: the rows (0-based) that start a page. */
  rowBreaks: number[];
}

/** A chart of a sheet (Excel.Chart), as the fake stores it. */
export interface ChartData {
  /** "Chart 1", "Chart 2"… per sheet, as Excel names them. */
  name: string;
  /** Excel.ChartType as given to ChartCollection.add ("ColumnClustered", "Pie", …). */
  type: string;
  /** The source data as "Sheet!A1:D4". */
  source: string;
  seriesBy: string;
  /** '' until set. */
  title: string;
  /** One entry per series; Excel names them "Series1", "Series2"… until set. */
  seriesNames: string[];
  /** The top-left cell given to setPosition ("H12"), null until then; `endCell` likewise. */
  anchor: string | null;
  endCell: string | null;
  /** Points; Excel's default chart is 360 × 216. */
  width: number;
  height: number;
}

export const DEFAULT_CHART_WIDTH = 360;
export const DEFAULT_CHART_HEIGHT = 216;

/** A point of a sheet's drawing layer, in points from the top-left corner of A1. */
export interface ShapePoint {
  x: number;
  y: number;
}

/** One end of a line: where it was put, and the shape and connection site it is attached to (Line.connectBeginShape…). */
export interface LineEndData {
  point: ShapePoint;
  /** The id of the shape the end is connected to, null when it is free. */
  shape: string | null;
  site: number | null;
}

/** A shape of a sheet (Excel.Shape, ExcelApi 1.9), as the fake stores it. */
export interface ShapeData {
  /** "1", "2"… per sheet, never reused. */
  id: string;
  /** "Rectangle 1", "Connector: Elbow 2", "TextBox 3" until set. */
  name: string;
  /** Excel.ShapeType: "GeometricShape" (a text box too) or "Line". */
  type: 'GeometricShape' | 'Line';
  /** Excel.GeometricShapeType ("Rectangle"…); null for a line. */
  geometricShapeType: string | null;
  /** Points; for a line its bounding box, computed from its ends (see lineGeometry). */
  left: number;
  top: number;
  width: number;
  height: number;
  altTextTitle: string;
  altTextDescription: string;
  text: string;
  font: { name: string; size: number; bold: boolean; italic: boolean; color: string };
  textFrame: {
    horizontalAlignment: string; verticalAlignment: string; autoSizeSetting: string;
    leftMargin: number; rightMargin: number; topMargin: number; bottomMargin: number;
  };
  /** type "NoFill" after ShapeFill.clear(); color '' then. */
  fill: { type: 'Solid' | 'NoFill'; color: string; transparency: number };
  lineFormat: { visible: boolean; color: string; weight: number; dashStyle: string };
  /** A line's ends and connector type; null for other shapes. */
  line: { connectorType: string; begin: LineEndData; end: LineEndData } | null;
}

/**
 * Connection sites of the geometric shapes the fake can connect lines to, as fractions of the
 * shape's box, in Excel's order (DrawingML's cxnLst of the preset: top, left, bottom, right).
 */
export const CONNECTION_SITES: Record<string, ShapePoint[]> = {
  Rectangle: [{ x: 0.5, y: 0 }, { x: 0, y: 0.5 }, { x: 0.5, y: 1 }, { x: 1, y: 0.5 }],
  RoundRectangle: [{ x: 0.5, y: 0 }, { x: 0, y: 0.5 }, { x: 0.5, y: 1 }, { x: 1, y: 0.5 }],
  FlowChartProcess: [{ x: 0.5, y: 0 }, { x: 0, y: 0.5 }, { x: 0.5, y: 1 }, { x: 1, y: 0.5 }],
  FlowChartAlternateProcess: [{ x: 0.5, y: 0 }, { x: 0, y: 0.5 }, { x: 0.5, y: 1 }, { x: 1, y: 0.5 }],
  Diamond: [{ x: 0.5, y: 0 }, { x: 0, y: 0.5 }, { x: 0.5, y: 1 }, { x: 1, y: 0.5 }],
};

/** Where a connection site of a shape is now. */
export function sitePoint(shape: ShapeData, site: number): ShapePoint {
  const at = (CONNECTION_SITES[shape.geometricShapeType ?? ''] ?? [])[site];
  if (!at) throw new Error(`${shape.name} has no connection site ${site}`);
  return { x: shape.left + at.x * shape.width, y: shape.top + at.y * shape.height };
}

/**
 * A line's ends as they are now: an end attached to a shape sits on that shape's connection site
 * (Excel moves it there when it is connected, and along when the shape moves); a free end where it
 * was put. Also its bounding box, which is what Shape.left/top/width/height of a line report.
 */
export function lineGeometry(shapes: readonly ShapeData[], line: ShapeData): { begin: ShapePoint; end: ShapePoint; left: number; top: number; width: number; height: number } {
  if (!line.line) throw new Error(`${line.name} is not a line`);
  const where = (end: LineEndData) => {
    const target = end.shape === null ? undefined : shapes.find((s) => s.id === end.shape);
    return target && end.site !== null ? sitePoint(target, end.site) : end.point;
  };
  const begin = where(line.line.begin);
  const end = where(line.line.end);
  return { begin, end, left: Math.min(begin.x, end.x), top: Math.min(begin.y, end.y), width: Math.abs(end.x - begin.x), height: Math.abs(end.y - begin.y) };
}

export const DEFAULT_COLUMN_WIDTH = 48; // points, Excel's 8.43 characters of Calibri 11
export const DEFAULT_ROW_HEIGHT = 15;

export function defaultFormat(): CellFormatData {
  return {
    font: { name: 'Calibri', size: 11, bold: false, italic: false, color: '#000000' },
    fillColor: '',
    horizontalAlignment: 'General',
    verticalAlignment: 'Bottom',
    wrapText: false,
    borders: {},
  };
}

function defaultCell(): CellData {
  return { value: '', formula: '', numberFormat: 'General', format: defaultFormat() };
}

function defaultPageLayout(): PageLayoutData {
  return {
    orientation: 'Portrait',
    paperSize: 'Letter',
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    centerHorizontally: false,
    centerVertically: false,
    printGridlines: false,
    zoom: { scale: 100 },
    printArea: null,
    printTitleRows: null,
    printTitleColumns: null,
    headerFooterState: 'Default',
    defaultCenterHeader: '',
    firstPageCenterHeader: '',
    rowBreaks: [],
  };
}

const clone = <T>(value: T): T => structuredClone(value);

/**
 * Writes a value the way Excel's Range.values setter does: "=…" becomes a formula unless the cell is
 * formatted as text ("@"); a leading apostrophe forces text and is not stored.
 */
export function writeValue(cell: CellData, value: CellValue): void {
  if (typeof value === 'string' && value.startsWith('=') && cell.numberFormat !== '@') {
    writeFormula(cell, value);
    return;
  }
  cell.formula = '';
  cell.value = typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value;
}

/** Stores a formula; the cached value is computed only for bare constants (the fake has no calc engine). */
export function writeFormula(cell: CellData, formula: CellValue): void {
  if (typeof formula !== 'string' || !formula.startsWith('=')) {
    writeValue(cell, formula);
    return;
  }
  cell.formula = formula;
  const body = formula.slice(1).trim();
  if (/^-?\d+(\.\d+)?$/.test(body)) cell.value = Number(body);
  else if (/^"([^"]|"")*"$/.test(body)) cell.value = body.slice(1, -1).replace(/""/g, '"');
  else cell.value = '';
}

export class FakeSheet {
  name: string;
  readonly id: string;
  visibility = 'Visible';
  tabColor = '';
  showGridlines = true;
  /** Sparse grid keyed by "row,col" (0-based). */
  readonly cells = new Map<string, CellData>();
  readonly mergedAreas: Rect[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  freeze = { rows: 0, columns: 0 };
  pageLayout: PageLayoutData = defaultPageLayout();
  /** Worksheet custom properties (ExcelApi 1.12). Keys are case-insensitive in Excel; stored as first written. */
  readonly customProperties = new Map<string, string>();
  /** Charts drawn on the sheet (Worksheet.charts, ExcelApi 1.1), in the order they were added. */
  readonly charts: ChartData[] = [];
  /** Shapes drawn on the sheet (Worksheet.shapes, ExcelApi 1.9), back to front (the order they were added). */
  readonly shapes: ShapeData[] = [];
  /** The id the next shape gets (ids are never reused within a sheet). */
  nextShapeId = 1;

  constructor(name: string, id: string) {
    this.name = name;
    this.id = id;
  }

  /** A copy of the cell at an A1 address (defaults for an untouched cell). */
  cell(address: string): CellData {
    const rect = parseRange(address);
    return clone(this.cellAt(rect.row, rect.col));
  }

  /** The stored cell or a fresh default (not stored). */
  cellAt(row: number, col: number): CellData {
    return this.cells.get(`${row},${col}`) ?? defaultCell();
  }

  /** The stored cell, created on first write. */
  mutableCell(row: number, col: number): CellData {
    const key = `${row},${col}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = defaultCell();
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Merged areas as A1 ranges, sorted top-to-bottom then left-to-right. */
  get merges(): string[] {
    return [...this.mergedAreas].sort((a, b) => a.row - b.row || a.col - b.col).map(rectAddress);
  }

  /** Column width in points; column as letters ("B") or 0-based index. */
  columnWidth(column: string | number): number {
    const col = typeof column === 'string' ? columnIndex(column) : column;
    return this.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }

  /** Row height in points; row is the 1-based Excel row number. */
  rowHeight(rowNumber: number): number {
    return this.rowHeights.get(rowNumber - 1) ?? DEFAULT_ROW_HEIGHT;
  }

  /** Values of a block (default: the used range) as a 2-D array, for assertions. */
  values(address?: string): CellValue[][] {
    const rect = address ? parseRange(address) : this.usedRect(true);
    if (!rect) return [];
    return this.map(rect, (cell) => cell.value);
  }

  /** Formulas of a block: the formula, or the constant value where there is none (as Range.formulas reads). */
  formulas(address: string): CellValue[][] {
    return this.map(parseRange(address), (cell) => cell.formula || cell.value);
  }

  map<T>(rect: Rect, read: (cell: CellData) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < rect.rowCount; r++) {
      const row: T[] = [];
      for (let c = 0; c < rect.colCount; c++) row.push(read(this.cellAt(rect.row + r, rect.col + c)));
      out.push(row);
    }
    return out;
  }

  /**
   * Bounding box of cells with content (valuesOnly) or with content or any non-default formatting.
   * Returns null for an empty sheet.
   */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    const blank = JSON.stringify(defaultCell());
    for (const [key, cell] of this.cells) {
      const used = valuesOnly ? cell.value !== '' || cell.formula !== '' : JSON.stringify(cell) !== blank;
      if (!used) continue;
      const [r, c] = key.split(',').map(Number);
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    if (bottom < 0) return null;
    return { row: top, col: left, rowCount: bottom - top + 1, colCount: right - left + 1 };
  }

  /** Visits every cell of a block, creating it; guarded so a whole-column format cannot allocate a million cells. */
  forEachCell(rect: Rect, visit: (cell: CellData, r: number, c: number) => void): void {
    if (cellCount(rect) > 2_000_000) throw new Error(`The fake does not store formats for ${rectAddress(rect)} (too many cells)`);
    for (let r = 0; r < rect.rowCount; r++) {
      for (let c = 0; c < rect.colCount; c++) visit(this.mutableCell(rect.row + r, rect.col + c), r, c);
    }
  }

  /** True if the block lies entirely inside one merged area. */
  isInsideMerge(rect: Rect): boolean {
    return this.mergedAreas.some((m) => contains(m, rect));
  }
}

/** A copy of a shape; for a line, with its ends and box where they are now. */
export function resolvedShape(shapes: readonly ShapeData[], shape: ShapeData): ShapeData {
  const copy = clone(shape);
  if (!copy.line) return copy;
  const { begin, end, left, top, width, height } = lineGeometry(shapes, shape);
  copy.line.begin.point = begin;
  copy.line.end.point = end;
  return Object.assign(copy, { left, top, width, height });
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  activeSheet: FakeSheet | undefined;
  /** What Range.select() selected last (undefined until then); selecting also activates its sheet. */
  selection: { sheet: FakeSheet; rect: Rect } | undefined;
  /** Workbook settings (Excel.SettingCollection, ExcelApi 1.4): values are stored as JSON, as Office does. */
  readonly settings = new Map<string, string>();
  /** Mirrors context.runtime.enableEvents. */
  enableEvents = true;
  calculationMode = 'Automatic';
  private nextId = 1;

  /** A workbook whose sheets hold the given grids from A1 (same "=" / "'" rules as Range.values). */
  static fromGrids(grids: Record<string, CellValue[][]>): FakeWorkbook {
    const workbook = new FakeWorkbook();
    for (const [name, grid] of Object.entries(grids)) {
      const sheet = workbook.addSheet(name);
      grid.forEach((row, r) => row.forEach((value, c) => {
        if (value !== '') writeValue(sheet.mutableCell(r, c), value);
      }));
    }
    return workbook;
  }

  /** Appends a sheet; throws on a duplicate name (the proxy layer turns that into ItemAlreadyExists). */
  addSheet(name?: string): FakeSheet {
    let sheetName = name;
    if (sheetName === undefined) {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Sheet${n}`)) n++;
      sheetName = `Sheet${n}`;
    }
    if (this.findSheet(sheetName)) throw new Error(`A sheet named "${sheetName}" already exists`);
    const sheet = new FakeSheet(sheetName, `{00000000-0001-0000-${String(this.nextId++).padStart(4, '0')}-000000000000}`);
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  /** Sheet by name (case-insensitive, like Excel) or id. */
  findSheet(nameOrId: string): FakeSheet | undefined {
    const key = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key || s.id.toLowerCase() === key);
  }

  /** Test helper: the sheet, or an Error naming the sheets that exist. */
  sheet(name: string): FakeSheet {
    const sheet = this.findSheet(name);
    if (!sheet) throw new Error(`No sheet "${name}" (sheets: ${this.sheetNames.join(', ')})`);
    return sheet;
  }

  /** Test helper: the selection as "Sheet!A1" (unquoted sheet name), undefined when nothing was selected. */
  get selectedAddress(): string | undefined {
    return this.selection && `${this.selection.sheet.name}!${rectAddress(this.selection.rect)}`;
  }

  get sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** Test helper: every chart of the workbook with its sheet's name (copies), sheet by sheet. */
  get charts(): Array<ChartData & { sheet: string }> {
    return this.sheets.flatMap((s) => s.charts.map((c) => ({ ...clone(c), sheet: s.name })));
  }

  /**
   * Test helper: every shape of the workbook with its sheet's name (copies), sheet by sheet; a line
   * with its ends and box as they are now (see lineGeometry).
   */
  get shapes(): Array<ShapeData & { sheet: string }> {
    return this.sheets.flatMap((s) => s.shapes.map((shape) => ({ ...resolvedShape(s.shapes, shape), sheet: s.name })));
  }

  /**
   * Test helper: everything the fake holds of the workbook (sheets in order with their cells, merges,
   * sizes, layout, charts and shapes; the active sheet, the selection, the settings and enableEvents)
   * as one JSON string, to compare before and after a run that must leave no trace.
   */
  snapshot(): string {
    return JSON.stringify({
      active: this.activeSheet?.name, selection: this.selectedAddress, events: this.enableEvents, settings: [...this.settings],
      sheets: this.sheets.map((s) => ({
        name: s.name, id: s.id, visibility: s.visibility, tabColor: s.tabColor, showGridlines: s.showGridlines, freeze: s.freeze, pageLayout: s.pageLayout,
        cells: [...s.cells], merged: s.mergedAreas, columnWidths: [...s.columnWidths], rowHeights: [...s.rowHeights], properties: [...s.customProperties],
        charts: s.charts, shapes: s.shapes,
      })),
    });
  }

  /** Test helper: a setting's value, parsed from its stored JSON (undefined when absent). */
  setting(key: string): unknown {
    const json = this.settings.get(key);
    return json === undefined ? undefined : JSON.parse(json);
  }

  // --- Events (co-authoring): see "Events" at the end of this file ---------------------------------
  /** Handlers registered through Worksheet.onChanged / WorksheetCollection.onAdded, and their dispatch. */
  readonly events: FakeEventHub = new FakeEventHub(this);

  /**
   * Test helper: another co-author writes values into a block of an existing sheet (same "=" / "'"
   * rules as Range.values); this user's handlers get onChanged with source 'Remote', asynchronously.
   */
  remoteEdit(sheetName: string, address: string, values: CellValue[][]): void {
    const sheet = this.sheet(sheetName);
    const rect = parseRange(address);
    if (values.length !== rect.rowCount || values.some((row) => row.length !== rect.colCount)) {
      throw new Error(`remoteEdit: the values do not match the size of ${rectAddress(rect)}`);
    }
    values.forEach((row, r) => row.forEach((value, c) => writeValue(sheet.mutableCell(rect.row + r, rect.col + c), value)));
    this.events.changed(sheet, rect, 'Remote');
  }

  /** Test helper: another co-author adds a sheet; this user's handlers get onAdded with source 'Remote'. */
  remoteAddSheet(name: string, visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible'): FakeSheet {
    const sheet = this.addSheet(name);
    sheet.visibility = visibility;
    this.events.added(sheet, 'Remote');
    return sheet;
  }
  // --- end of events ----------------------------------------------------------------------------------
}

// ---------------------------------------------------------------------------------------------------
// Events (co-authoring): Worksheet.onChanged and WorksheetCollection.onAdded (ExcelApi 1.7)
// ---------------------------------------------------------------------------------------------------

/** Excel.EventSource: 'Local' for changes made in this Excel (the fake's API), 'Remote' for another co-author's. */
export type FakeEventSource = 'Local' | 'Remote';

/** The members of Excel.WorksheetChangedEventArgs the fake gives (no details, no getRange). */
export interface FakeWorksheetChangedEventArgs {
  type: 'WorksheetChanged';
  changeType: 'RangeEdited';
  source: FakeEventSource;
  worksheetId: string;
  /** The changed block without the sheet name, as Excel gives it ("F1:G3"). */
  address: string;
}

/** Excel.WorksheetAddedEventArgs. */
export interface FakeWorksheetAddedEventArgs {
  type: 'WorksheetAdded';
  source: FakeEventSource;
  worksheetId: string;
}

export type FakeEventArgs = FakeWorksheetChangedEventArgs | FakeWorksheetAddedEventArgs;

/** One registered handler: onChanged of one sheet (by id, as Excel keys events) or onAdded of the workbook. */
export interface FakeEventRegistration {
  event: 'changed' | 'added';
  worksheetId?: string;
  handler: (args: never) => unknown;
}

/**
 * The workbook's event registrations. A change applied by a sync (source 'Local') or by a test's
 * remoteEdit/remoteAddSheet ('Remote') is dispatched to the handlers registered at that moment, each
 * in its own macrotask (setTimeout 0) after the change: never inside the sync that made it. A handler
 * removed before its turn is not called. Nothing is dispatched while enableEvents is false.
 */
export class FakeEventHub {
  private readonly registrations: FakeEventRegistration[] = [];
  /** Every event dispatched to at least one handler, in order (for assertions). */
  readonly fired: FakeEventArgs[] = [];
  /** What handlers threw or rejected with: Office.js only logs these, the fake keeps them for tests. */
  readonly errors: unknown[] = [];

  constructor(private readonly workbook: FakeWorkbook) {}

  /** How many handlers are registered (optionally for one event). */
  count(event?: FakeEventRegistration['event']): number {
    return this.registrations.filter((r) => event === undefined || r.event === event).length;
  }

  register(registration: FakeEventRegistration): FakeEventRegistration {
    this.registrations.push(registration);
    return registration;
  }

  unregister(match: (registration: FakeEventRegistration) => boolean): void {
    for (let i = this.registrations.length - 1; i >= 0; i--) if (match(this.registrations[i])) this.registrations.splice(i, 1);
  }

  changed(sheet: FakeSheet, rect: Rect, source: FakeEventSource): void {
    const args: FakeWorksheetChangedEventArgs = { type: 'WorksheetChanged', changeType: 'RangeEdited', source, worksheetId: sheet.id, address: rectAddress(rect) };
    this.dispatch(args, (r) => r.event === 'changed' && r.worksheetId === sheet.id);
  }

  added(sheet: FakeSheet, source: FakeEventSource): void {
    this.dispatch({ type: 'WorksheetAdded', source, worksheetId: sheet.id }, (r) => r.event === 'added');
  }

  private dispatch(args: FakeEventArgs, wants: (registration: FakeEventRegistration) => boolean): void {
    if (!this.workbook.enableEvents) return;
    const targets = this.registrations.filter(wants);
    if (targets.length === 0) return;
    this.fired.push(args);
    for (const registration of targets) {
      setTimeout(() => {
        if (!this.registrations.includes(registration)) return;
        try {
          const result = (registration.handler as (a: FakeEventArgs) => unknown)(structuredClone(args));
          if (result instanceof Promise) result.catch((error: unknown) => void this.errors.push(error));
        } catch (error) {
          this.errors.push(error);
        }
      }, 0);
    }
  }
}

