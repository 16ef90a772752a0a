// The project as a REFI-QDA project (.qdpx: project.qde plus the sources'
// text under sources/), the exchange format NVivo, ATLAS.ti, MAXQDA and
// QualCoder read. Validated against the REFI-QDA Project schema in the tests
// (test/schemas/refi-qda). What goes where:
//
// - Project: name = the project's title, origin "Innspill <version>",
//   creationDateTime = when the project was created, modifiedDateTime = the
//   latest change to anything exported; the case number as its Description.
// - Users: one per caseworker name that created a source, coding or memo
//   (guid derived from the name, so the same person has the same guid in
//   every export).
// - CodeBook: our codes with their hierarchy, colour and coding rule (the
//   same <Code> writer as the .qdc codebook; guid = our code id).
// - Sources: one TextSource per current response (guid = the response id),
//   named "<municipality> – <dd.mm.åååå>", its text (see layout.ts) in
//   sources/<guid>.txt (UTF-8, \n line ends), one PlainTextSelection per
//   coding (guid = the coding id) with its Coding and CodeRef, positions in
//   Unicode code points with the end exclusive (or, on request, in UTF-16
//   code units for NVivo); superseded responses and their codings are left
//   out.
// - Notes: one per memo. A project memo is referred to from the Project, a
//   response memo from its TextSource, a code memo from its Code, an answer
//   memo from a PlainTextSelection (without coding) over the whole answer.
// - Sets: one per code group, its codes as MemberCodes (codeGroups.ts).
// - Variables and Cases: one Case per municipality with a current response
//   (other respondents get a Case of their own), with the register's facts
//   (municipality number, county, police district, population) and the closed
//   variables' values from its current response as VariableValues, and a
//   SourceRef to the response. Multiple-choice values are the chosen options'
//   labels joined with "; ".
// - Personal data (the same rule as the memo): with `maskPersonal` each
//   finding in the sources' text is replaced by its label (personal/mask.ts;
//   codings move with the text), and a respondent who is a private person is
//   named «privatperson» (source names, descriptions, cases, notes' names)
//   unless `namePrivatePersons`.
//
// Everything is ordered and every guid and time comes from the data, so the
// same project gives a byte-identical project.qde (and .qdpx).
import { XMLBuilder } from 'fast-xml-parser';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Variable } from '../../../src-shared/coding';
import { formatNorwegianDate } from '../../../src-shared/norwegian';
import { codeToXml, codeTree, withRefiAttributes, type CodeTree } from '../codebook/import-export';
import { loadCodeAttributes } from './codeAttributes';
import { listCodeGroups, setsToXml } from './codeGroups';
import { listCodes } from '../codebook/service';
import { listVariables } from '../coding/service';
import type { Turn } from '../eventLoop';
import { writeZip } from '../zip/write';
import type { DB } from '../store/schema';
import { derivedGuid, headingFor, layoutResponse, loadCurrentResponses, sourceName, userGuid, type CurrentResponse } from './layout';
import { personalSpans } from '../export/table-data';
import { maskText, type MaskedText } from '../personal/mask';
import { PRIVATE_PERSON, privatePersonTest } from '../personal/respondent';
import { codePointLength, utf16ToCodePoint } from './positions';
import { UTF16_ORIGIN_MARK, type PositionUnit } from './reading';

export const QDE_NAMESPACE = 'urn:QDA-XML:project:1.0';

export interface RefiProject {
  /** project.qde */
  qde: string;
  /** The sources' text files, by their path in the archive ("sources/<guid>.txt"). */
  sources: { path: string; text: string }[];
  counts: {
    codes: number;
    sources: number;
    /** PlainTextSelections: one per coding, and one per answer memo. */
    selections: number;
    codings: number;
    notes: number;
    users: number;
    cases: number;
    variables: number;
    /** Codings on superseded responses, which are not exported. */
    skippedCodings: number;
  };
  /** The latest change to anything exported (also the archive entries' time). */
  modified: Date;
}

type Element = Record<string, unknown>;

/** Characters XML 1.0 cannot carry at all (not even as references) are dropped. */
function xmlSafe(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').replace(/\r\n?/g, '\n');
}

/** Attribute values: also no line breaks (a reader would turn them into spaces anyway). */
function attr(text: string): string {
  return xmlSafe(text).replace(/\s*\n\s*/g, ' ');
}

/** xsd:dateTime without the milliseconds (some readers choke on them). */
function dateTime(iso: string): string {
  return iso.replace(/\.\d+(?=Z|[+-]\d\d:?\d\d$)/, '');
}

/** A selection's name: the start of the quote, whole characters only. */
function quoteName(text: string, max = 80): string {
  const chars = Array.from(attr(text));
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : chars.join('');
}

async function latestChange(db: Kysely<DB>): Promise<string> {
  const tables = ['project', 'code', 'coding', 'memo', 'variable', 'variable_value', 'response', 'answer'] as const;
  const parts = tables.map((t) => `SELECT max(updated_at) AS at FROM ${t}`).join(' UNION ALL ');
  const row = await sql<{ at: string | null }>`SELECT max(at) AS at FROM (${sql.raw(parts)})`.execute(db);
  return row.rows[0]?.at ?? new Date(0).toISOString();
}

function variableText(variable: Variable, raw: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  const label = (v: string) => variable.options.find((o) => o.value === v)?.label ?? v;
  if (Array.isArray(value)) return value.map((v) => label(String(v))).join('; ');
  if (typeof value !== 'string') return null;
  return variable.kind === 'text' ? value : label(value);
}

/** The register's facts on each municipality's Case (guids derived from the key: the same in every export). */
const REGISTER_VARIABLES = [
  { key: 'kommunenummer', name: 'Kommunenummer', type: 'Text', description: 'Kommunenummeret i kommuneregisteret (2022)' },
  { key: 'fylke', name: 'Fylke', type: 'Text', description: 'Fylket kommunen lå i (2022)' },
  { key: 'politidistrikt', name: 'Politidistrikt', type: 'Text', description: 'Politidistriktet kommunen hører til' },
  { key: 'innbyggere', name: 'Innbyggere', type: 'Integer', description: 'Folketall 1. januar 2022 (SSB)' },
] as const;

/** «Skjul personopplysninger» and «privatperson» for the .qdpx (the contract's defaults mask both). */
export interface RefiPrivacy {
  maskPersonal: boolean;
  namePrivatePersons: boolean;
}

/** Everything as it is in the project. */
const UNMASKED: RefiPrivacy = { maskPersonal: false, namePrivatePersons: true };

/**
 * The current responses as the export shows them: findings masked in the answers (the layout rebuilt from the
 * masked text) and private persons named «privatperson»; `masks` moves a coding's offsets into the masked text.
 */
async function responsesShown(db: Kysely<DB>, privacy: RefiPrivacy): Promise<{ responses: CurrentResponse[]; masks: Map<string, MaskedText> }> {
  const loaded = await loadCurrentResponses(db);
  const masks = new Map<string, MaskedText>();
  if (privacy.maskPersonal) {
    const spans = await personalSpans(db, loaded.flatMap((r) => r.answers.map((a) => a.id)));
    for (const r of loaded) for (const a of r.answers) if (spans.has(a.id)) masks.set(a.id, maskText(a.text, spans.get(a.id) ?? []));
  }
  const hidden = await privatePersonTest(db, privacy.namePrivatePersons);
  const responses = loaded.map((r) => {
    const answers = r.answers.map((a) => ({ ...a, text: masks.get(a.id)?.text ?? a.text }));
    return {
      ...r,
      respondentName: hidden(r.respondentName, r.municipality?.number ?? null) ? PRIVATE_PERSON : r.respondentName,
      answers,
      layout: r.answers.some((a) => masks.has(a.id)) ? layoutResponse(answers) : r.layout,
    };
  });
  return { responses, masks };
}

/**
 * `positions`: "codepoint" as the standard says (the default), or "utf16" as
 * NVivo reads them (an emoji counts two; our text has no CR, so line ends
 * count alike). The origin then says so, so Innspill reads its own file back
 * right (reading.ts). `turn` (eventLoop.ts) is awaited between responses.
 */
export async function buildRefiProject(db: Kysely<DB>, origin: string, positions: PositionUnit = 'codepoint', privacy: RefiPrivacy = UNMASKED, turn?: Turn): Promise<RefiProject> {
  const count = (text: string, offset: number) => (positions === 'utf16' ? offset : utf16ToCodePoint(text, offset));
  const length = (text: string) => (positions === 'utf16' ? text.length : codePointLength(text));
  if (positions === 'utf16') origin = `${origin} ${UTF16_ORIGIN_MARK}`;
  const project = await db.selectFrom('project').select(['title', 'case_number', 'created_at', 'created_by']).executeTakeFirstOrThrow();
  const codes = await listCodes(db);
  const { responses, masks } = await responsesShown(db, privacy);
  /** A coding's offset in the answer as exported (moved past labels when masked). */
  const shown = (answerId: string, offset: number, side: 'start' | 'end') => masks.get(answerId)?.at(offset, side) ?? offset;
  const answerIndex = new Map<string, { response: CurrentResponse; partIndex: number }>();
  for (const r of responses) r.layout.parts.forEach((p, i) => answerIndex.set(p.answerId, { response: r, partIndex: i }));

  const codings = await db
    .selectFrom('coding as k')
    .innerJoin('answer as a', 'a.id', 'k.answer_id')
    .innerJoin('response as r', 'r.id', 'a.response_id')
    .select(['k.id', 'k.answer_id', 'k.code_id', 'k.start_offset', 'k.end_offset', 'k.created_by', 'k.created_at', 'r.is_current'])
    .orderBy('k.id')
    .execute();
  const memos = await db.selectFrom('memo').selectAll().orderBy('id').execute();
  const variables = await listVariables(db);
  const values = await db
    .selectFrom('variable_value as v')
    .innerJoin('response as r', 'r.id', 'v.response_id')
    .select(['v.response_id', 'v.variable_id', 'v.value'])
    .where('r.is_current', '=', 1)
    .execute();

  // Which memos have something to hang on.
  const codeIds = new Set(codes.map((c) => c.id));
  const responseIds = new Set(responses.map((r) => r.id));
  const allAnswerIds = new Set(responses.flatMap((r) => r.answers.map((a) => a.id)));
  const exportedMemos = memos.filter(
    (m) =>
      m.text.trim() !== '' &&
      (m.target_type === 'project' ||
        (m.target_type === 'code' && codeIds.has(m.target_id ?? '')) ||
        (m.target_type === 'response' && responseIds.has(m.target_id ?? '')) ||
        (m.target_type === 'answer' && allAnswerIds.has(m.target_id ?? ''))),
  );
  const memosByTarget = new Map<string, typeof exportedMemos>();
  for (const m of exportedMemos) {
    const key = `${m.target_type}:${m.target_id ?? ''}`;
    memosByTarget.set(key, [...(memosByTarget.get(key) ?? []), m]);
  }
  const memosOn = (type: string, id: string | null) => memosByTarget.get(`${type}:${id ?? ''}`) ?? [];

  const users = new Set<string>([project.created_by]);
  const noteRefs = (list: { id: string }[]): Element => (list.length ? { NoteRef: list.map((m) => ({ '@_targetGUID': m.id })) } : {});

  // Sources.
  const codingsByAnswer = new Map<string, typeof codings>();
  let skippedCodings = 0;
  for (const k of codings) {
    if (k.is_current !== 1 || !answerIndex.has(k.answer_id)) {
      skippedCodings++;
      continue;
    }
    const list = codingsByAnswer.get(k.answer_id) ?? [];
    list.push(k);
    codingsByAnswer.set(k.answer_id, list);
  }
  let selectionCount = 0;
  let codingCount = 0;
  const sourceFiles: RefiProject['sources'] = [];
  const textSource = (r: CurrentResponse) => {
    users.add(r.createdBy);
    const full = r.layout.text;
    const selections: { start: number; end: number; id: string; element: Element }[] = [];
    for (const part of r.layout.parts) {
      const answerText = full.slice(part.start, part.end);
      const partStart = count(full, part.start);
      for (const k of codingsByAnswer.get(part.answerId) ?? []) {
        users.add(k.created_by);
        const from = shown(k.answer_id, k.start_offset, 'start');
        const to = Math.max(from, shown(k.answer_id, k.end_offset, 'end'));
        const start = partStart + count(answerText, from);
        const end = partStart + count(answerText, to);
        const who = { '@_creatingUser': userGuid(k.created_by), '@_creationDateTime': dateTime(k.created_at) };
        selections.push({
          start,
          end,
          id: k.id,
          element: {
            '@_guid': k.id,
            '@_name': quoteName(answerText.slice(from, to)),
            '@_startPosition': String(start),
            '@_endPosition': String(end),
            ...who,
            Coding: [{ '@_guid': derivedGuid('coding', k.id), ...who, CodeRef: { '@_targetGUID': k.code_id } }],
          },
        });
        codingCount++;
      }
      // An answer memo: a selection over the whole answer that refers to the note.
      for (const m of memosOn('answer', part.answerId)) {
        users.add(m.created_by);
        const end = partStart + length(answerText);
        selections.push({
          start: partStart,
          end,
          id: m.id,
          element: {
            '@_guid': derivedGuid('memo-selection', m.id),
            '@_name': attr(`Notat: ${headingFor(r.answers.find((a) => a.id === part.answerId)!)}`),
            '@_startPosition': String(partStart),
            '@_endPosition': String(end),
            '@_creatingUser': userGuid(m.created_by),
            '@_creationDateTime': dateTime(m.created_at),
            NoteRef: [{ '@_targetGUID': m.id }],
          },
        });
      }
    }
    selections.sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
    selectionCount += selections.length;
    sourceFiles.push({ path: `sources/${r.id}.txt`, text: full });
    // An answer memo on an empty answer (not in the text) is referred to from the source.
    const strayAnswerMemos = r.answers.filter((a) => !r.layout.parts.some((p) => p.answerId === a.id)).flatMap((a) => memosOn('answer', a.id));
    const description = [r.respondentName, r.receivedDate ? `mottatt ${formatNorwegianDate(r.receivedDate)}` : null].filter(Boolean).join(', ');
    return {
      '@_guid': r.id,
      '@_name': attr(sourceName(r)),
      '@_plainTextPath': `internal://${r.id}.txt`,
      '@_creatingUser': userGuid(r.createdBy),
      '@_creationDateTime': dateTime(r.createdAt),
      Description: xmlSafe(description),
      ...(selections.length ? { PlainTextSelection: selections.map((s) => s.element) } : {}),
      ...noteRefs([...memosOn('response', r.id), ...strayAnswerMemos]),
    };
  };
  // A turn between responses: the core keeps answering, and a cancel stops the export here.
  const textSources: ReturnType<typeof textSource>[] = [];
  for (const r of responses) {
    textSources.push(textSource(r));
    await turn?.();
  }

  // Variables and cases.
  const variableElements = [
    ...REGISTER_VARIABLES.map((v) => ({ '@_guid': derivedGuid('variable', v.key), '@_name': v.name, '@_typeOfVariable': v.type, Description: v.description })),
    ...variables.map((v) => ({
      '@_guid': v.id,
      '@_name': attr(v.label),
      '@_typeOfVariable': 'Text',
      ...(v.kind === 'text' ? {} : { Description: xmlSafe(`Valg: ${v.options.map((o) => o.label).join('; ')}${v.kind === 'multi' ? ' (flere kan velges)' : ''}`) }),
    })),
  ];
  const valuesByResponse = new Map<string, Map<string, string>>();
  for (const v of values) {
    const m = valuesByResponse.get(v.response_id) ?? new Map<string, string>();
    m.set(v.variable_id, v.value);
    valuesByResponse.set(v.response_id, m);
  }
  const cases = new Map<string, { guid: string; name: string; responses: CurrentResponse[]; municipality: CurrentResponse['municipality'] }>();
  for (const r of responses) {
    const key = r.municipality ? `m:${r.municipality.number}` : `r:${r.respondentId}`;
    const existing = cases.get(key);
    if (existing) existing.responses.push(r);
    else
      cases.set(key, {
        guid: r.municipality ? derivedGuid('municipality', r.municipality.number) : r.respondentId,
        name: r.municipality?.name ?? r.respondentName,
        responses: [r],
        municipality: r.municipality,
      });
  }
  const variableValue = (guid: string, value: Element): Element => ({ VariableRef: { '@_targetGUID': guid }, ...value });
  const caseElements = [...cases.values()].map((c) => {
    const m = c.municipality;
    const register = m
      ? [
          variableValue(derivedGuid('variable', 'kommunenummer'), { TextValue: m.number }),
          variableValue(derivedGuid('variable', 'fylke'), { TextValue: xmlSafe(m.countyName) }),
          variableValue(derivedGuid('variable', 'politidistrikt'), { TextValue: xmlSafe(m.policeDistrictName) }),
          variableValue(derivedGuid('variable', 'innbyggere'), { IntegerValue: String(m.population) }),
        ]
      : [];
    // One municipality has one current response; should there be more, the latest received sets the values.
    const latest = [...c.responses].sort((a, b) => (b.receivedDate ?? '').localeCompare(a.receivedDate ?? '') || (a.id < b.id ? -1 : 1))[0];
    const set = valuesByResponse.get(latest.id);
    const chosen = variables.flatMap((variable) => {
      const raw = set?.get(variable.id);
      const text = raw === undefined ? null : variableText(variable, raw);
      return text === null || text === '' ? [] : [variableValue(variable.id, { TextValue: xmlSafe(text) })];
    });
    return {
      '@_guid': c.guid,
      '@_name': attr(c.name),
      ...(m ? { Description: xmlSafe(`${m.name} kommune (${m.number}), ${m.countyName}, ${m.policeDistrictName} politidistrikt`) } : {}),
      ...(register.length || chosen.length ? { VariableValue: [...register, ...chosen] } : {}),
      SourceRef: c.responses.map((r) => ({ '@_targetGUID': r.id })),
    };
  });

  // Notes.
  const codeName = new Map(codes.map((c) => [c.id, c.name]));
  const responseName = new Map(responses.map((r) => [r.id, sourceName(r)]));
  const answerName = new Map(responses.flatMap((r) => r.answers.map((a) => [a.id, `${sourceName(r)}, ${headingFor(a)}`] as const)));
  const noteElements = exportedMemos.map((m) => {
    users.add(m.created_by);
    users.add(m.updated_by);
    const about =
      m.target_type === 'project' ? 'prosjektet' : m.target_type === 'code' ? `koden «${codeName.get(m.target_id!)}»` : m.target_type === 'response' ? responseName.get(m.target_id!) : answerName.get(m.target_id!);
    return {
      '@_guid': m.id,
      '@_name': attr(`Notat om ${about}`),
      '@_creatingUser': userGuid(m.created_by),
      '@_creationDateTime': dateTime(m.created_at),
      '@_modifyingUser': userGuid(m.updated_by),
      '@_modifiedDateTime': dateTime(m.updated_at),
      PlainTextContent: xmlSafe(m.text),
    };
  });

  // The codebook, with code memos referred to from their codes.
  const codeNoteRefs = (c: CodeTree): Element => noteRefs(memosOn('code', c.id));
  const sanitize = (c: CodeTree): CodeTree => ({ ...c, name: attr(c.name), description: xmlSafe(c.description), children: c.children.map(sanitize) });
  const codeElements = withRefiAttributes(codeTree(codes), await loadCodeAttributes(db)).map((c) => codeToXml(sanitize(c), codeNoteRefs));

  const sets = setsToXml(await listCodeGroups(db), (t) => attr(t));

  const modified = dateTime(await latestChange(db));
  const sortedUsers = [...users].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const root: Element = {
    '@_xmlns': QDE_NAMESPACE,
    '@_name': attr(project.title),
    '@_origin': attr(origin),
    '@_creatingUserGUID': userGuid(project.created_by),
    '@_creationDateTime': dateTime(project.created_at),
    '@_modifiedDateTime': modified,
    Users: { User: sortedUsers.map((u) => ({ '@_guid': userGuid(u), '@_name': attr(u) })) },
    ...(codeElements.length ? { CodeBook: { Codes: { Code: codeElements } } } : {}),
    Variables: { Variable: variableElements },
    ...(caseElements.length ? { Cases: { Case: caseElements } } : {}),
    ...(textSources.length ? { Sources: { TextSource: textSources } } : {}),
    ...(noteElements.length ? { Notes: { Note: noteElements } } : {}),
    ...(sets ? { Sets: sets } : {}),
    ...(project.case_number ? { Description: xmlSafe(`Saksnummer ${project.case_number}`) } : {}),
    ...noteRefs(memosOn('project', null)),
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true, suppressBooleanAttributes: false });
  const qde = String(builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, Project: root }));
  return {
    qde,
    sources: sourceFiles,
    counts: {
      codes: codes.length,
      sources: textSources.length,
      selections: selectionCount,
      codings: codingCount,
      notes: noteElements.length,
      users: sortedUsers.length,
      cases: caseElements.length,
      variables: variableElements.length,
      skippedCodings,
    },
    modified: new Date(modified),
  };
}

/** The .qdpx archive: project.qde first, then the sources in order. */
export async function qdpxBytes(project: RefiProject): Promise<Buffer> {
  return writeZip(
    [{ name: 'project.qde', data: Buffer.from(project.qde, 'utf8') }, ...project.sources.map((s) => ({ name: s.path, data: Buffer.from(s.text, 'utf8') }))],
    project.modified,
  );
}
