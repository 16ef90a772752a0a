// Every input the fuzzer kept (test/fixtures/fuzz/<format>/, one per finding; large ones gzipped)
// replayed through its reader as the app calls it, in a fuzz worker with the heap ceiling: each must
// now be refused with Innspill's own clear error (not INTERNAL), in bounded time, leaving the project
// as it was.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSetup, formatNamed } from '../../../scripts/fuzz/formats';
import { FIXTURES, fixtureBytes, Worker } from '../../../scripts/fuzz/run';
import { tempDir } from '../../helpers/core';

const kept = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(path.join(FIXTURES, d.name)).map((f) => ({ format: d.name, name: f, file: path.join(FIXTURES, d.name, f) })));

describe('inputs the fuzzer kept, replayed', () => {
  let dir: string;
  let cleanup: () => void;
  let worker: Worker;
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('innspill-fuzz-replay-'));
    await buildSetup(path.join(dir, 'setup'));
    worker = new Worker(512, path.join(dir, 'worker'));
  }, 600_000);
  afterAll(() => {
    worker?.stop();
    cleanup?.();
  });

  it('the fixtures are there, each of a format the fuzzer knows, each a small file', () => {
    expect(kept.length).toBeGreaterThan(0);
    for (const k of kept) {
      expect(() => formatNamed(k.format)).not.toThrow();
      expect(k.name.endsWith(formatNamed(k.format).ext) || k.name.endsWith(`${formatNamed(k.format).ext}.gz`)).toBe(true);
    }
  });

  it.each(kept.map((k) => [`${k.format}/${k.name}`, k] as const))('%s is refused with a clear error', async (_name, k) => {
    const format = formatNamed(k.format);
    const file = path.join(dir, `case-${k.name.replace(/\.gz$/, '')}`);
    writeFileSync(file, fixtureBytes(k.file));
    // The PDF reader's own limit is 30 s; a case is a hang only well past it.
    const verdict = await worker.run({ format: format.name, file, setupDir: path.join(dir, 'setup') }, 90_000);
    expect(verdict).toEqual({ kind: 'refused' });
  }, 240_000);
});
