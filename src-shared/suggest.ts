// Types and schemas of the coding assistant (`suggest.forResponse`,
// `suggest.evaluate`): code suggestions learnt from the project's own codings,
// with a probability, the words that carried it and the sentence that scores
// highest, and their quality measured by cross-validation. Suggestions are
// read-only data: nothing here codes anything.
import { z } from 'zod';

const id = z.string().min(1).max(64);

/** The defaults: suggest at probability ≥ 0.8, only for codes whose cross-validated precision there is ≥ 0.8 with ≥ 15 examples. */
export const SUGGEST_DEFAULTS = { threshold: 0.8, minPrecision: 0.8, minExamples: 15, folds: 5 } as const;

const settings = {
  /** The probability a suggestion needs (and at which precision and recall are measured). */
  threshold: z.number().gt(0).lt(1).optional(),
  /** The cross-validated precision a code needs before it suggests anything. */
  minPrecision: z.number().gt(0).max(1).optional(),
  /** The answers coded with a code it needs before it suggests anything. */
  minExamples: z.number().int().min(1).max(10_000).optional(),
};

export const suggestForResponseInputSchema = z.object({ responseId: id, ...settings }).strict();
export const suggestEvaluateInputSchema = z.object({ ...settings, folds: z.number().int().min(2).max(20).optional() }).strict();

export interface SuggestSettings {
  threshold: number;
  minPrecision: number;
  minExamples: number;
  folds: number;
}

/**
 * Whether a code makes suggestions: `ready`; `needsExamples` (fewer coded
 * answers than the minimum: `examplesNeeded` says how many more); `lowPrecision`
 * (enough examples, but the cross-validated precision at the threshold is below
 * the minimum, or nothing reached the threshold so precision is unknown).
 */
export type CodeReadiness = 'ready' | 'needsExamples' | 'lowPrecision';

/** A code's quality, cross-validated on the project's own codings. */
export interface CodeQuality {
  codeId: string;
  codeName: string;
  /** The question the code belongs to (its answers are the only ones it is learnt from and suggested for); null for any. */
  questionOrdinal: number | null;
  /** Answers coded with the code (positives). */
  examples: number;
  /** Coded answers without it (negatives). Answers nobody coded are not counted. */
  negatives: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Null when nothing reached the threshold (precision unknown) or nothing is to be found (recall). */
  precision: number | null;
  recall: number | null;
  f1: number | null;
  status: CodeReadiness;
  /** How many more coded answers the code needs; null when more examples are not the (known) cure. */
  examplesNeeded: number | null;
}

export interface SuggestEvaluation {
  threshold: number;
  minPrecision: number;
  minExamples: number;
  folds: number;
  /** Answers (all parts of one response's answer to a question) with at least one coding. */
  labelledAnswers: number;
  codes: CodeQuality[];
}

/** A word (or two words in a row) that carried a suggestion, as written in the answer. */
export interface SuggestionWord {
  text: string;
  /** Its contribution to the score (weight × feature value); the largest first. */
  contribution: number;
}

export interface Suggestion {
  codeId: string;
  codeName: string;
  probability: number;
  words: SuggestionWord[];
  /** The sentence that scores highest for the code, in one answer part (offsets in UTF-16 code units). */
  span: { answerId: string; start: number; end: number; text: string };
}

/** One answer: all parts of the response's answer to one question (or one part not assigned to a question). */
export interface AnswerSuggestions {
  questionId: string | null;
  questionOrdinal: number | null;
  answerIds: string[];
  /** Already coded by someone: no suggestions (the codings are training data). */
  coded: boolean;
  suggestions: Suggestion[];
}

export interface ResponseSuggestions {
  responseId: string;
  /** A later response replaced this one: it gets no suggestions. */
  superseded: boolean;
  threshold: number;
  answers: AnswerSuggestions[];
  /** Every code's quality and readiness (the same figures as suggest.evaluate). */
  codes: CodeQuality[];
}
