// Station candidates: municipalities whose current response is coded
// q5_wants_station = "ja", with what they offer (q5_offers_premises,
// q5_premises_offered) and the quoted evidence; compared with the 20 police
// service locations announced 2022–2024 (resources/data/new-stations-2022-2024.json,
// municipality numbers as of 2022). For each announced station: what its
// municipality answered (ja / nei / uklart / ikke besvart, `ikke_kodet` when
// it responded but the variable is not set, `ingen_svar` when it has no
// current response). Projects without the q5_wants_station variable (other
// templates) get `available: false` and nothing else.
import type { Kysely } from 'kysely';
import type { AnnouncedStation, StationAnalysis, StationAnswer, StationEvidence } from '../../../src-shared/analysis';
import { norwegianCompare } from '../../../src-shared/norwegian';
import { sentenceContext } from '../../../src-shared/sentences';
import type { NewStations } from '../reference/load';
import type { DB } from '../store/schema';
import { facts, loadUnits, municipalityKey } from './units';
import { parseValue } from '../store/json';

export const STATION_VARIABLES = { wants: 'q5_wants_station', offers: 'q5_offers_premises', offered: 'q5_premises_offered' } as const;

const CODED: StationAnswer[] = ['ja', 'nei', 'uklart', 'ikke_besvart'];

/** Whether a stored value is one of the variable's own options. */
const isCoded = (value: unknown): value is StationAnswer => CODED.some((c) => c === value);
const NO_RESPONSE: StationAnswer = 'ingen_svar';

function emptyResult(): StationAnalysis {
  return {
    available: false,
    candidates: [],
    otherCandidates: [],
    announced: [],
    summary: { candidates: 0, candidatesWithStation: 0, announced: 0, announcedByAnswer: { ja: 0, nei: 0, uklart: 0, ikke_besvart: 0, ikke_kodet: 0, ingen_svar: 0 } },
  };
}

interface ValueRow {
  value: string | string[];
  evidence: StationEvidence | null;
}

export async function stationCandidates(db: Kysely<DB>, stations: NewStations): Promise<StationAnalysis> {
  const variables = await db.selectFrom('variable').select(['id', 'key']).where('key', 'in', Object.values(STATION_VARIABLES)).execute();
  const idOf = (key: string) => variables.find((v) => v.key === key)?.id ?? null;
  const wantsId = idOf(STATION_VARIABLES.wants);
  if (!wantsId) return emptyResult();

  const units = await loadUnits(db);
  const rows = await db
    .selectFrom('variable_value as v')
    .innerJoin('response as r', 'r.id', 'v.response_id')
    .leftJoin('answer as a', 'a.id', 'v.evidence_answer_id')
    .select(['v.variable_id', 'v.response_id', 'v.value', 'v.evidence_answer_id', 'v.evidence_start', 'v.evidence_end', 'a.text'])
    .where('r.is_current', '=', 1)
    .where(
      'v.variable_id',
      'in',
      variables.map((v) => v.id),
    )
    .execute();
  /** variable id → response id → value. */
  const values = new Map<string, Map<string, ValueRow>>();
  for (const r of rows) {
    const evidence =
      r.evidence_answer_id !== null && r.text !== null
        ? {
            answerId: r.evidence_answer_id,
            start: r.evidence_start!,
            end: r.evidence_end!,
            quote: r.text.slice(r.evidence_start!, r.evidence_end!),
            quoteContext: sentenceContext(r.text, r.evidence_start!, r.evidence_end!),
          }
        : null;
    const byResponse = values.get(r.variable_id) ?? new Map<string, ValueRow>();
    byResponse.set(r.response_id, { value: parseValue(r.value), evidence });
    values.set(r.variable_id, byResponse);
  }
  const valueOf = (key: string, responseId: string): ValueRow | null => {
    const id = idOf(key);
    return id ? (values.get(id)?.get(responseId) ?? null) : null;
  };
  const text = (v: ValueRow | null) => (v === null ? null : [v.value].flat().join(', '));

  const announced: AnnouncedStation[] = stations.map((s) => ({ ...s, note: s.note ?? '' }));
  const stationsIn = (number: string) => announced.filter((s) => s.municipalityNumber === number);

  const candidates: StationAnalysis['candidates'] = [];
  const otherCandidates: StationAnalysis['otherCandidates'] = [];
  for (const unit of units.units.values()) {
    // The newest current response with "ja" (there is one current response per respondent).
    const responseId = unit.responseIds.find((id) => valueOf(STATION_VARIABLES.wants, id)?.value === 'ja');
    if (!responseId) continue;
    if (!unit.municipality) {
      otherCandidates.push({ respondentName: unit.respondentName, responseId });
      continue;
    }
    candidates.push({
      municipality: { ...facts(unit.municipality), countyNumber: unit.municipality.countyNumber },
      responseId,
      offersPremises: text(valueOf(STATION_VARIABLES.offers, responseId)),
      premisesOffered: text(valueOf(STATION_VARIABLES.offered, responseId)),
      evidence: valueOf(STATION_VARIABLES.wants, responseId)!.evidence,
      announcedStations: stationsIn(unit.municipality.number),
    });
  }
  candidates.sort((a, b) => norwegianCompare(a.municipality.name, b.municipality.name) || a.municipality.number.localeCompare(b.municipality.number));
  otherCandidates.sort((a, b) => norwegianCompare(a.respondentName, b.respondentName));

  const inRegister = new Set(units.register.map((m) => m.number));
  const views = announced.map((s) => {
    const unit = units.units.get(municipalityKey(s.municipalityNumber));
    if (!unit) return { ...s, inRegister: inRegister.has(s.municipalityNumber), answer: NO_RESPONSE, responseId: null, evidence: null };
    const responseId = unit.responseIds[0];
    const wants = valueOf(STATION_VARIABLES.wants, responseId);
    // Only the variable's own options count as an answer; anything else reads as not coded.
    const answer: StationAnswer = wants !== null && isCoded(wants.value) ? wants.value : 'ikke_kodet';
    return { ...s, inRegister: true, answer, responseId, evidence: wants?.evidence ?? null };
  });
  const byAnswer = emptyResult().summary.announcedByAnswer;
  for (const v of views) byAnswer[v.answer]++;
  return {
    available: true,
    candidates,
    otherCandidates,
    announced: views,
    summary: {
      candidates: candidates.length,
      candidatesWithStation: candidates.filter((c) => c.announcedStations.length > 0).length,
      announced: views.length,
      announcedByAnswer: byAnswer,
    },
  };
}
