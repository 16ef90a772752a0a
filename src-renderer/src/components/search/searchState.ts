// The state of the *Søk* screen as pure data: the filter form's values, how
// they become the API's SearchFilter, and how a page of hits is grouped for
// display. Kept apart from the view so it can be tested without a DOM.
import { POPULATION_BANDS } from '../../../../src-shared/analysis';
import { RESPONSE_STATUSES } from '../../../../src-shared/domain';
import type { PersonalFilter } from '../../../../src-shared/personal';
import type { SearchFilter, SearchHit } from '../../../../src-shared/search';

export interface FilterState {
  policeDistrictCode: string;
  countyNumber: string;
  populationBand: string;
  codeId: string;
  /** "variableId=value" */
  variable: string;
  status: string;
  personal: PersonalFilter | '';
}

export const emptyFilters: FilterState = { policeDistrictCode: '', countyNumber: '', populationBand: '', codeId: '', variable: '', status: '', personal: '' };

/** What the user searched for, kept by the case screen so the hits are still there on coming back to *Søk*. */
export interface SearchState {
  /** The text in the field. */
  text: string;
  /** The query last submitted. */
  query: string;
  filters: FilterState;
  offset: number;
}

export const emptySearch: SearchState = { text: '', query: '', filters: emptyFilters, offset: 0 };

export function toFilter(f: FilterState): SearchFilter {
  const out: SearchFilter = {};
  if (f.policeDistrictCode) out.policeDistrictCode = f.policeDistrictCode;
  if (f.countyNumber) out.countyNumber = f.countyNumber;
  const band = POPULATION_BANDS.find((b) => b.key === f.populationBand);
  if (band) out.populationBand = band.key;
  if (f.codeId) out.codeId = f.codeId;
  const status = RESPONSE_STATUSES.find((s) => s === f.status);
  if (status) out.status = status;
  if (f.personal) out.personal = f.personal;
  const at = f.variable.indexOf('=');
  if (at > 0) {
    out.variable = { variableId: f.variable.slice(0, at), value: f.variable.slice(at + 1) };
  }
  return out;
}

export interface HitGroup {
  key: string;
  title: string;
  district: string | null;
  questions: { question: number | null; hits: SearchHit[] }[];
}

/** Consecutive hits of one respondent, then of one question (the core already orders them). */
export function groupHits(hits: SearchHit[]): HitGroup[] {
  const out: HitGroup[] = [];
  for (const hit of hits) {
    let g = out[out.length - 1];
    if (!g || g.key !== hit.respondentId) {
      g = { key: hit.respondentId, title: hit.municipalityName ?? hit.respondent, district: hit.policeDistrictName, questions: [] };
      out.push(g);
    }
    let q = g.questions[g.questions.length - 1];
    if (!q || q.question !== hit.question) {
      q = { question: hit.question, hits: [] };
      g.questions.push(q);
    }
    q.hits.push(hit);
  }
  return out;
}
