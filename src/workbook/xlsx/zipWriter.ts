import { codec, type Deflater } from '../codec';

/**
 * A zip file written part by part as it is made (PKWARE's APPNOTE.TXT, sections 4.3.7 and 4.3.12:
 * the same subset `zipEntries.ts` reads): each part is deflated by the build's codec (../codec:
 * Node's zlib in the CLI, fflate in a browser) straight to its sink, and its local header, written
 * first with empty sizes, gets its CRC-32 and sizes once the part ends (no data descriptors, which
 * some readers mishandle). No ZIP64: a part or a file past 4 GB is refused, far above any report.
 * Only the part being written is held, a megabyte at most, beside what the sink keeps: a file
 * (`zipFile.ts`, the CLI) keeps nothing, memory (`MemorySink`, a page's download) the zip.
 */
export class ZipWriter {
  private offset = 0;
  private readonly central: Uint8Array[] = [];
  private open: PartWriter | undefined;
  private closed = false;

  constructor(private readonly sink: ZipSink) {}

  /** A part written from strings as they come: `write` each, then `end`. One part at a time. */
  async part(name: string): Promise<PartWriter> {
    if (this.open || this.closed) throw new Error(`zip: part "${name}" started while another is open`);
    const nameBytes = codec().utf8(name);
    const header = new Uint8Array(30 + nameBytes.length);
    const view = new DataView(header.buffer);
    view.setUint32(0, 0x04034b50, true);
    view.setUint16(4, 20, true); // version needed: 2.0 (deflate)
    view.setUint16(6, 0x0800, true); // names are UTF-8
    view.setUint16(8, 8, true); // deflated
    view.setUint16(10, DOS_TIME, true);
    view.setUint16(12, DOS_DATE, true);
    view.setUint16(26, nameBytes.length, true);
    header.set(nameBytes, 30);
    const at = this.offset;
    await this.append(header);
    const part = new PartWriter(this, name, nameBytes, at);
    this.open = part;
    return part;
  }

  /** A whole small part at once. */
  async add(name: string, text: string): Promise<void> {
    const part = await this.part(name);
    part.write(text);
    await part.end();
  }

  /** Appends bytes at the end of the zip (the deflated data, headers). */
  async append(bytes: Uint8Array): Promise<void> {
    if (bytes.length === 0) return;
    await this.sink.write(bytes, this.offset);
    this.offset += bytes.length;
    if (this.offset > 0xffffffff) throw new Error('zip: the file outgrows 4 GB (ZIP64 is not written)');
  }

  /** Called by a part at its end: its header gets the sizes, and the central directory its entry. */
  async finished(part: PartWriter, crc: number, size: number, compressed: number): Promise<void> {
    if (size > 0xffffffff || compressed > 0xffffffff) throw new Error(`zip: part "${part.name}" outgrows 4 GB`);
    const sizes = new Uint8Array(12);
    const view = new DataView(sizes.buffer);
    view.setUint32(0, crc >>> 0, true);
    view.setUint32(4, compressed, true);
    view.setUint32(8, size, true);
    await this.sink.write(sizes, part.headerAt + 14);
    const entry = new Uint8Array(46 + part.nameBytes.length);
    const e = new DataView(entry.buffer);
    e.setUint32(0, 0x02014b50, true);
    e.setUint16(4, 20, true); // made by: 2.0, MS-DOS attributes
    e.setUint16(6, 20, true);
    e.setUint16(8, 0x0800, true);
    e.setUint16(10, 8, true);
    e.setUint16(12, DOS_TIME, true);
    e.setUint16(14, DOS_DATE, true);
    entry.set(sizes, 16);
    e.setUint16(28, part.nameBytes.length, true);
    e.setUint32(42, part.headerAt, true);
    entry.set(part.nameBytes, 46);
    this.central.push(entry);
    this.open = undefined;
  }

  /** Writes the central directory and closes the sink. */
  async close(): Promise<void> {
    if (this.open) throw new Error(`zip: part "${this.open.name}" was not ended`);
    const start = this.offset;
    const directory = concat(this.central);
    await this.append(directory);
    const count = this.central.length;
    if (count > 0xffff) throw new Error('zip: more than 65,535 parts');
    const end = new Uint8Array(22);
    const view = new DataView(end.buffer);
    view.setUint32(0, 0x06054b50, true);
    view.setUint16(8, count, true);
    view.setUint16(10, count, true);
    view.setUint32(12, directory.length, true);
    view.setUint32(16, start, true);
    await this.append(end);
    this.closed = true;
    await this.sink.close();
  }

  /** Closes the sink after a failure (the caller removes what it wrote). */
  async abort(): Promise<void> {
    this.closed = true;
    this.open?.destroy();
    await this.sink.abort();
  }
}

/** Where a zip's bytes go: a file (zipFile.ts) or memory (MemorySink). */
export interface ZipSink {
  /** The bytes at `at`: the end of what was written, or within it (a local header's sizes, once its part has ended). */
  write(bytes: Uint8Array, at: number): Promise<void>;
  close(): Promise<void>;
  /** After a failure: let go of what was written. */
  abort(): Promise<void>;
}

/** A zip held in memory, for a page to offer as a download: `bytes()` once the zip is closed. */
export class MemorySink implements ZipSink {
  private readonly chunks: Uint8Array[] = [];
  /** Where each chunk starts in the zip. */
  private readonly starts: number[] = [];
  private length = 0;
  private whole: Uint8Array | undefined;

  async write(bytes: Uint8Array, at: number): Promise<void> {
    if (at === this.length) {
      this.chunks.push(bytes);
      this.starts.push(at);
      this.length += bytes.length;
      return;
    }
    if (at + bytes.length > this.length) throw new Error('zip: written past its end');
    // A header's sizes: into the chunks written before, from the last one back.
    for (let i = this.chunks.length - 1; i >= 0 && this.starts[i] + this.chunks[i].length > at; i--) {
      const chunk = this.chunks[i];
      const from = Math.max(at, this.starts[i]);
      const to = Math.min(at + bytes.length, this.starts[i] + chunk.length);
      if (from < to) chunk.set(bytes.subarray(from - at, to - at), from - this.starts[i]);
    }
  }

  async close(): Promise<void> {
    this.whole = concat(this.chunks);
    this.chunks.length = 0;
  }

  async abort(): Promise<void> {
    this.chunks.length = 0;
  }

  /** The zip, whole. */
  bytes(): Uint8Array {
    if (!this.whole) throw new Error('zip: not closed');
    return this.whole;
  }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

// A fixed time in the entries (01/01/2021 00:00): the bytes of a report do not depend on the clock.
const DOS_TIME = 0;
const DOS_DATE = ((2021 - 1980) << 9) | (1 << 5) | 1;

/** Text gathered this far is deflated in slices of about a megabyte. */
const SLICE = 1 << 20;

export class PartWriter {
  private readonly deflate: Deflater;
  private pending: string[] = [];
  private pendingLength = 0;
  private crc = 0;
  private size = 0;
  private compressed = 0;
  /** The deflated bytes not yet appended; appended in order by `drainOut`. */
  private out: Uint8Array[] = [];

  constructor(private readonly zip: ZipWriter, readonly name: string, readonly nameBytes: Uint8Array, readonly headerAt: number) {
    this.deflate = codec().deflater((chunk) => {
      this.out.push(chunk);
      this.compressed += chunk.length;
    });
  }

  /** True when the caller should `await flush()` before writing more (a slice is ready). */
  write(text: string): boolean {
    this.pending.push(text);
    this.pendingLength += text.length;
    return this.pendingLength >= SLICE;
  }

  /** Deflates what was written and appends the result to the zip. */
  async flush(): Promise<void> {
    if (this.pendingLength > 0) {
      const zip = codec();
      const bytes = zip.utf8(this.pending.length === 1 ? this.pending[0] : this.pending.join(''));
      this.pending = [];
      this.pendingLength = 0;
      this.crc = zip.crc32(bytes, this.crc);
      this.size += bytes.length;
      await this.deflate.write(bytes);
    }
    await this.drainOut();
  }

  private async drainOut(): Promise<void> {
    if (this.deflate.failure) throw this.deflate.failure;
    if (this.out.length === 0) return;
    const bytes = concat(this.out);
    this.out = [];
    await this.zip.append(bytes);
  }

  async end(): Promise<void> {
    await this.flush();
    await this.deflate.end();
    await this.drainOut();
    await this.zip.finished(this, this.crc, this.size, this.compressed);
  }

  destroy(): void {
    this.deflate.destroy();
  }
}
