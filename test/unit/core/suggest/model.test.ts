// The assistant's models on a small labelled corpus: who counts as an
// example, cross-validated counts and readiness, determinism, and the
// explanation (words and best sentence) of a suggestion.
import { describe, expect, it } from 'vitest';
import { suggestionsFor } from '../../../../src-main/core/suggest/explain';
import { buildCorpus, crossValidate, labelled, quality, trainAll, withDefaults, type AnswerUnit, type CodeDef } from '../../../../src-main/core/suggest/model';

const RUS: CodeDef = { id: 'rus', name: 'Rus blant unge', description: 'Rusmidler og ungdom', questionId: 'q1' };
const VOLD: CodeDef = { id: 'vold', name: 'Vold', description: '', questionId: 'q1' };
const ANY: CodeDef = { id: 'any', name: 'Alt', description: '', questionId: null };

const RUS_TEXTS = ['Rusbruk blant ungdom øker.', 'Ungdommen bruker mer rusmidler enn før.', 'Rus blant unge bekymrer oss.', 'Vi ser mer cannabis og rus hos ungdom.'];
const VOLD_TEXTS = ['Vold i nære relasjoner er et problem.', 'Volden i hjemmene øker.', 'Familievold krever mer politi.', 'Vi ser vold mot kvinner.'];

function unit(key: string, text: string, codes: string[], questionId = 'q1'): AnswerUnit {
  return { key, responseId: key, questionId, parts: [{ answerId: `a-${key}`, text }], codes: new Set(codes) };
}

/** 20 answers about drugs, 20 about violence, all coded; 2 uncoded; one Q2 answer coded with "any". */
function corpusUnits(): AnswerUnit[] {
  const out: AnswerUnit[] = [];
  for (let i = 0; i < 20; i++) {
    out.push(unit(`r${String(i).padStart(2, '0')}`, `${RUS_TEXTS[i % 4]} Kommune nummer ${i}.`, ['rus']));
    out.push(unit(`v${String(i).padStart(2, '0')}`, `${VOLD_TEXTS[i % 4]} Kommune nummer ${i}.`, ['vold']));
  }
  out.push(unit('x1', 'Politiet sier at rusbruk blant ungdom øker. Ellers er alt bra.', []));
  out.push(unit('x2', 'Ingen kommentar.', []));
  out.push(unit('q2', 'Rus og vold.', ['any'], 'q2'));
  return out;
}

describe('labelled', () => {
  it('takes coded answers in the code’s question only; uncoded answers are no negatives', () => {
    const corpus = buildCorpus(corpusUnits());
    const { at, y } = labelled(corpus, RUS);
    expect(at.length).toBe(40);
    expect(y.filter((v) => v === 1).length).toBe(20);
    expect(at.map((i) => corpus.units[i].key)).not.toContain('x1');
    expect(at.map((i) => corpus.units[i].key)).not.toContain('q2');
    // A code for any question learns from every coded answer.
    expect(labelled(corpus, ANY).at.length).toBe(41);
  });
});

describe('crossValidate and quality', () => {
  const settings = withDefaults({});

  it('finds a separable code with full precision and counts every positive once', () => {
    const corpus = buildCorpus(corpusUnits());
    const counts = crossValidate(corpus, RUS, settings.threshold, settings.folds);
    expect(counts.examples).toBe(20);
    expect(counts.negatives).toBe(20);
    expect(counts.truePositives + counts.falseNegatives).toBe(20);
    expect(counts.falsePositives).toBe(0);
    const q = quality(RUS, 1, counts, settings);
    expect(q.precision).toBe(1);
    expect(q.status).toBe('ready');
    expect(q.examplesNeeded).toBeNull();
  });

  it('says how many more examples a code needs below the minimum', () => {
    const q = quality(RUS, 1, { truePositives: 3, falsePositives: 0, falseNegatives: 1, examples: 4, negatives: 10 }, settings);
    expect(q.status).toBe('needsExamples');
    expect(q.examplesNeeded).toBe(11);
    expect(q.recall).toBe(0.75);
  });

  it('calls precision unknown (not 0, not 1) when nothing reached the threshold', () => {
    const q = quality(RUS, 1, { truePositives: 0, falsePositives: 0, falseNegatives: 20, examples: 20, negatives: 20 }, settings);
    expect(q.precision).toBeNull();
    expect(q.recall).toBe(0);
    expect(q.status).toBe('lowPrecision');
  });

  it('gives a code without negatives no model and no made-up figures', () => {
    const corpus = buildCorpus(corpusUnits().filter((u) => u.codes.has('rus') || u.codes.size === 0));
    const [t] = trainAll(corpus, [RUS], () => 1, settings);
    expect(t.model).toBeNull();
    expect(t.quality.precision).toBeNull();
  });
});

describe('suggestions', () => {
  it('suggests the right code for an uncoded answer, with its words and its best sentence', () => {
    const corpus = buildCorpus(corpusUnits());
    const trained = trainAll(corpus, [RUS, VOLD], () => 1, withDefaults({}));
    const x1 = corpus.units.find((u) => u.key === 'x1')!;
    const out = suggestionsFor(corpus.vectorizer, trained.map((t) => ({ code: t.code, model: t.model! })), x1, 0.5);
    expect(out.map((s) => s.codeId)).toEqual(['rus']);
    expect(out[0].span).toEqual({ answerId: 'a-x1', start: 0, end: 43, text: 'Politiet sier at rusbruk blant ungdom øker.' });
    expect(out[0].words.length).toBeGreaterThan(0);
    expect(out[0].words.map((w) => w.text)).toContain('ungdom');
    for (let i = 1; i < out[0].words.length; i++) expect(out[0].words[i].contribution).toBeLessThanOrEqual(out[0].words[i - 1].contribution);
  });

  it('is deterministic: the same data in any order gives the same models and suggestions', () => {
    const a = buildCorpus(corpusUnits());
    const b = buildCorpus([...corpusUnits()].reverse());
    const ta = trainAll(a, [RUS, VOLD], () => 1, withDefaults({}));
    const tb = trainAll(b, [RUS, VOLD], () => 1, withDefaults({}));
    expect(ta.map((t) => t.quality)).toEqual(tb.map((t) => t.quality));
    expect(Array.from(ta[0].model!.weights)).toEqual(Array.from(tb[0].model!.weights));
    const x1a = a.units.find((u) => u.key === 'x1')!;
    const x1b = b.units.find((u) => u.key === 'x1')!;
    const sa = suggestionsFor(a.vectorizer, ta.map((t) => ({ code: t.code, model: t.model! })), x1a, 0);
    const sb = suggestionsFor(b.vectorizer, tb.map((t) => ({ code: t.code, model: t.model! })), x1b, 0);
    expect(sa).toEqual(sb);
  });

  it('makes no model and no suggestions for a code nobody coded yet: its rule alone proves no precision', () => {
    const units = corpusUnits().map((u) => (u.codes.has('rus') ? { ...u, codes: new Set(['annet']) } : u));
    const corpus = buildCorpus(units);
    // "rus" has no positives among the coded answers: only its rule (name and description) would be.
    const [t] = trainAll(corpus, [RUS], () => 1, withDefaults({}));
    expect(t.quality.status).toBe('needsExamples');
    expect(t.quality.examplesNeeded).toBe(15);
    expect(t.model).toBeNull();
  });
});
