/**
 * Workbooks read from bytes and reports written to bytes (readWorkbookBytes, writePlanBytes), the
 * code a browser page runs, under fflate's codec (a browser build's), held to what the CLI reads from
 * and writes to files under zlib's: the same grids and settings, or the same one-line refusal, for
 * the sample and every file of the hostile corpus; the same parts in the report, byte for byte.
 */
import { promises as fs, readdirSync } from 'fs';
import os from 'os';
import path from 'path';
import { unzipSync } from 'fflate';
import { generate } from '../src/app/generate';
import { ingestWorkbook } from '../src/ingest/ingestWorkbook';
import { reports } from '../src/reports';
import type { FillPlan } from '../src/templates/plan';
import { useCodec, type Codec } from '../src/workbook/codec';
import { MAX_INPUT_BYTES } from '../src/workbook/formats/inputSize';
import { readWorkbookBytes, UnreadableWorkbookError, type XlsxBook } from '../src/workbook/xlsx/readBytes';
import { readXlsxBook } from '../src/workbook/xlsx/readXlsx';
import { FILE_CAPABILITIES, writePlanBytes } from '../src/workbook/xlsx/writePlanBytes';
import { writePlanFile } from '../src/workbook/xlsx/writePlanFile';
import { fflateCodec, zlibCodec } from './helpers/codecs';
import { HOSTILE_DIR } from './helpers/hostile';

const SAMPLE = path.join(__dirname, '..', 'assets', 'samples', 'mong-cai.xlsx');
const TMP = path.join(os.tmpdir(), `tochuc-bytes-${process.pid}`);

async function under<T>(codec: Codec, run: () => Promise<T>): Promise<T> {
  useCodec(codec);
  try {
    return await run();
  } finally {
    useCodec(undefined);
  }
}

/** The book, or the refusal's kind and message. */
const settled = (read: Promise<XlsxBook>): Promise<XlsxBook | { kind: string; message: string }> =>
  read.catch((e: unknown) => {
    if (!(e instanceof UnreadableWorkbookError)) throw e;
    return { kind: e.kind, message: e.message };
  });

/** A file's bytes as a page holds them: a plain Uint8Array, no Node Buffer. */
async function pageBytes(file: string): Promise<Uint8Array> {
  return new Uint8Array(await fs.readFile(file));
}

beforeAll(() => fs.mkdir(TMP, { recursive: true }));
afterAll(() => fs.rm(TMP, { recursive: true, force: true }));

describe('readWorkbookBytes under fflate reads what readXlsxBook reads under zlib', () => {
  test('the sample: every grid, its merges, the settings', async () => {
    const viaFile = await readXlsxBook(SAMPLE);
    const viaBytes = await under(fflateCodec, async () => readWorkbookBytes(await pageBytes(SAMPLE), SAMPLE));
    expect(viaBytes.grids.length).toBeGreaterThan(3);
    expect(viaBytes.settings.org).toBeDefined();
    expect(viaBytes).toStrictEqual(viaFile);
    // And the exceljs engine, from the same bytes.
    expect(await readWorkbookBytes(await pageBytes(SAMPLE), SAMPLE, { engine: 'exceljs' })).toStrictEqual(await readXlsxBook(SAMPLE, { engine: 'exceljs' }));
  }, 60_000);

  const corpus = readdirSync(HOSTILE_DIR).filter((f) => f !== 'README.md');

  test.each(corpus)('%s: the same book, or the same refusal', async (name) => {
    const file = path.join(HOSTILE_DIR, name);
    const viaFile = await settled(readXlsxBook(file));
    const viaBytes = await under(fflateCodec, async () => settled(readWorkbookBytes(await pageBytes(file), file)));
    expect(viaBytes).toStrictEqual(viaFile);
  }, 30_000);

  test('bytes past the input cap are refused unread, as a file past it is', async () => {
    const huge = new Uint8Array(MAX_INPUT_BYTES + 1);
    await expect(readWorkbookBytes(huge, 'lớn.xlsx')).rejects.toMatchObject({ kind: 'tooLarge', message: expect.stringMatching(/^Tệp "lớn\.xlsx" quá lớn \(513 MB, tochuc đọc tối đa 512 MB\)/) });
  });
});

describe('writePlanBytes writes what writeXlsxPlan writes', () => {
  let plans: Array<[string, FillPlan]>;

  beforeAll(async () => {
    const read = await readXlsxBook(SAMPLE);
    const book = ingestWorkbook(read.grids, { file: SAMPLE });
    plans = reports.all().map((d) => {
      const { plan } = generate(d.id, [{ file: 'mong-cai.xlsx', book }], { ...d.demo, generatedAt: '2026-12-07T02:00:00Z' }, { org: read.settings.org, files: ['mong-cai.xlsx'], capabilities: FILE_CAPABILITIES });
      return [d.id, plan!];
    });
  }, 60_000);

  test('under zlib: the very bytes of the file', async () => {
    for (const [kind, plan] of plans) {
      const file = path.join(TMP, `${kind}.xlsx`);
      await writePlanFile(file, plan);
      const bytes = await under(zlibCodec, () => writePlanBytes(plan));
      expect({ kind, same: Buffer.from(bytes).equals(await fs.readFile(file)) }).toEqual({ kind, same: true });
    }
  }, 60_000);

  test('under fflate: the same parts in the same order, each byte for byte, read back as the file reads', async () => {
    for (const [kind, plan] of plans) {
      const file = path.join(TMP, `${kind}.xlsx`);
      await writePlanFile(file, plan);
      const bytes = await under(fflateCodec, () => writePlanBytes(plan));
      const fromFile = unzipSync(await fs.readFile(file));
      const fromBytes = unzipSync(bytes);
      expect(Object.keys(fromBytes)).toEqual(Object.keys(fromFile));
      expect(Object.keys(fromFile)).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/styles.xml']));
      for (const part of Object.keys(fromFile)) expect({ kind, part, same: Buffer.from(fromBytes[part]).equals(Buffer.from(fromFile[part])) }).toEqual({ kind, part, same: true });
      // Read back by either codec, as the file is read.
      const readBack = await readXlsxBook(file);
      expect(await under(fflateCodec, () => readWorkbookBytes(bytes, file))).toStrictEqual(readBack);
      expect(await readWorkbookBytes(bytes, file)).toStrictEqual(readBack);
    }
  }, 60_000);

  test('a plan that cannot be written: the error, and no bytes', async () => {
    const plan = plans[0][1];
    const broken = { ...plan, sheets: [{ ...plan.sheets[0], rows: null as never }] };
    await expect(writePlanBytes(broken)).rejects.toThrow();
  });
});
