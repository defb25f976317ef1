import { once } from 'events';
import { promises as fs } from 'fs';
import { crc32, createDeflateRaw, type DeflateRaw } from 'zlib';

/**
 * A zip file written part by part as it is made (PKWARE's APPNOTE.TXT, sections 4.3.7 and 4.3.12:
 * the same subset `zipEntries.ts` reads): each part is deflated by Node's zlib straight to the
 * file, and its local header, written first with empty sizes, gets its CRC-32 and sizes once the
 * part ends (no data descriptors, which some readers mishandle). No ZIP64: a part or a file past
 * 4 GB is refused, far above any report. Only the part being written is held, a megabyte at most.
 */
export class ZipFileWriter {
  private offset = 0;
  private readonly central: Buffer[] = [];
  private open: PartWriter | undefined;
  private closed = false;

  private constructor(private readonly handle: fs.FileHandle) {}

  /** A new zip at `file` (replaced if it exists). */
  static async create(file: string): Promise<ZipFileWriter> {
    return new ZipFileWriter(await fs.open(file, 'w'));
  }

  /** A part written from strings as they come: `write` each, then `end`. One part at a time. */
  async part(name: string): Promise<PartWriter> {
    if (this.open || this.closed) throw new Error(`zip: part "${name}" started while another is open`);
    const nameBytes = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    header.writeUInt16LE(0x0800, 6); // names are UTF-8
    header.writeUInt16LE(8, 8); // deflated
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt16LE(nameBytes.length, 26);
    const at = this.offset;
    await this.append(Buffer.concat([header, nameBytes]));
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

  /** Appends bytes at the end of the file (the deflated data, headers). */
  async append(bytes: Buffer): Promise<void> {
    if (bytes.length === 0) return;
    await this.handle.write(bytes, 0, bytes.length, this.offset);
    this.offset += bytes.length;
    if (this.offset > 0xffffffff) throw new Error('zip: the file outgrows 4 GB (ZIP64 is not written)');
  }

  /** Called by a part at its end: its header gets the sizes, and the central directory its entry. */
  async finished(part: PartWriter, crc: number, size: number, compressed: number): Promise<void> {
    if (size > 0xffffffff || compressed > 0xffffffff) throw new Error(`zip: part "${part.name}" outgrows 4 GB`);
    const sizes = Buffer.alloc(12);
    sizes.writeUInt32LE(crc >>> 0, 0);
    sizes.writeUInt32LE(compressed, 4);
    sizes.writeUInt32LE(size, 8);
    await this.handle.write(sizes, 0, 12, part.headerAt + 14);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(DOS_TIME, 12);
    entry.writeUInt16LE(DOS_DATE, 14);
    sizes.copy(entry, 16);
    entry.writeUInt16LE(part.nameBytes.length, 28);
    entry.writeUInt32LE(part.headerAt, 42);
    this.central.push(entry, part.nameBytes);
    this.open = undefined;
  }

  /** Writes the central directory and closes the file. */
  async close(): Promise<void> {
    if (this.open) throw new Error(`zip: part "${this.open.name}" was not ended`);
    const start = this.offset;
    const directory = Buffer.concat(this.central);
    await this.append(directory);
    const count = this.central.length / 2;
    if (count > 0xffff) throw new Error('zip: more than 65,535 parts');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(count, 8);
    end.writeUInt16LE(count, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    await this.append(end);
    this.closed = true;
    await this.handle.close();
  }

  /** Closes the file after a failure (the caller removes it). */
  async abort(): Promise<void> {
    this.closed = true;
    this.open?.destroy();
    await this.handle.close().catch(() => undefined);
  }
}

// A fixed time in the entries (01/01/2021 00:00): the bytes of a report do not depend on the clock.
const DOS_TIME = 0;
const DOS_DATE = ((2021 - 1980) << 9) | (1 << 5) | 1;

/** Text gathered this far is deflated in slices of about a megabyte. */
const SLICE = 1 << 20;

export class PartWriter {
  private readonly deflate: DeflateRaw = createDeflateRaw({ level: 6 });
  private pending: string[] = [];
  private pendingLength = 0;
  private crc = 0;
  private size = 0;
  private compressed = 0;
  /** The deflated bytes not yet appended; appended in order by `drainOut`. */
  private out: Buffer[] = [];
  private failure: Error | undefined;

  constructor(private readonly zip: ZipFileWriter, readonly name: string, readonly nameBytes: Buffer, readonly headerAt: number) {
    this.deflate.on('data', (chunk: Buffer) => {
      this.out.push(chunk);
      this.compressed += chunk.length;
    });
    this.deflate.on('error', (e: Error) => (this.failure = e));
  }

  /** True when the caller should `await flush()` before writing more (a slice is ready). */
  write(text: string): boolean {
    this.pending.push(text);
    this.pendingLength += text.length;
    return this.pendingLength >= SLICE;
  }

  /** Deflates what was written and appends the result to the file. */
  async flush(): Promise<void> {
    if (this.pendingLength > 0) {
      const bytes = Buffer.from(this.pending.length === 1 ? this.pending[0] : this.pending.join(''), 'utf8');
      this.pending = [];
      this.pendingLength = 0;
      this.crc = crc32(bytes, this.crc);
      this.size += bytes.length;
      if (!this.deflate.write(bytes)) await once(this.deflate, 'drain');
    }
    await this.drainOut();
  }

  private async drainOut(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.out.length === 0) return;
    const bytes = this.out.length === 1 ? this.out[0] : Buffer.concat(this.out);
    this.out = [];
    await this.zip.append(bytes);
  }

  async end(): Promise<void> {
    await this.flush();
    const ended = once(this.deflate, 'end');
    this.deflate.end();
    // 'end' comes after the last 'data'; reading is flowing since the 'data' handler.
    await ended;
    await this.drainOut();
    await this.zip.finished(this, this.crc, this.size, this.compressed);
  }

  destroy(): void {
    this.deflate.destroy();
  }
}
