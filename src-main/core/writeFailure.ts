// What a failed write tells the user: a file-system or SQLite error while writing a file the user
// named (an export, a new project, a package) becomes one ApiError that names that file and its
// folder — never a temporary file's name — in Norwegian first and English second, as CLI and UI show it.
// With the two small steps around every such write: the folder checked first, the temp file removed after.
import { existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../src-shared/errors';
import { codeOf } from './caught';

/**
 * The error to throw for `e`, raised while writing `target`: an ApiError saying why the file could
 * not be written when the cause is the folder (no permission, read-only media, not a folder, the
 * disk full); `e` itself otherwise (ApiErrors pass through unchanged).
 */
export function writeFailure(e: unknown, target: string): unknown {
  if (e instanceof ApiError) return e;
  const code = codeOf(e);
  const folder = path.dirname(target);
  const say = (nb: string, en: string) => `Kan ikke skrive ${target}: ${nb} / Cannot write ${target}: ${en}`;
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_READONLY')) {
    return new ApiError('READ_ONLY', say(`ingen skrivetilgang til mappen ${folder}`, `no permission to write in the folder ${folder}`));
  }
  if (code === 'EROFS') {
    return new ApiError('READ_ONLY', say(`mappen ${folder} ligger på et skrivebeskyttet medium`, `the folder ${folder} is on read-only media`));
  }
  if (code === 'ENOTDIR') return notAFolder(target);
  if (code === 'ENOENT') {
    return new ApiError('NOT_FOUND', say(`mappen ${folder} finnes ikke`, `the folder ${folder} does not exist`));
  }
  if (code === 'EISDIR') return new ApiError('INVALID_INPUT', say('det er en mappe', 'it is a folder'));
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') {
    return new ApiError('INTERNAL', say(`disken er full (mappen ${folder})`, `the disk is full (folder ${folder})`));
  }
  return e;
}

function notAFolder(target: string): ApiError {
  const folder = path.dirname(target);
  return new ApiError('NOT_FOUND', `Kan ikke skrive ${target}: ${folder} er ikke en mappe / Cannot write ${target}: ${folder} is not a folder`);
}

/** Throws NOT_FOUND unless the folder `target` is to be written in exists and is a folder. */
export function requireFolder(target: string): void {
  const folder = path.dirname(target);
  if (!existsSync(folder)) throw new ApiError('NOT_FOUND', `Mappen finnes ikke: ${folder} / The folder does not exist: ${folder}`);
  if (!statSync(folder).isDirectory()) throw notAFolder(target);
}

/** Removes a temp file if it is there; a folder that cannot be read (why the write failed) is no second error. */
export function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Nothing was written there.
  }
}
