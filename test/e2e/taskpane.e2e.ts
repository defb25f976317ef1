/**
 * `npm run test:e2e`: the browser tests (docs/design.md, "Test layers": browser). The built task pane
 * (dist/, from `npm run build`, which this script does not run) in Debian's Chromium
 * (/usr/bin/chromium, driven by playwright-core), with the real office.js and the in-memory Excel
 * fake holding the sample workbook as its host. Exit code 0 when every check passes, 1 otherwise
 * (with what failed).
 *
 * How the page is put together (see also test/e2e/fakeHost.ts):
 *  - dist/ is served on 127.0.0.1 on a free port;
 *  - taskpane.html is rewritten as it is served: its office.js script tag, which points at Microsoft's
 *    CDN, points at /office-js/office.js instead, i.e. node_modules/@microsoft/office-js/dist (the
 *    whole folder, since office.js loads its other files relative to itself); right after it comes
 *    /__e2e/fake-host.js, the esbuild bundle of fakeHost.ts with the workbook. `?host=none` leaves the
 *    fake out: the real office.js alone, as in a plain browser;
 *  - office.js's telemetry iframe (OFFICE_TELEMETRY) is pointed at a blank local page;
 *  - every request of the browser context is recorded and routed: only http://127.0.0.1:<port>/…
 *    (and data:/blob:, which are never fetched) is allowed; anything else is aborted AND fails the run.
 *
 * Screenshots of every step go to test-output/e2e/ (git-ignored), 320 px wide, and the result
 * again at 500 px: look at them before calling pane work done.
 *
 * Accessibility: in each main state (audit(), below) axe-core's own build is injected into the page
 * and run with the WCAG 2.x A/AA tags and best practices; what it finds, every impact, goes by state
 * to test-output/e2e/axe.json, and any serious or critical violation fails the run at the end.
 *
 * The data tab (the scan on open: each sheet with its kind; a column chosen for a field, saved in the
 * workbook's settings), the organisation tab (read from and saved to the settings) and the dark
 * theme (the form, a result, a column mapping) run in a second page with a fresh copy of the workbook.
 *
 * A third page inserts the built-in template, edits its subtitle as the officer would in Excel, and
 * generates from it.
 *
 * A fourth chooses the party-building report (partyQuarterly) from the keyboard, generates it for the
 * first half of 2021 and checks its sheets and the two charts the Office executor draws beside its tables.
 *
 * A fifth draws an organisation chart on the fake host (ExcelApi 1.9 there): for now a hand-built
 * plan of Móng Cái after the merger run through the Office executor on the page's host, then shown
 * by the shapes panel (shapesPanel.ts, showShapes below: the sheet's cells and every shape the fake
 * holds, since the fake renders nothing) and screenshot alone as NN-org-chart.png.
 *
 * A sixth makes the report, then replaces it with syncs slowed down, clicks "Hủy" while the pane
 * writes (before the write's batch goes out) and checks that the workbook is exactly as it was: the
 * earlier report, the registry of generated sheets, no new sheet (NN-writing, NN-cancelling,
 * NN-cancelled-while-writing).
 *
 * TODO, with the UI: the merger report (then the chart through the pane: generate it, and
 * showShapes(page, its chart sheet) in place of the hand-built plan).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { SAMPLE_WORKBOOK } from '../../src/cli/main';
import { paneTexts } from '../helpers/paneTexts';
import { writeSettingsInExcel } from '../../src/workbook/office/settings';
import { readXlsx } from '../../src/workbook/xlsx/readXlsx';
import { REGISTRY_SHEET } from '../../src/workbook/hiddenSheet';
import { host, sampleInExcel } from '../helpers/excelSample';
import { SAMPLE_ORG } from '../tools/generateSample';
import { AxeAudit } from './axe';
import type { FakeHostBook, FakeHostControl, FakeHostOptions } from './fakeHost';
import { SHAPES_PANEL_ID, type RenderedSheet, type ShapesPanel } from './shapesPanel';

// ---------------------------------------------------------------------------------------------------
// Everything that follows the UI: update here when the pane changes.
// ---------------------------------------------------------------------------------------------------

const vi = paneTexts('vi');

/** Every element the test touches, by role and accessible name (the pane's own Vietnamese strings). */
const UI = {
  generate: (p: Page) => p.getByRole('button', { name: vi.generate, exact: true }),
  cancel: (p: Page) => p.getByRole('button', { name: vi.cancel, exact: true }),
  notInExcel: (p: Page) => p.getByText(vi.notInExcelTitle, { exact: true }),
  periodKind: (p: Page) => p.getByLabel(vi.periodKind, { exact: true }),
  /** The option value of "from day – to day" in the period kind select. */
  customPeriod: 'custom',
  from: (p: Page) => p.getByLabel(vi.from, { exact: true }),
  to: (p: Page) => p.getByLabel(vi.to, { exact: true }),
  target: (p: Page) => p.getByLabel(vi.target, { exact: true }),
  progress: (p: Page) => p.getByRole('progressbar'),
  cancelled: (p: Page) => p.getByRole('status').filter({ hasText: vi.cancelled }),
  /** The label of the progress bar: the step under way ("Đang ghi báo cáo…"), or "Đang hủy…". */
  stepLabel: (p: Page, text: string) => p.getByRole('status').getByText(text, { exact: true }),
  writeHint: (p: Page) => p.getByText(vi.cancelWriteHint, { exact: true }),
  replace: (p: Page) => p.getByRole('checkbox', { name: vi.replace, exact: true }),
  result: (p: Page) => p.getByRole('heading', { name: vi.resultTitle, exact: true }),
  failure: (p: Page) => p.getByRole('alert').filter({ hasText: vi.errorTitle }),
  issues: (p: Page) => p.getByRole('region', { name: vi.issues, exact: true }).getByRole('listitem'),
  /** The message under an issue whose cell could not be selected. */
  selectProblem: (item: Locator) => item.getByRole('alert'),
  tab: (p: Page, name: string) => p.getByRole('tab', { name, exact: true }),
  sheetHeader: (p: Page, sheet: string) => p.getByRole('button', { name: new RegExp(`^${sheet}\\b`) }),
  column: (p: Page, field: string) => p.getByRole('combobox', { name: field, exact: true }),
  option: (p: Page, text: string) => p.getByRole('option', { name: text, exact: true }),
  mappingSaved: (p: Page) => p.getByText(vi.mappingSaved, { exact: true }),
  orgField: (p: Page, label: string) => p.getByLabel(label, { exact: true }),
  orgSave: (p: Page) => p.getByRole('button', { name: vi.org.save, exact: true }),
  orgSaved: (p: Page) => p.getByRole('status').filter({ hasText: vi.org.saved }),
  insertTemplate: (p: Page) => p.getByRole('button', { name: vi.insertTemplate, exact: true }),
  reportKind: (p: Page) => p.getByLabel(vi.reportKind, { exact: true }),
  sampleSize: (p: Page) => p.getByLabel(vi.sampleSize, { exact: true }),
  seed: (p: Page) => p.getByLabel(vi.seed, { exact: true }),
  /** The figure against a term of the result (dt → dd). */
  figure: (p: Page, term: string) => p.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]'),
};

/** What the sample workbook (assets/samples/mong-cai.xlsx) must give. */
const EXPECT = {
  from: '2015-01-01',
  to: '2019-12-31',
  target: '10',
  sheets: ['TGBC 2015-2019', 'Phụ lục TGBC 2015-2019'],
  headline: 'Trong kỳ đã thực hiện tinh giản 264 người. Số người tinh giản chia theo đối tượng và hình thức:',
  /** The first issue shown (errors first), and what selecting it selects. */
  firstIssue: 'DS CBCCVC!L656',
  /** The data tab: a sheet and the label of the kind it is recognised as. */
  staffSheet: 'DS CBCCVC',
  staffKind: vi.kindLabels.staff,
  /** A field whose column the test changes, and the column it picks (the sample's "Ngạch" is H). */
  field: 'Chức vụ', fieldKey: 'position', newColumn: 'H',
  /** The organisation details of the sample, and a new signer. */
  issuingBody: 'THÀNH ỦY MÓNG CÁI', newSigner: 'Trần Thị Bình',
  /** The template: its sheet, the subtitle the test rewrites, and how the report must read then. */
  templateSheet: 'Mẫu TGBC', subtitle: 'Kết quả thực hiện tinh giản biên chế',
  editedSubtitle: 'Kết quả tinh giản biên chế từ {{period.fromText}} đến {{period.toText}} (mẫu đã sửa)',
  filledSubtitle: 'Kết quả tinh giản biên chế từ 01/01/2015 đến 31/12/2019 (mẫu đã sửa)',
};

/** What the sample must give for the party-building report of the first half of 2021. */
const PARTY = {
  kind: 'partyQuarterly',
  from: '2021-01-01',
  to: '2021-06-30',
  sheets: ['Chỉ tiêu XDĐ 2021-H1', 'PL Dự bị 2021-H1', 'PL Huy hiệu 2021-H1', 'PL Kiểm tra NV 2021-H1'],
  charts: [
    { type: 'ColumnClustered', title: 'Kết nạp đảng viên theo quý so với kế hoạch năm', seriesNames: ['Kết nạp trong quý', 'Lũy kế từ đầu năm', 'Kế hoạch năm'] },
    { type: 'Pie', title: 'Cơ cấu xếp loại tổ chức cơ sở đảng', seriesNames: ['Số tổ chức'] },
  ],
  admitted: '237',
  tasks: vi.party.tasksValue('206', '229', new Intl.NumberFormat(vi.intl, { style: 'percent', maximumFractionDigits: 2 }).format(206 / 229)),
  seed: '20210630',
};

/** The benefits report on the sample: its 2025 leavers (assets/samples/README.md, "Benefits (NĐ 178) — worked cases"). */
const BENEFITS = {
  from: '2025-01-01',
  to: '2025-12-31',
  sheets: ['CĐCS 2025', 'Phụ lục nghỉ hưu 2025', 'Phụ lục thôi việc 2025', 'Phụ lục đối chiếu 2025', 'Phụ lục đến tuổi hưu 2025'],
  count: '11',
};

/** The organisation chart on the fake host: its sheet, and what the hand-built plan must draw. */
const ORG_CHART = {
  sheet: 'Sơ đồ tổ chức 01.10.2021',
  /** Shapes need ExcelApi 1.9, above the manifest's minimum. */
  host: { requirementSets: ['ExcelApi 1.9'] } satisfies FakeHostOptions,
  /** The issuing body, its 5 blocks and the 35 units after the merger of the sample. */
  boxes: 41,
  /** Wide enough for the table and the chart beside it. */
  viewport: { width: 1900, height: 1400 },
};

/** The fake's requirement sets: the manifest's minimum, so "what this Excel could not do" shows too. */
const FAKE_HOST: FakeHostOptions = { requirementSets: ['ExcelApi 1.4'], displayLanguage: 'vi-VN' };

// ---------------------------------------------------------------------------------------------------

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const OFFICE_JS_DIR = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');
const OUT = path.join(ROOT, 'test-output/e2e');
/** The office.js script tag, quoted or not (the production build minifies the html). */
const OFFICE_JS_CDN = /<script src=["']?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js["']?><\/script>/;
/**
 * office.js's one address of its own: 3 s after o15apptofilemappingtable.js has loaded, its ULS
 * logger (OSF.Logger.ulsEndpoint) adds a hidden iframe of this page, also outside Office. The
 * served copy points it at a blank page of the test server instead (nothing else in office.js
 * is changed); any other address office.js may gain is caught by the request guard.
 */
const OFFICE_TELEMETRY = 'https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/telemetryproxy.html';
const OFFICE_TELEMETRY_STAND_IN = '/__e2e/office-telemetry-proxy.html';
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-extensions',
];
const NARROW = 320;
const WIDE = 500;
const HEIGHT = 800;
/** The whole run; the machine is slow and shared, so every wait is generous. */
const RUN_TIMEOUT_MS = 10 * 60_000;
const LOAD_TIMEOUT_MS = 60_000;
const GENERATE_TIMEOUT_MS = 180_000;
/** Per context.sync() in the cancel run, so that the progress bar and the cancel button stay up. */
const SLOW_SYNC_MS = 1_500;
/**
 * Per context.sync() of the write in the cancel-while-writing run: the two syncs before its batch
 * (the sheet names, the registry) leave 6 s for a screenshot and the click.
 */
const WRITE_SYNC_MS = 3_000;

type FakeHostWindow = Window & { __fakeHost: FakeHostControl; __fakeHostOptions?: FakeHostOptions; __shapesPanel?: ShapesPanel };

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
const log = (text: string) => console.log(`[e2e ${seconds()}s] ${text}`);
/** The accessibility audit of the pane's main states (test/e2e/axe.ts). */
const axe = new AxeAudit(log);

// ---------------------------------------------------------------------------------------------------
// The page: server, office.js, fake host, request guard
// ---------------------------------------------------------------------------------------------------

/** The sample workbook as Excel holds it, with the organisation settings, as JSON for the page. */
async function sampleBook(): Promise<FakeHostBook> {
  const workbook = await sampleInExcel(await readXlsx(SAMPLE_WORKBOOK));
  await writeSettingsInExcel(host(workbook).host, { org: SAMPLE_ORG });
  return {
    settings: [...workbook.settings],
    sheets: workbook.sheets.map((s) => ({ name: s.name, visibility: s.visibility, cells: [...s.cells], merged: s.mergedAreas, properties: [...s.customProperties] })),
  };
}

/** fakeHost.ts for the browser, preceded by the workbook. */
async function fakeHostScript(): Promise<string> {
  const bundle = await build({
    entryPoints: [path.join(__dirname, 'fakeHost.ts')],
    bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2020', logLevel: 'silent',
  });
  return `window.__fakeHostBook = ${JSON.stringify(await sampleBook())};\n${bundle.outputFiles[0].text}`;
}

let panelScript: Promise<string> | undefined;

/** shapesPanel.ts for the browser (built once). */
function shapesPanelScript(): Promise<string> {
  panelScript ??= build({
    entryPoints: [path.join(__dirname, 'shapesPanel.ts')],
    bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2020', logLevel: 'silent',
  }).then((bundle) => bundle.outputFiles[0].text);
  return panelScript;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.png': 'image/png', '.css': 'text/css', '.json': 'application/json', '.txt': 'text/plain' };

/** A file under `dir`, or undefined (no escaping it with ../). */
function fileUnder(dir: string, urlPath: string): string | undefined {
  const file = path.join(dir, urlPath);
  return file.startsWith(dir + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
}

/** Serves dist/, office.js's folder under /office-js/ and the fake host under /__e2e/. */
async function serve(fakeHostJs: string): Promise<{ base: string; close: () => Promise<void> }> {
  const html = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
  if (!OFFICE_JS_CDN.test(html)) throw new Error('dist/taskpane.html has no <script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"> any more: update OFFICE_JS_CDN in test/e2e/taskpane.e2e.ts.');
  const page = (withHost: boolean) =>
    html.replace(OFFICE_JS_CDN, `<script src="/office-js/office.js"></script>${withHost ? '\n    <script src="/__e2e/fake-host.js"></script>' : ''}`);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const urlPath = decodeURIComponent(url.pathname);
    const send = (type: string, body: string | Buffer) => {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (urlPath === '/taskpane.html') return send(TYPES['.html'], page(url.searchParams.get('host') !== 'none'));
    if (urlPath === '/__e2e/fake-host.js') return send(TYPES['.js'], fakeHostJs);
    if (urlPath === OFFICE_TELEMETRY_STAND_IN) return send(TYPES['.html'], '<!doctype html><title>office.js telemetry stand-in</title>');
    const officeJs = urlPath.startsWith('/office-js/');
    const file = officeJs ? fileUnder(OFFICE_JS_DIR, urlPath.slice('/office-js'.length)) : fileUnder(DIST, urlPath);
    if (!file) {
      res.writeHead(404);
      res.end();
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    if (officeJs && file.endsWith('.js')) return send(type, fs.readFileSync(file, 'utf8').replaceAll(OFFICE_TELEMETRY, OFFICE_TELEMETRY_STAND_IN));
    send(type, fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the test server has no port');
  return {
    base: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** What the pages did that they should not have: requests off 127.0.0.1, script errors. */
interface Watch {
  requests: string[];
  offenders: string[];
  errors: string[];
}

async function openPane(browser: Browser, base: string, watch: Watch, options: { withHost: boolean; width: number; host?: FakeHostOptions }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width, height: HEIGHT }, locale: 'vi-VN', serviceWorkers: 'block' });
  const allowed = (url: string) => url.startsWith(`${base}/`) || url.startsWith('data:') || url.startsWith('blob:');
  context.on('request', (request) => {
    watch.requests.push(request.url());
    if (!allowed(request.url())) watch.offenders.push(request.url());
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (allowed(url)) return route.continue();
    watch.offenders.push(url);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript((o) => ((window as unknown as FakeHostWindow).__fakeHostOptions = o), { ...FAKE_HOST, ...options.host });
  const page = await context.newPage();
  page.setDefaultTimeout(LOAD_TIMEOUT_MS);
  page.on('pageerror', (e) => watch.errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') watch.errors.push(`console error: ${m.text()} (${m.location().url})`);
  });
  await page.goto(`${base}/taskpane.html${options.withHost ? '' : '?host=none'}`);
  return page;
}

// ---------------------------------------------------------------------------------------------------
// Helpers of the steps
// ---------------------------------------------------------------------------------------------------

const shots: string[] = [];

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  const file = path.join(OUT, `${String(shots.length + 1).padStart(2, '0')}-${name}-${width}.png`);
  await page.screenshot({ path: file, fullPage });
  shots.push(file);
}

/** A screenshot of one element of the page, numbered with the others, named without a width. */
async function shotOf(locator: Locator, name: string): Promise<void> {
  const file = path.join(OUT, `${String(shots.length + 1).padStart(2, '0')}-${name}.png`);
  await locator.screenshot({ path: file });
  shots.push(file);
}

/**
 * The hook for looking at shapes: shows the given sheet of the page's fake workbook, its cells and
 * every shape drawn on it, in a panel over the page (shapesPanel.ts), and returns the panel and what
 * it found. The fake host must hold the sheet already (the pane generated it, or executePlanOnPage).
 */
async function showShapes(page: Page, sheet: string): Promise<{ panel: Locator; rendered: RenderedSheet }> {
  if (!(await page.evaluate(() => !!(window as unknown as FakeHostWindow).__shapesPanel))) await page.addScriptTag({ content: await shapesPanelScript() });
  const rendered = await page.evaluate((name) => ((window as unknown as FakeHostWindow).__shapesPanel as ShapesPanel).render(name), sheet);
  return { panel: page.locator(`#${SHAPES_PANEL_ID}`), rendered };
}

function fakeHost<T>(page: Page, read: (host: FakeHostControl) => T): Promise<T> {
  return page.evaluate(`(${read.toString()})(window.__fakeHost)`) as Promise<T>;
}

/** The fake's copy of every sheet, to compare before and after. */
async function sheetsJson(page: Page, names: readonly string[]): Promise<Map<string, string>> {
  const entries = await page.evaluate((list) => list.map((n) => [n, (window as unknown as FakeHostWindow).__fakeHost.sheetJson(n)] as [string, string]), [...names]);
  return new Map(entries);
}

/** Waits for the result heading, or fails with the pane's error message. */
async function waitForResult(page: Page): Promise<void> {
  await UI.result(page).or(UI.failure(page)).first().waitFor({ timeout: GENERATE_TIMEOUT_MS });
  if (await UI.failure(page).isVisible()) assert.fail(`generating failed in the pane: ${await UI.failure(page).innerText()}`);
}

// ---------------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------------

async function outsideOffice(browser: Browser, base: string, watch: Watch): Promise<void> {
  log('outside Office: the real office.js, no host');
  const page = await openPane(browser, base, watch, { withHost: false, width: NARROW });
  await UI.notInExcel(page).waitFor();
  assert.ok(await UI.generate(page).isDisabled(), 'outside Office the generate button must be disabled');
  await shot(page, 'outside-office');
  await axe.audit(page, 'outside-office');
  await page.context().close();
}

async function insideFakeExcel(browser: Browser, base: string, watch: Watch): Promise<void> {
  log('inside the fake Excel: open');
  const page = await openPane(browser, base, watch, { withHost: true, width: NARROW });
  // The button turns enabled once Office.onReady has reported Excel.
  await page.waitForFunction(() => typeof (window as unknown as FakeHostWindow).__fakeHost === 'object', undefined, { timeout: LOAD_TIMEOUT_MS });
  await UI.generate(page).waitFor();
  await assertEventually(async () => !(await UI.generate(page).isDisabled()), 'the generate button stays disabled inside the fake Excel: the pane did not see the host');
  assert.equal(await UI.notInExcel(page).count(), 0, 'inside the fake Excel the pane still says it is not in Excel');
  await shot(page, 'ready');
  await axe.audit(page, 'ready');

  const sourceNames = await fakeHost(page, (h) => h.sheetNames());
  // Every sheet of the user's data must come out as it went in; tochuc's own very hidden sheet (the
  // settings and the list of the sheets it generated) is the one that may change.
  const dataNames = sourceNames.filter((n) => n !== REGISTRY_SHEET);
  assert.ok(dataNames.includes(EXPECT.firstIssue.split('!')[0]), `the sample has no sheet ${EXPECT.firstIssue.split('!')[0]} (sheets: ${sourceNames.join(', ')})`);
  const before = await sheetsJson(page, dataNames);

  log('period and target');
  await UI.periodKind(page).selectOption(UI.customPeriod);
  await UI.from(page).fill(EXPECT.from);
  await UI.to(page).fill(EXPECT.to);
  await UI.target(page).fill(EXPECT.target);
  await shot(page, 'period-target');
  await axe.audit(page, 'period');

  log('generate, slowed down, then cancel');
  await page.evaluate((ms) => ((window as unknown as FakeHostWindow).__fakeHost.delayMs = ms), SLOW_SYNC_MS);
  const syncsBefore = await fakeHost(page, (h) => h.syncs());
  await UI.generate(page).click();
  await UI.progress(page).waitFor();
  await shot(page, 'running');
  await axe.audit(page, 'running');
  // Reading takes several slowed syncs: the click lands while the pane reads (cancelWhileWriting clicks while it writes).
  await UI.cancel(page).click({ timeout: 10 * SLOW_SYNC_MS }).catch((e: unknown) => {
    throw new Error(`could not click "${vi.cancel}" while generating (still reading?): ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  });
  await UI.cancelled(page).waitFor({ timeout: GENERATE_TIMEOUT_MS });
  log(`cancelled after ${(await fakeHost(page, (h) => h.syncs())) - syncsBefore} slowed syncs`);
  assert.deepEqual(await fakeHost(page, (h) => h.sheetNames()), sourceNames, 'a cancelled run must not leave sheets behind');
  await shot(page, 'cancelled');

  log('generate');
  await page.evaluate(() => ((window as unknown as FakeHostWindow).__fakeHost.delayMs = 0));
  const generateStarted = Date.now();
  const syncsBeforeRun = await fakeHost(page, (h) => h.syncs());
  await UI.generate(page).click();
  await waitForResult(page);
  log(`result after ${((Date.now() - generateStarted) / 1000).toFixed(1)}s, ${(await fakeHost(page, (h) => h.syncs())) - syncsBeforeRun} syncs`);
  await shot(page, 'result', true);
  await axe.audit(page, 'result');

  const names = await fakeHost(page, (h) => h.sheetNames());
  for (const sheet of EXPECT.sheets) assert.ok(names.includes(sheet), `the workbook has no sheet "${sheet}" after generating (sheets: ${names.join(', ')})`);
  const headline = await page.evaluate(([sheet, text]) => (window as unknown as FakeHostWindow).__fakeHost.cellsWithValue(sheet, text), [EXPECT.sheets[0], EXPECT.headline]);
  assert.ok(headline.length > 0, `no cell of "${EXPECT.sheets[0]}" holds "${EXPECT.headline}"`);
  assert.equal(await fakeHost(page, (h) => h.activeSheet()), EXPECT.sheets[0], 'the report sheet is not the active sheet after generating');
  const after = await sheetsJson(page, dataNames);
  const changed = dataNames.filter((n) => before.get(n) !== after.get(n));
  assert.deepEqual(changed, [], `generating changed the data sheets ${changed.join(', ')}`);

  log('click the first issue');
  const first = UI.issues(page).first();
  await first.getByRole('button').click();
  await assertEventually(async () => (await fakeHost(page, (h) => h.selection())) === EXPECT.firstIssue,
    async () => `clicking the first issue did not select ${EXPECT.firstIssue} (selection: ${await fakeHost(page, (h) => h.selection())}; issue: ${await first.innerText()})`);
  assert.equal(await fakeHost(page, (h) => h.activeSheet()), EXPECT.firstIssue.split('!')[0], 'selecting the issue did not activate its sheet');
  assert.equal(await UI.selectProblem(first).count(), 0, 'the first issue shows a selection problem');
  await first.scrollIntoViewIfNeeded();
  await shot(page, 'issue-selected');

  log('the result at 500 px');
  await page.setViewportSize({ width: WIDE, height: HEIGHT });
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'result', true);

  log('an issue whose sheet has gone');
  await page.setViewportSize({ width: NARROW, height: HEIGHT });
  await page.evaluate((sheet) => (window as unknown as FakeHostWindow).__fakeHost.deleteSheet(sheet), EXPECT.firstIssue.split('!')[0]);
  await first.getByRole('button').click();
  await UI.selectProblem(first).waitFor();
  await first.scrollIntoViewIfNeeded();
  await shot(page, 'select-failed');
  await axe.audit(page, 'select-failed');
  await page.context().close();
}

async function openInsideFakeExcel(browser: Browser, base: string, watch: Watch, width: number, hostOptions?: FakeHostOptions): Promise<Page> {
  const page = await openPane(browser, base, watch, { withHost: true, width, ...(hostOptions ? { host: hostOptions } : {}) });
  await page.waitForFunction(() => typeof (window as unknown as FakeHostWindow).__fakeHost === 'object', undefined, { timeout: LOAD_TIMEOUT_MS });
  await UI.tab(page, vi.tabs.data).waitFor();
  return page;
}

async function dataAndSettings(browser: Browser, base: string, watch: Watch): Promise<void> {
  log('data tab: the scan on open');
  const page = await openInsideFakeExcel(browser, base, watch, NARROW);
  await UI.tab(page, vi.tabs.data).click();
  const header = UI.sheetHeader(page, EXPECT.staffSheet);
  await header.waitFor();
  await assertEventually(async () => (await header.innerText()).includes(EXPECT.staffKind), async () => `the staff sheet is not shown as "${EXPECT.staffKind}": ${await header.innerText()}`);
  await shot(page, 'data');
  await axe.audit(page, 'data');

  log('choose another column for a field');
  await header.click();
  const column = UI.column(page, EXPECT.field);
  await column.waitFor();
  // From the keyboard, as an officer without a mouse would (and the pane must allow).
  await column.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('listbox').waitFor();
  await axe.audit(page, 'column-list');
  console.log(await page.evaluate(() => { const h = document.querySelector('h1')!.getBoundingClientRect(); return document.elementsFromPoint(h.x + 5, h.y + 5).map((e) => e.outerHTML.slice(0, 250)).join('\n---\n'); }));
  await shot(page, 'column-list');
  const option = page.getByRole('option').filter({ hasText: new RegExp(`^${EXPECT.newColumn} — `) });
  await option.first().click();
  await UI.mappingSaved(page).waitFor();
  if (await page.getByRole('listbox').isVisible()) await page.keyboard.press('Escape');
  await page.getByRole('listbox').waitFor({ state: 'hidden' });
  const saved = await fakeHost(page, (h) => h.sheetJson('tochuc'));
  assert.ok(saved.includes(`\\"field\\":\\"${EXPECT.fieldKey}\\"`) && saved.includes(`\\"header\\":\\"${EXPECT.newColumn}\\"`), `the column choice is not in the workbook's settings: ${saved.slice(0, 400)}`);
  await assertEventually(async () => (await UI.column(page, EXPECT.field).innerText()).startsWith(`${EXPECT.newColumn} — `), async () => `after the rescan the field shows ${await UI.column(page, EXPECT.field).innerText()}`);
  await shot(page, 'column-chosen');
  await axe.audit(page, 'column-mapping');

  log('organisation tab: read from and saved to the settings');
  await UI.tab(page, vi.tabs.org).click();
  assert.equal(await UI.orgField(page, vi.org.issuingBody).inputValue(), EXPECT.issuingBody, 'the organisation form does not show the settings of the workbook');
  await UI.orgField(page, vi.org.signerName).fill(EXPECT.newSigner);
  await UI.orgSave(page).click();
  await UI.orgSaved(page).waitFor();
  assert.ok((await fakeHost(page, (h) => h.sheetJson('tochuc'))).includes(EXPECT.newSigner), 'the new signer is not in the workbook settings');
  await shot(page, 'organisation', true);
  await axe.audit(page, 'organisation');
  await page.setViewportSize({ width: WIDE, height: HEIGHT });
  await shot(page, 'organisation');
  await page.context().close();

  log('dark Office theme');
  const dark = await openInsideFakeExcel(browser, base, watch, NARROW, { bodyBackgroundColor: '#1F1F1F' });
  await UI.generate(dark).waitFor();
  const background = await dark.evaluate(() => getComputedStyle(document.querySelector('.fui-FluentProvider') as Element).backgroundColor);
  assert.ok(/rgb\((\d+), \1, \1\)/.test(background) && Number(/\d+/.exec(background)?.[0]) < 80, `the pane does not follow the dark theme (background ${background})`);
  await shot(dark, 'dark');
  await axe.audit(dark, 'dark');

  log('dark theme: the result and the column mapping, for the contrast of their badges and muted text');
  await UI.periodKind(dark).selectOption(UI.customPeriod);
  await UI.from(dark).fill(EXPECT.from);
  await UI.to(dark).fill(EXPECT.to);
  await assertEventually(async () => !(await UI.generate(dark).isDisabled()), 'the generate button stays disabled in the dark theme');
  await UI.generate(dark).click();
  await waitForResult(dark);
  await dark.evaluate(() => window.scrollTo(0, 0));
  await shot(dark, 'dark-result', true);
  await axe.audit(dark, 'dark-result');
  await UI.tab(dark, vi.tabs.data).click();
  const darkHeader = UI.sheetHeader(dark, EXPECT.staffSheet);
  await darkHeader.click();
  await UI.column(dark, EXPECT.field).waitFor();
  await axe.audit(dark, 'dark-column-mapping');
  await shot(dark, 'dark-data');
  await dark.context().close();
}

async function editedTemplate(browser: Browser, base: string, watch: Watch): Promise<void> {
  log('insert the template, edit it, generate from it');
  const page = await openInsideFakeExcel(browser, base, watch, NARROW);
  await assertEventually(async () => !(await UI.insertTemplate(page).isDisabled()), 'the insert-template button stays disabled');
  await UI.insertTemplate(page).click();
  await page.getByText(vi.templatesInserted(`"${EXPECT.templateSheet}", "Mẫu Phụ lục TGBC"`)).waitFor();
  const cells = await page.evaluate(([sheet, text]) => (window as unknown as FakeHostWindow).__fakeHost.cellsWithValue(sheet, text), [EXPECT.templateSheet, EXPECT.subtitle]);
  assert.equal(cells.length, 1, `the inserted template has no single cell "${EXPECT.subtitle}" (${cells.join(', ')})`);
  // The officer rewrites the subtitle in Excel.
  await page.evaluate(([sheet, address, text]) => (window as unknown as { __fakeWorkbook: { remoteEdit(s: string, a: string, v: string[][]): void } }).__fakeWorkbook.remoteEdit(sheet, address, [[text]]), [EXPECT.templateSheet, cells[0], EXPECT.editedSubtitle]);
  await shot(page, 'template-inserted');
  await UI.periodKind(page).selectOption(UI.customPeriod);
  await UI.from(page).fill(EXPECT.from);
  await UI.to(page).fill(EXPECT.to);
  await UI.generate(page).click();
  await waitForResult(page);
  await page.getByText(vi.templateUsed(`"${EXPECT.templateSheet}", "Mẫu Phụ lục TGBC"`)).or(page.getByText(vi.templateUsed(`"${EXPECT.templateSheet}"`))).first().waitFor();
  const filled = await page.evaluate(([sheet, text]) => (window as unknown as FakeHostWindow).__fakeHost.cellsWithValue(sheet, text), [EXPECT.sheets[0], EXPECT.filledSubtitle]);
  assert.equal(filled.length, 1, `the report does not carry the edited subtitle "${EXPECT.filledSubtitle}"`);
  const headline = await page.evaluate(([sheet, text]) => (window as unknown as FakeHostWindow).__fakeHost.cellsWithValue(sheet, text), [EXPECT.sheets[0], EXPECT.headline]);
  assert.ok(headline.length > 0, 'the report from the edited template lost the headline figure');
  await shot(page, 'from-template', true);
  await page.context().close();
}

async function partyReport(browser: Browser, base: string, watch: Watch): Promise<void> {
  log('the party-building report: chosen from the keyboard, generated, two charts beside its tables');
  const page = await openInsideFakeExcel(browser, base, watch, NARROW);
  await assertEventually(async () => !(await UI.generate(page).isDisabled()), 'the generate button stays disabled inside the fake Excel');
  const dataNames = (await fakeHost(page, (h) => h.sheetNames())).filter((n) => n !== REGISTRY_SHEET);
  const before = await sheetsJson(page, dataNames);

  // From the keyboard: the merger report comes in between, so two steps down is the party report.
  await UI.reportKind(page).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await assertEventually(async () => (await UI.reportKind(page).inputValue()) === PARTY.kind, async () => `ArrowDown twice on the report kind chose "${await UI.reportKind(page).inputValue()}"`);
  assert.equal(await UI.target(page).count(), 0, 'the party report still shows the reduction target');
  assert.equal(await UI.sampleSize(page).inputValue(), '10', 'the spot check does not default to 10 tasks');
  assert.equal(await UI.seed(page).inputValue(), '', 'the seed is not empty by default');
  await UI.periodKind(page).selectOption(UI.customPeriod);
  await UI.from(page).fill(PARTY.from);
  await UI.to(page).fill(PARTY.to);
  await shot(page, 'party-form', true);

  const syncsBefore = await fakeHost(page, (h) => h.syncs());
  await UI.generate(page).click();
  await waitForResult(page);
  log(`party report after ${(await fakeHost(page, (h) => h.syncs())) - syncsBefore} syncs`);
  const names = await fakeHost(page, (h) => h.sheetNames());
  for (const sheet of PARTY.sheets) assert.ok(names.includes(sheet), `the workbook has no sheet "${sheet}" after generating (sheets: ${names.join(', ')})`);
  const charts = await fakeHost(page, (h) => h.charts());
  assert.deepEqual(
    charts.map((c) => ({ sheet: c.sheet, type: c.type, title: c.title, seriesNames: c.seriesNames })),
    PARTY.charts.map((c) => ({ sheet: PARTY.sheets[0], ...c })),
    'the report sheet does not have its two charts',
  );
  assert.ok(charts.every((c) => c.anchor !== null), 'a chart was not positioned');
  assert.equal((await UI.figure(page, vi.party.admitted).innerText()).trim(), PARTY.admitted);
  assert.equal((await UI.figure(page, vi.party.tasks(2021)).innerText()).trim(), PARTY.tasks);
  assert.equal((await UI.figure(page, vi.party.seed).innerText()).trim(), PARTY.seed);
  const after = await sheetsJson(page, dataNames);
  const changed = dataNames.filter((n) => before.get(n) !== after.get(n));
  assert.deepEqual(changed, [], `generating changed the data sheets ${changed.join(', ')}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'party-result', true);
  await axe.audit(page, 'party-result');
  await page.context().close();
}

async function benefitsReport(browser: Browser, base: string, watch: Watch): Promise<void> {
  log('the benefits report (NĐ 178): chosen, the 2025 leavers of the sample computed, five sheets written');
  const page = await openInsideFakeExcel(browser, base, watch, NARROW);
  await assertEventually(async () => !(await UI.generate(page).isDisabled()), 'the generate button stays disabled inside the fake Excel');
  await UI.reportKind(page).selectOption('benefits');
  await UI.periodKind(page).selectOption(UI.customPeriod);
  await UI.from(page).fill(BENEFITS.from);
  await UI.to(page).fill(BENEFITS.to);
  await page.getByLabel(vi.benefits.baseSalary, { exact: true }).fill('2,34');
  await page.getByText(vi.benefits.baseSalaryInvalid).waitFor();
  assert.ok(await UI.generate(page).isDisabled(), 'the pane generates with a base salary of "2,34" đồng');
  await page.getByLabel(vi.benefits.baseSalary, { exact: true }).fill('');
  await shot(page, 'benefits-form', true);
  await UI.generate(page).click();
  await waitForResult(page);
  const names = await fakeHost(page, (h) => h.sheetNames());
  for (const sheet of BENEFITS.sheets) assert.ok(names.includes(sheet), `the workbook has no sheet "${sheet}" after generating (sheets: ${names.join(', ')})`);
  assert.equal((await UI.figure(page, vi.benefits.people).innerText()).trim(), vi.benefits.persons(BENEFITS.count));
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'benefits-result', true);
  await axe.audit(page, 'benefits-result');
  await page.context().close();
}

async function orgChart(browser: Browser, base: string, watch: Watch): Promise<void> {
  log('the merger report from the pane, its organisation chart drawn with shapes on the fake host (ExcelApi 1.9)');
  const page = await openInsideFakeExcel(browser, base, watch, NARROW, ORG_CHART.host);
  await UI.generate(page).waitFor();
  await UI.reportKind(page).selectOption('merger');
  const syncsBefore = await fakeHost(page, (h) => h.syncs());
  await UI.generate(page).click();
  await waitForResult(page);
  log(`merger report and chart after ${(await fakeHost(page, (h) => h.syncs())) - syncsBefore} syncs`);
  assert.equal((await UI.figure(page, vi.merger.units).innerText()).replace(/\s+/g, ' ').trim(), `42 → 35 ${vi.merger.reduced('7')}`);
  const drawn = await page.evaluate((sheet) => (window as unknown as FakeHostWindow).__fakeHost.shapes(sheet), ORG_CHART.sheet);
  const lines = drawn.filter((s) => s.line);
  // The chart's title, for the page of its own it prints on.
  const titles = drawn.filter((s) => s.name === 'Sơ đồ - tiêu đề');
  assert.equal(titles.length, 1, 'the chart has no title');
  // The issuing body, 5 blocks and the 35 units after the merger; a connector to every box but the root.
  const boxes = drawn.length - lines.length - titles.length;
  assert.equal(boxes, ORG_CHART.boxes, `the chart's sheet has ${boxes} boxes, not ${ORG_CHART.boxes}`);
  assert.equal(lines.length, ORG_CHART.boxes - 1, 'a box has no connector');
  assert.ok(lines.every((s) => s.line?.begin.shape !== null && s.line?.end.shape !== null), 'a connector is not attached to its boxes');

  await page.setViewportSize(ORG_CHART.viewport);
  const { panel, rendered } = await showShapes(page, ORG_CHART.sheet);
  assert.equal(rendered.shapes, drawn.length);
  assert.deepEqual(rendered.overflowing, [], `text does not fit its box (as Chromium wraps it in Times New Roman's metrics): ${rendered.overflowing.join(', ')}`);
  await shotOf(panel, 'org-chart');
  await page.context().close();
}

async function cancelWhileWriting(browser: Browser, base: string, watch: Watch): Promise<void> {
  log('cancel while writing: the report replaced with slow syncs, "Hủy" clicked during the write');
  const page = await openInsideFakeExcel(browser, base, watch, NARROW);
  await assertEventually(async () => !(await UI.generate(page).isDisabled()), 'the generate button stays disabled inside the fake Excel');
  await UI.periodKind(page).selectOption(UI.customPeriod);
  await UI.from(page).fill(EXPECT.from);
  await UI.to(page).fill(EXPECT.to);
  await UI.generate(page).click();
  await waitForResult(page);
  // The earlier report, its registry rows and everything else, as the cancelled replacement must leave them.
  await UI.replace(page).check();
  const before = await fakeHost(page, (h) => h.snapshot());
  const names = await fakeHost(page, (h) => h.sheetNames());
  assert.ok(EXPECT.sheets.every((n) => names.includes(n)), `the first report was not written (sheets: ${names.join(', ')})`);

  await page.evaluate((ms) => ((window as unknown as FakeHostWindow).__fakeHost.delayMs = ms), SLOW_SYNC_MS);
  const syncsBefore = await fakeHost(page, (h) => h.syncs());
  await UI.generate(page).click();
  // Once reading is done, the write's syncs slower still, so that the screenshot and the click land before its batch.
  await UI.stepLabel(page, vi.steps.compute).or(UI.stepLabel(page, vi.steps.write)).first().waitFor({ timeout: GENERATE_TIMEOUT_MS });
  await page.evaluate((ms) => ((window as unknown as FakeHostWindow).__fakeHost.delayMs = ms), WRITE_SYNC_MS);
  await UI.stepLabel(page, vi.steps.write).waitFor({ timeout: GENERATE_TIMEOUT_MS });
  assert.ok(await UI.writeHint(page).isVisible(), 'while writing, the pane does not say what "Hủy" does');
  assert.ok(!(await UI.cancel(page).isDisabled()), `"${vi.cancel}" is disabled while writing`);
  await shot(page, 'writing');
  await UI.cancel(page).click();
  await UI.stepLabel(page, vi.cancelling).waitFor();
  assert.ok(await UI.cancel(page).isDisabled(), `"${vi.cancel}" can be clicked again while cancelling`);
  await shot(page, 'cancelling');
  await UI.cancelled(page).waitFor({ timeout: GENERATE_TIMEOUT_MS });
  log(`cancelled while writing after ${(await fakeHost(page, (h) => h.syncs())) - syncsBefore} slowed syncs`);
  assert.equal(await UI.failure(page).count(), 0, 'cancelling while writing shows an error');
  assert.equal(await UI.result(page).count(), 0, 'cancelling while writing still shows a result');
  const after = await fakeHost(page, (h) => h.snapshot());
  assert.deepEqual(await fakeHost(page, (h) => h.sheetNames()), names, 'a run cancelled while writing left a sheet behind');
  assert.ok(after === before, 'a run cancelled while writing changed the workbook (the earlier report, the registry or another sheet)');
  await page.evaluate(() => ((window as unknown as FakeHostWindow).__fakeHost.delayMs = 0));
  await shot(page, 'cancelled-while-writing');
  await page.context().close();
}

/** Polls a condition (the pane works asynchronously; no fixed sleeps). */
async function assertEventually(check: () => Promise<boolean>, message: string | (() => Promise<string>), timeoutMs = LOAD_TIMEOUT_MS): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) assert.fail(typeof message === 'string' ? message : await message());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(DIST, 'taskpane.html'))) throw new Error('dist/taskpane.html is missing: run `npm run build` first.');
  if (!fs.existsSync(path.join(OFFICE_JS_DIR, 'office.js'))) throw new Error(`${path.relative(ROOT, OFFICE_JS_DIR)}/office.js is missing: @microsoft/office-js is a devDependency, run \`npm ci\`.`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (Debian).`);
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });

  log('bundling the fake host with the sample workbook');
  const server = await serve(await fakeHostScript());
  const watch: Watch = { requests: [], offenders: [], errors: [] };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: LOAD_TIMEOUT_MS });
  try {
    await outsideOffice(browser, server.base, watch);
    await insideFakeExcel(browser, server.base, watch);
    await dataAndSettings(browser, server.base, watch);
    await editedTemplate(browser, server.base, watch);
    await partyReport(browser, server.base, watch);
    await benefitsReport(browser, server.base, watch);
    await orgChart(browser, server.base, watch);
    await cancelWhileWriting(browser, server.base, watch);
  } finally {
    await browser.close();
    await server.close();
    axe.write(path.join(OUT, 'axe.json'));
  }
  axe.assertClean();
  assert.ok(watch.requests.length > 0, 'no request was recorded: the request guard is not working');
  const offenders = [...new Set(watch.offenders)];
  assert.deepEqual(offenders, [], `requests left ${server.base} (aborted):\n  ${offenders.join('\n  ')}`);
  assert.deepEqual(watch.errors, [], `the pages reported errors:\n  ${watch.errors.join('\n  ')}`);
  const paths = [...new Set(watch.requests.map((u) => u.slice(server.base.length)))];
  log(`${watch.requests.length} requests, all to ${server.base}: ${paths.join(' ')}`);
}

const timer = setTimeout(() => {
  console.error(`e2e FAILED: timed out after ${RUN_TIMEOUT_MS / 1000}s`);
  process.exit(1);
}, RUN_TIMEOUT_MS);
timer.unref();

main().then(
  () => {
    console.log(`e2e passed in ${seconds()}s; screenshots:\n  ${shots.map((f) => path.relative(ROOT, f)).join('\n  ')}`);
  },
  (e: unknown) => {
    console.error(`e2e FAILED after ${seconds()}s: ${e instanceof Error ? e.message : String(e)}`);
    if (shots.length) console.error(`screenshots so far:\n  ${shots.map((f) => path.relative(ROOT, f)).join('\n  ')}`);
    process.exit(1);
  },
);
