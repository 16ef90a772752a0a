// Property: two colleagues (Anne and Bjørn) code the same four responses in
// their working copies while the lead goes on in the master; their returns
// are merged in either order into two copies of the master. Then:
//
// 1. Same result. "Same" means: (a) every row of the workspace tables is
//    identical in content in both masters (content: every column except
//    created/updated at/by, and except the id where rows are matched by
//    natural key or where one coding was kept for two identical ones),
//    leaving out only what a conflict is about (a whole row for a
//    changed/deleted conflict, the colliding columns for both_changed); and
//    (b) the conflicts are the same set, each identified by its entity
//    (natural key, else id), kind and the unordered pair of the two
//    versions (on the colliding columns).
// 2. Nothing lost: every change in either return is in the master (its
//    columns as the colleague left them), or a conflict lists it.
// 3. Conflicts exactly where both sides changed the same thing: every
//    conflict is on an entity at least two of lead, Anne and Bjørn changed,
//    and wherever Anne and Bjørn changed the same column (or created the
//    same value) differently, with the lead leaving it alone, there is one.
//
// Code deletions, split corrections and code moves are left to
// merge.test.ts: there the first merged return decides what the other
// one meets (a deleted code, moved text, a code already moved under the one
// it would take), so which entity the conflict is on differs by order.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Core } from '../../../../src-main/core';
import type { Row } from '../../../../src-main/core/audit/changes';
import { reduceEvents, type PackageChange } from '../../../../src-main/core/team/return-changes';
import { contentColumns, hasNaturalKey, RETURN_TABLES, sameValue, type ReturnTable } from '../../../../src-main/core/team/entities';
import { readReturnFile } from '../../../../src-main/core/team/files';
import { checkpointFully } from '../../../../src-main/core/store/checkpointer';
import type { ApiClient } from '../../../../src-shared/client';
import type { Variable } from '../../../../src-shared/coding';
import { ApiError } from '../../../../src-shared/errors';
import { testApi } from '../../../helpers/api';
import { loadResponses, switchableCore, type CodingProject, type ResponseRef } from '../../../helpers/coding';
import { tempDir } from '../../../helpers/core';
import { laptop, LEAD, masterProject, type Laptop } from '../../../helpers/team';

let p: CodingProject;
let template: string;
let baseSeq: number;
let packages: { anne: string; bjorn: string };
let variables: Variable[];
let codeIds: string[];
let findingIds: string[];
let responseNumbers: string[];

beforeAll(async () => {
  p = await masterProject();
  variables = await p.api.variables.list();
  const codes = [await p.api.codebook.create({ name: 'Rus' }), await p.api.codebook.create({ name: 'Vold' }), await p.api.codebook.create({ name: 'Avstand' })];
  codeIds = codes.map((c) => c.id);
  // Rows at the base that the sides can change or delete.
  await p.api.codings.create({ answerId: p.response('1804').q(1).id, codeId: codeIds[0] });
  await p.api.codings.create({ answerId: p.response('3403').q(4).id, codeId: codeIds[1], start: 0, end: 3 });
  await p.api.variables.set({ responseId: p.response('1804').id, variableId: variables[0].id, value: 'ja' });
  await p.api.memos.set({ targetType: 'project', targetId: null, text: 'Grunnlag' });
  findingIds = (await p.api.findings.list({})).slice(0, 2).map((f) => f.id);
  const all = (await p.api.team.assignments()).respondents.map((r) => r.respondentId);
  await p.api.team.assign({ assignee: 'Anne', respondentIds: all });
  await p.api.team.assign({ assignee: 'Bjørn', respondentIds: all });
  packages = {
    anne: (await p.api.team.exportPackage({ assignee: 'Anne', target: path.join(p.dir, 'anne.innspillpakke') })).path,
    bjorn: (await p.api.team.exportPackage({ assignee: 'Bjørn', target: path.join(p.dir, 'bjorn.innspillpakke') })).path,
  };
  baseSeq = p.store().sqlite.prepare('SELECT max(seq) FROM event').pluck().get() as number;
  responseNumbers = [...p.responses.keys()].sort();
  await p.api.project.close();
  template = path.join(p.dir, 'master-template.innspill');
  copyFileSync(p.file, template);
}, 60_000);
afterAll(async () => {
  await p.cleanup();
});

type Op =
  | { kind: 'var'; r: number; v: number; o: number }
  | { kind: 'code'; r: number; q: number; c: number; span: number }
  | { kind: 'uncode'; k: number }
  | { kind: 'recode'; k: number; c: number }
  | { kind: 'memo'; target: number; text: string }
  | { kind: 'status'; r: number; s: number }
  | { kind: 'rename'; c: number; name: string }
  | { kind: 'recolour'; c: number; colour: string }
  | { kind: 'newCode'; name: string }
  | { kind: 'link'; f: number; r: number; q: number; rel: number }
  | { kind: 'unlink'; l: number };

const n = fc.nat({ max: 30 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('var' as const), r: n, v: fc.nat({ max: 1 }), o: fc.nat({ max: 4 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('code' as const), r: n, q: fc.nat({ max: 1 }), c: n, span: fc.nat({ max: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('uncode' as const), k: n }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('recode' as const), k: n, c: n }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('memo' as const), target: fc.nat({ max: 3 }), text: fc.constantFrom('', 'Notat A', 'Notat B') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('status' as const), r: n, s: fc.nat({ max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rename' as const), c: n, name: fc.constantFrom('Rusmidler', 'Narkotika', 'Rus') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('recolour' as const), c: n, colour: fc.constantFrom('#C0392B', '#117A65') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('newCode' as const), name: fc.constantFrom('Ny kode', 'Tillit') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('link' as const), f: n, r: n, q: fc.nat({ max: 1 }), rel: fc.nat({ max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unlink' as const), l: n }) },
);

const STATUSES = ['ikke_startet', 'under_arbeid', 'ferdig', 'kvalitetssikret'] as const;
const RELATIONS = ['stotter', 'motsier', 'nyanserer', 'nytt_forhold'] as const;

async function perform(api: ApiClient, core: Core, responses: Map<string, ResponseRef>, o: Op): Promise<void> {
  const pick = <T,>(list: T[], i: number) => list[i % list.length];
  const sqlite = core.session.requireStore().sqlite;
  const ids = (sql: string) => sqlite.prepare(sql).pluck().all() as string[];
  const response = responses.get(pick(responseNumbers, 'r' in o ? o.r : 0))!;
  const codes = ids('SELECT id FROM code ORDER BY id');
  try {
    switch (o.kind) {
      case 'var': {
        const v = variables[o.v];
        const options = v.options.map((x) => x.value);
        const value = o.o >= options.length ? null : v.kind === 'multi' ? [options[o.o]] : options[o.o];
        await api.variables.set({ responseId: response.id, variableId: v.id, value });
        break;
      }
      case 'code': {
        const a = response.q(o.q + 1);
        const span = [{}, { start: 0, end: Math.min(4, a.text.length) }, { start: 1, end: Math.min(6, a.text.length) }][o.span];
        await api.codings.create({ answerId: a.id, codeId: pick(codes, o.c), ...span });
        break;
      }
      case 'uncode': {
        const list = ids('SELECT id FROM coding ORDER BY id');
        if (list.length) await api.codings.delete({ id: pick(list, o.k) });
        break;
      }
      case 'recode': {
        const list = ids('SELECT id FROM coding ORDER BY id');
        if (list.length) await api.codings.update({ id: pick(list, o.k), codeId: pick(codes, o.c) });
        break;
      }
      case 'memo': {
        const targets = [
          { targetType: 'project' as const, targetId: null },
          { targetType: 'response' as const, targetId: responses.get('1804')!.id },
          { targetType: 'response' as const, targetId: responses.get('5401')!.id },
          { targetType: 'code' as const, targetId: codeIds[0] },
        ];
        await api.memos.set({ ...targets[o.target], text: o.text });
        break;
      }
      case 'status':
        await api.responses.setStatus({ id: response.id, status: STATUSES[o.s] });
        break;
      case 'rename':
        await api.codebook.update({ id: pick(codeIds, o.c), name: o.name });
        break;
      case 'recolour':
        await api.codebook.update({ id: pick(codeIds, o.c), colour: o.colour });
        break;
      case 'newCode':
        await api.codebook.create({ name: o.name });
        break;
      case 'link':
        await api.findings.link({ findingId: pick(findingIds, o.f), answerId: response.q(o.q + 1).id, relation: RELATIONS[o.rel] });
        break;
      case 'unlink': {
        const list = ids('SELECT id FROM finding_link ORDER BY id');
        if (list.length) await api.findings.unlink({ id: pick(list, o.l) });
        break;
      }
    }
  } catch (e) {
    if (!(e instanceof ApiError) || (e.code !== 'INVALID_INPUT' && e.code !== 'CONFLICT')) throw e;
  }
}

type Db = import('better-sqlite3').Database;

/** An entity's identity across the masters. */
const identity = (table: string, row: Row) => `${table}:${naturalKeyOrId(table as ReturnTable, row)}`;
function naturalKeyOrId(table: ReturnTable, row: Row): string {
  switch (table) {
    case 'variable_value':
      return `${row.response_id as string}|${row.variable_id as string}`;
    case 'memo':
      return `${row.target_type as string}|${(row.target_id as string | null) ?? ''}`;
    case 'finding_link':
      return `${row.finding_id as string}|${row.answer_id as string}|${(row.coding_id as string | null) ?? ''}`;
    default:
      return row.id;
  }
}

interface ConflictRowView {
  entity_type: string;
  entity_id: string;
  natural_key: string | null;
  kind: string;
  columns: string;
  ours: string | null;
  theirs: string | null;
}

function conflictsOf(db: Db): ConflictRowView[] {
  return db.prepare('SELECT entity_type, entity_id, natural_key, kind, columns, ours, theirs FROM merge_conflict').all() as ConflictRowView[];
}

/** What each conflict is about: a whole row, or some of its columns. */
function exclusions(conflicts: ConflictRowView[]): Map<string, Set<string> | 'row'> {
  const out = new Map<string, Set<string> | 'row'>();
  for (const c of conflicts) {
    const key = `${c.entity_type}:${c.natural_key ?? c.entity_id}`;
    const columns = JSON.parse(c.columns) as string[];
    if (c.kind !== 'both_changed' || columns.length === 0) out.set(key, 'row');
    else if (out.get(key) !== 'row') out.set(key, new Set([...((out.get(key) as Set<string> | undefined) ?? []), ...columns]));
  }
  return out;
}

/** The workspace tables in content, without what the conflicts (of both masters) are about. */
function canonical(db: Db, excluded: Map<string, Set<string> | 'row'>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const table of RETURN_TABLES) {
    const rows = db.prepare(`SELECT * FROM ${table}`).all() as Row[];
    const list: string[] = [];
    for (const row of rows) {
      const ex = excluded.get(identity(table, row));
      if (ex === 'row') continue;
      const cols = contentColumns(table, row).filter((c) => !(ex instanceof Set && ex.has(c)) && !(table === 'coding' && c === 'id'));
      list.push(JSON.stringify(cols.map((c) => [c, row[c]])));
    }
    out[table] = list.sort();
  }
  return out;
}

/** A conflict as an order-free fact: entity, kind and the unordered pair of versions on the colliding columns. */
function conflictFacts(conflicts: ConflictRowView[]): string[] {
  return conflicts
    .map((c) => {
      const columns = JSON.parse(c.columns) as string[];
      const table = c.entity_type as ReturnTable;
      const version = (json: string | null) => {
        if (json === null) return 'null';
        const row = JSON.parse(json) as Row;
        const cols = columns.length > 0 ? columns : contentColumns(table, row);
        return JSON.stringify(cols.map((k) => [k, row[k]]));
      };
      const pair = [version(c.ours), version(c.theirs)].sort();
      return JSON.stringify([c.entity_type, c.natural_key ?? c.entity_id, c.kind, columns, pair]);
    })
    .sort();
}

async function openMaster(file: string, prefix: number): Promise<{ core: Core; api: ApiClient; db: Db }> {
  const { core, setAuthor } = switchableCore(path.dirname(file), prefix);
  setAuthor(LEAD);
  const api = testApi(core);
  await api.project.open({ path: file });
  return { core, api, db: core.session.requireStore().sqlite };
}

/** Did a change arrive? The master's row for it, on the columns the colleague changed, is the colleague's. */
function arrived(db: Db, change: PackageChange): boolean {
  const table = change.entityType;
  const probe = (change.theirs ?? change.base)!;
  const rows = (db.prepare(`SELECT * FROM ${table}`).all() as Row[]).filter((r) => identity(table, r) === identity(table, probe));
  if (change.theirs === null) return rows.length === 0;
  if (table === 'coding' && rows.length === 0) {
    // Kept once under the other colleague's id.
    const t = change.theirs;
    return (db.prepare('SELECT count(*) FROM coding WHERE answer_id = ? AND code_id = ? AND start_offset = ? AND end_offset = ?').pluck().get(t.answer_id, t.code_id, t.start_offset, t.end_offset) as number) > 0;
  }
  if (rows.length !== 1) return false;
  const cols = contentColumns(table, change.base, change.theirs).filter((c) => change.base === null || !sameValue(change.base[c], change.theirs![c]));
  return cols.every((c) => sameValue(rows[0][c], change.theirs![c]));
}

let run = 0;

it('merging two colleagues’ returns in either order gives the same result, loses nothing, and lists conflicts exactly where both changed the same thing', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { maxLength: 10 }), fc.array(op, { maxLength: 10 }), fc.array(op, { maxLength: 3 }), async (anneOps, bjornOps, leadOps) => {
      run++;
      const { dir, cleanup } = tempDir('innspill-team-prop-');
      const laptops: Laptop[] = [];
      const cores: Core[] = [];
      try {
        const m1 = path.join(dir, 'master-1.innspill');
        copyFileSync(template, m1);
        const lead = await openMaster(m1, 1);
        cores.push(lead.core);
        const leadResponses = await loadResponses(lead.api);
        for (const o of leadOps) await perform(lead.api, lead.core, leadResponses, o);

        const returns: Record<string, string> = {};
        for (const [name, ops, pkg] of [['Anne', anneOps, packages.anne], ['Bjørn', bjornOps, packages.bjorn]] as const) {
          const l = laptop(name);
          laptops.push(l);
          await l.api.team.openPackage({ path: pkg, target: 'kopi.innspill' });
          const responses = await loadResponses(l.api);
          for (const o of ops) await perform(l.api, l.core, responses, o);
          returns[name] = (await l.api.team.exportReturn({ target: path.join(dir, `${name}-${run}.innspillretur`) })).path;
        }

        // The lead's own changes since the base, before any merge.
        const leadChanges = reduceEvents(lead.db.prepare('SELECT * FROM event WHERE seq > ? ORDER BY seq').all(baseSeq) as never[]);
        checkpointFully(lead.db);
        const m2 = path.join(dir, 'master-2.innspill');
        copyFileSync(m1, m2);
        const other = await openMaster(m2, 2);
        cores.push(other.core);

        await lead.api.team.mergeReturn({ path: returns.Anne });
        await lead.api.team.mergeReturn({ path: returns.Bjørn });
        await other.api.team.mergeReturn({ path: returns.Bjørn });
        await other.api.team.mergeReturn({ path: returns.Anne });

        // 1. Same result.
        const c1 = conflictsOf(lead.db);
        const c2 = conflictsOf(other.db);
        expect(conflictFacts(c2)).toEqual(conflictFacts(c1));
        const excluded = exclusions([...c1, ...c2]);
        expect(canonical(other.db, excluded)).toEqual(canonical(lead.db, excluded));

        // 2. Nothing lost.
        const changesOf = (file: string) => readReturnFile(file).changes.filter((c) => !contentColumns(c.entityType, c.base, c.theirs).every((k) => sameValue(c.base?.[k], c.theirs?.[k])));
        const listed = new Set(c1.map((c) => `${c.entity_type}:${c.natural_key ?? c.entity_id}`));
        const anne = changesOf(returns.Anne);
        const bjorn = changesOf(returns.Bjørn);
        for (const change of [...anne, ...bjorn]) {
          const key = identity(change.entityType, (change.theirs ?? change.base)!);
          const coveredBy = listed.has(key) || (change.entityType === 'answer' && listed.has(`answer:${(change.theirs ?? change.base)!.response_id as string}`));
          if (!coveredBy) expect(arrived(lead.db, change), `${change.actor}'s ${key} arrived`).toBe(true);
        }

        // 3. Conflicts exactly where two changed the same thing.
        const keys = (list: PackageChange[]) => new Set(list.map((c) => identity(c.entityType, (c.theirs ?? c.base)!)));
        const [ka, kb, kl] = [keys(anne), keys(bjorn), keys(leadChanges.filter((c) => !contentColumns(c.entityType, c.base, c.theirs).every((k) => sameValue(c.base?.[k], c.theirs?.[k]))))];
        for (const key of listed) expect([ka, kb, kl].filter((s) => s.has(key)).length, `conflict on ${key}`).toBeGreaterThanOrEqual(2);
        for (const a of anne) {
          const key = identity(a.entityType, (a.theirs ?? a.base)!);
          const b = bjorn.find((x) => identity(x.entityType, (x.theirs ?? x.base)!) === key);
          if (!b || kl.has(key) || a.entityType === 'coding' && a.base === null) continue;
          const collide =
            (a.theirs === null) !== (b.theirs === null)
              ? true
              : a.theirs === null || b.theirs === null
                ? false
                : contentColumns(a.entityType, a.base, a.theirs, b.theirs)
                    .filter((col) => !(hasNaturalKey(a.entityType) && col === 'id'))
                    .some((col) => (a.base === null || (!sameValue(a.base[col], a.theirs![col]) && !sameValue(a.base[col], b.theirs![col]))) && !sameValue(a.theirs![col], b.theirs![col]));
          expect(listed.has(key), `${key}: Anne ${JSON.stringify(a.theirs)} / Bjørn ${JSON.stringify(b.theirs)}`).toBe(collide);
        }
      } finally {
        for (const l of laptops) await l.dispose();
        for (const c of cores) await c.dispose();
        cleanup();
      }
    }),
    { numRuns: Number(process.env.TEAM_PROPERTY_RUNS ?? 40), endOnFailure: true },
  );
}, 600_000);
