// Snapshots of a project file: taken with SQLite's online backup API
// (better-sqlite3 `db.backup()`, a consistent copy while the project stays
// open), gzip-compressed into the project's backup folder with a manifest
// beside each (time, reason, counts, SHA-256 of the uncompressed file),
// listed, verified, and restored as a new project file, never over one.
//
// Layout: <root>/Innspill-sikkerhetskopier/<project name>/<id>.innspill.gz
// and <id>.json, where <root> is the project's own folder unless the
// settings name another (e.g. a network drive). The manifest is written
// last: a snapshot without one (a crash half-way) is not listed.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { BACKUP_REASONS, type BackupReason, type BackupSettings, type BackupSnapshot, type BackupVerifyResult } from '../../../src-shared/backup';
import { ApiError } from '../../../src-shared/errors';
import { codeOf, messageOf } from '../caught';
import { APPLICATION_ID, buildNewFile, PROJECT_EXTENSION, type Store } from '../store/open';
import { snapshotsToDelete } from './rotation';
import { sha256, sha256OfFile } from '../input/hash';

export const BACKUP_FOLDER = 'Innspill-sikkerhetskopier';
const SNAPSHOT_EXT = '.innspill.gz';
const MANIFEST_EXT = '.json';
const MANIFEST_FORMAT = 1;

/** The project's name as its backup subfolder is called ("Høring 2026.innspill" → "Høring 2026"). */
function projectName(projectPath: string): string {
  const base = path.basename(projectPath);
  return base.toLowerCase().endsWith(PROJECT_EXTENSION) ? base.slice(0, -PROJECT_EXTENSION.length) : base;
}

/** The folder holding one project's snapshots. */
export function backupFolder(projectPath: string, settings: Pick<BackupSettings, 'folder'>): string {
  const root = settings.folder ?? path.dirname(path.resolve(projectPath));
  return path.join(root, BACKUP_FOLDER, projectName(projectPath));
}

const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  id: z.string(),
  takenAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  projectPath: z.string(),
  projectId: z.string(),
  projectTitle: z.string(),
  schemaVersion: z.string(),
  lastEventSeq: z.number(),
  counts: z.object({ responses: z.number(), codings: z.number() }),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number(),
  compressedBytes: z.number(),
  compression: z.literal('gzip'),
});
type Manifest = z.infer<typeof manifestSchema>;

function toSnapshot(m: Manifest, folder: string): BackupSnapshot {
  return {
    id: m.id,
    takenAt: m.takenAt,
    reason: m.reason,
    projectPath: m.projectPath,
    projectTitle: m.projectTitle,
    counts: m.counts,
    sha256: m.sha256,
    bytes: m.bytes,
    compressedBytes: m.compressedBytes,
    file: path.join(folder, m.id + SNAPSHOT_EXT),
  };
}

const SCRATCH = /^innspill-backup-(\d+)-[0-9a-f]+\.sqlite(?:-journal)?$/;
/** A half-written snapshot or manifest, named by the process writing it. */
const PART = /\.(\d+)\.part$/;

/** Whether a process still runs (a process of another user counts as running). */
function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return codeOf(e) === 'EPERM';
  }
}

/**
 * Removes the scratch copies of processes that are gone: a process killed while it took a snapshot
 * (the crash harness, npm run crashtest, found them piling up) cannot remove its own. Run before each
 * new scratch copy and when a core starts (AutoBackup).
 */
export function removeOrphanedScratch(dir = os.tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = SCRATCH.exec(name);
    if (m && !alive(Number(m[1]))) {
      rmSync(path.join(dir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}

/** A scratch file name in the system's temp folder, removed by the caller (or, if it is killed, by the next process). */
function scratchFile(): string {
  removeOrphanedScratch();
  return path.join(os.tmpdir(), `innspill-backup-${process.pid}-${randomBytes(6).toString('hex')}.sqlite`);
}

/** Where `file` is written before it is renamed into place: named by this process, so the next one can tell it was left behind. */
function partOf(file: string): string {
  return `${file}.${process.pid}.part`;
}

/** Decompresses a snapshot to `dest` (which must not exist), hashing what it writes. */
async function gunzipTo(src: string, dest: string): Promise<{ sha256: string; bytes: number }> {
  const hash = sha256();
  let bytes = 0;
  try {
    await pipeline(
      createReadStream(src),
      createGunzip(),
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          hash.update(chunk);
          bytes += chunk.length;
          yield chunk;
        }
      },
      createWriteStream(dest, { flags: 'wx' }),
    );
  } catch (e) {
    if (codeOf(e) === 'ENOENT') throw new ApiError('NOT_FOUND', `The backup file is missing: ${src}`);
    throw new ApiError('CORRUPT', `The backup file is damaged (${messageOf(e)}): ${src}`);
  }
  return { sha256: hash.hex(), bytes };
}

/** What SQLite's full integrity check says of a file ("ok" when sound); also refuses a database of another application. */
function integrityOf(file: string): string {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { fileMustExist: true });
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) return 'not an Innspill project';
    return db.prepare<[], string>('PRAGMA integrity_check').pluck().all().join('; ');
  } catch (e) {
    return messageOf(e);
  } finally {
    db?.close();
  }
}

/** Every listed snapshot of the project, newest first (files without a readable manifest are left out). */
export function listSnapshots(projectPath: string, settings: Pick<BackupSettings, 'folder'>): BackupSnapshot[] {
  const folder = backupFolder(projectPath, settings);
  if (!existsSync(folder)) return [];
  const snapshots: BackupSnapshot[] = [];
  for (const name of readdirSync(folder)) {
    if (!name.endsWith(MANIFEST_EXT)) continue;
    let manifest: Manifest;
    try {
      const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(path.join(folder, name), 'utf8')));
      if (!parsed.success || parsed.data.id + MANIFEST_EXT !== name) continue;
      manifest = parsed.data;
    } catch {
      continue; // an unreadable manifest is not a snapshot we can vouch for
    }
    if (existsSync(path.join(folder, manifest.id + SNAPSHOT_EXT))) snapshots.push(toSnapshot(manifest, folder));
  }
  return snapshots.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.id.localeCompare(a.id));
}

export function findSnapshot(projectPath: string, settings: Pick<BackupSettings, 'folder'>, id: string): BackupSnapshot {
  const found = listSnapshots(projectPath, settings).find((s) => s.id === id);
  if (!found) throw new ApiError('NOT_FOUND', `No backup ${id} of ${projectPath} in ${backupFolder(projectPath, settings)}`);
  return found;
}

interface Counted {
  projectId: string;
  projectTitle: string;
  schemaVersion: string;
  lastEventSeq: number;
  responses: number;
  codings: number;
}

/** Makes the copy self-contained (no WAL) and reads what the manifest says of it. */
function settleAndCount(file: string): Counted {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    const project = db.prepare<[], { id: string; title: string }>('SELECT id, title FROM project LIMIT 1').get();
    const schema = db.prepare<[], string>('SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1').pluck().get();
    return {
      projectId: project?.id ?? '',
      projectTitle: project?.title ?? '',
      schemaVersion: schema ?? '',
      lastEventSeq: Number(db.prepare('SELECT coalesce(max(seq), 0) FROM event').pluck().get()),
      responses: Number(db.prepare('SELECT count(*) FROM response WHERE is_current = 1').pluck().get()),
      codings: Number(db.prepare('SELECT count(*) FROM coding').pluck().get()),
    };
  } finally {
    db.close();
  }
}

function snapshotId(at: Date, reason: BackupReason): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `${stamp}-${reason}-${randomBytes(3).toString('hex')}`;
}

/** Removes what rotation no longer keeps, and half-written files a crash left behind (their writer gone, or, unnamed, over an hour old). */
export function rotate(projectPath: string, settings: BackupSettings, now: Date): string[] {
  const folder = backupFolder(projectPath, settings);
  const doomed = snapshotsToDelete(listSnapshots(projectPath, settings), settings, now);
  for (const id of doomed) {
    // The manifest first: a snapshot half-removed is then simply not listed.
    rmSync(path.join(folder, id + MANIFEST_EXT), { force: true });
    rmSync(path.join(folder, id + SNAPSHOT_EXT), { force: true });
  }
  const hourAgo = now.getTime() - 60 * 60 * 1000;
  for (const name of existsSync(folder) ? readdirSync(folder) : []) {
    const full = path.join(folder, name);
    const writer = PART.exec(name);
    if (writer ? !alive(Number(writer[1])) : name.endsWith('.part') && statSync(full).mtimeMs < hourAgo) rmSync(full, { force: true });
  }
  return doomed;
}

/**
 * Takes a snapshot of the open project. Never inside a transaction: the
 * snapshot must show committed work only, and a bulk operation's own
 * transaction starts after it.
 */
export async function takeSnapshot(store: Store, reason: BackupReason, settings: BackupSettings, now: Date): Promise<BackupSnapshot> {
  if (store.sqlite.inTransaction) throw new ApiError('INTERNAL', 'A backup cannot be taken inside a transaction.');
  const folder = backupFolder(store.path, settings);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (e) {
    throw new ApiError('NOT_FOUND', `The backup folder cannot be created (${messageOf(e)}): ${folder}`);
  }
  const scratch = scratchFile();
  const id = snapshotId(now, reason);
  const target = path.join(folder, id + SNAPSHOT_EXT);
  const manifestFile = path.join(folder, id + MANIFEST_EXT);
  try {
    await store.sqlite.backup(scratch);
    const counted = settleAndCount(scratch);
    const sha256 = await sha256OfFile(scratch);
    const bytes = statSync(scratch).size;
    await pipeline(createReadStream(scratch), createGzip({ level: 6 }), createWriteStream(partOf(target), { flags: 'wx' }));
    renameSync(partOf(target), target);
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      id,
      takenAt: now.toISOString(),
      reason,
      projectPath: store.path,
      projectId: counted.projectId,
      projectTitle: counted.projectTitle,
      schemaVersion: counted.schemaVersion,
      lastEventSeq: counted.lastEventSeq,
      counts: { responses: counted.responses, codings: counted.codings },
      sha256,
      bytes,
      compressedBytes: statSync(target).size,
      compression: 'gzip',
    };
    writeFileSync(partOf(manifestFile), JSON.stringify(manifest, null, 2));
    renameSync(partOf(manifestFile), manifestFile);
    rotate(store.path, settings, now);
    return toSnapshot(manifest, folder);
  } catch (e) {
    rmSync(partOf(target), { force: true });
    rmSync(partOf(manifestFile), { force: true });
    if (!existsSync(manifestFile)) rmSync(target, { force: true });
    if (e instanceof ApiError) throw e;
    const code = codeOf(e);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new ApiError('READ_ONLY', `The backup folder is not writable: ${folder}`);
    throw new ApiError('INTERNAL', `The backup could not be written to ${folder}: ${messageOf(e)}`);
  } finally {
    rmSync(scratch, { force: true });
    rmSync(scratch + '-journal', { force: true });
  }
}

/** Checks a snapshot: its checksum against the manifest, and SQLite's full integrity check. */
export async function verifySnapshot(snapshot: BackupSnapshot): Promise<BackupVerifyResult> {
  const scratch = scratchFile();
  try {
    let written: { sha256: string; bytes: number };
    try {
      written = await gunzipTo(snapshot.file, scratch);
    } catch (e) {
      return { id: snapshot.id, ok: false, checksumOk: false, integrity: messageOf(e) };
    }
    const checksumOk = written.sha256 === snapshot.sha256 && written.bytes === snapshot.bytes;
    const integrity = integrityOf(scratch);
    return { id: snapshot.id, ok: checksumOk && integrity === 'ok', checksumOk, integrity };
  } finally {
    rmSync(scratch, { force: true });
  }
}

/** The newest snapshot that verifies, or null (for a project that will not open). */
export async function newestGoodSnapshot(projectPath: string, settings: Pick<BackupSettings, 'folder'>): Promise<BackupSnapshot | null> {
  for (const snapshot of listSnapshots(projectPath, settings)) {
    if ((await verifySnapshot(snapshot)).ok) return snapshot;
  }
  return null;
}

/** "<name> (gjenopprettet 2026-12-07 14.30).innspill" beside the original; a number is added if taken. */
export function restoreTarget(projectPath: string, snapshot: BackupSnapshot): string {
  const dir = path.dirname(path.resolve(projectPath));
  // Local time, as the user's clock showed it.
  const t = new Date(snapshot.takenAt);
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${t.getFullYear()}-${two(t.getMonth() + 1)}-${two(t.getDate())} ${two(t.getHours())}.${two(t.getMinutes())}`;
  const stem = path.join(dir, `${projectName(projectPath)} (gjenopprettet ${stamp})`);
  let candidate = stem + PROJECT_EXTENSION;
  for (let n = 2; existsSync(candidate); n++) candidate = `${stem} ${n}${PROJECT_EXTENSION}`;
  return candidate;
}

/**
 * Writes the snapshot out as a new project file at `target` (never over an
 * existing file), after checking its checksum and integrity.
 */
export async function restoreSnapshot(snapshot: BackupSnapshot, target: string): Promise<string> {
  return buildNewFile(target, async (temp) => {
    const written = await gunzipTo(snapshot.file, temp);
    if (written.sha256 !== snapshot.sha256 || written.bytes !== snapshot.bytes) {
      throw new ApiError('CORRUPT', `The backup does not match its checksum and is not restored: ${snapshot.file}`);
    }
    const integrity = integrityOf(temp);
    if (integrity !== 'ok') throw new ApiError('CORRUPT', `The backup is damaged (integrity check: ${integrity}) and is not restored: ${snapshot.file}`);
  });
}
