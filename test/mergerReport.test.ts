import { promises as fs } from 'fs';
import path from 'path';
import os from 'os';
import { main, SAMPLE_WORKBOOK } from '../src/cli/main';
import { ingestWorkbook, type WorkbookIngest } from '../src/ingest/ingestWorkbook';
import { generateOne } from './helpers/generate';
import { mergerReport, type MergerGroup, type MergerReport } from '../src/reports/merger/figures';
import { mergerSummary } from '../src/reports/merger/summary';
import { readXlsxBook } from '../src/workbook/xlsx/readXlsx';
import { writePlanFile } from '../src/workbook/xlsx/writePlanFile';
import { needLibreOffice, pdfPageSizes, pdfPageTexts, renderPage, renderPdf } from './helpers/libreoffice';
import { sheetTexts, writeFixture } from './helpers/xlsxFixture';
import { AGRICULTURE, ECONOMY, FRONT, FRONT_QUOTAS_2017, FRONT_SOURCES, writeEarlyMergerBook } from './helpers/earlyMergerBook';

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
      // Merged in 2018: each brings its 2015 quota (the units sheet has no 2021 one); their people are listed under the new unit.
      ['Cơ quan chuyên trách MTTQ và các đoàn thể thành phố', 'merge', '2018-01-01', true, [['Cơ quan Ủy ban MTTQ Việt Nam thành phố', 9], ['Thành đoàn', 6], ['Hội Liên hiệp Phụ nữ thành phố', 5], ['Hội Nông dân thành phố', 5], ['Hội Cựu chiến binh thành phố', 4], ['Liên đoàn Lao động thành phố', 6]].map(([u, q]) => [u, q, 0, 0, 0])],
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

  it('before is what the units brought: the Front secretariats their 2015 quotas and the people now in the new unit', () => {
    const front = r.groups[0];
    expect(front.sources.map((s) => [s.quotaYear, s.mergedSince])).toEqual(Array(6).fill([2015, '2018-01-01']));
    expect(front.own).toMatchObject({ quota: null, staff: 22, heads: 1, deputies: 4 });
    expect(front.before).toEqual({ quota: 35, staff: 22, heads: 1, deputies: 4 });
    expect(r.groups[1].sources.map((s) => [s.quotaYear, s.mergedSince])).toEqual([[2021, null], [2021, null]]);
    // 65 posts before, 49 after: a cut of 16; the 52 people are the same people.
    expect(r.totals.before).toEqual({ quota: 65, staff: 52, heads: 5, deputies: 11 });
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
    // The last column's header is on the first page (its three lines come out apart in the text).
    expect(pages[first]).toMatch(/Thời hạn[\s\S]*giải quyết[\s\S]*dôi dư/);
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

describe('a merger carried out years before the structure day (a city workbook without settings)', () => {
  let file: string;
  let book: WorkbookIngest;
  let r: MergerReport;
  beforeAll(async () => {
    file = await writeEarlyMergerBook(await fs.mkdtemp(path.join(os.tmpdir(), 'tochuc-early-merger-')));
    book = ingestWorkbook((await readXlsxBook(file)).grids);
    r = mergerReport(book, { generatedAt: GENERATED_AT });
  });

  it('the units merged in 2018 bring their last quota before the merger; the people are the new unit\'s own', () => {
    expect(r.date).toBe('2025-03-01');
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    const front = r.groups.find((g) => g.toUnit === FRONT) as MergerGroup;
    expect(front.sources.map((s) => [s.unit, s.quota, s.quotaYear, s.mergedSince, s.staff])).toEqual(FRONT_SOURCES.map((u, i) => [u, FRONT_QUOTAS_2017[i], FRONT_QUOTAS_2017[i] === null ? null : 2017, '2018-03-01', 0]));
    expect(front.own).toMatchObject({ quota: null, staff: 18, heads: 1, deputies: 4 });
    expect(front.before).toEqual({ quota: 25, staff: 18, heads: 1, deputies: 4 });
    expect(front.after).toMatchObject({ quota: 20, staff: 18, heads: 1, deputies: 4, surplusDeputies: 1 });
  });

  it('before reconciles: every group\'s before is its lines\' sum, the totals the groups\' sum, and no one is lost on the way', () => {
    for (const g of r.groups) {
      const lines = [g.own, ...g.sources];
      expect(g.before).toEqual({ quota: lines.reduce((n, u) => n + (u.quota ?? 0), 0), staff: lines.reduce((n, u) => n + u.staff, 0), heads: lines.reduce((n, u) => n + u.heads, 0), deputies: lines.reduce((n, u) => n + u.deputies, 0) });
      expect([g.after.staff, g.after.heads, g.after.deputies]).toEqual([g.before.staff, g.before.heads, g.before.deputies]);
    }
    expect(r.totals.before).toEqual({ quota: 25 + 9 + 14, staff: 41, heads: 5, deputies: 10 });
    expect(r.totals.after).toEqual({ quota: 20 + 8 + 8, staff: 41, heads: 5, deputies: 10, surplusDeputies: 3, surplusStaff: 7 });
  });

  it('a unit that absorbs another existed before: its own figures are part of before', () => {
    const economy = r.groups.find((g) => g.toUnit === ECONOMY) as MergerGroup;
    expect(economy).toMatchObject({ form: 'absorb', isNew: false, own: { quota: 8, staff: 8 }, before: { quota: 14, staff: 14 } });
    expect(economy.sources.map((s) => s.unit)).toEqual([AGRICULTURE]);
    // 14 units less the two new ones; after: 14 less 9 merged or absorbed away.
    expect([r.unitsBefore, r.unitsAfter, r.unitsReduced]).toEqual([12, 5, 7]);
  });

  it('the CLI lines say when the Front unit was formed and sum before → after', () => {
    const lines = mergerSummary(r).split('\n');
    expect(lines.find((l) => l.includes(`${FRONT} (mới)`))).toMatch(/Liên đoàn Lao động thành phố \(đã hợp nhất từ 01\/03\/2018\): biên chế 25 → 20, có mặt 18/);
    expect(lines).toContain('  Cộng hợp nhất, sáp nhập: biên chế 48 → 36, có mặt 41 → 41, cấp trưởng 5 → 5, cấp phó 10 → 10');
  });

  it('the report sheet: early merged units labelled, two totals rows equal to the figures, an opening that starts with words', async () => {
    const { plan } = generateOne('merger', book, { generatedAt: GENERATED_AT }, { files: [path.basename(file)] });
    const out = path.join(OUT, 'early-merger.xlsx');
    await writePlanFile(out, plan);
    const sheets = await sheetTexts(out);
    const grid = (name: string) => Array.from(sheets.get(name) ?? [], (row) => Array.from({ length: 11 }, (_, c) => row?.[c] ?? ''));
    const rows = grid('Sắp xếp 01.03.2025');
    const at = (label: string) => rows.findIndex((row) => row[1] === label);
    const first = rows.findIndex((row) => row[0] === '(1)') + 1;
    const before = at('Cộng trước sắp xếp');
    const after = at('Cộng sau sắp xếp');
    expect([first > 0, before > first, after]).toEqual([true, true, before + 1]);
    // Where the table breaks over a page its header rows are copied in: they are no lines of it.
    const table: string[][] = [];
    let inCopy = false;
    for (const row of rows.slice(first, before)) {
      if (row[0] === 'STT') inCopy = true;
      if (!inCopy) table.push(row);
      if (row[0] === '(1)') inCopy = false;
    }
    const groupLines = table.filter((row) => row[0] !== '');
    const unitLines = table.filter((row) => row[0] === '');
    expect(groupLines.map((row) => row[1])).toEqual([`${FRONT} (mới)`, 'Phòng Văn hóa - Xã hội (mới)', ECONOMY]);
    // Each Front secretariat says when it was merged, with its quota and no counts of its own.
    for (const unit of FRONT_SOURCES) {
      const row = table.find((line) => line[1] === `– ${unit}`) as string[];
      expect([row[2], row[4], row[5], row[6]]).toEqual(['Đã hợp nhất từ 01/03/2018', '', '', '']);
    }
    expect(table.find((line) => line[1].startsWith('– Người làm việc của các đơn vị trên'))?.slice(2, 7)).toEqual(['Tính chung từ 01/03/2018', '', '18', '1', '4']);
    // The lines under the units add up to "before", the units' lines to "after"; both are the figures.
    const column = (lines: string[][], c: number) => lines.reduce((n, row) => n + Number(row[c] || 0), 0);
    const b = r.totals.before;
    const a = r.totals.after;
    expect([3, 4, 5, 6].map((c) => [column(unitLines, c), Number(rows[before][c])])).toEqual([b.quota, b.staff, b.heads, b.deputies].map((v) => [v, v]));
    expect([3, 4, 5, 6, 8, 9].map((c) => [column(groupLines, c), Number(rows[after][c])])).toEqual([a.quota, a.staff, a.heads, a.deputies, a.surplusDeputies, a.surplusStaff].map((v) => [v, v]));
    const text = rows.map((row) => row.join(' ')).join('\n');
    expect(text).toContain('biên chế giảm 12 (từ 48 còn 36)');
    expect(text).toContain('Chưa có số liệu biên chế trước khi hợp nhất của Hội Nông dân thành phố');
    expect(text).not.toMatch(/biên chế tăng/);
    // The opening: the basis, then the summary; no sentence starts with a numeral.
    const opening = rows.findIndex((row) => row[0].startsWith('Thực hiện'));
    expect(rows[opening + 1][0]).toMatch(/^Đến ngày 01\/03\/2025, trước sắp xếp có 12 cơ quan, đơn vị; sau sắp xếp còn 5, giảm 7 đầu mối\. Có 3 đơn vị/);
    expect(rows[opening + 1][0]).not.toMatch(/(^|[.;:]\s+)\d/);
    const chart = grid('Sơ đồ tổ chức 01.03.2025');
    expect(chart.filter((row) => /^\d+$/.test(row[0])).length).toBe(r.unitsAfter);
    expect(chart.some((row) => row[1] === 'Cộng: 5 cơ quan, đơn vị, trong đó 2 đơn vị mới')).toBe(true);
    if (!(await needLibreOffice())) return;
    const pdf = await renderPdf(out, path.join(OUT, 'pdf-early'));
    const pages = await pdfPageTexts(pdf);
    expect(pages.join('\n')).not.toMatch(/###|\{\{/);
    const last = pages.findIndex((p) => p.includes('Cộng sau sắp xếp'));
    await renderPage(pdf, last + 1, path.resolve('test-output', 'merger-early-totals.png'));
  }, 180000);
});
