// Whose coding is whose: each coder's original judgements, as they coded,
// read from the audit trail and from what return packages brought, so that
// the agreement report keeps describing the double coding after the lead
// starts resolving disagreements.
//
// Codings. A coding belongs to the coder who created it (its created_by,
// which never changes; a merge writes a colleague's changes with the
// colleague as actor). Coder X's version of it is the row as X last left it:
// the first image in the trail, then every later image X wrote, with
// structural edits by anyone else applied on top (a code merge moves it to
// the target code; a split correction moves it to another answer part), and
// what X's return package said of it (merged_change: also the codings a merge
// kept once because the master had the very same span). Other people's edits
// and deletions do not change X's version — a colleague removing X's coding,
// or the lead resolving a disagreement, leaves X's judgement as X made it.
// Only X deleting it (and not undoing that) takes it out. A coding with no
// trail at all is taken as it stands.
//
// Closed variables. A response has one row per variable, so a second coder's
// value overwrites the first in a shared file, or arrives as a merge conflict
// from a work package (or not at all when it equals the master's). Coder X's
// value is X's latest word from any of: the trail (an image whose updated_by
// is X, or X clearing it), X's return packages (merged_change), X's side of a
// merge conflict; else the current row if X set it.
//
// Which coders coded a response. X worked on a response when X left a trace
// on it: a coding on one of its answers (made, changed or removed), a
// variable value, or a status change. If the respondent is assigned to
// anyone, only its assignees count (a lead's correction does not make a
// response double-coded). A response is in the sample when two or more of the
// compared coders worked on it; the others' judgements of it are missing.
//
// Events of the lead's resolutions (agreement_resolution rows and whatever
// their group changed) and of their undo and redo are left out of all this,
// as is codebook and text upkeep (UPKEEP_ACTIONS).
import type { Kysely } from 'kysely';
import type { RowOf } from '../audit/changes';
import { imageOf } from '../audit/images';
import type { DB } from '../store/schema';
import { variableValueKey } from '../team/entities';

/** Edits that move a coding for everyone (code merges, split corrections), not one person's judgement. */
const STRUCTURAL_ACTIONS = new Set(['code.merge', 'answer.assign']);
/** Codebook and text upkeep: touches codings and values without being anyone's coding of a response. */
const UPKEEP_ACTIONS = new Set([...STRUCTURAL_ACTIONS, 'code.delete', 'variable.remove', 'variable.define', 'codebook.import']);

export type CodingImage = RowOf<'coding'>;

export interface CodingVersion {
  id: string;
  answerId: string;
  codeId: string;
  start: number;
  end: number;
  /** The row as the coder left it: what a resolution puts back. */
  image: CodingImage;
  /** Still in the project. */
  exists: boolean;
}

export interface ValueWord {
  /** The value as stored (JSON text); null: the coder cleared it. */
  value: string | null;
  evidence: { answerId: string; start: number; end: number } | null;
}

export interface Judgements {
  coders: string[];
  /** Current response id → the indices of the coders who worked on it (only responses two or more worked on). */
  sample: Map<string, number[]>;
  /** Per coder (same index as coders): their codings. */
  codings: CodingVersion[][];
  /** variableValueKey(response, variable) → per coder index: their word (undefined: none). */
  values: Map<string, (ValueWord | undefined)[]>;
}


/** Group ids of the lead's resolutions and of their undo and redo. */
async function resolutionGroups(db: Kysely<DB>): Promise<Set<string>> {
  const groups = await db
    .selectFrom('event')
    .select('group_id')
    .distinct()
    .where('entity_type', '=', 'agreement_resolution')
    .where('group_id', 'is not', null)
    .execute();
  const ids = new Set(groups.map((g) => g.group_id!));
  if (ids.size === 0) return ids;
  const markers = await db
    .selectFrom('event')
    .select('group_id')
    .where('entity_type', '=', 'group')
    .where('entity_id', 'in', [...ids])
    .where('group_id', 'is not', null)
    .execute();
  for (const m of markers) ids.add(m.group_id!);
  return ids;
}

function toWord(image: RowOf<'variable_value'>): ValueWord {
  const answerId = image.evidence_answer_id;
  return {
    value: image.value,
    evidence: answerId ? { answerId, start: image.evidence_start ?? 0, end: image.evidence_end ?? 0 } : null,
  };
}

export async function loadJudgements(db: Kysely<DB>, coders: string[]): Promise<Judgements> {
  const index = new Map(coders.map((c, i) => [c, i]));
  const excluded = await resolutionGroups(db);
  const answers = await db.selectFrom('answer').select(['id', 'response_id']).execute();
  const responseOfAnswer = new Map(answers.map((a) => [a.id, a.response_id]));
  const responses = await db.selectFrom('response').select(['id', 'respondent_id', 'is_current']).execute();

  /** response id → coder indices with a trace on it */
  const traces = new Map<string, Set<number>>();
  const trace = (responseId: string | undefined | null, who: unknown) => {
    if (!responseId || typeof who !== 'string') return;
    const i = index.get(who);
    if (i === undefined) return;
    const set = traces.get(responseId) ?? new Set<number>();
    set.add(i);
    traces.set(responseId, set);
  };

  // --- codings: each coding's version as its owner left it
  interface Version {
    owner: string;
    image: CodingImage;
    deletedByOwner: boolean;
    /** When the owner last touched it. */
    at: string;
  }
  const versions = new Map<string, Version>();
  const codingEvents = await db
    .selectFrom('event')
    .select(['actor', 'action', 'at', 'group_id', 'entity_id', 'before', 'after'])
    .where('entity_type', '=', 'coding')
    .orderBy('seq')
    .execute();
  for (const e of codingEvents) {
    if (!e.entity_id || (e.group_id && excluded.has(e.group_id))) continue;
    const before = imageOf('coding', e.before);
    const after = imageOf('coding', e.after);
    const image = after ?? before;
    if (!image) continue;
    if (!UPKEEP_ACTIONS.has(e.action)) trace(responseOfAnswer.get(image.answer_id), e.actor);
    const known = versions.get(e.entity_id);
    if (!known) {
      versions.set(e.entity_id, { owner: image.created_by, image, deletedByOwner: after === null && e.actor === image.created_by, at: e.at });
    } else if (e.actor === known.owner && !STRUCTURAL_ACTIONS.has(e.action)) {
      if (after) known.image = after;
      known.deletedByOwner = after === null;
      known.at = e.at;
    } else if (STRUCTURAL_ACTIONS.has(e.action) && after) {
      const a = after;
      known.image = { ...known.image, answer_id: a.answer_id, code_id: a.code_id, start_offset: a.start_offset, end_offset: a.end_offset };
    }
  }
  /** A coding as a return package carried it: its owner's latest word on it (applied, a duplicate, or in conflict). */
  const mergedCoding = (id: string, theirs: CodingImage | null, actor: string, at: string) => {
    const known = versions.get(id);
    const owner = theirs?.created_by ?? known?.owner;
    if (!owner) return;
    trace(responseOfAnswer.get((theirs ?? known?.image)!.answer_id), actor);
    if (known && known.at > at) return; // the owner changed it since, in the master
    if (!theirs) {
      if (known && actor === owner) Object.assign(known, { deletedByOwner: true, at });
      return;
    }
    if (known) Object.assign(known, { image: theirs, deletedByOwner: false, at });
    else versions.set(id, { owner, image: theirs, deletedByOwner: false, at });
  };

  // --- closed variables: each coder's latest word from any source, by time
  const values = new Map<string, (ValueWord | undefined)[]>();
  const said = new Map<string, string[]>(); // key → per coder: when their word was said
  const say = (key: string, who: unknown, word: ValueWord, at: string) => {
    const i = typeof who === 'string' ? index.get(who) : undefined;
    if (i === undefined) return;
    const words = values.get(key) ?? coders.map(() => undefined);
    const times = said.get(key) ?? coders.map(() => '');
    if (times[i] > at) return;
    words[i] = word;
    times[i] = at;
    values.set(key, words);
    said.set(key, times);
  };
  const cleared: ValueWord = { value: null, evidence: null };
  const valueEvents = await db
    .selectFrom('event')
    .select(['actor', 'action', 'at', 'group_id', 'before', 'after'])
    .where('entity_type', '=', 'variable_value')
    .orderBy('seq')
    .execute();
  for (const e of valueEvents) {
    if ((e.group_id && excluded.has(e.group_id)) || UPKEEP_ACTIONS.has(e.action)) continue;
    const before = imageOf('variable_value', e.before);
    const after = imageOf('variable_value', e.after);
    const image = after ?? before;
    if (!image) continue;
    const key = variableValueKey(image.response_id, image.variable_id);
    trace(image.response_id, e.actor);
    if (after) {
      trace(image.response_id, after.updated_by);
      say(key, after.updated_by, toWord(after), e.at);
    } else {
      say(key, e.actor, cleared, e.at);
    }
  }
  // What each return package carried, as its coder left it — also where the
  // master already had the same value (nothing was written then).
  const merged = await db
    .selectFrom('merged_change')
    .select(['entity_type', 'entity_key', 'theirs', 'actor', 'merged_at'])
    .where('entity_type', 'in', ['variable_value', 'coding', 'response'])
    .orderBy('merged_at')
    .execute();
  for (const m of merged) {
    if (m.entity_type === 'variable_value') {
      const theirs = imageOf('variable_value', m.theirs);
      const who = theirs ? theirs.updated_by : m.actor;
      trace(m.entity_key.split('|')[0], who);
      say(m.entity_key, who, theirs ? toWord(theirs) : cleared, m.merged_at);
    } else if (m.entity_type === 'response') {
      trace(m.entity_key, m.actor);
    } else {
      mergedCoding(m.entity_key, imageOf('coding', m.theirs), m.actor, m.merged_at);
    }
  }
  const conflicts = await db
    .selectFrom('merge_conflict')
    .select(['natural_key', 'ours', 'theirs', 'ours_actor', 'theirs_actor', 'created_at'])
    .where('entity_type', '=', 'variable_value')
    .orderBy('created_at')
    .execute();
  for (const c of conflicts) {
    for (const [json, actor] of [
      [c.ours, c.ours_actor],
      [c.theirs, c.theirs_actor],
    ] as const) {
      const image = imageOf('variable_value', json);
      const key = c.natural_key ?? (image ? variableValueKey(image.response_id, image.variable_id) : null);
      if (!key) continue;
      trace(key.split('|')[0], actor);
      say(key, actor, image ? toWord(image) : cleared, c.created_at);
    }
  }
  // Rows set without any trail (e.g. merged by an older version): taken as they stand.
  for (const row of await db.selectFrom('variable_value').selectAll().execute()) {
    const key = variableValueKey(row.response_id, row.variable_id);
    const i = index.get(row.updated_by);
    if (i === undefined || values.get(key)?.[i] !== undefined) continue;
    trace(row.response_id, row.updated_by);
    say(key, row.updated_by, toWord(row), '');
  }

  // Codings with no trail at all (imported or merged by an older version): taken as they stand.
  const rows = await db.selectFrom('coding').selectAll().execute();
  const existing = new Set(rows.map((r) => r.id));
  for (const row of rows) {
    if (!versions.has(row.id)) versions.set(row.id, { owner: row.created_by, image: row, deletedByOwner: false, at: '' });
  }
  const codings: CodingVersion[][] = coders.map(() => []);
  for (const [id, v] of versions) {
    const i = index.get(v.owner);
    if (i === undefined || v.deletedByOwner) continue;
    trace(responseOfAnswer.get(v.image.answer_id), v.owner);
    codings[i].push({
      id,
      answerId: v.image.answer_id,
      codeId: v.image.code_id,
      start: v.image.start_offset,
      end: v.image.end_offset,
      image: v.image,
      exists: existing.has(id),
    });
  }

  // --- status changes
  const statusEvents = await db
    .selectFrom('event')
    .select(['actor', 'group_id', 'entity_id', 'before', 'after'])
    .where('entity_type', '=', 'response')
    .execute();
  for (const e of statusEvents) {
    if (e.group_id && excluded.has(e.group_id)) continue;
    const before = imageOf('response', e.before);
    const after = imageOf('response', e.after);
    if (before && after && before.status !== after.status) trace(e.entity_id, e.actor);
  }

  // --- the sample
  const assigned = new Map<string, Set<string>>();
  for (const a of await db.selectFrom('assignment').select(['respondent_id', 'assignee']).execute()) {
    const set = assigned.get(a.respondent_id) ?? new Set<string>();
    set.add(a.assignee);
    assigned.set(a.respondent_id, set);
  }
  const sample = new Map<string, number[]>();
  for (const r of responses) {
    if (r.is_current !== 1) continue;
    const worked = traces.get(r.id);
    if (!worked) continue;
    const assignees = assigned.get(r.respondent_id);
    const eligible = [...worked].filter((i) => !assignees || assignees.has(coders[i])).sort((a, b) => a - b);
    if (eligible.length >= 2) sample.set(r.id, eligible);
  }
  return { coders, sample, codings, values };
}

/** Everyone who can be compared: assigned caseworkers and anyone who coded or set a variable. */
export async function coderCandidates(db: Kysely<DB>): Promise<{ candidates: string[]; doubleCoded: string[] }> {
  const names = new Set<string>();
  const assignments = await db.selectFrom('assignment').select(['respondent_id', 'assignee']).execute();
  const perRespondent = new Map<string, string[]>();
  for (const a of assignments) {
    names.add(a.assignee);
    perRespondent.set(a.respondent_id, [...(perRespondent.get(a.respondent_id) ?? []), a.assignee]);
  }
  const doubleCoded = new Set<string>();
  for (const list of perRespondent.values()) if (list.length >= 2) for (const n of list) doubleCoded.add(n);
  for (const r of await db.selectFrom('coding').select('created_by').distinct().execute()) names.add(r.created_by);
  for (const r of await db.selectFrom('variable_value').select('updated_by').distinct().execute()) names.add(r.updated_by);
  const actors = await db.selectFrom('event').select('actor').distinct().where('entity_type', 'in', ['coding', 'variable_value']).execute();
  for (const a of actors) names.add(a.actor);
  return { candidates: [...names], doubleCoded: [...doubleCoded] };
}
