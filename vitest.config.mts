// Vitest's two projects: `unit` (pure logic, fast, no SQLite file; renderer
// modules in happy-dom) and `integration` (real SQLite files, processes, the CLI).
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const inDom = (spec: TestSpecification) => /[\\/]test[\\/]unit[\\/]renderer[\\/]/.test(spec.moduleId);

/**
 * Node files first, then happy-dom files: a shared worker is reused only for
 * a next file in the same environment, so interleaved files would restart
 * workers (and re-import everything) at each switch.
 */
class NodeThenDom extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter((f) => !inDom(f)), ...sorted.filter(inDom)];
  }
}

export default defineConfig({
  test: {
    testTimeout: 20_000,
    sequence: { sequencer: NodeThenDom },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          // Node by default; a renderer test opens with `// @vitest-environment happy-dom`
          // (Vitest 4 has no per-folder environment; test/setup/unit.ts fails a
          // renderer test that forgot it).
          environment: 'node',
          setupFiles: ['test/setup/unit.ts'],
          // One module cache per worker thread instead of one per file: the
          // core and its libraries are imported twice, not once per file
          // (import time 29 s → 10 s). Safe because unit tests keep no state
          // in modules; a test that needs a fresh module resets it itself.
          pool: 'threads',
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          // Separate processes: native SQLite handles, child processes and
          // process.chdir in CLI tests stay out of each other's way.
          pool: 'forks',
        },
      },
    ],
  },
});
