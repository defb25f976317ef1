import { partyQuarterly } from '../src/reports/partyQuarterly';
import { defaultPeriodInput, periodOf, targetOf, wholeOf, type PeriodInput } from '../src/taskpane/formValues';

/** The seed's upper bound, as the party report's parameter gives it. */
const MAX_SEED = (() => {
  const seed = partyQuarterly.params.find((p) => p.name === 'seed');
  return seed?.type === 'whole' ? seed.max : NaN;
})();

const base: PeriodInput = { kind: 'year', year: 2021, quarter: 1, half: 1, from: '', to: '' };

describe('task pane form values', () => {
  it('defaults to the last complete quarter', () => {
    expect(periodOf(defaultPeriodInput(new Date(2026, 10, 22)))).toEqual({ period: { from: '2026-07-01', to: '2026-09-30' } });
    expect(periodOf(defaultPeriodInput(new Date(2026, 1, 3)))).toEqual({ period: { from: '2025-10-01', to: '2025-12-31' } });
  });

  it('turns the period fields into a period, or names the field at fault', () => {
    expect(periodOf({ ...base, kind: 'quarter', quarter: 2 })).toEqual({ period: { from: '2021-04-01', to: '2021-06-30' } });
    expect(periodOf({ ...base, kind: 'half', half: 1 })).toEqual({ period: { from: '2021-01-01', to: '2021-06-30' } });
    expect(periodOf({ ...base, year: null })).toEqual({ problem: 'year' });
    expect(periodOf({ ...base, kind: 'custom', from: '2015-01-01', to: '2019-12-31' })).toEqual({ period: { from: '2015-01-01', to: '2019-12-31' } });
    expect(periodOf({ ...base, kind: 'custom', from: '2019-12-31', to: '2015-01-01' })).toEqual({ problem: 'order' });
    expect(periodOf({ ...base, kind: 'custom', from: '', to: '2015-01-01' })).toEqual({ problem: 'from' });
    expect(periodOf({ ...base, kind: 'custom', from: '2015-01-01', to: '2019-02-30' })).toEqual({ problem: 'to' });
  });

  it('reads the target as a percentage, Vietnamese decimal comma included', () => {
    expect(targetOf('10')).toEqual({ target: 0.1 });
    expect(targetOf('10,5 %')).toEqual({ target: 0.105 });
    expect(targetOf('  ')).toEqual({ target: undefined });
    expect(targetOf('100')).toEqual({ invalid: true });
    expect(targetOf('mười')).toEqual({ invalid: true });
  });

  it('reads the sample size and the seed as whole numbers; empty means the default', () => {
    expect(wholeOf('10', 0, 1000)).toEqual({ value: 10 });
    expect(wholeOf(' 0 ', 0, 1000)).toEqual({ value: 0 });
    expect(wholeOf('', 0, 1000)).toEqual({ value: undefined });
    expect(wholeOf('1001', 0, 1000)).toEqual({ invalid: true });
    expect(wholeOf('-1', 0, 1000)).toEqual({ invalid: true });
    expect(wholeOf('2,5', 0, 1000)).toEqual({ invalid: true });
    expect(wholeOf('20210630', 0, MAX_SEED)).toEqual({ value: 20210630 });
    expect(wholeOf(String(MAX_SEED + 1), 0, MAX_SEED)).toEqual({ invalid: true });
  });
});
