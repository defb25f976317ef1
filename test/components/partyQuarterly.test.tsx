/** @jest-environment jsdom */
import './setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SAMPLE_WORKBOOK } from '../../src/cli/main';
import type { SheetGrid } from '../../src/ingest/grid';
import { readXlsx } from '../../src/workbook/xlsx/readXlsx';
import type { FakeWorkbook } from '../fakes/excelFake';
import { host, sampleInExcel } from '../helpers/excelSample';
import { SLOW, choosePeriod, controlledHost, figure, generateAndWait, generateButton, isDisabled, listedSheets, num, renderPane, vi } from './pane';

/**
 * The party-building report (partyQuarterly) chosen in the task pane, over the strict Excel
 * fake with the sample: its own fields (spot check size and seed, no target), and its headline
 * figures for the first half of 2021 (237 admitted against a plan of 450, tasks 206/229).
 */

const TEST_TIMEOUT = 180_000;
const pct = (rate: number) => new Intl.NumberFormat(vi.intl, { style: 'percent', maximumFractionDigits: 2 }).format(rate);

let grids: SheetGrid[];
beforeAll(async () => {
  grids = await readXlsx(SAMPLE_WORKBOOK);
}, TEST_TIMEOUT);

async function sample(only?: (grid: SheetGrid) => boolean): Promise<{ workbook: FakeWorkbook; control: ReturnType<typeof controlledHost> }> {
  const workbook = await sampleInExcel(only ? grids.filter(only) : grids);
  return { workbook, control: controlledHost(host(workbook).host) };
}

const kindSelect = () => screen.getByLabelText(vi.reportKind) as HTMLSelectElement;
const chooseParty = () => fireEvent.change(kindSelect(), { target: { value: 'partyQuarterly' } });

describe('the party-building report in the task pane', () => {
  it('can be chosen, and asks for the spot check instead of a target', async () => {
    const { control } = await sample();
    await renderPane(control);
    const options = within(kindSelect()).getAllByRole('option') as HTMLOptionElement[];
    expect(options.map((o) => [o.textContent, o.disabled])).toEqual([
      [vi.reportKinds.reduction, false], [vi.reportKinds.merger, false], [vi.reportKinds.partyQuarterly, false], [vi.reportKinds.benefits, false],
    ]);
    expect(screen.getByLabelText(vi.target)).toBeTruthy();

    chooseParty();
    expect(kindSelect().value).toBe('partyQuarterly');
    expect(screen.getByRole('heading', { name: vi.subtitles.partyQuarterly })).toBeTruthy();
    expect(screen.queryByLabelText(vi.target)).toBeNull();
    expect((screen.getByLabelText(vi.sampleSize) as HTMLInputElement).value).toBe('10');
    expect((screen.getByLabelText(vi.seed) as HTMLInputElement).value).toBe('');
    expect(screen.getByText(vi.seedHint)).toBeTruthy();
    // The default period stays the last complete quarter.
    expect((screen.getByLabelText(vi.periodKind) as HTMLSelectElement).value).toBe('quarter');

    // A size that is no whole number blocks Generate, and says why.
    fireEvent.change(screen.getByLabelText(vi.sampleSize), { target: { value: 'mười' } });
    expect(screen.getByText(vi.sampleSizeInvalid)).toBeTruthy();
    expect(isDisabled(generateButton())).toBe(true);
    fireEvent.change(screen.getByLabelText(vi.sampleSize), { target: { value: '10' } });
    fireEvent.change(screen.getByLabelText(vi.seed), { target: { value: '-3' } });
    expect(screen.getByText(vi.seedInvalid)).toBeTruthy();
    expect(isDisabled(generateButton())).toBe(true);
    fireEvent.change(screen.getByLabelText(vi.seed), { target: { value: '' } });
    expect(isDisabled(generateButton())).toBe(false);
  }, TEST_TIMEOUT);

  it('warns when the workbook has no party member list, not when it has no staff list', async () => {
    const { control } = await sample((g) => g.name === 'Bien che');
    await renderPane(control);
    expect(await screen.findByText(vi.noStaffSheet, {}, SLOW)).toBeTruthy();
    chooseParty();
    expect(screen.getByText(vi.noMembersSheet)).toBeTruthy();
    expect(screen.queryByText(vi.noStaffSheet)).toBeNull();
  }, TEST_TIMEOUT);

  it('done: the headline figures of the first half of 2021, the seed used, and the sheets written', async () => {
    const { workbook, control } = await sample();
    const before = workbook.sheetNames;
    await renderPane(control);
    chooseParty();
    choosePeriod('2021-01-01', '2021-06-30');
    const result = await generateAndWait();

    const t = vi.party;
    expect(figure(result, t.members)).toBe(`${num(2667)} → ${num(2877)}+${num(210)}`);
    expect(figure(result, t.admitted)).toBe(num(237));
    expect(figure(result, t.admittedYtd)).toBe(`${num(237)}${t.planRate(pct(237 / 450), num(450))}`);
    expect(figure(result, t.tasks(2021))).toBe(t.tasksValue(num(206), num(229), pct(206 / 229)));
    expect(figure(result, t.overdue)).toBe(t.memberCount(num(7)));
    expect(figure(result, t.badges('02/09/2021'))).toBe(t.memberCount(num(32)));
    expect(figure(result, t.seed)).toBe('20210630');
    expect(within(result).getByText(t.seedNote(num(10)))).toBeTruthy();

    const written = workbook.sheetNames.filter((n) => !before.includes(n) && workbook.sheet(n).visibility !== 'VeryHidden');
    expect(written.slice(0, 4)).toEqual(['Chỉ tiêu XDĐ 2021-H1', 'PL Dự bị 2021-H1', 'PL Huy hiệu 2021-H1', 'PL Kiểm tra NV 2021-H1']);
    expect(listedSheets(result)).toEqual(written);
    expect(workbook.charts.map((c) => c.sheet)).toEqual(['Chỉ tiêu XDĐ 2021-H1', 'Chỉ tiêu XDĐ 2021-H1']);
    expect(screen.queryByRole('alert')).toBeNull();
  }, TEST_TIMEOUT);

  it('redraws with the seed and size typed in, and shows that seed', async () => {
    const { workbook, control } = await sample();
    await renderPane(control);
    chooseParty();
    choosePeriod('2021-01-01', '2021-06-30');
    fireEvent.change(screen.getByLabelText(vi.sampleSize), { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText(vi.seed), { target: { value: '42' } });
    const result = await generateAndWait();
    expect(figure(result, vi.party.seed)).toBe('42');
    expect(within(result).getByText(vi.party.seedNote(num(5)))).toBeTruthy();
    // The appendix lists the five tasks drawn, under that seed.
    await waitFor(() => expect([...workbook.sheet('PL Kiểm tra NV 2021-H1').cells.values()].some((c) => String(c.value).includes('hạt giống 42'))).toBe(true));
  }, TEST_TIMEOUT);
});
