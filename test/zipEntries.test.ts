import { deflateRawSync } from 'zlib';
import { strToU8, zipSync } from 'fflate';
import { MAX_PART_BYTES, MAX_RATIO, RATIO_FLOOR_BYTES, ZipEntries, ZipSizeError } from '../src/workbook/xlsx/zipEntries';
import { crc32, deflated, handZip, type HandEntry } from './tools/corpus/damage';
import { CODECS, underCodec } from './helpers/codecs';

const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined);
const entry = (name: string, content: string, more: Partial<HandEntry> = {}) => deflated(name, strToU8(content), more);
const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (e) {
    return e;
  }
  return undefined;
};

// Every check and bound holds whichever codec inflates: Node's zlib (the CLI) or fflate (a browser build).
describe.each(CODECS)('with %s', (_name, codec) => {
  underCodec(codec);

  describe('zip parts through the central directory', () => {
    it('reads stored and deflated parts, whatever the comment after the directory', () => {
      const big = 'Nguyễn Văn An;'.repeat(20_000);
      const zip = zipSync({ 'xl/workbook.xml': [strToU8('<workbook/>'), { level: 0 }], 'xl/worksheets/sheet1.xml': [strToU8(big), { level: 9 }] }, { comment: 'tochuc' } as never);
      const parts = new ZipEntries(zip);
      expect(text(parts.read('xl/workbook.xml'))).toBe('<workbook/>');
      expect(text(parts.read('/xl/worksheets/sheet1.xml'))).toBe(big);
      expect(parts.read('xl/styles.xml')).toBeUndefined();
    });

    it('reads data descriptors and ZIP64 records, alone and together', () => {
      const entries = [entry('xl/workbook.xml', '<workbook/>'), entry('xl/worksheets/sheet1.xml', 'Trần Thị Bình;'.repeat(5000))];
      for (const [descriptor, zip64] of [[true, false], [false, true], [true, true]]) {
        const parts = new ZipEntries(handZip(entries.map((e) => ({ ...e, descriptor, zip64 })), { zip64 }));
        expect([text(parts.read('xl/workbook.xml')), text(parts.read('xl/worksheets/sheet1.xml'))]).toEqual(['<workbook/>', 'Trần Thị Bình;'.repeat(5000)]);
      }
    });

    it('refuses a cut-off zip and one whose local header is not where the directory says', () => {
      const zip = zipSync({ 'a.xml': strToU8('<a/>'.repeat(100)) });
      expect(() => new ZipEntries(zip.subarray(0, zip.length - 10))).toThrow(/thư mục/);
      const moved = zip.slice();
      moved[0] = 0;
      expect(() => new ZipEntries(moved)).toThrow(/không ở chỗ thư mục của tệp nén chỉ/);
    });

    it('refuses names with backslashes, a name twice (case aside), zip encryption, unknown methods and a stored part of two sizes', () => {
      const ok = entry('xl/workbook.xml', '<workbook/>');
      expect(() => new ZipEntries(handZip([ok, entry('xl\\worksheets\\sheet1.xml', '<worksheet/>')]))).toThrow(/dùng dấu "\\"/);
      expect(() => new ZipEntries(handZip([ok, entry('XL/Workbook.xml', '<workbook/>')]))).toThrow(/có hai lần/);
      expect(() => new ZipEntries(handZip([ok, entry('/xl/workbook.xml', '<workbook/>')]))).toThrow(/có hai lần/);
      const encrypted = handZip([ok]);
      // Bit 0 of the flags in the directory's record (its offset 8).
      const directory = new DataView(encrypted.buffer).getUint32(encrypted.length - 6, true);
      new DataView(encrypted.buffer).setUint16(directory + 8, 0x801, true);
      expect(() => new ZipEntries(encrypted)).toThrow(/mã hóa/);
      expect(() => new ZipEntries(handZip([{ ...ok, method: 12 }]))).toThrow(/nén theo cách 12/);
      expect(() => new ZipEntries(handZip([{ ...ok, method: 0, stored: strToU8('<workbook/>'), size: 99 }]))).toThrow(/hai kích thước/);
    });

    it('refuses a local header at odds with the directory: another name, method or size', () => {
      const e = entry('xl/workbook.xml', '<workbook/>'.repeat(10));
      expect(() => new ZipEntries(handZip([{ ...e, localName: 'xl/workbook.xmk' }]))).toThrow(/không khớp/);
      const zip = handZip([e]);
      const method = zip.slice();
      method[8] = 0;
      expect(() => new ZipEntries(method)).toThrow(/không khớp/);
      const size = zip.slice();
      new DataView(size.buffer).setUint32(22, 5, true);
      expect(() => new ZipEntries(size)).toThrow(/không khớp/);
    });

    it('refuses entries that overlap (each would inflate the same bytes again) and an entry count the directory has no room for', () => {
      // a is stored, its sizes after its data; its directory record then claims b's local header and data as its own.
      const a: HandEntry = { name: 'a.xml', stored: strToU8('<a/>'), method: 0, crc: crc32(strToU8('<a/>')), size: 4, descriptor: true };
      const b = entry('b.xml', '<b/>'.repeat(50));
      const zip = handZip([a, b]);
      const view = new DataView(zip.buffer);
      const directory = view.getUint32(zip.length - 6, true);
      const bEnd = 35 + 4 + 16 + 35 + b.stored.length;
      view.setUint32(directory + 20, bEnd - 35, true);
      view.setUint32(directory + 24, bEnd - 35, true);
      expect(() => new ZipEntries(zip)).toThrow(/phần "b\.xml" chồng lên phần "a\.xml"/);
      expect(() => new ZipEntries(handZip([a], { count: 1000 }))).toThrow(/khai 1000 phần/);
    });
  });

  describe('bounded inflate', () => {
    it('stops at the declared size: a part inflating past it is refused with the size error, one short of it as damaged', () => {
      const data = strToU8('<row/>'.repeat(100_000));
      const lying = handZip([{ ...deflated('s.xml', data), size: 1000 }]);
      const e = thrown(() => new ZipEntries(lying).read('s.xml'));
      expect(e).toBeInstanceOf(ZipSizeError);
      expect((e as Error).message).toMatch(/giải nén ra nhiều hơn kích thước khai trong tệp nén \(1[.,]000 byte\)/);
      const short = handZip([{ ...deflated('s.xml', data), size: data.length + 1 }]);
      expect(() => new ZipEntries(short).read('s.xml')).toThrow(/không phải 600001 byte/);
      expect(() => new ZipEntries(handZip([{ ...deflated('s.xml', data), stored: strToU8('không phải deflate') }])).read('s.xml')).toThrow(/không giải nén được/);
    });

    it('refuses from the directory alone a part declared past the longest string, or past the ratio above its floor', () => {
      const small = deflated('s.xml', strToU8('<a/>'));
      const huge = thrown(() => new ZipEntries(handZip([{ ...small, size: MAX_PART_BYTES + 1 }])));
      expect(huge).toBeInstanceOf(ZipSizeError);
      expect((huge as Error).message).toMatch(/giới hạn 512 MB/);
      // The ratio counts above the floor only: a small part may compress as well as it likes.
      const run = new Uint8Array(RATIO_FLOOR_BYTES + 1).fill(0x20);
      const stored = deflateRawSync(run);
      expect(stored.length * MAX_RATIO).toBeLessThan(run.length);
      expect(thrown(() => new ZipEntries(handZip([{ name: 's.xml', stored, method: 8, crc: crc32(run), size: run.length }])))).toBeInstanceOf(ZipSizeError);
      const under = new Uint8Array(RATIO_FLOOR_BYTES).fill(0x20);
      expect(new ZipEntries(handZip([{ name: 's.xml', stored: deflateRawSync(under), method: 8, crc: crc32(under), size: under.length }])).read('s.xml')).toHaveLength(RATIO_FLOOR_BYTES);
    });
  });
});
