/**
 * What tochuc's zip reader and writer (xlsx/zipEntries.ts, xlsx/zipWriter.ts) and its text readers
 * (formats/csv.ts, formats/sniff.ts) need of the platform: raw deflate both ways, CRC-32, UTF-8
 * bytes of a string and the decoders of the code pages offices save in. Node has them in its zlib
 * and ICU (`node.ts`, the default, what the CLI runs); a browser gets them from fflate and its own
 * TextDecoder (`fflate.ts`). `index.ts` says how a build picks one.
 */
export interface Codec {
  readonly name: 'zlib' | 'fflate';
  /**
   * The raw deflate stream inflated into at most `limit` bytes (a stream inflating to nothing at
   * all: still at most 1): InflateLimitError as soon as it would go past them. Any other error is
   * the stream's damage, its message for the user.
   */
  inflateRaw(raw: Uint8Array, limit: number): Uint8Array;
  /**
   * The raw deflate stream inflating `chunkSize` bytes at a time, at most `ahead` chunks ahead of its
   * reader, off this thread; undefined (the member absent) where the platform has no such thing,
   * and the part is inflated whole.
   */
  inflating?(raw: Uint8Array, chunkSize: number, ahead: number): InflatingStream;
  /** A raw deflate stream at level 6, its output handed to `onData` as it comes. */
  deflater(onData: (chunk: Uint8Array) => void): Deflater;
  /** CRC-32 (ISO-HDLC, zip's) of the bytes, continuing `crc` (0 to start). */
  crc32(bytes: Uint8Array, crc: number): number;
  /** A string's UTF-8 bytes. */
  utf8(text: string): Uint8Array;
  /** A decoder of 'utf-8', 'utf-16le', 'utf-16be' or 'windows-1258' (the WHATWG Encoding labels). */
  textDecoder(encoding: string, options?: TextDecoderOptions): TextDecoder;
}

/** Chunks of an inflating part; destroy() when done with it, whether read to its end or not. */
export interface InflatingStream extends AsyncIterable<Uint8Array> {
  destroy(): void;
}

export interface Deflater {
  /** Deflates the bytes; resolves when more may be written. */
  write(bytes: Uint8Array): Promise<void>;
  /** The stream's end: its last output has come to `onData` when this resolves. */
  end(): Promise<void>;
  /** What went wrong while deflating, if anything: the writer throws it at its next step. */
  readonly failure: Error | undefined;
  destroy(): void;
}

/** A stream that inflates past the limit it was given: zip-wise, a part larger than it declares. */
export class InflateLimitError extends Error {}
