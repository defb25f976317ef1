import { addMonths } from '../src/domain/calendar';
import { ageOn, awardDaysAround, badgeJoinWindows, badgesDue, excellentWithinCap, isLargeCell, isProbationaryOn, lacksOfficialMembers, partyAge, partyAnniversary, probationEnd } from '../src/domain/partyRules';
import { seededSample } from '../src/domain/sampling';

describe('probation (Điều lệ Đảng, Điều 5.1)', () => {
  it('ends 12 months after the admission', () => {
    expect(probationEnd('2020-06-15')).toBe('2021-06-15');
    expect(probationEnd('2020-12-31')).toBe('2021-12-31');
  });
  it('admitted on 29 February: the probation ends on 28 February of the next year, as EDATE counts', () => {
    expect(probationEnd('2020-02-29')).toBe('2021-02-28');
    expect(addMonths('2019-02-28', 12)).toBe('2020-02-28');
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
  });
  it('a member is probationary until the day of the official recognition', () => {
    const m = { joinDate: '2020-03-01', officialDate: '2021-03-05' };
    expect(isProbationaryOn(m, '2020-02-29')).toBe(false);
    expect(isProbationaryOn(m, '2021-03-04')).toBe(true);
    expect(isProbationaryOn(m, '2021-03-05')).toBe(false);
    expect(isProbationaryOn({ joinDate: '2020-03-01' }, '2030-01-01')).toBe(true);
  });
});

describe('party age and badges (Điều lệ Đảng 5.4, Hướng dẫn 06-HD/TW)', () => {
  it('counts whole years from the admission, less the months outside the Party', () => {
    expect(partyAge('1991-05-19', '2021-05-18')).toBe(29);
    expect(partyAge('1991-05-19', '2021-05-19')).toBe(30);
    expect(partyAge('1991-05-19', '2021-05-19', 7)).toBe(29);
    expect(partyAnniversary('1991-05-19', 30, 7)).toBe('2021-12-19');
  });
  it('admitted on 29 February: the anniversary in a common year is 28 February', () => {
    expect(partyAnniversary('1976-02-29', 45)).toBe('2021-02-28');
    expect(partyAnniversary('1976-02-29', 44)).toBe('2020-02-29');
    expect(ageOn('2000-02-29', '2021-02-28')).toBe(20);
    expect(ageOn('2000-02-29', '2021-03-01')).toBe(21);
  });
  it('award days: the last on or before the day, the first after it', () => {
    expect(awardDaysAround('2021-06-30')).toEqual({ previous: '2021-05-19', next: '2021-09-02' });
    expect(awardDaysAround('2021-09-02')).toEqual({ previous: '2021-09-02', next: '2021-11-07' });
    expect(awardDaysAround('2021-01-10')).toEqual({ previous: '2020-11-07', next: '2021-02-03' });
    expect(awardDaysAround('2021-12-31')).toEqual({ previous: '2021-11-07', next: '2022-02-03' });
  });
  it('an anniversary on the award day itself belongs to that day; one on the previous award day does not', () => {
    const window = awardDaysAround('2021-06-30');
    expect(badgesDue({ joinDate: '1991-09-02', badgeYears: [] }, window)).toEqual([30]);
    expect(badgesDue({ joinDate: '1991-05-19', badgeYears: [] }, window)).toEqual([]);
    expect(badgesDue({ joinDate: '1991-05-20', badgeYears: [] }, window)).toEqual([30]);
    expect(badgesDue({ joinDate: '1991-09-03', badgeYears: [] }, window)).toEqual([]);
  });
  it('a 29 February admission reaches its badge on 28 February of a common year, in the batch after 3 February', () => {
    // 45 years from 29/02/1976 is 28/02/2021: after the award day of 3/2/2021, so in the batch of 19/5/2021.
    expect(badgesDue({ joinDate: '1976-02-29', badgeYears: [] }, awardDaysAround('2021-01-31'))).toEqual([]);
    expect(badgesDue({ joinDate: '1976-02-29', badgeYears: [] }, awardDaysAround('2021-03-31'))).toEqual([45]);
  });
  it('leaves out a badge already recorded, or a higher one, and only counts milestones', () => {
    const window = awardDaysAround('2021-06-30');
    expect(badgesDue({ joinDate: '1976-08-01', badgeYears: [45] }, window)).toEqual([]);
    expect(badgesDue({ joinDate: '1976-08-01', badgeYears: [30, 40] }, window)).toEqual([45]);
    expect(badgesDue({ joinDate: '1986-08-01', badgeYears: [] }, window)).toEqual([]); // 35 years: no badge
  });
  it('months outside the Party move the anniversary out of the window', () => {
    const window = awardDaysAround('2021-06-30');
    expect(badgesDue({ joinDate: '1991-08-01', badgeYears: [] }, window)).toEqual([30]);
    expect(badgesDue({ joinDate: '1991-08-01', monthsOutside: 2, badgeYears: [] }, window)).toEqual([]);
    expect(badgesDue({ joinDate: '1991-06-01', monthsOutside: 2, badgeYears: [] }, window)).toEqual([30]);
  });
});

describe('organisation rules', () => {
  it('a cell needs at least 3 official members (Điều 21.2)', () => {
    expect(lacksOfficialMembers(2)).toBe(true);
    expect(lacksOfficialMembers(3)).toBe(false);
  });
  it('a cell of 30 or more members is large', () => {
    expect(isLargeCell(29)).toBe(false);
    expect(isLargeCell(30)).toBe(true);
  });
  it('"excellent" may not exceed 20% of those rated good (QĐ 366-QĐ/TW)', () => {
    expect(excellentWithinCap({ excellent: 4, good: 20, completed: 0, failed: 0 })).toBe(true);
    expect(excellentWithinCap({ excellent: 5, good: 24, completed: 0, failed: 0 })).toBe(false);
    expect(excellentWithinCap({ excellent: 0, good: 0, completed: 3, failed: 0 })).toBe(true);
  });
});

describe('seeded audit sample', () => {
  const items = Array.from({ length: 229 }, (_v, i) => i);
  it('draws the same items for the same seed, in their original order, without repeats', () => {
    const a = seededSample(items, 12, 20210630);
    expect(seededSample(items, 12, 20210630)).toEqual(a);
    expect(new Set(a).size).toBe(12);
    expect([...a].sort((x, y) => x - y)).toEqual(a);
    expect(seededSample(items, 12, 7)).not.toEqual(a);
  });
  it('never draws more than there are', () => {
    expect(seededSample([1, 2, 3], 10, 1)).toEqual([1, 2, 3]);
    expect(seededSample(items, 0, 1)).toEqual([]);
  });
});

describe('badge join windows (the fast path of a large register)', () => {
  it('agree with the anniversary rule for every admission day of the years that matter, 29 February included', () => {
    for (const to of ['2021-06-30', '2021-01-31', '2021-12-31', '2024-02-29']) {
      const window = awardDaysAround(to);
      const windows = badgeJoinWindows(window);
      for (let day = Date.UTC(1925, 0, 1); day <= Date.UTC(1996, 11, 31); day += 86_400_000) {
        const join = new Date(day).toISOString().slice(0, 10);
        const fast = windows.some((w) => join > w.after && join <= w.upTo);
        expect([join, fast]).toEqual([join, badgesDue({ joinDate: join, badgeYears: [] }, window).length > 0]);
      }
    }
  });
});
