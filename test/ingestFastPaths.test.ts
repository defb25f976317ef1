import type { Issue } from '../src/domain/issues';
import type { StaffRecord } from '../src/domain/records';
import { categories } from '../src/domain/vocabulary';
import type { SheetGrid } from '../src/ingest/grid';
import { matchLabel } from '../src/ingest/header';
import { ingestSheet } from '../src/ingest/ingestSheet';
import { kindDef } from '../src/ingest/kinds';
import { encodeLegacy } from '../src/ingest/legacyText';
import { RowReader } from '../src/ingest/reader';
import { classifyRow } from '../src/ingest/rows';
import { parseCommonDate, parseDate, parseDateText, type CellValue } from '../src/ingest/values';

/**
 * The shortcuts ingest takes on its hot path (docs/performance.md) answer as the long way does: shared day
 * results, the two-letter index of total and note starts, the caches of repeating columns, absent
 * columns, and the label index of header detection.
 */
describe('day results', () => {
  it('are one frozen result per day, whatever the form the day was written in', () => {
    const day = parseDateText('05/03/1975');
    expect(day).toEqual({ iso: '1975-03-05', precision: 'day' });
    expect(Object.isFrozen(day)).toBe(true);
    expect(parseDateText('5/3/1975')).toBe(day);
    expect(parseDate(new Date(Date.UTC(1975, 2, 5)))).toBe(day);
  });

  it('leave the day untouched when a two-digit year is widened', () => {
    expect(parseDateText('05/03/75')).toEqual({ iso: '1975-03-05', precision: 'day', widenedYear: true });
    expect(parseDateText('05/03/1975')).toEqual({ iso: '1975-03-05', precision: 'day' });
    expect(parseDateText('05/03/1975')).not.toHaveProperty('widenedYear');
  });

  it('parseCommonDate reads only dd/mm/yyyy and agrees with parseDateText there', () => {
    for (const text of ['05/03/1975', '31-12-2019', '29.02.2020', '29/02/2019', '00/01/2000', '05/03/1800']) {
      expect(parseCommonDate(text)).toEqual(parseDateText(text));
    }
    for (const text of ['5/3/1975', '1975-03-05', ' 05/03/1975', '05/03-1975', '03/1975', 'ab/cd/efgh']) {
      expect(parseCommonDate(text)).toBeUndefined();
    }
  });
});

describe('totals and notes by their first two letters', () => {
  it.each([
    ['Tổng cộng', 'total'],
    ['  Cộng: 12', 'total'],
    ['Tổng cộng'.normalize('NFD'), 'total'],
    ['Người lập biểu'.normalize('NFD'), 'note'],
    ['T/M ỦY BAN NHÂN DÂN', 'note'],
    ['TM. Ban Thường vụ', 'note'],
    ['Ghi chú: số liệu đến 30/6', 'note'],
    ['* Lưu ý', 'note'],
    ['Tổng công ty Xây dựng', 'data'],
    ['Trần Văn Tổng', 'data'],
    ['Nguyễn Thị Lan', 'data'],
    ['T', 'data'],
  ])('%s → %s', (text, kind) => {
    expect(classifyRow([null, text])).toBe(kind);
  });
});

function grid(rows: CellValue[][]): SheetGrid {
  return { name: 'DS', rows: [['Họ và tên', 'Đơn vị', 'Đối tượng', 'Đảng viên'], ...rows] };
}

describe('RowReader', () => {
  const mapping = [
    { field: 'fullName', col: 0, header: 'Họ và tên' },
    { field: 'unit', col: 1, header: 'Đơn vị' },
    { field: 'category', col: 2, header: 'Đối tượng' },
    { field: 'partyMember', col: 3, header: 'Đảng viên' },
  ];

  it('reads a column the sheet lacks as absent, and a blank yes/no cell as no', () => {
    const reader = new RowReader(grid([['Nguyễn Văn An', 'Phòng Nội vụ', 'CC', null]]), mapping, [], new Set(['unit', 'category']));
    reader.moveTo(1);
    expect(reader.col('grade')).toBeUndefined();
    expect(reader.textAt(reader.col('grade'))).toBeUndefined();
    expect(reader.rawAt(undefined)).toBeUndefined();
    expect(reader.dateAt(undefined, 'Ngày nghỉ')).toBeUndefined();
    expect(reader.numberAt(undefined, 'Hệ số')).toBeUndefined();
    expect(reader.vocabAt(undefined, categories, 'Đối tượng')).toBeUndefined();
    expect(reader.yesNoAt(undefined, 'Đảng viên')).toBeUndefined();
    expect(reader.yesNoAt(3, 'Đảng viên')).toBe(false);
  });

  it('answers a repeating column from its cache as it read the cell the first time', () => {
    const unit = encodeLegacy('Phòng Tài chính – Kế hoạch', 'tcvn3');
    const issues: Issue[] = [];
    const reader = new RowReader(
      grid([
        ['Nguyễn Văn An', unit, 'CC', 'x'],
        ['Trần Thị Bình', unit, '  Công  chức ', 'x'],
        ['Lê Văn Cường', unit, 'CC', ''],
        ['Phạm Văn Dũng', '   ', '  Công  chức ', ''],
        ['Vũ Văn Em', '   ', 'Loại lạ', ''],
      ]),
      mapping, issues, new Set(['unit', 'category']),
    );
    const read = [1, 2, 3, 4, 5].map((row) => {
      reader.moveTo(row);
      return [reader.textAt(1), reader.textAt(2), reader.vocabAt(2, categories, 'Đối tượng')];
    });
    expect(read).toEqual([
      ['Phòng Tài chính – Kế hoạch', 'CC', 'congChuc'],
      ['Phòng Tài chính – Kế hoạch', 'Công chức', 'congChuc'],
      ['Phòng Tài chính – Kế hoạch', 'CC', 'congChuc'],
      [undefined, 'Công chức', 'congChuc'],
      [undefined, 'Loại lạ', undefined],
    ]);
    reader.finish(new Map([[1, 'Đơn vị']]));
    // Every legacy cell counts, the first from the text, the others from the cache.
    expect(issues.map((i) => `${i.code} ${i.cell}`)).toEqual(['category.unknown C6', 'text.legacyConverted B2']);
    expect(issues[1].message).toContain('3 ô viết bằng mã TCVN3');
  });
});

describe('header labels', () => {
  const units = kindDef('units')!;
  const staff = kindDef('staff')!;

  it('match by year prefix, by exact label and by the longest alias followed by a space', () => {
    expect(matchLabel(units, 'bien che giao nam 2015')).toEqual({ field: 'quota', qualifier: 2015 });
    expect(matchLabel(units, 'bien che giao')).toBeUndefined();
    expect(matchLabel(staff, 'don vi cong tac')).toEqual({ field: 'unit' });
    expect(matchLabel(staff, 'don vi cong tac hien nay cua can bo')).toEqual({ field: 'unit' });
    expect(matchLabel(staff, 'ngay sinh nu')).toEqual({ field: 'birthDate', qualifier: 'female' });
    expect(matchLabel(staff, 'don')).toBeUndefined();
    expect(matchLabel(staff, '')).toBeUndefined();
  });
});

describe('a sheet read whole', () => {
  it('gives every row its record, with the same text shared from the caches', () => {
    const rows: CellValue[][] = [['STT', 'Họ và tên', 'Ngày sinh', 'Đơn vị', 'Đối tượng', 'Đảng viên']];
    for (let i = 1; i <= 30; i++) rows.push([i, `Nguyễn Văn ${i}`, `0${(i % 9) + 1}/03/1975`, i % 2 ? 'Phòng Nội vụ' : ' Phòng  Tư pháp', i % 3 ? 'CC' : 'Viên chức', i % 4 ? 'x' : null]);
    const result = ingestSheet({ name: 'DS', rows });
    const records = result.records as StaffRecord[];
    expect(records).toHaveLength(30);
    expect(records[1]).toMatchObject({ sheet: 'DS', row: 3, fullName: 'Nguyễn Văn 2', birthDate: '1975-03-03', unit: 'Phòng Tư pháp', category: 'congChuc' });
    expect(records[2]).toMatchObject({ unit: 'Phòng Nội vụ', category: 'vienChuc' });
    expect(records[3]).toMatchObject({ leftDate: undefined });
    // "Đảng viên" is recognised, so it is taken for no other field, but not read: no report uses it.
    expect(result.mapping.map((m) => m.field)).toContain('partyMember');
    expect(Object.keys(records[3])).not.toContain('partyMember');
    expect(result.issues).toEqual([]);
  });
});
