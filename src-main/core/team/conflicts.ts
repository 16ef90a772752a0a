// The conflicts a merge listed, shown side by side with what they are about
// in words (municipality, question, code names, quoted text), and the lead's
// decision on each: keep the master's version ("ours") or take the
// colleague's ("theirs"). A decision is one ChangeSet (audited, undoable),
// which also marks the conflict resolved.
import type { Kysely, Transaction } from 'kysely';
import type { ConflictContext, ConflictSide, ConflictView } from '../../../src-shared/team';
import { ApiError } from '../../../src-shared/errors';
import { ChangeSet, type Row, type RowOf } from '../audit/changes';
import { imageOf, imagesOf, parseImage, parseImages, rowOf } from '../audit/images';
import type { CoreDeps } from '../deps';
import { responseQuery } from '../responses/service';
import { parseOptions, parseStringList, parseValue } from '../store/json';
import type { DB, MergeConflictTable } from '../store/schema';
import { contentColumns, isReturnTable, type ReturnTable } from './entities';
import { answersChangedSince, dependantsOf, findOurs, makesCodeLoop, missingReference, rowById } from './rows';

type Deps = Pick<CoreDeps, 'now' | 'newId' | 'author'>;
type Db = Kysely<DB> | Transaction<DB>;
type ConflictRow = MergeConflictTable;

export const RESOLVE_ACTION = 'conflict.resolve';

/** A conflict's side: one row image, or the parts of a response (a list of answer images) for a split correction. */
function parseSide(json: string | null): Row | Row[] | null {
  if (json === null) return null;
  return json.trimStart().startsWith('[') ? parseImages(json) : parseImage(json);
}

/** A split-correction conflict: the parts of one response (arrays of answer rows). */
function isUnit(row: Pick<ConflictRow, 'entity_type' | 'natural_key'>): boolean {
  return row.entity_type === 'answer' && (row.natural_key ?? '').startsWith('response|');
}

/** An answer as the project has it, or had it before a split removed it, or as a colleague's split made it. */
async function findAnswer(db: Db, id: string): Promise<RowOf<'answer'> | null> {
  const current = await db.selectFrom('answer').selectAll().where('id', '=', id).executeTakeFirst();
  if (current) return current;
  const event = await db
    .selectFrom('event')
    .select(['before', 'after'])
    .where('entity_type', '=', 'answer')
    .where('entity_id', '=', id)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  const image = imageOf('answer', event?.after ?? event?.before ?? null);
  if (image) return image;
  const units = await db.selectFrom('merge_conflict').select(['theirs', 'base']).where('entity_type', '=', 'answer').where('natural_key', 'like', 'response|%').execute();
  for (const u of units) {
    for (const part of [...(imagesOf('answer', u.theirs) ?? []), ...(imagesOf('answer', u.base) ?? [])]) if (part.id === id) return part;
  }
  return null;
}

/** The span of an answer's text a coding or a value's evidence marks; null when the answer cannot be found. */
function excerpt(answer: RowOf<'answer'> | null, start: number, end: number): string | null {
  return answer ? answer.text.slice(start, end) : null;
}

interface Lookups {
  codes: Map<string, { name: string; question_id: string | null }>;
  questions: Map<string, { ordinal: number; short_label: string }>;
  variables: Map<string, { label: string; question_id: string | null; options: { value: string; label: string }[] }>;
  findings: Map<string, string>;
}

async function lookups(db: Db): Promise<Lookups> {
  const codes = await db.selectFrom('code').select(['id', 'name', 'question_id']).execute();
  const questions = await db.selectFrom('question').select(['id', 'ordinal', 'short_label']).execute();
  const variables = await db.selectFrom('variable').select(['id', 'label', 'question_id', 'options']).execute();
  const findings = await db.selectFrom('finding').select(['id', 'statement']).execute();
  return {
    codes: new Map(codes.map((c) => [c.id, c])),
    questions: new Map(questions.map((q) => [q.id, q])),
    variables: new Map(variables.map((v) => [v.id, { ...v, options: parseOptions(v.options) }])),
    findings: new Map(findings.map((f) => [f.id, f.statement])),
  };
}

const RELATIONS: Record<string, string> = { stotter: 'støtter', motsier: 'motsier', nyanserer: 'nyanserer', nytt_forhold: 'nytt forhold' };
const STATUSES: Record<string, string> = { ikke_startet: 'ikke startet', under_arbeid: 'under arbeid', ferdig: 'ferdig', kvalitetssikret: 'kvalitetssikret' };

async function side(db: Db, l: Lookups, table: string, row: Row | Row[] | null, actor: string | null): Promise<ConflictSide> {
  const out: ConflictSide = { row: null, actor, summary: null, codeName: null, quote: null, questionOrdinal: null };
  if (row === null) return out;
  if (Array.isArray(row)) {
    // The parts of a response after a split correction, in order.
    const parts = row.map((p) => rowOf('answer', p)).sort((a, b) => a.ordinal - b.ordinal);
    out.summary = parts
      .map((p) => {
        const q = p.question_id ? l.questions.get(p.question_id) : undefined;
        return `${q ? `Spørsmål ${q.ordinal}` : 'Ikke fordelt'}: ${p.text}`;
      })
      .join('\n\n');
    out.row = { parts };
    return out;
  }
  out.row = row;
  const question = (id: string | null | undefined) => (id ? l.questions.get(id)?.ordinal ?? null : null);
  switch (table) {
    case 'coding': {
      const r = rowOf('coding', row);
      const code = l.codes.get(r.code_id);
      out.codeName = code?.name ?? null;
      const answer = await findAnswer(db, r.answer_id);
      out.quote = excerpt(answer, r.start_offset, r.end_offset);
      out.questionOrdinal = question(answer?.question_id);
      out.summary = out.codeName;
      break;
    }
    case 'variable_value': {
      const r = rowOf('variable_value', row);
      const variable = l.variables.get(r.variable_id);
      const value = parseValue(r.value);
      const label = (v: string) => variable?.options.find((o) => o.value === v)?.label ?? v;
      out.summary = Array.isArray(value) ? value.map(label).join(', ') : variable?.options.length ? label(value) : value;
      if (r.evidence_answer_id !== null) {
        out.quote = excerpt(await findAnswer(db, r.evidence_answer_id), r.evidence_start ?? 0, r.evidence_end ?? 0);
      }
      out.questionOrdinal = question(variable?.question_id);
      break;
    }
    case 'memo':
      out.summary = rowOf('memo', row).text;
      break;
    case 'code': {
      const r = rowOf('code', row);
      out.codeName = r.name;
      out.summary = r.name;
      out.questionOrdinal = question(r.question_id);
      break;
    }
    case 'variable':
      out.summary = rowOf('variable', row).label;
      break;
    case 'response': {
      const status = rowOf('response', row).status;
      out.summary = STATUSES[status] ?? status;
      break;
    }
    case 'answer': {
      const r = rowOf('answer', row);
      out.summary = r.text;
      out.questionOrdinal = question(r.question_id);
      break;
    }
    case 'finding':
      out.summary = rowOf('finding', row).statement;
      break;
    case 'finding_report':
      out.summary = rowOf('finding_report', row).title;
      break;
    case 'finding_link': {
      const r = rowOf('finding_link', row);
      out.summary = [RELATIONS[r.relation] ?? r.relation, r.comment].filter(Boolean).join(': ');
      if (r.coding_id !== null) {
        const coding = await db.selectFrom('coding').selectAll().where('id', '=', r.coding_id).executeTakeFirst();
        if (coding) {
          out.codeName = l.codes.get(coding.code_id)?.name ?? null;
          out.quote = excerpt(await findAnswer(db, coding.answer_id), coding.start_offset, coding.end_offset);
        }
      }
      if (out.quote === null) out.quote = (await findAnswer(db, r.answer_id))?.text ?? null;
      break;
    }
    default:
      break;
  }
  return out;
}

/** The response a conflict's rows belong to, if any. */
async function responseOf(db: Db, table: string, rows: (Row | Row[] | null)[], entityId: string): Promise<string | null> {
  for (const raw of rows) {
    if (raw === null) continue;
    const r = Array.isArray(raw) ? raw[0] : raw;
    if (!r) continue;
    switch (table) {
      case 'response':
        return r.id;
      case 'answer':
        return Array.isArray(raw) ? entityId : rowOf('answer', r).response_id;
      case 'variable_value':
        return rowOf('variable_value', r).response_id;
      case 'coding':
      case 'finding_link': {
        const answer = await findAnswer(db, rowOf(table, r).answer_id);
        if (answer) return answer.response_id;
        break;
      }
      case 'memo': {
        const memo = rowOf('memo', r);
        if (memo.target_type === 'response') return memo.target_id;
        if (memo.target_type === 'answer' && memo.target_id !== null) {
          const answer = await findAnswer(db, memo.target_id);
          if (answer) return answer.response_id;
        }
        break;
      }
      default:
        return null;
    }
  }
  return null;
}

async function context(db: Db, l: Lookups, row: ConflictRow, sides: ConflictSide[]): Promise<ConflictContext> {
  const rows = [parseSide(row.theirs), parseSide(row.ours), parseSide(row.base)];
  const responseId = await responseOf(db, row.entity_type, rows, row.entity_id);
  const out: ConflictContext = {
    respondentName: null,
    municipalityNumber: null,
    municipalityName: null,
    policeDistrictName: null,
    questionOrdinal: sides.map((s) => s.questionOrdinal).find((q) => q !== null) ?? null,
    questionLabel: null,
    variableLabel: null,
    responseId,
  };
  if (responseId) {
    const facts = await responseQuery(db).where('r.id', '=', responseId).executeTakeFirst();
    if (facts) Object.assign(out, { respondentName: facts.respondent_name, municipalityNumber: facts.m_number, municipalityName: facts.m_name, policeDistrictName: facts.m_district });
  }
  if (row.entity_type === 'variable_value') {
    const r = rows.find((x) => x !== null && !Array.isArray(x));
    out.variableLabel = r && !Array.isArray(r) ? (l.variables.get(rowOf('variable_value', r).variable_id)?.label ?? null) : null;
  }
  if (out.questionOrdinal !== null) out.questionLabel = [...l.questions.values()].find((q) => q.ordinal === out.questionOrdinal)?.short_label ?? null;
  return out;
}

async function view(db: Db, l: Lookups, row: ConflictRow, assignees: Map<string, string>): Promise<ConflictView> {
  const base = parseSide(row.base);
  const ours = await side(db, l, row.entity_type, parseSide(row.ours), row.ours_actor);
  const theirs = await side(db, l, row.entity_type, parseSide(row.theirs), row.theirs_actor);
  const baseSide = base === null ? null : await side(db, l, row.entity_type, base, null);
  return {
    id: row.id,
    packageId: row.package_id,
    assignee: assignees.get(row.package_id) ?? '',
    entityType: row.entity_type,
    entityId: row.entity_id,
    naturalKey: row.natural_key,
    kind: row.kind,
    columns: parseStringList(row.columns),
    base: baseSide,
    ours,
    theirs,
    context: await context(db, l, row, [theirs, ours, ...(baseSide ? [baseSide] : [])]),
    status: row.status,
    resolution: row.resolution,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
  };
}

async function assigneesOf(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('work_package').select(['id', 'assignee']).execute();
  return new Map(rows.map((r) => [r.id, r.assignee]));
}

export async function listConflicts(db: Kysely<DB>, filter: { status: 'open' | 'resolved' | 'all'; packageId?: string }): Promise<ConflictView[]> {
  let q = db.selectFrom('merge_conflict').selectAll().orderBy('created_at').orderBy('id');
  if (filter.status !== 'all') q = q.where('status', '=', filter.status);
  if (filter.packageId) q = q.where('package_id', '=', filter.packageId);
  const rows = await q.execute();
  const l = await lookups(db);
  const assignees = await assigneesOf(db);
  const out: ConflictView[] = [];
  for (const row of rows) out.push(await view(db, l, row, assignees));
  return out;
}

export async function getConflict(db: Kysely<DB>, id: string): Promise<ConflictView> {
  const row = await db.selectFrom('merge_conflict').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND', `No conflict with id ${id}`);
  return view(db, await lookups(db), row, await assigneesOf(db));
}

const cannot = (why: string) => new ApiError('CONFLICT', `Cannot take the colleague's version: ${why}`);

/** Deletes a row and what depends on it, as the app's own deletes do (a code's codings and subcodes go with it). */
async function deleteWithDependants(c: ChangeSet, table: ReturnTable, id: string): Promise<void> {
  if (!(await c.get(table, id))) return;
  if (table === 'coding') {
    const links = await c.trx.selectFrom('finding_link').selectAll().where('coding_id', '=', id).execute();
    for (const link of links) {
      // The link keeps the answer, unless the answer already has that finding linked.
      const whole = await c.trx.selectFrom('finding_link').select('id').where('finding_id', '=', link.finding_id).where('answer_id', '=', link.answer_id).where('coding_id', 'is', null).executeTakeFirst();
      if (whole) await c.delete('finding_link', link.id);
      else await c.update('finding_link', link.id, { coding_id: null });
    }
  } else {
    for (const d of await dependantsOf(c.trx, table, id)) {
      if (table === 'answer') throw cannot('the text has codings, values, memos or finding links here; remove them first');
      await deleteWithDependants(c, d.table, d.id);
    }
  }
  await c.delete(table, id);
}

/** Finds where a quote from a removed answer part now stands among its response's parts (exactly once), or null. */
async function relocate(db: Db, oldAnswerId: string, start: number, end: number): Promise<{ answer: RowOf<'answer'>; start: number; end: number } | null> {
  const old = await findAnswer(db, oldAnswerId);
  if (!old) return null;
  const quote = old.text.slice(start, end);
  if (quote.trim() === '') return null;
  const parts = await db.selectFrom('answer').selectAll().where('response_id', '=', old.response_id).execute();
  const hits: { answer: RowOf<'answer'>; start: number; end: number }[] = [];
  for (const part of parts) {
    for (let i = part.text.indexOf(quote); i >= 0; i = part.text.indexOf(quote, i + 1)) hits.push({ answer: part, start: i, end: i + quote.length });
  }
  return hits.length === 1 ? hits[0] : null;
}

/** Places a row whose answer part is gone on the same text where it now stands (codings and evidence). */
async function placeOnMovedText(c: ChangeSet, table: ReturnTable, row: Row): Promise<Row> {
  const missing = await missingReference(c.trx, table, row);
  if (!missing || missing.table !== 'answer') return row;
  if (table === 'coding') {
    const coding = rowOf('coding', row);
    const moved = await relocate(c.trx, coding.answer_id, coding.start_offset, coding.end_offset);
    if (!moved) throw cannot('the coded text is no longer in one place in the response; code it again by hand');
    const code = await c.get('code', coding.code_id);
    if (code?.question_id && code.question_id !== moved.answer.question_id) throw cannot(`the text now belongs to another question than the code "${code.name}" is for`);
    return { ...row, answer_id: moved.answer.id, start_offset: moved.start, end_offset: moved.end };
  }
  if (table === 'variable_value' && missing.column === 'evidence_answer_id') {
    const value = rowOf('variable_value', row);
    const moved = await relocate(c.trx, missing.id, value.evidence_start ?? 0, value.evidence_end ?? 0);
    if (!moved) throw cannot('the quoted evidence is no longer in one place in the response');
    return { ...row, evidence_answer_id: moved.answer.id, evidence_start: moved.start, evidence_end: moved.end };
  }
  return row;
}

async function takeTheirsUnit(c: ChangeSet, conflict: ConflictRow): Promise<void> {
  const base = parseImages(conflict.base) ?? [];
  const theirs = parseImages(conflict.theirs) ?? [];
  const pkg = await c.trx.selectFrom('work_package').select('base_seq').where('id', '=', conflict.package_id).executeTakeFirst();
  // The master split this response its own way since the base (or another colleague's split was merged): the two cannot both stand.
  if (!pkg || (await answersChangedSince(c.trx, conflict.entity_id, pkg.base_seq))) {
    throw cannot('this response’s text was also divided here since the work package was made; redo the colleague’s split by hand');
  }
  const baseIds = new Set(base.map((r) => r.id));
  const theirIds = new Set(theirs.map((r) => r.id));
  for (const id of baseIds) if (!theirIds.has(id)) await deleteWithDependants(c, 'answer', id);
  for (const part of theirs) await c.restore('answer', part.id, part, RESOLVE_ACTION);
}

async function takeTheirs(c: ChangeSet, conflict: ConflictRow): Promise<void> {
  if (isUnit(conflict)) return takeTheirsUnit(c, conflict);
  if (!isReturnTable(conflict.entity_type)) throw new ApiError('INVALID_INPUT', `Unknown kind of row in conflict: ${conflict.entity_type}`);
  const table = conflict.entity_type;
  const theirs = parseImage(conflict.theirs);
  const ours = parseImage(conflict.ours);
  const base = parseImage(conflict.base);
  const probe = theirs ?? ours ?? base;
  const current = probe ? ((await findOurs(c.trx, table, probe)) ?? (await rowById(c.trx, table, conflict.entity_id))) : null;
  if (theirs === null) {
    if (current) await deleteWithDependants(c, table, current.id);
    return;
  }
  if (current) {
    const columns = parseStringList(conflict.columns);
    const image: Row = { ...current, updated_at: theirs.updated_at, updated_by: theirs.updated_by };
    for (const col of columns.length > 0 ? columns : contentColumns(table, current, theirs)) image[col] = theirs[col];
    const missing = await missingReference(c.trx, table, image);
    if (missing) throw cannot(`the ${missing.table.replace('_', ' ')} it refers to is no longer in the project`);
    if (table === 'code' && (await makesCodeLoop(c.trx, current.id, rowOf('code', image).parent_id))) throw cannot('the code would end up under itself; move one of the codes by hand');
    await c.restore(table, current.id, image, RESOLVE_ACTION);
    return;
  }
  const image = await placeOnMovedText(c, table, theirs);
  const missing = await missingReference(c.trx, table, image);
  if (missing) throw cannot(`the ${missing.table.replace('_', ' ')} it refers to is no longer in the project`);
  await c.restore(table, image.id, image, RESOLVE_ACTION);
}

export async function resolveConflict(db: Kysely<DB>, deps: Deps, id: string, choose: 'ours' | 'theirs'): Promise<ConflictView> {
  await db.transaction().execute(async (trx) => {
    const conflict = await trx.selectFrom('merge_conflict').selectAll().where('id', '=', id).executeTakeFirst();
    if (!conflict) throw new ApiError('NOT_FOUND', `No conflict with id ${id}`);
    if (conflict.status === 'resolved') throw new ApiError('INVALID_INPUT', `This conflict was already decided (${conflict.resolution}) by ${conflict.resolved_by ?? '?'}`);
    const c = new ChangeSet(trx, deps, RESOLVE_ACTION);
    if (choose === 'theirs') await takeTheirs(c, conflict);
    await c.update('merge_conflict', id, { status: 'resolved', resolution: choose, resolved_at: deps.now().toISOString(), resolved_by: deps.author() });
  });
  return getConflict(db, id);
}
