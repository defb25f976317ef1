import { SAMPLE_WORKBOOK } from '../src/cli/main';
import { generateReductionInExcel } from '../src/workbook/office/generateInExcel';
import { selectCell } from '../src/workbook/office/selectCell';
import { writeSettingsInExcel } from '../src/workbook/office/settings';
import { readXlsx } from '../src/workbook/xlsx/readXlsx';
import type { FakeWorkbook } from './fakes/excelFake';
import { host, sampleInExcel } from './helpers/excelSample';
import { SAMPLE_ORG } from './tools/generateSample';

const PARAMS = { period: { from: '2015-01-01', to: '2019-12-31' }, generatedAt: '2026-11-22T02:00:00Z', target: 0.1 };

/** Every value of a fake sheet, as text, for looking things up. */
function texts(workbook: FakeWorkbook, sheet: string): string[] {
  return [...workbook.sheet(sheet).cells.values()].map((c) => String(c.value ?? ''));
}

describe('the task pane use case: generate the reduction report in the open workbook', () => {
  let workbook: FakeWorkbook;
  beforeAll(async () => {
    workbook = await sampleInExcel(await readXlsx(SAMPLE_WORKBOOK));
    await writeSettingsInExcel(host(workbook).host, { org: SAMPLE_ORG });
  });

  it('reads the workbook, writes the report, appendix and issues sheets, and leaves the source sheets as they were', async () => {
    const before = texts(workbook, 'DS CBCCVC');
    const { host: h, stats } = host(workbook);
    const steps: string[] = [];
    const result = await generateReductionInExcel(h, { ...PARAMS, onProgress: (step) => void steps.push(step) });
    expect(result.report.reduced.total).toBe(264);
    expect(result.sheets).toEqual(['TGBC 2015-2019', 'Phụ lục TGBC 2015-2019', 'Vấn đề TGBC 2015-2019']);
    expect(result.issues).toEqual(expect.arrayContaining([expect.objectContaining({ sheet: 'DS CBCCVC', cell: 'L656', severity: 'error' })]));
    expect(new Set(steps)).toEqual(new Set(['read', 'compute', 'write']));
    const report = texts(workbook, 'TGBC 2015-2019');
    expect(report).toContain('THÀNH ỦY MÓNG CÁI');
    expect(report).toContain('Trong kỳ đã thực hiện tinh giản 264 người. Số người tinh giản chia theo đối tượng và hình thức:');
    expect(report.join(' ')).not.toContain('{{');
    expect(texts(workbook, 'Phụ lục TGBC 2015-2019')).toContain('Tổng cộng: 264 người');
    expect(texts(workbook, 'DS CBCCVC')).toEqual(before);
    // A constant number of syncs for a report of this size, not one per row or sheet.
    expect(result.syncs).toBeLessThanOrEqual(8);
    expect(stats.syncs).toBeLessThanOrEqual(result.syncs + 4);
  }, 60000);

  it('keeps an earlier report unless asked to replace it', async () => {
    const again = await generateReductionInExcel(host(workbook).host, PARAMS);
    expect(again.sheets[0]).toBe('TGBC 2015-2019 (2)');
    // The sheets tochuc wrote are not read back as data.
    expect(again.report.reduced.total).toBe(264);
    expect(again.report.source).toEqual(['DS CBCCVC', 'Bien che', 'PA sap xep']);
    const replaced = await generateReductionInExcel(host(workbook).host, { ...PARAMS, replace: true });
    expect(replaced.sheets).toEqual(['TGBC 2015-2019', 'Phụ lục TGBC 2015-2019', 'Vấn đề TGBC 2015-2019']);
  }, 60000);

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(generateReductionInExcel(host(workbook).host, { ...PARAMS, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('goes to the cell of an issue, and says so when the sheet is gone', async () => {
    await expect(selectCell(host(workbook).host, 'DS CBCCVC', 'L656')).resolves.toBeUndefined();
    await expect(selectCell(host(workbook).host, 'Trang đã xóa', 'A1')).rejects.toThrow('ItemNotFound');
    await expect(selectCell(host(workbook).host, 'DS CBCCVC', 'not a cell')).rejects.toThrow('InvalidArgument');
  });
});
