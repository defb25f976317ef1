/** @jest-environment jsdom */
import './setup';
import { fireEvent, screen } from '@testing-library/react';
import { SAMPLE_WORKBOOK } from '../../src/cli/main';
import type { SheetGrid } from '../../src/ingest/grid';
import { readXlsx } from '../../src/workbook/xlsx/readXlsx';
import { host, sampleInExcel } from '../helpers/excelSample';
import { SLOW, controlledHost, figure, generateAndWait, listedSheets, num, renderPane, vi } from './pane';

/**
 * The merger report chosen in the task pane over the strict Excel fake with the sample: a
 * structure day instead of a period, and the headline figures (42 units → 35, 3 merged units).
 */

const TEST_TIMEOUT = 180_000;
let grids: SheetGrid[];
beforeAll(async () => {
  grids = await readXlsx(SAMPLE_WORKBOOK);
}, TEST_TIMEOUT);

const chooseMerger = () => fireEvent.change(screen.getByLabelText(vi.reportKind), { target: { value: 'merger' } });

describe('the merger report in the task pane', () => {
  it('asks for the structure day instead of a period, and warns without a plan', async () => {
    const workbook = await sampleInExcel(grids.filter((g) => g.name === 'DS CBCCVC'));
    await renderPane(controlledHost(host(workbook).host));
    chooseMerger();
    expect(screen.getByRole('heading', { name: vi.subtitles.merger })).toBeTruthy();
    expect(screen.queryByLabelText(vi.periodKind)).toBeNull();
    expect(screen.getByLabelText(vi.structureDate)).toBeTruthy();
    expect(await screen.findByText(vi.noPlanSheet, {}, SLOW)).toBeTruthy();
  }, TEST_TIMEOUT);

  it('done: units before and after, the merged units and the surplus, the sheets written', async () => {
    const workbook = await sampleInExcel(grids);
    const before = workbook.sheetNames;
    await renderPane(controlledHost(host(workbook).host));
    chooseMerger();
    const result = await generateAndWait();
    const t = vi.merger;
    expect(figure(result, t.units)).toBe(`${num(42)} → ${num(35)}${t.reduced(num(7))}`);
    expect(figure(result, t.groups)).toBe(num(3));
    expect(figure(result, t.surplus)).toBe(`${num(2)} / ${num(3)}`);
    expect(result.textContent).toContain(t.structureLine('01/10/2021'));
    const written = workbook.sheetNames.filter((n) => !before.includes(n) && workbook.sheet(n).visibility !== 'VeryHidden');
    expect(written.slice(0, 2)).toEqual(['Sắp xếp 01.10.2021', 'Sơ đồ tổ chức 01.10.2021']);
    expect(listedSheets(result)).toEqual(written);
  }, TEST_TIMEOUT);
});
