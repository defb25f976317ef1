/**
 * What a department head signs says nothing about the software or the data's quality, and writes
 * its date as administrative documents do (docs/reports.md, 5. The document standard). Checked on
 * the plans of the three reports made from the sample, with and without the organisation settings,
 * as the CLI writes them (no charts) and as Excel does (charts and shapes).
 */
import { generate } from '../src/app/generate';
import { SAMPLE_WORKBOOK } from '../src/cli/main';
import { ingestWorkbook, type WorkbookIngest } from '../src/ingest/ingestWorkbook';
import { reports } from '../src/reports';
import { issueDate } from '../src/templates/document';
import type { OrgDetails } from '../src/templates/layout';
import type { FillPlan } from '../src/templates/plan';
import { readXlsxBook } from '../src/workbook/xlsx/readXlsx';

/** Words that talk about how the document was made or about the data's problems. */
const TOOL_WORDS = /tochuc|excel|\.xlsx|dòng lệnh|ExcelApi|cảnh báo|dữ liệu nguồn|Kiểm tra:|tổng hợp từ (các )?trang/i;

const texts = (plan: FillPlan, except: (sheet: string) => boolean) =>
  plan.sheets.filter((s) => !except(s.name)).flatMap((s) => s.rows.flatMap((row) => row.flatMap((cell) => (typeof cell?.value === 'string' ? [{ sheet: s.name, text: cell.value }] : []))));

describe('the documents speak of their subject only', () => {
  let book: WorkbookIngest;
  let org: OrgDetails | undefined;
  beforeAll(async () => {
    const read = await readXlsxBook(SAMPLE_WORKBOOK);
    book = ingestWorkbook(read.grids);
    org = read.settings.org;
  });

  it.each(reports.ids())('%s: no sentence about the software or the data, with or without settings, drawn or not', (kind) => {
    const definition = reports.get(kind)!;
    for (const options of [{ org }, {}, { org, capabilities: { charts: true, shapes: true } }]) {
      const { plan, report } = generate(kind, [{ file: 'mong-cai.xlsx', book }], { ...definition.demo, generatedAt: '2026-03-05T02:00:00Z' }, options);
      // The issues sheet is the officer's working list, not part of the document.
      const issuesSheet = (name: string) => name.startsWith('Vấn đề');
      const found = texts(plan!, issuesSheet).filter((t) => TOOL_WORDS.test(t.text));
      expect(found).toEqual([]);
      expect(report.issues.length).toBeGreaterThan(0);
      expect(plan!.sheets.some((s) => issuesSheet(s.name))).toBe(true);
    }
  });

  it('the partyQuarterly spot check prints its seed as typed, without grouping', () => {
    const { plan } = generate('partyQuarterly', [{ file: 'mong-cai.xlsx', book }], { period: { from: '2021-01-01', to: '2021-06-30' }, generatedAt: '2026-03-05T02:00:00Z' }, { org });
    const all = texts(plan!, () => false).map((t) => t.text).join('\n');
    expect(all).toContain('hạt giống 20210630');
    expect(all).not.toContain('20.210.630');
  });

  it('dates the document "ngày 05 tháng 3 năm 2026": a day below 10 and January and February with their zero', () => {
    expect(issueDate('2026-03-05')).toEqual({ day: '05', month: '3', year: '2026' });
    expect(issueDate('2026-02-14')).toEqual({ day: '14', month: '02', year: '2026' });
    expect(issueDate('2026-12-07')).toEqual({ day: '07', month: '12', year: '2026' });
    const { plan } = generate('reduction', [{ file: 'mong-cai.xlsx', book }], { period: { from: '2019-01-01', to: '2019-12-31' }, generatedAt: '2026-03-05T02:00:00Z' }, { org });
    expect(texts(plan!, () => false).map((t) => t.text)).toEqual(expect.arrayContaining([expect.stringMatching(/, ngày 05 tháng 3 năm 2026$/)]));
  });

  it('without settings, a report carries the heading of its own system: the party report a party document\'s', () => {
    const heading = (kind: string) => {
      const definition = reports.get(kind)!;
      const { plan } = generate(kind, [{ file: 'mong-cai.xlsx', book }], { ...definition.demo, generatedAt: '2026-03-05T02:00:00Z' }, {});
      return texts(plan!, (name) => name !== plan!.sheets[0].name).map((t) => t.text).slice(0, 4);
    };
    expect(heading('partyQuarterly')).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(heading('partyQuarterly')).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(heading('reduction')).toEqual(expect.arrayContaining(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']));
    // The workbook's settings decide when there are some.
    const { plan } = generate('reduction', [{ file: 'mong-cai.xlsx', book }], { period: { from: '2019-01-01', to: '2019-12-31' }, generatedAt: '2026-03-05T02:00:00Z' }, { org });
    expect(texts(plan!, (name) => name !== plan!.sheets[0].name).map((t) => t.text)).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
  });

  it('"Nơi nhận" without settings has a line to fill in, not "Như trên" (there is no "Kính gửi")', () => {
    for (const kind of reports.ids()) {
      const definition = reports.get(kind)!;
      const { plan } = generate(kind, [{ file: 'mong-cai.xlsx', book }], { ...definition.demo, generatedAt: '2026-03-05T02:00:00Z' }, {});
      const all = texts(plan!, () => false).map((t) => t.text);
      expect(all).not.toContain('- Như trên;');
      expect(all).not.toContain('Kính gửi');
      if (plan!.sheets.some((s) => s.rows.flat().some((c) => c?.value === 'Nơi nhận:'))) expect(all).toContain('- ……………;');
    }
  });
});
