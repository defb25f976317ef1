/**
 * The two codecs of src/workbook/codec agree: fflate's (a browser build's) inflates, deflates,
 * checksums and decodes as Node's zlib and ICU do, within the same bounds (docs/decisions.md,
 * "Reading files": a part inflates into its declared size and no more).
 */
import { randomBytes } from 'crypto';
import { crc32, deflateRawSync, inflateRawSync } from 'zlib';
import { InflateLimitError, type Codec } from '../src/workbook/codec';
import { CODECS, fflateCodec } from './helpers/codecs';

const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (e) {
    return e;
  }
  return undefined;
};

/** Text as a staff list's XML is: repetitive, with Vietnamese. */
const sheetXml = (rows: number) => Array.from({ length: rows }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr"><is><t>Nguyễn Thị Ánh ${r}</t></is></c><c r="B${r + 1}"><v>${(r * 7919) % 1000}</v></c></row>`).join('');

async function deflateAll(codec: Codec, pieces: Uint8Array[]): Promise<Uint8Array> {
  const out: Uint8Array[] = [];
  const deflater = codec.deflater((chunk) => out.push(chunk));
  for (const piece of pieces) await deflater.write(piece);
  await deflater.end();
  expect(deflater.failure).toBeUndefined();
  return Buffer.concat(out);
}

describe.each(CODECS)('the %s codec', (_name, codec) => {
  const data = Buffer.from(sheetXml(20_000));
  const raw = deflateRawSync(data);

  test('inflates a part to its size exactly, and refuses a byte past its limit', () => {
    expect(Buffer.from(codec.inflateRaw(raw, data.length)).equals(data)).toBe(true);
    // A limit above the size: the part as it is (the reader then says the sizes differ).
    expect(codec.inflateRaw(raw, data.length + 100)).toHaveLength(data.length);
    expect(thrown(() => codec.inflateRaw(raw, data.length - 1))).toBeInstanceOf(InflateLimitError);
    expect(thrown(() => codec.inflateRaw(raw, 1000))).toBeInstanceOf(InflateLimitError);
  });

  test('stops a bomb at its limit: 256 MiB of zeros declared as 4 KB cost neither the time nor the memory of 256 MiB', () => {
    const bomb = deflateRawSync(Buffer.alloc(256 * 2 ** 20));
    const before = process.memoryUsage().rss;
    const t0 = Date.now();
    expect(thrown(() => codec.inflateRaw(bomb, 4096))).toBeInstanceOf(InflateLimitError);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect((process.memoryUsage().rss - before) / 2 ** 20).toBeLessThan(100);
  });

  test('says an empty stream, a cut one and bytes that are no deflate are damaged, not too large', () => {
    for (const bad of [new Uint8Array(0), raw.subarray(0, raw.length >> 1), Buffer.from('không phải deflate, chỉ là chữ')]) {
      const e = thrown(() => codec.inflateRaw(bad, data.length)) as Error | undefined;
      // zlib's errors come from Node's own realm: told by their message, not by instanceof Error.
      expect(typeof e?.message).toBe('string');
      expect(e).not.toBeInstanceOf(InflateLimitError);
    }
  });

  test('deflates what zlib inflates back, in one piece or many', async () => {
    const pieces = Array.from({ length: 5 }, (_, i) => data.subarray((i * data.length) / 5, ((i + 1) * data.length) / 5));
    expect(inflateRawSync(await deflateAll(codec, pieces)).equals(data)).toBe(true);
    expect(inflateRawSync(await deflateAll(codec, [data])).equals(data)).toBe(true);
    expect(inflateRawSync(await deflateAll(codec, [])).length).toBe(0);
  });

  test('computes zip\'s CRC-32 as zlib does, continued across pieces', () => {
    const bytes = randomBytes(100_003);
    expect(codec.crc32(bytes, 0)).toBe(crc32(bytes));
    expect(codec.crc32(bytes.subarray(50_000), codec.crc32(bytes.subarray(0, 50_000), 0))).toBe(crc32(bytes));
    expect(codec.crc32(new Uint8Array(0), 0)).toBe(0);
  });

  test('encodes UTF-8 and decodes the encodings offices save in', () => {
    const text = 'Nguyễn Thị Ánh, Đảng ủy; \u{1F600}';
    expect(Buffer.from(codec.utf8(text)).equals(Buffer.from(text, 'utf8'))).toBe(true);
    // "Nguyễn" in Windows-1258: ê (EA), then the tilde as a combining mark (DE).
    expect(codec.textDecoder('windows-1258').decode(Uint8Array.from([0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e])).normalize('NFC')).toBe('Nguyễn');
    expect(codec.textDecoder('utf-16le').decode(Buffer.from('Đảng', 'utf16le'))).toBe('Đảng');
    expect(codec.textDecoder('utf-16be').decode(Buffer.from('Đảng', 'utf16le').swap16())).toBe('Đảng');
    expect(() => codec.textDecoder('utf-8', { fatal: true }).decode(Uint8Array.from([0xff]))).toThrow();
  });
});

test('fflate streams nothing: a part is inflated whole in a browser', () => {
  expect(fflateCodec.inflating).toBeUndefined();
});
