// Where exports go and how they are written: into the workspace's export
// folder unless the user names a path, under a temporary name first and
// renamed into place, so a crash half-way never leaves a truncated memo that
// looks finished.
import { closeSync, createWriteStream, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { ApiError } from '../../../src-shared/errors';
import { removeQuietly, requireFolder, writeFailure } from '../writeFailure';

export const EXPORT_FOLDER = 'Eksport';

/** File kinds written through here (team work writes its work and return packages the same way; qdpx: a REFI-QDA project). */
export type ExportKind = 'docx' | 'xlsx' | 'csv' | 'innspillpakke' | 'innspillretur' | 'qdpx';

export function exportDir(workspaceDir: string): string {
  return path.join(workspaceDir, EXPORT_FOLDER);
}

/** A file-system-safe base name from a project title ("Innspill: 22/535" → "Innspill 22-535"). */
export function safeBaseName(title: string): string {
  const cleaned = title
    .normalize('NFC')
    .replace(/[\\/]/g, '-')
    .replace(/[<>:"|?*\u0000-\u001f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return (cleaned || 'Innspill').slice(0, 80);
}

/** The suggested file name: "<title> – <what> <yyyy-mm-dd>.<ext>". */
export function defaultFileName(title: string, what: string, isoDate: string, kind: ExportKind): string {
  return `${safeBaseName(title)} - ${what} ${isoDate}.${kind}`;
}

/**
 * The absolute path to write. Relative targets resolve in the export folder;
 * the extension must match the kind (a memo cannot be written as .exe).
 */
export function resolveTarget(workspaceDir: string, target: string | undefined, fallbackName: string, kind: ExportKind): string {
  const name = target ?? fallbackName;
  let full = path.resolve(exportDir(workspaceDir), name);
  if (path.extname(full).toLowerCase() !== `.${kind}`) {
    throw new ApiError('INVALID_INPUT', `The export file must end with .${kind}: ${name}`);
  }
  const dir = path.dirname(full);
  // Only our own export folder is created; a user-named folder must exist.
  if (dir !== exportDir(workspaceDir) || existsSync(dir)) requireFolder(full);
  else {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw writeFailure(e, full);
    }
  }
  // A named target is overwritten (the user chose it); a default name never is.
  if (target === undefined) {
    const ext = path.extname(full);
    const stem = full.slice(0, -ext.length);
    for (let n = 2; existsSync(full); n++) full = `${stem} (${n})${ext}`;
  }
  return full;
}

function tempPathFor(finalPath: string): string {
  return path.join(path.dirname(finalPath), `.${path.basename(finalPath)}.${process.pid}.${Date.now()}.tmp`);
}

/**
 * Writes through `write(tempPath)` and renames into place; the temp file is removed on failure.
 * The folder is tried first (the temp file created and removed), so a folder that cannot be
 * written is reported before any work, naming `finalPath` (writeFailure), never the temp file.
 */
export async function writeAtomically(finalPath: string, write: (tempPath: string) => Promise<void>): Promise<number> {
  const temp = tempPathFor(finalPath);
  try {
    closeSync(openSync(temp, 'wx'));
    rmSync(temp);
    await write(temp);
    renameSync(temp, finalPath);
  } catch (e) {
    removeQuietly(temp);
    throw writeFailure(e, finalPath);
  }
  return statSync(finalPath).size;
}

/** Writes a buffer or a stream atomically. */
export async function writeFileAtomically(finalPath: string, data: Buffer | Readable): Promise<number> {
  return writeAtomically(finalPath, async (temp) => {
    const out = createWriteStream(temp, { flags: 'wx' });
    if (Buffer.isBuffer(data)) {
      await new Promise<void>((resolve, reject) => {
        out.on('error', reject);
        out.end(data, () => resolve());
      });
    } else {
      await pipeline(data, out);
    }
  });
}
