import { documentTemplate } from './layout';
import type { TemplateSheet } from './parse';

/**
 * The sheet listing the data's problems beside a report, for the officer who fixes the source; it
 * says so in its first lines, and is no part of the document (docs/reports.md, 3. The command line:
 * "the report is still printed and written, with the issues listed"), each with its sheet and
 * cell so the officer can fix the source.
 */
export function issuesTemplate(name: string): TemplateSheet {
  return documentTemplate({
    name, org: { variant: 'state' }, widths: [5, 18, 7, 10, 58, 42], orientation: 'landscape', top: 'plain',
    title: 'CÁC VẤN ĐỀ TRONG DỮ LIỆU NGUỒN', periodLine: '(Trang làm việc để sửa dữ liệu nguồn, không thuộc báo cáo và không in kèm báo cáo. Báo cáo từ ngày {{period.fromText}} đến ngày {{period.toText}}, lập ngày {{reportDate.text}}: {{issueCounts.error}} lỗi, {{issueCounts.warning}} cảnh báo)',
    sections: [
      {
        kind: 'table',
        table: {
          list: 'issues',
          columns: [
            { header: 'STT', cell: '{{@index}}' },
            { header: 'Trang', cell: '{{sheet}}' },
            { header: 'Ô', cell: '{{cell}}', align: 'center' },
            { header: 'Mức độ', cell: '{{severityLabel}}', align: 'center' },
            { header: 'Nội dung', cell: '{{message}}' },
            { header: 'Cách sửa', cell: '{{hint}}' },
          ],
        },
      },
    ],
  });
}
