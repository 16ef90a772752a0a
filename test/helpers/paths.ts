// Where tests find the repository and the shipped resources, and a temp
// folder per test; no core imported, so unit tests stay light.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const resourcesDir = path.join(repoRoot, 'resources');

export function tempDir(prefix = 'innspill-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
