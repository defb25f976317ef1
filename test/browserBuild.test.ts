/**
 * The engine builds for a browser and runs there: reading workbooks from bytes (readWorkbookBytes),
 * the use case (ingestWorkbook, generate) and writing the report to bytes (writePlanBytes), bundled
 * by webpack for `target: 'web'` with the task pane's loader options, every Node built-in resolved to
 * nothing (resolve.fallback: false, no polyfills). Then the bundle runs in a V8 context holding only
 * what a page has of what it uses (TextDecoder, TextEncoder, console): no Buffer, process, require or
 * zlib. What it reads and writes there is held to what Node's CLI reads and writes.
 */
import { promises as fs, readdirSync } from 'fs';
import { builtinModules } from 'module';
import path from 'path';
import vm from 'vm';
import webpack, { type Configuration, type StatsModule } from 'webpack';
import { generate } from '../src/app/generate';
import { ingestWorkbook } from '../src/ingest/ingestWorkbook';
import { useCodec } from '../src/workbook/codec';
import { readXlsxBook } from '../src/workbook/xlsx/readXlsx';
import { FILE_CAPABILITIES, writePlanBytes } from '../src/workbook/xlsx/writePlanBytes';
import { fflateCodec } from './helpers/codecs';
import { HOSTILE_DIR } from './helpers/hostile';

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'test-output', 'browser-build');
const SAMPLE = path.join(ROOT, 'assets', 'samples', 'mong-cai.xlsx');
const PARAMS = { period: { from: '2019-01-01', to: '2019-12-31' }, generatedAt: '2026-12-07T02:00:00Z' };

/** The task pane's webpack configuration (webpack.config.js), for its loader rules and extensions. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const paneConfig = (require('../webpack.config.js') as (env: object, argv: object) => Configuration)({}, { mode: 'production' });

function build(): Promise<webpack.Stats> {
  const config: Configuration = {
    mode: 'development',
    devtool: false,
    target: 'web',
    context: ROOT,
    entry: path.join(__dirname, 'helpers', 'browserEntry.ts'),
    output: { path: OUT, filename: 'engine.js', library: { name: 'tochuc', type: 'var' }, clean: true },
    resolve: {
      extensions: paneConfig.resolve?.extensions,
      // No polyfills: a built-in any module asked for would become an empty module, which the test refuses below.
      fallback: Object.fromEntries(builtinModules.map((m) => [m, false])),
    },
    module: paneConfig.module,
    // One file: SheetJS and exceljs, loaded on demand, inside it, so that the context below runs them too.
    plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
    performance: { hints: false },
  };
  return new Promise((resolve, reject) => webpack(config, (err, stats) => (err || !stats ? reject(err ?? new Error('no stats')) : resolve(stats))));
}

let stats: webpack.StatsCompilation;
let modules: StatsModule[];
let engine: vm.Context;

beforeAll(async () => {
  const built = await build();
  stats = built.toJson({ all: false, errors: true, warnings: true, modules: true, nestedModules: true, reasons: true });
  const flat: StatsModule[] = [];
  const walk = (list: StatsModule[] | undefined) => list?.forEach((m) => (flat.push(m), walk(m.modules)));
  walk(stats.modules);
  modules = flat;
  engine = vm.createContext({ TextDecoder, TextEncoder, console });
  vm.runInContext(await fs.readFile(path.join(OUT, 'engine.js'), 'utf8'), engine, { filename: 'engine.js' });
}, 180_000);

describe('the engine bundled for a browser', () => {
  test('builds with no error or warning, no Node built-in among its modules, and fflate as its codec', () => {
    expect(stats.errors?.map((e) => e.message)).toEqual([]);
    expect(stats.warnings?.map((e) => e.message)).toEqual([]);
    // A built-in asked for under fallback false is an "(ignored)" module: say who asked.
    const ignored = modules.filter((m) => /\(ignored\)/.test(m.name ?? '') || builtinModules.includes(m.name ?? ''));
    expect(ignored.map((m) => `${m.name} ← ${(m.reasons ?? []).map((r) => r.moduleName).join(', ')}`)).toEqual([]);
    const names = modules.map((m) => m.name ?? '');
    expect(names).toContain('./src/workbook/codec/fflate.ts');
    expect(names).not.toContain('./src/workbook/codec/node.ts');
    expect(names.filter((n) => n.startsWith('./src/cli/') || n.startsWith('./src/taskpane/') || n.startsWith('./src/workbook/office/'))).toEqual([]);
  });

  test('the context it runs in has nothing of Node', () => {
    expect(vm.runInContext('[typeof Buffer, typeof process, typeof require, typeof setImmediate, typeof tochuc.readWorkbookBytes]', engine)).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'function']);
  });

  /** The workbook read by the bundle from its bytes, as JSON (dates as ISO text), or its error's kind and message. */
  async function readInBrowser(file: string): Promise<unknown> {
    engine.input = new Uint8Array(await fs.readFile(file));
    engine.fileName = file;
    const json = (await vm.runInContext(
      `(async () => {
        const bytes = new Uint8Array(input.length);
        bytes.set(input);
        try {
          return JSON.stringify(await tochuc.readWorkbookBytes(bytes, fileName));
        } catch (e) {
          return JSON.stringify({ kind: e.kind, message: e.message });
        }
      })()`,
      engine,
    )) as string;
    return JSON.parse(json);
  }

  async function readInNode(file: string): Promise<unknown> {
    return JSON.parse(JSON.stringify(await readXlsxBook(file).catch((e: { kind: string; message: string }) => ({ kind: e.kind, message: e.message }))));
  }

  test('reads the sample as the CLI does', async () => {
    expect(await readInBrowser(SAMPLE)).toEqual(await readInNode(SAMPLE));
  }, 60_000);

  // Every format (.xlsx, .xls BIFF8 and BIFF5, .ods, CSV in UTF-8, UTF-16 and Windows-1258), the
  // damaged and hostile files (bombs, lying sizes, passwords): the same book, or the same refusal.
  test.each(readdirSync(HOSTILE_DIR).filter((f) => f !== 'README.md'))('reads %s as the CLI does', async (name) => {
    const file = path.join(HOSTILE_DIR, name);
    expect(await readInBrowser(file)).toEqual(await readInNode(file));
  }, 60_000);

  test('makes the report of the sample and writes it to the bytes Node writes with fflate', async () => {
    engine.input = new Uint8Array(await fs.readFile(SAMPLE));
    engine.params = JSON.stringify(PARAMS);
    const inBrowser = (await vm.runInContext(
      `(async () => {
        const bytes = new Uint8Array(input.length);
        bytes.set(input);
        const book = await tochuc.readWorkbookBytes(bytes, 'mong-cai.xlsx');
        const ingest = tochuc.ingestWorkbook(book.grids, { file: 'mong-cai.xlsx' });
        const { plan } = tochuc.generate('merger', [{ file: 'mong-cai.xlsx', book: ingest }], JSON.parse(params), { org: book.settings.org, files: ['mong-cai.xlsx'], capabilities: tochuc.FILE_CAPABILITIES });
        return tochuc.writePlanBytes(plan);
      })()`,
      engine,
    )) as Uint8Array;
    const book = await readXlsxBook(SAMPLE);
    const ingest = ingestWorkbook(book.grids, { file: 'mong-cai.xlsx' });
    const { plan } = generate('merger', [{ file: 'mong-cai.xlsx', book: ingest }], PARAMS, { org: book.settings.org, files: ['mong-cai.xlsx'], capabilities: FILE_CAPABILITIES });
    useCodec(fflateCodec);
    try {
      const inNode = await writePlanBytes(plan!);
      expect(inBrowser.length).toBeGreaterThan(5000);
      expect(Buffer.from(inBrowser).equals(Buffer.from(inNode))).toBe(true);
    } finally {
      useCodec(undefined);
    }
  }, 60_000);
});
