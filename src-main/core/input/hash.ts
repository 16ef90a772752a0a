// The one SHA-256 of the core: a file's bytes (whether a file was imported
// before; hashed in slices, so a caller that turns the event loop,
// eventLoop.ts, can hash a 50 MB export without holding the core), a file on
// disk read as a stream (backups), and a hash fed piece by piece (a return
// package's checksum, a backup being decompressed). Hex digests throughout.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { runAtOnce, SLICE_BYTES, type Sliced } from '../eventLoop';

export interface Sha256 {
  update(data: string | Uint8Array): Sha256;
  /** The hex digest (once, at the end). */
  hex(): string;
}

/** A SHA-256 fed piece by piece. */
export function sha256(): Sha256 {
  const hash = createHash('sha256');
  const self: Sha256 = {
    update: (data) => {
      hash.update(data);
      return self;
    },
    hex: () => hash.digest('hex'),
  };
  return self;
}

/** Hex SHA-256 of `bytes`, yielding after each slice (run it with runAtOnce or runTurning). */
export function* sha256Sliced(bytes: Uint8Array): Sliced<string> {
  const hash = sha256();
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
    hash.update(bytes.subarray(at, at + SLICE_BYTES));
    yield;
  }
  return hash.hex();
}

/** Hex SHA-256 of `bytes` at once (small inputs, synchronous callers). */
export function sha256OfBytes(bytes: Uint8Array): string {
  return runAtOnce(sha256Sliced(bytes));
}

/** Hex SHA-256 of a file on disk, read as a stream. */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = sha256();
  const chunks: AsyncIterable<Buffer> = createReadStream(file);
  for await (const chunk of chunks) hash.update(chunk);
  return hash.hex();
}
