/**
 * The Excel host of the browser tests (taskpane.e2e.ts): the strict in-memory fake
 * (test/fakes/excelFake.ts) behind the REAL office.js, for a built task pane that runs outside Office.
 *
 * taskpane.e2e.ts bundles this file for the browser with esbuild and serves it, prefixed with the
 * workbook as JSON (`window.__fakeHostBook`), as a <script> placed right after office.js in
 * taskpane.html, so it runs after office.js and before the pane's own (deferred) bundle.
 *
 * What the real office.js (node_modules/@microsoft/office-js/dist/office.js, served from 127.0.0.1)
 * does in a plain Chromium tab: it finds no host (no window.external.GetContext, no host frame),
 * logs "Warning: Office.js is loaded outside of Office client", loads o15apptofilemappingtable.js
 * from its own folder (hence served next to it), and after ~1 s resolves Office.onReady with
 * { host: null, platform: null } and an empty Office.context object. It neither throws nor hangs.
 * Its only other request is a hidden telemetry iframe 3 s later, which the test server points at
 * a blank local page (OFFICE_TELEMETRY in taskpane.e2e.ts). Nothing else in office.js is changed;
 * on top of it this script overrides only what a host would provide:
 *  - Office.onReady: waits for the real one (office.js has finished starting), then fills in the
 *    context below and resolves, and calls back, with { host: Office.HostType.Excel, platform: 'PC' };
 *  - Office.context (the object office.js created; its property itself cannot be redefined):
 *    displayLanguage, contentLanguage, officeTheme, requirements.isSetSupported (the fake's sets);
 *  - window.Excel = { run }: the fake's Excel.run, each context.sync() delayed by
 *    __fakeHost.delayMs (0 unless a test slows it down to see progress and cancel).
 * The object is patched in place rather than replaced, because office.js assigns window.Office
 * again when o15apptofilemappingtable.js arrives (NamespaceManager.enableShortcut), which would
 * drop a replacement if the pane's bundle ran before that.
 *
 * For the test, window.__fakeWorkbook is the FakeWorkbook and window.__fakeHost has helpers that
 * return plain JSON (page.evaluate cannot return class instances).
 */
import { FakeWorkbook, fakeExcel, resolvedShape, type CellData, type ChartData, type ShapeData } from '../fakes/excelFake';

/** A workbook as JSON, as taskpane.e2e.ts serves it. */
export interface FakeHostBook {
  settings: Array<[string, string]>;
  sheets: Array<{
    name: string;
    visibility: string;
    cells: Array<[string, CellData]>;
    merged: Array<{ row: number; col: number; rowCount: number; colCount: number }>;
    properties: Array<[string, string]>;
  }>;
}

/** Set by the test before the page loads (page.addInitScript); every field optional. */
export interface FakeHostOptions {
  /** "Name x.y" entries, as fakeExcel takes them. Default: the manifest's minimum, ExcelApi 1.4. */
  requirementSets?: string[];
  displayLanguage?: string;
  /** Office's task-pane background; a dark one gives the dark theme. */
  bodyBackgroundColor?: string;
}

export interface FakeHostControl {
  /** Milliseconds each context.sync() waits before running: progress and cancel become visible. */
  delayMs: number;
  runs(): number;
  syncs(): number;
  sheetNames(): string[];
  activeSheet(): string | undefined;
  /** "Sheet!A1" of the last Range.select(), undefined if none. */
  selection(): string | undefined;
  /** Everything the fake stores for a sheet, as a canonical JSON string (cells sorted by key). */
  sheetJson(name: string): string;
  /** Everything the fake holds of the whole workbook, as JSON (FakeWorkbook.snapshot): equal strings, the same workbook. */
  snapshot(): string;
  /** "A1" addresses of the cells of a sheet whose value is exactly `text`. */
  cellsWithValue(sheet: string, text: string): string[];
  /** Removes a sheet behind the pane's back (as a user deleting it in Excel). */
  deleteSheet(name: string): void;
  /** Every chart drawn in the workbook, with its sheet's name. */
  charts(): Array<ChartData & { sheet: string }>;
  /** The shapes drawn on a sheet, back to front; a line with its ends where they are now. */
  shapes(sheet: string): ShapeData[];
}

interface OfficeReadyInfo {
  host: string | null;
  platform: string | null;
}

interface OfficeGlobal {
  onReady(callback?: (info: OfficeReadyInfo) => void): Promise<OfficeReadyInfo>;
  context: Record<string, unknown> | undefined;
  HostType?: { Excel?: string };
}

interface HostWindow {
  Office?: OfficeGlobal;
  Excel?: unknown;
  __fakeHostBook?: FakeHostBook;
  __fakeHostOptions?: FakeHostOptions;
  __fakeHost?: FakeHostControl;
  __fakeWorkbook?: FakeWorkbook;
}

function columnLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function workbookFrom(book: FakeHostBook): FakeWorkbook {
  const workbook = new FakeWorkbook();
  for (const s of book.sheets) {
    const sheet = workbook.addSheet(s.name);
    sheet.visibility = s.visibility;
    for (const [key, cell] of s.cells) {
      const [r, c] = key.split(',').map(Number);
      Object.assign(sheet.mutableCell(r, c), cell);
    }
    sheet.mergedAreas.push(...s.merged);
    for (const [k, v] of s.properties) sheet.customProperties.set(k, v);
  }
  for (const [k, v] of book.settings) workbook.settings.set(k, v);
  return workbook;
}

function install(w: HostWindow): void {
  const office = w.Office;
  if (!office || typeof office.onReady !== 'function') throw new Error('fakeHost: office.js has not loaded (no Office.onReady): it must come before this script.');
  if (!w.__fakeHostBook) throw new Error('fakeHost: no workbook (window.__fakeHostBook).');
  const options = w.__fakeHostOptions ?? {};
  const workbook = workbookFrom(w.__fakeHostBook);
  const fake = fakeExcel(workbook, { requirementSets: options.requirementSets ?? ['ExcelApi 1.4'] });

  const control: FakeHostControl = {
    delayMs: 0,
    runs: () => fake.stats.runs,
    syncs: () => fake.stats.syncs,
    sheetNames: () => workbook.sheetNames,
    activeSheet: () => workbook.activeSheet?.name,
    selection: () => workbook.selectedAddress,
    sheetJson: (name) => {
      const s = workbook.sheet(name);
      return JSON.stringify({
        name: s.name, visibility: s.visibility, tabColor: s.tabColor, showGridlines: s.showGridlines, freeze: s.freeze, pageLayout: s.pageLayout,
        cells: [...s.cells].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        merged: s.mergedAreas, columnWidths: [...s.columnWidths], rowHeights: [...s.rowHeights], properties: [...s.customProperties],
      });
    },
    snapshot: () => workbook.snapshot(),
    cellsWithValue: (name, text) => [...workbook.sheet(name).cells]
      .filter(([, cell]) => cell.value === text)
      .map(([key]) => {
        const [r, c] = key.split(',').map(Number);
        return `${columnLetters(c)}${r + 1}`;
      }),
    charts: () => workbook.charts,
    shapes: (name) => {
      const sheet = workbook.sheet(name);
      return sheet.shapes.map((shape) => resolvedShape(sheet.shapes, shape));
    },
    deleteSheet: (name) => {
      const sheet = workbook.sheet(name);
      workbook.sheets.splice(workbook.sheets.indexOf(sheet), 1);
      if (workbook.activeSheet === sheet) workbook.activeSheet = workbook.sheets[0];
      if (workbook.selection?.sheet === sheet) workbook.selection = undefined;
    },
  };

  const excel = {
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
      fake.Excel.run((context) => {
        const sync = context.sync.bind(context);
        context.sync = async <U>(value?: U) => {
          if (control.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, control.delayMs));
          return sync(value);
        };
        return batch(context);
      }),
  };

  const hostContext = {
    displayLanguage: options.displayLanguage ?? 'vi-VN',
    contentLanguage: options.displayLanguage ?? 'vi-VN',
    officeTheme: {
      bodyBackgroundColor: options.bodyBackgroundColor ?? '#FFFFFF',
      bodyForegroundColor: '#000000',
      controlBackgroundColor: '#FFFFFF',
      controlForegroundColor: '#000000',
    },
    requirements: fake.Office.context.requirements,
  };

  const realOnReady = office.onReady.bind(office);
  let ready: Promise<OfficeReadyInfo> | undefined;
  office.onReady = (callback) => {
    ready ??= realOnReady().then((real) => {
      if (real.host) throw new Error(`fakeHost: office.js found a real host (${real.host}); the fake is for a plain browser tab.`);
      const context = office.context;
      if (!context || !Object.isExtensible(context)) throw new Error('fakeHost: Office.context is missing or frozen after Office.onReady: office.js has changed, see the header of test/e2e/fakeHost.ts.');
      Object.assign(context, hostContext);
      w.Excel = excel;
      return { host: office.HostType?.Excel ?? 'Excel', platform: 'PC' };
    });
    return ready.then((info) => {
      callback?.(info);
      return info;
    });
  };

  w.__fakeWorkbook = workbook;
  w.__fakeHost = control;
}

install(globalThis as unknown as HostWindow);
