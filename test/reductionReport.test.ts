import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { SAMPLE_WORKBOOK } from '../src/cli/main';
import { ingestWorkbook } from '../src/ingest/ingestWorkbook';
import { generateOne } from './helpers/generate';
import { periodLabel } from '../src/domain/period';
import { readXlsx, readXlsxBook } from '../src/workbook/xlsx/readXlsx';
import { writePlan } from '../src/workbook/xlsx/writePlan';
import { writePlanFile } from '../src/workbook/xlsx/writePlanFile';
import { needLibreOffice, pdfPageSizes, pdfPageTexts, recalculatedCsv, renderPage, renderPdf } from './helpers/libreoffice';
import { sheetTexts, utcDate, writeFixture, type FixtureCell } from './helpers/xlsxFixture';

const OUT = path.join(os.tmpdir(), 'tochuc-reduction-report');
const GENERATED_AT = '2026-11-22T02:00:00Z';



describe('reduction report workbook from the sample (Đề án 25 window, 2015–2019)', () => {
  let file: string;
  beforeAll(async () => {
    const read = await readXlsxBook(SAMPLE_WORKBOOK);
    const book = ingestWorkbook(read.grids);
    const { report, plan } = generateOne('reduction', book, { period: { from: '2015-01-01', to: '2019-12-31' }, generatedAt: GENERATED_AT, target: 0.1 }, { org: read.settings.org, files: ['mong-cai.xlsx'] });
    expect(report.reduced.total).toBe(264);
    expect(plan.issues).toEqual([]);
    file = path.join(OUT, 'sample-2015-2019.xlsx');
    expect(await writePlanFile(file, plan)).toEqual(['TGBC 2015-2019', 'Phụ lục TGBC 2015-2019', 'Vấn đề TGBC 2015-2019']);
  });

  it('fills the report sheet: header from the workbook settings, Table I adding up, the Front secretariat 35 → 21, no raw key left', async () => {
    const sheets = await sheetTexts(file);
    const report = sheets.get('TGBC 2015-2019') as string[][];
    const text = report.map((r) => (r ?? []).join(' | '));
    expect(text[0]).toContain('ĐẢNG BỘ TỈNH QUẢNG NINH');
    expect(text[1]).toContain('THÀNH ỦY MÓNG CÁI');
    expect(text.join('\n')).toContain('Móng Cái, ngày 22 tháng 11 năm 2026');
    expect(text.join('\n')).toContain('(Từ ngày 01/01/2015 đến ngày 31/12/2019)');
    expect(text.join('\n')).toContain('Trong kỳ đã thực hiện tinh giản 264 người.');
    // Table I: one row per category, each row's forms adding up to its total.
    const canBo = report.find((r) => r?.[1] === 'Cán bộ') as string[];
    expect(canBo.slice(2, 8).map(Number)).toEqual([12, 9, 2, 0, 0, 1]);
    const tableI = report.filter((r) => r && /^\d+$/.test(r[0] ?? '') && ['Cán bộ', 'Công chức', 'Viên chức', 'Người lao động (hợp đồng)', 'Cán bộ, công chức cấp xã', 'Người hoạt động không chuyên trách cấp xã'].includes(r[1]));
    expect(tableI).toHaveLength(6);
    for (const row of tableI) expect(row.slice(3, 8).reduce((n, v) => n + Number(v), 0)).toBe(Number(row[2]));
    expect(tableI.reduce((n, r) => n + Number(r[2]), 0)).toBe(264);
    const front = report.find((r) => r?.[1] === 'Cơ quan chuyên trách MTTQ và các đoàn thể thành phố') as string[];
    expect(front.slice(2, 5).map(Number)).toEqual([35, 21, -14]);
    // A rate reads the Vietnamese way on any PC: written as its text.
    expect(front[5]).toBe('-40,00%');
    expect(text.join('\n')).toMatch(/giảm 138 biên chế \(15,30%\) so với năm 2015 \(902\)\. So với mục tiêu giảm tối thiểu 10,00%: đạt\./);
    // The data's problems are on their own sheet, not in the document the head signs.
    expect(text.join('\n')).not.toMatch(/Dữ liệu nguồn|cảnh báo|tochuc/);
    expect(sheets.get('Vấn đề TGBC 2015-2019')?.flat().join(' ')).toContain('1 lỗi, 2 cảnh báo');
    expect(text.join('\n')).toContain('Nguyễn Văn A');
    for (const rows of sheets.values()) expect(rows.flat().join(' ')).not.toContain('{{');
  });

  it('lists the 264 people in the appendix, birth dates in the Nam or the Nữ column', async () => {
    const rows = (await sheetTexts(file)).get('Phụ lục TGBC 2015-2019') as string[][];
    const header = rows.findIndex((r) => r?.[0] === 'STT');
    expect(rows[header + 1].slice(2, 4)).toEqual(['Nam', 'Nữ']);
    const people = rows.filter((r, i) => i > header + 2 && r && /^\d+$/.test(r[0] ?? ''));
    expect(people).toHaveLength(264);
    // Exactly one of the two birth-date columns is filled, as a real date.
    for (const p of people.slice(0, 50)) expect([p[2], p[3]].filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v ?? ''))).toHaveLength(1);
    expect(rows.flat()).toContain('Tổng cộng: 264 người');
  });

  it('lists the data issues with their sheet and cell', async () => {
    const rows = (await sheetTexts(file)).get('Vấn đề TGBC 2015-2019') as string[][];
    expect(rows.some((r) => r?.[1] === 'DS CBCCVC' && r[2] === 'L656' && r[3] === 'Lỗi')).toBe(true);
  });

  it('renders in LibreOffice to A4 pages: totals computed, every column on the page, no ####, no raw key', async () => {
    if (!(await needLibreOffice())) return;
    const csv = await recalculatedCsv(file);
    const totals = csv.filter((r) => r[1] === 'Tổng cộng');
    expect(totals[0].slice(2, 8)).toEqual(['264', '101', '119', '11', '23', '10']);
    expect(totals[1].slice(2, 5)).toEqual(['902', '764', '-138']);

    const pdf = await renderPdf(file, path.join(OUT, 'pdf'));
    const sizes = await pdfPageSizes(pdf);
    expect(sizes.length).toBeGreaterThan(3);
    for (const [w, h] of sizes) expect([Math.round(Math.min(w, h)), Math.round(Math.max(w, h))]).toEqual([595, 842]);
    const pages = await pdfPageTexts(pdf);
    expect(pages.join('\n')).not.toContain('###');
    expect(pages.join('\n')).not.toContain('{{');
    // Each sheet's first page carries its title and its last column: the width fits the page.
    const firstPage = (title: string) => pages.findIndex((p) => p.includes(title));
    const report = firstPage('Kết quả thực hiện tinh giản biên chế');
    expect(pages[report]).toMatch(/Chưa ghi/);
    // Table II, whose last column this is, starts on the report's second page with its heading.
    expect(pages[report + 1]).toMatch(/Số tinh/);
    const appendix = firstPage('DANH SÁCH NGƯỜI ĐÃ TINH GIẢN BIÊN CHẾ');
    expect(pages[appendix]).toMatch(/Căn cứ/);
    expect(pages[firstPage('CÁC VẤN ĐỀ TRONG DỮ LIỆU NGUỒN')]).toMatch(/Cách sửa/);
    // For a person to look at (test-output/ is kept by CI).
    const shots = path.resolve('test-output');
    await fs.mkdir(shots, { recursive: true });
    for (const [name, page] of [['reduction-p1', report], ['reduction-appendix', appendix]] as const) expect((await fs.stat(await renderPage(pdf, page + 1, path.join(shots, `${name}.png`)))).size).toBeGreaterThan(20_000);
  }, 180000);
});

// A staff sheet with the traps of the acceptance list; rows start at 8 (title 1–4, header 5–6, index 7).
const TITLE: FixtureCell[][] = [['UBND THÀNH PHỐ'], ['DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC'], ['(Đến ngày 31/12/2019)'], []];
const HEADER: FixtureCell[][] = [
  ['STT', 'Họ và tên', 'Ngày sinh', null, 'Đơn vị công tác', 'Chức vụ', 'Đối tượng', 'Tình trạng', 'Ngày nghỉ', 'Hình thức tinh giản', 'Căn cứ'],
  [null, null, 'Nam', 'Nữ'],
  ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)', '(11)'],
];
const MERGES = ['A5:A6', 'B5:B6', 'C5:D5', 'E5:E6', 'F5:F6', 'G5:G6', 'H5:H6', 'I5:I6', 'J5:J6', 'K5:K6'];

describe('reduction edge cases, from a real .xlsx', () => {
  let file: string;
  let out: string;
  beforeAll(async () => {
    file = await writeFixture('reduction-edge-cases.xlsx', [
      {
        name: 'DS CBCCVC', merges: MERGES, formats: { I: 'dd/mm/yyyy' },
        rows: [
          ...TITLE, ...HEADER,
          [1, 'Lê Văn Đếm', '02/03/1970', null, 'Phòng Nội vụ', 'Chuyên viên', 'Công chức', 'Tinh giản', utcDate(2019, 3, 15), 'Thôi việc ngay', 'QĐ 12/QĐ-UBND'],
          [2, 'Phạm Thị Thiếu Ngày', null, '05/06/1968', 'Phòng Nội vụ', 'Chuyên viên', 'Công chức', 'Tinh giản', null, 'Nghỉ hưu trước tuổi'],
          [3, 'Hoàng Văn Hưu', '10/10/1961', null, 'Phòng Y tế', 'Phó trưởng phòng', 'Công chức', 'Nghỉ hưu', '01/07/2019', 'Nghỉ hưu trước tuổi', 'QĐ 30/QĐ-UBND'],
          [4, 'Đỗ Thị Thôi', null, '01/01/1985', 'Phòng Y tế', 'Chuyên viên', 'Viên chức', 'Thôi việc', '01/08/2019'],
          [5, 'Vũ Văn Năm Trước', '03/03/1965', null, 'Phòng Nội vụ', 'Chuyên viên', 'Công chức', 'Tinh giản', '01/02/2018', 'Thôi việc ngay'],
          [6, 'Ngô Văn Ở Lại', '04/04/1980', null, 'Phòng Y tế', 'Chuyên viên', 'Công chức', 'Đang công tác'],
          [null, 'Tổng cộng', null, null, null, null, null, 'Tinh giản', utcDate(2019, 12, 31), 'Thôi việc ngay'],
        ],
      },
      { name: 'Bien che', rows: [['BIÊN CHẾ ĐƯỢC GIAO'], [], ['STT', 'Đơn vị', 'Khối', 'Biên chế giao năm 2015', 'Biên chế giao năm 2019'], [1, 'Phòng Nội vụ', 'Chính quyền', 12, 10], [2, 'Phòng Y tế', 'Chính quyền', 6, 5]] },
    ]);
    const book = ingestWorkbook(await readXlsx(file));
    const { report, plan } = generateOne('reduction', book, { period: { from: '2019-01-01', to: '2019-12-31' }, generatedAt: GENERATED_AT });
    expect(periodLabel(report.period)).toBe('2019');
    out = path.join(OUT, 'edge-cases-2019.xlsx');
    await writePlanFile(out, plan);
  });

  it('counts the reduced row with a date and the retiree whose form is early retirement, and nothing else', async () => {
    const book = ingestWorkbook(await readXlsx(file));
    const { report } = generateOne('reduction', book, { period: { from: '2019-01-01', to: '2019-12-31' }, generatedAt: GENERATED_AT });
    expect(report.reduced.people.map((p) => p.fullName)).toEqual(['Lê Văn Đếm', 'Hoàng Văn Hưu']);
    expect(report.reduced.byForm).toMatchObject({ resignation: 1, earlyRetirement: 1, unspecified: 0 });
    // The reduced row without a date is an error at its date cell; the totals row is skipped, not read as a person.
    expect(report.issues).toEqual(expect.arrayContaining([expect.objectContaining({ sheet: 'DS CBCCVC', cell: 'I9', severity: 'error', code: 'staff.leftDateMissing' })]));
    expect(report.issues.some((i) => i.cell.endsWith('14') && i.severity === 'info')).toBe(true);
    expect(report.quota.byUnit.find((u) => u.unit === 'Phòng Y tế')).toMatchObject({ baseline: 6, current: 5, activeStaff: 1 });
  });

  it('keeps the issue count off the report sheet and lists the undated row with its cell on the issues sheet', async () => {
    const sheets = await sheetTexts(out);
    const report = (sheets.get('TGBC 2019') as string[][]).map((r) => (r ?? []).join(' | ')).join('\n');
    expect(report).toContain('Trong kỳ đã thực hiện tinh giản 2 người.');
    expect(report).not.toMatch(/lỗi|cảnh báo/);
    expect((sheets.get('Vấn đề TGBC 2019') as string[][]).flat().join(' ')).toMatch(/không thuộc báo cáo.*: 1 lỗi, \d+ cảnh báo/);
    const issues = sheets.get('Vấn đề TGBC 2019') as string[][];
    expect(issues.find((r) => r?.[2] === 'I9')).toEqual(expect.arrayContaining(['DS CBCCVC', 'I9', 'Lỗi', expect.stringContaining('Phạm Thị Thiếu Ngày')]));
    // Without organisation settings the header is left in dotted blanks, not in raw keys.
    expect(report).toContain('…………………………');
    expect([...sheets.values()].flat(2).join(' ')).not.toContain('{{');
  });

  it('does not read back as data the report sheets it wrote into the workbook', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const first = generateOne('reduction', ingestWorkbook(await readXlsx(file)), { period: { from: '2019-01-01', to: '2019-12-31' }, generatedAt: GENERATED_AT });
    writePlan(wb, first.plan);
    const withReport = path.join(OUT, 'edge-cases-with-report.xlsx');
    await wb.xlsx.writeFile(withReport);
    const grids = await readXlsx(withReport);
    expect(grids.map((g) => g.name)).toEqual(['DS CBCCVC', 'Bien che']);
    const again = generateOne('reduction', ingestWorkbook(grids), { period: { from: '2019-01-01', to: '2019-12-31' }, generatedAt: GENERATED_AT });
    expect(again.report.reduced.total).toBe(first.report.reduced.total);
    // So does the exceljs engine.
    expect((await readXlsx(withReport, { engine: 'exceljs' })).map((g) => g.name)).toEqual(['DS CBCCVC', 'Bien che']);
  });
});
