/**
 * A strict in-memory fake of the slice of the Excel JavaScript API a report writer uses.
 *
 * Why strict: the real API is a batch protocol. Proxies queue writes and method calls; nothing reaches
 * the workbook until context.sync(), and a property can be read only after load() + sync(). Code that
 * "works" against a lenient mock can still fail on real Excel, so this fake enforces the same rules:
 *  - reading a property that was not loaded and synced throws PropertyNotLoaded (synchronously);
 *  - writes and method calls are queued and applied, in order, at the next sync();
 *  - errors of queued operations (ItemNotFound, ItemAlreadyExists, InvalidArgument…) reject that sync;
 *  - a sync whose payload is larger than maxRequestBytes rejects with RequestPayloadSizeLimitExceeded
 *    and applies nothing; loading more than 5,000,000 cells, or values weighing more than
 *    maxResponseBytes in one sync, rejects with ResponsePayloadSizeLimitExceeded;
 *  - APIs outside the configured requirement sets throw ApiNotFound.
 *
 * Class and member names mirror @types/office-js (namespace Excel) so the same code runs on both; the
 * boundary casts the fake context to Excel.RequestContext. Known simplifications are listed in
 * FAKE_LIMITATIONS below and in the doc comments of each class.
 */
import { MAX_COLUMNS, MAX_ROWS, Rect, cellCount, contains, intersects, isInsideGrid, qualifiedAddress, rectAddress, tryParseRange } from './a1';
import {
  BORDER_INDEXES, BorderData, BorderIndexName, CellData, CellEdge, CellValue, ChartData, CONNECTION_SITES, DEFAULT_CHART_HEIGHT, DEFAULT_CHART_WIDTH, DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT,
  FakeSheet, FakeWorkbook, LineEndData, PageLayoutData, ShapeData, lineGeometry, sitePoint, writeFormula, writeValue,
} from './excelModel';
import type { FakeEventRegistration, FakeWorksheetAddedEventArgs, FakeWorksheetChangedEventArgs } from './excelModel'; // events (co-authoring)

export * from './excelModel';

/** Documented gaps, so a failing executor test can be told apart from a missing fake feature. */
export const FAKE_LIMITATIONS = [
  'No calculation engine: a formula cell reads back its cached value, which is "" unless the formula is a bare constant ("=5", "=\\"x\\"").',
  'Range.text is String(value); number formats are stored, never rendered.',
  'Operations on a null object (…OrNullObject that found nothing) reject the sync with ItemNotFound.',
  'RangeBorderCollection supports getItem() only (no items/count); setting weight or color on a "None" border makes it "Continuous".',
  'Excel.run flushes operations still queued when the batch resolves (counted as a sync), as Office.js does.',
  'Response bytes are the JSON length of the loaded values (UTF-16 code units), not Office\'s wire format; a response over the limit leaves the sync\'s writes applied but its loads unread.',
  'RangeAreas (from Range.getMergedAreasOrNullObject) has address, areaCount and cellCount only; no areas collection.',
  // Cell properties and print setup read back (templates):
  'Range.getCellProperties answers address and format (font name/size/bold/italic/underline/color, fill color/pattern, alignments, wrapText, borders top/bottom/left/right/diagonals); other members are InvalidArgument.',
  'PageLayout print area and print title rows are one rectangle each; their addresses carry no "$".',
  // Events (co-authoring):
  'Events: only Worksheet.onChanged (changeType "RangeEdited", no details/getRange) and WorksheetCollection.onAdded. Local onChanged comes from writes of Range.values/formulas and Range.clear (All, Contents), one event per operation with the range\'s address; formats, merge and other edits fire nothing. Remote events come only from FakeWorkbook.remoteEdit/remoteAddSheet.',
  // Charts:
  'Charts (Worksheet.charts, ExcelApi 1.1): add, getItem, getItemAt, items; Chart name/width/height, title.text, setPosition, delete; series getItemAt/items and name, series.add (ExcelApi 1.7). Nothing is rendered. The series are counted when the chart is added: one per column (seriesBy Columns, or Auto with at least as many rows as columns) or row, less the first when it holds text (the categories); later edits of the data do not change them.',
  // Shapes:
  'Shapes (Worksheet.shapes, ExcelApi 1.9): addGeometricShape (the types in GEOMETRIC_SHAPE_TYPES), addLine, addTextBox, getItem (id or name), getItemAt, getCount, items; Shape id/name/type/geometricShapeType/left/top/width/height/altTextTitle/altTextDescription/connectionSiteCount/zOrderPosition, delete; fill (foregroundColor, transparency, type, setSolidColor, clear), lineFormat (color, weight, visible, dashStyle), textFrame (alignments, autoSizeSetting, margins, hasText, deleteText) with textRange.text and textRange.font (name, size, bold, italic, color); Line connectorType, connectBeginShape/connectEndShape/disconnect…, isBeginConnected/isEndConnected, beginConnectedSite/endConnectedSite. Nothing is rendered and text is never measured. A new shape looks as the fake assumes Office\'s default theme makes it (blue fill #4472C4, outline #2F528F, white Calibri 11 at the top left; lines #4472C4, 0.75 pt); a text box white with a thin black outline. Positions and sizes must be finite and not negative. A line is placed by its ends only (its left/top/width/height are read-only here); a connected end sits on the connection site of its shape, whose sites the fake knows for the rectangle-like types only (CONNECTION_SITES: top, left, bottom, right); a line has no text frame. No groups, images, placement (ExcelApi 1.10) or Line.beginConnectedShape/endConnectedShape.',
  'Events: handlers live on the FakeWorkbook, shared by every fakeExcel() over it (all of them are "this user"), and keep firing after their Excel.run ends, as in Office.js. Removing one (EventHandlerResult.remove, EventHandlers.remove) is queued on the context it was added in and needs a sync; Office.js reaches that context again with Excel.run(result.context, batch), which the fake lacks: here the add-in must keep its batch open (or remove within it), or enqueue fails with InvalidObjectPath.',
] as const;

// ---------------------------------------------------------------------------------------------------
// Errors, stats, options
// ---------------------------------------------------------------------------------------------------

/** Shaped like OfficeExtension.Error: `code` plus a message that starts with the code. */
export class FakeOfficeError extends Error {
  constructor(readonly code: string, detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'RichApi.Error';
  }
}

function fail(code: string, detail: string): never {
  throw new FakeOfficeError(code, detail);
}

export interface FakeExcelStats {
  runs: number;
  /** Every context.sync(), including the flush Excel.run does at the end and rejected syncs. */
  syncs: number;
  /** One entry per sync: JSON.stringify length of the queued operations, and their number. */
  requests: Array<{ bytes: number; operations: number }>;
  /** One entry per sync: JSON.stringify length of the values its loads returned. */
  responses: Array<{ bytes: number }>;
  maxRequestBytes: number;
  maxResponseBytes: number;
  rejectedSyncs: number;
  suspendApiCalculationCalls: number;
  suspendScreenUpdatingCalls: number;
  /** Values written to context.runtime.enableEvents, in order. */
  enableEventsWrites: boolean[];
  trackCalls: number;
  untrackCalls: number;
}

export interface FakeExcelOptions {
  /** Supported sets as "Name x.y" (each means that set up to that version). Default: ["ExcelApi 1.17"]. */
  requirementSets?: string[];
  /** Default 5 MB, the Excel on the web request limit. */
  maxRequestBytes?: number;
  /** Default 5 MB, the Excel on the web response limit. */
  maxResponseBytes?: number;
  /**
   * Called as each context.sync() starts, with its number (stats.syncs, this one counted), before
   * anything of it is applied. A test aborts a run between two batches here; a hook that throws
   * rejects the sync with its error and nothing of that sync is applied (the request never reached
   * Excel, as when the connection drops).
   */
  beforeSync?: (sync: number) => void;
}

export const DEFAULT_MAX_REQUEST_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
export const MAX_CELLS_PER_READ = 5_000_000;

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

class Requirements {
  private readonly highest = new Map<string, string>();

  constructor(sets: string[]) {
    for (const entry of sets) {
      const [name, version = '1.1'] = entry.trim().split(/\s+/);
      const key = name.toLowerCase();
      const current = this.highest.get(key);
      if (!current || compareVersions(version, current) > 0) this.highest.set(key, version);
    }
  }

  isSetSupported(name: string, minVersion = '1.1'): boolean {
    const highest = this.highest.get(name.toLowerCase());
    return highest !== undefined && compareVersions(highest, minVersion) >= 0;
  }

  /** Real Office throws when an API of an unsupported set is touched; so does the fake. */
  require(version: string, api: string): void {
    if (!this.isSetSupported('ExcelApi', version)) fail('ApiNotFound', `${api} requires ExcelApi ${version}.`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Request context and the generic loadable-property mechanism
// ---------------------------------------------------------------------------------------------------

/** One queued operation: what it would weigh on the wire, and what it does at sync time. */
interface QueuedOperation {
  json: unknown;
  apply: () => void;
}

export type LoadOption = string | string[] | { [key: string]: unknown } | undefined;

/** Normalizes every load() form ("a, b/c", ["a"], {a: true, b: {c: true}}, {select, expand}) to paths "a", "b/c". */
export function loadPaths(option: LoadOption): string[] {
  if (option === undefined || option === null) return [];
  if (typeof option === 'string') return option.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(option)) return option.flatMap((o) => loadPaths(String(o)));
  const out: string[] = [];
  for (const [key, value] of Object.entries(option)) {
    if ((key === 'select' || key === 'expand') && typeof value === 'string') out.push(...loadPaths(value));
    else if (key.startsWith('$')) continue; // $all, $top, $skip: paging/all hints, ignored
    else if (value === true) out.push(key);
    else if (value && typeof value === 'object') {
      const nested = loadPaths(value as { [key: string]: unknown });
      out.push(...(nested.length > 0 ? nested.map((n) => `${key}/${n}`) : [key]));
    }
  }
  return out;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbookObject;
  readonly application: FakeApplication;
  readonly runtime: FakeRuntime;
  /** Tracking is meaningless in memory; the calls are only counted. */
  readonly trackedObjects = {
    add: (_objects: unknown): void => void this.stats.trackCalls++,
    remove: (_objects: unknown): void => void this.stats.untrackCalls++,
  };
  /** Set when Excel.run has finished: using its proxies afterwards is an error in Office.js too. */
  closed = false;
  private queue: QueuedOperation[] = [];
  /** What the loads of the sync under way have returned, and how to take each back if it fails. */
  private response = { bytes: 0, undo: [] as Array<() => void> };

  constructor(
    readonly data: FakeWorkbook,
    readonly stats: FakeExcelStats,
    readonly requirements: Requirements,
    private readonly beforeSync?: (sync: number) => void,
  ) {
    this.workbook = new FakeWorkbookObject(this);
    this.application = this.workbook.application;
    this.runtime = new FakeRuntime(this);
  }

  get pendingOperations(): number {
    return this.queue.length;
  }

  enqueue(operation: QueuedOperation): void {
    if (this.closed) fail('InvalidObjectPath', 'The object was used after its Excel.run batch ended.');
    this.queue.push(operation);
  }

  /** Same as object.load(option), as on OfficeExtension.ClientRequestContext. */
  load(object: FakeClientObject, option?: LoadOption): void {
    object.load(option);
  }

  /** Called by a proxy as a sync loads one of its properties. */
  noteLoaded(value: unknown, undo: () => void): void {
    this.response.bytes += JSON.stringify(value ?? null).length;
    this.response.undo.push(undo);
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const operations = this.queue;
    this.queue = [];
    this.stats.syncs++;
    const bytes = JSON.stringify(operations.map((o) => o.json)).length;
    this.stats.requests.push({ bytes, operations: operations.length });
    this.response = { bytes: 0, undo: [] };
    await Promise.resolve(); // a round trip is always asynchronous
    try {
      this.beforeSync?.(this.stats.syncs);
      if (bytes > this.stats.maxRequestBytes) {
        fail('RequestPayloadSizeLimitExceeded', `The request payload (${bytes} bytes) exceeds ${this.stats.maxRequestBytes} bytes.`);
      }
      // Like Office.js, operations before a failing one stay applied; the rest of the batch is dropped.
      for (const operation of operations) operation.apply();
      this.checkResponse();
    } catch (error) {
      this.stats.rejectedSyncs++;
      throw error;
    } finally {
      this.stats.responses.push({ bytes: this.response.bytes });
    }
    return passThroughValue as T;
  }

  /** A response over the limit never reaches the add-in: nothing it loaded becomes readable. */
  private checkResponse(): void {
    const { bytes, undo } = this.response;
    if (bytes <= this.stats.maxResponseBytes) return;
    for (const forget of undo) forget();
    fail('ResponsePayloadSizeLimitExceeded', `The response payload (${bytes} bytes) exceeds ${this.stats.maxResponseBytes} bytes.`);
  }
}

/** How one scalar property is read from the model and, if writable, written to it (at sync time). */
interface PropertySpec {
  read: () => unknown;
  write?: (value: never) => void;
}

/**
 * Base of every proxy: load(), the loaded-value cache, PropertyNotLoaded, queued writes and calls.
 * Subclasses list their scalar properties (properties()) and navigation children (children()) and
 * expose typed getters/setters that go through readLoaded()/writeProperty().
 */
export abstract class FakeClientObject {
  private readonly loaded = new Map<string, unknown>();
  /** isNullObject becomes readable after any synced load, as in Office.js. */
  protected loadSynced = false;

  constructor(
    readonly context: FakeRequestContext,
    /** A readable object path; it is also what the queued operations weigh. */
    readonly path: string,
  ) {}

  protected abstract properties(): Record<string, PropertySpec>;

  protected children(): Record<string, FakeClientObject> {
    return {};
  }

  /** True for an …OrNullObject proxy that resolved to nothing. */
  protected isNull(): boolean {
    return false;
  }

  get isNullObject(): boolean {
    if (!this.loadSynced) this.notLoaded('isNullObject');
    return this.isNull();
  }

  load(option?: LoadOption): this {
    const paths = loadPaths(option);
    this.context.enqueue({ json: { load: this.path, select: paths }, apply: () => this.applyLoad(paths) });
    return this;
  }

  /** object.set({...}) as in Office.js: each key is a queued property write (nested keys go to children). */
  set(properties: { [key: string]: unknown }): void {
    const children = this.children();
    for (const [key, value] of Object.entries(properties)) {
      const child = children[key];
      if (child) child.set(value as { [key: string]: unknown });
      else this.writeProperty(key, value);
    }
  }

  /** The loaded values, like toJSON() of a real proxy. */
  toJSON(): { [key: string]: unknown } {
    return Object.fromEntries(this.loaded);
  }

  track(): this {
    this.context.stats.trackCalls++;
    return this;
  }

  untrack(): this {
    this.context.stats.untrackCalls++;
    return this;
  }

  /** Runs inside sync(): snapshots the requested properties from the model ([] = all scalars). */
  applyLoad(paths: string[]): void {
    this.loadSynced = true;
    const properties = this.properties();
    const children = this.children();
    const scalars = new Set<string>(paths.length === 0 ? Object.keys(properties) : []);
    const nested = new Map<FakeClientObject, string[]>();
    for (const path of paths) {
      const [head, ...rest] = path.split('/');
      const child = children[head];
      if (child) {
        const list = nested.get(child) ?? [];
        if (rest.length > 0) list.push(rest.join('/'));
        nested.set(child, list);
      } else if (head in properties) {
        scalars.add(head);
      } else {
        fail('InvalidArgument', `The property '${head}' does not exist on ${this.path} (or is not supported by the fake).`);
      }
    }
    if (this.isNull()) {
      for (const name of scalars) this.loaded.set(name, null);
      return;
    }
    for (const name of scalars) this.setLoaded(name, structuredClone(properties[name].read()));
    for (const [child, childPaths] of nested) child.applyLoad(childPaths);
  }

  private setLoaded(name: string, value: unknown): void {
    const had = this.loaded.has(name);
    const before = this.loaded.get(name);
    this.loaded.set(name, value);
    this.context.noteLoaded(value, () => (had ? this.loaded.set(name, before) : this.loaded.delete(name)));
  }

  protected readLoaded<T>(name: string): T {
    if (!this.loaded.has(name)) this.notLoaded(name);
    return this.loaded.get(name) as T;
  }

  protected notLoaded(name: string): never {
    return fail(
      'PropertyNotLoaded',
      `The property '${name}' of ${this.path} is not available. Call load('${name}') and then context.sync() before reading it.`,
    );
  }

  protected writeProperty(name: string, value: unknown): void {
    const write = this.properties()[name]?.write;
    if (!write) fail('InvalidArgument', `The property '${name}' of ${this.path} is read-only or unknown.`);
    // Office.js keeps a loaded proxy's copy in step with what the code wrote.
    if (this.loaded.has(name)) this.loaded.set(name, value);
    this.context.enqueue({ json: { set: this.path, [name]: value }, apply: () => write(value as never) });
  }

  protected queueCall(method: string, args: unknown[], apply: () => void): void {
    this.context.enqueue({ json: { call: `${this.path}.${method}`, args }, apply });
  }

  /** Queues the step that resolves a navigation result (getItem, getRange…) at sync time, in order. */
  protected queueResolve(child: FakeClientObject, resolve: () => void): void {
    this.context.enqueue({ json: { get: child.path }, apply: resolve });
  }
}

/**
 * Base of collections: `items` is readable after load of "items", "items/name", "name" or nothing.
 */
abstract class FakeCollection<TItem extends FakeClientObject> extends FakeClientObject {
  private loadedItems: TItem[] | undefined;

  /** Bound proxies for the items as they are in the model right now (called during sync). */
  protected abstract currentItems(): TItem[];

  protected override properties(): Record<string, PropertySpec> {
    return {};
  }

  get items(): TItem[] {
    if (!this.loadedItems) this.notLoaded('items');
    return this.loadedItems;
  }

  override applyLoad(paths: string[]): void {
    this.loadSynced = true;
    const itemPaths = paths.filter((p) => p !== 'items').map((p) => (p.startsWith('items/') ? p.slice('items/'.length) : p));
    const items = this.currentItems();
    for (const item of items) item.applyLoad(itemPaths);
    this.loadedItems = items;
  }
}

function json(value: unknown): string {
  return JSON.stringify(value);
}

// ---------------------------------------------------------------------------------------------------
// Workbook, application, runtime
// ---------------------------------------------------------------------------------------------------

export class FakeWorkbookObject extends FakeClientObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly application: FakeApplication;
  private settingsObject: FakeSettingCollection | undefined;

  constructor(context: FakeRequestContext) {
    super(context, 'workbook');
    this.worksheets = new FakeWorksheetCollection(context, this);
    this.application = new FakeApplication(context);
  }

  /** Workbook settings (ExcelApi 1.4): key/value pairs stored as JSON in the document. */
  get settings(): FakeSettingCollection {
    this.context.requirements.require('1.4', 'Workbook.settings');
    this.settingsObject ??= new FakeSettingCollection(this.context, `${this.path}.settings`);
    return this.settingsObject;
  }

  get name(): string {
    return this.readLoaded('name');
  }

  protected override properties(): Record<string, PropertySpec> {
    return { name: { read: () => 'Book1.xlsx' } };
  }

  protected override children(): Record<string, FakeClientObject> {
    return { worksheets: this.worksheets, application: this.application };
  }
}

export class FakeApplication extends FakeClientObject {
  constructor(context: FakeRequestContext) {
    super(context, 'workbook.application');
  }

  get calculationMode(): string {
    return this.readLoaded('calculationMode');
  }

  set calculationMode(value: string) {
    this.writeProperty('calculationMode', value);
  }

  /** Recorded in stats when the sync applies it; the fake never calculates anyway. */
  suspendApiCalculationUntilNextSync(): void {
    this.context.requirements.require('1.6', 'Application.suspendApiCalculationUntilNextSync');
    this.queueCall('suspendApiCalculationUntilNextSync', [], () => void this.context.stats.suspendApiCalculationCalls++);
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.context.requirements.require('1.9', 'Application.suspendScreenUpdatingUntilNextSync');
    this.queueCall('suspendScreenUpdatingUntilNextSync', [], () => void this.context.stats.suspendScreenUpdatingCalls++);
  }

  calculate(calculationType: string): void {
    this.queueCall('calculate', [calculationType], () => undefined);
  }

  protected override properties(): Record<string, PropertySpec> {
    const data = this.context.data;
    return {
      calculationMode: {
        read: () => data.calculationMode,
        write: (value: string) => {
          if (!['Automatic', 'AutomaticExceptTables', 'Manual'].includes(value)) fail('InvalidArgument', `calculationMode ${value}`);
          data.calculationMode = value;
        },
      },
    };
  }
}

export class FakeRuntime extends FakeClientObject {
  constructor(context: FakeRequestContext) {
    super(context, 'runtime');
  }

  get enableEvents(): boolean {
    return this.readLoaded('enableEvents');
  }

  set enableEvents(value: boolean) {
    this.context.requirements.require('1.8', 'Runtime.enableEvents');
    this.writeProperty('enableEvents', value);
  }

  protected override properties(): Record<string, PropertySpec> {
    const { data, stats } = this.context;
    return {
      enableEvents: {
        read: () => data.enableEvents,
        write: (value: boolean) => {
          data.enableEvents = value;
          stats.enableEventsWrites.push(value);
        },
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------------
// Worksheets
// ---------------------------------------------------------------------------------------------------

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  constructor(context: FakeRequestContext, workbook: FakeWorkbookObject) {
    super(context, `${workbook.path}.worksheets`);
  }

  /** Queued; a duplicate name rejects the sync with ItemAlreadyExists. */
  add(name?: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.context, `${this.path}.add(${json(name ?? null)})`);
    this.queueCall('add', [name ?? null], () => {
      if (name !== undefined) validateSheetName(name);
      if (name !== undefined && this.context.data.findSheet(name)) fail('ItemAlreadyExists', `A worksheet named '${name}' already exists.`);
      sheet.bind(this.context.data.addSheet(name));
      this.context.data.events.added(sheet.sheet(), 'Local'); // events (co-authoring)
    });
    return sheet;
  }

  // --- Events (co-authoring) ---
  private onAddedObject: FakeEventHandlers<FakeWorksheetAddedEventArgs> | undefined;

  /** Occurs when a worksheet is added (ExcelApi 1.7). */
  get onAdded(): FakeEventHandlers<FakeWorksheetAddedEventArgs> {
    this.context.requirements.require('1.7', 'WorksheetCollection.onAdded');
    this.onAddedObject ??= new FakeEventHandlers(this.context, `${this.path}.onAdded`, () => ({ event: 'added' }));
    return this.onAddedObject;
  }
  // --- end of events ---

  getItem(key: string): FakeWorksheet {
    return this.lookup(`getItem(${json(key)})`, () => {
      const found = this.context.data.findSheet(key);
      return found ?? fail('ItemNotFound', `The worksheet '${key}' does not exist.`);
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    this.context.requirements.require('1.4', 'WorksheetCollection.getItemOrNullObject');
    return this.lookup(`getItemOrNullObject(${json(key)})`, () => this.context.data.findSheet(key) ?? null);
  }

  getActiveWorksheet(): FakeWorksheet {
    return this.lookup('getActiveWorksheet()', () => this.context.data.activeSheet ?? fail('ItemNotFound', 'No active worksheet.'));
  }

  getFirst(visibleOnly?: boolean): FakeWorksheet {
    return this.lookup(`getFirst(${json(visibleOnly ?? false)})`, () => {
      const sheets = this.context.data.sheets.filter((s) => !visibleOnly || s.visibility === 'Visible');
      return sheets[0] ?? fail('ItemNotFound', 'No worksheet.');
    });
  }

  protected override currentItems(): FakeWorksheet[] {
    return this.context.data.sheets.map((sheet) => {
      const proxy = new FakeWorksheet(this.context, `${this.path}.getItem(${json(sheet.name)})`);
      proxy.bind(sheet);
      return proxy;
    });
  }

  private lookup(call: string, find: () => FakeSheet | null): FakeWorksheet {
    const sheet = new FakeWorksheet(this.context, `${this.path}.${call}`);
    this.queueResolve(sheet, () => sheet.bind(find()));
    return sheet;
  }
}

function validateSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[\\/?*[\]:]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    fail('InvalidArgument', `'${name}' is not a valid worksheet name.`);
  }
}

export class FakeWorksheet extends FakeClientObject {
  readonly freezePanes: FakeWorksheetFreezePanes;
  private target: FakeSheet | null | undefined;
  private pageLayoutObject: FakePageLayout | undefined;
  private customPropertiesObject: FakeWorksheetCustomPropertyCollection | undefined;
  private chartsObject: FakeChartCollection | undefined;
  private shapesObject: FakeShapeCollection | undefined;

  constructor(context: FakeRequestContext, path: string) {
    super(context, path);
    this.freezePanes = new FakeWorksheetFreezePanes(this);
  }

  /** The manual page breaks above rows (ExcelApi 1.9). */
  get horizontalPageBreaks(): FakePageBreakCollection {
    this.context.requirements.require('1.9', 'Worksheet.horizontalPageBreaks');
    return new FakePageBreakCollection(this);
  }

  /** Page setup (ExcelApi 1.9). */
  get pageLayout(): FakePageLayout {
    this.context.requirements.require('1.9', 'Worksheet.pageLayout');
    this.pageLayoutObject ??= new FakePageLayout(this);
    return this.pageLayoutObject;
  }

  /** The charts of the sheet (ExcelApi 1.1). */
  get charts(): FakeChartCollection {
    this.context.requirements.require('1.1', 'Worksheet.charts');
    this.chartsObject ??= new FakeChartCollection(this);
    return this.chartsObject;
  }

  /** The shapes of the sheet (ExcelApi 1.9). */
  get shapes(): FakeShapeCollection {
    this.context.requirements.require('1.9', 'Worksheet.shapes');
    this.shapesObject ??= new FakeShapeCollection(this);
    return this.shapesObject;
  }

  /** Worksheet-level custom properties (ExcelApi 1.12). */
  get customProperties(): FakeWorksheetCustomPropertyCollection {
    this.context.requirements.require('1.12', 'Worksheet.customProperties');
    this.customPropertiesObject ??= new FakeWorksheetCustomPropertyCollection(this);
    return this.customPropertiesObject;
  }

  // --- Events (co-authoring) ---
  private onChangedObject: FakeEventHandlers<FakeWorksheetChangedEventArgs> | undefined;

  /** Occurs when data of this sheet change (ExcelApi 1.7); the registration binds to the sheet at sync time. */
  get onChanged(): FakeEventHandlers<FakeWorksheetChangedEventArgs> {
    this.context.requirements.require('1.7', 'Worksheet.onChanged');
    this.onChangedObject ??= new FakeEventHandlers(this.context, `${this.path}.onChanged`, () => ({ event: 'changed', worksheetId: this.sheet().id }));
    return this.onChangedObject;
  }
  // --- end of events ---

  get id(): string {
    return this.readLoaded('id');
  }
  get name(): string {
    return this.readLoaded('name');
  }
  set name(value: string) {
    this.writeProperty('name', value);
  }
  get position(): number {
    return this.readLoaded('position');
  }
  set position(value: number) {
    this.writeProperty('position', value);
  }
  get visibility(): string {
    return this.readLoaded('visibility');
  }
  set visibility(value: string) {
    this.writeProperty('visibility', value);
  }
  get tabColor(): string {
    return this.readLoaded('tabColor');
  }
  set tabColor(value: string) {
    this.writeProperty('tabColor', value);
  }
  get showGridlines(): boolean {
    return this.readLoaded('showGridlines');
  }
  set showGridlines(value: boolean) {
    this.writeProperty('showGridlines', value);
  }

  /** Called at sync time by whatever produced this proxy (null = null object). */
  bind(sheet: FakeSheet | null): void {
    this.target = sheet;
  }

  /** The model sheet; a null object or a deleted sheet fails like Office.js does. */
  sheet(): FakeSheet {
    if (this.target === undefined) fail('InvalidObjectPath', `${this.path} was not resolved.`);
    if (this.target === null || !this.context.data.sheets.includes(this.target)) fail('ItemNotFound', `${this.path} does not exist.`);
    return this.target;
  }

  activate(): void {
    this.queueCall('activate', [], () => {
      this.context.data.activeSheet = this.sheet();
    });
  }

  /** Excel's rules: neither a very hidden sheet nor the last visible one can be deleted. */
  delete(): void {
    this.queueCall('delete', [], () => {
      const sheet = this.sheet();
      const data = this.context.data;
      // By design, as Office.js documents: make it Hidden first, then delete it.
      if (sheet.visibility === 'VeryHidden') fail('GeneralException', `The very hidden worksheet '${sheet.name}' cannot be deleted; set its visibility to Hidden first.`);
      if (data.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet).length === 0) {
        fail('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      data.sheets.splice(data.sheets.indexOf(sheet), 1);
      if (data.activeSheet === sheet) data.activeSheet = data.sheets.find((s) => s.visibility === 'Visible');
      if (data.selection?.sheet === sheet) data.selection = undefined;
    });
  }

  /** No address = the whole sheet, as in Office.js. */
  getRange(address?: string): FakeRange {
    return FakeRange.create(this, `getRange(${json(address ?? null)})`, () => {
      if (address === undefined) return { row: 0, col: 0, rowCount: MAX_ROWS, colCount: MAX_COLUMNS };
      return tryParseRange(address) ?? fail('InvalidArgument', `'${address}' is not a valid range address.`);
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    this.context.requirements.require('1.7', 'Worksheet.getRangeByIndexes');
    return FakeRange.create(this, `getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, () =>
      checkedRect({ row: startRow, col: startColumn, rowCount, colCount: columnCount }),
    );
  }

  getCell(row: number, column: number): FakeRange {
    return FakeRange.create(this, `getCell(${row},${column})`, () => checkedRect({ row, col: column, rowCount: 1, colCount: 1 }));
  }

  /** Excel returns A1 for an empty sheet. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return FakeRange.create(this, `getUsedRange(${json(valuesOnly ?? false)})`, () =>
      this.sheet().usedRect(valuesOnly ?? false) ?? { row: 0, col: 0, rowCount: 1, colCount: 1 },
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.context.requirements.require('1.4', 'Worksheet.getUsedRangeOrNullObject');
    return FakeRange.create(this, `getUsedRangeOrNullObject(${json(valuesOnly ?? false)})`, () => this.sheet().usedRect(valuesOnly ?? false));
  }

  protected override isNull(): boolean {
    return this.target === null;
  }

  protected override children(): Record<string, FakeClientObject> {
    return { freezePanes: this.freezePanes };
  }

  protected override properties(): Record<string, PropertySpec> {
    const data = this.context.data;
    return {
      id: { read: () => this.sheet().id },
      name: {
        read: () => this.sheet().name,
        write: (value: string) => {
          const sheet = this.sheet();
          validateSheetName(value);
          const other = data.findSheet(value);
          if (other && other !== sheet) fail('ItemAlreadyExists', `A worksheet named '${value}' already exists.`);
          sheet.name = value;
        },
      },
      position: {
        read: () => data.sheets.indexOf(this.sheet()),
        write: (value: number) => {
          const sheet = this.sheet();
          if (!Number.isInteger(value) || value < 0 || value >= data.sheets.length) fail('InvalidArgument', `position ${value}`);
          data.sheets.splice(data.sheets.indexOf(sheet), 1);
          data.sheets.splice(value, 0, sheet);
        },
      },
      visibility: {
        read: () => this.sheet().visibility,
        write: (value: string) => {
          if (!['Visible', 'Hidden', 'VeryHidden'].includes(value)) fail('InvalidArgument', `visibility ${value}`);
          this.sheet().visibility = value;
        },
      },
      tabColor: { read: () => this.sheet().tabColor, write: (value: string) => void (this.sheet().tabColor = value) },
      showGridlines: { read: () => this.sheet().showGridlines, write: (value: boolean) => void (this.sheet().showGridlines = value) },
    };
  }
}

function checkedRect(rect: Rect): Rect {
  return isInsideGrid(rect) ? rect : fail('InvalidArgument', `The range ${json(rect)} is outside the grid.`);
}

/** Excel.PageBreakCollection: `add` puts a break above the range's first row; the model keeps the rows, 0-based. */
export class FakePageBreakCollection extends FakeClientObject {
  constructor(private readonly worksheet: FakeWorksheet) {
    super(worksheet.context, `${worksheet.path}.horizontalPageBreaks`);
  }

  add(pageBreakRange: string): void {
    this.queueCall('add', [pageBreakRange], () => {
      const rect = tryParseRange(pageBreakRange) ?? fail('InvalidArgument', `'${pageBreakRange}' is not a valid range address.`);
      const breaks = this.worksheet.sheet().pageLayout.rowBreaks;
      if (!breaks.includes(rect.row)) breaks.push(rect.row);
    });
  }

  protected override properties(): Record<string, PropertySpec> {
    return {};
  }
}

export class FakeWorksheetFreezePanes extends FakeClientObject {
  constructor(private readonly worksheet: FakeWorksheet) {
    super(worksheet.context, `${worksheet.path}.freezePanes`);
  }

  freezeRows(count = 1): void {
    this.freeze('freezeRows', [count], () => ({ rows: count, columns: 0 }));
  }

  freezeColumns(count = 1): void {
    this.freeze('freezeColumns', [count], () => ({ rows: 0, columns: count }));
  }

  /** Freezes the rows above and the columns left of the end of the given range (Office.js semantics). */
  freezeAt(frozenRange: FakeRange | string): void {
    const arg = typeof frozenRange === 'string' ? frozenRange : frozenRange.path;
    this.freeze('freezeAt', [arg], () => {
      const rect = typeof frozenRange === 'string'
        ? tryParseRange(frozenRange) ?? fail('InvalidArgument', `'${frozenRange}' is not a valid range address.`)
        : frozenRange.rect();
      return { rows: rect.row + rect.rowCount, columns: rect.col + rect.colCount };
    });
  }

  unfreeze(): void {
    this.freeze('unfreeze', [], () => ({ rows: 0, columns: 0 }));
  }

  protected override properties(): Record<string, PropertySpec> {
    return {};
  }

  private freeze(method: string, args: unknown[], compute: () => { rows: number; columns: number }): void {
    this.context.requirements.require('1.7', `WorksheetFreezePanes.${method}`);
    this.queueCall(method, args, () => {
      const value = compute();
      if (value.rows < 0 || value.columns < 0 || !Number.isInteger(value.rows) || !Number.isInteger(value.columns)) {
        fail('InvalidArgument', `${method}(${json(args)})`);
      }
      this.worksheet.sheet().freeze = value;
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Ranges and their formats
// ---------------------------------------------------------------------------------------------------

export class FakeRange extends FakeClientObject {
  readonly format: FakeRangeFormat;
  private target: Rect | null | undefined;

  private constructor(readonly worksheet: FakeWorksheet, path: string) {
    super(worksheet.context, path);
    this.format = new FakeRangeFormat(this);
  }

  /** A range whose rectangle is computed at sync time, in queue order (null = null object). */
  static create(worksheet: FakeWorksheet, call: string, locate: () => Rect | null, base: string = worksheet.path): FakeRange {
    const range = new FakeRange(worksheet, `${base}.${call}`);
    range.queueResolve(range, () => {
      range.target = locate();
    });
    return range;
  }

  get address(): string {
    return this.readLoaded('address');
  }
  get rowCount(): number {
    return this.readLoaded('rowCount');
  }
  get columnCount(): number {
    return this.readLoaded('columnCount');
  }
  get cellCount(): number {
    return this.readLoaded('cellCount');
  }
  get rowIndex(): number {
    return this.readLoaded('rowIndex');
  }
  get columnIndex(): number {
    return this.readLoaded('columnIndex');
  }
  get text(): string[][] {
    return this.readLoaded('text');
  }
  /** Setter: "=…" strings become formulas unless the cell is formatted "@"; "'…" is stored as text. */
  get values(): CellValue[][] {
    return this.readLoaded('values');
  }
  set values(value: unknown) {
    this.writeProperty('values', value);
  }
  get formulas(): CellValue[][] {
    return this.readLoaded('formulas');
  }
  set formulas(value: unknown) {
    this.writeProperty('formulas', value);
  }
  get numberFormat(): string[][] {
    return this.readLoaded('numberFormat');
  }
  set numberFormat(value: unknown) {
    this.writeProperty('numberFormat', value);
  }

  /** The rectangle; fails for a null object. Only meaningful during sync (or after one). */
  rect(): Rect {
    if (this.target === undefined) fail('InvalidObjectPath', `${this.path} was not resolved.`);
    if (this.target === null) fail('ItemNotFound', `${this.path} is a null object.`);
    return this.target;
  }

  sheet(): FakeSheet {
    return this.worksheet.sheet();
  }

  /** Merges into one area, or one area per row when across is true. Values other than the top-left are cleared. */
  merge(across?: boolean): void {
    this.queueCall('merge', [across ?? false], () => {
      const sheet = this.sheet();
      const rect = this.rect();
      const areas = across
        ? Array.from({ length: rect.rowCount }, (_, r) => ({ row: rect.row + r, col: rect.col, rowCount: 1, colCount: rect.colCount }))
        : [rect];
      for (const area of areas) {
        if (cellCount(area) === 1) continue;
        for (const existing of sheet.mergedAreas.filter((m) => intersects(m, area))) {
          if (!contains(area, existing)) fail('InvalidOperation', `Cannot merge ${rectAddress(area)}: it overlaps the merged area ${rectAddress(existing)}.`);
          sheet.mergedAreas.splice(sheet.mergedAreas.indexOf(existing), 1);
        }
        sheet.forEachCell(area, (cell, r, c) => {
          if (r === 0 && c === 0) return;
          cell.value = '';
          cell.formula = '';
        });
        sheet.mergedAreas.push({ ...area });
      }
    });
  }

  /** The merged areas that intersect this range, whole (ExcelApi 1.13); a null object when there are none. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.context.requirements.require('1.13', 'Range.getMergedAreasOrNullObject');
    const areas = new FakeRangeAreas(this.worksheet, `${this.path}.getMergedAreasOrNullObject()`);
    this.queueResolve(areas, () => {
      const rect = this.rect();
      const found = this.sheet().mergedAreas.filter((m) => intersects(m, rect)).sort((a, b) => a.row - b.row || a.col - b.col);
      areas.bind(found.length > 0 ? found : null);
    });
    return areas;
  }

  // --- Cell properties (templates read back from the workbook) ---
  /** Each cell's own format, as plain data (ExcelApi 1.9): only what the options ask for; see cellPropertiesOf. */
  getCellProperties(cellPropertiesLoadOptions: CellPropertiesLoadOptions): FakeClientResult<CellPropertiesData[][]> {
    this.context.requirements.require('1.9', 'Range.getCellProperties');
    const selected = selectCellProperties(cellPropertiesLoadOptions);
    const result = new FakeClientResult<CellPropertiesData[][]>(`${this.path}.getCellProperties()`);
    this.queueCall('getCellProperties', [cellPropertiesLoadOptions], () => {
      const rect = this.rect();
      if (cellCount(rect) > MAX_CELLS_PER_READ) fail('ResponsePayloadSizeLimitExceeded', `Reading the properties of ${rectAddress(rect)}.`);
      const sheet = this.sheet();
      const value = sheet.map(rect, (cell) => cell).map((row, r) => row.map((cell, c) => cellPropertiesOf(sheet.name, rect.row + r, rect.col + c, cell, selected)));
      result.resolve(value);
      this.context.noteLoaded(value, () => result.forget());
    });
    return result;
  }
  // --- end of cell properties ---

  unmerge(): void {
    this.queueCall('unmerge', [], () => {
      const sheet = this.sheet();
      const rect = this.rect();
      for (const existing of sheet.mergedAreas.filter((m) => intersects(m, rect))) sheet.mergedAreas.splice(sheet.mergedAreas.indexOf(existing), 1);
    });
  }

  /** applyTo: All (default), Contents or Formats. */
  clear(applyTo?: string): void {
    this.queueCall('clear', [applyTo ?? 'All'], () => {
      const mode = applyTo ?? 'All';
      const sheet = this.sheet();
      const rect = this.rect();
      for (const [key, cell] of [...sheet.cells]) {
        const [r, c] = key.split(',').map(Number);
        if (!contains(rect, { row: r, col: c, rowCount: 1, colCount: 1 })) continue;
        if (mode === 'All') sheet.cells.delete(key);
        else if (mode === 'Contents') Object.assign(cell, { value: '', formula: '' });
        else if (mode === 'Formats') sheet.cells.set(key, { ...sheet.cellAt(-1, -1), value: cell.value, formula: cell.formula });
      }
      if (mode !== 'Contents') {
        for (const existing of sheet.mergedAreas.filter((m) => intersects(m, rect))) sheet.mergedAreas.splice(sheet.mergedAreas.indexOf(existing), 1);
      }
      if (mode !== 'Formats') this.noteEdited(); // events (co-authoring)
    });
  }

  /** Selects the range and activates its sheet, as Excel does; a deleted sheet fails the sync (ItemNotFound). */
  select(): void {
    this.queueCall('select', [], () => {
      const sheet = this.sheet();
      const rect = this.rect();
      this.context.data.activeSheet = sheet;
      this.context.data.selection = { sheet, rect };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.derived(`getCell(${row},${column})`, (r) => ({ row: r.row + row, col: r.col + column, rowCount: 1, colCount: 1 }));
  }

  getRow(row: number): FakeRange {
    return this.derived(`getRow(${row})`, (r) => ({ ...r, row: r.row + row, rowCount: 1 }));
  }

  getColumn(column: number): FakeRange {
    return this.derived(`getColumn(${column})`, (r) => ({ ...r, col: r.col + column, colCount: 1 }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived(`getResizedRange(${deltaRows},${deltaColumns})`, (r) => ({
      ...r, rowCount: r.rowCount + deltaRows, colCount: r.colCount + deltaColumns,
    }));
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): FakeRange {
    return this.derived(`getAbsoluteResizedRange(${numRows},${numColumns})`, (r) => ({ ...r, rowCount: numRows, colCount: numColumns }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived(`getOffsetRange(${rowOffset},${columnOffset})`, (r) => ({ ...r, row: r.row + rowOffset, col: r.col + columnOffset }));
  }

  getEntireRow(): FakeRange {
    return this.derived('getEntireRow()', (r) => ({ row: r.row, rowCount: r.rowCount, col: 0, colCount: MAX_COLUMNS }));
  }

  getEntireColumn(): FakeRange {
    return this.derived('getEntireColumn()', (r) => ({ row: 0, rowCount: MAX_ROWS, col: r.col, colCount: r.colCount }));
  }

  protected override isNull(): boolean {
    return this.target === null;
  }

  protected override children(): Record<string, FakeClientObject> {
    return { format: this.format, worksheet: this.worksheet };
  }

  protected override properties(): Record<string, PropertySpec> {
    return {
      address: { read: () => qualifiedAddress(this.sheet().name, this.rect()) },
      rowCount: { read: () => this.rect().rowCount },
      columnCount: { read: () => this.rect().colCount },
      cellCount: { read: () => cellCount(this.rect()) },
      rowIndex: { read: () => this.rect().row },
      columnIndex: { read: () => this.rect().col },
      values: { read: () => this.readGrid((cell) => cell.value), write: (value: unknown) => this.writeGrid('values', value, writeValue, true) },
      formulas: {
        read: () => this.readGrid((cell) => cell.formula || cell.value),
        write: (value: unknown) => this.writeGrid('formulas', value, writeFormula, true),
      },
      numberFormat: {
        read: () => this.readGrid((cell) => cell.numberFormat),
        write: (value: unknown) => this.writeGrid('numberFormat', value, (cell, v) => void (cell.numberFormat = String(v))),
      },
      text: { read: () => this.readGrid((cell) => String(cell.value)) },
    };
  }

  private derived(call: string, compute: (rect: Rect) => Rect): FakeRange {
    return FakeRange.create(this.worksheet, call, () => checkedRect(compute(this.rect())), this.path);
  }

  /** Excel refuses responses above 5M cells; so does the fake (and it avoids allocating them). */
  private readGrid<T>(read: (cell: CellData) => T): T[][] {
    const rect = this.rect();
    if (cellCount(rect) > MAX_CELLS_PER_READ) {
      fail('ResponsePayloadSizeLimitExceeded', `Reading ${cellCount(rect)} cells of ${rectAddress(rect)} exceeds ${MAX_CELLS_PER_READ}.`);
    }
    return this.sheet().map(rect, read);
  }

  /**
   * A 2-D array must match the range exactly (InvalidArgument otherwise); a single non-array value is
   * applied to every cell; null entries leave their cell unchanged — all as in Office.js.
   */
  private writeGrid(property: string, value: unknown, write: (cell: CellData, value: CellValue) => void, isDataEdit = false): void {
    const sheet = this.sheet();
    const rect = this.rect();
    if (!Array.isArray(value)) {
      if (value !== null && value !== undefined) sheet.forEachCell(rect, (cell) => write(cell, value as CellValue));
      if (isDataEdit) this.noteEdited(); // events (co-authoring)
      return;
    }
    const rows = value as unknown[];
    const shapeOk = rows.length === rect.rowCount && rows.every((row) => Array.isArray(row) && row.length === rect.colCount);
    if (!shapeOk) {
      const got = `${rows.length}x${Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : '?'}`;
      fail('InvalidArgument', `The ${property} array (${got}) does not match the size of ${rectAddress(rect)} (${rect.rowCount}x${rect.colCount}).`);
    }
    (rows as unknown[][]).forEach((row, r) => row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') fail('InvalidArgument', `Unsupported ${property} value ${json(v)}.`);
      write(sheet.mutableCell(rect.row + r, rect.col + c), v);
    }));
    if (isDataEdit) this.noteEdited(); // events (co-authoring)
  }

  // --- Events (co-authoring) ---
  /** A data edit applied by this user's sync: Worksheet.onChanged with source 'Local'. */
  private noteEdited(): void {
    this.context.data.events.changed(this.sheet(), this.rect(), 'Local');
  }
  // --- end of events ---
}

/** Excel.RangeAreas: several rectangles of one sheet. Only what reading merged areas needs. */
export class FakeRangeAreas extends FakeClientObject {
  private target: Rect[] | null | undefined;

  constructor(private readonly worksheet: FakeWorksheet, path: string) {
    super(worksheet.context, path);
  }

  /** "Sheet1!A1:C1, Sheet1!A3:B3", each area with its sheet name, as Excel writes it. */
  get address(): string {
    return this.readLoaded('address');
  }
  get areaCount(): number {
    return this.readLoaded('areaCount');
  }
  get cellCount(): number {
    return this.readLoaded('cellCount');
  }

  bind(areas: Rect[] | null): void {
    this.target = areas;
  }

  protected override isNull(): boolean {
    return this.target === null;
  }

  protected override properties(): Record<string, PropertySpec> {
    const areas = () => {
      if (this.target === undefined) fail('InvalidObjectPath', `${this.path} was not resolved.`);
      return this.target ?? fail('ItemNotFound', `${this.path} is a null object.`);
    };
    return {
      address: { read: () => areas().map((a) => qualifiedAddress(this.worksheet.sheet().name, a)).join(', ') },
      areaCount: { read: () => areas().length },
      cellCount: { read: () => areas().reduce((n, a) => n + cellCount(a), 0) },
    };
  }
}

/** Reads a per-cell attribute over a range: the common value, or null when cells differ (as Excel reports). */
function uniform(range: FakeRange, read: (cell: CellData) => unknown): unknown {
  const sheet = range.sheet();
  const rect = range.rect();
  if (cellCount(rect) > MAX_CELLS_PER_READ) fail('ResponsePayloadSizeLimitExceeded', `Reading format of ${rectAddress(rect)}.`);
  let first: string | undefined;
  for (let r = 0; r < rect.rowCount; r++) {
    for (let c = 0; c < rect.colCount; c++) {
      const value = json(read(sheet.cellAt(rect.row + r, rect.col + c)) ?? null);
      if (first === undefined) first = value;
      else if (value !== first) return null;
    }
  }
  return first === undefined ? null : JSON.parse(first);
}

/** A property stored per cell: read as uniform(), written to every cell of the range. */
function cellProperty<T>(range: FakeRange, get: (cell: CellData) => T, put: (cell: CellData, value: T) => void, check?: (value: T) => void): PropertySpec {
  return {
    read: () => uniform(range, get),
    write: (value: T) => {
      check?.(value);
      range.sheet().forEachCell(range.rect(), (cell) => put(cell, value));
    },
  };
}

function oneOf(name: string, allowed: string[]): (value: string) => void {
  return (value) => {
    if (!allowed.includes(value)) fail('InvalidArgument', `${name} must be one of ${allowed.join(', ')}; got ${json(value)}.`);
  };
}

export class FakeRangeFormat extends FakeClientObject {
  readonly font: FakeRangeFont;
  readonly fill: FakeRangeFill;
  readonly borders: FakeRangeBorderCollection;

  constructor(readonly range: FakeRange) {
    super(range.context, `${range.path}.format`);
    this.font = new FakeRangeFont(this);
    this.fill = new FakeRangeFill(this);
    this.borders = new FakeRangeBorderCollection(this);
  }

  get horizontalAlignment(): string {
    return this.readLoaded('horizontalAlignment');
  }
  set horizontalAlignment(value: string) {
    this.writeProperty('horizontalAlignment', value);
  }
  get verticalAlignment(): string {
    return this.readLoaded('verticalAlignment');
  }
  set verticalAlignment(value: string) {
    this.writeProperty('verticalAlignment', value);
  }
  get wrapText(): boolean {
    return this.readLoaded('wrapText');
  }
  set wrapText(value: boolean) {
    this.writeProperty('wrapText', value);
  }
  /** Points. Stored per column. */
  get columnWidth(): number {
    return this.readLoaded('columnWidth');
  }
  set columnWidth(value: number) {
    this.writeProperty('columnWidth', value);
  }
  /** Points. Stored per row. */
  get rowHeight(): number {
    return this.readLoaded('rowHeight');
  }
  set rowHeight(value: number) {
    this.writeProperty('rowHeight', value);
  }

  /** The fake has no text metrics: queued and counted as an operation, but sizes do not change. */
  autofitColumns(): void {
    this.queueCall('autofitColumns', [], () => void this.range.rect());
  }

  autofitRows(): void {
    this.queueCall('autofitRows', [], () => void this.range.rect());
  }

  protected override children(): Record<string, FakeClientObject> {
    return { font: this.font, fill: this.fill, borders: this.borders };
  }

  protected override properties(): Record<string, PropertySpec> {
    const range = this.range;
    const sizes = (which: 'col' | 'row') => {
      const span = () => {
        const r = range.rect();
        return which === 'col' ? { start: r.col, count: r.colCount } : { start: r.row, count: r.rowCount };
      };
      const store = () => (which === 'col' ? range.sheet().columnWidths : range.sheet().rowHeights);
      const fallback = which === 'col' ? DEFAULT_COLUMN_WIDTH : DEFAULT_ROW_HEIGHT;
      return {
        read: () => {
          const { start, count } = span();
          const values = new Set(Array.from({ length: Math.min(count, 100_000) }, (_, i) => store().get(start + i) ?? fallback));
          return values.size === 1 ? [...values][0] : null;
        },
        write: (value: number) => {
          if (typeof value !== 'number' || !(value >= 0)) fail('InvalidArgument', `Invalid size ${json(value)}.`);
          const { start, count } = span();
          for (let i = 0; i < count; i++) store().set(start + i, value);
        },
      };
    };
    return {
      horizontalAlignment: cellProperty(range, (c) => c.format.horizontalAlignment, (c, v: string) => void (c.format.horizontalAlignment = v),
        oneOf('horizontalAlignment', ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'])),
      verticalAlignment: cellProperty(range, (c) => c.format.verticalAlignment, (c, v: string) => void (c.format.verticalAlignment = v),
        oneOf('verticalAlignment', ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'])),
      wrapText: cellProperty(range, (c) => c.format.wrapText, (c, v: boolean) => void (c.format.wrapText = v)),
      columnWidth: sizes('col'),
      rowHeight: sizes('row'),
    };
  }
}

/** The font properties a range's font and a shape's text font share (Excel.RangeFont, Excel.ShapeFont). */
abstract class FakeFontBase extends FakeClientObject {
  get name(): string {
    return this.readLoaded('name');
  }
  set name(value: string) {
    this.writeProperty('name', value);
  }
  get size(): number {
    return this.readLoaded('size');
  }
  set size(value: number) {
    this.writeProperty('size', value);
  }
  get bold(): boolean {
    return this.readLoaded('bold');
  }
  set bold(value: boolean) {
    this.writeProperty('bold', value);
  }
  get italic(): boolean {
    return this.readLoaded('italic');
  }
  set italic(value: boolean) {
    this.writeProperty('italic', value);
  }
  get color(): string {
    return this.readLoaded('color');
  }
  set color(value: string) {
    this.writeProperty('color', value);
  }
}

export class FakeRangeFont extends FakeFontBase {
  constructor(private readonly format: FakeRangeFormat) {
    super(format.context, `${format.path}.font`);
  }
  /** Excel.RangeUnderlineStyle: "None", "Single", "Double", "SingleAccountant", "DoubleAccountant". */
  get underline(): string {
    return this.readLoaded('underline');
  }
  set underline(value: string) {
    this.writeProperty('underline', value);
  }

  protected override properties(): Record<string, PropertySpec> {
    const range = this.format.range;
    return {
      underline: cellProperty(range, (c) => c.format.font.underline ?? 'None', (c, v: string) => {
        if (v === 'None') delete c.format.font.underline;
        else c.format.font.underline = v;
      }, oneOf('underline', [...UNDERLINE_STYLES])),
      name: cellProperty(range, (c) => c.format.font.name, (c, v: string) => void (c.format.font.name = v)),
      size: cellProperty(range, (c) => c.format.font.size, (c, v: number) => void (c.format.font.size = v), (v) => {
        if (typeof v !== 'number' || v < 1 || v > 409) fail('InvalidArgument', `font size ${json(v)}`);
      }),
      bold: cellProperty(range, (c) => c.format.font.bold, (c, v: boolean) => void (c.format.font.bold = v)),
      italic: cellProperty(range, (c) => c.format.font.italic, (c, v: boolean) => void (c.format.font.italic = v)),
      color: cellProperty(range, (c) => c.format.font.color, (c, v: string) => void (c.format.font.color = v)),
    };
  }
}

export class FakeRangeFill extends FakeClientObject {
  constructor(private readonly format: FakeRangeFormat) {
    super(format.context, `${format.path}.fill`);
  }

  /** '' when the cells have no fill. */
  get color(): string {
    return this.readLoaded('color');
  }
  set color(value: string) {
    this.writeProperty('color', value);
  }

  clear(): void {
    const range = this.format.range;
    this.queueCall('clear', [], () => range.sheet().forEachCell(range.rect(), (cell) => void (cell.format.fillColor = '')));
  }

  protected override properties(): Record<string, PropertySpec> {
    return { color: cellProperty(this.format.range, (c) => c.format.fillColor, (c, v: string) => void (c.format.fillColor = v)) };
  }
}

export class FakeRangeBorderCollection extends FakeClientObject {
  constructor(readonly format: FakeRangeFormat) {
    super(format.context, `${format.path}.borders`);
  }

  getItem(index: string): FakeRangeBorder {
    if (!(BORDER_INDEXES as readonly string[]).includes(index)) fail('InvalidArgument', `Unknown border index ${json(index)}.`);
    return new FakeRangeBorder(this, index as BorderIndexName);
  }

  protected override properties(): Record<string, PropertySpec> {
    return {};
  }
}

const DEFAULT_BORDER: BorderData = { style: 'None', weight: 'Thin', color: '#000000' };

/** Which cell edges a border index covers in a block (Inside* are spread onto the inner cell edges). */
function borderTargets(index: BorderIndexName, rect: Rect): Array<{ r: number; c: number; edge: CellEdge }> {
  const out: Array<{ r: number; c: number; edge: CellEdge }> = [];
  for (let r = 0; r < rect.rowCount; r++) {
    for (let c = 0; c < rect.colCount; c++) {
      const first = { row: r === 0, col: c === 0 };
      const last = { row: r === rect.rowCount - 1, col: c === rect.colCount - 1 };
      const add = (edge: CellEdge) => out.push({ r: rect.row + r, c: rect.col + c, edge });
      if (index === 'EdgeTop' && first.row) add('EdgeTop');
      if (index === 'EdgeBottom' && last.row) add('EdgeBottom');
      if (index === 'EdgeLeft' && first.col) add('EdgeLeft');
      if (index === 'EdgeRight' && last.col) add('EdgeRight');
      if (index === 'InsideHorizontal' && !last.row) add('EdgeBottom');
      if (index === 'InsideHorizontal' && !first.row) add('EdgeTop');
      if (index === 'InsideVertical' && !last.col) add('EdgeRight');
      if (index === 'InsideVertical' && !first.col) add('EdgeLeft');
      if (index === 'DiagonalDown' || index === 'DiagonalUp') add(index);
    }
  }
  return out;
}

export class FakeRangeBorder extends FakeClientObject {
  constructor(private readonly collection: FakeRangeBorderCollection, private readonly index: BorderIndexName) {
    super(collection.context, `${collection.path}.getItem(${json(index)})`);
  }

  get sideIndex(): string {
    return this.readLoaded('sideIndex');
  }
  get style(): string {
    return this.readLoaded('style');
  }
  set style(value: string) {
    this.writeProperty('style', value);
  }
  get weight(): string {
    return this.readLoaded('weight');
  }
  set weight(value: string) {
    this.writeProperty('weight', value);
  }
  get color(): string {
    return this.readLoaded('color');
  }
  set color(value: string) {
    this.writeProperty('color', value);
  }

  protected override properties(): Record<string, PropertySpec> {
    const range = this.collection.format.range;
    const targets = () => borderTargets(this.index, range.rect());
    const part = (key: keyof BorderData, check: (value: string) => void): PropertySpec => ({
      read: () => {
        const sheet = range.sheet();
        const seen = new Set(targets().map((t) => (sheet.cellAt(t.r, t.c).format.borders[t.edge] ?? DEFAULT_BORDER)[key]));
        return seen.size === 1 ? [...seen][0] : null;
      },
      write: (value: string) => {
        check(value);
        const sheet = range.sheet();
        for (const t of targets()) {
          const borders = sheet.mutableCell(t.r, t.c).format.borders;
          const border = { ...(borders[t.edge] ?? DEFAULT_BORDER), [key]: value };
          // Giving a "None" border a weight or colour draws it, as Excel does.
          if (key !== 'style' && border.style === 'None') border.style = 'Continuous';
          borders[t.edge] = border;
        }
      },
    });
    return {
      sideIndex: { read: () => this.index },
      style: part('style', oneOf('style', ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'])),
      weight: part('weight', oneOf('weight', ['Hairline', 'Thin', 'Medium', 'Thick'])),
      color: part('color', () => undefined),
    };
  }
}

// ---------------------------------------------------------------------------------------------------
// Page layout (ExcelApi 1.9)
// ---------------------------------------------------------------------------------------------------

const POINTS_PER_UNIT: Record<string, number> = { Points: 1, Inches: 72, Centimeters: 72 / 2.54 };

export class FakePageLayout extends FakeClientObject {
  constructor(private readonly worksheet: FakeWorksheet) {
    super(worksheet.context, `${worksheet.path}.pageLayout`);
  }

  get orientation(): string {
    return this.readLoaded('orientation');
  }
  set orientation(value: string) {
    this.writeProperty('orientation', value);
  }
  get paperSize(): string {
    return this.readLoaded('paperSize');
  }
  set paperSize(value: string) {
    this.writeProperty('paperSize', value);
  }
  get leftMargin(): number {
    return this.readLoaded('leftMargin');
  }
  set leftMargin(value: number) {
    this.writeProperty('leftMargin', value);
  }
  get rightMargin(): number {
    return this.readLoaded('rightMargin');
  }
  set rightMargin(value: number) {
    this.writeProperty('rightMargin', value);
  }
  get topMargin(): number {
    return this.readLoaded('topMargin');
  }
  set topMargin(value: number) {
    this.writeProperty('topMargin', value);
  }
  get bottomMargin(): number {
    return this.readLoaded('bottomMargin');
  }
  set bottomMargin(value: number) {
    this.writeProperty('bottomMargin', value);
  }
  get headerMargin(): number {
    return this.readLoaded('headerMargin');
  }
  set headerMargin(value: number) {
    this.writeProperty('headerMargin', value);
  }
  get footerMargin(): number {
    return this.readLoaded('footerMargin');
  }
  set footerMargin(value: number) {
    this.writeProperty('footerMargin', value);
  }
  get centerHorizontally(): boolean {
    return this.readLoaded('centerHorizontally');
  }
  set centerHorizontally(value: boolean) {
    this.writeProperty('centerHorizontally', value);
  }
  get centerVertically(): boolean {
    return this.readLoaded('centerVertically');
  }
  set centerVertically(value: boolean) {
    this.writeProperty('centerVertically', value);
  }
  get printGridlines(): boolean {
    return this.readLoaded('printGridlines');
  }
  set printGridlines(value: boolean) {
    this.writeProperty('printGridlines', value);
  }
  /** Excel.PageLayoutZoomOptions: { scale } or { horizontalFitToPages, verticalFitToPages }. */
  get zoom(): PageLayoutData['zoom'] {
    return this.readLoaded('zoom');
  }
  set zoom(value: PageLayoutData['zoom']) {
    this.writeProperty('zoom', value);
  }

  /** The headers and footers (ExcelApi 1.9). */
  get headersFooters(): FakeHeaderFooterGroup {
    return new FakeHeaderFooterGroup(this.worksheet, `${this.path}.headersFooters`);
  }

  // --- Reading the print setup back (templates read back from the workbook) ---
  /** The print area (ExcelApi 1.9), one rectangle in the fake; a null object when none is set. */
  getPrintAreaOrNullObject(): FakeRangeAreas {
    return this.printAreaAreas('getPrintAreaOrNullObject()', false);
  }

  /** Like getPrintAreaOrNullObject, but a sheet without a print area fails the sync with ItemNotFound. */
  getPrintArea(): FakeRangeAreas {
    return this.printAreaAreas('getPrintArea()', true);
  }

  /** The rows repeated on every page, as whole rows (address "Sheet!7:9"); a null object when none are set. */
  getPrintTitleRowsOrNullObject(): FakeRange {
    return this.printTitleRowsRange('getPrintTitleRowsOrNullObject()', false);
  }

  getPrintTitleRows(): FakeRange {
    return this.printTitleRowsRange('getPrintTitleRows()', true);
  }

  private printAreaAreas(call: string, required: boolean): FakeRangeAreas {
    const areas = new FakeRangeAreas(this.worksheet, `${this.path}.${call}`);
    this.queueResolve(areas, () => {
      const address = this.worksheet.sheet().pageLayout.printArea;
      if (!address && required) fail('ItemNotFound', `${this.worksheet.path} has no print area.`);
      areas.bind(address ? [tryParseRange(address) as Rect] : null);
    });
    return areas;
  }

  private printTitleRowsRange(call: string, required: boolean): FakeRange {
    return FakeRange.create(this.worksheet, call, () => {
      const address = this.worksheet.sheet().pageLayout.printTitleRows;
      if (!address && required) fail('ItemNotFound', `${this.worksheet.path} has no print title rows.`);
      return address ? (tryParseRange(address) as Rect) : null;
    }, this.path);
  }
  // --- end of reading the print setup ---

  setPrintArea(printArea: FakeRange | string): void {
    this.setAddress('setPrintArea', printArea, (layout, address) => void (layout.printArea = address));
  }

  setPrintTitleRows(printTitleRows: FakeRange | string): void {
    this.setAddress('setPrintTitleRows', printTitleRows, (layout, address) => void (layout.printTitleRows = address));
  }

  setPrintTitleColumns(printTitleColumns: FakeRange | string): void {
    this.setAddress('setPrintTitleColumns', printTitleColumns, (layout, address) => void (layout.printTitleColumns = address));
  }

  /** unit: "Points" | "Inches" | "Centimeters"; stored in points. */
  setPrintMargins(unit: string, marginOptions: { top?: number; bottom?: number; left?: number; right?: number; header?: number; footer?: number }): void {
    this.queueCall('setPrintMargins', [unit, marginOptions], () => {
      const factor = POINTS_PER_UNIT[unit] ?? fail('InvalidArgument', `Unknown margin unit ${json(unit)}.`);
      const layout = this.worksheet.sheet().pageLayout;
      const map = { top: 'topMargin', bottom: 'bottomMargin', left: 'leftMargin', right: 'rightMargin', header: 'headerMargin', footer: 'footerMargin' } as const;
      for (const [key, field] of Object.entries(map)) {
        const value = marginOptions[key as keyof typeof map];
        if (value !== undefined) layout[field] = value * factor;
      }
    });
  }

  protected override properties(): Record<string, PropertySpec> {
    const layout = () => this.worksheet.sheet().pageLayout;
    const field = <K extends keyof PageLayoutData>(key: K, check?: (value: PageLayoutData[K]) => void): PropertySpec => ({
      read: () => layout()[key],
      write: (value: PageLayoutData[K]) => {
        check?.(value);
        layout()[key] = value;
      },
    });
    const margin = (value: number) => {
      if (typeof value !== 'number' || value < 0) fail('InvalidArgument', `Invalid margin ${json(value)}.`);
    };
    return {
      orientation: field('orientation', oneOf('orientation', ['Portrait', 'Landscape'])),
      paperSize: field('paperSize'),
      leftMargin: field('leftMargin', margin),
      rightMargin: field('rightMargin', margin),
      topMargin: field('topMargin', margin),
      bottomMargin: field('bottomMargin', margin),
      headerMargin: field('headerMargin', margin),
      footerMargin: field('footerMargin', margin),
      centerHorizontally: field('centerHorizontally'),
      centerVertically: field('centerVertically'),
      printGridlines: field('printGridlines'),
      zoom: field('zoom', (value) => {
        if (value.scale !== undefined && (value.scale < 10 || value.scale > 400)) fail('InvalidArgument', `zoom scale ${value.scale}`);
      }),
    };
  }

  private setAddress(method: string, target: FakeRange | string, store: (layout: PageLayoutData, address: string) => void): void {
    this.queueCall(method, [typeof target === 'string' ? target : target.path], () => {
      const rect = typeof target === 'string'
        ? tryParseRange(target) ?? fail('InvalidArgument', `'${target}' is not a valid range address.`)
        : target.rect();
      store(this.worksheet.sheet().pageLayout, rectAddress(rect));
    });
  }
}

/** Excel.HeaderFooterGroup: which pages have their own headers, and the headers of each kind of page. */
export class FakeHeaderFooterGroup extends FakeClientObject {
  constructor(private readonly worksheet: FakeWorksheet, path: string) {
    super(worksheet.context, path);
  }

  get state(): string {
    return this.readLoaded('state');
  }
  set state(value: string) {
    this.writeProperty('state', value);
  }
  get defaultForAllPages(): FakeHeaderFooter {
    return new FakeHeaderFooter(this.worksheet, `${this.path}.defaultForAllPages`, 'defaultCenterHeader');
  }
  get firstPage(): FakeHeaderFooter {
    return new FakeHeaderFooter(this.worksheet, `${this.path}.firstPage`, 'firstPageCenterHeader');
  }

  protected override properties(): Record<string, PropertySpec> {
    const layout = () => this.worksheet.sheet().pageLayout;
    return {
      state: {
        read: () => layout().headerFooterState,
        write: (value: string) => {
          oneOf('state', ['Default', 'FirstAndDefault', 'OddAndEven', 'FirstOddAndEven'])(value);
          layout().headerFooterState = value;
        },
      },
    };
  }
}

/** Excel.HeaderFooter: the centre header is modelled; its codes (&P, &N…) are kept as written. */
export class FakeHeaderFooter extends FakeClientObject {
  constructor(private readonly worksheet: FakeWorksheet, path: string, private readonly field: 'defaultCenterHeader' | 'firstPageCenterHeader') {
    super(worksheet.context, path);
  }

  get centerHeader(): string {
    return this.readLoaded('centerHeader');
  }
  set centerHeader(value: string) {
    this.writeProperty('centerHeader', value);
  }

  protected override properties(): Record<string, PropertySpec> {
    const layout = () => this.worksheet.sheet().pageLayout;
    return {
      centerHeader: {
        read: () => layout()[this.field],
        write: (value: string) => {
          if (typeof value !== 'string' || value.length > 255) fail('InvalidArgument', `Invalid header ${json(value)}.`);
          layout()[this.field] = value;
        },
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------------
// Charts (ExcelApi 1.1; ChartSeriesCollection.add 1.7)
// ---------------------------------------------------------------------------------------------------

/** The Excel.ChartType values the fake accepts: the usual ones (anything else is InvalidArgument). */
export const CHART_TYPES = [
  'ColumnClustered', 'ColumnStacked', 'ColumnStacked100', 'BarClustered', 'BarStacked', 'BarStacked100', 'Line', 'LineMarkers',
  'LineStacked', 'Pie', 'PieExploded', 'Doughnut', 'Area', 'AreaStacked', 'XYScatter', 'Radar',
] as const;

/** A top-left cell as "H12", from an address or a range of the chart's sheet. */
function cellAddressOf(target: FakeRange | string, sheet: FakeSheet): string {
  if (typeof target !== 'string') {
    if (target.sheet() !== sheet) fail('InvalidArgument', `${target.path} is not on the chart's sheet.`);
    const rect = target.rect();
    return rectAddress({ row: rect.row, col: rect.col, rowCount: 1, colCount: 1 });
  }
  const rect = tryParseRange(target) ?? fail('InvalidArgument', `'${target}' is not a valid cell address.`);
  return rectAddress({ row: rect.row, col: rect.col, rowCount: 1, colCount: 1 });
}

/**
 * How many series Excel makes of a source range without a header row: one per column (or row), less
 * the first when it holds text, which Excel takes for the categories.
 */
function seriesCountOf(sheet: FakeSheet, rect: Rect, seriesBy: string): number {
  const byColumns = seriesBy === 'Columns' || (seriesBy === 'Auto' && rect.rowCount >= rect.colCount);
  const lines = byColumns ? rect.colCount : rect.rowCount;
  const first = byColumns ? { ...rect, colCount: 1 } : { ...rect, rowCount: 1 };
  const categories = sheet.map(first, (cell) => cell.value).flat().some((v) => typeof v === 'string' && v !== '');
  return lines > 1 && categories ? lines - 1 : lines;
}

export class FakeChartCollection extends FakeCollection<FakeChart> {
  constructor(readonly worksheet: FakeWorksheet) {
    super(worksheet.context, `${worksheet.path}.charts`);
  }

  /** Queued: at sync the chart is drawn over `sourceData` (ExcelApi 1.1). */
  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChart {
    const by = seriesBy ?? 'Auto';
    const chart = new FakeChart(this.worksheet, `${this.path}.add(${json(type)},${sourceData.path},${json(by)})`);
    this.queueCall('add', [type, sourceData.path, by], () => {
      if (!(CHART_TYPES as readonly string[]).includes(type)) fail('InvalidArgument', `Unknown chart type ${json(type)}.`);
      if (!['Auto', 'Columns', 'Rows'].includes(by)) fail('InvalidArgument', `seriesBy must be Auto, Columns or Rows; got ${json(by)}.`);
      const sheet = this.worksheet.sheet();
      const rect = sourceData.rect();
      const data = sourceData.sheet();
      const count = seriesCountOf(data, rect, by);
      let n = sheet.charts.length + 1;
      while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
      const model: ChartData = {
        name: `Chart ${n}`, type, source: qualifiedAddress(data.name, rect), seriesBy: by, title: '',
        seriesNames: Array.from({ length: count }, (_, i) => `Series${i + 1}`), anchor: null, endCell: null,
        width: DEFAULT_CHART_WIDTH, height: DEFAULT_CHART_HEIGHT,
      };
      sheet.charts.push(model);
      chart.bind(model);
    });
    return chart;
  }

  getItem(name: string): FakeChart {
    return this.lookup(`getItem(${json(name)})`, (charts) => charts.find((c) => c.name.toLowerCase() === name.toLowerCase()) ?? fail('ItemNotFound', `The chart '${name}' does not exist.`));
  }

  getItemAt(index: number): FakeChart {
    return this.lookup(`getItemAt(${index})`, (charts) => charts[index] ?? fail('ItemNotFound', `There is no chart at ${index}.`));
  }

  protected override currentItems(): FakeChart[] {
    return this.worksheet.sheet().charts.map((model, i) => {
      const chart = new FakeChart(this.worksheet, `${this.path}.getItemAt(${i})`);
      chart.bind(model);
      return chart;
    });
  }

  private lookup(call: string, find: (charts: ChartData[]) => ChartData): FakeChart {
    const chart = new FakeChart(this.worksheet, `${this.path}.${call}`);
    this.queueResolve(chart, () => chart.bind(find(this.worksheet.sheet().charts)));
    return chart;
  }
}

export class FakeChart extends FakeClientObject {
  readonly title: FakeChartTitle;
  readonly series: FakeChartSeriesCollection;
  private target: ChartData | undefined;

  constructor(readonly worksheet: FakeWorksheet, path: string) {
    super(worksheet.context, path);
    this.title = new FakeChartTitle(this);
    this.series = new FakeChartSeriesCollection(this);
  }

  get name(): string {
    return this.readLoaded('name');
  }
  set name(value: string) {
    this.writeProperty('name', value);
  }
  /** Points. */
  get width(): number {
    return this.readLoaded('width');
  }
  set width(value: number) {
    this.writeProperty('width', value);
  }
  get height(): number {
    return this.readLoaded('height');
  }
  set height(value: number) {
    this.writeProperty('height', value);
  }

  bind(chart: ChartData): void {
    this.target = chart;
  }

  /** The model chart; a deleted one (or one of a deleted sheet) fails like Office.js does. */
  chart(): ChartData {
    if (this.target === undefined) fail('InvalidObjectPath', `${this.path} was not resolved.`);
    if (!this.worksheet.sheet().charts.includes(this.target)) fail('ItemNotFound', `${this.path} does not exist.`);
    return this.target;
  }

  /** Places the top-left corner on `startCell` (and the bottom-right on `endCell`, when given). */
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    const arg = (target: FakeRange | string) => (typeof target === 'string' ? target : target.path);
    this.queueCall('setPosition', endCell === undefined ? [arg(startCell)] : [arg(startCell), arg(endCell)], () => {
      const chart = this.chart();
      const sheet = this.worksheet.sheet();
      chart.anchor = cellAddressOf(startCell, sheet);
      chart.endCell = endCell === undefined ? null : cellAddressOf(endCell, sheet);
    });
  }

  delete(): void {
    this.queueCall('delete', [], () => {
      const charts = this.worksheet.sheet().charts;
      charts.splice(charts.indexOf(this.chart()), 1);
    });
  }

  protected override children(): Record<string, FakeClientObject> {
    return { title: this.title, series: this.series };
  }

  protected override properties(): Record<string, PropertySpec> {
    const size = (key: 'width' | 'height'): PropertySpec => ({
      read: () => this.chart()[key],
      write: (value: number) => {
        if (typeof value !== 'number' || !(value > 0)) fail('InvalidArgument', `Invalid chart ${key} ${json(value)}.`);
        this.chart()[key] = value;
      },
    });
    return {
      name: {
        read: () => this.chart().name,
        write: (value: string) => {
          if (typeof value !== 'string' || value === '') fail('InvalidArgument', `Invalid chart name ${json(value)}.`);
          this.chart().name = value;
        },
      },
      width: size('width'),
      height: size('height'),
    };
  }
}

export class FakeChartTitle extends FakeClientObject {
  constructor(private readonly owner: FakeChart) {
    super(owner.context, `${owner.path}.title`);
  }

  get text(): string {
    return this.readLoaded('text');
  }
  set text(value: string) {
    this.writeProperty('text', value);
  }

  protected override properties(): Record<string, PropertySpec> {
    return {
      text: {
        read: () => this.owner.chart().title,
        write: (value: string) => {
          if (typeof value !== 'string') fail('InvalidArgument', `A chart title is text; got ${json(value)}.`);
          this.owner.chart().title = value;
        },
      },
    };
  }
}

export class FakeChartSeriesCollection extends FakeCollection<FakeChartSeries> {
  constructor(private readonly owner: FakeChart) {
    super(owner.context, `${owner.path}.series`);
  }

  /** The series at `index` (ExcelApi 1.1); one the chart does not have fails the sync with ItemNotFound. */
  getItemAt(index: number): FakeChartSeries {
    const series = new FakeChartSeries(this.owner, `${this.path}.getItemAt(${index})`, index);
    this.queueResolve(series, () => {
      const count = this.owner.chart().seriesNames.length;
      if (!Number.isInteger(index) || index < 0 || index >= count) fail('ItemNotFound', `The chart has ${count} series; there is none at ${index}.`);
    });
    return series;
  }

  /** A new, empty series (ExcelApi 1.7). */
  add(name?: string, index?: number): FakeChartSeries {
    this.context.requirements.require('1.7', 'ChartSeriesCollection.add');
    const series = new FakeChartSeries(this.owner, `${this.path}.add(${json(name ?? null)})`, -1);
    this.queueCall('add', [name ?? null, index ?? null], () => {
      const names = this.owner.chart().seriesNames;
      const at = index ?? names.length;
      if (!Number.isInteger(at) || at < 0 || at > names.length) fail('InvalidArgument', `Series index ${at}.`);
      names.splice(at, 0, name ?? `Series${names.length + 1}`);
      series.bindIndex(at);
    });
    return series;
  }

  protected override currentItems(): FakeChartSeries[] {
    return this.owner.chart().seriesNames.map((_, i) => new FakeChartSeries(this.owner, `${this.path}.getItemAt(${i})`, i));
  }
}

export class FakeChartSeries extends FakeClientObject {
  constructor(private readonly owner: FakeChart, path: string, private index: number) {
    super(owner.context, path);
  }

  get name(): string {
    return this.readLoaded('name');
  }
  set name(value: string) {
    this.writeProperty('name', value);
  }

  bindIndex(index: number): void {
    this.index = index;
  }

  protected override properties(): Record<string, PropertySpec> {
    const names = () => {
      const list = this.owner.chart().seriesNames;
      if (this.index < 0 || this.index >= list.length) fail('ItemNotFound', `${this.path} does not exist.`);
      return list;
    };
    return {
      name: {
        read: () => names()[this.index],
        write: (value: string) => {
          if (typeof value !== 'string' || value.length > 255) fail('InvalidArgument', `A series name is text of at most 255 characters; got ${json(value)}.`);
          names()[this.index] = value;
        },
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------------
// Shapes (ExcelApi 1.9): geometric shapes, text boxes and lines (connectors)
// ---------------------------------------------------------------------------------------------------

/** The Excel.GeometricShapeType values the fake accepts (anything else is InvalidArgument). */
export const GEOMETRIC_SHAPE_TYPES = [
  'Rectangle', 'RoundRectangle', 'Ellipse', 'Diamond', 'Triangle', 'Hexagon', 'FlowChartProcess', 'FlowChartAlternateProcess', 'RightArrow', 'Star5',
] as const;
export const CONNECTOR_TYPES = ['Straight', 'Elbow', 'Curve'] as const;
const CONNECTOR_NAMES: Record<string, string> = { Straight: 'Straight Connector', Elbow: 'Connector: Elbow', Curve: 'Connector: Curved' };
const SHAPE_HORIZONTAL_ALIGNMENTS = ['Left', 'Center', 'Right', 'Justify', 'JustifyLow', 'Distributed', 'ThaiDistributed'];
const SHAPE_VERTICAL_ALIGNMENTS = ['Top', 'Middle', 'Bottom', 'Justified', 'Distributed'];
const SHAPE_AUTO_SIZES = ['AutoSizeNone', 'AutoSizeTextToFitShape', 'AutoSizeShapeToFitText'];
const SHAPE_DASH_STYLES = ['Dash', 'DashDot', 'DashDotDot', 'LongDash', 'LongDashDot', 'RoundDot', 'Solid', 'SquareDot', 'LongDashDotDot', 'SystemDash', 'SystemDot', 'SystemDashDot'];

/** A position or size in points: finite and not negative. */
function checkPoints(what: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail('InvalidArgument', `Invalid ${what} ${json(value)}.`);
  return value;
}

/** "#RRGGBB" or a colour name ("black"), as Office.js takes colours. */
function checkColor(what: string, value: unknown): string {
  if (typeof value !== 'string' || !/^(#[0-9A-Fa-f]{6}|[A-Za-z]+)$/.test(value)) fail('InvalidArgument', `Invalid ${what} ${json(value)}.`);
  return value;
}

function newShape(sheet: FakeSheet, type: ShapeData['type'], geometricShapeType: string | null, name: string): ShapeData {
  const id = String(sheet.nextShapeId++);
  return {
    id, name: `${name} ${id}`, type, geometricShapeType, left: 0, top: 0, width: 0, height: 0, altTextTitle: '', altTextDescription: '', text: '',
    font: { name: 'Calibri', size: 11, bold: false, italic: false, color: '#FFFFFF' },
    textFrame: { horizontalAlignment: 'Left', verticalAlignment: 'Top', autoSizeSetting: 'AutoSizeNone', leftMargin: 7.2, rightMargin: 7.2, topMargin: 3.6, bottomMargin: 3.6 },
    fill: { type: 'Solid', color: '#4472C4', transparency: 0 },
    lineFormat: { visible: true, color: '#2F528F', weight: 1, dashStyle: 'Solid' },
    line: null,
  };
}

export class FakeShapeCollection extends FakeCollection<FakeShape> {
  constructor(readonly worksheet: FakeWorksheet) {
    super(worksheet.context, `${worksheet.path}.shapes`);
  }

  /** Queued: a shape of the type at (0, 0), 100 × 100 pt until moved. */
  addGeometricShape(geometricShapeType: string): FakeShape {
    return this.add('addGeometricShape', [geometricShapeType], (sheet) => {
      if (!(GEOMETRIC_SHAPE_TYPES as readonly string[]).includes(geometricShapeType)) fail('InvalidArgument', `Unknown geometric shape type ${json(geometricShapeType)}.`);
      return Object.assign(newShape(sheet, 'GeometricShape', geometricShapeType, geometricShapeType), { width: 100, height: 100 });
    });
  }

  /** Queued: a line from (startLeft, startTop) to (endLeft, endTop), its ends free. */
  addLine(startLeft: number, startTop: number, endLeft: number, endTop: number, connectorType: string = 'Straight'): FakeShape {
    return this.add('addLine', [startLeft, startTop, endLeft, endTop, connectorType], (sheet) => {
      if (!(CONNECTOR_TYPES as readonly string[]).includes(connectorType)) fail('InvalidArgument', `Unknown connector type ${json(connectorType)}.`);
      const free = (x: number, y: number): LineEndData => ({ point: { x: checkPoints('line position', x), y: checkPoints('line position', y) }, shape: null, site: null });
      const shape = newShape(sheet, 'Line', null, CONNECTOR_NAMES[connectorType]);
      shape.fill = { type: 'NoFill', color: '', transparency: 0 };
      shape.lineFormat = { visible: true, color: '#4472C4', weight: 0.75, dashStyle: 'Solid' };
      shape.line = { connectorType, begin: free(startLeft, startTop), end: free(endLeft, endTop) };
      return shape;
    });
  }

  /** Queued: a text box holding `text`, at (0, 0), 100 × 100 pt until moved. */
  addTextBox(text?: string): FakeShape {
    return this.add('addTextBox', [text ?? null], (sheet) => {
      if (text !== undefined && typeof text !== 'string') fail('InvalidArgument', `A text box holds text; got ${json(text)}.`);
      const shape = Object.assign(newShape(sheet, 'GeometricShape', 'Rectangle', 'TextBox'), { width: 100, height: 100, text: text ?? '' });
      shape.fill = { type: 'Solid', color: '#FFFFFF', transparency: 0 };
      shape.lineFormat = { visible: true, color: '#000000', weight: 0.75, dashStyle: 'Solid' };
      shape.font.color = '#000000';
      return shape;
    });
  }

  /** A shape by id or name (names case-insensitively); ItemNotFound at sync when there is none. */
  getItem(key: string): FakeShape {
    return this.lookup(`getItem(${json(key)})`, (shapes) => shapes.find((s) => s.id === key || s.name.toLowerCase() === String(key).toLowerCase()) ?? fail('ItemNotFound', `The shape '${key}' does not exist.`));
  }

  getItemAt(index: number): FakeShape {
    return this.lookup(`getItemAt(${index})`, (shapes) => shapes[index] ?? fail('ItemNotFound', `There is no shape at ${index}.`));
  }

  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>(`${this.path}.getCount()`);
    this.queueCall('getCount', [], () => {
      const count = this.worksheet.sheet().shapes.length;
      result.resolve(count);
      this.context.noteLoaded(count, () => result.forget());
    });
    return result;
  }

  protected override currentItems(): FakeShape[] {
    return this.worksheet.sheet().shapes.map((model, i) => {
      const shape = new FakeShape(this.worksheet, `${this.path}.getItemAt(${i})`);
      shape.bind(model);
      return shape;
    });
  }

  private add(method: string, args: unknown[], make: (sheet: FakeSheet) => ShapeData): FakeShape {
    const shape = new FakeShape(this.worksheet, `${this.path}.${method}(${args.map((a) => json(a ?? null)).join(',')})`);
    this.queueCall(method, args, () => {
      const sheet = this.worksheet.sheet();
      const model = make(sheet);
      sheet.shapes.push(model);
      shape.bind(model);
    });
    return shape;
  }

  private lookup(call: string, find: (shapes: ShapeData[]) => ShapeData): FakeShape {
    const shape = new FakeShape(this.worksheet, `${this.path}.${call}`);
    this.queueResolve(shape, () => shape.bind(find(this.worksheet.sheet().shapes)));
    return shape;
  }
}

export class FakeShape extends FakeClientObject {
  readonly fill: FakeShapeFill;
  readonly lineFormat: FakeShapeLineFormat;
  readonly textFrame: FakeTextFrame;
  readonly line: FakeLine;
  private target: ShapeData | undefined;

  constructor(readonly worksheet: FakeWorksheet, path: string) {
    super(worksheet.context, path);
    this.fill = new FakeShapeFill(this);
    this.lineFormat = new FakeShapeLineFormat(this);
    this.textFrame = new FakeTextFrame(this);
    this.line = new FakeLine(this);
  }

  get id(): string {
    return this.readLoaded('id');
  }
  get name(): string {
    return this.readLoaded('name');
  }
  set name(value: string) {
    this.writeProperty('name', value);
  }
  /** "GeometricShape" or "Line". */
  get type(): string {
    return this.readLoaded('type');
  }
  get geometricShapeType(): string | null {
    return this.readLoaded('geometricShapeType');
  }
  set geometricShapeType(value: string) {
    this.writeProperty('geometricShapeType', value);
  }
  /** Points from the left of the sheet. */
  get left(): number {
    return this.readLoaded('left');
  }
  set left(value: number) {
    this.writeProperty('left', value);
  }
  get top(): number {
    return this.readLoaded('top');
  }
  set top(value: number) {
    this.writeProperty('top', value);
  }
  get width(): number {
    return this.readLoaded('width');
  }
  set width(value: number) {
    this.writeProperty('width', value);
  }
  get height(): number {
    return this.readLoaded('height');
  }
  set height(value: number) {
    this.writeProperty('height', value);
  }
  get altTextTitle(): string {
    return this.readLoaded('altTextTitle');
  }
  set altTextTitle(value: string) {
    this.writeProperty('altTextTitle', value);
  }
  get altTextDescription(): string {
    return this.readLoaded('altTextDescription');
  }
  set altTextDescription(value: string) {
    this.writeProperty('altTextDescription', value);
  }
  get connectionSiteCount(): number {
    return this.readLoaded('connectionSiteCount');
  }
  get zOrderPosition(): number {
    return this.readLoaded('zOrderPosition');
  }

  bind(shape: ShapeData): void {
    this.target = shape;
  }

  /** The model shape; a deleted one (or one of a deleted sheet) fails like Office.js does. */
  shape(): ShapeData {
    if (this.target === undefined) fail('InvalidObjectPath', `${this.path} was not resolved.`);
    if (!this.worksheet.sheet().shapes.includes(this.target)) fail('ItemNotFound', `${this.path} does not exist.`);
    return this.target;
  }

  /** The model line; InvalidArgument for a shape that is not a line. */
  lineData(): NonNullable<ShapeData['line']> {
    return this.shape().line ?? fail('InvalidArgument', `${this.path} is not a line.`);
  }

  /** Removes the shape; the ends of lines attached to it stay where they were, free. */
  delete(): void {
    this.queueCall('delete', [], () => {
      const shape = this.shape();
      const shapes = this.worksheet.sheet().shapes;
      for (const other of shapes) {
        if (!other.line) continue;
        const { begin, end } = lineGeometry(shapes, other);
        if (other.line.begin.shape === shape.id) other.line.begin = { point: begin, shape: null, site: null };
        if (other.line.end.shape === shape.id) other.line.end = { point: end, shape: null, site: null };
      }
      shapes.splice(shapes.indexOf(shape), 1);
    });
  }

  protected override children(): Record<string, FakeClientObject> {
    return { fill: this.fill, lineFormat: this.lineFormat, textFrame: this.textFrame, line: this.line };
  }

  protected override properties(): Record<string, PropertySpec> {
    const box = (key: 'left' | 'top' | 'width' | 'height'): PropertySpec => ({
      read: () => {
        const shape = this.shape();
        return shape.line ? lineGeometry(this.worksheet.sheet().shapes, shape)[key] : shape[key];
      },
      write: (value: number) => {
        const shape = this.shape();
        if (shape.line) fail('InvalidArgument', `The fake places a line by its ends only; ${key} of ${this.path} is read-only here.`);
        shape[key] = checkPoints(`shape ${key}`, value);
      },
    });
    const text = (key: 'name' | 'altTextTitle' | 'altTextDescription'): PropertySpec => ({
      read: () => this.shape()[key],
      write: (value: string) => {
        if (typeof value !== 'string' || (key === 'name' && value === '')) fail('InvalidArgument', `Invalid shape ${key} ${json(value)}.`);
        this.shape()[key] = value;
      },
    });
    return {
      id: { read: () => this.shape().id },
      name: text('name'),
      type: { read: () => this.shape().type },
      geometricShapeType: {
        read: () => this.shape().geometricShapeType,
        write: (value: string) => {
          const shape = this.shape();
          if (shape.type !== 'GeometricShape') fail('InvalidArgument', `${this.path} is not a geometric shape.`);
          if (!(GEOMETRIC_SHAPE_TYPES as readonly string[]).includes(value)) fail('InvalidArgument', `Unknown geometric shape type ${json(value)}.`);
          shape.geometricShapeType = value;
        },
      },
      left: box('left'),
      top: box('top'),
      width: box('width'),
      height: box('height'),
      altTextTitle: text('altTextTitle'),
      altTextDescription: text('altTextDescription'),
      connectionSiteCount: {
        read: () => {
          const shape = this.shape();
          if (shape.line) return 0;
          const sites = CONNECTION_SITES[shape.geometricShapeType ?? ''];
          return sites ? sites.length : fail('InvalidArgument', `The fake does not know the connection sites of a ${shape.geometricShapeType}.`);
        },
      },
      zOrderPosition: { read: () => this.worksheet.sheet().shapes.indexOf(this.shape()) },
    };
  }
}

export class FakeShapeFill extends FakeClientObject {
  constructor(private readonly owner: FakeShape) {
    super(owner.context, `${owner.path}.fill`);
  }

  /** '' when there is no fill. */
  get foregroundColor(): string {
    return this.readLoaded('foregroundColor');
  }
  set foregroundColor(value: string) {
    this.writeProperty('foregroundColor', value);
  }
  /** 0 (opaque) to 1 (clear). */
  get transparency(): number {
    return this.readLoaded('transparency');
  }
  set transparency(value: number) {
    this.writeProperty('transparency', value);
  }
  /** "Solid" or "NoFill". */
  get type(): string {
    return this.readLoaded('type');
  }

  setSolidColor(color: string): void {
    this.queueCall('setSolidColor', [color], () => {
      this.owner.shape().fill = { type: 'Solid', color: checkColor('fill colour', color), transparency: 0 };
    });
  }

  clear(): void {
    this.queueCall('clear', [], () => {
      this.owner.shape().fill = { type: 'NoFill', color: '', transparency: 0 };
    });
  }

  protected override properties(): Record<string, PropertySpec> {
    const fill = () => this.owner.shape().fill;
    return {
      foregroundColor: { read: () => fill().color, write: (value: string) => Object.assign(fill(), { type: 'Solid', color: checkColor('fill colour', value) }) },
      transparency: {
        read: () => fill().transparency,
        write: (value: number) => {
          if (typeof value !== 'number' || !(value >= 0 && value <= 1)) fail('InvalidArgument', `Invalid transparency ${json(value)}.`);
          fill().transparency = value;
        },
      },
      type: { read: () => fill().type },
    };
  }
}

export class FakeShapeLineFormat extends FakeClientObject {
  constructor(private readonly owner: FakeShape) {
    super(owner.context, `${owner.path}.lineFormat`);
  }

  get color(): string {
    return this.readLoaded('color');
  }
  set color(value: string) {
    this.writeProperty('color', value);
  }
  /** Points. */
  get weight(): number {
    return this.readLoaded('weight');
  }
  set weight(value: number) {
    this.writeProperty('weight', value);
  }
  get visible(): boolean {
    return this.readLoaded('visible');
  }
  set visible(value: boolean) {
    this.writeProperty('visible', value);
  }
  get dashStyle(): string {
    return this.readLoaded('dashStyle');
  }
  set dashStyle(value: string) {
    this.writeProperty('dashStyle', value);
  }

  protected override properties(): Record<string, PropertySpec> {
    const format = () => this.owner.shape().lineFormat;
    return {
      color: { read: () => format().color, write: (value: string) => void (format().color = checkColor('line colour', value)) },
      weight: {
        read: () => format().weight,
        write: (value: number) => {
          if (typeof value !== 'number' || !(value > 0 && value <= 1584)) fail('InvalidArgument', `Invalid line weight ${json(value)}.`);
          format().weight = value;
        },
      },
      visible: { read: () => format().visible, write: (value: boolean) => void (format().visible = value === true) },
      dashStyle: { read: () => format().dashStyle, write: (value: string) => void (oneOf('dashStyle', SHAPE_DASH_STYLES)(value), (format().dashStyle = value)) },
    };
  }
}

export class FakeTextFrame extends FakeClientObject {
  readonly textRange: FakeTextRange;

  constructor(readonly owner: FakeShape) {
    super(owner.context, `${owner.path}.textFrame`);
    this.textRange = new FakeTextRange(this);
  }

  get horizontalAlignment(): string {
    return this.readLoaded('horizontalAlignment');
  }
  set horizontalAlignment(value: string) {
    this.writeProperty('horizontalAlignment', value);
  }
  get verticalAlignment(): string {
    return this.readLoaded('verticalAlignment');
  }
  set verticalAlignment(value: string) {
    this.writeProperty('verticalAlignment', value);
  }
  get autoSizeSetting(): string {
    return this.readLoaded('autoSizeSetting');
  }
  set autoSizeSetting(value: string) {
    this.writeProperty('autoSizeSetting', value);
  }
  get leftMargin(): number {
    return this.readLoaded('leftMargin');
  }
  set leftMargin(value: number) {
    this.writeProperty('leftMargin', value);
  }
  get rightMargin(): number {
    return this.readLoaded('rightMargin');
  }
  set rightMargin(value: number) {
    this.writeProperty('rightMargin', value);
  }
  get topMargin(): number {
    return this.readLoaded('topMargin');
  }
  set topMargin(value: number) {
    this.writeProperty('topMargin', value);
  }
  get bottomMargin(): number {
    return this.readLoaded('bottomMargin');
  }
  set bottomMargin(value: number) {
    this.writeProperty('bottomMargin', value);
  }
  get hasText(): boolean {
    return this.readLoaded('hasText');
  }

  deleteText(): void {
    this.queueCall('deleteText', [], () => void (this.shapeWithText().text = ''));
  }

  /** The model shape, which must not be a line (the fake gives lines no text). */
  shapeWithText(): ShapeData {
    const shape = this.owner.shape();
    if (shape.line) fail('InvalidArgument', `${this.owner.path} is a line: it has no text frame.`);
    return shape;
  }

  protected override children(): Record<string, FakeClientObject> {
    return { textRange: this.textRange };
  }

  protected override properties(): Record<string, PropertySpec> {
    const frame = () => this.shapeWithText().textFrame;
    const margin = (key: 'leftMargin' | 'rightMargin' | 'topMargin' | 'bottomMargin'): PropertySpec => ({
      read: () => frame()[key],
      write: (value: number) => void (frame()[key] = checkPoints(key, value)),
    });
    const choice = (key: 'horizontalAlignment' | 'verticalAlignment' | 'autoSizeSetting', allowed: string[]): PropertySpec => ({
      read: () => frame()[key],
      write: (value: string) => {
        oneOf(key, allowed)(value);
        frame()[key] = value;
      },
    });
    return {
      horizontalAlignment: choice('horizontalAlignment', SHAPE_HORIZONTAL_ALIGNMENTS),
      verticalAlignment: choice('verticalAlignment', SHAPE_VERTICAL_ALIGNMENTS),
      autoSizeSetting: choice('autoSizeSetting', SHAPE_AUTO_SIZES),
      leftMargin: margin('leftMargin'),
      rightMargin: margin('rightMargin'),
      topMargin: margin('topMargin'),
      bottomMargin: margin('bottomMargin'),
      hasText: { read: () => this.shapeWithText().text !== '' },
    };
  }
}

export class FakeTextRange extends FakeClientObject {
  readonly font: FakeShapeFont;

  constructor(readonly frame: FakeTextFrame) {
    super(frame.context, `${frame.path}.textRange`);
    this.font = new FakeShapeFont(this);
  }

  get text(): string {
    return this.readLoaded('text');
  }
  set text(value: string) {
    this.writeProperty('text', value);
  }

  protected override children(): Record<string, FakeClientObject> {
    return { font: this.font };
  }

  protected override properties(): Record<string, PropertySpec> {
    return {
      text: {
        read: () => this.frame.shapeWithText().text,
        write: (value: string) => {
          if (typeof value !== 'string') fail('InvalidArgument', `Shape text is text; got ${json(value)}.`);
          this.frame.shapeWithText().text = value;
        },
      },
    };
  }
}

export class FakeShapeFont extends FakeFontBase {
  constructor(private readonly range: FakeTextRange) {
    super(range.context, `${range.path}.font`);
  }

  protected override properties(): Record<string, PropertySpec> {
    const font = () => this.range.frame.shapeWithText().font;
    return {
      name: {
        read: () => font().name,
        write: (value: string) => {
          if (typeof value !== 'string' || value === '') fail('InvalidArgument', `Invalid font name ${json(value)}.`);
          font().name = value;
        },
      },
      size: {
        read: () => font().size,
        write: (value: number) => {
          if (typeof value !== 'number' || value < 1 || value > 409) fail('InvalidArgument', `font size ${json(value)}`);
          font().size = value;
        },
      },
      bold: { read: () => font().bold, write: (value: boolean) => void (font().bold = value === true) },
      italic: { read: () => font().italic, write: (value: boolean) => void (font().italic = value === true) },
      color: { read: () => font().color, write: (value: string) => void (font().color = checkColor('font colour', value)) },
    };
  }
}

/** Excel.Line: the connector part of a line shape. Every member fails at sync on a shape that is not a line. */
export class FakeLine extends FakeClientObject {
  constructor(private readonly owner: FakeShape) {
    super(owner.context, `${owner.path}.line`);
  }

  get id(): string {
    return this.readLoaded('id');
  }
  /** "Straight", "Elbow" or "Curve". */
  get connectorType(): string {
    return this.readLoaded('connectorType');
  }
  set connectorType(value: string) {
    this.writeProperty('connectorType', value);
  }
  get isBeginConnected(): boolean {
    return this.readLoaded('isBeginConnected');
  }
  get isEndConnected(): boolean {
    return this.readLoaded('isEndConnected');
  }
  /** null when the end is free. */
  get beginConnectedSite(): number | null {
    return this.readLoaded('beginConnectedSite');
  }
  get endConnectedSite(): number | null {
    return this.readLoaded('endConnectedSite');
  }

  /** Attaches the begin to a connection site of `shape` (0 ≤ site < its connectionSiteCount); the end moves onto it. */
  connectBeginShape(shape: FakeShape, connectionSite: number): void {
    this.connect('connectBeginShape', 'begin', shape, connectionSite);
  }

  connectEndShape(shape: FakeShape, connectionSite: number): void {
    this.connect('connectEndShape', 'end', shape, connectionSite);
  }

  /** Frees the begin where it is. */
  disconnectBeginShape(): void {
    this.disconnect('disconnectBeginShape', 'begin');
  }

  disconnectEndShape(): void {
    this.disconnect('disconnectEndShape', 'end');
  }

  protected override properties(): Record<string, PropertySpec> {
    const line = () => this.owner.lineData();
    return {
      id: { read: () => (line(), this.owner.shape().id) },
      connectorType: {
        read: () => line().connectorType,
        write: (value: string) => {
          oneOf('connectorType', [...CONNECTOR_TYPES])(value);
          line().connectorType = value;
        },
      },
      isBeginConnected: { read: () => line().begin.shape !== null },
      isEndConnected: { read: () => line().end.shape !== null },
      beginConnectedSite: { read: () => line().begin.site },
      endConnectedSite: { read: () => line().end.site },
    };
  }

  private connect(method: string, which: 'begin' | 'end', shape: FakeShape, site: number): void {
    if (!(shape instanceof FakeShape)) fail('InvalidArgument', `${method} takes a Shape; got ${json(shape)}.`);
    this.queueCall(method, [shape.path, site], () => {
      const line = this.owner.lineData();
      const self = this.owner.shape();
      if (shape.worksheet.sheet() !== this.owner.worksheet.sheet()) fail('InvalidArgument', `${shape.path} is not on the line's sheet.`);
      const target = shape.shape();
      if (target === self || target.line) fail('InvalidArgument', `A line connects to a shape, not to ${target === self ? 'itself' : 'another line'}.`);
      const sites = CONNECTION_SITES[target.geometricShapeType ?? ''];
      if (!sites) fail('InvalidArgument', `The fake does not know the connection sites of a ${target.geometricShapeType}.`);
      if (!Number.isInteger(site) || site < 0 || site >= sites.length) fail('InvalidArgument', `Connection site ${json(site)} of ${target.name}: it has ${sites.length} (0 to ${sites.length - 1}).`);
      line[which] = { point: sitePoint(target, site), shape: target.id, site };
    });
  }

  private disconnect(method: string, which: 'begin' | 'end'): void {
    this.queueCall(method, [], () => {
      const line = this.owner.lineData();
      const geometry = lineGeometry(this.owner.worksheet.sheet().shapes, this.owner.shape());
      line[which] = { point: geometry[which], shape: null, site: null };
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Range.getCellProperties (ExcelApi 1.9) and the ClientResult it returns (templates read back)
// ---------------------------------------------------------------------------------------------------

/** OfficeExtension.ClientResult: `value` is readable only after the sync that carried the call. */
export class FakeClientResult<T> {
  private state: { value: T } | undefined;

  constructor(private readonly what: string) {}

  get value(): T {
    if (!this.state) fail('ValueNotLoaded', `The value of ${this.what} is not available. Call context.sync() before reading it.`);
    return this.state.value;
  }

  resolve(value: T): void {
    this.state = { value };
  }

  /** A response over the limit never arrives: the value stays unreadable. */
  forget(): void {
    this.state = undefined;
  }
}

export const UNDERLINE_STYLES = ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'] as const;

/** Excel.CellPropertiesLoadOptions, limited to what the fake answers (anything else is InvalidArgument). */
export interface CellPropertiesLoadOptions {
  address?: boolean;
  format?: {
    font?: { name?: boolean; size?: boolean; bold?: boolean; italic?: boolean; underline?: boolean; color?: boolean };
    fill?: { color?: boolean; pattern?: boolean };
    horizontalAlignment?: boolean;
    verticalAlignment?: boolean;
    wrapText?: boolean;
    borders?: { style?: boolean; weight?: boolean; color?: boolean };
  };
}

/** One cell's answer, shaped like Excel.CellProperties (only the members asked for are present). */
export interface CellPropertiesData {
  address?: string;
  format?: {
    font?: { name?: string; size?: number; bold?: boolean; italic?: boolean; underline?: string; color?: string };
    fill?: { color?: string; pattern?: string };
    horizontalAlignment?: string;
    verticalAlignment?: string;
    wrapText?: boolean;
    borders?: { [edge: string]: { style?: string; weight?: string; color?: string } };
  };
}

type CellPropertySelection = { [key: string]: true | CellPropertySelection };

const CELL_PROPERTY_OPTIONS: CellPropertySelection = {
  address: true,
  format: {
    font: { name: true, size: true, bold: true, italic: true, underline: true, color: true },
    fill: { color: true, pattern: true },
    horizontalAlignment: true, verticalAlignment: true, wrapText: true,
    borders: { style: true, weight: true, color: true },
  },
};

/** Checks the options against what the fake answers; only `true` members are selected. */
function selectCellProperties(options: unknown, allowed: CellPropertySelection = CELL_PROPERTY_OPTIONS, path = 'cellPropertiesLoadOptions'): CellPropertySelection {
  if (!options || typeof options !== 'object' || Array.isArray(options)) fail('InvalidArgument', `${path} must be an object.`);
  const out: CellPropertySelection = {};
  for (const [key, value] of Object.entries(options as Record<string, unknown>)) {
    const spec = allowed[key];
    if (spec === undefined) fail('InvalidArgument', `${path}.${key} is not a cell property the fake answers.`);
    if (value === false || value === undefined) continue;
    if (spec === true) {
      if (value !== true) fail('InvalidArgument', `${path}.${key} must be a boolean.`);
      out[key] = true;
    } else out[key] = selectCellProperties(value, spec, `${path}.${key}`);
  }
  return out;
}

const CELL_BORDER_EDGES: Record<string, CellEdge> = {
  top: 'EdgeTop', bottom: 'EdgeBottom', left: 'EdgeLeft', right: 'EdgeRight', diagonalDown: 'DiagonalDown', diagonalUp: 'DiagonalUp',
};

function pickSelected(source: object, selection: CellPropertySelection): Record<string, unknown> {
  return Object.fromEntries(Object.keys(selection).map((key) => [key, (source as Record<string, unknown>)[key]]));
}

/**
 * One cell's properties as Excel reports them: an unfilled cell has fill color "#FFFFFF" and pattern
 * "None" (only the pattern tells no fill from white); an edge without a border has style "None".
 * Excel's horizontal/vertical inside borders are left out (a single cell has none).
 */
function cellPropertiesOf(sheetName: string, row: number, col: number, cell: CellData, selection: CellPropertySelection): CellPropertiesData {
  const out: Record<string, unknown> = {};
  if (selection.address) out.address = qualifiedAddress(sheetName, { row, col, rowCount: 1, colCount: 1 });
  if (selection.format && selection.format !== true) {
    const f = cell.format;
    const answer: Record<string, unknown> = {};
    for (const [key, sub] of Object.entries(selection.format)) {
      if (sub === true) answer[key] = (f as unknown as Record<string, unknown>)[key];
      else if (key === 'font') answer.font = pickSelected({ ...f.font, underline: f.font.underline ?? 'None' }, sub);
      else if (key === 'fill') answer.fill = pickSelected({ color: f.fillColor || '#FFFFFF', pattern: f.fillColor ? 'Solid' : 'None' }, sub);
      else answer.borders = Object.fromEntries(Object.entries(CELL_BORDER_EDGES).map(([edge, index]) => [edge, pickSelected(f.borders[index] ?? DEFAULT_BORDER, sub)]));
    }
    out.format = answer;
  }
  return structuredClone(out) as CellPropertiesData;
}

// ---------------------------------------------------------------------------------------------------
// Key/value collections: worksheet custom properties (1.12) and workbook settings (1.4)
// ---------------------------------------------------------------------------------------------------

/** Where a key/value collection keeps its data, and how values are encoded there. */
interface KeyValueStore {
  map: () => Map<string, string>;
  encode: (value: unknown) => string;
  decode: (stored: string) => unknown;
  kind: string;
}

/** One entry: Excel.WorksheetCustomProperty or Excel.Setting (same shape: key, value, delete()). */
export class FakeKeyValueItem extends FakeClientObject {
  private exists: boolean | undefined;

  constructor(context: FakeRequestContext, path: string, private readonly store: KeyValueStore, private readonly itemKey: string) {
    super(context, path);
  }

  get key(): string {
    return this.readLoaded('key');
  }
  get value(): unknown {
    return this.readLoaded('value');
  }
  set value(value: unknown) {
    this.writeProperty('value', value);
  }

  bind(exists: boolean): void {
    this.exists = exists;
  }

  delete(): void {
    this.queueCall('delete', [], () => {
      this.storedKey();
      this.store.map().delete(this.storedKey());
    });
  }

  protected override isNull(): boolean {
    return this.exists === false;
  }

  protected override properties(): Record<string, PropertySpec> {
    return {
      key: { read: () => this.storedKey() },
      value: {
        read: () => this.store.decode(this.store.map().get(this.storedKey()) as string),
        write: (value: unknown) => void this.store.map().set(this.storedKey(), this.store.encode(value)),
      },
    };
  }

  /** The key as stored (custom property keys match case-insensitively). */
  private storedKey(): string {
    const key = findKey(this.store.map(), this.itemKey);
    if (this.exists === false || key === undefined) fail('ItemNotFound', `The ${this.store.kind} '${this.itemKey}' does not exist.`);
    return key;
  }
}

function findKey(map: Map<string, string>, key: string): string | undefined {
  const lower = key.toLowerCase();
  return [...map.keys()].find((k) => k.toLowerCase() === lower);
}

abstract class FakeKeyValueCollection extends FakeCollection<FakeKeyValueItem> {
  protected abstract readonly store: KeyValueStore;

  /** Adds or overwrites (Excel overwrites an existing key). */
  add(key: string, value: unknown): FakeKeyValueItem {
    const item = this.item(`add(${json(key)})`, key);
    this.queueCall('add', [key, value], () => {
      if (key.length === 0 || key.length > 255) fail('InvalidArgument', `Invalid ${this.store.kind} key ${json(key)}.`);
      const map = this.store.map();
      map.set(findKey(map, key) ?? key, this.store.encode(value));
      item.bind(true);
    });
    return item;
  }

  getItem(key: string): FakeKeyValueItem {
    const item = this.item(`getItem(${json(key)})`, key);
    this.queueResolve(item, () => {
      if (findKey(this.store.map(), key) === undefined) fail('ItemNotFound', `The ${this.store.kind} '${key}' does not exist.`);
      item.bind(true);
    });
    return item;
  }

  getItemOrNullObject(key: string): FakeKeyValueItem {
    const item = this.item(`getItemOrNullObject(${json(key)})`, key);
    this.queueResolve(item, () => item.bind(findKey(this.store.map(), key) !== undefined));
    return item;
  }

  protected override currentItems(): FakeKeyValueItem[] {
    return [...this.store.map().keys()].map((key) => {
      const item = this.item(`getItem(${json(key)})`, key);
      item.bind(true);
      return item;
    });
  }

  private item(call: string, key: string): FakeKeyValueItem {
    return new FakeKeyValueItem(this.context, `${this.path}.${call}`, this.store, key);
  }
}

export class FakeWorksheetCustomPropertyCollection extends FakeKeyValueCollection {
  protected readonly store: KeyValueStore;

  constructor(worksheet: FakeWorksheet) {
    super(worksheet.context, `${worksheet.path}.customProperties`);
    this.store = {
      map: () => worksheet.sheet().customProperties,
      // WorksheetCustomProperty.value is a string in Office.js.
      encode: (value) => (typeof value === 'string' ? value : fail('InvalidArgument', 'A worksheet custom property value must be a string.')),
      decode: (stored) => stored,
      kind: 'custom property',
    };
  }
}

export class FakeSettingCollection extends FakeKeyValueCollection {
  protected readonly store: KeyValueStore;

  constructor(context: FakeRequestContext, path: string) {
    super(context, path);
    this.store = {
      map: () => context.data.settings,
      // Settings are persisted as JSON: Dates come back as strings, functions are dropped.
      encode: (value) => JSON.stringify(value),
      decode: (stored) => JSON.parse(stored),
      kind: 'setting',
    };
  }
}

// ---------------------------------------------------------------------------------------------------
// Events (co-authoring): OfficeExtension.EventHandlers and EventHandlerResult (ExcelApi 1.7)
// ---------------------------------------------------------------------------------------------------

/** What an event property registers on: an event kind and, for onChanged, the sheet (resolved at sync time). */
type EventTarget = () => Omit<FakeEventRegistration, 'handler'>;

/**
 * OfficeExtension.EventHandlers<T>: add() and remove() are queued like any call and take effect at the
 * next sync of the context they were made on; the handlers themselves live on the workbook (FakeEventHub).
 */
export class FakeEventHandlers<T> {
  constructor(readonly context: FakeRequestContext, readonly path: string, private readonly target: EventTarget) {}

  add(handler: (args: T) => Promise<unknown>): FakeEventHandlerResult {
    const result = new FakeEventHandlerResult(this.context, this.path);
    this.context.enqueue({
      json: { call: `${this.path}.add` },
      apply: () => result.bind(this.context.data.events.register({ ...this.target(), handler: handler as (args: never) => unknown })),
    });
    return result;
  }

  /** Removes every registration of this handler for this event (queued). */
  remove(handler: (args: T) => Promise<unknown>): void {
    this.context.enqueue({
      json: { call: `${this.path}.remove` },
      apply: () => {
        const target = this.target();
        this.context.data.events.unregister((r) => r.handler === handler && r.event === target.event && r.worksheetId === target.worksheetId);
      },
    });
  }
}

/** OfficeExtension.EventHandlerResult<T>: remove() is queued on the context of the add(); it needs a sync. */
export class FakeEventHandlerResult {
  private registration: FakeEventRegistration | undefined;

  constructor(readonly context: FakeRequestContext, private readonly path: string) {}

  /** Called at sync time by the add(). */
  bind(registration: FakeEventRegistration): void {
    this.registration = registration;
  }

  remove(): void {
    this.context.enqueue({
      json: { call: `${this.path}.removeHandler` },
      apply: () => {
        const registration = this.registration ?? fail('InvalidOperation', `The handler of ${this.path} was never registered (no sync after add).`);
        this.context.data.events.unregister((r) => r === registration);
      },
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------------

export interface FakeExcel {
  /** Excel.run's plain overload; the context is typed as the real Excel.RequestContext. */
  Excel: { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> };
  Office: { context: { requirements: { isSetSupported: (name: string, minVersion?: string) => boolean } } };
  stats: FakeExcelStats;
}

export function fakeExcel(workbook: FakeWorkbook, options: FakeExcelOptions = {}): FakeExcel {
  const requirements = new Requirements(options.requirementSets ?? ['ExcelApi 1.17']);
  const stats: FakeExcelStats = {
    runs: 0, syncs: 0, requests: [], responses: [], rejectedSyncs: 0,
    maxRequestBytes: options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES, maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    suspendApiCalculationCalls: 0, suspendScreenUpdatingCalls: 0, enableEventsWrites: [], trackCalls: 0, untrackCalls: 0,
  };
  const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    stats.runs++;
    const context = new FakeRequestContext(workbook, stats, requirements, options.beforeSync);
    try {
      // The fake mirrors the members the report writer uses, not the whole Excel.RequestContext type.
      const result = await batch(context as unknown as Excel.RequestContext);
      if (context.pendingOperations > 0) await context.sync();
      return result;
    } finally {
      context.closed = true;
    }
  };
  return {
    Excel: { run },
    Office: { context: { requirements: { isSetSupported: (name, minVersion) => requirements.isSetSupported(name, minVersion) } } },
    stats,
  };
}
