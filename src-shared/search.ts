// Types and schemas of full-text search over answers (`search.query`).
//
// Query syntax (parsed by the core, never passed to SQLite as typed):
//   tjenestested            a word, in any inflection (Norwegian stemming):
//                           also finds "tjenestestedet", "tjenestesteder"
//   "fysisk tilstedeværelse" a phrase: these words in this order, each in any
//                           inflection ("fysisk tilstedeværelsen" is a hit)
//   politi*                 words beginning with "politi" (politiet,
//                           politistasjon …), unstemmed
//   =kommunen  ="…"         exactly this form of the word / phrase
//   a b   a AND b   a OG b  both (words side by side mean AND)
//   a OR b   a ELLER b      either
//   a NOT b  a IKKE b  a -b without b
//   ( … )                   grouping
// Operators are written in capitals; "og", "eller", "ikke" in lower case are
// ordinary words. æ, ø and å are letters of their own: "bål" never finds "bal".
import { z } from 'zod';
import { personalFilterSchema } from './personal';
import { RESPONSE_STATUSES } from './domain';
import { POPULATION_BANDS, type PopulationBandKey } from './analysis';

/** The same population bands as the analyses (< 2 000 … ≥ 50 000). */
export const populationBandSchema = z.enum(POPULATION_BANDS.map((b) => b.key) as [PopulationBandKey, ...PopulationBandKey[]]);

const id = z.string().min(1).max(64);

/** Narrows a search like the response list is narrowed (all optional, all AND-ed). */
export const searchFilterSchema = z
  .object({
    policeDistrictCode: z.string().regex(/^p\d{2}$/).optional(),
    countyNumber: z.string().regex(/^\d{2}$/).optional(),
    populationBand: populationBandSchema.optional(),
    /** Only answers to this question (1-based ordinal). */
    question: z.number().int().min(1).max(99).optional(),
    status: z.enum(RESPONSE_STATUSES).optional(),
    /** Responses with at least one coding of this code (as in the response list). */
    codeId: id.optional(),
    /** Responses whose value of the variable is (or includes) this value; null: no value yet. */
    variable: z.object({ variableId: id, value: z.string().max(200).nullable() }).strict().optional(),
    matchStatus: z.enum(['matched', 'unmatched', 'ambiguous']).optional(),
    /** Responses with personal data found: of this kind, of any kind ('any'), or none ('none'). */
    personal: personalFilterSchema.optional(),
  })
  .strict();

export type SearchFilter = z.infer<typeof searchFilterSchema>;

export const searchInputSchema = z
  .object({
    query: z.string().max(1000),
    filter: searchFilterSchema.optional(),
    /** Also search superseded versions of responses (default: current only). */
    includeSuperseded: z.boolean().optional(),
    limit: z.number().int().min(1).max(1000).default(50),
    offset: z.number().int().min(0).default(0),
    /** Also count hits per respondent and question over all hits (not just this page). */
    groups: z.boolean().optional(),
  })
  .strict();

export interface TextRange {
  start: number;
  end: number;
}

export interface SearchHit {
  answerId: string;
  responseId: string;
  respondentId: string;
  kommunenummer: string | null;
  /** The respondent's name as received ("Bodø kommune"). */
  respondent: string;
  municipalityName: string | null;
  countyName: string | null;
  policeDistrictName: string | null;
  /** 1-based question ordinal, or null for text not assigned to a question. */
  question: number | null;
  isCurrent: boolean;
  /** A window of the answer text around the first hit, as plain text. */
  snippet: string;
  /** Where the snippet starts and ends in the answer text (UTF-16 offsets, as String.slice). */
  snippetStart: number;
  snippetEnd: number;
  /** Length of the whole answer text (the snippet is cut at the end if snippetEnd is less). */
  textLength: number;
  /** Hits in the snippet, relative to the snippet. */
  highlights: TextRange[];
  /** Every hit in the answer, relative to the answer text (ready to code). */
  hitRanges: TextRange[];
  /**
   * What *Kod* can take around the first hit, relative to the answer text, with
   * its text: the sentence (the default: a lone word is no quote), the
   * paragraph, and the hit alone. Null without a hit (a query of exclusions only).
   */
  spans: { sentence: TextSpan; paragraph: TextSpan; hit: TextSpan } | null;
}

export interface TextSpan extends TextRange {
  text: string;
}

export interface SearchGroup {
  respondentId: string;
  kommunenummer: string | null;
  municipalityName: string | null;
  respondent: string;
  /** Answers with hits. */
  count: number;
  byQuestion: { question: number | null; count: number }[];
}

export interface SearchResult {
  /** Answers with hits (all pages). */
  total: number;
  /**
   * This page, in the response list's order — by municipality name (else the
   * respondent's name), Norwegian alphabetical order — then by question
   * (unassigned text last) and place in the response.
   */
  hits: SearchHit[];
  /** With `groups: true`: hits per respondent and question over all pages. */
  groups?: SearchGroup[];
  /** With `groups: true`: hits per question over all pages. */
  byQuestion?: { question: number | null; count: number }[];
}
