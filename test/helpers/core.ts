// Test helpers: a core wired to a fresh temp folder with deterministic ids,
// clock and author, and the real shipped reference data.
import path from 'node:path';
import { createCore, type Core } from '../../src-main/core';
import { sequentialIds, silentLogger, steppingClock, type Desktop } from '../../src-main/core/deps';
import { resourcesDir } from './paths';

export { repoRoot, resourcesDir, tempDir } from './paths';

/** A desktop that records what the app asked it to open instead of starting programs. */
export function recordingDesktop(): Desktop & { calls: { action: 'open' | 'reveal'; path: string }[] } {
  const calls: { action: 'open' | 'reveal'; path: string }[] = [];
  return {
    calls,
    openPath: async (p) => (calls.push({ action: 'open', path: p }), true),
    showInFolder: async (p) => (calls.push({ action: 'reveal', path: p }), true),
  };
}

export function testDeps(dir: string) {
  return {
    desktop: recordingDesktop(),
    now: steppingClock(),
    newId: sequentialIds(),
    author: () => 'Test Saksbehandler',
    logger: silentLogger,
    paths: { resourcesDir, configDir: path.join(dir, 'config'), workspaceDir: dir },
  };
}

export function testCore(dir: string): Core {
  const deps = testDeps(dir);
  return createCore({ ...deps, shell: 'host' });
}
