import { SAMPLE_WORKBOOK } from '../src/cli/main';
import { generateInExcel } from '../src/workbook/office/generateInExcel';
import { selectCell } from '../src/workbook/office/selectCell';
import { writeSettingsInExcel } from '../src/workbook/office/settings';
import { readXlsx } from '../src/workbook/xlsx/readXlsx';
import { REGISTRY_SHEET } from '../src/workbook/hiddenSheet';
import type { FakeWorkbook } from './fakes/excelFake';
import { host, sampleInExcel } from './helpers/excelSample';
import { SAMPLE_ORG } from './tools/generateSample';
import type { ReductionReport } from '../src/reports/reduction/figures';
import type { PartyQuarterlyReport } from '../src/reports/partyQuarterly/figures';
import type { MergerReport } from '../src/reports/merger/figures';

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
    const writes: Array<[number, number]> = [];
    const result = await generateInExcel<ReductionReport>(h, 'reduction', { ...PARAMS, onProgress: (step, done, total) => {
      steps.push(step);
      if (step === 'write') writes.push([done, total]);
    } });
    expect(result.report.reduced.total).toBe(264);
    expect(result.sheets).toEqual(['TGBC 2015-2019', 'Phụ lục TGBC 2015-2019', 'Vấn đề TGBC 2015-2019']);
    expect(result.issues).toEqual(expect.arrayContaining([expect.objectContaining({ sheet: 'DS CBCCVC', cell: 'L656', severity: 'error' })]));
    expect(new Set(steps)).toEqual(new Set(['read', 'compute', 'write']));
    // Writing reports its batches: none known while the executor looks at the workbook, then 0 of n to n of n.
    const batches = writes[writes.length - 1][1];
    expect(batches).toBeGreaterThan(0);
    expect(writes).toEqual([[0, 0], ...Array.from({ length: batches + 1 }, (_, i) => [i, batches])]);
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
    const again = await generateInExcel<ReductionReport>(host(workbook).host, 'reduction', PARAMS);
    expect(again.sheets[0]).toBe('TGBC 2015-2019 (2)');
    // The sheets tochuc wrote are not read back as data.
    expect(again.report.reduced.total).toBe(264);
    expect(again.report.source).toEqual(['DS CBCCVC', 'Bien che', 'PA sap xep']);
    const replaced = await generateInExcel<ReductionReport>(host(workbook).host, 'reduction', { ...PARAMS, replace: true });
    expect(replaced.sheets).toEqual(['TGBC 2015-2019', 'Phụ lục TGBC 2015-2019', 'Vấn đề TGBC 2015-2019']);
  }, 60000);

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(generateInExcel<ReductionReport>(host(workbook).host, 'reduction', { ...PARAMS, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('cancelled while writing a replacement: the earlier report, the registry and events as they were', async () => {
    const before = workbook.snapshot();
    const controller = new AbortController();
    const { host: h, stats } = host(workbook);
    const run = generateInExcel<ReductionReport>(h, 'reduction', { ...PARAMS, replace: true, signal: controller.signal, onProgress: (step, _done, total) => {
      // The executor has planned its batches: the officer clicks "Hủy" now.
      if (step === 'write' && total > 0) controller.abort();
    } });
    await expect(run).rejects.toMatchObject({ name: 'AbortError', message: 'Đã hủy.' });
    expect(workbook.snapshot()).toBe(before);
    expect(stats.enableEventsWrites).toEqual([]);
  }, 60000);

  it('goes to the cell of an issue, and says so when the sheet is gone', async () => {
    await expect(selectCell(host(workbook).host, 'DS CBCCVC', 'L656')).resolves.toBeUndefined();
    await expect(selectCell(host(workbook).host, 'Trang đã xóa', 'A1')).rejects.toThrow('ItemNotFound');
    await expect(selectCell(host(workbook).host, 'DS CBCCVC', 'not a cell')).rejects.toThrow('InvalidArgument');
  });
});

describe('the task pane use case: the party-building report (partyQuarterly) in the open workbook', () => {
  const H1 = { period: { from: '2021-01-01', to: '2021-06-30' }, generatedAt: '2026-11-22T02:00:00Z' };
  const SHEETS = ['Chỉ tiêu XDĐ 2021-H1', 'PL Dự bị 2021-H1', 'PL Huy hiệu 2021-H1', 'PL Kiểm tra NV 2021-H1'];
  let workbook: FakeWorkbook;
  beforeAll(async () => {
    workbook = await sampleInExcel(await readXlsx(SAMPLE_WORKBOOK));
    await writeSettingsInExcel(host(workbook).host, { org: SAMPLE_ORG });
  }, 60000);

  it('computes the figures, writes the report and its appendices with two charts beside the tables, and leaves the data as it was', async () => {
    // The data sheets; tochuc's very hidden registry lists the sheets it writes.
    const sources = workbook.sheetNames.filter((name) => name !== REGISTRY_SHEET);
    const before = new Map(sources.map((name) => [name, texts(workbook, name)]));
    const { host: h, stats } = host(workbook);
    const result = await generateInExcel<PartyQuarterlyReport>(h, 'partyQuarterly', H1);
    const { report } = result;
    expect(report.kind).toBe('partyQuarterly');
    expect([report.admission.period, report.admission.ytd, report.admission.plan]).toEqual([237, 237, 450]);
    expect([report.tasks.done, report.tasks.registered]).toEqual([206, 229]);
    expect([report.members.start, report.members.end, report.probation.overdue.length, report.badges.due.length]).toEqual([2667, 2877, 7, 32]);
    // The default draw: 10 tasks, seeded by the period's last day.
    expect([report.tasks.sampleSize, report.tasks.seed]).toEqual([10, 20210630]);
    expect(result.sheets.slice(0, 4)).toEqual(SHEETS);
    expect(result.skipped).toEqual([]);

    const text = texts(workbook, SHEETS[0]).join(' ');
    expect(text).toContain('đã hoàn thành 206, đạt 89,96%');
    // The charts are there (below); the document does not talk about them.
    expect(text).not.toMatch(/biểu đồ|tochuc|Excel/i);
    expect(text).not.toContain('{{');
    expect(texts(workbook, SHEETS[2])).toContain('Tổng số: 32 đảng viên');

    const charts = workbook.charts;
    expect(charts.map((c) => [c.sheet, c.type, c.title, c.seriesNames])).toEqual([
      [SHEETS[0], 'ColumnClustered', 'Kết nạp đảng viên theo quý so với kế hoạch năm', ['Kết nạp trong quý', 'Lũy kế từ đầu năm', 'Kế hoạch năm']],
      [SHEETS[0], 'Pie', 'Cơ cấu xếp loại tổ chức cơ sở đảng', ['Số tổ chức']],
    ]);
    const report0 = workbook.sheet(SHEETS[0]);
    const range = (source: string) => source.slice(source.lastIndexOf('!') + 1);
    // Over the rows the quarters became: categories, then this quarter's, the cumulative and the plan.
    expect(report0.values(range(charts[0].source))).toEqual([['Quý I', 98, 98, 450], ['Quý II', 139, 237, 450]]);
    expect(report0.values(range(charts[1].source)).map((row) => row[0])).toEqual([
      'Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Không hoàn thành nhiệm vụ', expect.stringContaining('Chưa xếp loại'),
    ]);
    // Beside the tables, outside the printed area.
    const printed = report0.pageLayout.printArea as string;
    for (const c of charts) expect((c.anchor as string).replace(/\d+/g, '') > printed.replace(/^.*:|\d+/g, '')).toBe(true);
    expect(charts.map((c) => [c.width, c.height])).toEqual([[420, 220], [420, 220]]);

    for (const name of sources) expect([name, texts(workbook, name)]).toEqual([name, before.get(name)]);
    // Reading in batches and one write: a constant number of syncs, charts included.
    expect(result.syncs).toBeLessThanOrEqual(8);
    expect(stats.syncs).toBeLessThanOrEqual(result.syncs + 4);
  }, 60000);

  it('draws the tasks with the seed and size asked for, the same tasks for the same seed', async () => {
    const first = await generateInExcel<PartyQuarterlyReport>(host(workbook).host, 'partyQuarterly', { ...H1, sampleSize: 5, seed: 42, replace: true });
    const again = await generateInExcel<PartyQuarterlyReport>(host(workbook).host, 'partyQuarterly', { ...H1, sampleSize: 5, seed: 42, replace: true });
    expect([first.report.tasks.sampleSize, first.report.tasks.seed]).toEqual([5, 42]);
    expect(again.report.tasks.auditSample).toEqual(first.report.tasks.auditSample);
    expect(first.sheets.slice(0, 4)).toEqual(SHEETS);
    // Replacing the sheets replaced their charts: still two.
    expect(workbook.charts).toHaveLength(2);
  }, 60000);
});

describe('the task pane use case: the merger report in the open workbook', () => {
  it('writes the before/after sheet and the chart sheet, leaves the data as it was, in a few syncs', async () => {
    const workbook = await sampleInExcel(await readXlsx(SAMPLE_WORKBOOK));
    const sources = workbook.sheetNames.filter((name) => name !== REGISTRY_SHEET);
    const before = new Map(sources.map((name) => [name, texts(workbook, name)]));
    const result = await generateInExcel<MergerReport>(host(workbook).host, 'merger', { period: { from: '2026-11-22', to: '2026-11-22' }, generatedAt: '2026-11-22T02:00:00Z' });
    expect(result.report.kind).toBe('merger');
    expect([result.report.unitsBefore, result.report.unitsAfter, result.report.unitsReduced]).toEqual([42, 35, 7]);
    expect(result.sheets.slice(0, 2)).toEqual(['Sắp xếp 01.10.2021', 'Sơ đồ tổ chức 01.10.2021']);
    const chart = texts(workbook, 'Sơ đồ tổ chức 01.10.2021');
    expect(chart).toContain('KHỐI MTTQ VÀ CÁC ĐOÀN THỂ');
    for (const name of sources) expect([name, texts(workbook, name)]).toEqual([name, before.get(name)]);
    expect(result.syncs).toBeLessThanOrEqual(8);
  }, 60000);
});
