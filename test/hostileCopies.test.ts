/**
 * Copies and hidden rows (fixtures 45–52 of test/fixtures/hostile, made by
 * test/tools/corpus/copies.ts). Each file goes through the .xlsx reader, ingest, the reports and the
 * CLI in process, and its sha256 is the same after as before: a sheet copied within a workbook is
 * counted once with a warning naming both sheets, a copy with an edit is kept beside its original
 * with the duplicate-person warnings, hidden and filtered-out rows are counted with a note, a
 * leaving date before the birth date is an error at its cell and no departure, and two districts'
 * workbooks holding the same sheets are never taken for copies of each other.
 */
import type { Issue } from '../src/domain/issues';
import type { MemberRecord, StaffRecord } from '../src/domain/records';
import { ingestWorkbook, type WorkbookIngest } from '../src/ingest/ingestWorkbook';
import { consolidateBooks } from '../src/reports/consolidate';
import { generateOne } from './helpers/generate';
import { type XlsxBook } from '../src/workbook/xlsx/readXlsx';
import { cli, read, untouched, VIETNAMESE } from './helpers/hostile';

const PERIOD_2019 = { from: '2019-01-01', to: '2019-12-31' };
const Q2_2021 = { from: '2021-04-01', to: '2021-06-30' };
const AT = '2021-07-01T00:00:00.000Z';
const SHEET = 'DS CBCCVC';
const COPY = 'DS CBCCVC (2)';

/** The two people of PEOPLE (test/tools/corpus/make.ts) reduced in 2019, by leaving date. */
const REDUCED_2019 = ['Trần Thị Bình', 'Lê Văn Cường'];

/** The one issue of this code at this cell, its message in Vietnamese. */
function issueAt(issues: readonly Issue[], where: { sheet: string; cell: string; code: string; severity: Issue['severity'] }): Issue {
  const found = issues.filter((i) => i.cell === where.cell && i.sheet === where.sheet && i.code === where.code);
  expect(found.map((i) => `${i.sheet}!${i.cell} ${i.code} ${i.severity}`)).toEqual([`${where.sheet}!${where.cell} ${where.code} ${where.severity}`]);
  expect(found[0].message).toMatch(VIETNAMESE);
  return found[0];
}

const codes = (issues: readonly Issue[], code: string) => issues.filter((i) => i.code === code);
const staff = (ingest: WorkbookIngest) => ingest.records.staff as StaffRecord[];
const reduction2019 = (ingest: WorkbookIngest) => generateOne('reduction', ingest, { period: PERIOD_2019, generatedAt: AT });
/** The book as if it held only the named sheets: what the figures must equal once the copies are counted once. */
const only = (book: XlsxBook, file: string, ...sheets: string[]) => ingestWorkbook(book.grids.filter((g) => sheets.includes(g.name)), { file });

describe('copies and hidden rows', () => {
  test('45 a sheet and its "Move or Copy" duplicate: counted once, a warning on the copy naming both sheets', async () => {
    await untouched('45-sheet-copy.xlsx', async (file) => {
      const { book, ingest } = await read(file);
      expect(book.grids.map((g) => g.name)).toEqual([SHEET, COPY]);
      expect(ingest.sheets.map((s) => [s.sheet, s.kind, s.records.length, s.copyOf])).toEqual([[SHEET, 'staff', 4, undefined], [COPY, 'staff', 4, SHEET]]);
      expect(staff(ingest)).toHaveLength(4);
      expect(staff(ingest).every((r) => r.sheet === SHEET)).toBe(true);
      // At the copy's header's first cell; the first sheet in workbook order is the one kept.
      const warning = issueAt(ingest.issues, { sheet: COPY, cell: 'A4', code: 'sheet.copy', severity: 'warning' });
      expect(warning.message).toContain(`"${SHEET}"`);
      expect(warning.message).toContain(`"${COPY}"`);
      expect(warning.hint).toMatch(VIETNAMESE);
      // Counted once, so no one is the same person twice.
      expect(codes(ingest.issues, 'person.duplicate')).toEqual([]);
      expect(ingest.issues).toHaveLength(1);
      const { report } = reduction2019(ingest);
      expect(report.reduced.total).toBe(2);
      expect(report.reduced.people.map((p) => p.fullName)).toEqual(REDUCED_2019);
      expect(report.reduced).toEqual(reduction2019(only(book, file, SHEET)).report.reduced);
      expect(report.issues.map((i) => i.code)).toEqual(['sheet.copy']);
      const run = await cli(['report', 'reduction', '--input', file, '--period', '2019', '--json']);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.out).reduced.total).toBe(2);
      const inspect = await cli(['inspect', '--input', file, '--json']);
      expect(inspect.code).toBe(0);
      expect(JSON.parse(inspect.out).sheets[1].issues).toEqual([expect.objectContaining({ cell: 'A4', code: 'sheet.copy', severity: 'warning' })]);
    });
  }, 20000);

  test('46 a copy with one row edited is no copy: both kept, every person in both named by the duplicate check', async () => {
    await untouched('46-sheet-copy-edited.xlsx', async (file) => {
      const { ingest } = await read(file);
      expect(ingest.sheets.map((s) => [s.sheet, s.kind, s.records.length, s.copyOf])).toEqual([[SHEET, 'staff', 4, undefined], [COPY, 'staff', 4, undefined]]);
      expect(staff(ingest)).toHaveLength(8);
      expect(codes(ingest.issues, 'sheet.copy')).toEqual([]);
      // Dropping the copy would lose its edit (I6: 16/06/2019); the officer is told of each person listed twice.
      expect(staff(ingest).filter((r) => r.fullName === 'Trần Thị Bình').map((r) => [r.sheet, r.leftDate])).toEqual([[SHEET, '2019-06-15'], [COPY, '2019-06-16']]);
      const duplicates = codes(ingest.issues, 'person.duplicate');
      expect(duplicates.map((i) => `${i.sheet}!${i.cell} ${i.severity}`)).toEqual([`${COPY}!B5 warning`, `${COPY}!B6 warning`, `${COPY}!B7 warning`, `${COPY}!B8 warning`]);
      for (const d of duplicates) expect(d.message).toContain(`"${SHEET}"`);
      const { report } = reduction2019(ingest);
      expect(report.reduced.total).toBe(4);
      const run = await cli(['report', 'reduction', '--input', file, '--period', '2019', '--json']);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.out).issues.filter((i: Issue) => i.code === 'person.duplicate')).toHaveLength(4);
    });
  }, 20000);

  test('47 a party member register and its copy: the members counted once, the copy said at its header', async () => {
    await untouched('47-members-copy.xlsx', async (file) => {
      const { book, ingest } = await read(file);
      expect(ingest.sheets.map((s) => [s.sheet, s.kind, s.records.length, s.copyOf])).toEqual([['Đảng viên', 'members', 5, undefined], ['Đảng viên (2)', 'members', 5, 'Đảng viên']]);
      expect(ingest.records.members).toHaveLength(5);
      const warning = issueAt(ingest.issues, { sheet: 'Đảng viên (2)', cell: 'A3', code: 'sheet.copy', severity: 'warning' });
      expect(warning.message).toContain('"Đảng viên"');
      const party = generateOne('partyQuarterly', ingest, { period: Q2_2021, generatedAt: AT });
      expect(party.report.members).toMatchObject({ start: 3, admitted: 1, transferredOut: 1, end: 3 });
      expect(party.report.members).toEqual(generateOne('partyQuarterly', only(book, file, 'Đảng viên'), { period: Q2_2021, generatedAt: AT }).report.members);
      const run = await cli(['report', 'partyQuarterly', '--input', file, '--period', '2021-Q2', '--json']);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.out).members).toMatchObject({ start: 3, end: 3 });
    });
  }, 20000);

  test('48 copies in hidden sheets, of a staff list and of the units: each counted once, quotas not doubled', async () => {
    await untouched('48-hidden-sheet-copy.xlsx', async (file) => {
      const { book, ingest } = await read(file);
      // Hidden sheets are read (only very hidden ones are not): what they hold would otherwise be counted unseen.
      expect(book.grids.map((g) => g.name)).toEqual([SHEET, 'Đơn vị', COPY, 'Đơn vị (2)']);
      expect(ingest.sheets.map((s) => s.copyOf)).toEqual([undefined, undefined, SHEET, 'Đơn vị']);
      issueAt(ingest.issues, { sheet: COPY, cell: 'A4', code: 'sheet.copy', severity: 'warning' });
      issueAt(ingest.issues, { sheet: 'Đơn vị (2)', cell: 'A1', code: 'sheet.copy', severity: 'warning' });
      expect(ingest.issues).toHaveLength(2);
      expect([staff(ingest).length, ingest.records.units.length]).toEqual([4, 3]);
      const { report } = reduction2019(ingest);
      const alone = reduction2019(only(book, file, SHEET, 'Đơn vị')).report;
      expect(report.reduced).toEqual(alone.reduced);
      expect(report.quota).toEqual(alone.quota);
      expect(report.quota.byUnit.map((u) => [u.unit, u.current, u.activeStaff])).toEqual([['Phòng Nội vụ', 10, 1], ['Văn phòng HĐND và UBND', 18, 0], ['Trung tâm Y tế', 38, 1]]);
      const run = await cli(['report', 'reduction', '--input', file, '--period', '2019', '--json']);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.out).reduced.total).toBe(2);
    });
  }, 20000);

  test('49 rows hidden by hand and filtered out by an AutoFilter: all counted, a note says how many', async () => {
    await untouched('49-hidden-filtered-rows.xlsx', async (file) => {
      const { book, ingest } = await read(file);
      // The reader's count (src/workbook/xlsx/fastXlsx.ts): rows 6 and 11 hidden by hand, 7, 8 and 10 by the filter.
      expect(book.grids[0].hiddenRows).toBe(5);
      const note = issueAt(ingest.issues, { sheet: SHEET, cell: 'A1', code: 'sheet.hiddenRows', severity: 'info' });
      expect(note.message).toContain('5');
      expect(ingest.issues).toHaveLength(1);
      expect(staff(ingest)).toHaveLength(8);
      const { report } = reduction2019(ingest);
      // All three reduced people are in hidden rows (6 by hand; 7 and 10 filtered out).
      expect(report.reduced.people.map((p) => [p.fullName, p.row])).toEqual([['Trần Thị Bình', 6], ['Vũ Thị Giang', 10], ['Lê Văn Cường', 7]]);
      const run = await cli(['report', 'reduction', '--input', file, '--period', '2019', '--json']);
      expect(run.code).toBe(0);
      const json = JSON.parse(run.out);
      expect(json.reduced.total).toBe(3);
      expect(json.issues).toEqual([expect.objectContaining({ sheet: SHEET, cell: 'A1', code: 'sheet.hiddenRows', severity: 'info' })]);
    });
  }, 20000);

  test('50 a leaving date before the birth date: an error at it, and no departure counted; the same for a member\'s dates', async () => {
    await untouched('50-left-before-birth.xlsx', async (file) => {
      const { ingest } = await read(file);
      const left = issueAt(ingest.issues, { sheet: SHEET, cell: 'I6', code: 'date.leftBeforeBirth', severity: 'error' });
      expect(left.message).toContain('Trần Thị Bình');
      expect(left.message).toContain('15/06/1908');
      expect(left.message).toContain('05/07/1980');
      // The record is kept, its departure undated: listed among the errors, counted in no period.
      const binh = staff(ingest).find((r) => r.fullName === 'Trần Thị Bình');
      expect(binh).toMatchObject({ status: 'reduced', row: 6 });
      expect(binh?.leftDate).toBeUndefined();
      expect(codes(ingest.issues, 'staff.leftDateMissing')).toEqual([]);
      // A member admitted before birth is left out, as one whose admission date cannot be read; one transferred out before birth is kept with the date unknown.
      issueAt(ingest.issues, { sheet: 'Đảng viên', cell: 'F5', code: 'date.joinedBeforeBirth', severity: 'error' });
      issueAt(ingest.issues, { sheet: 'Đảng viên', cell: 'I6', code: 'date.statusBeforeBirth', severity: 'error' });
      const members = ingest.records.members as MemberRecord[];
      expect(members.map((m) => m.fullName)).toEqual(['Nguyễn Văn An', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em']);
      expect(members[1]).toMatchObject({ status: 'transferredOut', statusDate: undefined });
      expect(ingest.issues).toHaveLength(3);
      const { report } = reduction2019(ingest);
      expect(report.reduced.people.map((p) => p.fullName)).toEqual(['Lê Văn Cường']);
      expect(report.issues).toContainEqual(expect.objectContaining({ sheet: SHEET, cell: 'I6', code: 'date.leftBeforeBirth', severity: 'error' }));
      const run = await cli(['report', 'reduction', '--input', file, '--period', '2019', '--json']);
      expect(run.code).toBe(1);
      expect(JSON.parse(run.out).reduced.total).toBe(1);
    });
  }, 20000);

  test('51 and 52 two districts\' workbooks with the very same sheets: never copies of each other, both counted', async () => {
    await untouched('51-huyen-dong.xlsx', async (east) => {
      await untouched('52-huyen-tay.xlsx', async (west) => {
        const a = await read(east);
        const b = await read(west);
        expect(a.book.grids.map((g) => g.rows)).toEqual(b.book.grids.map((g) => g.rows));
        for (const { ingest } of [a, b]) {
          expect(ingest.sheets.map((s) => [s.kind, s.copyOf])).toEqual([['staff', undefined], ['units', undefined]]);
          expect(ingest.issues).toEqual([]);
        }
        // Read together in one call, the sheets still belong to two files: no copy.
        const together = ingestWorkbook([...a.book.grids, ...b.book.grids]);
        expect(together.sheets.map((s) => s.copyOf)).toEqual([undefined, undefined, undefined, undefined]);
        expect(codes(together.issues, 'sheet.copy')).toEqual([]);
        const { book, duplicates } = consolidateBooks([{ file: '51-huyen-dong.xlsx', book: a.ingest }, { file: '52-huyen-tay.xlsx', book: b.ingest }]);
        expect(book.records.staff).toHaveLength(8);
        expect(codes(book.issues, 'sheet.copy')).toEqual([]);
        // Each district's row is counted where it is; the people in both are named for the officer.
        expect(duplicates.staff).toHaveLength(4);
        const run = await cli(['report', 'reduction', '--input', east, '--input', west, '--period', '2019', '--json']);
        expect(run.code).toBe(0);
        const json = JSON.parse(run.out);
        expect(json.reduced.total).toBe(4);
        expect(json.consolidation.inputs.map((i: { file: string; values: number[] }) => [i.file, i.values[0]])).toEqual([['51-huyen-dong.xlsx', 2], ['52-huyen-tay.xlsx', 2]]);
        expect(json.issues.map((i: Issue) => i.code)).toEqual(Array(4).fill('person.duplicateAcrossFiles'));
      });
    });
  }, 30000);
});
