import { SAMPLE_WORKBOOK } from '../src/cli/main';
import { columnLetter } from '../src/domain/a1';
import { ingestOpenWorkbook, scanWorkbook } from '../src/workbook/office/scanInExcel';
import { writeSettingsInExcel } from '../src/workbook/office/settings';
import { withMapping } from '../src/workbook/hiddenSheet';
import { readXlsx } from '../src/workbook/xlsx/readXlsx';
import { FakeWorkbook } from './fakes/excelFake';
import { host, sampleInExcel } from './helpers/excelSample';

describe('the workbook scan the task pane shows on open', () => {
  let workbook: FakeWorkbook;
  beforeAll(async () => {
    workbook = await sampleInExcel(await readXlsx(SAMPLE_WORKBOOK));
  });

  it('lists every sheet with its kind, mapping, header columns and record count', async () => {
    const scan = await scanWorkbook(host(workbook).host);
    expect(scan.sheets.map((s) => [s.sheet, s.kind, s.recordCount])).toEqual([
      ['DS CBCCVC', 'staff', 1530], ['Bien che', 'units', 45], ['PA sap xep', 'mergerPlan', 11], ['DS dang vien', 'members', 3133],
      ['To chuc dang', 'orgs', 82], ['Chi tieu', 'targets', 2], ['Nhiem vu', 'tasks', 271],
    ]);
    const staff = scan.sheets[0];
    expect(staff.columns?.length).toBeGreaterThanOrEqual(staff.mapping.length);
    expect(staff.columns).toEqual(expect.arrayContaining([expect.objectContaining({ header: 'Họ và tên' })]));
    expect(scan.issues).toEqual(expect.arrayContaining([expect.objectContaining({ sheet: 'DS CBCCVC', cell: 'L656', severity: 'error' })]));
  });

  it('reads a column chosen by the user, saved in the workbook for co-authors and the CLI', async () => {
    const h = host(workbook).host;
    const before = await scanWorkbook(h);
    const staff = before.sheets[0];
    const position = staff.mapping.find((m) => m.field === 'position');
    const unit = staff.mapping.find((m) => m.field === 'unit');
    expect(position && unit).toBeTruthy();
    // The officer says the unit is in the position column (a test of the plumbing, not good advice).
    const column = columnLetter(position!.col);
    await writeSettingsInExcel(h, { ...before.settings, mappings: withMapping(before.settings.mappings ?? [], 'DS CBCCVC', 'unit', column) });
    const after = await scanWorkbook(h);
    expect(after.settings.mappings).toEqual([{ sheet: 'DS CBCCVC', field: 'unit', header: column }]);
    expect(after.sheets[0].mapping.find((m) => m.field === 'unit')?.col).toBe(position!.col);
    // Choosing again replaces the earlier choice.
    expect(withMapping(after.settings.mappings ?? [], 'DS CBCCVC', 'unit', 'E')).toEqual([{ sheet: 'DS CBCCVC', field: 'unit', header: 'E' }]);
  });

  it('finds the saved column choices with the used ranges: no sync of its own, the sample in three', async () => {
    const h = host(workbook);
    await writeSettingsInExcel(h.host, { mappings: [{ sheet: 'DS CBCCVC', field: 'unit', header: 'E' }] });
    const syncsBefore = h.stats.syncs;
    const { read, settings } = await ingestOpenWorkbook(h.host);
    expect(settings.mappings).toEqual([{ sheet: 'DS CBCCVC', field: 'unit', header: 'E' }]);
    // The sheet list, the used ranges with the settings, and one batch of cells (before: three more to read the settings).
    expect(read.syncs).toBe(3);
    expect(h.stats.syncs - syncsBefore).toBe(3);
    expect(h.stats.runs).toBe(2);
  });

  it('reports settings it cannot read as a warning at the settings block', async () => {
    const broken = await sampleInExcel(await readXlsx(SAMPLE_WORKBOOK));
    const h = host(broken);
    await writeSettingsInExcel(h.host, { mappings: [] });
    broken.sheet('tochuc').mutableCell(1, 6).value = '[{"field": "unit",';
    const scan = await scanWorkbook(h.host);
    expect(scan.settings).toEqual({});
    expect(scan.issues).toEqual(expect.arrayContaining([expect.objectContaining({ sheet: 'tochuc', cell: 'F1', severity: 'warning', code: 'settings.unreadable' })]));
  });

  it('gives an empty workbook an empty scan, not an error', async () => {
    const empty = new FakeWorkbook();
    empty.addSheet('Sheet1');
    const scan = await scanWorkbook(host(empty).host);
    expect(scan.sheets.map((s) => [s.sheet, s.kind, s.recordCount])).toEqual([['Sheet1', undefined, 0]]);
  });
});
