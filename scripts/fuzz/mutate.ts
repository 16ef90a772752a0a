// The fuzzer's mutations of a valid seed file, drawn from a seeded PRNG: bit flips, interesting bytes,
// truncation, deleted and repeated chunks, a huge field, a wrong text encoding, deep nesting, and — for
// ZIP containers (XLSX, DOCX, .qdpx, ZIP) — the same mutations applied to one entry inside a
// well-formed archive, so the XML and text readers behind the ZIP reader are reached too.
import iconv from 'iconv-lite';
import yazl from 'yazl';
import type { Rng } from '../../src-shared/rng';

export interface ZipSeedEntry {
  name: string;
  data: Buffer;
}

export type Mutation = (bytes: Buffer, rng: Rng) => Buffer;

const INTERESTING = [0x00, 0xff, 0x7f, 0x80, 0x22, 0x3b, 0x2c, 0x0a, 0x0d, 0x3c, 0x3e, 0x5c, 0xef, 0xbb, 0xbf, 0xfe];

function span(bytes: Buffer, rng: Rng, max = 4096): [number, number] {
  const start = rng.int(0, Math.max(0, bytes.length - 1));
  return [start, Math.min(bytes.length, start + rng.int(1, max))];
}

export const MUTATIONS: Record<string, Mutation> = {
  bitFlips(bytes, rng) {
    const out = Buffer.from(bytes);
    for (let n = rng.int(1, 8); n > 0 && out.length > 0; n--) out[rng.int(0, out.length - 1)] ^= 1 << rng.int(0, 7);
    return out;
  },
  interestingBytes(bytes, rng) {
    const out = Buffer.from(bytes);
    for (let n = rng.int(1, 4); n > 0 && out.length > 0; n--) out[rng.int(0, out.length - 1)] = rng.pick(INTERESTING);
    return out;
  },
  truncate(bytes, rng) {
    return bytes.subarray(0, rng.int(0, Math.max(0, bytes.length - 1)));
  },
  deleteChunk(bytes, rng) {
    const [a, b] = span(bytes, rng);
    return Buffer.concat([bytes.subarray(0, a), bytes.subarray(b)]);
  },
  repeatChunk(bytes, rng) {
    const [a, b] = span(bytes, rng, 512);
    const chunk = bytes.subarray(a, b);
    return Buffer.concat([bytes.subarray(0, b), ...Array.from({ length: rng.int(1, 200) }, () => chunk), bytes.subarray(b)]);
  },
  hugeField(bytes, rng) {
    const at = rng.int(0, bytes.length);
    const size = rng.pick([70_000, 1_000_000, 12_000_000]);
    const fill = Buffer.alloc(size, rng.pick(['A', 'æ', '"', ';', '<a>', '{', '9 ']));
    return Buffer.concat([bytes.subarray(0, at), fill, bytes.subarray(at)]);
  },
  wrongEncoding(bytes, rng) {
    const text = bytes.toString('utf8');
    const kind = rng.int(0, 3);
    if (kind === 0) return iconv.encode(text, 'utf16le');
    if (kind === 1) return iconv.encode(text, 'utf16be');
    if (kind === 2) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xff, 0xfe]), iconv.encode(text, 'win1252')]);
    // Invalid UTF-8 sprinkled in: lone continuation bytes and overlong forms.
    const out = Buffer.from(bytes);
    for (let n = rng.int(1, 16); n > 0 && out.length > 0; n--) out[rng.int(0, out.length - 1)] = rng.pick([0x80, 0xc0, 0xc1, 0xf5, 0xfe]);
    return out;
  },
  nesting(bytes, rng) {
    const depth = rng.pick([100, 5_000, 100_000]);
    const [open, close] = rng.pick([
      ['[', ']'],
      ['{"a":', '}'],
      ['<a>', '</a>'],
      ['"', '"'],
    ] as const);
    const at = rng.int(0, bytes.length);
    return Buffer.concat([bytes.subarray(0, at), Buffer.from(open.repeat(depth) + close.repeat(rng.chance(0.5) ? depth : rng.int(0, depth))), bytes.subarray(at)]);
  },
};

const NAMES = Object.keys(MUTATIONS);

/** One to three mutations of the seed; returns the bytes and what was done. */
export function mutate(seed: Buffer, rng: Rng): { bytes: Buffer; how: string[] } {
  let bytes = seed;
  const how: string[] = [];
  for (let n = rng.int(1, 3); n > 0; n--) {
    const name = rng.pick(NAMES);
    bytes = MUTATIONS[name](bytes, rng);
    how.push(name);
  }
  return { bytes, how };
}

/** A ZIP of these entries (stored or deflated), written in memory. */
export function zipOf(entries: ZipSeedEntry[], compress = true): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name, { mtime: new Date('2022-06-15T10:00:00Z'), compress });
  zip.end();
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    zip.outputStream.on('data', (d: Buffer) => parts.push(d));
    zip.outputStream.on('end', () => resolve(Buffer.concat(parts)));
    zip.outputStream.on('error', reject);
  });
}

/** A well-formed archive with one entry mutated (or an entry duplicated, dropped, or the archive nested in itself). */
export async function mutateInside(entries: ZipSeedEntry[], rng: Rng): Promise<{ bytes: Buffer; how: string[] }> {
  const roll = rng.next();
  if (roll < 0.1 && entries.length > 1) {
    const drop = rng.int(0, entries.length - 1);
    return { bytes: await zipOf(entries.filter((_, i) => i !== drop)), how: [`inside: drop ${entries[drop].name}`] };
  }
  if (roll < 0.15) {
    const inner = await zipOf(entries);
    return { bytes: await zipOf([...entries, { name: 'nested.zip', data: inner }, { name: 'nested/again.zip', data: await zipOf([{ name: 'x.zip', data: inner }]) }]), how: ['inside: nested zip'] };
  }
  const i = rng.int(0, entries.length - 1);
  const { bytes, how } = mutate(entries[i].data, rng);
  const copy = entries.map((e, k) => (k === i ? { name: e.name, data: bytes } : e));
  return { bytes: await zipOf(copy, rng.chance(0.8)), how: how.map((h) => `inside ${entries[i].name}: ${h}`) };
}
