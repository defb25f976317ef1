/** @jest-environment jsdom */
import './setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SAMPLE_WORKBOOK } from '../../src/cli/main';
import type { SheetGrid } from '../../src/ingest/grid';
import { readXlsx } from '../../src/workbook/xlsx/readXlsx';
import { FakeWorkbook } from '../fakes/excelFake';
import { host, sampleInExcel } from '../helpers/excelSample';
import {
  SLOW, cancelButton, choosePeriod, controlledHost, figure, generateAndWait, generateButton, isDisabled, listedSheets, num, renderPane, vi,
} from './pane';

/**
 * Each state of the task pane as the user sees it, with the real App over the strict Excel
 * fake. The sample's period is 2015–2019 (264 people streamlined, an error at DS CBCCVC!L656).
 */

const TEST_TIMEOUT = 180_000;
const SAMPLE_FROM = '2015-01-01';
const SAMPLE_TO = '2019-12-31';

let grids: SheetGrid[];
beforeAll(async () => {
  grids = await readXlsx(SAMPLE_WORKBOOK);
}, TEST_TIMEOUT);

/** The sheets a user sees in the workbook (tochuc's registry is very hidden). */
const names = (workbook: FakeWorkbook) => workbook.sheets.filter((s) => s.visibility !== 'VeryHidden').map((s) => s.name);

/** The sample workbook (or some of its sheets) in a fresh fake Excel, behind a controllable host. */
async function sample(only?: (grid: SheetGrid) => boolean) {
  const workbook = await sampleInExcel(only ? grids.filter(only) : grids);
  return { workbook, control: controlledHost(host(workbook).host) };
}

function emptyWorkbook() {
  const workbook = new FakeWorkbook();
  workbook.addSheet('Sheet1');
  return { workbook, control: controlledHost(host(workbook).host) };
}

const openTab = (name: string) => fireEvent.click(screen.getByRole('tab', { name }));

describe('the task pane, state by state', () => {
  it('outside Excel: says to open it in Excel, and Generate is disabled', async () => {
    await renderPane(undefined);
    expect(screen.getByText(vi.notInExcelTitle)).toBeTruthy();
    expect(screen.getByText(vi.notInExcel)).toBeTruthy();
    expect(isDisabled(generateButton())).toBe(true);
    expect(cancelButton()).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  describe('an empty workbook', () => {
    it('on open, the Data tab says the workbook has no sheet with data', async () => {
      const { control } = emptyWorkbook();
      await renderPane(control);
      openTab(vi.tabs.data);
      expect(await screen.findByText(vi.emptyWorkbook, {}, SLOW)).toBeTruthy();
      expect(screen.queryByText(vi.scanFailed)).toBeNull();
    }, TEST_TIMEOUT);

    it('generating completes with a report of 0 people and lists the sheets it wrote', async () => {
      const { workbook, control } = emptyWorkbook();
      await renderPane(control);
      expect(screen.queryByText(vi.notInExcelTitle)).toBeNull();
      const before = names(workbook);
      const result = await generateAndWait();
      expect(figure(result, vi.reduced)).toBe(vi.people(num(0)));
      const written = names(workbook).filter((n) => !before.includes(n));
      expect(written.length).toBeGreaterThan(0);
      expect(listedSheets(result)).toEqual(written);
      expect(screen.queryByRole('alert')).toBeNull();
      expect(isDisabled(generateButton())).toBe(false);
    }, TEST_TIMEOUT);
  });

  describe('no staff sheet found (only the units and quotas sheet)', () => {
    it('on open, the Report tab warns that there is no staff list, and the Data tab shows the units sheet', async () => {
      const { workbook, control } = await sample((g) => g.name === 'Bien che');
      expect(names(workbook)).toEqual(['Bien che']);
      await renderPane(control);
      expect(await screen.findByText(vi.noStaffSheet, {}, SLOW)).toBeTruthy();
      openTab(vi.tabs.data);
      expect(await screen.findByText(vi.kindLabels.units, {}, SLOW)).toBeTruthy();
      expect(screen.getByText('Bien che')).toBeTruthy();
      expect(screen.getByText(vi.noStaffSheet)).toBeTruthy();
      expect(screen.queryByText(vi.kindLabels.staff)).toBeNull();
      expect(screen.queryByText(vi.emptyWorkbook)).toBeNull();
    }, TEST_TIMEOUT);

    it('generating still completes, with 0 people, from the quotas alone', async () => {
      const { workbook, control } = await sample((g) => g.name === 'Bien che');
      await renderPane(control);
      choosePeriod(SAMPLE_FROM, SAMPLE_TO);
      const result = await generateAndWait();
      expect(figure(result, vi.reduced)).toBe(vi.people(num(0)));
      expect(listedSheets(result)).toEqual(names(workbook).slice(1));
      expect(screen.queryByRole('alert')).toBeNull();
    }, TEST_TIMEOUT);
  });

  it('errors present: counts them, lists them first, and a click on the L656 error selects its cell', async () => {
    const { workbook, control } = await sample();
    await renderPane(control);
    choosePeriod(SAMPLE_FROM, SAMPLE_TO);
    await generateAndWait();

    const issues = screen.getByRole('region', { name: vi.issues });
    // The badge "N lỗi", whatever N is, as strings.severityCount words it.
    const [badge] = within(issues).getAllByText((text) => {
      const n = Number(/\d+/.exec(text)?.[0] ?? 0);
      return n > 0 && text === vi.severityCount(n, 'error');
    });
    const errors = Number(/\d+/.exec(badge.textContent ?? '')?.[0]);
    const rows = within(issues).getAllByRole('listitem');
    const severityOf = (row: HTMLElement) => [vi.severity.error, vi.severity.warning, vi.severity.info].find((s) => within(row).queryByText(s));
    // Errors first, as many rows as the badge says.
    expect(rows.slice(0, errors).map(severityOf)).toEqual(Array(errors).fill(vi.severity.error));
    expect(rows.slice(errors).map(severityOf)).not.toContain(vi.severity.error);

    const l656 = within(issues).getByRole('button', { name: /DS CBCCVC!L656(?!\d)/ });
    expect(within(l656).getByText(vi.severity.error)).toBeTruthy();
    const runs = control.runs;
    fireEvent.click(l656);
    await waitFor(() => expect(workbook.selectedAddress).toBe('DS CBCCVC!L656'), SLOW);
    expect(control.runs).toBe(runs + 1);
    expect(screen.queryByRole('alert')).toBeNull();
  }, TEST_TIMEOUT);

  it('generating: a progress bar, the form and Generate disabled, Hủy enabled', async () => {
    const { control } = await sample();
    await renderPane(control);
    choosePeriod(SAMPLE_FROM, SAMPLE_TO);
    control.hold();
    fireEvent.click(generateButton());
    await waitFor(() => expect(control.waiting).toBe(1), SLOW);

    // The bar is named by its step.
    const status = screen.getByRole('status');
    expect(within(status).getByRole('progressbar', { name: vi.steps.read })).toBeTruthy();
    expect(isDisabled(generateButton())).toBe(true);
    expect(isDisabled(cancelButton() as HTMLElement)).toBe(false);
    expect(isDisabled(screen.getByLabelText(vi.periodKind))).toBe(true);
    expect(isDisabled(screen.getByLabelText(vi.target))).toBe(true);
    expect(screen.queryByRole('region', { name: vi.resultTitle })).toBeNull();

    control.release();
    await screen.findByRole('region', { name: vi.resultTitle }, SLOW);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(cancelButton()).toBeNull();
    expect(isDisabled(generateButton())).toBe(false);
  }, TEST_TIMEOUT);

  it('generating, while writing: Hủy still works; it stops before the next batch, says "Đã hủy." and leaves no sheet', async () => {
    const { workbook, control } = await sample();
    const before = names(workbook);
    await renderPane(control);
    choosePeriod(SAMPLE_FROM, SAMPLE_TO);
    control.hold();
    fireEvent.click(generateButton());
    // One Excel.run at a time until the pane is at its writing step.
    for (let i = 0; !screen.queryByText(vi.steps.write); i++) {
      if (i > 20) throw new Error('the pane never reached its writing step');
      await waitFor(() => expect(control.waiting > 0 || screen.queryByText(vi.steps.write) !== null).toBe(true), SLOW);
      if (!screen.queryByText(vi.steps.write)) control.releaseOne();
    }
    await waitFor(() => expect(control.waiting).toBeGreaterThan(0), SLOW);

    expect(within(screen.getByRole('status')).getByRole('progressbar', { name: vi.steps.write })).toBeTruthy();
    expect(screen.getByText(vi.cancelWriteHint)).toBeTruthy();
    expect(isDisabled(cancelButton() as HTMLElement)).toBe(false);
    expect(isDisabled(generateButton())).toBe(true);

    fireEvent.click(cancelButton() as HTMLElement);
    expect(await screen.findByText(vi.cancelling, {}, SLOW)).toBeTruthy();
    expect(isDisabled(cancelButton() as HTMLElement)).toBe(true);
    control.release();
    expect(await screen.findByText(vi.cancelled, {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('region', { name: vi.resultTitle })).toBeNull();
    expect(isDisabled(generateButton())).toBe(false);
    expect(names(workbook)).toEqual(before);
  }, TEST_TIMEOUT);

  it('done: the headline figure, 264 people, and the sheets written', async () => {
    const { workbook, control } = await sample();
    const before = names(workbook);
    await renderPane(control);
    choosePeriod(SAMPLE_FROM, SAMPLE_TO);
    const result = await generateAndWait();

    expect(within(result).getByRole('heading', { name: vi.resultTitle })).toBeTruthy();
    expect(figure(result, vi.reduced)).toBe(vi.people(num(264)));
    const written = names(workbook).filter((n) => !before.includes(n));
    expect(written).toHaveLength(3);
    expect(listedSheets(result)).toEqual(written);
    expect(written.every((n) => n.includes('2015-2019'))).toBe(true);
    expect(screen.getByRole('region', { name: vi.issues })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(isDisabled(generateButton())).toBe(false);
  }, TEST_TIMEOUT);

  it('failed: Excel rejects, an error alert with the message, and Generate can be used again', async () => {
    const { control } = emptyWorkbook();
    await renderPane(control);
    control.failWith(new Error('Lỗi giả lập'));
    fireEvent.click(generateButton());

    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(within(alert).getByText(vi.errorTitle)).toBeTruthy();
    expect(within(alert).getByText('Lỗi giả lập')).toBeTruthy();
    expect(isDisabled(generateButton())).toBe(false);
    expect(cancelButton()).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByRole('region', { name: vi.resultTitle })).toBeNull();

    // Once Excel works again, a second try builds the report and the alert goes.
    control.failWith(undefined);
    await generateAndWait();
    expect(screen.queryByRole('alert')).toBeNull();
  }, TEST_TIMEOUT);

  it('cancelled: Hủy while reading says "Đã hủy.", with no error and nothing written', async () => {
    const { workbook, control } = await sample();
    const before = names(workbook);
    await renderPane(control);
    choosePeriod(SAMPLE_FROM, SAMPLE_TO);
    control.hold();
    fireEvent.click(generateButton());
    await waitFor(() => expect(control.waiting).toBe(1), SLOW);
    expect(screen.getByText(vi.steps.read)).toBeTruthy();

    fireEvent.click(cancelButton() as HTMLElement);
    control.release();
    expect(await screen.findByText(vi.cancelled, {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(cancelButton()).toBeNull();
    expect(isDisabled(generateButton())).toBe(false);
    expect(screen.queryByRole('region', { name: vi.resultTitle })).toBeNull();
    expect(names(workbook)).toEqual(before);
  }, TEST_TIMEOUT);
});
