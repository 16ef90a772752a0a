// What a response looks like as a REFI-QDA text source: its answers, in the
// order they stood in the source, one after another, with a heading line
// whenever the question changes ("Spørsmål 2: Tilfredshet"; text not yet
// assigned to a question under "Ufordelt tekst"), blocks separated by a blank
// line. Export writes exactly this text; import recognises it again (and
// knows where each answer sits in it), so a project goes out and comes back
// with every coding in place. Also the deterministic ids the export needs.
import type { Kysely } from 'kysely';
import { v5 as uuidv5 } from 'uuid';
import type { MunicipalityFacts } from '../../../src-shared/domain';
import { formatNorwegianDate } from '../../../src-shared/norwegian';
import { municipalityFacts, responseQuery } from '../responses/service';
import type { DB } from '../store/schema';
import { questionHeader, UNASSIGNED_HEADER } from '../export/tables';

/** Our namespace for derived REFI-QDA guids (users, cases, variables, codings): the same input always gives the same guid. */
const GUID_NAMESPACE = '4f1d2c7e-8a3b-5c6d-9e0f-1a2b3c4d5e6f';

export function derivedGuid(kind: string, key: string): string {
  return uuidv5(`${kind}:${key}`, GUID_NAMESPACE);
}

/** A caseworker (a created_by name) as a REFI-QDA user. */
export const userGuid = (name: string) => derivedGuid('user', name);

export interface LayoutAnswer {
  id: string;
  questionId: string | null;
  questionOrdinal: number | null;
  questionLabel: string | null;
  ordinal: number;
  text: string;
}

/** Where an answer sits in the source text, in UTF-16 offsets. */
export interface LayoutPart {
  answerId: string;
  questionId: string | null;
  questionOrdinal: number | null;
  start: number;
  end: number;
}

export interface ResponseLayout {
  text: string;
  parts: LayoutPart[];
}

export function headingFor(a: Pick<LayoutAnswer, 'questionOrdinal' | 'questionLabel'>): string {
  if (a.questionOrdinal === null) return UNASSIGNED_HEADER;
  return a.questionLabel ? questionHeader({ ordinal: a.questionOrdinal, shortLabel: a.questionLabel }) : `Spørsmål ${a.questionOrdinal}`;
}

/** Empty answers are left out: there is nothing in them to code. */
export function layoutResponse(answers: LayoutAnswer[]): ResponseLayout {
  const ordered = [...answers].filter((a) => a.text.length > 0).sort((a, b) => a.ordinal - b.ordinal);
  let text = '';
  const parts: LayoutPart[] = [];
  let previous: string | null | undefined;
  for (const a of ordered) {
    if (text) text += '\n\n';
    if (a.questionId !== previous) text += headingFor(a) + '\n';
    previous = a.questionId;
    parts.push({ answerId: a.id, questionId: a.questionId, questionOrdinal: a.questionOrdinal, start: text.length, end: text.length + a.text.length });
    text += a.text;
  }
  return { text, parts };
}

export interface CurrentResponse {
  id: string;
  respondentId: string;
  respondentName: string;
  receivedDate: string | null;
  createdAt: string;
  createdBy: string;
  municipality: MunicipalityFacts | null;
  answers: LayoutAnswer[];
  layout: ResponseLayout;
}

/** "Bodø – 30.05.2022" (the respondent's name where it is not a municipality). */
export function sourceName(r: Pick<CurrentResponse, 'respondentName' | 'receivedDate' | 'municipality'>): string {
  const who = r.municipality?.name ?? r.respondentName;
  return r.receivedDate ? `${who} – ${formatNorwegianDate(r.receivedDate)}` : who;
}

/** The current responses with their answers and layouts, in a fixed order (municipality number, then name, then id). */
export async function loadCurrentResponses(db: Kysely<DB>): Promise<CurrentResponse[]> {
  const rows = await responseQuery(db).where('r.is_current', '=', 1).execute();
  const answers = await db
    .selectFrom('answer as a')
    .innerJoin('response as r', 'r.id', 'a.response_id')
    .leftJoin('question as q', 'q.id', 'a.question_id')
    .select(['a.id', 'a.response_id', 'a.question_id', 'q.ordinal as question_ordinal', 'q.short_label', 'a.ordinal', 'a.text'])
    .where('r.is_current', '=', 1)
    .execute();
  const byResponse = new Map<string, LayoutAnswer[]>();
  for (const a of answers) {
    const list = byResponse.get(a.response_id) ?? [];
    list.push({ id: a.id, questionId: a.question_id, questionOrdinal: a.question_ordinal, questionLabel: a.short_label, ordinal: a.ordinal, text: a.text });
    byResponse.set(a.response_id, list);
  }
  const out = rows.map((r): CurrentResponse => {
    const list = (byResponse.get(r.id) ?? []).sort((a, b) => a.ordinal - b.ordinal || a.id.localeCompare(b.id));
    return {
      id: r.id,
      respondentId: r.respondent_id,
      respondentName: r.respondent_name,
      receivedDate: r.received_date,
      createdAt: r.created_at,
      createdBy: r.created_by,
      municipality: municipalityFacts(r),
      answers: list,
      layout: layoutResponse(list),
    };
  });
  // Code-unit order, not the locale's: the same on every machine.
  const key = (r: CurrentResponse) => `${r.municipality?.number ?? '~'}\u0000${r.respondentName}\u0000${r.id}`;
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
