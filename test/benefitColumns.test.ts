import type { StaffRecord } from '../src/domain/records';
import { parseAmount, parseCoefficient, parseInsuredTime, parsePercent } from '../src/domain/monthlySalary';
import { ingestWorkbook } from '../src/ingest/ingestWorkbook';
import { readXlsx } from '../src/workbook/xlsx/readXlsx';
import { utcDate, writeFixture, type FixtureCell } from './helpers/xlsxFixture';

// The staff list's benefit columns (docs/reports.md, "Staff fields for benefits"), as offices type them.
const HEADER: FixtureCell[] = [
  'STT', 'Họ và tên', 'Đơn vị', 'Chức vụ', 'Hệ số lương', 'Hệ số phụ cấp chức vụ', 'Phụ cấp thâm niên vượt khung (%)',
  'Phụ cấp thâm niên nghề (%)', 'Phụ cấp ưu đãi nghề (%)', 'Phụ cấp trách nhiệm nghề (%)', 'Phụ cấp công vụ (%)',
  'Phụ cấp công tác đảng, đoàn thể (%)', 'Tiền lương tháng hiện hưởng', 'Thời gian đóng BHXH bắt buộc (tháng)',
  'Ngày hiệu lực quyết định sắp xếp', 'Tổng số tiền đơn vị đề nghị',
];

async function staffOf(name: string, rows: FixtureCell[][], formats?: Record<string, string>) {
  const file = await writeFixture(name, [{ name: 'DS nghỉ', rows: [['DANH SÁCH ĐỀ NGHỊ HƯỞNG CHẾ ĐỘ'], [], ...rows], formats }]);
  const result = ingestWorkbook(await readXlsx(file));
  return { result, staff: result.records.staff as StaffRecord[] };
}

describe('the staff list\'s benefit columns', () => {
  it('are read raw, each with its cell, in the forms offices type', async () => {
    const { result, staff } = await staffOf('benefit-columns.xlsx', [
      HEADER,
      [1, 'Nguyễn Văn An', 'Phòng Nội vụ', 'Trưởng phòng', '4,98', '0,5', '5%', 0.25, '25', '0,1', 25, 0.3, null, 402, utcDate(2025, 7, 1), '123.456.789'],
      [2, 'Trần Thị Bình', 'Phòng Nội vụ', 'Chuyên viên', 3.66, null, null, null, null, null, '25%', null, '12.345.000', '33 năm 07 tháng', '01/07/2025', null],
    ], { O: 'dd/mm/yyyy' });
    const sheet = result.sheets[0];
    expect(sheet.kind).toBe('staff');
    const [an, binh] = staff;
    expect(an.benefits).toEqual({
      salaryCoefficient: { value: '4,98', cell: 'E4' }, leadershipCoefficient: { value: '0,5', cell: 'F4' },
      overGradePercent: { value: '5%', cell: 'G4' }, seniorityPercent: { value: 0.25, cell: 'H4' }, preferentialPercent: { value: '25', cell: 'I4' },
      responsibilityPercent: { value: '0,1', cell: 'J4' }, publicServicePercent: { value: 25, cell: 'K4' }, partyWorkPercent: { value: 0.3, cell: 'L4' },
      monthlySalary: undefined, insuredTime: { value: 402, cell: 'N4' }, insuredTimeUnit: 'months', decisionDate: '2025-07-01',
      declaredTotal: { value: '123.456.789', cell: 'P4' }, declared: {},
    });
    expect(binh.benefits).toMatchObject({
      salaryCoefficient: { value: 3.66, cell: 'E5' }, leadershipCoefficient: undefined, publicServicePercent: { value: '25%', cell: 'K5' },
      monthlySalary: { value: '12.345.000', cell: 'M5' }, insuredTime: { value: '33 năm 07 tháng', cell: 'N5' }, decisionDate: '2025-07-01', declaredTotal: undefined,
    });
    // What the benefits report will make of them, with monthlySalary.ts.
    const b = an.benefits!;
    expect(parseCoefficient(b.salaryCoefficient!.value)).toEqual({ value: 4.98 });
    expect(parseCoefficient(b.leadershipCoefficient!.value)).toEqual({ value: 0.5 });
    expect([b.overGradePercent, b.seniorityPercent, b.preferentialPercent, b.responsibilityPercent, b.publicServicePercent, b.partyWorkPercent].map((c) => parsePercent(c!.value, c!.format)))
      .toEqual([{ value: 5 }, { value: 25 }, { value: 25 }, { value: 10 }, { value: 25 }, { value: 30 }]);
    expect(parseInsuredTime(b.insuredTime!.value, b.insuredTimeUnit)).toEqual({ value: { months: 402 } });
    expect(parseAmount(b.declaredTotal!.value)).toEqual({ value: 123456789 });
    expect(parseInsuredTime(binh.benefits!.insuredTime!.value, binh.benefits!.insuredTimeUnit)).toEqual({ value: { months: 403 } });
    expect(parseAmount(binh.benefits!.monthlySalary!.value)).toEqual({ value: 12345000 });
    // "Hệ số phụ cấp chức vụ" is not the salary coefficient's "Hệ số …", nor "Chức vụ" the position's.
    expect(Object.fromEntries(sheet.mapping!.map((m) => [m.field, m.header]))).toMatchObject({ position: 'Chức vụ', salaryCoefficient: 'Hệ số lương', leadershipCoefficient: 'Hệ số phụ cấp chức vụ' });
    expect(an.position).toBe('Trưởng phòng');
    expect(result.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('keep a bare number of insured time in years when the header does not say "(tháng)"', async () => {
    const { staff } = await staffOf('benefit-years.xlsx', [
      ['Họ và tên', 'Đơn vị', 'Số năm đóng BHXH', 'Tiền lương hiện hưởng (đồng)'],
      ['Lê Văn Cường', 'Phòng Tài chính', '33,5', 9876000],
    ]);
    expect(staff[0].benefits).toMatchObject({ insuredTime: { value: '33,5', cell: 'C4' }, insuredTimeUnit: 'years', monthlySalary: { value: 9876000, cell: 'D4' } });
    expect(parseInsuredTime(staff[0].benefits!.insuredTime!.value, staff[0].benefits!.insuredTimeUnit)).toEqual({ value: { months: 402 } });
  });

  it('put a decision date that cannot be read at its cell', async () => {
    const { result, staff } = await staffOf('benefit-bad-date.xlsx', [
      ['Họ và tên', 'Đơn vị', 'Thời điểm quyết định sắp xếp'],
      ['Phạm Thị Dung', 'Phòng Tư pháp', '31/02/2025'],
    ]);
    expect(staff[0].benefits).toMatchObject({ decisionDate: undefined });
    expect(result.issues).toEqual([expect.objectContaining({ sheet: 'DS nghỉ', cell: 'C4', severity: 'warning' })]);
  });

  it('leave a staff list without them as it was read before', async () => {
    const { result, staff } = await staffOf('benefit-none.xlsx', [
      ['STT', 'Họ và tên', 'Đơn vị', 'Chức vụ', 'Tình trạng', 'Ngày nghỉ'],
      [1, 'Hoàng Văn Em', 'Phòng Y tế', 'Chuyên viên', 'Nghỉ hưu', '01/07/2019'],
    ]);
    expect(result.sheets[0].mapping!.map((m) => m.field)).toEqual(['fullName', 'unit', 'position', 'status', 'leftDate']);
    expect(staff[0]).toMatchObject({ fullName: 'Hoàng Văn Em', unit: 'Phòng Y tế', position: 'Chuyên viên', status: 'retired', leftDate: '2019-07-01' });
    expect(staff[0].benefits).toBeUndefined();
  });
});
