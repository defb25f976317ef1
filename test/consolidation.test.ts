import { main } from '../src/cli/main';
import { sheetTexts, writeFixture, type FixtureCell, type FixtureSheet } from './helpers/xlsxFixture';

/**
 * Three districts, one workbook each, made into one report: every district has its own
 * "Phòng Nội vụ" and "Văn phòng HĐND và UBND" with its own quotas, and one civil servant is still
 * listed by two districts after a transfer.
 */

interface District {
  file: string;
  units: Array<[string, number, number]>;
  /** Name, birth date, unit, status, left date. */
  staff: Array<[string, string, string, string | null, string | null]>;
  /** Name, birth date, cell, join date, status, status date. */
  members: Array<[string, string, string, string, string | null, string | null]>;
}

const DISTRICTS: District[] = [
  {
    file: 'huyen-a.xlsx',
    units: [['Phòng Nội vụ', 8, 7], ['Văn phòng HĐND và UBND', 20, 18]],
    staff: [
      ['Nguyễn Văn An', '12/03/1975', 'Phòng Nội vụ', null, null],
      ['Phạm Thu Hà', '06/05/1990', 'Phòng Nội vụ', null, null],
      ['Trần Văn Bình', '01/01/1965', 'Phòng Nội vụ', 'Tinh giản', '30/06/2017'],
      ['Lê Thị Cúc', '02/02/1968', 'Văn phòng HĐND và UBND', 'Tinh giản', '15/01/2016'],
    ],
    members: [
      ['Nguyễn Văn An', '12/03/1975', 'Chi bộ Phòng Nội vụ', '03/02/2000', null, null],
      ['Phạm Thu Hà', '06/05/1990', 'Chi bộ Phòng Nội vụ', '19/05/2015', null, null],
      ['Hoàng Văn Đức', '09/09/1995', 'Chi bộ Văn phòng', '10/04/2021', null, null],
    ],
  },
  {
    file: 'huyen-b.xlsx',
    units: [['Phòng Nội vụ', 9, 8], ['Văn phòng HĐND và UBND', 22, 19]],
    staff: [
      ['Đỗ Minh Châu', '11/11/1980', 'Phòng Nội vụ', null, null],
      ['Vũ Thị Lan', '03/04/1966', 'Phòng Nội vụ', 'Tinh giản', '31/12/2019'],
      ['Bùi Văn Hải', '05/06/1963', 'Văn phòng HĐND và UBND', 'Tinh giản', '01/03/2018'],
      ['Ngô Văn Long', '07/08/1964', 'Văn phòng HĐND và UBND', 'Tinh giản', '01/01/2020'],
    ],
    members: [
      ['Đỗ Minh Châu', '11/11/1980', 'Chi bộ Phòng Nội vụ', '03/02/2005', null, null],
      ['Vũ Thị Lan', '03/04/1966', 'Chi bộ Phòng Nội vụ', '03/02/1990', 'Chuyển đi', '15/05/2021'],
    ],
  },
  {
    file: 'huyen-c.xlsx',
    units: [['Phòng Nội vụ', 7, 7], ['Phòng Y tế', 5, 4]],
    staff: [
      // Transferred from huyen-a, which still lists her.
      ['Phạm Thu Hà', '06/05/1990', 'Phòng Y tế', null, null],
      ['Dương Văn Nam', '10/10/1962', 'Phòng Nội vụ', 'Tinh giản', '20/09/2015'],
    ],
    members: [
      ['Phạm Thu Hà', '06/05/1990', 'Chi bộ Phòng Y tế', '19/05/2015', null, null],
      ['Lý Văn Tuấn', '01/12/1992', 'Chi bộ Phòng Y tế', '20/05/2021', null, null],
    ],
  },
];

function sheetsOf(d: District): FixtureSheet[] {
  const title = (text: string): FixtureCell[][] => [[text], []];
  return [
    { name: 'DS CBCCVC', rows: [...title('DANH SÁCH CÁN BỘ, CÔNG CHỨC'), ['STT', 'Họ và tên', 'Ngày sinh', 'Đơn vị công tác', 'Đối tượng', 'Tình trạng', 'Ngày nghỉ', 'Hình thức tinh giản'],
      ...d.staff.map(([name, birth, unit, status, left], i) => [i + 1, name, birth, unit, 'Công chức', status, left, status ? 'Nghỉ hưu trước tuổi' : null])] },
    { name: 'Bien che', rows: [...title('BIÊN CHẾ ĐƯỢC GIAO'), ['STT', 'Đơn vị', 'Biên chế giao năm 2015', 'Biên chế giao năm 2021'], ...d.units.map(([unit, q15, q21], i) => [i + 1, unit, q15, q21])] },
    { name: 'DS dang vien', rows: [...title('DANH SÁCH ĐẢNG VIÊN'), ['STT', 'Họ và tên', 'Ngày sinh', 'Chi bộ', 'Ngày vào Đảng', 'Tình trạng', 'Ngày biến động'],
      ...d.members.map(([name, birth, cell, join, status, at], i) => [i + 1, name, birth, cell, join, status, at])] },
  ];
}

async function capture(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function json(argv: string[]) {
  const run = await capture([...argv, '--json']);
  expect(run.code).toBeLessThan(2);
  return JSON.parse(run.out);
}

describe('consolidating one workbook per district', () => {
  let files: string[];
  const inputs = () => files.flatMap((f) => ['--input', f]);
  beforeAll(async () => {
    files = await Promise.all(DISTRICTS.map((d) => writeFixture(d.file, sheetsOf(d))));
  });

  it('reduction: subtotals are each district\'s own report and add up to the whole', async () => {
    const whole = await json(['report', 'reduction', ...inputs(), '--from', '2015-01-01', '--to', '2019-12-31']);
    const alone = await Promise.all(files.map((f) => json(['report', 'reduction', '--input', f, '--from', '2015-01-01', '--to', '2019-12-31'])));
    expect(alone.map((r) => r.reduced.total)).toEqual([2, 2, 1]);
    expect(whole.reduced.total).toBe(5);
    const c = whole.consolidation;
    expect(c.inputs.map((i: { file: string }) => i.file)).toEqual(['huyen-a.xlsx', 'huyen-b.xlsx', 'huyen-c.xlsx']);
    expect(c.columns.slice(0, 3)).toEqual(['Số tinh giản trong kỳ', 'Biên chế được giao 2015', 'Biên chế được giao 2021']);
    expect(c.inputs.map((i: { values: number[] }) => i.values.slice(0, 3))).toEqual(alone.map((r) => [r.reduced.total, r.quota.baseline, r.quota.current]));
    expect(whole.quota.baseline).toBe(8 + 20 + 9 + 22 + 7 + 5);
    expect(whole.quota.current).toBe(alone.reduce((n, r) => n + r.quota.current, 0));
  });

  it('keeps units of the same name apart by their file', async () => {
    const whole = await json(['report', 'reduction', ...inputs(), '--from', '2015-01-01', '--to', '2019-12-31']);
    const quota = (unit: string) => whole.quota.byUnit.find((u: { unit: string }) => u.unit === unit);
    expect(quota('Phòng Nội vụ (huyen-a)')).toMatchObject({ baseline: 8, current: 7 });
    expect(quota('Phòng Nội vụ (huyen-b)')).toMatchObject({ baseline: 9, current: 8 });
    expect(quota('Phòng Nội vụ (huyen-c)')).toMatchObject({ baseline: 7, current: 7 });
    expect(quota('Phòng Nội vụ')).toBeUndefined();
    const reduced = (unit: string) => whole.reduced.byUnit.find((u: { unit: string }) => u.unit === unit)?.total;
    expect([reduced('Phòng Nội vụ (huyen-a)'), reduced('Phòng Nội vụ (huyen-b)'), reduced('Phòng Nội vụ (huyen-c)')]).toEqual([1, 1, 1]);
  });

  it('lists the person two districts still list, with a warning at the later file\'s row', async () => {
    const whole = await json(['report', 'reduction', ...inputs(), '--from', '2015-01-01', '--to', '2019-12-31']);
    expect(whole.consolidation.duplicates).toEqual([{
      fullName: 'Phạm Thu Hà', birthDate: '1990-05-06',
      rows: [
        { sheet: 'huyen-a › DS CBCCVC', row: 5, file: 'huyen-a.xlsx', unit: 'Phòng Nội vụ (huyen-a)', cell: 'B5' },
        { sheet: 'huyen-c › DS CBCCVC', row: 4, file: 'huyen-c.xlsx', unit: 'Phòng Y tế (huyen-c)', cell: 'B4' },
      ],
    }]);
    const warning = whole.issues.filter((i: { code: string }) => i.code === 'person.duplicateAcrossFiles');
    expect(warning).toEqual([expect.objectContaining({ severity: 'warning', sheet: 'huyen-c › DS CBCCVC', cell: 'B4', file: 'huyen-c.xlsx' })]);
    expect(warning[0].message).toContain('cũng có ở tệp huyen-a.xlsx, trang "huyen-a › DS CBCCVC" dòng 5');
  });

  it('party report: members add up across the districts, the member in two registers listed', async () => {
    const whole = await json(['report', 'partyQuarterly', ...inputs(), '--period', '2021-Q2']);
    const alone = await Promise.all(files.map((f) => json(['report', 'partyQuarterly', '--input', f, '--period', '2021-Q2'])));
    for (const key of ['start', 'admitted', 'increase', 'decrease', 'end'] as const) {
      expect(whole.members[key]).toBe(alone.reduce((n, r) => n + r.members[key], 0));
    }
    expect(alone.map((r) => r.members.admitted)).toEqual([1, 0, 1]);
    expect(whole.consolidation.inputs.map((i: { values: number[] }) => i.values)).toEqual(alone.map((r) => [r.members.start, r.members.increase, r.members.admitted, r.members.decrease, r.members.end]));
    expect(whole.consolidation.duplicates.map((d: { fullName: string; rows: Array<{ unit: string }> }) => [d.fullName, d.rows.map((r) => r.unit)])).toEqual([['Phạm Thu Hà', ['Chi bộ Phòng Nội vụ (huyen-a)', 'Chi bộ Phòng Y tế (huyen-c)']]]);
  });

  it('writes the subtotals sheet with its totals and the duplicates, and names the files on the issues sheet', async () => {
    const out = `${files[0].replace(/huyen-a\.xlsx$/, '')}tong-hop-3-huyen.xlsx`;
    const run = await capture(['report', 'reduction', ...inputs(), '--from', '2015-01-01', '--to', '2019-12-31', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('huyen-b.xlsx: 2;');
    expect(run.out).toContain('Người có tên ở hai tệp trở lên: 1 — Phạm Thu Hà (huyen-a.xlsx, huyen-c.xlsx)');
    const texts = await sheetTexts(out);
    const sheet = texts.get('Tổng hợp theo tệp 2015-2019');
    expect(sheet).toBeDefined();
    const rows = Array.from(sheet as string[][], (r) => (r ?? []).join(' | '));
    const at = (file: string) => rows.find((r) => r.includes(file)) ?? '';
    expect(at('huyen-a.xlsx')).toMatch(/^1 \| huyen-a\.xlsx \| 2 \| 28 \| 25 \| -3 \| 2 \| 0 lỗi, 0 cảnh báo/);
    expect(rows.find((r) => r.includes('Tổng cộng'))).toMatch(/=SUM\(C\d+:C\d+\)/);
    expect(rows.some((r) => /^1 \| Phạm Thu Hà \| 06\/05\/1990 \| huyen-a\.xlsx \| DS CBCCVC \| 5 \| B5 \| Phòng Nội vụ \(huyen-a\)/.test(r))).toBe(true);
    const issuesSheet = [...texts.keys()].find((n) => n.startsWith('Vấn đề'));
    expect(issuesSheet && texts.get(issuesSheet)?.some((r) => r?.[1] === 'huyen-c › DS CBCCVC')).toBe(true);
  });

  it('refuses two inputs of the same file name: their units could not be told apart', async () => {
    const run = await capture(['report', 'reduction', '--input', files[0], '--input', files[0], '--period', '2019']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('Hai tệp cùng tên "huyen-a"');
  });
});
