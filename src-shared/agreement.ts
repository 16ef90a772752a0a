// Types of the inter-coder agreement API (issue 8): how far caseworkers who
// coded the same responses agree, per code and per closed variable, the units
// on which they differ side by side, and the lead's recorded resolution of
// each. See src-main/core/agreement for how units and coders' judgements are
// derived.
import { z } from 'zod';
import type { MunicipalityFacts } from './domain';

const id = z.string().min(1).max(64);
const coderName = z.string().trim().min(1).max(120);
const coders = z.array(coderName).min(2).max(20);
const note = z.string().max(5000).optional();

/** Why a coefficient is not defined for the data (it would be 0/0). */
export type UndefinedReason =
  /** No unit was judged by two of the coders. */
  | 'no-units'
  /** Every judgement was the same category: chance agreement is total. */
  | 'no-variation'
  /** Cohen's kappa compares exactly two coders. */
  | 'not-two-coders';

export interface Coefficient {
  /** Null when undefined; then `reason` says why. */
  value: number | null;
  reason: UndefinedReason | null;
}

export interface AgreementStats {
  /** Units judged by at least two of the coders (the pairable units). */
  units: number;
  /** Units on which all coders who judged them agree, and the rest. */
  agreeing: number;
  disagreeing: number;
  /** agreeing / units (0–1); null without units. */
  percentAgreement: number | null;
  kappa: Coefficient;
  alpha: Coefficient;
}

/** Two coders' present/absent judgements of one code (or option) per unit. */
export interface BinaryCounts {
  bothPresent: number;
  onlyA: number;
  onlyB: number;
  bothAbsent: number;
}

export interface CodeAgreement extends AgreementStats {
  codeId: string;
  name: string;
  /** Names from the top of the codebook down to this code. */
  path: string[];
  questionId: string | null;
  /** Units each coder coded with this code, in the report's coder order. */
  present: number[];
  /** With exactly two coders. */
  counts: BinaryCounts | null;
  /** Disagreements with a recorded resolution. */
  resolved: number;
}

export interface OptionAgreement extends AgreementStats {
  value: string;
  label: string;
  present: number[];
  counts: BinaryCounts | null;
}

export interface VariableAgreement extends AgreementStats {
  variableId: string;
  key: string;
  label: string;
  kind: 'single' | 'multi';
  questionId: string | null;
  /** Units on which only one coder set a value (not pairable, not a disagreement). */
  oneSided: number;
  /** Two coders: how often A chose each category (rows) against B (columns); multi: the sets of options as categories. */
  table: { categories: string[]; labels: string[]; counts: number[][] } | null;
  /** Multiple choice: each option as present/absent. */
  options: OptionAgreement[];
  resolved: number;
}

export interface AgreementReport {
  /** The coders compared, in order (A, B, …). */
  coders: string[];
  /** The assignees of double-coded respondents: the default coders. */
  defaultCoders: string[];
  /** Everyone who can be compared: assigned caseworkers and anyone who coded. */
  candidates: string[];
  /** Current responses judged by two or more of the coders (the sample). */
  responses: number;
  /** The unit: all parts of one response's answer to one question. */
  unit: 'answer';
  questionId: string | null;
  codes: CodeAgreement[];
  variables: VariableAgreement[];
  /** Disagreements over the whole report, open and resolved. */
  disagreements: { open: number; resolved: number };
}

export type ResolutionDecision = 'a' | 'b' | 'both' | 'neither' | 'value';

export interface AgreementResolution {
  id: string;
  unitKey: string;
  /** The coders the decision names: 'a' is the first, 'b' the second. */
  coders: string[];
  decision: ResolutionDecision;
  /** Variable units: the value that stands (null: none). */
  value: string | string[] | null;
  note: string;
  resolvedBy: string;
  resolvedAt: string;
}

export interface UnitCoding {
  id: string;
  answerId: string;
  start: number;
  end: number;
  quote: string;
  /** Still in the project (a resolution may have removed it). */
  exists: boolean;
}

export interface DisagreementSide {
  coder: string;
  /** Code units: the coder's codings of the code in this answer (none: the coder did not code it). */
  codings: UnitCoding[];
  /** Variable units: the value the coder set, its option labels, and the quoted evidence. */
  value: string | string[] | null;
  valueLabel: string | null;
  evidence: string | null;
}

export interface Disagreement {
  /** "code:<response>:<question or ->:<code>" or "variable:<response>:<variable>". */
  unitKey: string;
  kind: 'code' | 'variable';
  responseId: string;
  respondentName: string;
  municipality: MunicipalityFacts | null;
  question: { id: string; ordinal: number; label: string } | null;
  codeId: string | null;
  codeName: string | null;
  variableId: string | null;
  variableLabel: string | null;
  /** The answer's parts (code units), or the answers to the variable's question. */
  answers: { id: string; ordinal: number; text: string }[];
  /** One per coder who judged the unit, in the report's coder order. */
  sides: DisagreementSide[];
  resolution: AgreementResolution | null;
  /** Variable units: the merge of a work package left this value as an open conflict (decided under team work). */
  openMergeConflict: boolean;
}

export interface DisagreementList {
  coders: string[];
  items: Disagreement[];
}

export const agreementReportInputSchema = z
  .object({
    /** Default: the assignees of double-coded respondents. */
    coders: coders.optional(),
    codeIds: z.array(id).max(5000).optional(),
    questionId: id.optional(),
  })
  .strict();

export const disagreementsInputSchema = z
  .object({
    coders: coders.optional(),
    codeId: id.optional(),
    variableId: id.optional(),
    questionId: id.optional(),
    status: z.enum(['open', 'resolved', 'all']).default('all'),
  })
  .strict()
  .refine((v) => !(v.codeId && v.variableId), { message: 'Give a code or a variable, not both', path: ['variableId'] });

export const resolveInputSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('code'),
      responseId: id,
      /** The answer's question (null: text not assigned to a question). */
      questionId: id.nullable(),
      codeId: id,
      /** The coders whose codings are compared; 'a' keeps the first's, 'b' the second's. */
      coders,
      decision: z.enum(['a', 'b', 'both', 'neither']),
      note,
    })
    .strict(),
  z
    .object({
      kind: z.literal('variable'),
      responseId: id,
      variableId: id,
      coders,
      /** 'a'/'b': that coder's value stands; 'value': `value` (null clears it). */
      decision: z.enum(['a', 'b', 'value']),
      value: z.union([z.string().max(200), z.array(z.string().max(200)).max(50)]).nullable().optional(),
      note,
    })
    .strict(),
]);
export type ResolveInput = z.infer<typeof resolveInputSchema>;

export function codeUnitKey(responseId: string, questionId: string | null, codeId: string): string {
  return `code:${responseId}:${questionId ?? '-'}:${codeId}`;
}

export function variableUnitKey(responseId: string, variableId: string): string {
  return `variable:${responseId}:${variableId}`;
}
