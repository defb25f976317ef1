import type { MemberRecord, OrgRecord, StaffRecord, TargetRecord, UnitRecord } from '../src/domain/records';
import { foldKey } from '../src/domain/text';
import { categories } from '../src/domain/vocabulary';
import { ingestSheet } from '../src/ingest/ingestSheet';
import { ingestWorkbook } from '../src/ingest/ingestWorkbook';
import { readXlsx } from '../src/workbook/xlsx/readXlsx';
import { utcDate, writeFixture, type FixtureCell } from './helpers/xlsxFixture';

const TITLE: FixtureCell[][] = [
  ['ỦY BAN NHÂN DÂN THÀNH PHỐ MÓNG CÁI'],
  ['DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC'],
  ['(Tính đến ngày 30/6/2021)'],
  [],
];
const HEADER_TOP: FixtureCell[] = ['STT', 'Họ và tên', 'Ngày sinh', null, 'Đơn vị công tác', 'Chức vụ', 'Đối tượng', 'Tình trạng', 'Ngày biến động', 'Hình thức tinh giản', 'Căn cứ'];
const HEADER_SUB: FixtureCell[] = [null, null, 'Nam', 'Nữ'];
const INDEX: FixtureCell[] = ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)', '(11)'];
// Header rows 5–6: every cell merged over both rows but "Ngày sinh", merged across Nam | Nữ.
const HEADER_MERGES = ['A5:A6', 'B5:B6', 'C5:D5', 'E5:E6', 'F5:F6', 'G5:G6', 'H5:H6', 'I5:I6', 'J5:J6', 'K5:K6', 'A2:K2'];

async function staffFixture(name: string, body: FixtureCell[][], extra: { merges?: string[] } = {}) {
  const file = await writeFixture(name, [{ name: 'DS CBCCVC', rows: [...TITLE, HEADER_TOP, HEADER_SUB, INDEX, ...body], merges: extra.merges ?? HEADER_MERGES, formats: { I: 'dd/mm/yyyy' } }]);
  const grids = await readXlsx(file);
  return { file, grids, result: ingestSheet(grids[0]) };
}

describe('header detection on real .xlsx files', () => {
  it('finds a two-row merged header below title rows, skips the index row, and splits Nam/Nữ birth dates', async () => {
    const { result } = await staffFixture('two-row-header.xlsx', [
      [1, 'Nguyễn Văn An', '12/03/1975', null, 'Phòng Nội vụ', 'Trưởng phòng', 'Công chức'],
      [2, 'Trần Thị Bình', null, utcDate(1980, 7, 1), 'Phòng Nội vụ', 'Chuyên viên', 'CC'],
    ]);
    expect(result.kind).toBe('staff');
    expect(result.headerRows).toEqual([5, 6]);
    expect(result.mapping.find((m) => m.field === 'birthDate' && m.qualifier === 'female')?.col).toBe(3);
    const [an, binh] = result.records as StaffRecord[];
    expect(an).toMatchObject({ fullName: 'Nguyễn Văn An', birthDate: '1975-03-12', sex: 'male', unit: 'Phòng Nội vụ', category: 'congChuc', status: 'active' });
    expect(binh).toMatchObject({ birthDate: '1980-07-01', sex: 'female', category: 'congChuc' });
    expect(an).toMatchObject({ sheet: 'DS CBCCVC', row: 8, file: expect.stringContaining('two-row-header.xlsx') });
    expect(result.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('copes without merge information', async () => {
    const { grids } = await staffFixture('no-merges.xlsx', [[1, 'Lê Văn Cường', null, '01/01/1990', 'Phòng Y tế', null, 'VC']], { merges: [] });
    const result = ingestSheet({ ...grids[0], merges: undefined });
    expect(result.kind).toBe('staff');
    expect(result.records[0]).toMatchObject({ fullName: 'Lê Văn Cường', birthDate: '1990-01-01', sex: 'female', category: 'vienChuc' });
  });

  it('skips a header repeated further down, total rows and notes, and says so', async () => {
    const { result } = await staffFixture('repeated-header.xlsx', [
      [1, 'Nguyễn Văn An', '12/03/1975', null, 'Phòng Nội vụ', null, 'CC'],
      HEADER_TOP, HEADER_SUB, INDEX,
      [2, 'Phạm Thị Dung', null, '02/02/1985', 'Phòng Tư pháp', null, 'CC'],
      ['I', 'KHỐI CHÍNH QUYỀN'],
      ['Cộng: 2'],
      [null, 'Tổng cộng', null, null, null, null, 2],
      ['Ghi chú: số liệu đến 30/6/2021'],
      [null, 'NGƯỜI LẬP BIỂU'],
    ]);
    expect((result.records as StaffRecord[]).map((r) => r.fullName)).toEqual(['Nguyễn Văn An', 'Phạm Thị Dung']);
    const codes = result.issues.map((i) => `${i.code}@${i.cell}`);
    expect(codes).toEqual(expect.arrayContaining(['row.repeatedHeader@A9', 'row.groupHeading@B13', 'row.total@A14', 'row.total@A15', 'row.note@A16', 'row.note@A17']));
    expect(result.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('matches headers whatever their case, diacritics, Unicode form, line breaks and spaces', async () => {
    const nfd = (s: string) => s.normalize('NFD');
    const file = await writeFixture('aliases.xlsx', [{
      name: 'Sheet1',
      rows: [[nfd('HỌ VÀ  TÊN'), 'Ngay\nsinh', '  đơn   VỊ ', 'Doi tuong', nfd('Tình trạng')], ['Vũ Thị Hoa', '1/2/1988', 'Phòng Kinh tế', 'HĐ68', '']],
    }]);
    const result = ingestSheet((await readXlsx(file))[0]);
    expect(result.kind).toBe('staff');
    expect(result.mapping.map((m) => m.field)).toEqual(['fullName', 'birthDate', 'unit', 'category', 'status']);
    expect(result.records[0]).toMatchObject({ fullName: 'Vũ Thị Hoa', birthDate: '1988-02-01', category: 'nguoiLaoDong', status: 'active' });
  });
});

describe('values and vocabulary on real cells', () => {
  it('reads real dates, serials, text dates, bare years and abbreviations; "Công chức cấp xã" is capXa', async () => {
    const { result } = await staffFixture('values.xlsx', [
      [1, 'A Văn Một', utcDate(1970, 1, 31), null, 'UBND phường Ka Long', null, 'Công chức cấp xã', 'Tinh giản', '15-06-2018', 'Nghỉ hưu trước tuổi', 'NĐ 108/2014'],
      [2, 'B Văn Hai', 1968, null, 'Phòng Nội vụ', null, 'CB', 'Nghỉ hưu', '01.07.2019', 'Nghỉ hưu trước tuổi'],
      [3, 'C Thị Ba', null, '1972', 'Phòng Nội vụ', null, 'HĐLĐ', 'Thôi việc', '2/9/2017'],
      [4, 'D Văn Bốn', '5/5/1966', null, 'Trường THCS Trần Phú', null, 'VC', 'TGBC', 43466, 'Chuyển sang tổ chức không hưởng lương từ NSNN'],
      [5, 'E Văn Năm', '5/5/1966', null, 'Xã Vạn Ninh', null, 'Người hoạt động không chuyên trách cấp xã'],
      [6, 'F Văn Sáu', '5/5/1966', null, 'Xã Vạn Ninh', null, 'Cán bộ cấp xã'],
    ]);
    const r = result.records as StaffRecord[];
    expect(r.map((x) => x.category)).toEqual(['capXa', 'canBo', 'nguoiLaoDong', 'vienChuc', 'khongChuyenTrach', 'capXa']);
    expect(r[0]).toMatchObject({ birthDate: '1970-01-31', status: 'reduced', leftDate: '2018-06-15', reductionForm: 'earlyRetirement', basis: 'NĐ 108/2014' });
    // A reduction form makes a "Nghỉ hưu" person reduced; plain "Thôi việc" stays resigned.
    expect(r[1]).toMatchObject({ birthDate: '1968-01-01', birthYearOnly: true, status: 'reduced', leftDate: '2019-07-01' });
    expect(r[2]).toMatchObject({ birthDate: '1972-01-01', birthYearOnly: true, sex: 'female', status: 'resigned', leftDate: '2017-09-02' });
    expect(r[3]).toMatchObject({ status: 'reduced', leftDate: '2019-01-01', reductionForm: 'transferOutsideBudget' });
    // Bare birth years are common ("Năm sinh"): one note per column, at its first such cell.
    expect(result.issues.filter((i) => i.code === 'date.yearOnly').map((i) => [i.cell, i.severity])).toEqual([['C9', 'info'], ['D10', 'info']]);
  });

  it('turns every unusable cell or row into an issue with its cell: nothing is dropped silently', async () => {
    const { result } = await staffFixture('bad-rows.xlsx', [
      [1, 'Nguyễn Văn An', '31/02/1975', null, 'Phòng Nội vụ', null, 'Công chức'],
      [2, null, '01/01/1980', null, 'Phòng Nội vụ', null, 'CC'],
      [3, 'Trần Văn Bảy', '01/01/1980', null, null, null, 'CC'],
      [4, 'Lý Thị Tám', null, '01/01/1980', 'Phòng Nội vụ', null, 'Chuyên gia', 'Tinh giản', '31/02/2018', 'Thôi việc ngay'],
      [5, 'Lý Văn Chín', '01/01/1980', null, 'Phòng Nội vụ', null, 'CC', 'Tinh giản'],
      [6, 'Hồ Văn Mười', '01/01/1980', null, 'Phòng Nội vụ', null, 'CC', 'Đi học'],
    ]);
    const byCell = Object.fromEntries(result.issues.map((i) => [i.cell, i]));
    expect(byCell.C8).toMatchObject({ severity: 'warning', code: 'date.invalid' });
    expect(byCell.B9).toMatchObject({ severity: 'warning', code: 'row.missingRequired' });
    expect(byCell.E10).toMatchObject({ severity: 'warning', code: 'row.missingRequired' });
    expect(byCell.G11).toMatchObject({ severity: 'warning', code: 'category.unknown' });
    expect(byCell.I11).toMatchObject({ severity: 'error', code: 'date.invalid' });
    expect(byCell.I12).toMatchObject({ severity: 'error', code: 'staff.leftDateMissing' });
    expect(byCell.H13).toMatchObject({ severity: 'warning', code: 'staffStatus.unknown' });
    for (const issue of result.issues) {
      expect(issue.sheet).toBe('DS CBCCVC');
      expect(issue.message.length).toBeGreaterThan(10);
    }
    // Rows with a name and unit are kept (the report decides about the missing date); the others are issues.
    expect((result.records as StaffRecord[]).map((r) => r.fullName)).toEqual(['Nguyễn Văn An', 'Lý Thị Tám', 'Lý Văn Chín', 'Hồ Văn Mười']);
  });

  it('converts legacy TCVN3 and VNI text to Unicode and says it did', async () => {
    const file = await writeFixture('legacy.xlsx', [{
      name: 'DS cu',
      rows: [['Hä vµ tªn', 'Ngµy sinh', '§¬n vÞ'], ['NguyÔn V¨n An', '12/03/1975', 'Phßng Néi vô'], ['Nguyễn Thị Lan', '01/01/1980', 'Phòng Nội vụ'], ['Nguyeãn Vaên Bình', '01/01/1981', 'Phoøng Noäi vuï']],
    }]);
    const result = ingestSheet((await readXlsx(file))[0]);
    expect(result.kind).toBe('staff');
    expect((result.records as StaffRecord[]).map((r) => [r.fullName, r.unit])).toEqual([
      ['Nguyễn Văn An', 'Phòng Nội vụ'], ['Nguyễn Thị Lan', 'Phòng Nội vụ'], ['Nguyễn Văn Bình', 'Phòng Nội vụ'],
    ]);
    // Row 2 is TCVN3, row 4 VNI: each column says both, each at its first cell.
    expect(result.issues.filter((i) => i.code === 'text.legacyConverted').map((i) => `${i.cell} ${/TCVN3/.test(i.message) ? 'TCVN3' : 'VNI'}`).sort()).toEqual(['A2 TCVN3', 'A4 VNI', 'C2 TCVN3', 'C4 VNI']);
  });
});

describe('the other sheet kinds', () => {
  it('reads units with quota years from the headers, merger plans, members, orgs, targets and tasks', async () => {
    const file = await writeFixture('kinds.xlsx', [
      { name: 'BC', rows: [['BIÊN CHẾ'], [], ['STT', 'Đơn vị', 'Khối', 'Biên chế giao năm 2015', 'Biên chế giao năm 2021'], [1, 'Cơ quan chuyên trách MTTQ và các đoàn thể', 'MTTQ và các đoàn thể', 35, 21], [2, 'Phòng Nội vụ', 'Chính quyền', '12', '10'], ['Tổng cộng', null, null, 47, 31]] },
      { name: 'PA', rows: [['Đơn vị hiện tại', 'Đơn vị sau sắp xếp', 'Hình thức', 'Ngày hiệu lực'], ['Phòng Nội vụ', 'Ban Tổ chức - Nội vụ', 'Hợp nhất', '01/10/2021']] },
      { name: 'DV', rows: [['Họ và tên', 'Ngày sinh', null, 'Chi bộ', 'Ngày vào Đảng', 'Ngày chính thức', 'Tình trạng', 'Ngày biến động', 'Đã nhận Huy hiệu', 'Dân tộc'], [null, 'Nam', 'Nữ'], ['Đỗ Văn Hải', '03/02/1950', null, 'Chi bộ Khu 1', '19/05/1975', '19/05/1976', 'Miễn sinh hoạt', null, '40 năm', 'Tày'], ['Ngô Thị Hằng', null, '1/1/1995', 'Chi bộ Khu 1', '15/03/2021', null, 'Chuyển đến', '01/04/2021']], merges: ['B1:C1'] },
      { name: 'TC', rows: [['Tên tổ chức đảng', 'Cấp', 'Trực thuộc', 'Xếp loại 2019', 'Xếp loại 2020', 'Sổ tay đảng viên điện tử'], ['Chi bộ Khu 1', 'Chi bộ trực thuộc', 'Đảng bộ phường Ka Long', 'HTTNV', 'Hoàn thành xuất sắc nhiệm vụ', 'x'], ['Đảng bộ phường Ka Long', 'Đảng bộ cơ sở', 'Đảng bộ thành phố', 'HTNV', 'HTTNV', '']] },
      { name: 'CT', rows: [['Chỉ tiêu', 'Năm 2020', 'Năm 2021'], ['Kế hoạch kết nạp', 420, 450], ['Dân số', '108.553', 109000], ['Tỷ lệ đảng viên/dân số mục tiêu', '4%', 0.04]] },
      { name: 'NV', rows: [['STT', 'Nội dung nhiệm vụ', 'Đơn vị thực hiện', 'Thời hạn', 'Kết quả', 'Năm'], [1, 'Sắp xếp tổ chức bộ máy', 'Ban Tổ chức Thành ủy', '30/06/2021', 'Hoàn thành quá hạn', 2021], [2, 'Rà soát quy hoạch', 'Ban Tổ chức Thành ủy', '31/12/2020', 'Hoàn thành', null]] },
    ]);
    const result = ingestWorkbook(await readXlsx(file));
    expect(result.sheets.map((s) => s.kind)).toEqual(['units', 'mergerPlan', 'members', 'orgs', 'targets', 'tasks']);
    expect(result.sheets[0].quotaYears).toEqual({ baselineYear: 2015, currentYear: 2021 });
    expect(result.records.units as UnitRecord[]).toEqual([
      expect.objectContaining({ unit: 'Cơ quan chuyên trách MTTQ và các đoàn thể', block: 'doanThe', baselineQuota: 35, currentQuota: 21, maxDeputies: 3 }),
      expect.objectContaining({ unit: 'Phòng Nội vụ', block: 'chinhQuyen', baselineQuota: 12, currentQuota: 10 }),
    ]);
    expect(result.records.mergerPlan[0]).toMatchObject({ fromUnit: 'Phòng Nội vụ', toUnit: 'Ban Tổ chức - Nội vụ', form: 'merge', effectiveDate: '2021-10-01' });
    const [hai, hang] = result.records.members as MemberRecord[];
    expect(hai).toMatchObject({ sex: 'male', joinDate: '1975-05-19', officialDate: '1976-05-19', status: 'active', badgeYears: [40], ethnicity: 'Tày' });
    expect(hang).toMatchObject({ sex: 'female', birthDate: '1995-01-01', status: 'transferredIn', statusDate: '2021-04-01' });
    expect(result.records.orgs as OrgRecord[]).toEqual([
      expect.objectContaining({ name: 'Chi bộ Khu 1', level: 'subCell', ratings: { 2019: 'good', 2020: 'excellent' }, eHandbook: true }),
      expect.objectContaining({ name: 'Đảng bộ phường Ka Long', level: 'baseCommittee', ratings: { 2019: 'completed', 2020: 'good' }, eHandbook: false }),
    ]);
    expect(result.records.targets as TargetRecord[]).toEqual([
      expect.objectContaining({ year: 2020, admissionPlan: 420, population: 108553, memberShareTarget: 0.04 }),
      expect.objectContaining({ year: 2021, admissionPlan: 450, population: 109000, memberShareTarget: 0.04 }),
    ]);
    expect(result.records.tasks).toEqual([
      expect.objectContaining({ status: 'doneLate', year: 2021, deadline: '2021-06-30' }),
      expect.objectContaining({ status: 'done', year: 2020 }),
    ]);
  });

  it('lets the user choose a column when the header is not a known one', async () => {
    const file = await writeFixture('override.xlsx', [{ name: 'S', rows: [['Họ và tên', 'Nơi làm việc hiện tại'], ['Bùi Văn Tùng', 'Phòng Kinh tế']] }]);
    const [grid] = await readXlsx(file);
    expect(ingestSheet(grid).kind).toBeUndefined();
    const byHeader = ingestSheet(grid, { overrides: [{ field: 'unit', header: 'noi lam viec hien tai' }] });
    expect(byHeader.records[0]).toMatchObject({ fullName: 'Bùi Văn Tùng', unit: 'Phòng Kinh tế' });
    const byLetter = ingestSheet(grid, { overrides: [{ field: 'unit', header: 'B' }] });
    expect(byLetter.records[0]).toMatchObject({ unit: 'Phòng Kinh tế' });
  });

  it('folds keys for matching', () => {
    expect(foldKey('  Ngày\ntháng  năm SINH ')).toBe('ngay thang nam sinh');
    expect(foldKey('Đơn vị'.normalize('NFD'))).toBe('don vi');
    expect(categories.lookup('Công chức cấp xã')).toBe('capXa');
    expect(categories.lookup('công  chức')).toBe('congChuc');
  });
});

describe('text folding helpers', () => {
  it('startsFolded agrees with foldKey on the start of a string', () => {
    const { startsFolded } = jest.requireActual('../src/domain/text');
    for (const s of ['Tổng cộng', 'Cộng: 12', 'Người lập biểu', 'Nguyễn Văn An', 'ĐẢNG BỘ', 'Ghi chú', 'Họ và tên'.normalize('NFD'), '  Lưu ý']) {
      const prefix = foldKey(s).slice(0, 4);
      expect(startsFolded(s, prefix)).toBe(true);
      expect(startsFolded(s, prefix.slice(0, 3) + 'q')).toBe(false);
    }
    // Punctuation splits words in foldKey: "Tài chính – Kế hoạch" and "Tài chính - Kế hoạch" fold alike.
    expect(foldKey('Phòng Tài chính – Kế hoạch')).toBe(foldKey('Phòng Tài chính - Kế hoạch'));
  });
});
