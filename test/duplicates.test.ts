import { duplicateIssues, duplicateMembers, duplicateStaff, personKey, sameName } from '../src/domain/duplicates';
import { mulberry32 } from './tools/generateSample';
import { isoDayNumber } from '../src/domain/calendar';
import type { MemberRecord, StaffRecord } from '../src/domain/records';

const staff = (row: number, fullName: string, birthDate: string | undefined, unit: string, file?: string, extra: Partial<StaffRecord> = {}): StaffRecord => ({
  sheet: 'DS', row, ...(file ? { file } : {}), fullName, ...(birthDate ? { birthDate } : {}), unit, status: 'active', ...extra,
});
const cell = (o: { row: number }) => `B${o.row}`;

describe('the same person twice', () => {
  it('keys on the name whatever its case, and on the full birth date only', () => {
    expect(personKey('Nguyễn Văn An', '1980-10-22')).toBe(personKey('nguyễn văn an', '1980-10-22'));
    expect(personKey('Nguyễn Văn An', '1980-10-22')).not.toBe(personKey('Nguyễn Văn Anh', '1980-10-22'));
    expect(personKey('Nguyễn Văn An', undefined)).toBeUndefined();
    expect(personKey('Nguyễn Văn An', '1980-01-01', true)).toBeUndefined();
  });

  it('warns at the later row of a pair in one list, naming the earlier row and both units', () => {
    const groups = duplicateStaff([
      staff(8, 'Nguyễn Phương Oanh', '1980-10-22', 'Trường THCS Trần Phú'), staff(9, 'Lê Văn Bình', '1975-01-02', 'Phòng Nội vụ'),
      staff(12, 'Nguyễn Phương Oanh', '1980-10-22', 'Trường Tiểu học Ka Long'), staff(13, 'Lê Văn Bình', '1975-01-03', 'Phòng Nội vụ'),
      staff(14, 'Trần An', '1970-01-01', 'Phòng Y tế', undefined, { birthYearOnly: true }), staff(15, 'Trần An', '1970-01-01', 'Phòng Y tế', undefined, { birthYearOnly: true }),
    ], cell);
    expect(groups).toHaveLength(1);
    const issues = duplicateIssues(groups);
    expect(issues.map((i) => `${i.severity} ${i.code} ${i.cell}`)).toEqual(['warning person.duplicate B12']);
    expect(issues[0].message).toContain('Nguyễn Phương Oanh, sinh ngày 22/10/1980 (Trường Tiểu học Ka Long) đã có ở trang "DS" dòng 8 (Trường THCS Trần Phú)');
  });

  it('gives the groups in the order of their first rows, whatever the birth dates', () => {
    const groups = duplicateStaff([
      staff(5, 'Vũ Văn Hải', '1991-01-01', 'A'), staff(6, 'Lê Thị Mai', '1960-01-01', 'B'), staff(7, 'lê thị mai', '1960-01-01', 'C'), staff(8, 'Vũ Văn Hải', '1991-01-01', 'D'),
    ], cell);
    expect(groups.map((g) => [g.fullName, g.rows.map((r) => r.row)])).toEqual([['Vũ Văn Hải', [5, 8]], ['Lê Thị Mai', [6, 7]]]);
  });

  it('tells a pair across two workbooks from a pair in one, and can give only the former', () => {
    const groups = duplicateStaff([
      staff(8, 'Phạm Thu Hà', '1990-05-06', 'Phòng Nội vụ', 'huyen-a.xlsx'), staff(20, 'Phạm Thu Hà', '1990-05-06', 'Phòng Nội vụ', 'huyen-b.xlsx'),
      staff(21, 'Phạm Thu Hà', '1990-05-06', 'Phòng Y tế', 'huyen-b.xlsx'),
    ], cell);
    const all = duplicateIssues(groups);
    expect(all.map((i) => `${i.code} ${i.file} ${i.cell}`)).toEqual([
      'person.duplicateAcrossFiles huyen-b.xlsx B20', 'person.duplicate huyen-b.xlsx B21', 'person.duplicateAcrossFiles huyen-b.xlsx B21',
    ]);
    expect(all[0].message).toContain('cũng có ở tệp huyen-a.xlsx, trang "DS" dòng 8 (Phòng Nội vụ)');
    expect(duplicateIssues(groups, 'acrossFiles').map((i) => i.code)).toEqual(['person.duplicateAcrossFiles', 'person.duplicateAcrossFiles']);
  });

  it('reads a member\'s history (struck off, then restored) as one person, two present rows as two', () => {
    const member = (row: number, status: MemberRecord['status']): MemberRecord => ({
      sheet: 'DS ĐV', row, fullName: 'Vũ Đức Long', birthDate: '1960-02-03', partyCell: 'Chi bộ 1', joinDate: '1985-03-04', status, badgeYears: [],
    });
    expect(duplicateMembers([member(5, 'removed'), member(9, 'restored')], cell)).toEqual([]);
    expect(duplicateMembers([member(5, 'transferredOut'), member(9, 'transferredIn')], cell)).toEqual([]);
    expect(duplicateIssues(duplicateMembers([member(5, 'active'), member(9, 'active')], cell)).map((i) => i.cell)).toEqual(['B9']);
  });

  it('compares names as personKey does, case aside, in Vietnamese and other scripts', () => {
    expect(sameName('NGUYỄN VĂN ĐỨC', 'Nguyễn Văn Đức')).toBe(true);
    expect(sameName('Nguyễn Văn Đức', 'Nguyễn Văn Đúc')).toBe(false);
    expect(sameName('Ơn Ưng', 'ơn ưng')).toBe(true);
    expect(sameName('ΣΩΚΡΆΤΗΣ', 'σωκράτης')).toBe('ΣΩΚΡΆΤΗΣ'.toLowerCase() === 'σωκράτης');
    expect(sameName('Иван', 'ИВАН')).toBe(true);
    expect(sameName('An', 'Anh')).toBe(false);
  });

  it('finds exactly the groups a plain grouping by personKey finds, on 20,000 rows with bulk default dates', () => {
    const rnd = mulberry32(42);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
    const names = ['Nguyễn Văn An', 'Nguyễn Văn Ân', 'Trần Thị Hà', 'Lê Hà', 'Phạm Thu Hương', 'ĐỖ ĐỨC LONG', 'Đỗ Đức Long', 'Bùi Yến', 'Ngô Thị Nga', 'Hoàng Ly'];
    const dates = ['1970-01-01', '1980-02-29', '1991-12-31', '1850-06-15', '2199-01-02', '1799-05-05', '2300-01-01'];
    const records = Array.from({ length: 20_000 }, (_, i) => {
      // A fifth of the rows share 01/01/1970 (a default typed in bulk), the rest spread over a few years.
      const date = rnd() < 0.2 ? '1970-01-01' : rnd() < 0.05 ? pick(dates) : `${1960 + Math.floor(rnd() * 5)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 10)}`;
      const name = rnd() < 0.1 ? pick(names).toUpperCase() : pick(names);
      return staff(i + 2, name, rnd() < 0.02 ? undefined : date, 'Đơn vị', undefined, rnd() < 0.02 ? { birthYearOnly: true } : {});
    });
    const reference = new Map<string, number[]>();
    for (const r of records) {
      const key = personKey(r.fullName, r.birthDate, r.birthYearOnly);
      if (key !== undefined) reference.set(key, [...(reference.get(key) ?? []), r.row]);
    }
    const expected = [...reference.values()].filter((rows) => rows.length > 1).sort((a, b) => a[0] - b[0]);
    const groups = duplicateStaff(records, cell);
    expect(groups.length).toBeGreaterThan(100);
    expect(groups.map((g) => g.rows.map((r) => r.row))).toEqual(expected);
  });
});

describe('isoDayNumber', () => {
  it('orders days as the calendar does, and refuses what is not YYYY-MM-DD', () => {
    const days: string[] = [];
    for (let t = Date.UTC(1799, 11, 25); t <= Date.UTC(2301, 0, 5); t += 86400000 * 3) days.push(new Date(t).toISOString().slice(0, 10));
    const numbers = days.map(isoDayNumber);
    for (let i = 1; i < numbers.length; i++) if (!(numbers[i] > numbers[i - 1])) throw new Error(`${days[i - 1]} → ${days[i]}: ${numbers[i - 1]}, ${numbers[i]}`);
    expect(isoDayNumber('1980-10-22')).toBe(1980 * 416 + 10 * 32 + 22);
    for (const bad of ['1980/10/22', '22-10-1980', '1980-1-22', '1980-10-2a', '198O-10-22', '', '1980-10-22 ']) expect(isoDayNumber(bad)).toBe(-1);
  });
});
