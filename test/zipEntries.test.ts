import { strToU8, zipSync } from 'fflate';
import { ZipEntries } from '../src/workbook/xlsx/zipEntries';

const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined);

describe('zip parts through the central directory', () => {
  it('reads stored and deflated parts, whatever the comment after the directory', () => {
    const big = 'Nguyễn Văn An;'.repeat(20_000);
    const zip = zipSync({ 'xl/workbook.xml': [strToU8('<workbook/>'), { level: 0 }], 'xl/worksheets/sheet1.xml': [strToU8(big), { level: 9 }] }, { comment: 'tochuc' } as never);
    const parts = new ZipEntries(zip);
    expect(text(parts.read('xl/workbook.xml'))).toBe('<workbook/>');
    expect(text(parts.read('/xl/worksheets/sheet1.xml'))).toBe(big);
    expect(parts.read('xl/styles.xml')).toBeUndefined();
  });

  it('refuses a cut-off zip and one whose local header is not where the directory says', () => {
    const zip = zipSync({ 'a.xml': strToU8('<a/>'.repeat(100)) });
    expect(() => new ZipEntries(zip.subarray(0, zip.length - 10))).toThrow(/thư mục/);
    const moved = zip.slice();
    moved[0] = 0;
    expect(() => new ZipEntries(moved).read('a.xml')).toThrow(/bị hỏng/);
  });
});
