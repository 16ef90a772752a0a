// Types of the analysis API: the framework matrix (codes × groups of
// municipalities), code co-occurrence, the distributions of the closed
// variables, station candidates against the announced stations, and groups of
// shared text (joint statements). Every count is of municipalities
// (respondents) on current responses; non-respondents and respondents that
// are not municipalities are always reported separately.
import type { MunicipalityFacts } from './domain';

export type AnalysisGroupBy = 'policeDistrict' | 'county' | 'populationBand';

export type PopulationBandKey = 'lt2000' | '2000-4999' | '5000-19999' | '20000-49999' | 'gte50000';

export interface PopulationBand {
  key: PopulationBandKey;
  /** As shown, with Norwegian thousands separators (no-break space). */
  label: string;
  /** Inclusive bounds; `max` null: no upper bound. */
  min: number;
  max: number | null;
}

export const POPULATION_BANDS: readonly PopulationBand[] = [
  { key: 'lt2000', label: '< 2\u00a0000', min: 0, max: 1999 },
  { key: '2000-4999', label: '2\u00a0000–4\u00a0999', min: 2000, max: 4999 },
  { key: '5000-19999', label: '5\u00a0000–19\u00a0999', min: 5000, max: 19_999 },
  { key: '20000-49999', label: '20\u00a0000–49\u00a0999', min: 20_000, max: 49_999 },
  { key: 'gte50000', label: '≥ 50\u00a0000', min: 50_000, max: null },
];

/** The band of a population (inhabitants 1 January 2022, from the register). */
export function populationBand(population: number): PopulationBand {
  for (const band of POPULATION_BANDS) {
    if (population >= band.min && (band.max === null || population <= band.max)) return band;
  }
  return POPULATION_BANDS[0];
}

/** The column key of respondents that are not (or not yet) a municipality. */
export const OTHER_RESPONDENTS_KEY = 'andre';

/** One column of municipalities: a police district, a county or a population band. */
export interface AnalysisGroup {
  key: string;
  name: string;
  /** Municipalities in the register in this group. */
  municipalities: number;
  /** …of which have a current response. */
  responded: number;
  /** …of which have none (non-respondents; never dropped). */
  nonRespondents: number;
}

/**
 * Respondents not matched to a municipality: other organisations
 * (`unmatched`) and names that fit several municipalities and are not yet
 * resolved (`ambiguous`). Counted per respondent, apart from the municipalities.
 */
export interface OtherRespondents {
  key: typeof OTHER_RESPONDENTS_KEY;
  name: string;
  /** With a current response. */
  respondents: number;
  unmatched: number;
  ambiguous: number;
}

// ------------------------------------------------------------------ matrix

export interface MatrixGroup extends AnalysisGroup {
  /** Responding municipalities with at least one coding in scope (any code). */
  coded: number;
  /** With `questionId`: responding municipalities with a non-empty answer to it; otherwise null. */
  answeredQuestion: number | null;
  /** With `questionId`: responding municipalities without one ("ikke besvart"); otherwise null. */
  notAnswered: number | null;
}

export interface MatrixOthers extends OtherRespondents {
  coded: number;
  answeredQuestion: number | null;
  notAnswered: number | null;
}

export interface MatrixCounts {
  /** Municipalities per group key. */
  byGroup: Record<string, number>;
  /** Respondents that are not municipalities. */
  others: number;
  /** Municipalities in all groups (each once). */
  total: number;
}

export interface MatrixRow {
  codeId: string;
  name: string;
  parentId: string | null;
  /** Names from the top-level code down to this one. */
  path: string[];
  depth: number;
  questionId: string | null;
  /** Municipalities with a coding of exactly this code. */
  direct: MatrixCounts;
  /** Municipalities with a coding of this code or any code below it (each once). */
  withDescendants: MatrixCounts;
}

export interface CodeMatrix {
  groupBy: AnalysisGroupBy;
  questionId: string | null;
  /** Columns, in order: p01…p12, counties by number, or the population bands. */
  groups: MatrixGroup[];
  others: MatrixOthers;
  totals: { municipalities: number; responded: number; nonRespondents: number; coded: number };
  /** Codes in codebook order (depth first). */
  rows: MatrixRow[];
}

/** One coded quote behind a matrix cell. */
export interface MatrixQuote {
  codingId: string;
  codeId: string;
  answerId: string;
  responseId: string;
  respondentName: string;
  municipality: MunicipalityFacts | null;
  groupKey: string;
  questionId: string | null;
  questionOrdinal: number | null;
  start: number;
  end: number;
  /** The coded words. */
  quote: string;
  /** The rest of their sentence before and after them (empty for whole sentences), so the words are never shown as a bare fragment. */
  quoteContext: { before: string; after: string };
}

// ------------------------------------------------------------ co-occurrence

export interface Cooccurrence {
  /**
   * What is counted: "answer" — all answer parts of one current response to
   * one question (text not assigned to a question is one unit of its own).
   */
  unit: 'answer';
  questionId: string | null;
  codes: { id: string; name: string; path: string[] }[];
  /** counts[i][j]: answers where codes i and j both occur; counts[i][i]: answers with code i. */
  counts: number[][];
  /** Pairs of different codes with count > 0, most frequent first. */
  pairs: { a: string; b: string; count: number }[];
  /** Answers with at least one coding in scope. */
  codedAnswers: number;
}

// ---------------------------------------------------------------- variables

/** `ikke_kodet`: responding but no value set (multiple choice: nothing ticked); `ikke_svart`: no current response. */
export type DistributionRowKind = 'option' | 'ikke_kodet' | 'ikke_svart';

export interface DistributionRow {
  kind: DistributionRowKind;
  /** The option's value; for the other kinds the kind itself. */
  value: string;
  label: string;
  count: number;
  /**
   * Share of the responding municipalities (options, `ikke_kodet`); for
   * `ikke_svart`, share of the municipalities in the register. 0 when the
   * base is 0. Multiple choice: a municipality counts under every option it
   * chose, so the option shares may add up to more than 1.
   */
  share: number;
}

export interface Distribution {
  /** Municipalities in the register (0 for the other respondents). */
  municipalities: number;
  /** Responding units: municipalities, or other respondents. */
  responded: number;
  /** With a value set. */
  coded: number;
  rows: DistributionRow[];
}

export interface VariableDistribution {
  variableId: string;
  key: string;
  label: string;
  kind: 'single' | 'multi';
  questionId: string | null;
  overall: Distribution;
  /** Per group (when grouped), in column order. */
  groups: (Distribution & { key: string; name: string })[];
  /** Respondents that are not municipalities (no `ikke_svart` row). */
  others: Distribution;
}

export interface VariableAnalysis {
  groupBy: AnalysisGroupBy | null;
  variables: VariableDistribution[];
}

// ---------------------------------------------------------------- stations

export interface AnnouncedStation {
  station: string;
  municipalityNumber: string;
  municipalityName: string;
  policeDistrict: string;
  announced: string;
  kind: string;
  note: string;
  sourceUrl: string;
}

/** What the municipality of an announced station answered to "wants a new station". */
export type StationAnswer = 'ja' | 'nei' | 'uklart' | 'ikke_besvart' | 'ikke_kodet' | 'ingen_svar';

export interface StationEvidence {
  answerId: string;
  start: number;
  end: number;
  quote: string;
  /** The rest of the quote's sentence before and after it (empty for whole sentences). */
  quoteContext: { before: string; after: string };
}

export interface StationCandidate {
  municipality: MunicipalityFacts & { countyNumber: string };
  responseId: string;
  /** The value of q5_offers_premises, or null when not set. */
  offersPremises: string | null;
  /** q5_premises_offered, or null. */
  premisesOffered: string | null;
  evidence: StationEvidence | null;
  /** Announced stations in this municipality (empty: it got none). */
  announcedStations: AnnouncedStation[];
}

export interface AnnouncedStationView extends AnnouncedStation {
  /** The municipality is in the project's register. */
  inRegister: boolean;
  answer: StationAnswer;
  responseId: string | null;
  evidence: StationEvidence | null;
}

export interface StationAnalysis {
  /** False when the project has no q5_wants_station variable: everything else is empty. */
  available: boolean;
  candidates: StationCandidate[];
  /** Respondents that are not municipalities but answered "ja". */
  otherCandidates: { respondentName: string; responseId: string }[];
  announced: AnnouncedStationView[];
  summary: {
    candidates: number;
    candidatesWithStation: number;
    announced: number;
    /** Announced stations whose municipality answered each way. */
    announcedByAnswer: Record<StationAnswer, number>;
  };
}

// -------------------------------------------------------------- shared text

export interface SharedTextMember {
  answerId: string;
  responseId: string;
  respondentName: string;
  municipality: { number: string; name: string } | null;
  questionId: string | null;
  questionOrdinal: number | null;
  /** The start of the answer's text. */
  excerpt: string;
  length: number;
}

/** A run of words in a near-copy compared with the group's most common text. */
export interface SharedTextChange {
  kind: 'same' | 'added' | 'removed';
  /** The words (unchanged runs may be shortened to their ends around «…»). */
  text: string;
}

/** One distinct text of a group (whole texts compared, whitespace normalised) and who sent it. */
export interface SharedTextVariant {
  excerpt: string;
  answerIds: string[];
  /** How this text differs from the first variant (the one most members sent); null for that one. */
  changes: SharedTextChange[] | null;
  wordsAdded: number;
  wordsRemoved: number;
}

export interface SharedTextGroup {
  /** Stable within a result: the smallest member answer id. */
  id: string;
  members: SharedTextMember[];
  /** Distinct respondents (municipalities or others) among the members. */
  respondents: number;
  /** Exact Jaccard similarity of the members' shingle sets, over member pairs of different respondents. */
  minSimilarity: number;
  avgSimilarity: number;
  /** Every member's normalised text is the same. */
  identical: boolean;
  /** The distinct texts, most members first. */
  variants: SharedTextVariant[];
}

export interface SharedTextResult {
  threshold: number;
  minLength: number;
  shingleSize: number;
  bands: number;
  rows: number;
  /** Answers long enough to be compared. */
  answersCompared: number;
  /** Pairs the locality-sensitive hashing proposed (before verification). */
  candidatePairs: number;
  /** Pairs verified at or above the threshold. */
  similarPairs: number;
  groups: SharedTextGroup[];
}

export interface CodeGroupResult {
  /** Codings made (whole answers). */
  created: number;
  /** Members that already had the whole answer coded with this code. */
  unchanged: number;
  codingIds: string[];
}

// ---------------------------------------------------------- shared passages

export interface SharedPassageMember {
  answerId: string;
  responseId: string;
  respondentName: string;
  municipality: { number: string; name: string } | null;
  questionOrdinal: number | null;
  receivedDate: string | null;
  /** Where the passage is in the answer (character offsets, end exclusive): ready to code. */
  start: number;
  end: number;
  words: number;
  /** This member's own wording of the passage (small edits differ). */
  text: string;
  /** Among the earliest by date received (null dates last). */
  first: boolean;
}

export interface SharedPassageGroup {
  /** Stable within a result: the first member's answer id and start. */
  id: string;
  /** The passage once, as the first member by date has it. */
  text: string;
  words: number;
  /** Distinct respondents (municipalities or others). */
  respondents: number;
  members: SharedPassageMember[];
}

export interface SharedPassagesResult {
  minWords: number;
  answersCompared: number;
  groups: SharedPassageGroup[];
}
