// The SHA-256 of a file's bytes, which says whether a file was imported
// before. Hashed in slices, so a caller that turns the event loop
// (eventLoop.ts) can hash a 50 MB export without holding the core.
import { createHash } from 'node:crypto';
import { SLICE_BYTES, type Sliced } from '../eventLoop';

/** Hex SHA-256 of `bytes`, yielding after each slice (run it with runAtOnce or runTurning). */
export function* sha256Sliced(bytes: Uint8Array): Sliced<string> {
  const hash = createHash('sha256');
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
    hash.update(bytes.subarray(at, at + SLICE_BYTES));
    yield;
  }
  return hash.digest('hex');
}
