/**
 * `npx tsx test/tools/screenshotPane.ts [out-dir]`: screenshots of the built task pane in Debian's
 * Chromium, for a person to look at before calling pane work done. Builds nothing: run
 * `npm run build` first; dist/ is served on 127.0.0.1 on a free port and no request leaves it
 * (office.js from Microsoft's CDN is either refused or replaced by a fake).
 *
 *   taskpane.png            outside Office (office.js does not load): the "open inside Excel" state
 *   taskpane-running.png    inside a fake Excel holding the sample workbook, slowed down: progress + cancel
 *   taskpane-result.png     the same after generating: figures, sheets, skipped features, issues (full page)
 *   taskpane-select-failed.png  an issue whose sheet has gone, after a click on it
 *
 * The fake Excel is test/fakes/excelFake.ts bundled for the browser with esbuild (tsx's own) and
 * loaded in place of office.js; without esbuild only the first screenshot is taken.
 * playwright-core is loaded at run time (`NODE_PATH=/dir/node_modules` if it is not a dependency).
 */
import fs from 'fs';
import http from 'http';
import { createRequire } from 'module';
import path from 'path';
import { SAMPLE_WORKBOOK } from '../../src/cli/main';
import { stringsFor } from '../../src/taskpane/strings';
import { writeSettingsInExcel } from '../../src/workbook/office/settings';
import { readXlsx } from '../../src/workbook/xlsx/readXlsx';
import type { FakeWorkbook } from '../fakes/excelFake';
import { host, sampleInExcel } from '../helpers/excelSample';
import { SAMPLE_ORG } from './generateSample';

// The slice of playwright-core used here (it is loaded at run time, so its types may be absent).
interface Locator {
  click(): Promise<void>;
  waitFor(options?: { timeout?: number }): Promise<void>;
  isDisabled(): Promise<boolean>;
  screenshot(options: { path: string }): Promise<unknown>;
  first(): Locator;
  locator(selector: string): Locator;
  fill(value: string): Promise<void>;
  selectOption(value: string): Promise<unknown>;
}
interface Route {
  request(): { url(): string };
  fulfill(options: { contentType: string; body: string }): Promise<void>;
  abort(): Promise<void>;
  continue(): Promise<void>;
}
interface Page {
  route(url: string, handler: (route: Route) => Promise<void>): Promise<void>;
  goto(url: string): Promise<unknown>;
  on(event: 'pageerror' | 'console', listener: (e: { message?: string; type?: () => string; text?: () => string; location?: () => { url: string } }) => void): void;
  getByRole(role: string, options?: { name?: string | RegExp; exact?: boolean }): Locator;
  getByText(text: string | RegExp, options?: { exact?: boolean }): Locator;
  locator(selector: string): Locator;
  getByLabel(text: string, options?: { exact?: boolean }): Locator;
  waitForTimeout(ms: number): Promise<void>;
  evaluate<T, A>(fn: (arg: A) => T, arg: A): Promise<T>;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  close(): Promise<void>;
}
interface Browser {
  newPage(options: { viewport: { width: number; height: number }; locale?: string }): Promise<Page>;
  close(): Promise<void>;
}
interface Playwright {
  chromium: { launch(options: { executablePath: string; args: string[] }): Promise<Browser> };
}
interface EsbuildResult {
  outputFiles: Array<{ text: string }>;
}
interface Esbuild {
  build(options: Record<string, unknown>): Promise<EsbuildResult>;
}

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/';
const VIEWPORT = { width: 350, height: 900 };
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const vi = stringsFor('vi');

const load = createRequire(__filename);

function optional<T>(name: string): T | undefined {
  try {
    return load(name) as T;
  } catch {
    return undefined;
  }
}

/** Serves dist/ read-only; anything outside it is a 404. */
async function serve(dir: string): Promise<{ base: string; close: () => void }> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.png': 'image/png', '.css': 'text/css', '.txt': 'text/plain' };
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { base: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}

/** The sample workbook as a fake Excel holds it, with the organisation settings, as JSON for the page. */
async function sampleBookJson(): Promise<string> {
  const workbook: FakeWorkbook = await sampleInExcel(await readXlsx(SAMPLE_WORKBOOK));
  await writeSettingsInExcel(host(workbook).host, { org: SAMPLE_ORG });
  return JSON.stringify({
    settings: [...workbook.settings],
    sheets: workbook.sheets.map((s) => ({ name: s.name, visibility: s.visibility, cells: [...s.cells], merged: s.mergedAreas, properties: [...s.customProperties] })),
  });
}

/** Stands in for office.js: Office (Excel host, vi-VN, light theme) and Excel.run over the fake, each sync delayed by window.__tochucDelay ms. */
const FAKE_OFFICE_ENTRY = `
import { FakeWorkbook, fakeExcel } from './test/fakes/excelFake';
const g = globalThis as any;
const data = g.__tochucBook;
const workbook = new FakeWorkbook();
for (const s of data.sheets) {
  const sheet = workbook.addSheet(s.name);
  sheet.visibility = s.visibility;
  for (const [key, cell] of s.cells) {
    const [r, c] = key.split(',').map(Number);
    Object.assign(sheet.mutableCell(r, c), cell);
  }
  sheet.mergedAreas.push(...s.merged);
  for (const [k, v] of s.properties) sheet.customProperties.set(k, v);
}
for (const [k, v] of data.settings) workbook.settings.set(k, v);
const fake = fakeExcel(workbook, { requirementSets: ['ExcelApi 1.4'] });
g.__tochucWorkbook = workbook;
g.Excel = {
  run: (batch: any) => fake.Excel.run((context: any) => {
    const sync = context.sync.bind(context);
    context.sync = async () => { await new Promise((r) => setTimeout(r, g.__tochucDelay ?? 0)); return sync(); };
    return batch(context);
  }),
};
const info = { host: 'Excel', platform: 'PC' };
g.Office = {
  HostType: { Excel: 'Excel' },
  context: { displayLanguage: 'vi-VN', officeTheme: { bodyBackgroundColor: '#FFFFFF' }, requirements: fake.Office.context.requirements },
  onReady(callback?: (i: typeof info) => void) { setTimeout(() => callback?.(info), 0); return Promise.resolve(info); },
};
`;

async function fakeOfficeScript(esbuild: Esbuild): Promise<string> {
  const built = await esbuild.build({
    stdin: { contents: FAKE_OFFICE_ENTRY, resolveDir: ROOT, loader: 'ts', sourcefile: 'fakeOffice.ts' },
    bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2020', logLevel: 'silent',
  });
  return `window.__tochucBook = ${await sampleBookJson()};\n${built.outputFiles[0].text}`;
}

/** A page whose office.js is refused (script undefined) or replaced, and which may reach only dist/. */
async function openPane(browser: Browser, base: string, officeJs: string | undefined, errors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT, locale: 'vi-VN' });
  page.on('pageerror', (e) => errors.push(e.message ?? String(e)));
  page.on('console', (m) => {
    // Outside Office the refused office.js is expected to fail.
    if (m.type?.() === 'error' && !m.location?.().url.startsWith(OFFICE_JS)) errors.push(m.text?.() ?? '');
  });
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(OFFICE_JS)) return officeJs ? route.fulfill({ contentType: 'text/javascript', body: officeJs }) : route.abort();
    return url.startsWith(base) ? route.continue() : route.abort();
  });
  await page.goto(`${base}/taskpane.html`);
  await page.getByRole('button', { name: vi.generate, exact: true }).waitFor({ timeout: 30_000 });
  return page;
}

export async function screenshotPane(outDir: string): Promise<string[]> {
  const html = path.join(DIST, 'taskpane.html');
  if (!fs.existsSync(html)) throw new Error(`${path.relative(ROOT, html)} is missing: run \`npm run build\` first.`);
  const playwright = optional<Playwright>('playwright-core');
  if (!playwright) throw new Error('playwright-core is not installed: add it, or run with NODE_PATH=<a node_modules that has it>.');
  fs.mkdirSync(outDir, { recursive: true });
  const shots: string[] = [];
  const shot = (name: string) => {
    const file = path.join(outDir, name);
    shots.push(file);
    return file;
  };
  const errors: string[] = [];
  const server = await serve(DIST);
  const browser = await playwright.chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    // 1. Outside Office.
    const outside = await openPane(browser, server.base, undefined, errors);
    await outside.getByText(vi.notInExcelTitle).waitFor();
    if (!(await outside.getByRole('button', { name: vi.generate, exact: true }).isDisabled())) errors.push('outside Office: the generate button is enabled');
    await outside.screenshot({ path: shot('taskpane.png') });
    await outside.close();

    // 2. Inside a fake Excel with the sample workbook.
    const esbuild = optional<Esbuild>('esbuild');
    if (!esbuild) {
      console.error('esbuild not found: only the outside-Office screenshot was taken.');
      return shots;
    }
    const pane = await openPane(browser, server.base, await fakeOfficeScript(esbuild), errors);
    const generate = pane.getByRole('button', { name: vi.generate, exact: true });
    await pane.evaluate((ms) => ((window as unknown as { __tochucDelay: number }).__tochucDelay = ms), 600);
    await pane.getByRole('spinbutton', { name: vi.year }).waitFor();
    await generate.click();
    await pane.getByRole('progressbar').waitFor();
    await pane.screenshot({ path: shot('taskpane-running.png') });
    await pane.getByRole('button', { name: vi.cancel, exact: true }).click();
    await pane.getByText(vi.cancelled).waitFor({ timeout: 30_000 });

    // The sample's period, with a target, so that every figure has something to show.
    await pane.evaluate((ms) => ((window as unknown as { __tochucDelay: number }).__tochucDelay = ms), 0);
    await pane.getByLabel(vi.periodKind).selectOption('custom');
    await pane.getByLabel(vi.from, { exact: true }).fill('2015-01-01');
    await pane.getByLabel(vi.to, { exact: true }).fill('2019-12-31');
    await pane.getByLabel(vi.target).fill('10');
    await generate.click();
    await pane.getByRole('heading', { name: vi.resultTitle }).waitFor({ timeout: 120_000 });
    await pane.screenshot({ path: shot('taskpane-result.png'), fullPage: true });

    // A click on an issue selects its cell; once its sheet is gone, the pane says so under it.
    const issueRows = '[aria-labelledby="issues-heading"] li';
    const firstIssue = pane.locator(`${issueRows} button`).first();
    await firstIssue.click();
    await pane.waitForTimeout(300);
    if (await pane.evaluate(() => document.querySelectorAll('[role=alert]').length, undefined)) errors.push('selecting the first issue failed');
    const sheetOfFirst = await pane.evaluate((rows) => document.querySelector(`${rows} button`)?.textContent ?? '', issueRows);
    await pane.evaluate((text) => {
      const book = (window as unknown as { __tochucWorkbook: { sheets: Array<{ name: string }> } }).__tochucWorkbook;
      const i = book.sheets.findIndex((s) => text.includes(`${s.name}!`));
      if (i >= 0) book.sheets.splice(i, 1);
    }, sheetOfFirst);
    await firstIssue.click();
    await pane.getByRole('alert').waitFor();
    await pane.locator(issueRows).first().screenshot({ path: shot('taskpane-select-failed.png') });
    await pane.close();
  } finally {
    await browser.close();
    server.close();
    if (errors.length) console.error(`page errors:\n  ${errors.join('\n  ')}`);
  }
  if (errors.length) process.exitCode = 1;
  return shots;
}

if (require.main === module) {
  screenshotPane(path.resolve(process.argv[2] ?? 'test-output'))
    .then((files) => console.log(files.join('\n')))
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
