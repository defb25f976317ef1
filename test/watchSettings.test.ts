/**
 * Co-authoring: the pane reads the settings again when another co-author changes them,
 * and only then. The strict fake delivers Worksheet.onChanged / WorksheetCollection.onAdded events;
 * FakeWorkbook.remoteEdit / remoteAddSheet play the other co-author.
 */
import { SAMPLE_WORKBOOK } from '../src/cli/main';
import type { SheetGrid } from '../src/ingest/grid';
import type { OrgDetails } from '../src/templates/layout';
import { readSettingsInExcel, writeSettingsInExcel } from '../src/workbook/office/settings';
import { WATCH_SKIPPED, watchSettings } from '../src/workbook/office/watchSettings';
import { REGISTRY_SHEET, settingsToCells, type WorkbookSettings } from '../src/workbook/hiddenSheet';
import { readXlsx } from '../src/workbook/xlsx/readXlsx';
import type { FakeWorkbook } from './fakes/excelFake';
import { host, sampleInExcel } from './helpers/excelSample';

const ORG: OrgDetails = {
  variant: 'party', superiorBody: 'ĐẢNG BỘ TỈNH QUẢNG NINH', issuingBody: 'THÀNH ỦY MÓNG CÁI', place: 'Móng Cái', documentNumber: 'Số 12-BC/TU',
  signerCapacity: 'T/M BAN THƯỜNG VỤ', signerTitle: 'PHÓ BÍ THƯ', signerName: 'Nguyễn Văn A', recipients: ['- Lưu VP.'],
};
const MINE: WorkbookSettings = { org: ORG, mappings: [{ sheet: 'DS CBCCVC', field: 'unit', header: 'Nơi làm việc' }] };
const THEIRS: WorkbookSettings = { ...MINE, org: { ...ORG, signerName: 'Lê Thị C' } };

/** A co-author saves settings: the same cells writeSettingsInExcel writes, arriving as remote edits. */
function coauthorSaves(workbook: FakeWorkbook, settings: WorkbookSettings): void {
  const cells = settingsToCells(settings);
  workbook.remoteEdit(REGISTRY_SHEET, `F1:G${cells.length}`, cells);
}

describe('watchSettings: refresh when a co-author changes the settings', () => {
  let grids: SheetGrid[];
  let workbook: FakeWorkbook;
  beforeAll(async () => {
    grids = await readXlsx(SAMPLE_WORKBOOK);
  });
  beforeEach(async () => {
    workbook = await sampleInExcel(grids);
    // Only timers: exceljs (above) needs the real nextTick, and the fake's syncs are promises.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('calls onChange once, 300 ms after a burst of remote edits of the settings block; the settings then read are theirs', async () => {
    const { host: h } = host(workbook);
    await writeSettingsInExcel(h, MINE);
    const onChange = jest.fn();
    const watch = await watchSettings(h, onChange);
    expect(watch.skipped).toBeUndefined();

    coauthorSaves(workbook, THEIRS);
    await jest.advanceTimersByTimeAsync(100);
    workbook.remoteEdit(REGISTRY_SHEET, 'G2', [[JSON.stringify(THEIRS.org)]]);
    await jest.advanceTimersByTimeAsync(100);
    coauthorSaves(workbook, THEIRS);
    await jest.advanceTimersByTimeAsync(299);
    expect(onChange).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(onChange).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(5000);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect((await readSettingsInExcel(h)).settings).toEqual(THEIRS);

    await watch.stop();
    expect(workbook.events.errors).toEqual([]);
  });

  it('ignores this user\'s own saves (source Local) and a co-author\'s edits outside the settings columns F:G', async () => {
    const { host: h } = host(workbook);
    await writeSettingsInExcel(h, MINE);
    const onChange = jest.fn();
    const watch = await watchSettings(h, onChange);

    await writeSettingsInExcel(h, THEIRS);
    // The registry of generated sheets (A:D), as a co-author's report generation writes it.
    workbook.remoteEdit(REGISTRY_SHEET, 'A2:B2', [['TGBC 2019', 'reduction']]);
    await jest.advanceTimersByTimeAsync(1000);
    expect(onChange).not.toHaveBeenCalled();
    // Not vacuous: the local save did fire events, from Local.
    const id = workbook.sheet(REGISTRY_SHEET).id;
    expect(workbook.events.fired).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'Local', worksheetId: id, address: 'F1:G3' })]));

    await watch.stop();
  });

  it('stop() cancels a pending call, and nothing is called after (the handlers stay, doing nothing)', async () => {
    const { host: h } = host(workbook);
    await writeSettingsInExcel(h, MINE);
    const onChange = jest.fn();
    const watch = await watchSettings(h, onChange);
    expect(workbook.events.count()).toBe(2); // onChanged of the sheet, onAdded of the workbook

    coauthorSaves(workbook, THEIRS);
    await jest.advanceTimersByTimeAsync(100);
    await watch.stop();
    coauthorSaves(workbook, MINE);
    await jest.advanceTimersByTimeAsync(1000);
    expect(onChange).not.toHaveBeenCalled();
    await expect(watch.stop()).resolves.toBeUndefined();
  });

  it('sees the settings sheet appear: a co-author\'s first save is a change, this user\'s is not, and later edits are watched', async () => {
    const { host: h } = host(workbook);
    const onChange = jest.fn();
    const watch = await watchSettings(h, onChange);
    expect(workbook.events.count()).toBe(1); // no sheet yet: onAdded only

    workbook.remoteAddSheet(REGISTRY_SHEET, 'VeryHidden');
    coauthorSaves(workbook, THEIRS);
    await jest.advanceTimersByTimeAsync(300);
    expect(onChange).toHaveBeenCalledTimes(1);
    coauthorSaves(workbook, MINE);
    await jest.advanceTimersByTimeAsync(300);
    expect(onChange).toHaveBeenCalledTimes(2);
    await watch.stop();

    const fresh = await sampleInExcel(grids);
    const second = host(fresh).host;
    const onFresh = jest.fn();
    const freshWatch = await watchSettings(second, onFresh);
    await writeSettingsInExcel(second, MINE); // this user's first save makes the sheet
    await jest.advanceTimersByTimeAsync(300);
    expect(onFresh).not.toHaveBeenCalled();
    coauthorSaves(fresh, THEIRS);
    await jest.advanceTimersByTimeAsync(300);
    expect(onFresh).toHaveBeenCalledTimes(1);
    await freshWatch.stop();
    coauthorSaves(fresh, MINE);
    await jest.advanceTimersByTimeAsync(1000);
    expect(onFresh).toHaveBeenCalledTimes(1);
  });

  it('without ExcelApi 1.7 says what is skipped, registers nothing and does not throw', async () => {
    const { host: h } = host(workbook, { requirementSets: ['ExcelApi 1.6'] });
    await writeSettingsInExcel(h, MINE);
    const onChange = jest.fn();
    const watch = await watchSettings(h, onChange);
    expect(watch.skipped).toBe(WATCH_SKIPPED);
    expect(WATCH_SKIPPED).toMatch(/ExcelApi 1\.7.*Đọc lại sổ/);
    expect(workbook.events.count()).toBe(0);
    coauthorSaves(workbook, THEIRS);
    await jest.advanceTimersByTimeAsync(1000);
    expect(onChange).not.toHaveBeenCalled();
    await expect(watch.stop()).resolves.toBeUndefined();
  });

  it('turns a failed registration into a skipped note, not an error for the pane', async () => {
    const broken = { run: () => Promise.reject(new Error('GeneralException: mất kết nối')), isSetSupported: () => true };
    const watch = await watchSettings(broken, jest.fn());
    expect(watch.skipped).toMatch(/mất kết nối.*Đọc lại sổ/);
    await expect(watch.stop()).resolves.toBeUndefined();
  });
});
