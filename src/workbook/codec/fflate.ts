import { Deflate, Inflate } from 'fflate';
import { InflateLimitError, type Codec, type Deflater } from './types';

/**
 * The browser's: fflate (plain JavaScript, already tochuc's for the tests' zips) and the page's
 * TextDecoder, which every browser has with the WHATWG encodings (windows-1258 and UTF-16 among
 * them). No Node built-in is reached from here. Nothing streams off the thread: a part is inflated
 * whole (the files a page reads are tens of MB at most).
 */

/**
 * How much of the compressed stream is inflated at a time, the limit checked after each: deflate
 * cannot exceed ~1,032:1, so a part that lies about its size is stopped within ~16 MB of its limit
 * (zlib stops at the byte), before the rest of it is ever inflated.
 */
const SLICE = 16 * 1024;

export const codec: Codec = {
  name: 'fflate',

  inflateRaw(raw, limit) {
    // zlib's answer to an empty stream, which fflate would take for an empty part.
    if (raw.length === 0) throw new Error('unexpected end of file');
    const cap = Math.max(1, limit);
    const out = new Uint8Array(cap);
    let length = 0;
    let past = false;
    const inflate = new Inflate((chunk) => {
      if (past || chunk.length === 0) return;
      if (length + chunk.length > cap) {
        past = true;
        return;
      }
      out.set(chunk, length);
      length += chunk.length;
    });
    for (let at = 0; at < raw.length; at += SLICE) {
      inflate.push(raw.subarray(at, at + SLICE), at + SLICE >= raw.length);
      if (past) throw new InflateLimitError();
    }
    return length === cap ? out : out.subarray(0, length);
  },

  deflater(onData) {
    const deflate = new Deflate({ level: 6 }, (chunk) => {
      if (chunk.length > 0) onData(chunk);
    });
    const deflater: Deflater = {
      failure: undefined,
      async write(bytes) {
        deflate.push(bytes);
      },
      async end() {
        deflate.push(new Uint8Array(0), true);
      },
      destroy: () => undefined,
    };
    return deflater;
  },

  crc32(bytes, crc) {
    let c = ~crc;
    for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return ~c >>> 0;
  },

  utf8: (text) => encoder.encode(text),
  textDecoder: (encoding, options) => new TextDecoder(encoding, options),
};

const encoder = new TextEncoder();

/** CRC-32's table (the reflected polynomial 0xEDB88320), as zlib's crc32 computes it. */
const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();
