/** The cell → points arithmetic both executors place drawings with, and its inverse. */
import { cellAt, cellOrigin, columnPoints, widthInCharacters, widthInPoints } from '../src/templates/sheetGeometry';

const SIZES = { columnWidths: [6, 58, undefined, 14], rowHeights: [20, undefined, 8] };

describe('sheet geometry', () => {
  it('a width in characters is 7-pixel digits plus 5 pixels of padding, in points, and back', () => {
    expect(widthInPoints(8.43)).toBe(48.01);
    expect(widthInPoints(10)).toBe(56.25);
    expect(widthInCharacters(56.25)).toBe(10);
    expect(columnPoints(SIZES, 2)).toBe(48);
  });

  it('finds the cell a point falls in, the inverse of cellOrigin', () => {
    expect(cellAt(SIZES, 0, 0)).toEqual({ column: 0, row: 0, dx: 0, dy: 0 });
    // A point on a border belongs to the next cell.
    const f2 = cellOrigin(SIZES, 'F2');
    expect(cellAt(SIZES, f2.left, f2.top)).toEqual({ column: 5, row: 1, dx: 0, dy: 0 });
    const b3 = cellOrigin(SIZES, 'B3');
    expect(cellAt(SIZES, b3.left + 10, b3.top + 5)).toEqual({ column: 1, row: 2, dx: 10, dy: 5 });
    // Past the plan's rows, rows are Excel's default 15 points.
    expect(cellAt(SIZES, 0, 20 + 15 + 8 + 15 * 4 + 1)).toEqual({ column: 0, row: 7, dx: 0, dy: 1 });
  });
});
