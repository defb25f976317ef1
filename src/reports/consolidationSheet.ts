import type { Consolidation } from './consolidate';
import { documentTemplate, type TableColumn } from '../templates/layout';
import type { TemplateSheet } from '../templates/parse';

/**
 * The appendix of a report made from several workbooks (one per district): each workbook's own
 * figures with their totals, so the province can see who contributed what and check that the
 * parts add up to the report, then the people listed in two workbooks at once.
 */

export const CONSOLIDATION_SHEET = 'Tổng hợp theo tệp';

/** STT, file, five figures, issues: the subtotals table; the duplicates table uses the same grid. */
const WIDTHS = [5, 24, 13, 13, 13, 13, 13, 36];
const FIGURES = 5;

export function consolidationTemplate(columns: readonly string[]): TemplateSheet {
  const figures: TableColumn[] = columns.slice(0, FIGURES).map((header, i) => ({ header, cell: `{{v${i}}}`, total: true, align: 'right' }));
  return documentTemplate({
    name: CONSOLIDATION_SHEET, org: { variant: 'state' }, widths: WIDTHS, orientation: 'landscape', top: 'appendix',
    appendixNote: '(Kèm theo báo cáo lập ngày {{reportDate.text}})',
    title: 'SỐ LIỆU TỔNG HỢP THEO TỪNG TỆP, ĐƠN VỊ', periodLine: '(Từ ngày {{period.fromText}} đến ngày {{period.toText}}; {{consolidation.inputCount}} tệp)',
    sections: [
      { kind: 'paragraph', text: 'Mỗi dòng là báo cáo lập riêng từ một tệp; tên đơn vị, chi bộ trùng nhau giữa các tệp được giữ riêng theo tệp, ghi tên tệp trong ngoặc.' },
      {
        kind: 'table',
        table: {
          list: 'consolidation.inputs', totalLabel: 'Tổng cộng',
          columns: [
            { header: 'STT', cell: '{{@index}}' },
            { header: 'Tệp', cell: '{{file}}' },
            ...figures,
            { header: 'Vấn đề trong dữ liệu', cell: '{{issuesText}}' },
          ],
        },
      },
      { kind: 'heading', text: 'NGƯỜI CÓ TÊN Ở HAI TỆP TRỞ LÊN' },
      { kind: 'paragraph', text: '{{consolidation.duplicatesText}}' },
      {
        kind: 'table',
        table: {
          list: 'consolidation.duplicateRows',
          columns: [
            { header: 'STT', cell: '{{no}}' },
            { header: 'Họ và tên', cell: '{{fullName}}' },
            { header: 'Ngày sinh', cell: '{{birthDateText}}', align: 'center' },
            { header: 'Tệp', cell: '{{file}}' },
            { header: 'Trang', cell: '{{sheet}}' },
            { header: 'Dòng', cell: '{{row}}', align: 'center' },
            { header: 'Ô', cell: '{{cell}}', align: 'center' },
            { header: 'Đơn vị, chi bộ', cell: '{{unit}}' },
          ],
        },
      },
    ],
  });
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The keys the consolidation sheet reads, beside the report's own. */
export function consolidationFigures(c: Consolidation): Record<string, unknown> {
  const people = c.duplicates.length;
  return {
    inputCount: c.inputs.length,
    inputs: c.inputs.map((input) => ({
      file: input.file,
      ...Object.fromEntries(input.values.slice(0, FIGURES).map((v, i) => [`v${i}`, v ?? ''])),
      issuesText: `${input.errors} lỗi, ${input.warnings} cảnh báo`,
    })),
    duplicatesText: people ? `Có ${people} người có tên ở hai tệp trở lên (cùng họ tên và ngày sinh), liệt kê dưới đây để kiểm tra; số liệu tổng hợp đang đếm mỗi dòng một lần.` : 'Không phát hiện người nào có tên ở hai tệp (cùng họ tên và ngày sinh).',
    // One row per place a person is listed; the number on the person's first row only.
    duplicateRows: c.duplicates.flatMap((group, g) => group.rows.map((row, i) => ({
      no: i === 0 ? g + 1 : '', fullName: i === 0 ? group.fullName : '', birthDateText: i === 0 ? dmy(group.birthDate) : '',
      file: row.file ?? '', sheet: row.sheet.replace(/^.* › /, ''), row: row.row, cell: row.cell, unit: row.unit,
    }))),
  };
}
