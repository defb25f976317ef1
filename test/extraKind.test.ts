/**
 * A report kind is one module: a kind defined here, in the test, and registered, is made by the CLI
 * (figures, text and the report file) and by the task pane's use case in the open workbook, with no
 * other file touched. The kind counts the staff of each unit on a day ("Biên chế thực tế").
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../src/cli/main';
import { dayLabel, dayText } from '../src/domain/period';
import { reports } from '../src/reports';
import type { ReportDefinition } from '../src/reports/registry';
import { documentFigures } from '../src/templates/document';
import { documentTemplate } from '../src/templates/layout';
import { generateInExcel } from '../src/workbook/office/generateInExcel';
import { readXlsx } from '../src/workbook/xlsx/readXlsx';
import { FakeWorkbook } from './fakes/excelFake';
import { host } from './helpers/excelSample';
import { sheetTexts, writeFixture } from './helpers/xlsxFixture';

interface HeadcountReport {
  kind: 'headcount';
  date: string;
  period: { from: string; to: string };
  generatedAt: string;
  source: string[];
  issues: [];
  units: Array<{ unit: string; staff: number }>;
}

const SHEET = 'Biên chế thực tế';

const headcount: ReportDefinition<HeadcountReport> = {
  id: 'headcount',
  label: { vi: 'Biên chế thực tế', en: 'Headcount' },
  title: { vi: 'Báo cáo biên chế thực tế', en: 'Headcount report' },
  usage: '--input book.xlsx --date D [--out report.xlsx] [--json]',
  params: [{ type: 'day', name: 'date', cli: 'date', label: { vi: 'Ngày', en: 'Day' }, hint: { vi: '', en: '' } }],
  variant: 'state',
  needs: ['staff'],
  missing: { vi: 'Chưa có danh sách.', en: 'No staff list.' },
  compute: (book, p) => {
    const date = typeof p.date === 'string' ? p.date : '2026-01-01';
    const byUnit = new Map<string, number>();
    for (const s of book.records.staff) byUnit.set(s.unit, (byUnit.get(s.unit) ?? 0) + 1);
    return {
      kind: 'headcount', date, period: { from: date, to: date }, generatedAt: p.generatedAt, source: book.sheets.filter((s) => s.kind === 'staff').map((s) => s.sheet), issues: [],
      units: [...byUnit].map(([unit, staff]) => ({ unit, staff })),
    };
  },
  templates: () => [documentTemplate({
    name: SHEET, org: { variant: 'state' }, widths: [6, 40, 12], orientation: 'portrait', top: 'plain', title: 'BIÊN CHẾ THỰC TẾ', periodLine: '(Đến ngày {{dateText}})',
    sections: [{ kind: 'table', table: { list: 'units', totalLabel: 'Tổng cộng', columns: [{ header: 'STT', cell: '{{@index}}' }, { header: 'Đơn vị', cell: '{{unit}}' }, { header: 'Số người', cell: '{{staff}}', total: true, align: 'right' }] } }],
  })],
  sheetLabel: (r) => dayLabel(r.date),
  issuesSheetShort: 'BCTT',
  drawing: 'charts',
  figures: (r, context) => ({ ...documentFigures(r, context), dateText: dayText(r.date), units: r.units }),
  summary: (r) => r.units.map((u) => `${u.unit}: ${u.staff}`).join('\n'),
  highlights: (r) => ({ caption: r.date, rows: r.units.map((u) => ({ term: u.unit, value: String(u.staff) })) }),
  subtotals: (r) => [{ header: 'Số người', value: r.units.reduce((n, u) => n + u.staff, 0) }],
  duplicatesAmong: 'staff',
  fileName: (r) => `bien-che-thuc-te-${r.date}`,
  demo: {},
};

const STAFF = [
  ['DANH SÁCH CÁN BỘ, CÔNG CHỨC'],
  [],
  ['STT', 'Họ và tên', 'Ngày sinh', 'Đơn vị'],
  [1, 'Nguyễn Văn An', '12/03/1975', 'Phòng Nội vụ'],
  [2, 'Trần Thị Bình', '01/01/1980', 'Phòng Nội vụ'],
  [3, 'Lê Văn Cường', '05/06/1985', 'Văn phòng UBND'],
];

describe('a report kind registered from outside the source tree', () => {
  let input: string;
  beforeAll(async () => {
    reports.register(headcount);
    input = await writeFixture('headcount.xlsx', [{ name: 'DS CBCC', rows: STAFF }]);
  });
  afterAll(() => reports.unregister('headcount'));

  it('the CLI prints its figures, lists it in the usage, and writes its report file', async () => {
    const out: string[] = [];
    const err: string[] = [];
    expect(await main(['report', 'headcount', '--input', input, '--date', '31/12/2025', '--json'], (s) => out.push(s), (s) => err.push(s))).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ kind: 'headcount', date: '2025-12-31', units: [{ unit: 'Phòng Nội vụ', staff: 2 }, { unit: 'Văn phòng UBND', staff: 1 }] });
    const help: string[] = [];
    await main(['--help'], (s) => help.push(s));
    expect(help.join('\n')).toContain('tochuc report headcount --input book.xlsx --date D');
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'tochuc-headcount-')), 'bao-cao.xlsx');
    expect(await main(['report', 'headcount', '--input', input, '--date', '2025-12-31', '--out', file], () => undefined, (s) => err.push(s))).toBe(0);
    const sheets = await sheetTexts(file);
    const written = sheets.get(`${SHEET} 31.12.2025`);
    expect(written?.flat()).toEqual(expect.arrayContaining(['BIÊN CHẾ THỰC TẾ', '(Đến ngày 31/12/2025)', 'Phòng Nội vụ', 'Văn phòng UBND', 'Tổng cộng']));
  });

  it('the task pane use case writes it into the open workbook', async () => {
    const workbook = new FakeWorkbook();
    for (const grid of await readXlsx(input)) {
      const sheet = workbook.addSheet(grid.name);
      grid.rows.forEach((row, r) => row.forEach((value, c) => {
        if (value != null && value !== '') sheet.mutableCell(r, c).value = value as string | number;
      }));
    }
    const result = await generateInExcel<HeadcountReport>(host(workbook).host, 'headcount', { date: '2025-12-31', generatedAt: '2026-01-05T02:00:00Z' });
    expect(result.report.units).toEqual([{ unit: 'Phòng Nội vụ', staff: 2 }, { unit: 'Văn phòng UBND', staff: 1 }]);
    expect(result.sheets).toEqual([`${SHEET} 31.12.2025`]);
    const values = [...workbook.sheet(`${SHEET} 31.12.2025`).cells.values()].map((c) => c.value);
    expect(values).toEqual(expect.arrayContaining(['BIÊN CHẾ THỰC TẾ', 'Phòng Nội vụ', 'Văn phòng UBND']));
  });
});
