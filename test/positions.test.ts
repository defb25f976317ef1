import { leaderRole } from '../src/domain/positions';

// Position titles as they are written in staff lists of party committees, people's committees,
// departments, schools and communes.
const HEADS = [
  'Trưởng phòng', 'Trưởng Phòng Nội vụ', 'Quyền Trưởng phòng', 'Q. Trưởng phòng', 'Trưởng ban', 'Trưởng Ban Tổ chức Thành ủy',
  'Giám đốc', 'Giám đốc Trung tâm Văn hóa - Thông tin - Thể thao', 'Quyền Giám đốc', 'Tổng Giám đốc',
  'Chánh Văn phòng', 'Chánh Thanh tra', 'Chánh Văn phòng HĐND và UBND', 'Chủ nhiệm Ủy ban Kiểm tra', 'Chủ nhiệm',
  'Chủ tịch', 'Chủ tịch UBND', 'Chủ tịch Hội Nông dân', 'Bí thư', 'Bí thư Thành đoàn', 'Bí thư Đảng ủy',
  'Hiệu trưởng', 'Viện trưởng', 'Cục trưởng', 'Chi cục trưởng', 'Thủ trưởng cơ quan',
  'Trưởng Công an xã', 'Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Thành ủy', 'Thành ủy viên, Chánh Văn phòng Thành ủy',
  'Trưởng phòng kiêm Phó Chánh Văn phòng', 'TRƯỞNG PHÒNG', 'trưởng phòng ',
];
const DEPUTIES = [
  'Phó Trưởng phòng', 'Phó trưởng phòng', 'Phó Trưởng ban', 'Phó Giám đốc', 'Phó Giám đốc phụ trách', 'Phó Chánh Văn phòng',
  'Phó Chánh Thanh tra', 'Phó Chủ nhiệm Ủy ban Kiểm tra', 'Phó Chủ tịch', 'Phó Chủ tịch UBND', 'Phó Chủ tịch Ủy ban MTTQ',
  'Phó Bí thư', 'Phó Bí thư Thường trực', 'Phó Bí thư Thành đoàn', 'Phó Hiệu trưởng', 'Hiệu phó', 'Quyền Phó Trưởng phòng',
  'Phó Chủ tịch UBND kiêm Trưởng Công an', 'Ủy viên BTV, Phó Chủ tịch UBND thành phố', 'PHÓ GIÁM ĐỐC',
];
const NEITHER = [
  'Chuyên viên', 'Chuyên viên chính', 'Thanh tra viên', 'Thanh tra viên chính', 'Kiểm tra viên', 'Kế toán trưởng', 'Kế toán',
  'Tổ trưởng chuyên môn', 'Tổ trưởng', 'Giáo viên', 'Nhân viên', 'Văn thư', 'Thủ quỹ', 'Lái xe', 'Bảo vệ', 'Cán sự',
  'Công chức Địa chính - Xây dựng', 'Công chức Văn phòng - Thống kê', 'Trợ lý', 'Thư ký', 'Ủy viên Ban Thường vụ', '',
];

describe('heads and deputies from the position', () => {
  it.each(HEADS)('%s: head', (title) => expect(leaderRole(title)).toBe('head'));
  it.each(DEPUTIES)('%s: deputy', (title) => expect(leaderRole(title)).toBe('deputy'));
  it.each(NEITHER)('%s: neither', (title) => expect(leaderRole(title)).toBeUndefined());
  it('reads titles written in another Unicode form the same', () => {
    expect(leaderRole('Phó Chủ tịch'.normalize('NFD'))).toBe('deputy');
    expect(leaderRole('Trưởng phòng kiêm Phó Chánh Văn phòng'.normalize('NFD'))).toBe('head');
  });
  it('covers at least 40 real titles', () => expect(HEADS.length + DEPUTIES.length + NEITHER.length).toBeGreaterThanOrEqual(40));
});

describe('heads and deputies of the sample workbook', () => {
  it('agree, unit by unit, with the roles the sample generator gave its active staff', async () => {
    const { buildSample } = await import('./tools/generateSample');
    const { readXlsxBook } = await import('../src/workbook/xlsx/readXlsx');
    const { ingestWorkbook } = await import('../src/ingest/ingestWorkbook');
    const { foldKey } = await import('../src/domain/text');
    const { SAMPLE_WORKBOOK } = await import('../src/cli/main');
    const book = ingestWorkbook((await readXlsxBook(SAMPLE_WORKBOOK)).grids);
    const found = new Map<string, { heads: number; deputies: number }>();
    for (const s of book.records.staff) {
      if (s.status !== 'active') continue;
      const unit = found.get(foldKey(s.unit)) ?? { heads: 0, deputies: 0 };
      const role = leaderRole(s.position);
      if (role === 'head') unit.heads++;
      if (role === 'deputy') unit.deputies++;
      found.set(foldKey(s.unit), unit);
    }
    const truth = buildSample().figures.units;
    expect(truth.length).toBe(45);
    for (const u of truth) expect([u.unit, found.get(foldKey(u.unit)) ?? { heads: 0, deputies: 0 }]).toEqual([u.unit, { heads: u.heads, deputies: u.deputies }]);
  }, 60000);
});
