import type { FixtureCell } from './xlsxFixture';

/**
 * The header of the staff lists the benefits tests write: the staff columns, then the pay,
 * insured-time, decision-date and declared-total columns (docs/reports.md, "Staff fields for
 * benefits"). Columns: A STT … I Ngày nghỉ, J Hình thức, K–M coefficients and %, N the monthly
 * amount, O insured time, P the decision's day, Q the declared total.
 */
export const BENEFITS_HEADER: FixtureCell[] = [
  'STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Đơn vị', 'Chức vụ', 'Đối tượng', 'Tình trạng', 'Ngày nghỉ', 'Hình thức tinh giản',
  'Hệ số lương', 'Hệ số phụ cấp chức vụ', 'Phụ cấp công vụ (%)', 'Tiền lương tháng hiện hưởng', 'Thời gian đóng BHXH bắt buộc',
  'Ngày hiệu lực quyết định sắp xếp', 'Tổng số tiền đơn vị đề nghị',
];

/** The date columns of that header, as real date cells. */
export const BENEFITS_DATE_FORMATS = { C: 'dd/mm/yyyy', I: 'dd/mm/yyyy', P: 'dd/mm/yyyy' };
