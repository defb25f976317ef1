import { repointFormula } from '../src/templates/formulas';

// Template rows 0–6 stay; row 7 (D8) repeats as output rows 7–26; row 8 is a removed marker row;
// rows from 9 on move down by 19.
const rowsOf = (t: number): number[] => (t < 7 ? [t] : t === 7 ? Array.from({ length: 20 }, (_, i) => 7 + i) : t === 8 ? [] : [t + 19]);

describe('formula re-pointing', () => {
  it('widens a range over a repeated row to all its rows: =SUM(D8:D8) → =SUM(D8:D27)', () => {
    expect(repointFormula('=SUM(D8:D8)', rowsOf)).toEqual({ formula: '=SUM(D8:D27)', problems: [] });
    expect(repointFormula('=SUM(D7:D8)', rowsOf).formula).toBe('=SUM(D7:D27)');
    expect(repointFormula('=COUNTIFS(C8:C8,"Nữ",D8:D8,">0")', rowsOf).formula).toBe('=COUNTIFS(C8:C27,"Nữ",D8:D27,">0")');
    expect(repointFormula('=SUMIF($C$8:$C$8,"CC",D8:D8)+AVERAGE(E8)', rowsOf).formula).toBe('=SUMIF($C$8:$C$27,"CC",D8:D27)+AVERAGE(E8:E27)');
  });

  it('moves references below the repeated region and leaves those above alone', () => {
    expect(repointFormula('=D10/D2', rowsOf).formula).toBe('=D29/D2');
    expect(repointFormula('=ROUND(D10*100,2)', rowsOf).formula).toBe('=ROUND(D29*100,2)');
  });

  it('leaves strings, function names and other sheets alone', () => {
    expect(repointFormula('=IF(D10>0,"xem D8",LOG10(D10))', rowsOf).formula).toBe('=IF(D29>0,"xem D8",LOG10(D29))');
    expect(repointFormula("=Sheet2!D8+'Danh sách'!B10+D10", rowsOf).formula).toBe("=Sheet2!D8+'Danh sách'!B10+D29");
    expect(repointFormula('=""""&D10', rowsOf).formula).toBe('=""""&D29');
  });

  it('reports a reference to a removed row and a lone reference to a repeated row outside an aggregate', () => {
    expect(repointFormula('=D9+1', rowsOf)).toEqual({ formula: '=#REF!+1', problems: [{ kind: 'removedRow', ref: 'D9' }] });
    expect(repointFormula('=D8*2', rowsOf)).toEqual({ formula: '=D8*2', problems: [{ kind: 'ambiguous', ref: 'D8' }] });
  });
});
