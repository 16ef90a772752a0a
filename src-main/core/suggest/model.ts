// The coding assistant's models, as pure functions of the project's answers,
// codes and codings (no database here, so the bench and the tests drive the
// same code the API does). One logistic regression per code, trained on the
// answers in its scope (its question's, or all) that someone coded: positives
// carry the code, negatives carry other codes but not it; answers nobody coded
// are unlabelled and left out. The code's name and description (its coding
// rule) join as one more positive, so a new code starts from its rule.
import { SUGGEST_DEFAULTS, type CodeQuality, type SuggestSettings } from '../../../src-shared/suggest';
import { termsOf, Vectorizer, type SparseVector } from './features';
import { stratifiedFolds } from './folds';
import { probability, train, type Example, type LogisticModel } from './logistic';

/** One answer: all parts of one response's answer to one question (or one unassigned part). */
export interface AnswerUnit {
  key: string;
  responseId: string;
  questionId: string | null;
  parts: { answerId: string; text: string }[];
  /** The codes someone coded anywhere in this answer. */
  codes: ReadonlySet<string>;
}

export interface CodeDef {
  id: string;
  name: string;
  description: string;
  questionId: string | null;
}

/** The answer's text as the model reads it: its parts, a blank line apart. */
export function unitText(unit: AnswerUnit): string {
  return unit.parts.map((p) => p.text).join('\n\n');
}

export interface Corpus {
  vectorizer: Vectorizer;
  units: AnswerUnit[];
  vectors: SparseVector[];
}

/** The vocabulary and vectors of every answer, coded or not (no labels are used: IDF is unsupervised). */
export function buildCorpus(units: readonly AnswerUnit[]): Corpus {
  const sorted = [...units].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const terms = sorted.map((u) => termsOf(unitText(u)));
  const vectorizer = Vectorizer.fit(terms);
  return { vectorizer, units: sorted, vectors: terms.map((t) => vectorizer.vector(t)) };
}

/** The answers a code is learnt from and suggested for. */
export function inScope(code: CodeDef, unit: AnswerUnit): boolean {
  return code.questionId === null || code.questionId === unit.questionId;
}

/** The code's labelled examples: indices into the corpus and labels, in corpus order. */
export function labelled(corpus: Corpus, code: CodeDef): { at: number[]; y: (0 | 1)[] } {
  const at: number[] = [];
  const y: (0 | 1)[] = [];
  corpus.units.forEach((u, i) => {
    if (u.codes.size > 0 && inScope(code, u)) {
      at.push(i);
      y.push(u.codes.has(code.id) ? 1 : 0);
    }
  });
  return { at, y };
}

/** The code's rule as a positive example: its name and description. */
function ruleExample(corpus: Corpus, code: CodeDef): Example | null {
  const x = corpus.vectorizer.vector(termsOf(`${code.name}\n${code.description}`));
  return x.idx.length > 0 ? { x, y: 1 } : null;
}

/**
 * Positives are usually few: each counts as much as sqrt(negatives/positives)
 * of them (at most 5), so a rare code is not drowned, without inflating its
 * probabilities as far as full balancing would.
 */
function weighted(xs: SparseVector[], ys: (0 | 1)[]): Example[] {
  const positives = ys.filter((y) => y === 1).length;
  const negatives = ys.length - positives;
  const w = positives > 0 ? Math.min(5, Math.max(1, Math.sqrt(negatives / positives))) : 1;
  return xs.map((x, i) => ({ x, y: ys[i], weight: ys[i] === 1 ? w : 1 }));
}

export function trainCode(corpus: Corpus, code: CodeDef, at: readonly number[], y: readonly (0 | 1)[]): LogisticModel {
  const examples = weighted(
    at.map((i) => corpus.vectors[i]),
    [...y],
  );
  const rule = ruleExample(corpus, code);
  if (rule) examples.push(rule);
  return train(examples, corpus.vectorizer.size);
}

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/** k-fold cross-validation of a code on its labelled answers: the counts at the threshold. */
export function crossValidate(corpus: Corpus, code: CodeDef, threshold: number, folds: number): Counts & { examples: number; negatives: number } {
  const { at, y } = labelled(corpus, code);
  const examples = y.filter((v) => v === 1).length;
  const out = { truePositives: 0, falsePositives: 0, falseNegatives: 0, examples, negatives: y.length - examples };
  if (examples === 0 || out.negatives === 0) {
    out.falseNegatives = examples;
    return out;
  }
  const fold = stratifiedFolds(y, folds);
  for (let f = 0; f < folds; f++) {
    const trainAt: number[] = [];
    const trainY: (0 | 1)[] = [];
    at.forEach((i, k) => {
      if (fold[k] !== f) {
        trainAt.push(i);
        trainY.push(y[k]);
      }
    });
    if (trainAt.length === 0) continue;
    const model = trainCode(corpus, code, trainAt, trainY);
    at.forEach((i, k) => {
      if (fold[k] !== f) return;
      const hit = probability(model, corpus.vectors[i]) >= threshold;
      if (hit && y[k] === 1) out.truePositives++;
      else if (hit) out.falsePositives++;
      else if (y[k] === 1) out.falseNegatives++;
    });
  }
  return out;
}

function ratio(a: number, b: number): number | null {
  return b > 0 ? a / b : null;
}

/** A code's quality and readiness from its cross-validation counts. */
export function quality(code: CodeDef, questionOrdinal: number | null, counts: ReturnType<typeof crossValidate>, settings: SuggestSettings): CodeQuality {
  const precision = ratio(counts.truePositives, counts.truePositives + counts.falsePositives);
  const recall = ratio(counts.truePositives, counts.truePositives + counts.falseNegatives);
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : precision !== null && recall !== null ? 0 : null;
  const short = settings.minExamples - counts.examples;
  const status = short > 0 ? 'needsExamples' : precision !== null && precision >= settings.minPrecision ? 'ready' : 'lowPrecision';
  return {
    codeId: code.id,
    codeName: code.name,
    questionOrdinal,
    examples: counts.examples,
    negatives: counts.negatives,
    truePositives: counts.truePositives,
    falsePositives: counts.falsePositives,
    falseNegatives: counts.falseNegatives,
    precision,
    recall,
    f1,
    status,
    examplesNeeded: short > 0 ? short : null,
  };
}

export function withDefaults(input: Partial<SuggestSettings>): SuggestSettings {
  return {
    threshold: input.threshold ?? SUGGEST_DEFAULTS.threshold,
    minPrecision: input.minPrecision ?? SUGGEST_DEFAULTS.minPrecision,
    minExamples: input.minExamples ?? SUGGEST_DEFAULTS.minExamples,
    folds: input.folds ?? SUGGEST_DEFAULTS.folds,
  };
}

export interface TrainedCode {
  code: CodeDef;
  quality: CodeQuality;
  /** Trained on all its labelled answers; null when the code has no examples or no negatives. */
  model: LogisticModel | null;
}

/** Every code evaluated and (when it has examples) trained on all its labelled answers. */
export function trainAll(corpus: Corpus, codes: readonly CodeDef[], ordinalOf: (questionId: string | null) => number | null, settings: SuggestSettings): TrainedCode[] {
  return codes.map((code) => {
    const counts = crossValidate(corpus, code, settings.threshold, settings.folds);
    const q = quality(code, ordinalOf(code.questionId), counts, settings);
    if (counts.examples === 0 || counts.negatives === 0) return { code, quality: q, model: null };
    const { at, y } = labelled(corpus, code);
    return { code, quality: q, model: trainCode(corpus, code, at, y) };
  });
}
