import { parseTemplate, type EachNode, type TemplateCellInput, type TemplateSheet } from '../src/templates/parse';

/** Template rows written as plain values; strings starting with "=" are formulas. */
function sheet(rows: Array<Array<string | number | null>>): TemplateSheet {
  return {
    name: 'Mẫu',
    cells: rows.map((row) => row.map((v): TemplateCellInput | undefined => (v === null ? undefined : typeof v === 'string' && v.startsWith('=') ? { formula: v } : { value: v }))),
  };
}

describe('template parser', () => {
  it('finds keys inside text, @index, and leaves formulas alone', () => {
    const t = parseTemplate(sheet([
      ['BÁO CÁO', 'Tổng số: {{reduced.total}} người, từ {{period.from}} đến {{period.to}}'],
      ['STT', '=SUM(D8:D8)', 'Không có thẻ'],
    ]));
    expect(t.issues).toEqual([]);
    expect(t.nodes).toEqual([{ kind: 'row', row: 0 }, { kind: 'row', row: 1 }]);
    expect(t.placeholders).toEqual([{
      row: 0, col: 1, parts: [
        { kind: 'text', text: 'Tổng số: ' }, { kind: 'key', path: 'reduced.total', cell: 'B1' }, { kind: 'text', text: ' người, từ ' },
        { kind: 'key', path: 'period.from', cell: 'B1' }, { kind: 'text', text: ' đến ' }, { kind: 'key', path: 'period.to', cell: 'B1' },
      ],
    }]);
  });

  it('reads an inline each: the row whose first cell starts with {{#each}} repeats', () => {
    const t = parseTemplate(sheet([
      ['STT', 'Đơn vị', 'Tổng'],
      ['{{#each reduced.byUnit}}{{@index}}', '{{unit}}', '{{total}}'],
      ['Cộng', null, '=SUM(C2:C2)'],
    ]));
    expect(t.issues).toEqual([]);
    expect(t.nodes[1]).toEqual({ kind: 'each', path: 'reduced.byUnit', form: 'inline', firstRow: 1, lastRow: 1, children: [{ kind: 'row', row: 1 }], cell: 'A2' });
    expect(t.placeholders.map((p) => [p.row, p.col, p.parts.map((x) => (x.kind === 'key' ? x.path : x.kind))])).toEqual([
      [1, 0, ['index']], [1, 1, ['unit']], [1, 2, ['total']],
    ]);
  });

  it('nests blocks of rows: unit → people', () => {
    const t = parseTemplate(sheet([
      ['{{#each units}}'],
      ['{{unit}}', null, 'Số người: {{count}}'],
      ['{{#each people}}{{@index}}', '{{fullName}}', '{{position}}'],
      ['{{/each}}'],
      ['Người lập biểu'],
    ]));
    expect(t.issues).toEqual([]);
    const block = t.nodes[0] as EachNode;
    expect(block).toMatchObject({ kind: 'each', path: 'units', form: 'block', firstRow: 0, lastRow: 3 });
    expect(block.children).toEqual([{ kind: 'row', row: 1 }, expect.objectContaining({ kind: 'each', path: 'people', form: 'inline', firstRow: 2, lastRow: 2 })]);
    expect(t.nodes[1]).toEqual({ kind: 'row', row: 4 });
  });

  it('gives each template error its own issue at its cell', () => {
    const unterminated = parseTemplate(sheet([['{{#each units}}'], ['{{unit}}']]));
    expect(unterminated.issues).toEqual([expect.objectContaining({ code: 'template.unterminatedEach', cell: 'A1', severity: 'error' })]);

    const misplaced = parseTemplate(sheet([['STT', '{{#each people}}{{fullName}}']]));
    expect(misplaced.issues).toEqual([expect.objectContaining({ code: 'template.eachPlacement', cell: 'B1' })]);

    // A nested list opened inside a repeated row's other cells: nesting needs a block of rows.
    // (The {{/each}} ending an inline row is allowed, for symmetry.)
    const nestedInRow = parseTemplate(sheet([['{{#each units}}{{unit}}', '{{#each people}}{{fullName}}', '{{/each}}']]));
    expect(nestedInRow.issues.map((i) => `${i.code}@${i.cell}`)).toEqual(['template.eachPlacement@B1']);

    const unmatched = parseTemplate(sheet([['{{unit}}'], ['{{/each}}']]));
    expect(unmatched.issues).toEqual([expect.objectContaining({ code: 'template.unmatchedEnd', cell: 'A2' })]);

    const badTag = parseTemplate(sheet([['{{so nguoi}}', '{{reduced.total']]));
    expect(badTag.issues.map((i) => `${i.code}@${i.cell}`)).toEqual(['template.badTag@A1', 'template.unclosedTag@B1']);
    for (const i of [...unterminated.issues, ...misplaced.issues, ...nestedInRow.issues, ...unmatched.issues, ...badTag.issues]) {
      expect(i.sheet).toBe('Mẫu');
      expect(i.hint).toBeTruthy();
    }
  });
});
