/**
 * The hostile corpus's damaged and hostile packages, files 30–44 (made by test/tools/corpus/damage.ts;
 * test/fixtures/hostile/README.md says what each holds): zip bombs, sizes and counts that lie, cells
 * and merged areas beyond Excel's grid, shared strings that are not there, backslash and duplicate
 * entry names, an unknown compression method, a local header at odds with the central directory, a
 * sheet part missing; and what must still read: hidden and filtered rows, data descriptors, ZIP64.
 * Each file goes through the reader, ingest and the CLI in process; a refusal is exactly one Vietnamese
 * line on stderr with exit 2, and the file is never written (sha256 before and after).
 */
import { promises as fs } from 'fs';
import path from 'path';
import type { Issue } from '../src/domain/issues';
import type { StaffRecord } from '../src/domain/records';
import { type WorkbookIngest } from '../src/ingest/ingestWorkbook';
import { generateOne } from './helpers/generate';
import { readXlsxBook, UnreadableWorkbookError, type XlsxBook } from '../src/workbook/xlsx/readXlsx';
import { cli, read, untouched, VIETNAMESE } from './helpers/hostile';
import { CODECS, underCodec } from './helpers/codecs';

const PERIOD_2019 = { from: '2019-01-01', to: '2019-12-31' };
const AT = '2021-07-01T00:00:00.000Z';
const SHEET = 'DS CBCCVC';

/** The message of a damaged package, from readXlsx.ts's unreadable(). */
const DAMAGED = /không phải tệp Excel \.xlsx hợp lệ hoặc đã bị hỏng/;
/** The message of a part of absurd size, from zipEntries.ts. */
const ABSURD = /bị hỏng, hoặc được tạo ra để làm treo máy\): tochuc không đọc tệp này/;

const staff = (ingest: WorkbookIngest) => ingest.records.staff as StaffRecord[];
const reduction2019 = (ingest: WorkbookIngest) => generateOne('reduction', ingest, { period: PERIOD_2019, generatedAt: AT });
const where = (issues: readonly Issue[] | undefined) => (issues ?? []).map((i) => `${i.sheet}!${i.cell} ${i.code} ${i.severity}`);

/**
 * The file is refused as damaged with one Vietnamese line naming it, by the reader and by the CLI
 * (exit 2, nothing on stdout, the same line on stderr and no stack trace), for inspect and a report.
 */
async function refused(file: string, said: RegExp[]): Promise<string> {
  const error = await readXlsxBook(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnreadableWorkbookError);
  const e = error as UnreadableWorkbookError;
  expect(e.kind).toBe('damaged');
  expect(e.message).toContain(file);
  expect(e.message).toMatch(VIETNAMESE);
  expect(e.message).not.toContain('\n');
  for (const s of said) expect(e.message).toMatch(s);
  // Damaged is damaged: never "no staff list", never a password.
  expect(e.message).not.toMatch(/mật khẩu|không có danh sách/);
  expect(await cli(['inspect', '--input', file])).toEqual({ code: 2, out: '', err: e.message });
  expect(await cli(['report', 'reduction', '--input', file, '--period', '2019', '--json'])).toEqual({ code: 2, out: '', err: e.message });
  return e.message;
}

/** Memory taken by `run`, in MB of resident set: a bomb must cost what its declared sizes allow, never what it would inflate to. */
async function rssGrowthMb(run: () => Promise<void>): Promise<number> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    await run();
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return (peak - before) / 2 ** 20;
}

/** The four people of every staff list of the corpus, two reduced in 2019. */
async function theFourPeople(file: string): Promise<{ book: XlsxBook; ingest: WorkbookIngest }> {
  const got = await read(file);
  expect(staff(got.ingest).map((r) => r.fullName)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung']);
  expect(reduction2019(got.ingest).report.reduced).toMatchObject({ total: 2, byForm: { resignation: 1, earlyRetirement: 1 } });
  return got;
}

// The bounds hold whichever codec inflates: Node's zlib (the CLI) or fflate (a browser build).
describe.each(CODECS)('the hostile corpus: zip bombs and sizes that lie, with %s', (_name, codec) => {
  underCodec(codec);

  test('30 a zip bomb (2 GiB from 2 MB): refused from its declared size before a byte is inflated, in bounded memory', async () => {
    await untouched('30-zip-bomb-2gb.xlsx', async (file) => {
      expect((await fs.stat(file)).size).toBeLessThan(3 * 2 ** 20);
      let message = '';
      const growth = await rssGrowthMb(async () => {
        message = await refused(file, [ABSURD, /"xl\/worksheets\/sheet1\.xml"/, /2[.,]048 MB/, /giới hạn 512 MB/]);
      });
      expect(message).not.toMatch(DAMAGED);
      expect(growth).toBeLessThan(200);
    });
  }, 30000);

  test('30, 32 the bombs handed over as a template: refused the same way, in bounded memory', async () => {
    for (const [name, said] of [['30-zip-bomb-2gb.xlsx', /giới hạn 512 MB/], ['32-size-lies.xlsx', /giải nén ra nhiều hơn kích thước khai/]] as const) {
      await untouched(name, async (file) => {
        let run = { code: 0, out: '', err: '' };
        const growth = await rssGrowthMb(async () => {
          run = await cli(['report', 'reduction', '--input', path.join(__dirname, '..', 'assets', 'samples', 'mong-cai.xlsx'), '--period', '2019', '--template', file]);
        });
        expect([run.code, run.err.split('\n').length]).toEqual([2, 1]);
        expect(run.err).toMatch(ABSURD);
        expect(run.err).toMatch(said);
        expect(growth).toBeLessThan(200);
      });
    }
  }, 60000);

  test('31 a bomb by ratio (100 MiB at 1,000:1): refused from its ratio, in bounded memory', async () => {
    await untouched('31-zip-bomb-ratio.xlsx', async (file) => {
      const growth = await rssGrowthMb(async () => {
        await refused(file, [ABSURD, /100 MB, gấp 1[.,]00\d lần khi nén/]);
      });
      expect(growth).toBeLessThan(200);
    });
  }, 30000);

  test('32 a part that declares 4 KB and inflates to 1 GiB: inflating stops at the declared size', async () => {
    await untouched('32-size-lies.xlsx', async (file) => {
      const growth = await rssGrowthMb(async () => {
        await refused(file, [ABSURD, /giải nén ra nhiều hơn kích thước khai trong tệp nén \(4[.,]096 byte\)/]);
      });
      // Unbounded, the reader would hold the gigabyte (and a string of it) before finding out.
      expect(growth).toBeLessThan(200);
    });
  }, 30000);

  test('32 an end record declaring 60,000 entries in a 7 KB file: damaged, without looping over them', async () => {
    await untouched('32-entry-count-lies.xlsx', async (file) => {
      await refused(file, [DAMAGED, /khai 60000 phần, không vừa với kích thước tệp/]);
    });
  }, 20000);
});

describe('the hostile corpus: damaged and hostile packages', () => {
  test('33 cells at ZZZZZZ1 and XFE5, past column XFD: an issue at each, nothing allocated, the list read', async () => {
    await untouched('33-cell-zzzzzz1.xlsx', async (file) => {
      const { book, ingest } = await theFourPeople(file);
      const grid = book.grids[0];
      expect(where(grid.readerIssues)).toEqual([`${SHEET}!ZZZZZZ1 cell.outsideGrid warning`, `${SHEET}!XFE5 cell.outsideGrid warning`]);
      for (const issue of grid.readerIssues!) expect(issue.message).toMatch(VIETNAMESE);
      expect(grid.readerIssues![0].message).toContain('ô lạc ngoài lưới');
      // No row reaches past K: the stray cells were never put in the grid.
      expect(Math.max(...grid.rows.filter(Boolean).map((r) => r.length))).toBe(11);
      expect(where(ingest.issues)).toEqual(expect.arrayContaining([`${SHEET}!ZZZZZZ1 cell.outsideGrid warning`, `${SHEET}!XFE5 cell.outsideGrid warning`]));
      const run = await cli(['inspect', '--input', file, '--json']);
      expect(run.code).toBe(0);
      expect(run.err).toBe('');
      expect(JSON.parse(run.out).sheets[0].issues).toEqual(expect.arrayContaining([expect.objectContaining({ cell: 'ZZZZZZ1', code: 'cell.outsideGrid' })]));
    });
  }, 20000);

  test('34 a person at row 2,000,000, past 1,048,576: issues at its cells, no row made there, the list read', async () => {
    await untouched('34-row-2000000.xlsx', async (file) => {
      const { book, ingest } = await theFourPeople(file);
      const grid = book.grids[0];
      expect(where(grid.readerIssues)).toEqual(['A2000000', 'B2000000', 'E2000000'].map((c) => `${SHEET}!${c} cell.outsideGrid warning`));
      expect(grid.readerIssues![1].message).toContain('Nguyễn Văn Ngoài');
      expect(grid.rows).toHaveLength(8);
      expect(staff(ingest).map((r) => r.fullName)).not.toContain('Nguyễn Văn Ngoài');
      const run = await cli(['report', 'reduction', '--input', file, '--period', '2019', '--json']);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.out).reduced.total).toBe(2);
    });
  }, 20000);

  test('35 a used range to ZZZZZZ2000000 and merges beyond XFD: kept within the grid or left out, each said, nothing allocated', async () => {
    await untouched('35-merge-beyond-xfd.xlsx', async (file) => {
      const { book } = await theFourPeople(file);
      const grid = book.grids[0];
      expect(grid.merges).toEqual([
        { top: 0, left: 0, bottom: 0, right: 10 },
        { top: 1, left: 0, bottom: 1, right: 10 },
        // A3:ZZZZZZ3, cut at XFD, then (over 10,000 cells, fastXlsx.ts) at the last column with data.
        { top: 2, left: 0, bottom: 2, right: 10 },
      ]);
      expect(where(grid.readerIssues)).toEqual([`${SHEET}!ZZZZZZ3 cell.outsideGrid warning`, `${SHEET}!XFE4 cell.outsideGrid warning`]);
      expect(grid.readerIssues![0].message).toContain('A3:ZZZZZZ3');
      expect(grid.readerIssues![1].message).toContain('XFE4:XFF5');
      expect(Math.max(...grid.rows.filter(Boolean).map((r) => r.length))).toBe(11);
      expect((await cli(['inspect', '--input', file])).code).toBe(0);
    });
  }, 20000);

  test('62 merged areas naming row 0 (the fuzzer\'s find): no address, left out; the list read as it is', async () => {
    await untouched('62-merge-row-zero.xlsx', async (file) => {
      const { book } = await theFourPeople(file);
      expect(book.grids[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 10 }]);
      for (const argv of [['inspect', '--input', file], ['report', 'reduction', '--input', file, '--period', '2019', '--json']]) {
        const run = await cli(argv);
        expect([argv[0], run.code, run.err]).toEqual([argv[0], 0, '']);
      }
    });
  }, 20000);

  test('36 shared-string cells in a package without a shared-strings table: damaged, not "no staff list"', async () => {
    await untouched('36-shared-strings-missing.xlsx', async (file) => {
      await refused(file, [DAMAGED, /trang "DS CBCCVC", ô A1 trỏ tới chuỗi dùng chung số 0 nhưng tệp không có bảng chuỗi dùng chung/]);
    });
  }, 20000);

  test('37 a shared-string index past the end of the table: damaged, at the first such cell', async () => {
    await untouched('37-shared-string-past-end.xlsx', async (file) => {
      await refused(file, [DAMAGED, /ô C6 trỏ tới chuỗi dùng chung số 20 nhưng bảng chuỗi dùng chung chỉ có 20 chuỗi/]);
    });
  }, 20000);

  test('38 entry names with backslashes: damaged', async () => {
    await untouched('38-backslash-names.xlsx', async (file) => {
      await refused(file, [DAMAGED, /tên phần "_rels\\\.rels" dùng dấu "\\" thay cho "\/"/]);
    });
  }, 20000);

  test('39 the sheet entry twice: damaged, neither copy read', async () => {
    await untouched('39-duplicate-entries.xlsx', async (file) => {
      await refused(file, [DAMAGED, /phần "xl\/worksheets\/sheet1\.xml" có hai lần trong tệp nén/]);
    });
  }, 20000);

  test('40 an unknown compression method (99): damaged', async () => {
    await untouched('40-unknown-compression.xlsx', async (file) => {
      await refused(file, [DAMAGED, /nén theo cách 99/]);
    });
  }, 20000);

  test('41 a local header naming another part than the central directory: damaged', async () => {
    await untouched('41-local-header-mismatch.xlsx', async (file) => {
      await refused(file, [DAMAGED, /đầu mục của phần "xl\/worksheets\/sheet1\.xml" không khớp với thư mục của tệp nén/]);
    });
  }, 20000);

  test('42 workbook.xml naming a sheet whose part is missing: damaged, not a workbook of one sheet less', async () => {
    await untouched('42-sheet-part-missing.xlsx', async (file) => {
      await refused(file, [DAMAGED, /sổ có trang "Đơn vị" nhưng tệp thiếu phần chứa trang này \(xl\/worksheets\/sheet2\.xml\)/]);
    });
  }, 20000);

  test('43 rows hidden by hand and filtered out by AutoFilter: read and counted, how many said', async () => {
    await untouched('43-hidden-filtered-rows.xlsx', async (file) => {
      const { book, ingest } = await read(file);
      // Rows 7 and 8 filtered out, row 9 hidden by hand; the empty hidden row 10 hides nothing.
      expect(book.grids[0].hiddenRows).toBe(3);
      expect(staff(ingest).map((r) => r.fullName)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em']);
      expect(reduction2019(ingest).report.reduced.total).toBe(3);
      expect(ingest.issues.filter((i) => i.code === 'sheet.hiddenRows').map((i) => [i.sheet, i.severity])).toEqual([[SHEET, 'info']]);
      const run = await cli(['report', 'reduction', '--input', file, '--period', '2019', '--json']);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.out).reduced.total).toBe(3);
    });
  }, 20000);

  test('44 data descriptors (sizes after the data, zeros in the local headers): read as exceljs reads it', async () => {
    await untouched('44-data-descriptor.xlsx', async (file) => {
      const bytes = await fs.readFile(file);
      // The fixture is what it says: flag bit 3 and no sizes in the first local header.
      expect([bytes.readUInt16LE(6) & 8, bytes.readUInt32LE(18), bytes.readUInt32LE(22)]).toEqual([8, 0, 0]);
      const { book } = await theFourPeople(file);
      expect(book).toStrictEqual(await readXlsxBook(file, { engine: 'exceljs' }));
      expect((await cli(['report', 'reduction', '--input', file, '--period', '2019'])).code).toBe(0);
    });
  }, 20000);

  test('44 ZIP64 (64-bit sizes and offsets, a ZIP64 end of directory): read as exceljs reads it', async () => {
    await untouched('44-zip64.xlsx', async (file) => {
      const bytes = await fs.readFile(file);
      const end = bytes.length - 22;
      expect([bytes.readUInt32LE(end), bytes.readUInt16LE(end + 10), bytes.readUInt32LE(end - 20)]).toEqual([0x06054b50, 0xffff, 0x07064b50]);
      const { book } = await theFourPeople(file);
      expect(book).toStrictEqual(await readXlsxBook(file, { engine: 'exceljs' }));
      expect((await cli(['report', 'reduction', '--input', file, '--period', '2019'])).code).toBe(0);
    });
  }, 20000);
});
