// Types of the evaluation findings register: DFØ's reports and findings, and
// links from the municipalities' answers to them.
import type { MunicipalityFacts } from './domain';

export type FindingRelation = 'stotter' | 'motsier' | 'nyanserer' | 'nytt_forhold';
export const findingRelations: FindingRelation[] = ['stotter', 'motsier', 'nyanserer', 'nytt_forhold'];

export interface FindingReport {
  id: string;
  /** E.g. "DFØ-rapport 2022:6". */
  key: string;
  title: string;
  publisher: string;
  published: string | null;
  url: string | null;
  verified: boolean;
  notes: string;
  findingCount: number;
}

export interface Finding {
  id: string;
  reportId: string | null;
  reportKey: string | null;
  statement: string;
  /** Chapter, section or page. */
  reference: string | null;
  theme: string | null;
  verified: boolean;
  counts: Record<FindingRelation, number>;
}

export interface FindingLink {
  id: string;
  findingId: string;
  answerId: string;
  codingId: string | null;
  relation: FindingRelation;
  comment: string | null;
  createdBy: string;
  createdAt: string;
}

export interface FindingEvidence extends FindingLink {
  responseId: string;
  respondentName: string;
  municipality: MunicipalityFacts | null;
  questionOrdinal: number | null;
  /** The linked text: the coded span, or the whole answer part. */
  quote: string;
  /** The rest of the quote's sentence before and after it (empty for a whole answer part or whole sentences). */
  quoteContext: { before: string; after: string };
  /** The linked answer belongs to a response that a newer version replaced. */
  superseded: boolean;
}

export interface FindingView {
  finding: Finding;
  report: FindingReport | null;
  evidence: FindingEvidence[];
  byRelation: Record<FindingRelation, number>;
  /** Municipalities per police district and relation (current responses only). */
  byPoliceDistrict: { code: string; name: string; counts: Record<FindingRelation, number> }[];
}

/** A link seen from the answer's side (the coding view). */
export interface AnswerFindingLink extends FindingLink {
  statement: string;
  reportKey: string | null;
  questionOrdinal: number | null;
  /** The linked text: the coded span, or the whole answer part. */
  quote: string;
}

/** Columns of the findings register as a table (CSV/XLSX import and export). */
export const REGISTER_COLUMNS = [
  'rapport_id',
  'rapport_tittel',
  'utgiver',
  'publisert',
  'url',
  'rapport_verifisert',
  'funn_id',
  'funn',
  'referanse',
  'tema',
  'funn_verifisert',
] as const;
