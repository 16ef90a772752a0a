// Test helpers: a core wired to a fresh temp folder with deterministic ids,
// clock and author, and the real shipped reference data.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../src-main/core';
import { sequentialIds, silentLogger, steppingClock, type Desktop } from '../../src-main/core/deps';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const resourcesDir = path.join(repoRoot, 'resources');

export function tempDir(prefix = 'innspill-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

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
