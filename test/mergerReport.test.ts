import path from 'path';
import os from 'os';
import { main, SAMPLE_WORKBOOK } from '../src/cli/main';
import { ingestWorkbook, type WorkbookIngest } from '../src/ingest/ingestWorkbook';
import { generateOne } from './helpers/generate';
import { mergerReport, type MergerReport } from '../src/reports/merger/figures';
import { readXlsxBook } from '../src/workbook/xlsx/readXlsx';
import { writePlanFile } from '../src/workbook/xlsx/writePlanFile';
import { needLibreOffice, pdfPageSizes, pdfPageTexts, renderPage, renderPdf } from './helpers/libreoffice';
import { sheetTexts, writeFixture } from './helpers/xlsxFixture';

const GENERATED_AT = '2026-11-22T02:00:00Z';
const OUT = path.join(os.tmpdir(), 'tochuc-merger-report');

describe('merger figures on the sample plan (assets/samples/README.md, "Merger plan")', () => {
  let book: WorkbookIngest;
  let r: MergerReport;
  beforeAll(async () => {
    book = ingestWorkbook((await readXlsxBook(SAMPLE_WORKBOOK)).grids);
    r = mergerReport(book, { generatedAt: GENERATED_AT });
  });

  it('reads the structure on the latest effective date: 42 units before, 35 after, 7 fewer', () => {
    expect(r.date).toBe('2021-10-01');
    expect([r.unitsBefore, r.unitsAfter, r.unitsReduced]).toEqual([42, 35, 7]);
    expect(r.issues.filter((i) => i.code.startsWith('merger.'))).toEqual([]);
  });

  it('one group per resulting unit, with its sources as the data give them', () => {
    const view = r.groups.map((g) => [g.toUnit, g.form, g.effectiveDate, g.isNew, g.sources.map((s) => [s.unit, s.quota, s.staff, s.heads, s.deputies])]);
    expect(view).toEqual([
      ['Cơ quan chuyên trách MTTQ và các đoàn thể thành phố', 'merge', '2018-01-01', true, ['Cơ quan Ủy ban MTTQ Việt Nam thành phố', 'Thành đoàn', 'Hội Liên hiệp Phụ nữ thành phố', 'Hội Nông dân thành phố', 'Hội Cựu chiến binh thành phố', 'Liên đoàn Lao động thành phố'].map((u) => [u, null, 0, 0, 0])],
      ['Ban Tổ chức Thành ủy - Phòng Nội vụ', 'merge', '2021-10-01', true, [['Ban Tổ chức Thành ủy', 8, 8, 1, 2], ['Phòng Nội vụ', 8, 9, 1, 2]]],
      ['Ủy ban Kiểm tra Thành ủy - Thanh tra Thành phố', 'merge', '2021-10-01', true, [['Ủy ban Kiểm tra Thành ủy', 7, 7, 1, 2], ['Thanh tra Thành phố', 7, 6, 1, 1]]],
      ['Ban Tuyên giáo Thành ủy', 'transferFunction', '2021-10-01', false, [['Trung tâm Chính trị thành phố', 5, 6, 1, 1]]],
    ]);
  });

  it('after the merger: quotas, leaders against the deputy limit, surpluses and the 5-year deadline', () => {
    const after = Object.fromEntries(r.groups.map((g) => [g.toUnit, g.after]));
    // The Front secretariat: 21 posts (14 fewer than the six secretariats' 35 of 2015), 22 people, 4 deputies for 3 places.
    expect(after['Cơ quan chuyên trách MTTQ và các đoàn thể thành phố']).toEqual({ quota: 21, staff: 22, heads: 1, deputies: 4, maxDeputies: 3, surplusDeputies: 1, surplusStaff: 1, deadline: '2023-01-01' });
    expect(after['Ban Tổ chức Thành ủy - Phòng Nội vụ']).toEqual({ quota: 15, staff: 17, heads: 2, deputies: 4, maxDeputies: 3, surplusDeputies: 1, surplusStaff: 2, deadline: '2026-10-01' });
    expect(after['Ủy ban Kiểm tra Thành ủy - Thanh tra Thành phố']).toEqual({ quota: 13, staff: 13, heads: 2, deputies: 3, maxDeputies: 3, surplusDeputies: 0, surplusStaff: 0, deadline: '2026-10-01' });
    // A function moves no staff: the Propaganda board keeps its own 6.
    expect(after['Ban Tuyên giáo Thành ủy']).toMatchObject({ quota: 6, staff: 6, heads: 1, deputies: 1 });
    expect(r.transfers).toEqual([{ fromUnit: 'Trung tâm Chính trị thành phố', toUnit: 'Ban Tuyên giáo Thành ủy', effectiveDate: '2021-10-01', note: 'Chuyển chức năng bồi dưỡng lý luận chính trị' }]);
    expect(r.totals.after).toEqual({ quota: 49, staff: 52, heads: 5, deputies: 11, surplusDeputies: 2, surplusStaff: 3 });
  });

  it('on 31/12/2020 only the 2018 merger has taken effect', () => {
    const early = mergerReport(book, { generatedAt: GENERATED_AT, date: '2020-12-31' });
    expect(early.groups.map((g) => g.toUnit)).toEqual(['Cơ quan chuyên trách MTTQ và các đoàn thể thành phố']);
    expect(early.structureAfter.map((u) => u.unit)).toContain('Phòng Nội vụ');
  });
});

describe('plan errors become issues at their cells', () => {
  it('an unknown unit, a unit merged twice, a merge into itself, and a cycle', async () => {
    const file = await writeFixture('merger-plan-errors.xlsx', [
      { name: 'Bien che', rows: [['STT', 'Đơn vị', 'Khối', 'Biên chế giao năm 2015', 'Biên chế giao năm 2021'], ...['Phòng A', 'Phòng B', 'Phòng C', 'Phòng D', 'Phòng E', 'Phòng A - B'].map((u, i) => [i + 1, u, 'Chính quyền', 5, 4])] },
      {
        name: 'Phuong an',
        rows: [
          ['STT', 'Đơn vị hiện tại', 'Đơn vị sau sắp xếp', 'Hình thức', 'Ngày hiệu lực'],
          [1, 'Phòng A', 'Phòng A - B', 'Hợp nhất', '01/10/2021'],
          [2, 'Phòng B', 'Phòng A - B', 'Hợp nhất', '01/10/2021'],
          [3, 'Phòng Không Có', 'Phòng A - B', 'Hợp nhất', '01/10/2021'],
          [4, 'Phòng A', 'Phòng C', 'Sáp nhập', '01/10/2021'],
          [5, 'Phòng C', 'Phòng C', 'Sáp nhập', '01/10/2021'],
          [6, 'Phòng D', 'Phòng E', 'Sáp nhập', '01/10/2021'],
          [7, 'Phòng E', 'Phòng D', 'Sáp nhập', '01/10/2021'],
        ],
      },
    ]);
    const r = mergerReport(ingestWorkbook((await readXlsxBook(file)).grids), { generatedAt: GENERATED_AT });
    const issues = r.issues.filter((i) => i.code.startsWith('merger.')).map((i) => [i.code, i.sheet, i.cell, i.severity]);
    expect(issues).toEqual([
      ['merger.unknownUnit', 'Phuong an', 'B4', 'error'],
      ['merger.twice', 'Phuong an', 'B5', 'error'],
      ['merger.intoItself', 'Phuong an', 'C6', 'error'],
      ['merger.cycle', 'Phuong an', 'C7', 'error'],
      ['merger.cycle', 'Phuong an', 'C8', 'error'],
    ]);
    // The valid rows still make their group.
    expect(r.groups.map((g) => [g.toUnit, g.sources.map((s) => s.unit)])).toEqual([['Phòng A - B', ['Phòng A', 'Phòng B']]]);
  });
});

describe('merger workbook from the sample', () => {
  it('writes the report and the organisation chart as a table, renders in LibreOffice on A4', async () => {
    const read = await readXlsxBook(SAMPLE_WORKBOOK);
    const { plan } = generateOne('merger', ingestWorkbook(read.grids), { generatedAt: GENERATED_AT }, { org: read.settings.org, files: ['mong-cai.xlsx'] });
    expect(plan.issues).toEqual([]);
    expect(plan.sheets.some((s) => s.orgChart)).toBe(false);
    const file = path.join(OUT, 'sample-merger.xlsx');
    expect(await writePlanFile(file, plan)).toEqual(['Sắp xếp 01.10.2021', 'Sơ đồ tổ chức 01.10.2021', 'Vấn đề Sắp xếp 01.10.2021']);
    const sheets = await sheetTexts(file);
    const text = (sheets.get('Sắp xếp 01.10.2021') ?? []).map((row) => (row ?? []).join(' | ')).join('\n');
    expect(text).toContain('trước sắp xếp có 42 cơ quan, đơn vị; sau sắp xếp còn 35, giảm 7 đầu mối');
    expect(text).toContain('Ban Tổ chức Thành ủy - Phòng Nội vụ (mới)');
    const chart = (sheets.get('Sơ đồ tổ chức 01.10.2021') ?? []).flat();
    expect(chart).toContain('KHỐI ĐẢNG');
    expect(chart).toContain('    Ban Tổ chức Thành ủy - Phòng Nội vụ');
    expect(chart).not.toContain('    Phòng Nội vụ');
    expect(chart.join(' ')).not.toMatch(/tochuc|Excel|dòng lệnh/);
    if (!(await needLibreOffice())) return;
    const pdf = await renderPdf(file, path.join(OUT, 'pdf'));
    for (const [w, h] of await pdfPageSizes(pdf)) expect([Math.round(Math.min(w, h)), Math.round(Math.max(w, h))]).toEqual([595, 842]);
    const pages = await pdfPageTexts(pdf);
    expect(pages.join('\n')).not.toMatch(/###|\{\{/);
    const first = pages.findIndex((p) => p.includes('Phương án sắp xếp tổ chức bộ máy'));
    expect(pages[first]).toMatch(/Thời hạn giải/);
    const chartPage = pages.findIndex((p) => p.includes('SƠ ĐỒ TỔ CHỨC BỘ MÁY SAU SẮP XẾP'));
    await renderPage(pdf, first + 1, path.resolve('test-output', 'merger-p1.png'));
    await renderPage(pdf, chartPage + 1, path.resolve('test-output', 'merger-chart-table.png'));
  }, 180000);

  it('tochuc report merger --json prints the contract keys; --date picks the structure day', async () => {
    const out: string[] = [];
    // Exit 1: the staff sheet read for the leaders has the sample's invalid date (L656), an error.
    expect(await main(['report', 'merger', '--input', SAMPLE_WORKBOOK, '--json', '--date', '31/12/2020'], (s) => out.push(s), () => undefined)).toBe(1);
    const r = JSON.parse(out.join('\n'));
    expect(r.issues.filter((i: { severity: string }) => i.severity === 'error').map((i: { cell: string }) => i.cell)).toEqual(['L656']);
    expect(r).toMatchObject({ kind: 'merger', date: '2020-12-31' });
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['unitsBefore', 'unitsAfter', 'unitsReduced', 'groups', 'totals']));
  });
});
