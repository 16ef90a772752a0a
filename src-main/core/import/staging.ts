// Files the UI hands over as bytes (a browser's file picker or drop has no
// paths) are staged in the config folder, then imported by path like any
// other. Names are reduced to safe relative paths; old stages are swept.
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../src-shared/errors';

const MAX_AGE_MS = 24 * 3600 * 1000;

export function stagingRoot(configDir: string): string {
  return path.join(configDir, 'staging');
}

/** "../../etc/passwd" → "etc/passwd"; "C:\\x\\y.csv" → "x/y.csv". */
export function safeRelativePath(name: string): string {
  const parts = name
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p && p !== '.' && p !== '..' && !/^[A-Za-z]:$/.test(p))
    .map((p) => p.replace(/[\0<>:"|?*]/g, '_'));
  if (parts.length === 0) throw new ApiError('INVALID_INPUT', `Unusable file name: ${name}`);
  return parts.join('/');
}

export function stageFiles(
  configDir: string,
  id: string,
  files: { name: string; base64: string }[],
  now: Date,
): { dir: string; paths: string[] } {
  const root = stagingRoot(configDir);
  mkdirSync(root, { recursive: true });
  for (const old of readdirSync(root)) {
    const full = path.join(root, old);
    if (now.getTime() - statSync(full).mtimeMs > MAX_AGE_MS) rmSync(full, { recursive: true, force: true });
  }
  const dir = path.join(root, id);
  const paths = files.map((f) => {
    const target = path.join(dir, safeRelativePath(f.name));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, Buffer.from(f.base64, 'base64'));
    return target;
  });
  return { dir, paths };
}
