import { promises as fs } from 'fs';
import { ZipWriter, type ZipSink } from './zipWriter';

/** A new zip at `file` (replaced if it exists), written as it is made: the CLI's reports and templates. */
export async function createZipFile(file: string): Promise<ZipWriter> {
  return new ZipWriter(new FileSink(await fs.open(file, 'w')));
}

/** A zip's bytes written to a file where the writer says: appended, or a header's sizes written back. */
class FileSink implements ZipSink {
  constructor(private readonly handle: fs.FileHandle) {}

  async write(bytes: Uint8Array, at: number): Promise<void> {
    await this.handle.write(bytes, 0, bytes.length, at);
  }

  close(): Promise<void> {
    return this.handle.close();
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}
