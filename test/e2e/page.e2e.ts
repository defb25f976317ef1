/**
 * The standalone page (dist/web/index.html) in Debian's Chromium, as an officer without Office uses
 * it: the sample dropped in through the real file chooser, a column changed on the Data tab, each
 * report kind made and downloaded, and each download equal, sheet by sheet and cell by cell, to the
 * workbook the CLI writes from the same input with the same column (`--map`). Then the network goes
 * away: the page reloads from its service worker, says it works offline, and makes a report again.
 * The organisation details typed are there again after a reload (dark scheme), and a copy of dist/
 * opened from the disk (file://) makes a report too. No request may leave 127.0.0.1 (or, for the
 * copy, dist/). Screenshots at 360 and 1280 px go to test-output/e2e/page-*.png.
 *
 *   npm run build && npx tsx test/e2e/page.e2e.ts
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { SAMPLE_WORKBOOK } from '../../src/cli/main';
import { reports } from '../../src/reports';
import type { ReportDefinition } from '../../src/reports/registry';
import { pageStringsFor } from '../../src/page/pageStrings';
import { paneTexts } from '../helpers/paneTexts';
import { AxeAudit } from './axe';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const OUT = path.join(ROOT, 'test-output/e2e');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-extensions',
];
const TIMEOUT_MS = 120_000;
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.png': 'image/png', '.css': 'text/css' };

const vi = paneTexts('vi');
const page$ = pageStringsFor('vi');

/** A signer typed on the organisation tab, to find again after a reload. */
const SIGNER = 'Trần Thị Bình';

/** The column changed on the Data tab, and the same choice for the CLI. */
const MAPPING = { sheet: 'DS CBCCVC', label: 'Chức vụ', column: 'H', cli: 'DS CBCCVC!position=H' };

const log = (line: string) => console.log(`[page e2e] ${line}`);
const axe = new AxeAudit(log);

/** Serves dist/ on 127.0.0.1; `/` is the page. */
async function serve(): Promise<{ base: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const wanted = path.resolve(DIST, `.${urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath}`);
    if (!wanted.startsWith(DIST + path.sep) || !fs.existsSync(wanted) || !fs.statSync(wanted).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(wanted)] ?? 'application/octet-stream' });
    res.end(fs.readFileSync(wanted));
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

interface Watch {
  requests: string[];
  offenders: string[];
  errors: string[];
}

/** Records every request, and aborts (and counts) any that `allowed` refuses. */
async function guard(context: BrowserContext, allowed: (url: string) => boolean, watch: Watch): Promise<void> {
  context.on('request', (r) => {
    watch.requests.push(r.url());
    if (!allowed(r.url())) watch.offenders.push(r.url());
  });
  await context.route('**/*', (route) => {
    if (allowed(route.request().url())) return route.continue();
    watch.offenders.push(route.request().url());
    return route.abort('blockedbyclient');
  });
}

async function open(context: BrowserContext, base: string, watch: Watch): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  page.on('pageerror', (e) => watch.errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') watch.errors.push(`console error: ${m.text()}`);
  });
  await page.goto(`${base}/web/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: path.join(OUT, `page-${name}-${width}.png`), fullPage: true });
}

/** The sample through the real file chooser, as a click on "Chọn tệp…" opens it. */
async function chooseSample(page: Page): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: page$.chooseFiles, exact: true }).click();
  await (await chooser).setFiles(SAMPLE_WORKBOOK);
  await page.getByText(page$.filesRead(1)).waitFor();
}

/** The values the page's fields take for a kind's demo parameters, and the CLI's options for the same. */
function paramsOf(definition: ReportDefinition): { fill: (page: Page) => Promise<void>; cli: string[] } {
  const demo = definition.demo as Record<string, unknown>;
  const steps: Array<(page: Page) => Promise<void>> = [];
  const cli: string[] = [];
  for (const spec of definition.params) {
    const value = demo[spec.name];
    if (spec.type === 'period') {
      const period = value as { from: string; to: string };
      steps.push(async (page) => {
        await page.getByLabel(vi.periodKind, { exact: true }).selectOption('custom');
        await page.getByLabel(vi.from, { exact: true }).fill(period.from);
        await page.getByLabel(vi.to, { exact: true }).fill(period.to);
      });
      cli.push('--from', period.from, '--to', period.to);
    } else if (value !== undefined) {
      const text = spec.type === 'rate' ? String(Math.round((value as number) * 100)) : String(value);
      steps.push(async (page) => page.getByLabel(spec.label.vi, { exact: true }).fill(text));
      cli.push(`--${spec.cli}`, spec.type === 'rate' ? String(value) : String(value));
    }
  }
  return { fill: async (page) => { for (const s of steps) await s(page); }, cli };
}

/** Every sheet's cells (value, formula, stored result) but the hidden registry's, which records when it was written. */
async function cellsOf(file: string): Promise<Map<string, string[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets = new Map<string, string[]>();
  wb.eachSheet((ws) => {
    if (ws.state === 'veryHidden') return;
    const cells: string[] = [];
    ws.eachRow((row, r) => row.eachCell((cell, c) => cells.push(`${r}:${c}=${JSON.stringify(cell.value)}`)));
    sheets.set(ws.name, cells);
  });
  return sheets;
}

async function makeAndCompare(page: Page, definition: ReportDefinition, tmp: string): Promise<void> {
  await page.getByRole('tab', { name: vi.tabs.report, exact: true }).click();
  await page.getByLabel(vi.reportKind, { exact: true }).selectOption(definition.id);
  const { fill, cli } = paramsOf(definition);
  await fill(page);
  await page.getByRole('button', { name: vi.generate, exact: true }).click();
  const link = page.getByRole('link', { name: new RegExp(`^${page$.download('').trim()}`) });
  await link.waitFor({ timeout: TIMEOUT_MS });
  const download = page.waitForEvent('download');
  await link.click();
  const fromPage = path.join(tmp, `page-${definition.id}.xlsx`);
  await (await download).saveAs(fromPage);
  const fromCli = path.join(tmp, `cli-${definition.id}.xlsx`);
  try {
    execFileSync('node', [path.join(ROOT, 'src/cli/tochuc.js'), 'report', definition.id, '--input', SAMPLE_WORKBOOK, ...cli, '--map', MAPPING.cli, '--out', fromCli, '--force'], { stdio: 'pipe' });
  } catch (e) {
    // Exit 1: the report was written, the data have error issues (the sample's traps).
    if ((e as { status?: number }).status !== 1) throw e;
  }
  const [a, b] = await Promise.all([cellsOf(fromPage), cellsOf(fromCli)]);
  assert.deepEqual([...a.keys()], [...b.keys()], `${definition.id}: the page's sheets differ from the CLI's`);
  for (const [name, cells] of a) assert.deepEqual(cells, b.get(name), `${definition.id}: sheet "${name}" differs from the CLI's`);
  log(`${definition.id}: ${a.size} sheets, ${[...a.values()].reduce((n, c) => n + c.length, 0)} cells equal to the CLI's`);
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(DIST, 'web/index.html')) || !fs.existsSync(path.join(DIST, 'web/sw.js'))) throw new Error('dist/web/ is missing: run `npm run build` first.');
  fs.mkdirSync(OUT, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tochuc-page-'));
  const server = await serve();
  const watch: Watch = { requests: [], offenders: [], errors: [] };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: TIMEOUT_MS });
  try {
    for (const width of [360, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
      await guard(context, (url) => url.startsWith(`${server.base}/`) || url.startsWith('data:') || url.startsWith('blob:'), watch);
      log(`${width} px: the page, the sample chosen`);
      const page = await open(context, server.base, watch);
      await shot(page, 'empty');
      await axe.audit(page, `page, empty (${width} px)`);
      await chooseSample(page);

      log(`${width} px: a column changed on the Data tab`);
      await page.getByRole('tab', { name: vi.tabs.data, exact: true }).click();
      await page.getByRole('button', { name: new RegExp(`^${MAPPING.sheet}\\b`) }).click();
      const column = page.getByRole('combobox', { name: MAPPING.label, exact: true });
      await column.click();
      await page.getByRole('option').filter({ hasText: new RegExp(`^${MAPPING.column} — `) }).first().click();
      await page.waitForFunction(([label, col]) => [...document.querySelectorAll('[role=combobox]')].some((e) => e.getAttribute('aria-label') === label || e.textContent?.startsWith(`${col} — `)), [MAPPING.label, MAPPING.column]);
      await shot(page, 'data');
      await axe.audit(page, `page, data tab (${width} px)`);

      if (width === 1280) {
        for (const definition of reports.menu()) {
          log(`${width} px: ${definition.id}, made and downloaded`);
          await makeAndCompare(page, definition, tmp);
        }
        await shot(page, 'result');
        await axe.audit(page, `page, result (${width} px)`);

        log('offline: the page reloads from its service worker and makes a report again');
        await page.evaluate(async () => {
          await navigator.serviceWorker.ready;
        });
        await context.setOffline(true);
        await page.reload();
        await page.getByText(page$.offline, { exact: true }).waitFor();
        await chooseSample(page);
        const definition = reports.get('reduction') as ReportDefinition;
        await page.getByLabel(vi.reportKind, { exact: true }).selectOption(definition.id);
        await paramsOf(definition).fill(page);
        await page.getByRole('button', { name: vi.generate, exact: true }).click();
        await page.getByRole('link', { name: new RegExp(`^${page$.download('').trim()}`) }).waitFor({ timeout: TIMEOUT_MS });
        await shot(page, 'offline');
        await context.setOffline(false);
      }
      await context.close();
    }

    log('360 px, dark: the organisation details remembered across a reload');
    const dark = await browser.newContext({ viewport: { width: 360, height: 900 }, locale: 'vi-VN', colorScheme: 'dark' });
    await guard(dark, (url) => url.startsWith(`${server.base}/`) || url.startsWith('data:') || url.startsWith('blob:'), watch);
    const darkPage = await open(dark, server.base, watch);
    await darkPage.getByRole('tab', { name: vi.tabs.org, exact: true }).click();
    await darkPage.getByLabel(vi.org.signerName, { exact: true }).fill(SIGNER);
    await darkPage.getByRole('button', { name: vi.org.save, exact: true }).click();
    await darkPage.getByText(page$.orgSaved, { exact: true }).waitFor();
    await darkPage.reload();
    await darkPage.getByRole('tab', { name: vi.tabs.org, exact: true }).click();
    assert.equal(await darkPage.getByLabel(vi.org.signerName, { exact: true }).inputValue(), SIGNER, 'the signer was not remembered by the browser');
    await shot(darkPage, 'dark-org');
    await axe.audit(darkPage, 'page, organisation, dark (360 px)');
    await dark.close();

    log('a local copy of dist/ opened from the disk (file://): no service worker, a report made all the same');
    const local = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
    await guard(local, (url) => url.startsWith(`file://${DIST}/`) || url.startsWith('data:') || url.startsWith('blob:'), watch);
    const localPage = await local.newPage();
    localPage.on('pageerror', (e) => watch.errors.push(`page error (file://): ${e.message}`));
    await localPage.goto(`file://${path.join(DIST, 'web/index.html')}`);
    await chooseSample(localPage);
    const reduction = reports.get('reduction') as ReportDefinition;
    await paramsOf(reduction).fill(localPage);
    await localPage.getByRole('button', { name: vi.generate, exact: true }).click();
    await localPage.getByRole('link', { name: new RegExp(`^${page$.download('').trim()}`) }).waitFor({ timeout: TIMEOUT_MS });
    await local.close();
  } finally {
    await browser.close();
    await server.close();
    axe.write(path.join(OUT, 'axe-page.json'));
  }
  axe.assertClean();
  assert.ok(watch.requests.length > 0, 'no request was recorded: the request guard is not working');
  assert.deepEqual([...new Set(watch.offenders)], [], 'requests left 127.0.0.1');
  assert.deepEqual(watch.errors, [], `the page reported errors:\n  ${watch.errors.join('\n  ')}`);
  log(`passed: ${watch.requests.length} requests, all to ${server.base}`);
}

main().catch((e: unknown) => {
  console.error(`page e2e FAILED: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  process.exit(1);
});
