// Merging a return package into the master. Every change the colleague made
// arrives or is listed as a conflict; nothing wins silently.
//
// For each changed entity: B its image at the base (or, if an earlier return
// of the same package was merged, the version merged then), T the
// colleague's final image, O the master's current row (by id, or by natural
// key for values, memos and finding links):
// - B absent (the colleague created it): O absent → insert T; O equal to T →
//   nothing; else a conflict (both created the same value differently).
//   Codings never collide: both sides' codings are kept, the exact same span
//   with the same code once (the second is recorded as a duplicate; so is a
//   change that makes a coding the exact twin of another, which then goes).
// - T absent (the colleague deleted it): O absent → nothing; O still equal
//   to B and nothing in the master uses it → delete; O changed, or the master
//   uses it (a coding on a deleted code) → conflict changed_deleted.
// - Both present: O absent → conflict changed_deleted. Else column by column:
//   a column only the colleague changed takes T's value, one only the master
//   changed keeps O's, one both changed to the same value is fine, one both
//   changed differently is a conflict (both_changed, listing the columns);
//   the columns that do not collide are applied all the same.
// - A change that refers to something the master does not have (a code the
//   lead deleted) is a conflict missing_parent; to an answer the master split
//   since the base (its text moved to another question), moved_text.
// - Split corrections (answer parts of one response) merge as a unit: applied
//   together if the master did not change that response's parts since the
//   base and uses none of the parts the colleague replaced; otherwise one
//   moved_text conflict (entity_type 'answer', entity_id the response id,
//   base/ours/theirs JSON arrays of its parts).
//
// Merged rows keep the colleague's id and created/updated at/by, and every
// change is written to the master's audit trail with the colleague as actor,
// all under one group per merge, so History shows who did what. A return
// already merged (same return id) changes nothing. A later return of the same
// package is merged against what the earlier one brought (merged_change), so
// only what is new since then arrives, and decided conflicts stay decided.
import type { Transaction } from 'kysely';
import type { ConflictKind, MergeReport } from '../../../src-shared/team';
import { ApiError } from '../../../src-shared/errors';
import { ChangeSet, type Row, type RowOf } from '../audit/changes';
import { parseImage, rowOf } from '../audit/images';
import { recordEvent } from '../audit/record';
import type { CoreDeps } from '../deps';
import type { Store } from '../store/open';
import type { DB, MergeOutcome } from '../store/schema';
import type { PackageChange } from './return-changes';
import { contentColumns, naturalKeyOf, RETURN_TABLES, sameContent, sameValue, type ReturnTable } from './entities';
import { readReturnFile, type ReturnMeta } from './files';
import { withPlainPackage } from './encryption';
import { requireMaster } from './origin';
import { answerRemovedSince, answersChangedSince, dependantsOf, findOurs, makesCodeLoop, missingReference, rowById } from './rows';

type Deps = Pick<CoreDeps, 'now' | 'newId' | 'author'>;
type Trx = Transaction<DB>;

export const MERGE_ACTION = 'team.merge';

interface ConflictInput {
  entityType: string;
  entityId: string;
  naturalKey: string | null;
  kind: ConflictKind;
  columns: string[];
  base: unknown;
  ours: unknown;
  theirs: unknown;
  oursActor: string | null;
  theirsActor: string | null;
}

const PARENT_TABLES: ReturnTable[] = ['finding_report', 'finding', 'code', 'variable', 'response'];
const CHILD_TABLES: ReturnTable[] = ['coding', 'variable_value', 'memo', 'finding_link'];

/** Codes with parents before their children (a new subcode under a new code); other rows keep their order. */
function parentsFirst(changes: PackageChange[]): PackageChange[] {
  const byId = new Map(changes.map((c) => [(c.theirs ?? c.base)!.id, c]));
  const out: PackageChange[] = [];
  const placed = new Set<string>();
  const visit = (c: PackageChange, depth: number) => {
    const id = (c.theirs ?? c.base)!.id;
    if (placed.has(id) || depth > changes.length) return;
    const parent = (c.theirs ?? c.base)!.parent_id;
    const p = typeof parent === 'string' ? byId.get(parent) : undefined;
    if (p) visit(p, depth + 1);
    if (!placed.has(id)) {
      placed.add(id);
      out.push(c);
    }
  };
  for (const c of changes) visit(c, 0);
  return out;
}

class Merger {
  readonly applied: Record<string, number> = {};
  unchanged = 0;
  readonly conflictIds: string[] = [];
  readonly actors = new Set<string>();
  /** Colleague's coding id → the master's identical coding (a duplicate kept once). */
  private readonly codingIds = new Map<string, string>();
  /** Answer parts the colleague made in a split that could not be applied. */
  private readonly heldAnswers = new Set<string>();
  private readonly sets = new Map<string, ChangeSet>();
  private previous = new Map<string, { theirs: string | null }>();
  /** Master codings this return deletes: never the twin a new coding is folded into (see sameCoding). */
  private deletedCodings = new Set<string>();

  constructor(
    private readonly trx: Trx,
    private readonly deps: Deps,
    private readonly meta: ReturnMeta,
    private readonly mergeId: string,
    private readonly groupId: string,
    private readonly lead: string,
  ) {}

  /** A ChangeSet that writes as the colleague who made the change (one group per merge). */
  private as(actor: string): ChangeSet {
    let c = this.sets.get(actor);
    if (!c) {
      c = new ChangeSet(this.trx, { ...this.deps, author: () => actor }, MERGE_ACTION, this.groupId);
      this.sets.set(actor, c);
    }
    return c;
  }

  async run(changes: PackageChange[]): Promise<void> {
    const rows = await this.trx.selectFrom('merged_change').select(['entity_type', 'entity_key', 'theirs']).where('package_id', '=', this.meta.packageId).execute();
    this.previous = new Map(rows.map((r) => [`${r.entity_type}\u0000${r.entity_key}`, { theirs: r.theirs }]));
    this.deletedCodings = new Set(changes.filter((c) => c.entityType === 'coding' && c.theirs === null && c.base).map((c) => c.base!.id));
    const of = (tables: ReturnTable[], present: boolean) =>
      changes.filter((c) => tables.includes(c.entityType) && (c.theirs !== null) === present);
    const ordered = (list: PackageChange[]) =>
      [...list].sort((a, b) => RETURN_TABLES.indexOf(a.entityType) - RETURN_TABLES.indexOf(b.entityType));

    for (const c of parentsFirst(ordered(of(PARENT_TABLES, true)))) await this.one(c);
    for (const c of ordered(of(CHILD_TABLES, false)).reverse()) await this.one(c);
    await this.answerUnits(changes.filter((c) => c.entityType === 'answer'));
    for (const c of ordered(of(CHILD_TABLES, true))) await this.one(c);
    // Children before parents: subcodes before their code, findings before their report.
    for (const c of parentsFirst(ordered(of(PARENT_TABLES, false))).reverse()) await this.one(c);
  }

  /** The version to merge against: what an earlier return brought, else the package's base. */
  private baseOf(change: PackageChange): { base: Row | null; seen: boolean } {
    const prev = this.previous.get(`${change.entityType}\u0000${change.key}`);
    if (!prev) return { base: change.base, seen: false };
    return { base: parseImage(prev.theirs), seen: true };
  }

  /** The colleague's row with their coding ids replaced by the master's where a coding was kept once. */
  private remap(table: ReturnTable, row: Row | null): Row | null {
    if (!row || table !== 'finding_link' || typeof row.coding_id !== 'string') return row;
    const to = this.codingIds.get(row.coding_id);
    return to ? { ...row, coding_id: to } : row;
  }

  private async record(change: PackageChange, outcome: MergeOutcome): Promise<void> {
    this.actors.add(change.actor);
    if (outcome === 'applied') this.applied[change.entityType] = (this.applied[change.entityType] ?? 0) + 1;
    if (outcome === 'unchanged' || outcome === 'duplicate') this.unchanged++;
    const row = {
      package_id: this.meta.packageId,
      entity_type: change.entityType,
      entity_key: change.key,
      theirs: change.theirs === null ? null : JSON.stringify(change.theirs),
      actor: change.actor,
      outcome,
      merge_id: this.mergeId,
      merged_at: this.deps.now().toISOString(),
    };
    await this.trx
      .insertInto('merged_change')
      .values(row)
      .onConflict((oc) => oc.columns(['package_id', 'entity_type', 'entity_key']).doUpdateSet({ theirs: row.theirs, actor: row.actor, outcome, merge_id: row.merge_id, merged_at: row.merged_at }))
      .execute();
  }

  /** Records a conflict for the lead to decide, raised by one change or, for a moved text, by all of a response's parts (the first one's actor stands for them). */
  private async conflict(changes: PackageChange | PackageChange[], input: Omit<ConflictInput, 'theirsActor'>): Promise<void> {
    const raisedBy = Array.isArray(changes) ? changes : [changes];
    const id = this.deps.newId();
    const at = this.deps.now().toISOString();
    const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
    await this.trx
      .insertInto('merge_conflict')
      .values({
        id,
        created_at: at,
        created_by: this.lead,
        updated_at: at,
        updated_by: this.lead,
        package_id: this.meta.packageId,
        merge_id: this.mergeId,
        entity_type: input.entityType,
        entity_id: input.entityId,
        natural_key: input.naturalKey,
        kind: input.kind,
        columns: JSON.stringify(input.columns),
        base: json(input.base),
        ours: json(input.ours),
        theirs: json(input.theirs),
        ours_actor: input.oursActor,
        theirs_actor: raisedBy[0].actor,
        status: 'open',
        resolution: null,
        resolved_at: null,
        resolved_by: null,
      })
      .execute();
    this.conflictIds.push(id);
    for (const change of raisedBy) await this.record(change, 'conflict');
  }

  /** Why a row cannot be applied: the kind of conflict for its first missing reference, or null. */
  private async blocked(table: ReturnTable, row: Row): Promise<ConflictKind | null> {
    const missing = await missingReference(this.trx, table, row);
    if (!missing) return null;
    if (missing.table === 'answer' && (this.heldAnswers.has(missing.id) || (await answerRemovedSince(this.trx, missing.id, this.meta.baseSeq)))) return 'moved_text';
    return 'missing_parent';
  }

  private conflictBase(change: PackageChange, table: ReturnTable, base: Row | null, ours: Row | null, theirs: Row | null) {
    const any = (ours ?? theirs ?? base)!;
    return {
      entityType: table,
      entityId: any.id,
      naturalKey: change.naturalKey ?? naturalKeyOf(table, any),
      base,
      ours,
      theirs,
      oursActor: typeof ours?.updated_by === 'string' ? ours.updated_by : null,
    };
  }

  /** Merges one entity's change (see the rules at the top of this file). */
  private async one(change: PackageChange): Promise<void> {
    const table = change.entityType;
    const { base } = this.baseOf(change);
    if (sameContent(table, base, change.theirs)) {
      // Changed and changed back, or brought by an earlier return of this package.
      await this.record(change, 'unchanged');
      return;
    }
    const theirs = this.remap(table, change.theirs);
    const ours = await findOurs(this.trx, table, (theirs ?? base ?? change.base)!);
    const c = this.as(change.actor);

    if (base === null && theirs !== null) {
      if (ours) {
        if (sameContent(table, ours, theirs)) return this.record(change, 'unchanged');
        const columns = contentColumns(table, ours, theirs).filter((col) => !sameValue(ours[col], theirs[col]));
        return this.conflict(change, { ...this.conflictBase(change, table, base, ours, theirs), kind: 'both_changed', columns });
      }
      if (table === 'coding') {
        const same = await this.sameCoding(theirs, null);
        if (same) {
          this.codingIds.set(theirs.id, same.id);
          return this.record(change, 'duplicate');
        }
      }
      const kind = await this.blocked(table, theirs);
      if (kind) return this.conflict(change, { ...this.conflictBase(change, table, base, null, theirs), kind, columns: [] });
      const clash = await this.uniqueClash(table, theirs);
      if (clash) {
        const columns = contentColumns(table, clash, theirs).filter((col) => !sameValue(clash[col], theirs[col]));
        return this.conflict(change, { ...this.conflictBase(change, table, base, clash, theirs), entityId: clash.id, kind: 'both_changed', columns });
      }
      await c.restore(table, theirs.id, theirs, MERGE_ACTION);
      return this.record(change, 'applied');
    }

    if (base !== null && theirs === null) {
      if (!ours) return this.record(change, 'unchanged');
      if (!sameContent(table, ours, base)) {
        return this.conflict(change, { ...this.conflictBase(change, table, base, ours, null), kind: 'changed_deleted', columns: [] });
      }
      if ((await dependantsOf(this.trx, table, ours.id)).length > 0) {
        // Deleted there, still used here (a coding added here with a code deleted there).
        return this.conflict(change, { ...this.conflictBase(change, table, base, ours, null), kind: 'changed_deleted', columns: [] });
      }
      await c.restore(table, ours.id, null, MERGE_ACTION);
      if (table === 'coding') await this.restoreAbsorbed(ours);
      return this.record(change, 'applied');
    }

    if (base !== null && theirs !== null) {
      if (!ours) {
        const kind: ConflictKind = table === 'answer' ? 'moved_text' : 'changed_deleted';
        return this.conflict(change, { ...this.conflictBase(change, table, base, null, theirs), kind, columns: [] });
      }
      const columns = contentColumns(table, base, ours, theirs);
      const collide: string[] = [];
      const take: string[] = [];
      for (const col of columns) {
        const theirsChanged = !sameValue(theirs[col], base[col]);
        const oursChanged = !sameValue(ours[col], base[col]);
        if (!theirsChanged || sameValue(ours[col], theirs[col])) continue;
        if (oursChanged) collide.push(col);
        else take.push(col);
      }
      let current = ours;
      if (take.length > 0) {
        const merged: Row = { ...ours, updated_at: theirs.updated_at, updated_by: theirs.updated_by };
        for (const col of take) merged[col] = theirs[col];
        const kind = await this.blocked(table, merged);
        if (kind) return this.conflict(change, { ...this.conflictBase(change, table, base, ours, theirs), kind, columns: take });
        if (table === 'code' && take.includes('parent_id') && (await makesCodeLoop(this.trx, ours.id, rowOf('code', merged).parent_id))) {
          // Each side moved one code under the other: both cannot stand.
          return this.conflict(change, { ...this.conflictBase(change, table, base, ours, theirs), kind: 'both_changed', columns: ['parent_id'] });
        }
        const twin = table === 'coding' && collide.length === 0 ? await this.sameCoding(merged, ours.id) : null;
        if (twin) {
          // The change makes it the exact twin of a coding the master has: kept once.
          await this.dropTwin(c, ours.id, twin.id);
          this.codingIds.set(ours.id, twin.id);
          return this.record(change, 'duplicate');
        }
        await c.restore(table, ours.id, merged, MERGE_ACTION);
        current = merged;
        this.applied[table] = (this.applied[table] ?? 0) + (collide.length > 0 ? 1 : 0);
      }
      if (collide.length > 0) {
        return this.conflict(change, { ...this.conflictBase(change, table, base, current, theirs), kind: 'both_changed', columns: collide });
      }
      return this.record(change, take.length > 0 ? 'applied' : 'unchanged');
    }
    await this.record(change, 'unchanged');
  }

  /**
   * A master coding of the same code on the same span (other than `except`),
   * or null. A coding this return deletes does not count: the colleague meant
   * it gone, and if the deletion is held as a conflict, folding a new coding
   * into it would make the lead's decision on the old one decide the new one
   * too (and the result would depend on the order returns are merged in).
   */
  private async sameCoding(image: Row, except: string | null): Promise<RowOf<'coding'> | null> {
    const row = rowOf('coding', image);
    let q = this.trx
      .selectFrom('coding')
      .selectAll()
      .where('answer_id', '=', row.answer_id)
      .where('code_id', '=', row.code_id)
      .where('start_offset', '=', row.start_offset)
      .where('end_offset', '=', row.end_offset);
    if (except) q = q.where('id', '!=', except);
    if (this.deletedCodings.size > 0) q = q.where('id', 'not in', [...this.deletedCodings]);
    return (await q.orderBy('id').executeTakeFirst()) ?? null;
  }

  /**
   * A coding that goes may have stood for a colleague's identical coding,
   * kept once when an earlier return was merged (outcome 'duplicate'). That
   * colleague did not delete theirs, so it comes back as their own row —
   * as it would have stood had the returns been merged the other way round.
   */
  private async restoreAbsorbed(gone: Row): Promise<void> {
    const candidates = await this.trx
      .selectFrom('merged_change')
      .select(['entity_key', 'theirs', 'actor'])
      .where('entity_type', '=', 'coding')
      .where('outcome', '=', 'duplicate')
      .orderBy('merged_at')
      .orderBy('entity_key')
      .execute();
    for (const candidate of candidates) {
      const row = parseImage(candidate.theirs);
      if (!row || row.id === gone.id || this.deletedCodings.has(row.id)) continue;
      const sameSpan = (['answer_id', 'code_id', 'start_offset', 'end_offset'] as const).every((col) => row[col] === gone[col]);
      if (!sameSpan) continue;
      if (await this.trx.selectFrom('coding').select('id').where('id', '=', row.id).executeTakeFirst()) continue;
      await this.as(candidate.actor).restore('coding', row.id, row, MERGE_ACTION);
      return;
    }
  }

  /** Removes a coding in favour of its twin; finding links on it move to the twin (or go, if the twin has them). */
  private async dropTwin(c: ChangeSet, id: string, twin: string): Promise<void> {
    const links = await this.trx.selectFrom('finding_link').selectAll().where('coding_id', '=', id).execute();
    for (const link of links) {
      const exists = await this.trx.selectFrom('finding_link').select('id').where('finding_id', '=', link.finding_id).where('answer_id', '=', link.answer_id).where('coding_id', '=', twin).executeTakeFirst();
      if (exists) await c.restore('finding_link', link.id, null, MERGE_ACTION);
      else await c.restore('finding_link', link.id, { ...link, coding_id: twin }, MERGE_ACTION);
    }
    await c.restore('coding', id, null, MERGE_ACTION);
  }

  /** Another master row holding a unique key the colleague's new row wants (a variable key, a report id). */
  private async uniqueClash(table: ReturnTable, row: Row): Promise<Row | null> {
    if (table === 'variable') {
      return (await this.trx.selectFrom('variable').selectAll().where('key', '=', rowOf('variable', row).key).executeTakeFirst()) ?? null;
    }
    if (table === 'finding_report') {
      return (await this.trx.selectFrom('finding_report').selectAll().where('report_key', '=', rowOf('finding_report', row).report_key).executeTakeFirst()) ?? null;
    }
    return null;
  }

  /** Split corrections, one response at a time (see the rules at the top of this file). */
  private async answerUnits(changes: PackageChange[]): Promise<void> {
    const units = new Map<string, PackageChange[]>();
    for (const c of changes) {
      const responseId = rowOf('answer', (c.theirs ?? c.base)!).response_id;
      units.set(responseId, [...(units.get(responseId) ?? []), c]);
    }
    for (const [responseId, unit] of units) {
      const pending: { change: PackageChange; base: Row | null; ours: Row | null }[] = [];
      for (const change of unit) {
        const { base } = this.baseOf(change);
        if (sameContent('answer', base, change.theirs)) {
          await this.record(change, 'unchanged');
          continue;
        }
        pending.push({ change, base, ours: await rowById(this.trx, 'answer', (change.theirs ?? base ?? change.base)!.id) });
      }
      if (pending.length === 0) continue;
      let clean = !(await answersChangedSince(this.trx, responseId, this.meta.baseSeq));
      if (clean && !(await rowById(this.trx, 'response', responseId))) clean = false;
      for (const p of pending) {
        if (!clean) break;
        if (p.base === null) clean = p.ours === null;
        else clean = p.ours !== null && sameContent('answer', p.ours, p.base);
        if (clean && p.change.theirs === null && p.ours) clean = (await dependantsOf(this.trx, 'answer', p.ours.id)).length === 0;
      }
      if (!clean) {
        for (const p of pending) if (p.change.theirs && !p.ours) this.heldAnswers.add(p.change.theirs.id);
        const ours = await this.trx.selectFrom('answer').selectAll().where('response_id', '=', responseId).orderBy('ordinal').execute();
        // The colleague's parts of the response in full: the ones they changed, and the rest as the master has them.
        const touched = new Set(pending.flatMap((p) => [p.base?.id, p.change.theirs?.id, p.change.base?.id]).filter((x): x is string => typeof x === 'string'));
        const madeHere = new Set(
          (
            await this.trx
              .selectFrom('event')
              .select('entity_id')
              .where('entity_type', '=', 'answer')
              .where('seq', '>', this.meta.baseSeq)
              .where('before', 'is', null)
              .execute()
          ).map((e) => e.entity_id),
        );
        const theirsParts = [
          ...pending.flatMap((p) => (p.change.theirs === null ? [] : [rowOf('answer', p.change.theirs)])),
          ...ours.filter((a) => !touched.has(a.id) && !madeHere.has(a.id)),
        ].sort((a, b) => a.ordinal - b.ordinal);
        const latest = [...ours].sort((a, b) => b.updated_at.localeCompare(a.updated_at))[0];
        await this.conflict(pending.map((p) => p.change), {
          entityType: 'answer',
          entityId: responseId,
          naturalKey: `response|${responseId}`,
          kind: 'moved_text',
          columns: [],
          base: pending.map((p) => p.base).filter((b) => b !== null),
          ours,
          theirs: theirsParts,
          oursActor: latest?.updated_by ?? null,
        });
        continue;
      }
      // Deletions first (the replaced part), then the new and shifted parts.
      for (const p of pending.filter((x) => x.change.theirs === null)) {
        await this.as(p.change.actor).restore('answer', p.ours!.id, null, MERGE_ACTION);
        await this.record(p.change, 'applied');
      }
      for (const p of pending.filter((x) => x.change.theirs !== null)) {
        const theirs = p.change.theirs!;
        if (p.ours && sameContent('answer', p.ours, theirs)) {
          await this.record(p.change, 'unchanged');
          continue;
        }
        await this.as(p.change.actor).restore('answer', theirs.id, theirs, MERGE_ACTION);
        await this.record(p.change, 'applied');
      }
    }
  }
}

/** Merges a return package file into the master project, in one transaction. */
export async function mergeReturn(store: Store, deps: Deps, file: string, passphrase?: string): Promise<MergeReport> {
  await requireMaster(store.db, 'return packages are merged');
  // An encrypted return is decrypted (and checked) before anything is read or changed.
  const { meta, changes } = await withPlainPackage(file, 'return', passphrase, (plain) => readReturnFile(plain));
  const project = await store.db.selectFrom('project').select(['id', 'title']).executeTakeFirstOrThrow();
  if (meta.masterProjectId !== project.id) {
    throw new ApiError('WRONG_PROJECT', `This return package belongs to another project ("${meta.masterTitle}"), not to "${project.title}". Nothing was changed.`);
  }
  const workPackage = await store.db.selectFrom('work_package').selectAll().where('id', '=', meta.packageId).executeTakeFirst();
  if (!workPackage) {
    throw new ApiError('WRONG_PROJECT', `This return package belongs to a work package this project did not make (package ${meta.packageId}). Nothing was changed.`);
  }
  const lead = deps.author();
  return store.db.transaction().execute(async (trx) => {
    // The same return again, or an older return of the same package after a newer one (a return
    // carries everything since the base, so the newer one brought all of it): nothing to do.
    const newest = await trx
      .selectFrom('package_merge')
      .select(['id', 'up_to_seq'])
      .where('package_id', '=', meta.packageId)
      .orderBy('up_to_seq', 'desc')
      .executeTakeFirst();
    const same = await trx.selectFrom('package_merge').select('id').where('id', '=', meta.returnId).executeTakeFirst();
    if (same || (newest && newest.up_to_seq >= meta.upToSeq)) {
      return { packageId: meta.packageId, assignee: meta.assignee, alreadyMerged: true, applied: {}, unchanged: 0, conflicts: 0, conflictIds: [], actors: [] };
    }
    const merger = new Merger(trx, deps, meta, meta.returnId, deps.newId(), lead);
    await merger.run(changes);
    const report: MergeReport = {
      packageId: meta.packageId,
      assignee: meta.assignee,
      alreadyMerged: false,
      applied: merger.applied,
      unchanged: merger.unchanged,
      conflicts: merger.conflictIds.length,
      conflictIds: merger.conflictIds,
      actors: [...merger.actors].sort(),
    };
    const at = deps.now().toISOString();
    const appliedCount = Object.values(merger.applied).reduce((a, b) => a + b, 0);
    await trx
      .insertInto('package_merge')
      .values({
        id: meta.returnId,
        created_at: at,
        created_by: lead,
        updated_at: at,
        updated_by: lead,
        package_id: meta.packageId,
        assignee: meta.assignee,
        up_to_seq: meta.upToSeq,
        changes: changes.length,
        applied: appliedCount,
        conflicts: report.conflicts,
        report: JSON.stringify(report),
      })
      .execute();
    await recordEvent(trx, deps, {
      action: MERGE_ACTION,
      entityType: 'package_merge',
      entityId: meta.returnId,
      after: { packageId: meta.packageId, assignee: meta.assignee, exportedBy: meta.exportedBy, exportedAt: meta.exportedAt, changes: changes.length, applied: appliedCount, conflicts: report.conflicts },
    });
    return report;
  });
}
