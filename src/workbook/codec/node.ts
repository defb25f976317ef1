import { once } from 'events';
import { TextDecoder } from 'util';
import { crc32, createDeflateRaw, createInflateRaw, inflateRawSync, type ZlibOptions } from 'zlib';
import { InflateLimitError, type Codec, type Deflater } from './types';

/**
 * Node's own: zlib (native, and on libuv's thread pool when streaming) and ICU's decoders, which
 * `util` gives also where a test environment (jsdom) has another global TextDecoder. fflate's
 * inflate, plain JavaScript, took 250 ms of a 60,000-row register's 2-second read where zlib takes
 * under 100 ms (fastXlsx.ts); this is what the CLI runs.
 */
export const codec: Codec = {
  name: 'zlib',

  inflateRaw(raw, limit) {
    try {
      // One output buffer of the limit and a byte (zlib asks for more room only when its buffer is
      // full): no copy of a big part from 16 KB chunks, and memory bounded by the limit.
      return inflateRawSync(raw, { maxOutputLength: Math.max(1, limit), chunkSize: Math.max(64, limit + 1) });
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateLimitError();
      throw e;
    }
  },

  inflating(raw, chunkSize, ahead) {
    // The options go on to the stream (node's lib/zlib.js), which @types/node does not say.
    const stream = createInflateRaw({ chunkSize, readableHighWaterMark: ahead * chunkSize } as ZlibOptions);
    stream.on('error', () => {});
    stream.end(raw);
    return stream;
  },

  deflater(onData) {
    const stream = createDeflateRaw({ level: 6 });
    const deflater: Deflater & { failure: Error | undefined } = {
      failure: undefined,
      async write(bytes) {
        if (!stream.write(bytes)) await once(stream, 'drain');
      },
      async end() {
        const ended = once(stream, 'end');
        stream.end();
        // 'end' comes after the last 'data'; reading is flowing since the 'data' handler.
        await ended;
      },
      destroy: () => stream.destroy(),
    };
    stream.on('data', onData);
    stream.on('error', (e: Error) => (deflater.failure = e));
    return deflater;
  },

  crc32: (bytes, crc) => crc32(bytes, crc),
  utf8: (text) => Buffer.from(text, 'utf8'),
  textDecoder: (encoding, options) => new TextDecoder(encoding, options) as globalThis.TextDecoder,
};
