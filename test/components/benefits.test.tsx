/** @jest-environment jsdom */
import './setup';
import { fireEvent, screen } from '@testing-library/react';
import { SAMPLE_WORKBOOK } from '../../src/cli/main';
import type { SheetGrid } from '../../src/ingest/grid';
import { readXlsx } from '../../src/workbook/xlsx/readXlsx';
import { host, sampleInExcel } from '../helpers/excelSample';
import { buildSample } from '../tools/generateSample';
import { SLOW, choosePeriod, controlledHost, figure, generateAndWait, generateButton, isDisabled, listedSheets, num, renderPane, vi } from './pane';

/**
 * The benefits report chosen in the task pane over the strict Excel fake with the sample: its two
 * optional fields (the decision's day, the base salary) checked as typed, and the headline figures
 * of 2025 against the cases the sample's generator worked out by hand.
 */

const TEST_TIMEOUT = 180_000;
let grids: SheetGrid[];
beforeAll(async () => {
  grids = await readXlsx(SAMPLE_WORKBOOK);
}, TEST_TIMEOUT);

const chooseBenefits = () => fireEvent.change(screen.getByLabelText(vi.reportKind), { target: { value: 'benefits' } });
const t = vi.benefits;

describe('the benefits report in the task pane', () => {
  it('asks for the period, the decision\'s day and the base salary, and refuses a base salary that is no whole number of đồng', async () => {
    const workbook = await sampleInExcel(grids.filter((g) => g.name === 'Bien che'));
    await renderPane(controlledHost(host(workbook).host));
    chooseBenefits();
    expect(screen.getByRole('heading', { name: vi.subtitles.benefits })).toBeTruthy();
    expect(screen.getByLabelText(vi.periodKind)).toBeTruthy();
    expect(screen.getByLabelText(t.decisionDate)).toBeTruthy();
    expect(await screen.findByText(t.noStaffSheet, {}, SLOW)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(t.baseSalary), { target: { value: '2,34' } });
    expect(screen.getByText(t.baseSalaryInvalid)).toBeTruthy();
    expect(isDisabled(generateButton())).toBe(true);
  }, TEST_TIMEOUT);

  it('done: the people leaving in 2025 and what they are owed, by form, the audit, and the sheets written', async () => {
    const truth = buildSample().figures.benefits;
    const workbook = await sampleInExcel(grids);
    const before = workbook.sheetNames;
    await renderPane(controlledHost(host(workbook).host));
    chooseBenefits();
    choosePeriod(truth.period.from, truth.period.to);
    const result = await generateAndWait();
    expect(figure(result, t.people)).toBe(t.persons(num(truth.count)));
    expect(figure(result, t.money)).toBe(t.dong(num(truth.total)));
    expect(figure(result, t.early)).toBe(`${t.persons(num(truth.byForm.earlyRetirement.count))}${t.dong(num(truth.byForm.earlyRetirement.total))}`);
    expect(figure(result, t.audit)).toBe(num(1));
    const written = workbook.sheetNames.filter((n) => !before.includes(n) && workbook.sheet(n).visibility !== 'VeryHidden');
    expect(written.slice(0, 5)).toEqual(['CĐCS 2025', 'Phụ lục nghỉ hưu 2025', 'Phụ lục thôi việc 2025', 'Phụ lục đối chiếu 2025', 'Phụ lục đến tuổi hưu 2025']);
    expect(listedSheets(result)).toEqual(written);
  }, TEST_TIMEOUT);
});
