import { VI_COUNT_FORMAT } from '../src/templates/numberFormats';
import type { Issue } from '../src/domain/issues';
import type { ReducedPerson, ReductionReport } from '../src/reports/reduction/figures';
import { CATEGORIES, FORMS } from '../src/reports/reduction/figures';
import { BLANK_ORG, documentFigures } from '../src/templates/document';
import { reductionFigures } from '../src/reports/reduction/template';
import type { TemplateSheet } from '../src/templates/parse';
import { lineHeight, planSheet, textLines, type PlanOptions } from '../src/templates/planner';

/**
 * The shortcuts planning takes on a long list answer as the long way does: the line
 * count of a text that fits, words found without splitting, row heights measured from the texts
 * as written, rows of a repeated instance looked up only when a formula or merge asks, the cross
 * table counted in one pass, people's lines written field by field and issues copied with
 * Object.assign rather than spread.
 */

const OPTIONS: PlanOptions = { sheetName: 'Thử', marker: { report: 'test', period: '', generatedAt: '' } };

/** textLines as first written: every text split into paragraphs and words. */
function referenceTextLines(text: string, width: number, fontSize = 12): number {
  const capacity = Math.max(1, (width * 0.92 * 12) / fontSize);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(' ')) {
      if (used > 0 && used + 1 + word.length <= capacity) {
        used += 1 + word.length;
        continue;
      }
      if (used > 0) lines++;
      const extra = Math.max(0, Math.ceil(word.length / capacity) - 1);
      lines += extra;
      used = word.length - extra * capacity;
    }
  }
  return lines;
}

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

describe('textLines', () => {
  const WORDS = ['', 'a', 'Đơn', 'vị', 'Người', 'hoạt', 'động', 'không', 'chuyên', 'trách', 'NĐ-108/2014/NĐ-CP', 'x'.repeat(13), 'y'.repeat(40)];
  const SEPARATORS = [' ', ' ', ' ', '  ', '\n', '\n\n', ' \n'];

  it('counts as the split into paragraphs and words does, on many generated texts', () => {
    const rnd = random(8);
    const differing: unknown[] = [];
    for (let i = 0; i < 20_000; i++) {
      let text = rnd() < 0.1 ? SEPARATORS[Math.floor(rnd() * SEPARATORS.length)] : '';
      const words = Math.floor(rnd() * 12);
      for (let w = 0; w < words; w++) text += (w ? SEPARATORS[Math.floor(rnd() * SEPARATORS.length)] : '') + WORDS[Math.floor(rnd() * WORDS.length)];
      if (rnd() < 0.1) text += SEPARATORS[Math.floor(rnd() * SEPARATORS.length)];
      const width = rnd() < 0.1 ? rnd() * 2 : 1 + rnd() * 40;
      const size = rnd() < 0.3 ? undefined : 8 + Math.floor(rnd() * 9);
      if (textLines(text, width, size) !== referenceTextLines(text, width, size)) differing.push({ text, width, size });
    }
    expect(differing).toEqual([]);
  });

  it('agrees at the edge of a line: a text as long as the line, one character more, with and without a line break', () => {
    for (const width of [1, 5, 8.43, 10, 12, 22, 27.5]) {
      for (const size of [undefined, 11, 12, 13, 14]) {
        const capacity = Math.max(1, (width * 0.92 * 12) / (size ?? 12));
        for (const length of [Math.floor(capacity) - 1, Math.floor(capacity), Math.ceil(capacity), Math.floor(capacity) + 1, 2 * Math.floor(capacity), 2 * Math.floor(capacity) + 1]) {
          if (length < 0) continue;
          const word = 'đ'.repeat(length);
          const words = Array.from({ length }, (_, i) => (i % 4 === 3 ? ' ' : 'a')).join('');
          for (const text of [word, words, `${word}\n`, `\n${word}`, `${words} `, ` ${words}`, word.slice(0, Math.max(0, length - 2)) + '\nb']) {
            expect([text, width, size, textLines(text, width, size)]).toEqual([text, width, size, referenceTextLines(text, width, size)]);
          }
        }
      }
    }
  });

  it('reads joined and sliced strings as flat ones', () => {
    const long = 'Thực hiện Nghị quyết số 39-NQ/TW ngày 17/4/2015 của Bộ Chính trị về tinh giản biên chế';
    const joined = long.slice(0, 30) + long.slice(30);
    const sliced = `xx${long}xx`.slice(2, -2);
    for (const text of [long, joined, sliced, `${joined}\n${sliced}`]) {
      for (const width of [5, 12, 30, 100]) expect(textLines(text, width)).toBe(referenceTextLines(text, width));
    }
  });
});

function sheet(rows: Array<Array<string | number | null>>, extra: Partial<TemplateSheet> = {}): TemplateSheet {
  return { name: 'Mẫu', cells: rows.map((row) => row.map((v) => (v === null ? undefined : typeof v === 'string' && v.startsWith('=') ? { formula: v, style: 0 } : { value: v, style: 0 }))), ...extra };
}

describe('planSheet', () => {
  const WRAP = [{ wrapText: true, font: { size: 12 } }];

  it('sizes a row by the texts as written: a figure, a tag left for a missing figure, text around figures, a literal', () => {
    const long = 'Người hoạt động không chuyên trách cấp xã, phường, thị trấn';
    const t = sheet([['{{#each people}}{{label}}', '{{missng}}', 'Đối tượng: {{label}}', 'Một ghi chú rất dài không có số liệu nào cả']], { styles: WRAP, columnWidths: [10, 6, 14, 12] });
    const { sheet: out } = planSheet(t, { people: [{ label: long }, { label: 'CC' }] }, OPTIONS);
    const expected = (texts: string[]) => Math.max(...texts.map((text, c) => textLines(text, [10, 6, 14, 12][c]) * lineHeight(12))) + 4;
    expect(out.rowHeights).toEqual([
      expected([long, '{{missng}}', `Đối tượng: ${long}`, 'Một ghi chú rất dài không có số liệu nào cả']),
      expected(['CC', '{{missng}}', 'Đối tượng: CC', 'Một ghi chú rất dài không có số liệu nào cả']),
    ]);
  });

  it('measures a text merged over columns by their width together, and not at all one merged over rows', () => {
    const long = 'Ủy ban nhân dân thành phố Móng Cái, tỉnh Quảng Ninh';
    const t = sheet([['{{title}}', null, null], ['{{title}}', null, null], [null, null, null]], { styles: WRAP, columnWidths: [10, 10, 10], merges: ['A1:C1', 'A2:A3'] });
    const { sheet: out } = planSheet(t, { title: long }, OPTIONS);
    expect(out.rowHeights).toEqual([textLines(long, 30) * lineHeight(12) + 4, undefined, undefined]);
  });

  it('re-points formulas and copies merges within their own repeated instance, however deep', () => {
    const t = sheet([
      ['{{#each units}}'],
      ['{{unit}}', '{{count}}'],
      ['{{#each people}}{{fullName}}', '=B2*2'],
      ['Cộng', '=SUM(B3:B3)'],
      ['{{/each}}'],
    ], { merges: ['A2:A4'] });
    const { sheet: out, issues } = planSheet(t, { units: [{ unit: 'A', count: 2, people: [{ fullName: 'a1' }, { fullName: 'a2' }] }, { unit: 'B', count: 1, people: [{ fullName: 'b1' }] }] }, OPTIONS);
    expect(issues).toEqual([]);
    expect(out.rows.map((r) => r.map((c) => c?.formula ?? c?.value ?? null))).toEqual([
      ['A', 2], ['a1', '=B1*2'], ['a2', '=B1*2'], ['Cộng', '=SUM(B2:B3)'],
      ['B', 1], ['b1', '=B5*2'], ['Cộng', '=SUM(B6:B6)'],
    ]);
    expect(out.merges).toEqual(['A1:A4', 'A5:A7']);
  });

  it('finds a key that holds nothing (an empty cell), and reports one that is not there, before a merge across a repeat', () => {
    const t = sheet([['Danh sách'], ['{{#each people}}{{fullName}}', '{{position}}', '{{postion}}']], { merges: ['A1:A2'] });
    const { sheet: out, issues } = planSheet(t, { people: [{ fullName: 'A', position: undefined }, { fullName: 'B', position: null }] }, OPTIONS);
    expect(out.rows[1][1]).toEqual({ style: 0 });
    expect(out.rows[2][1]).toEqual({ style: 0 });
    expect(out.rows[1][2]).toEqual({ style: 0, value: '{{postion}}' });
    expect(out.merges).toEqual([]);
    expect(issues.map((i) => `${i.code}@${i.cell}`)).toEqual(['template.unknownKey@C2', 'template.mergeAcrossRepeat@A1']);
  });

  it('keeps the order of a cell\'s keys: style, the template\'s number format, value, then a figure\'s own format', () => {
    const t: TemplateSheet = { name: 'Mẫu', cells: [[{ value: '{{n}}', style: 0 }, { value: '{{n}}', style: 0, numberFormat: '0.0' }, { value: '{{s}}', numberFormat: '@' }, { value: 'x', numberFormat: 'General', style: 1 }]] };
    const { sheet: out } = planSheet(t, { n: 5, s: 'a' }, OPTIONS);
    expect(out.rows[0].map((c) => Object.keys(c ?? {}))).toEqual([['style', 'value', 'numberFormat'], ['style', 'numberFormat', 'value'], ['numberFormat', 'value'], ['style', 'value']]);
    expect(out.rows[0][1]).toEqual({ style: 0, numberFormat: VI_COUNT_FORMAT, value: 5 });
    expect(out.rows[0][2]).toEqual({ numberFormat: '@', value: 'a' });
  });
});

function person(i: number, rnd: () => number): ReducedPerson {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  return {
    fullName: `Người ${i}`, birthDate: rnd() < 0.9 ? '1970-01-01' : undefined, sex: pick(['male', 'female', undefined] as const), unit: pick(['A', 'B']),
    position: undefined, category: pick([...CATEGORIES, undefined, undefined, 'khac' as never]), form: pick([...FORMS, 'khac' as never]),
    leftDate: '2019-06-30', basis: undefined, sheet: 'DS', row: i + 5,
  };
}

function report(people: ReducedPerson[], issues: Issue[] = []): ReductionReport {
  return {
    kind: 'reduction', period: { from: '2015-01-01', to: '2019-12-31' }, generatedAt: '2026-11-22T00:00:00Z', source: ['DS'], issues,
    reduced: { total: people.length, byCategory: {} as never, byForm: {} as never, byUnit: [], people },
    quota: { baselineYear: null, currentYear: null, baseline: 0, current: 0, change: 0, changeRate: null, byUnit: [], byBlock: [] },
  };
}

describe('reduction figures', () => {
  it('count the cross table as filtering the people by category and form does', () => {
    for (const seed of [1, 2, 3]) {
      const rnd = random(seed);
      const people = Array.from({ length: seed === 3 ? 40 : 2000 }, (_, i) => person(i, rnd)).filter((p) => seed !== 3 || p.category);
      const row = (category: string, label: unknown, list: ReducedPerson[]) => ({ category, label, total: list.length, ...Object.fromEntries(FORMS.map((f) => [f, list.filter((p) => p.form === f).length])) });
      const figures = reductionFigures(report(people), { org: BLANK_ORG, files: [] }) as { reduced: { byCategoryForm: unknown[] } };
      const labels = (figures.reduced.byCategoryForm as Array<{ label: unknown }>).map((r) => r.label);
      const expected = CATEGORIES.map((c, i) => row(c, labels[i], people.filter((p) => p.category === c)));
      const without = people.filter((p) => !p.category);
      if (without.length) expected.push(row('unspecified', 'Chưa ghi đối tượng', without));
      expect(figures.reduced.byCategoryForm).toEqual(expected);
    }
  });

  it('copy every field of a person and of an issue, with the labels the templates show', () => {
    const rnd = random(4);
    const people = Array.from({ length: 50 }, (_, i) => person(i, rnd));
    const issues: Issue[] = [{ sheet: 'DS', cell: 'A6', severity: 'warning', code: 'x', message: 'm' }, { sheet: 'DS', cell: 'B7', severity: 'error', code: 'y', message: 'n', hint: 'h', file: 'a.xlsx' }];
    const figures = reductionFigures(report(people, issues), { org: BLANK_ORG, files: [] }) as { reduced: { people: Array<Record<string, unknown>> } };
    figures.reduced.people.forEach((line, i) => {
      const p = people[i];
      expect(Object.keys(line)).toEqual([...Object.keys(p), 'birthDateMale', 'birthDateFemale', 'categoryLabel', 'formLabel']);
      expect(line).toMatchObject({ fullName: p.fullName, sheet: p.sheet, row: p.row, birthDateMale: p.sex === 'male' ? p.birthDate : undefined, birthDateFemale: p.sex === 'female' ? p.birthDate : undefined });
      expect(line).not.toBe(p);
    });
    const lines = documentFigures(report([], issues), { org: BLANK_ORG, files: [] }).issues;
    expect(lines).toEqual([{ ...issues[0], severityLabel: 'Cảnh báo', hint: '' }, { ...issues[1], severityLabel: 'Lỗi' }]);
    expect((lines as object[]).map((l) => Object.keys(l))).toEqual([['sheet', 'cell', 'severity', 'code', 'message', 'severityLabel', 'hint'], ['sheet', 'cell', 'severity', 'code', 'message', 'hint', 'file', 'severityLabel']]);
  });
});
