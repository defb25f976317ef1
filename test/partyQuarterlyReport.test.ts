import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { main, SAMPLE_WORKBOOK } from '../src/cli/main';
import { ingestWorkbook, type WorkbookIngest } from '../src/ingest/ingestWorkbook';
import { generateOne } from './helpers/generate';
import { partyQuarterlyReport, type PartyQuarterlyReport } from '../src/reports/partyQuarterly/figures';
import { parsePeriod } from '../src/domain/period';
import { formatInline } from '../src/templates/planner';
import { readXlsxBook } from '../src/workbook/xlsx/readXlsx';
import { writePlanFile } from '../src/workbook/xlsx/writePlanFile';
import { needLibreOffice, pdfPageSizes, pdfPageTexts, renderPage, renderPdf } from './helpers/libreoffice';
import { sheetTexts, utcDate, writeFixture, type FixtureCell } from './helpers/xlsxFixture';

const OUT = path.join(os.tmpdir(), 'tochuc-party-report');
const GENERATED_AT = '2026-11-22T02:00:00Z';
const period = (p: string) => parsePeriod(p) as NonNullable<ReturnType<typeof parsePeriod>>;



describe('partyQuarterly figures on the sample workbook (assets/samples/README.md, "Party quarterly")', () => {
  let book: WorkbookIngest;
  let h1: PartyQuarterlyReport;
  beforeAll(async () => {
    book = ingestWorkbook((await readXlsxBook(SAMPLE_WORKBOOK)).grids);
    h1 = partyQuarterlyReport(book, { period: period('2021-H1'), generatedAt: GENERATED_AT });
  });

  it('admissions: 237 in the first half of 2021 against a plan of 450 = 52,67%', () => {
    expect(h1.admission).toMatchObject({ period: 237, ytd: 237, plan: 450, samePeriodLastYear: 205 });
    expect(formatInline(h1.admission.planRate, 'rate')).toBe('52,67%');
    expect(h1.admission.byQuarter).toEqual([{ quarter: 'Quý I', admitted: 98, cumulative: 98 }, { quarter: 'Quý II', admitted: 139, cumulative: 237 }]);
    const p = h1.admission.profile;
    expect([p.female, p.youth, p.ethnicMinority, p.religious, p.ageUnknown]).toEqual([112, 153, 33, 17, 0]);
    expect(p.averageAge).toBeCloseTo(29.1139, 4);
    expect(p.ageBands.map((b) => b.count)).toEqual([153, 44, 14, 17, 6, 3, 0, 0]);
  });

  it('membership movement of Biểu 1 for H1, Q1 and Q2 2021 and the same periods of 2020, balancing', () => {
    const keys = ['start', 'admitted', 'transferredIn', 'restored', 'transferredOut', 'deceased', 'removed', 'removedProbationary', 'expelled', 'resigned', 'end'] as const;
    const pick = (m: PartyQuarterlyReport['members']['samePeriodLastYear']) => keys.map((k) => m[k]);
    expect(pick(h1.members)).toEqual([2667, 237, 34, 2, 41, 17, 3, 1, 1, 1, 2877]);
    expect(pick(h1.members.samePeriodLastYear)).toEqual([2318, 205, 25, 1, 29, 15, 2, 0, 0, 1, 2502]);
    const q1 = partyQuarterlyReport(book, { period: period('2021-Q1'), generatedAt: GENERATED_AT });
    const q2 = partyQuarterlyReport(book, { period: period('2021-Q2'), generatedAt: GENERATED_AT });
    expect(pick(q1.members)).toEqual([2667, 98, 15, 1, 18, 9, 1, 0, 1, 0, 2752]);
    expect(pick(q2.members)).toEqual([2752, 139, 19, 1, 23, 8, 2, 1, 0, 1, 2877]);
    expect(pick(q2.members.samePeriodLastYear)).toEqual([2394, 120, 13, 0, 15, 8, 1, 0, 0, 1, 2502]);
    for (const r of [h1, q1, q2]) {
      expect(r.members.balance).toBe(r.members.end);
      expect(r.issues.filter((i) => i.code === 'members.balance')).toEqual([]);
    }
    expect([h1.members.probationary, h1.members.official, h1.members.female, h1.members.ethnicMinority, h1.members.religious]).toEqual([424, 2453, 1261, 351, 184]);
  });

  it('population share against the 4% target, and the members still needed', () => {
    expect(h1.population).toMatchObject({ year: 2021, total: 108553, target: 0.04, gap: 1466 });
    expect(formatInline(h1.population.memberShare, 'rate')).toBe('2,65%');
  });

  it('organisations, 2020 ratings (90,00% good or better, cap kept) and the e-handbook (72/72)', () => {
    expect(h1.orgs).toMatchObject({ baseOrgs: 32, baseCommittees: 10, baseCells: 22, subCells: 50, cells: 72, newInPeriod: 3, cellsUnder3Official: 2, largeCells: 42 });
    expect(h1.orgs.newList.map((o) => o.name)).toEqual(['Chi bộ khu 5 phường Bình Ngọc', 'Chi bộ Công ty Cổ phần Cảng Vạn Gia', 'Chi bộ Công ty TNHH Xuất nhập khẩu Thành Đạt']);
    expect(h1.orgs.smallCellList.map((c) => c.name)).toEqual(['Chi bộ Hội Chữ thập đỏ thành phố', 'Chi bộ Trung tâm Phát triển quỹ đất']);
    expect(h1.ratings).toMatchObject({ year: 2020, excellent: 4, good: 23, completed: 2, failed: 1, unrated: 2, rated: 30, target: 0.95, excellentCapOk: true });
    expect(formatInline(h1.ratings.goodOrBetterRate, 'rate')).toBe('90,00%');
    expect(h1.eHandbook).toEqual({ cells: 72, using: 72, rate: 1 });
  });

  it('the ratings of a report for 2019 come from 2019, not the later 2020', () => {
    const r = partyQuarterlyReport(book, { period: period('2019-Q4'), generatedAt: GENERATED_AT });
    expect(r.ratings).toMatchObject({ year: 2019, excellent: 4, good: 22, completed: 3, failed: 1, unrated: 2 });
    expect(formatInline(r.ratings.goodOrBetterRate, 'rate')).toBe('86,67%');
  });

  it('probation: 7 overdue on 30/06/2021, 88 due in the third quarter', () => {
    expect(h1.probation.overdue).toHaveLength(7);
    expect(h1.probation.dueNextQuarter).toHaveLength(88);
    expect(h1.probation.nextQuarter).toEqual({ from: '2021-07-01', to: '2021-09-30' });
    for (const m of h1.probation.dueNextQuarter) expect(m.dueDate >= '2021-07-01' && m.dueDate <= '2021-09-30').toBe(true);
    for (const m of h1.probation.overdue) expect(m.daysOverdue).toBeGreaterThanOrEqual(0);
  });

  it('badges for 2/9/2021: 32, the early-awarded 45-year badge left out', () => {
    expect([h1.badges.previousDate, h1.badges.nextDate]).toEqual(['2021-05-19', '2021-09-02']);
    expect(h1.badges.due).toHaveLength(32);
    expect(Object.fromEntries(h1.badges.byYears.map((b) => [b.years, b.count]))).toEqual({ 30: 6, 40: 7, 45: 4, 50: 4, 55: 3, 60: 8 });
  });

  it('tasks of 2021: 206 of 229 done = 89,96%, 17 late; by owner adding up', () => {
    const t = h1.tasks;
    expect([t.year, t.registered, t.done, t.late, t.inProgress, t.notStarted]).toEqual([2021, 229, 206, 17, 15, 8]);
    expect(formatInline(t.rate, 'rate')).toBe('89,96%');
    expect(t.byOwner.reduce((n, o) => n + o.registered, 0)).toBe(229);
    expect(t.byOwner.reduce((n, o) => n + o.done, 0)).toBe(206);
    const t2020 = partyQuarterlyReport(book, { period: period('2020'), generatedAt: GENERATED_AT }).tasks;
    expect([t2020.registered, t2020.done, t2020.late]).toEqual([42, 38, 3]);
  });

  it('draws a reproducible audit sample of the registered tasks', () => {
    const draw = (sampleSize: number, seed: number) => partyQuarterlyReport(book, { period: period('2021-H1'), generatedAt: GENERATED_AT, sampleSize, seed }).tasks.auditSample;
    const a = draw(12, 42);
    expect(a).toHaveLength(12);
    expect(draw(12, 42)).toEqual(a);
    expect(draw(12, 43)).not.toEqual(a);
    const rows = new Set(a.map((t) => t.row));
    expect(rows.size).toBe(12);
    const registered2021 = book.records.tasks.filter((t) => t.year === 2021).map((t) => t.row);
    for (const row of rows) expect(registered2021).toContain(row);
  });
});

// A register with the edge cases of the rules; data rows start at 6 (title 1–3, header 4–5).
const TITLE: FixtureCell[][] = [['ĐẢNG BỘ PHƯỜNG'], ['DANH SÁCH ĐẢNG VIÊN'], []];
const HEADER: FixtureCell[][] = [
  ['STT', 'Họ và tên', 'Ngày sinh', null, 'Chi bộ', 'Ngày vào Đảng', 'Ngày chính thức', 'Tình trạng', 'Ngày biến động', 'Đã nhận Huy hiệu'],
  [null, null, 'Nam', 'Nữ'],
];
const MERGES = ['A4:A5', 'B4:B5', 'C4:D4', 'E4:E5', 'F4:F5', 'G4:G5', 'H4:H5', 'I4:I5', 'J4:J5'];
const CELL_A = 'Chi bộ khu 1';
const CELL_B = 'Chi bộ khu 2';
const member = (name: string, birth: string, cell: string, join: string, official?: string, status?: string, statusDate?: string, badge?: string): FixtureCell[] =>
  [null, name, birth, null, cell, join, official ?? null, status ?? null, statusDate ?? null, badge ?? null];

describe('partyQuarterly rules at their edges, from a real .xlsx', () => {
  let book: WorkbookIngest;
  beforeAll(async () => {
    const rows: FixtureCell[][] = [
      // 6: admitted on 29/02/2020, never recognised: the probation ended 28/02/2021.
      member('Lê Văn Nhuận', '10/10/1995', CELL_A, '29/02/2020'),
      // 7: 30 years on 02/09/2021, the award day itself.
      member('Trần Văn Chín', '01/01/1960', CELL_A, '02/09/1991', '02/09/1992'),
      // 8–9: one person, transferred in on 10/02/2021 and out again on 20/05/2021.
      member('Phạm Thị Đến', '05/05/1980', CELL_B, '01/06/2005', '01/06/2006', 'Chuyển đến', '10/02/2021'),
      member('Phạm Thị Đến', '05/05/1980', CELL_B, '01/06/2005', '01/06/2006', 'Chuyển đi', '20/05/2021'),
      // 10: restored on 15/03/2021 with no record of the time outside: 30 years on 01/07/2021 by the admission date.
      member('Hoàng Văn Phục', '03/03/1965', CELL_A, '01/07/1991', '01/07/1992', 'Phục hồi đảng tịch', '15/03/2021'),
      // 11–12: restored with the earlier striking-off on record: 26 months outside push the 30 years to 2023.
      member('Đỗ Văn Hồi', '04/04/1966', CELL_B, '15/06/1991', '15/06/1992', 'Xóa tên', '10/01/2000'),
      member('Đỗ Văn Hồi', '04/04/1966', CELL_B, '15/06/1991', '15/06/1992', 'Phục hồi đảng tịch', '10/03/2002'),
      // 13: probationary member struck off in the second quarter.
      member('Vũ Thị Xóa', '06/06/1998', CELL_A, '01/10/2020', undefined, 'Xóa tên', '05/05/2021'),
      // 14: official members of cell 2 (with 11–12 and 15 it reaches 3 official).
      member('Ngô Văn Một', '07/07/1970', CELL_B, '01/01/2000', '01/01/2001'),
      // 15: a 40-year badge already recorded though the anniversary is only on 01/08/2021.
      member('Bùi Văn Sớm', '08/08/1950', CELL_B, '01/08/1981', '01/08/1982', undefined, undefined, '40 năm'),
      // 16: admitted in the second quarter, young.
      member('Đinh Thị Mới', '09/09/2000', CELL_A, '15/04/2021'),
    ];
    const file = await writeFixture('party-edge-cases.xlsx', [
      { name: 'Dang vien', rows: [...TITLE, ...HEADER, ...rows], merges: MERGES },
      { name: 'To chuc', rows: [['Tên tổ chức đảng', 'Cấp', 'Trực thuộc', 'Ngày thành lập', 'Xếp loại 2020', 'Sổ tay đảng viên điện tử'], [CELL_A, 'Chi bộ trực thuộc', 'Đảng bộ phường', '01/01/1990', 'HTTNV', 'x'], [CELL_B, 'Chi bộ trực thuộc', 'Đảng bộ phường', utcDate(2021, 5, 1), 'HTXSNV', null], ['Đảng bộ phường', 'Đảng bộ cơ sở', null, '01/01/1980', 'HTTNV', null]] },
    ]);
    book = ingestWorkbook((await readXlsxBook(file)).grids);
    expect(book.records.members).toHaveLength(11);
  });
  const report = (p: string) => partyQuarterlyReport(book, { period: period(p), generatedAt: GENERATED_AT });

  it('29 February: the probation ends 28/02/2021, so the member is overdue at the end of Q1 but not of January', () => {
    expect(report('2021-Q1').probation.overdue.map((m) => [m.fullName, m.dueDate, m.daysOverdue])).toContainEqual(['Lê Văn Nhuận', '2021-02-28', 31]);
    const january = partyQuarterlyReport(book, { period: { from: '2021-01-01', to: '2021-01-31' }, generatedAt: GENERATED_AT });
    expect(january.probation.overdue.map((m) => m.fullName)).not.toContain('Lê Văn Nhuận');
    // Due after the period's end and before the end of the next quarter: no gap for a period ending mid-quarter.
    expect(january.probation.nextQuarter).toEqual({ from: '2021-02-01', to: '2021-06-30' });
    expect(january.probation.dueNextQuarter.map((m) => m.fullName)).toContain('Lê Văn Nhuận');
  });

  it('an anniversary on the award day itself is in that day\'s batch', () => {
    const due = report('2021-Q2').badges.due;
    expect(due.find((b) => b.fullName === 'Trần Văn Chín')).toMatchObject({ years: 30, anniversary: '2021-09-02' });
    expect(due.map((b) => b.fullName)).not.toContain('Bùi Văn Sớm');
  });

  it('a member who transferred in and then left counts once each way and is gone at the end', () => {
    const q1 = report('2021-Q1');
    const q2 = report('2021-Q2');
    expect(q1.members.transferredIn).toBe(1);
    expect(q2.members.transferredOut).toBe(1);
    expect(q2.members.start).toBe(q1.members.end);
    for (const r of [q1, q2]) expect(r.members.balance).toBe(r.members.end);
    // Active on 31/03/2021: everyone but the one admitted in April (rows 6–16 are 9 people).
    expect(q1.members.end).toBe(8);
    expect(q2.members.end).toBe(7);
  });

  it('a restored member arrives on the restoration day; without the time outside on record the badge is flagged', () => {
    const q1 = report('2021-Q1');
    expect(q1.members.restored).toBe(1);
    const q2 = report('2021-Q2');
    expect(q2.badges.due.find((b) => b.fullName === 'Hoàng Văn Phục')).toMatchObject({ years: 30 });
    expect(q2.issues.find((i) => i.code === 'member.badgeGapUnknown')).toMatchObject({ sheet: 'Dang vien', cell: 'A10', severity: 'warning' });
    // The other restored member's 26 months outside move the 30 years to 15/08/2023.
    expect(q2.badges.due.map((b) => b.fullName)).not.toContain('Đỗ Văn Hồi');
  });

  it('a probationary member struck off counts in "of which probationary"; a new member is admitted once', () => {
    const q2 = report('2021-Q2');
    expect([q2.members.removed, q2.members.removedProbationary, q2.members.admitted]).toEqual([1, 1, 1]);
  });

  it('cell rules: cell 1 lacks 3 official members; ratings over base organisations only; e-handbook over cells', () => {
    const q2 = report('2021-Q2');
    expect(q2.orgs.smallCellList.map((c) => c.name)).toEqual([CELL_A]);
    expect(q2.orgs.newList.map((o) => o.name)).toEqual([CELL_B]);
    expect(q2.ratings).toMatchObject({ year: 2020, good: 1, excellent: 0, rated: 1 });
    expect(q2.eHandbook).toEqual({ cells: 2, using: 1, rate: 0.5 });
  });
});

describe('partyQuarterly workbook from the sample (H1 2021)', () => {
  let file: string;
  beforeAll(async () => {
    const read = await readXlsxBook(SAMPLE_WORKBOOK);
    const { plan } = generateOne('partyQuarterly', ingestWorkbook(read.grids), { period: period('2021-H1'), generatedAt: GENERATED_AT }, { org: read.settings.org, files: ['mong-cai.xlsx'] });
    expect(plan.issues).toEqual([]);
    file = path.join(OUT, 'sample-2021-H1.xlsx');
    expect(await writePlanFile(file, plan)).toEqual(['Chỉ tiêu XDĐ 2021-H1', 'PL Dự bị 2021-H1', 'PL Huy hiệu 2021-H1', 'PL Kiểm tra NV 2021-H1', 'Vấn đề XDĐ 2021-H1']);
  });

  it('fills Biểu 1 with this period, last year and the ratio, and says nothing of charts or software', async () => {
    const sheets = await sheetTexts(file);
    const rows = sheets.get('Chỉ tiêu XDĐ 2021-H1') as string[][];
    const line = (label: string) => rows.find((r) => r?.[1] === label) as string[];
    expect(line('Đảng viên đầu kỳ').slice(2, 4)).toEqual(['2667', '2318']);
    expect(line('Kết nạp').slice(2, 4).map(Number)).toEqual([237, 205]);
    // The ratio reads the Vietnamese way on any PC: written as its text.
    expect(line('Kết nạp')[4]).toBe('115,61%');
    expect(line('Đảng viên cuối kỳ').slice(2, 4)).toEqual(['2877', '2502']);
    const text = rows.map((r) => (r ?? []).join(' | ')).join('\n');
    // The balance is checked by the figures (an issue when it fails), not written into the document.
    expect(text).not.toContain('Kiểm tra:');
    expect(text).toContain('Đến ngày 30/06/2021: 2.877 đảng viên');
    expect(text).toContain('đạt 52,67% kế hoạch năm (450)');
    expect(text).toContain('đã hoàn thành 206, đạt 89,96%');
    expect(text).not.toMatch(/tochuc|Excel|dòng lệnh/);
    for (const sheet of sheets.values()) expect(sheet.flat().join(' ')).not.toContain('{{');
    const badges = sheets.get('PL Huy hiệu 2021-H1') as string[][];
    expect(badges.flat()).toContain('Tổng số: 32 đảng viên');
    const audit = (sheets.get('PL Kiểm tra NV 2021-H1') as string[][]).filter((r) => r && /^\d+$/.test(r[0] ?? ''));
    expect(audit).toHaveLength(10);
  });

  it('renders in LibreOffice to A4 pages with every column on the page, no ####, no raw key', async () => {
    if (!(await needLibreOffice())) return;
    const pdf = await renderPdf(file, path.join(OUT, 'pdf'));
    const sizes = await pdfPageSizes(pdf);
    for (const [w, h] of sizes) expect([Math.round(Math.min(w, h)), Math.round(Math.max(w, h))]).toEqual([595, 842]);
    const pages = await pdfPageTexts(pdf);
    expect(pages.join('\n')).not.toContain('###');
    expect(pages.join('\n')).not.toContain('{{');
    const firstPage = (title: string) => pages.findIndex((p) => p.includes(title));
    const report = firstPage('Kết quả thực hiện các chỉ tiêu công tác xây dựng Đảng');
    // Table 1 may start on the report's second page, its heading with it.
    // The header "So với cùng kỳ (%)" wraps in its column.
    expect(pages.slice(report, report + 3).join('\n')).toMatch(/So với/);
    expect(pages[firstPage('DANH SÁCH ĐẢNG VIÊN DỰ BỊ QUÁ HẠN')]).toMatch(/Số ngày/);
    expect(pages[firstPage('ĐỀ NGHỊ TẶNG HUY HIỆU ĐẢNG')]).toMatch(/Ngày đủ/);
    expect(pages[firstPage('DANH SÁCH NHIỆM VỤ KIỂM TRA NGẪU NHIÊN')]).toMatch(/Kết quả/);
    const shots = path.resolve('test-output');
    await fs.mkdir(shots, { recursive: true });
    for (const [name, page] of [['party-p1', report], ['party-p2', report + 1], ['party-probation', firstPage('DANH SÁCH ĐẢNG VIÊN DỰ BỊ QUÁ HẠN')]] as const) {
      expect((await fs.stat(await renderPage(pdf, page + 1, path.join(shots, `${name}.png`)))).size).toBeGreaterThan(20_000);
    }
  }, 180000);
});

describe('tochuc report partyQuarterly (CLI)', () => {
  it('prints the figures as JSON with the contract keys, the sample drawn by --sample and --seed', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['report', 'partyQuarterly', '--input', SAMPLE_WORKBOOK, '--period', '2021-H1', '--json', '--sample', '5', '--seed', '7'], (s) => out.push(s), (s) => err.push(s));
    expect(code).toBe(0);
    const r = JSON.parse(out.join('\n'));
    expect(r.kind).toBe('partyQuarterly');
    expect(r.tasks).toMatchObject({ registered: 229, done: 206, sampleSize: 5, seed: 7 });
    expect(r.tasks.auditSample).toHaveLength(5);
    expect(r.admission.planRate).toBeCloseTo(237 / 450, 10);
  });

  it('writes the built-in template, and fills the file given back by --template into the same report', async () => {
    await fs.mkdir(OUT, { recursive: true });
    const template = path.join(OUT, 'mau-xdd.xlsx');
    const builtin = path.join(OUT, 'cli-builtin.xlsx');
    const edited = path.join(OUT, 'cli-template.xlsx');
    const quiet = () => undefined;
    // A template file is never replaced without --force (it may hold edits): the last run's goes first.
    await fs.rm(template, { force: true });
    expect(await main(['template', 'partyQuarterly', '--out', template], quiet, quiet)).toBe(0);
    const run = (extra: string[]) => main(['report', 'partyQuarterly', '--input', SAMPLE_WORKBOOK, '--period', '2021-Q2', ...extra], quiet, quiet);
    expect(await run(['--out', builtin])).toBe(0);
    expect(await run(['--template', template, '--out', edited])).toBe(0);
    const [a, b] = [await sheetTexts(builtin), await sheetTexts(edited)];
    expect([...b.keys()]).toEqual([...a.keys()]);
    // Up to "Nơi nhận": the template file carries the default recipients, the workbook's run its own.
    const body = (rows: string[][] | undefined) => (rows ?? []).slice(0, (rows ?? []).findIndex((r) => r?.[0] === 'Nơi nhận:'));
    expect(body(a.get('Chỉ tiêu XDĐ 2021-Q2')).length).toBeGreaterThan(60);
    expect(body(b.get('Chỉ tiêu XDĐ 2021-Q2'))).toEqual(body(a.get('Chỉ tiêu XDĐ 2021-Q2')));
    expect(b.get('PL Huy hiệu 2021-Q2')).toEqual(a.get('PL Huy hiệu 2021-Q2'));
  }, 60000);

  it('refuses a sample size that is not a whole number (exit 2, one line)', async () => {
    const err: string[] = [];
    const code = await main(['report', 'partyQuarterly', '--input', SAMPLE_WORKBOOK, '--period', '2021-H1', '--sample', 'mười'], () => undefined, (s) => err.push(s));
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/--sample "mười"/);
  });
});
