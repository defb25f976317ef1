/**
 * Workbooks that stand where a report is to be written (src/cli/outputFile.ts; docs/decisions.md, "Writing files"):
 * what tochuc may replace with --out and what it must not. test/hostileCli.test.ts checks each.
 */
import { exceljsBytes, PEOPLE, putRows, staffSheet, workbook, type Fixtures } from './make';

const REGISTRY_HEADER = ['sheet', 'report', 'period', 'generatedAt'];

export const FIXTURES: Fixtures = {
  /** 59. A reduction report tochuc wrote earlier: two sheets, both listed in the very hidden registry. */
  '59-report-written-earlier.xlsx': () => {
    const wb = workbook();
    putRows(wb.addWorksheet('TGBC 2019'), [['UBND THÀNH PHỐ MÓNG CÁI'], ['BÁO CÁO Kết quả thực hiện tinh giản biên chế năm 2019']]);
    putRows(wb.addWorksheet('Phụ lục TGBC 2019'), [['STT', 'Họ và tên'], [1, 'Trần Thị Bình']]);
    putRows(wb.addWorksheet('tochuc', { state: 'veryHidden' }), [REGISTRY_HEADER, ['TGBC 2019', 'reduction', '2019', '2021-07-01T00:00:00.000Z'], ['Phụ lục TGBC 2019', 'reduction', '2019', '2021-07-01T00:00:00.000Z']]);
    return exceljsBytes(wb);
  },

  /**
   * 60. The officer's own staff list, into which the add-in wrote a report and kept its settings:
   * the same registry sheet as a report's, beside a sheet that is the officer's.
   */
  '60-source-with-registry.xlsx': () => {
    const wb = workbook();
    staffSheet(wb, 'DS CBCCVC', PEOPLE);
    putRows(wb.addWorksheet('TGBC 2019'), [['BÁO CÁO Kết quả thực hiện tinh giản biên chế năm 2019'], ['Trong kỳ đã thực hiện tinh giản 99 người.']]);
    const registry = wb.addWorksheet('tochuc', { state: 'veryHidden' });
    putRows(registry, [REGISTRY_HEADER, ['TGBC 2019', 'reduction', '2019', '2021-07-01T00:00:00.000Z']]);
    registry.getCell('F1').value = 'setting';
    registry.getCell('G1').value = 'value';
    return exceljsBytes(wb);
  },

  /** 61. A very hidden sheet named "tochuc" that another tool made (no registry header): no mark of tochuc's. */
  '61-other-hidden-tochuc-sheet.xlsx': () => {
    const wb = workbook();
    putRows(wb.addWorksheet('Báo cáo'), [['Báo cáo nhanh'], ['Phòng Nội vụ', 12]]);
    putRows(wb.addWorksheet('tochuc', { state: 'veryHidden' }), [['Tổ chức bộ máy', 'Biên chế'], ['Báo cáo', 12]]);
    return exceljsBytes(wb);
  },
};
