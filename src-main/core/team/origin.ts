// Whether a project is a working copy, and of which package: the one
// package_origin row a copy gets when it is made from a work package.
import type { Kysely, Selectable } from 'kysely';
import type { WorkingCopyInfo } from '../../../src-shared/team';
import { ApiError } from '../../../src-shared/errors';
import type { DB } from '../store/schema';

/**
 * The package format written by this version. A package or return with a
 * higher number was written by a newer Innspill and is refused.
 */
export const PACKAGE_FORMAT_VERSION = 1;

type OriginRow = Selectable<DB['package_origin']>;

function workingCopyInfo(row: OriginRow): WorkingCopyInfo {
  return {
    packageId: row.id,
    masterProjectId: row.master_project_id,
    masterTitle: row.master_title,
    assignee: row.assignee,
    baseSeq: row.base_seq,
    exportedAt: row.created_at,
    exportedBy: row.created_by,
    respondents: row.respondents,
    responses: row.responses,
  };
}

export async function readWorkingCopy(db: Kysely<DB>): Promise<WorkingCopyInfo | null> {
  const row = await db.selectFrom('package_origin').selectAll().executeTakeFirst();
  return row ? workingCopyInfo(row) : null;
}

export async function requireWorkingCopy(db: Kysely<DB>): Promise<WorkingCopyInfo & { localSeq: number }> {
  const row = await db.selectFrom('package_origin').selectAll().executeTakeFirst();
  if (!row) throw new ApiError('INVALID_INPUT', 'This project is not a working copy made from a work package; only a working copy has changes to return.');
  return { ...workingCopyInfo(row), localSeq: row.local_seq };
}

/** Work packages are made, and returns merged, in the master project only. */
export async function requireMaster(db: Kysely<DB>, what: string): Promise<void> {
  const origin = await readWorkingCopy(db);
  if (origin) {
    throw new ApiError(
      'INVALID_INPUT',
      `This project is a working copy (of "${origin.masterTitle}" for ${origin.assignee}); ${what} in the master project.`,
    );
  }
}
