// Return packages: in a working copy, everything the caseworker changed since
// the copy was made, written to one file for the lead to merge. A return is
// cumulative (all changes since the base, however many returns were made
// before), so the lead can merge the latest one and lose nothing; merging
// an earlier one after it changes nothing the later one did not.
import path from 'node:path';
import type { ReturnExportResult, ReturnPreview } from '../../../src-shared/team';
import type { CoreDeps } from '../deps';
import { defaultFileName, resolveTarget, safeBaseName, writeAtomically } from '../export/files';
import { latestSchemaVersion } from '../store/migrations';
import type { Store } from '../store/open';
import { version } from '../version';
import { changesSince, isNoOp, type PackageChange } from './return-changes';
import { sealedIf } from './encryption';
import { writeReturnFile } from './files';
import { PACKAGE_FORMAT_VERSION, requireWorkingCopy } from './origin';

type Deps = Pick<CoreDeps, 'now' | 'newId' | 'author'>;

function preview(origin: { packageId: string; assignee: string }, all: PackageChange[]): ReturnPreview {
  const changes = all.filter((c) => !isNoOp(c));
  const byEntity: Record<string, number> = {};
  for (const c of changes) byEntity[c.entityType] = (byEntity[c.entityType] ?? 0) + 1;
  return { packageId: origin.packageId, assignee: origin.assignee, changes: changes.length, byEntity, actors: [...new Set(changes.map((c) => c.actor))].sort() };
}

export async function returnPreview(store: Store): Promise<ReturnPreview> {
  const origin = await requireWorkingCopy(store.db);
  return preview(origin, await changesSince(store.db, origin.localSeq));
}

export async function exportReturn(store: Store, deps: Deps, workspaceDir: string, target: string | undefined, passphrase?: string): Promise<ReturnExportResult> {
  const started = Date.now();
  const origin = await requireWorkingCopy(store.db);
  // The changes and the position they go up to, read in one transaction.
  const { changes, upToSeq } = await store.db.transaction().execute(async (trx) => {
    const last = await trx.selectFrom('event').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
    return { changes: await changesSince(trx, origin.localSeq), upToSeq: Number(last?.seq ?? 0) };
  });
  const at = deps.now().toISOString();
  const fallback = defaultFileName(origin.masterTitle, `retur ${safeBaseName(origin.assignee)}`, at.slice(0, 10), 'innspillretur');
  const file = resolveTarget(workspaceDir, target, fallback, 'innspillretur');
  const sizeBytes = await writeAtomically(file, async (temp) => {
    await sealedIf(passphrase, 'return', temp, (plain) =>
      writeReturnFile(
        plain,
        {
          formatVersion: PACKAGE_FORMAT_VERSION,
          returnId: deps.newId(),
          packageId: origin.packageId,
          masterProjectId: origin.masterProjectId,
          masterTitle: origin.masterTitle,
          assignee: origin.assignee,
          baseSeq: origin.baseSeq,
          upToSeq,
          schemaVersion: latestSchemaVersion,
          appVersion: version,
          exportedAt: at,
          exportedBy: deps.author(),
        },
        changes,
      ),
    );
  });
  return { ...preview(origin, changes), path: file, fileName: path.basename(file), sizeBytes, encrypted: Boolean(passphrase), durationMs: Date.now() - started };
}
