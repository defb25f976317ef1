/**
 * `npx tsx test/tools/renderReport.ts [out-dir]`: fills a built-in layout with the units of the
 * sample workbook, writes the report with the exceljs executor, and renders its first page to PNG
 * (LibreOffice → PDF → pdftoppm) so that a person can look at it before calling report work done.
 */
import path from 'path';
import ExcelJS from 'exceljs';
import type { UnitRecord } from '../../src/domain/records';
import { SAMPLE_WORKBOOK } from '../../src/cli/main';
import { ingestWorkbook } from '../../src/ingest/ingestWorkbook';
import { reportTemplate, type OrgDetails } from '../../src/templates/layout';
import type { TemplateSheet } from '../../src/templates/parse';
import { planSheet } from '../../src/templates/planner';
import { readXlsx } from '../../src/workbook/xlsx/readXlsx';
import { writePlan } from '../../src/workbook/xlsx/writePlan';
import { renderFirstPage } from '../helpers/libreoffice';
import { SAMPLE_ORG } from './generateSample';

export const DEMO_ORG: OrgDetails = SAMPLE_ORG;
export const DEMO_TITLE = 'BÁO CÁO';
export const DEMO_INTRO = 'Thực hiện Nghị quyết số 39-NQ/TW ngày 17/4/2015 của Bộ Chính trị, Ban Thường vụ Thành ủy báo cáo biên chế được giao của {{count}} cơ quan, đơn vị như sau:';

/** A one-table layout over the units' quotas (`units[]`, `count`). */
export function demoTemplate(): TemplateSheet {
  return reportTemplate({
    org: DEMO_ORG, title: DEMO_TITLE, subtitle: 'Biên chế được giao theo đơn vị, năm 2015 và năm 2021', periodLine: '(Số liệu đến ngày {{period.to}})',
    intro: [DEMO_INTRO],
    table: {
      list: 'units', totalLabel: 'Cộng',
      columns: [
        { header: 'STT', width: 5, cell: '{{@index}}' },
        { header: 'Cơ quan, đơn vị', width: 38, cell: '{{unit}}' },
        { header: 'Biên chế giao năm 2015', width: 11, cell: '{{baseline}}', total: true, align: 'right' },
        { header: 'Biên chế giao năm 2021', width: 11, cell: '{{current}}', total: true, align: 'right' },
        { header: 'Tăng (+), giảm (−)', width: 10, cell: '{{change}}', total: true, align: 'right' },
      ],
    },
    notes: ['Ghi chú: số liệu lấy từ trang "Bien che" của sổ mẫu Móng Cái; đơn vị hợp nhất năm 2018 không còn biên chế năm 2021.'],
  });
}

export async function renderDemo(outDir: string): Promise<{ xlsx: string; png: string }> {
  const book = ingestWorkbook(await readXlsx(SAMPLE_WORKBOOK));
  const units = (book.records.units as UnitRecord[]).filter((u) => u.baselineQuota !== undefined && u.currentQuota !== undefined)
    .map((u) => ({ unit: u.unit, baseline: u.baselineQuota, current: u.currentQuota, change: (u.currentQuota ?? 0) - (u.baselineQuota ?? 0) }));
  const template = demoTemplate();
  const figures = { org: DEMO_ORG, reportDate: { day: 22, month: 11, year: 2026 }, period: { to: '2021-06-30' }, count: units.length, units };
  const { sheet, issues } = planSheet(template, figures, { sheetName: 'Bien che 2015-2021', marker: { report: 'demo', period: '2021', generatedAt: '2026-11-22' } });
  if (issues.length) throw new Error(issues.map((i) => `${i.cell}: ${i.message}`).join('\n'));
  const wb = new ExcelJS.Workbook();
  writePlan(wb, { sheets: [sheet], issues });
  const xlsx = path.join(outDir, 'demo-layout.xlsx');
  await wb.xlsx.writeFile(xlsx);
  return { xlsx, png: await renderFirstPage(xlsx, path.join(outDir, 'demo-layout-p1.png')) };
}

if (require.main === module) {
  renderDemo(path.resolve(process.argv[2] ?? 'test-output')).then((r) => console.log(`${r.xlsx}\n${r.png}`));
}
