// Automatic backups (src-main/core/backup): the snapshots of a project file,
// why each was taken, what it holds, and the settings that rotate them.
import { z } from 'zod';

/** Why a snapshot was taken: by hand, before a bulk operation, or the hourly one while coding. */
export const BACKUP_REASONS = ['manual', 'import', 'merge', 'codebookMerge', 'codebookDelete', 'codeGroup', 'restore', 'coding'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** One snapshot as listed: its manifest (time, reason, counts, checksum) and its file. */
export interface BackupSnapshot {
  id: string;
  /** When the snapshot was taken (ISO). Anything changed or erased after this time is not in it. */
  takenAt: string;
  reason: BackupReason;
  /** The project file it was taken of. */
  projectPath: string;
  projectTitle: string;
  counts: { responses: number; codings: number };
  /** SHA-256 of the uncompressed project file. */
  sha256: string;
  /** Size of the project file, and of the compressed snapshot on disk. */
  bytes: number;
  compressedBytes: number;
  /** The compressed file itself. */
  file: string;
}

export interface BackupList {
  /** The folder the project's snapshots are kept in. */
  folder: string;
  snapshots: BackupSnapshot[];
  /** The last automatic backup that failed in this session (the operation went ahead), if any. */
  lastFailure: { at: string; reason: BackupReason; message: string } | null;
}

export interface BackupVerifyResult {
  id: string;
  ok: boolean;
  checksumOk: boolean;
  /** "ok", or what SQLite's integrity_check found. */
  integrity: string;
}

export interface BackupRestoreResult {
  /** The new project file (never the original). */
  path: string;
  snapshot: BackupSnapshot;
}

export const backupSettingsSchema = z
  .object({
    /** A folder for all projects' snapshots (e.g. a network drive); null: beside each project. */
    folder: z.string().trim().min(1).max(4096).nullable(),
    /** The newest snapshots always kept. */
    keepLast: z.number().int().min(1).max(1000),
    /** Beyond those, the newest snapshot of each of the last N days. */
    keepDays: z.number().int().min(0).max(3650),
    /** The most the project's snapshots may take together (MB); the oldest go first. */
    maxTotalMB: z.number().int().min(1).max(1_000_000),
    /** While coding, at most one snapshot per this many minutes. */
    codingIntervalMinutes: z.number().int().min(1).max(24 * 60),
  })
  .strict();

export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { folder: null, keepLast: 20, keepDays: 30, maxTotalMB: 2000, codingIntervalMinutes: 60 };
