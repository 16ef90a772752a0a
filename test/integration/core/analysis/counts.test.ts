// The analyses' counts on a small project built through the API, where every
// number is known by hand: nine municipalities and one other organisation
// answer (Lesja twice: its first response is superseded, with codings and
// values that must not count), 347 municipalities do not. Codes, codings and
// variable values are made through the API as a caseworker would.
//
//   municipality  district  county  population  band
//   0301 Oslo        p01      03     699 827     ≥ 50 000
//   1804 Bodø        p10      18      52 803     ≥ 50 000
//   3432 Lesja       p03      34       1 986     < 2 000      (answers twice)
//   3425 Engerdal    p03      34       1 253     < 2 000      (question 1 empty)
//   5426 Kåfjord     p11      54       2 012     2 000–4 999
//   5034 Meråker     p09      50       2 399     2 000–4 999
//   3414 Nord-Odal   p03      34       5 016     5 000–19 999
//   3023 Nesodden    p02      30      19 939     5 000–19 999
//   3048 Øvre Eiker  p04      30      20 044     20 000–49 999
//   Politiets Fellesforbund (no municipality: "andre innsendere")
//
// Codes: Utfordringer (A) > Rus (A1), Vold (A2); Avstand (B).
//   Oslo q1: A1 twice (two spans), A2      Bodø q1: A1, B    Bodø q5: B
//   Lesja old q1: A1, B (superseded)       Lesja new q1: A2
//   Kåfjord q2: B     Nord-Odal q1: A      Fellesforbund q1: A1
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../../src-main/core';
import { OTHER_RESPONDENTS_KEY, POPULATION_BANDS, type CodeMatrix, type Distribution, type MatrixCounts } from '../../../../src-shared/analysis';
import type { ApiClient } from '../../../../src-shared/client';
import type { ResponseDetail } from '../../../../src-shared/domain';
import { expectApiError, testApi } from '../../../helpers/api';
import { tempDir, testCore } from '../../../helpers/core';
import { toCsv, writeFiles } from '../../../helpers/import-fixtures';
import { DISTRICT_COUNTS, MUNICIPALITY_COUNT, readResourceJson, shippedRegister } from '../../../helpers/reference';

const HEADER = ['Kommunenr.', 'Kommune', 'Mottatt', 'Spørsmål 1', 'Spørsmål 2', 'Spørsmål 3', 'Spørsmål 4', 'Spørsmål 5'];
const FIRST: string[][] = [
  ['0301', 'Oslo kommune', '30.05.2022', 'Rus blant unge er den største utfordringen. Vold i nære relasjoner øker.', 'Nei.', 'Politikontakt i hver bydel.', 'Telefon og internett.', 'Nei, vi har nok tjenestesteder.'],
  ['1804', 'Bodø kommune', '30.05.2022', 'Rus blant unge og lange avstander i distriktet.', 'Nei, ikke fornøyd.', 'Politirådet fungerer.', 'Telefon, internett og oppmøte.', 'Ja, vi ønsker et nytt tjenestested og tilbyr lokaler i rådhuset.'],
  ['3432', 'Lesja kommune', '30.05.2022', 'Rus og lange avstander.', 'Nei.', 'Lite samarbeid.', 'Telefon.', 'Nei.'],
  ['3425', 'Engerdal kommune', '30.05.2022', '', 'Vet ikke.', 'Samarbeid om beredskap.', 'Tjenestested.', 'Kanskje, om det er mulig.'],
  ['5426', 'Kåfjord kommune', '30.05.2022', 'Ingen store utfordringer.', 'Avstanden til politiet er for lang.', 'SLT.', 'Ingen av disse.', 'Ikke besvart.'],
  ['5034', 'Meråker kommune', '30.05.2022', 'Grensekriminalitet.', 'Delvis.', 'Politiråd.', 'Internett.', 'Vi viser til tidligere innspill.'],
  ['3414', 'Nord-Odal kommune', '30.05.2022', 'Mange utfordringer for kommunen.', 'Delvis fornøyd.', 'Politikontakt.', 'Internett.', 'Ikke tatt stilling.'],
  ['3023', 'Nesodden kommune', '30.05.2022', 'Ungdom og rus.', 'Vi ønsker mer tilstedeværelse.', 'Politiråd.', 'Oppmøte.', 'Ja, vi ønsker et tjenestested på Nesodden.'],
  ['3048', 'Øvre Eiker kommune', '30.05.2022', 'Vinning.', 'Ja.', 'Politiråd.', 'Telefon.', 'Nei.'],
  ['', 'Politiets Fellesforbund', '30.05.2022', 'Rus i hele landet.', 'Nei.', 'Mer samarbeid.', 'Oppmøte.', 'Ja, flere tjenestesteder.'],
];
const SECOND: string[][] = [['3432', 'Lesja kommune', '15.06.2022', 'Vold i nære relasjoner er vår største bekymring.', 'Ja.', 'Godt samarbeid.', 'Tjenestested.', 'Ja, vi ønsker et lensmannskontor tilbake.']];

const RESPONDING = ['0301', '1804', '3432', '3425', '5426', '5034', '3414', '3023', '3048'];
const NON_RESPONDENTS = MUNICIPALITY_COUNT - RESPONDING.length; // 347

let core: Core;
let api: ApiClient;
let cleanup: () => void;
let questions: string[];
const codes: Record<'A' | 'A1' | 'A2' | 'B', string> = { A: '', A1: '', A2: '', B: '' };
/** Responses by municipality number (or respondent name); Lesja's first as "3432-old". */
const responses = new Map<string, ResponseDetail>();

const answer = (who: string, question: number) => {
  const a = responses.get(who)!.answers.find((x) => x.questionOrdinal === question);
  if (!a) throw new Error(`${who} has no answer to question ${question}`);
  return a;
};
const code = (who: string, question: number, codeId: string, part?: string) => {
  const a = answer(who, question);
  const start = part ? a.text.indexOf(part) : undefined;
  if (start === -1) throw new Error(`"${part}" not in ${a.text}`);
  return api.codings.create({ answerId: a.id, codeId, ...(part ? { start, end: start! + part.length } : {}) });
};
const variable = async (key: string) => (await api.variables.list()).find((v) => v.key === key)!.id;
const setValue = async (who: string, key: string, value: string | string[], evidence?: { question: number; part: string }) => {
  let ev: { answerId: string; start: number; end: number } | undefined;
  if (evidence) {
    const a = answer(who, evidence.question);
    const start = a.text.indexOf(evidence.part);
    ev = { answerId: a.id, start, end: start + evidence.part.length };
  }
  await api.variables.set({ responseId: responses.get(who)!.id, variableId: await variable(key), value, evidence: ev });
};

async function loadResponses(includeSuperseded: boolean) {
  for (const s of await api.responses.list({ includeSuperseded })) {
    const detail = await api.responses.get({ id: s.id });
    const who = s.municipality?.number ?? s.respondentName;
    responses.set(!s.isCurrent ? `${who}-old` : who, detail);
  }
}

beforeAll(async () => {
  const t = tempDir('innspill-analysis-');
  cleanup = t.cleanup;
  core = testCore(t.dir);
  api = testApi(core);
  const project = await api.project.create({ path: 'analyse.innspill' });
  questions = project.questions.map((q) => q.id);
  const [first, second] = writeFiles(t.dir, {
    'forste.csv': toCsv([HEADER, ...FIRST], { delimiter: ';' }),
    'andre.csv': toCsv([HEADER, ...SECOND], { delimiter: ';' }),
  });
  await api.import.run({ paths: [first] });
  await loadResponses(false);

  codes.A = (await api.codebook.create({ name: 'Utfordringer' })).id;
  codes.A1 = (await api.codebook.create({ name: 'Rus', parentId: codes.A })).id;
  codes.A2 = (await api.codebook.create({ name: 'Vold', parentId: codes.A })).id;
  codes.B = (await api.codebook.create({ name: 'Avstand' })).id;

  // Lesja's first response is coded and valued while it is current…
  await code('3432', 1, codes.A1, 'Rus');
  await code('3432', 1, codes.B, 'lange avstander');
  await setValue('3432', 'q2_satisfied', 'nei');
  await setValue('3432', 'q4_channels', ['telefon']);
  await setValue('3432', 'q5_wants_station', 'nei');
  // …then Lesja answers again: the first response is superseded, its codings stay with it.
  await api.import.run({ paths: [second] });
  responses.clear();
  await loadResponses(true);
  expect(responses.get('3432-old')!.isCurrent).toBe(false);

  await code('0301', 1, codes.A1, 'Rus blant unge');
  await code('0301', 1, codes.A1, 'den største utfordringen');
  await code('0301', 1, codes.A2, 'Vold i nære relasjoner');
  await code('1804', 1, codes.A1, 'Rus blant unge');
  await code('1804', 1, codes.B, 'lange avstander');
  await code('1804', 5, codes.B);
  await code('3432', 1, codes.A2);
  await code('5426', 2, codes.B);
  await code('3414', 1, codes.A);
  await code('Politiets Fellesforbund', 1, codes.A1, 'Rus');

  await setValue('0301', 'q2_satisfied', 'nei');
  await setValue('1804', 'q2_satisfied', 'nei');
  await setValue('3432', 'q2_satisfied', 'ja');
  await setValue('5426', 'q2_satisfied', 'ikke_besvart');
  await setValue('3414', 'q2_satisfied', 'delvis');
  await setValue('3048', 'q2_satisfied', 'ja');
  await setValue('Politiets Fellesforbund', 'q2_satisfied', 'nei');

  await setValue('0301', 'q4_channels', ['telefon', 'internett']);
  await setValue('1804', 'q4_channels', ['fysisk_oppmote', 'telefon', 'internett']);
  await setValue('3432', 'q4_channels', ['tjenestested']);
  await setValue('5426', 'q4_channels', []); // nothing ticked: not set
  await setValue('3414', 'q4_channels', ['internett']);

  await setValue('0301', 'q5_wants_station', 'nei');
  await setValue('1804', 'q5_wants_station', 'ja', { question: 5, part: 'vi ønsker et nytt tjenestested' });
  await setValue('1804', 'q5_offers_premises', 'ja');
  await setValue('1804', 'q5_premises_offered', 'Lokaler i rådhuset');
  await setValue('3432', 'q5_wants_station', 'ja');
  await setValue('3023', 'q5_wants_station', 'ja', { question: 5, part: 'vi ønsker et tjenestested på Nesodden' });
  await setValue('3023', 'q5_offers_premises', 'nei');
  await setValue('3425', 'q5_wants_station', 'uklart');
  await setValue('5426', 'q5_wants_station', 'ikke_besvart');
  await setValue('Politiets Fellesforbund', 'q5_wants_station', 'ja');
});

afterAll(async () => {
  await core.dispose();
  cleanup();
});

/** Counts per group with zeros left out, for readable expectations. */
const nonZero = (c: MatrixCounts) => Object.fromEntries(Object.entries(c.byGroup).filter(([, n]) => n > 0));
const row = (m: CodeMatrix, id: string) => m.rows.find((r) => r.codeId === id)!;

describe('analysis.matrix by police district', () => {
  it('has the twelve districts in code order with register and response totals', async () => {
    const m = await api.analysis.matrix({ groupBy: 'policeDistrict' });
    expect(m.groups.map((g) => g.key)).toEqual(['p01', 'p02', 'p03', 'p04', 'p05', 'p06', 'p07', 'p08', 'p09', 'p10', 'p11', 'p12']);
    expect(m.groups.map((g) => g.municipalities)).toEqual(Object.values(DISTRICT_COUNTS));
    const responded = Object.fromEntries(m.groups.filter((g) => g.responded > 0).map((g) => [g.key, g.responded]));
    expect(responded).toEqual({ p01: 1, p02: 1, p03: 3, p04: 1, p09: 1, p10: 1, p11: 1 });
    for (const g of m.groups) expect(g.nonRespondents).toBe(g.municipalities - g.responded);
    expect(m.totals).toEqual({ municipalities: 356, responded: 9, nonRespondents: NON_RESPONDENTS, coded: 5 });
    expect(m.others).toMatchObject({ key: OTHER_RESPONDENTS_KEY, respondents: 1, unmatched: 1, ambiguous: 0, coded: 1, answeredQuestion: null });
    // Coded: Oslo, Bodø, Lesja (new), Kåfjord, Nord-Odal — Lesja's superseded codings do not make it count twice.
    expect(Object.fromEntries(m.groups.filter((g) => g.coded > 0).map((g) => [g.key, g.coded]))).toEqual({ p01: 1, p03: 2, p10: 1, p11: 1 });
  });

  it('counts municipalities, not codings, on current responses only, with and without subcodes', async () => {
    const m = await api.analysis.matrix({ groupBy: 'policeDistrict' });
    expect(m.rows.map((r) => [r.path.join(' > '), r.depth])).toEqual([
      ['Utfordringer', 0],
      ['Utfordringer > Rus', 1],
      ['Utfordringer > Vold', 1],
      ['Avstand', 0],
    ]);
    // Rus: Oslo (two codings: once), Bodø; Lesja's superseded coding does not count; Fellesforbund apart.
    expect(nonZero(row(m, codes.A1).direct)).toEqual({ p01: 1, p10: 1 });
    expect(row(m, codes.A1).direct).toMatchObject({ others: 1, total: 2 });
    expect(nonZero(row(m, codes.A2).direct)).toEqual({ p01: 1, p03: 1 });
    expect(nonZero(row(m, codes.A).direct)).toEqual({ p03: 1 });
    expect(row(m, codes.A).direct).toMatchObject({ others: 0, total: 1 });
    // Utfordringer with its subcodes: Oslo (Rus + Vold: once), Bodø, Lesja, Nord-Odal.
    expect(nonZero(row(m, codes.A).withDescendants)).toEqual({ p01: 1, p03: 2, p10: 1 });
    expect(row(m, codes.A).withDescendants).toMatchObject({ others: 1, total: 4 });
    // Avstand: Bodø (twice, in two answers: once), Kåfjord; not Lesja (superseded).
    expect(nonZero(row(m, codes.B).direct)).toEqual({ p10: 1, p11: 1 });
    expect(row(m, codes.B).withDescendants).toEqual(row(m, codes.B).direct);
  });

  it('limits to one question, with who answered it and who did not ("ikke besvart")', async () => {
    const m = await api.analysis.matrix({ groupBy: 'policeDistrict', questionId: questions[0] });
    expect(m.questionId).toBe(questions[0]);
    const p03 = m.groups.find((g) => g.key === 'p03')!;
    // Innlandet: Lesja and Nord-Odal answered question 1, Engerdal left it empty.
    expect([p03.responded, p03.answeredQuestion, p03.notAnswered]).toEqual([3, 2, 1]);
    expect(m.groups.reduce((n, g) => n + g.answeredQuestion!, 0)).toBe(8);
    expect(m.others).toMatchObject({ answeredQuestion: 1, notAnswered: 0 });
    // Avstand on question 1: only Bodø (Kåfjord's and Bodø's q5 codings are on other questions).
    expect(nonZero(row(m, codes.B).direct)).toEqual({ p10: 1 });
    expect(nonZero(row(m, codes.A1).direct)).toEqual({ p01: 1, p10: 1 });
  });

  it('shows only the codes asked for', async () => {
    const m = await api.analysis.matrix({ groupBy: 'policeDistrict', codeIds: [codes.B, codes.A1] });
    expect(m.rows.map((r) => r.name)).toEqual(['Rus', 'Avstand']);
    await expectApiError(api.analysis.matrix({ groupBy: 'policeDistrict', codeIds: ['nope'] }), 'NOT_FOUND');
    await expectApiError(api.analysis.matrix({ groupBy: 'policeDistrict', questionId: 'nope' }), 'NOT_FOUND');
    await expectApiError(api.analysis.matrix({ groupBy: 'kommune' as never }), 'INVALID_INPUT');
  });
});

describe('analysis.matrix by county and population band', () => {
  it('groups by county in county-number order', async () => {
    const m = await api.analysis.matrix({ groupBy: 'county' });
    expect(m.groups.map((g) => g.key)).toEqual(['03', '11', '15', '18', '30', '34', '38', '42', '46', '50', '54']);
    expect(m.groups.reduce((n, g) => n + g.municipalities, 0)).toBe(356);
    expect(Object.fromEntries(m.groups.filter((g) => g.responded).map((g) => [g.key, g.responded]))).toEqual({ '03': 1, '18': 1, '30': 2, '34': 3, '50': 1, '54': 1 });
    expect(nonZero(row(m, codes.B).direct)).toEqual({ '18': 1, '54': 1 });
  });

  it('groups by population band with the register’s populations', async () => {
    const m = await api.analysis.matrix({ groupBy: 'populationBand' });
    expect(m.groups.map((g) => g.key)).toEqual(POPULATION_BANDS.map((b) => b.key));
    const pops = shippedRegister().municipalities.map((x) => x.population);
    const inRange = (lo: number, hi: number) => pops.filter((p) => p >= lo && p <= hi).length;
    expect(m.groups.map((g) => g.municipalities)).toEqual([inRange(0, 1999), inRange(2000, 4999), inRange(5000, 19_999), inRange(20_000, 49_999), inRange(50_000, Infinity)]);
    expect(m.groups.map((g) => g.responded)).toEqual([2, 2, 2, 1, 2]);
    expect(nonZero(row(m, codes.A).withDescendants)).toEqual({ lt2000: 1, '5000-19999': 1, gte50000: 2 });
    expect(nonZero(row(m, codes.B).direct)).toEqual({ '2000-4999': 1, gte50000: 1 });
  });

  it('puts municipalities exactly at the band edges on the right side', async () => {
    const store = core.session.requireStore();
    const populations: Record<string, number> = { '3432': 1999, '5426': 2000, '3414': 4999, '3023': 5000, '3048': 19_999, '3425': 20_000, '1804': 49_999, '0301': 50_000 };
    const original = store.sqlite.prepare('SELECT number, population FROM municipality WHERE number IN (' + Object.keys(populations).map((n) => `'${n}'`).join(',') + ')').all() as { number: string; population: number }[];
    const update = store.sqlite.prepare('UPDATE municipality SET population = ? WHERE number = ?');
    try {
      for (const [number, population] of Object.entries(populations)) update.run(population, number);
      const m = await api.analysis.matrix({ groupBy: 'populationBand' });
      // < 2 000: Lesja (1 999) · 2 000–4 999: Kåfjord (2 000), Nord-Odal (4 999), Meråker ·
      // 5 000–19 999: Nesodden (5 000), Øvre Eiker (19 999) · 20 000–49 999: Engerdal (20 000), Bodø (49 999) · ≥ 50 000: Oslo (50 000)
      expect(m.groups.map((g) => g.responded)).toEqual([1, 3, 2, 2, 1]);
      expect(nonZero(row(m, codes.B).direct)).toEqual({ '2000-4999': 1, '20000-49999': 1 });
    } finally {
      for (const o of original) update.run(o.population, o.number);
    }
  });
});

describe('analysis.matrixCell', () => {
  it('lists the quotes behind a cell: both of Oslo’s codings, one municipality', async () => {
    const quotes = await api.analysis.matrixCell({ groupBy: 'policeDistrict', codeId: codes.A1, groupKey: 'p01' });
    expect(quotes.map((q) => [q.municipality?.name, q.questionOrdinal, q.quote])).toEqual([
      ['Oslo', 1, 'Rus blant unge'],
      ['Oslo', 1, 'den største utfordringen'],
    ]);
    // Each quote carries the rest of its sentence, so the screen never shows the coded words as a bare fragment.
    expect(quotes.map((q) => q.quoteContext.before + q.quote + q.quoteContext.after)).toEqual(['Rus blant unge er den største utfordringen.', 'Rus blant unge er den største utfordringen.']);
    expect(quotes[1].quoteContext).toEqual({ before: 'Rus blant unge er ', after: '.' });
    expect(quotes[0]).toMatchObject({ answerId: answer('0301', 1).id, responseId: responses.get('0301')!.id, groupKey: 'p01', codeId: codes.A1 });
  });

  it('never shows a superseded response, keeps other respondents in their own cell, and rolls up subcodes on request', async () => {
    expect(await api.analysis.matrixCell({ groupBy: 'policeDistrict', codeId: codes.B, groupKey: 'p03' })).toEqual([]);
    const others = await api.analysis.matrixCell({ groupBy: 'policeDistrict', codeId: codes.A1, groupKey: OTHER_RESPONDENTS_KEY });
    expect(others.map((q) => [q.respondentName, q.municipality, q.quote])).toEqual([['Politiets Fellesforbund', null, 'Rus']]);
    const rolled = await api.analysis.matrixCell({ groupBy: 'policeDistrict', codeId: codes.A, groupKey: 'p03', withDescendants: true });
    expect(rolled.map((q) => [q.municipality?.name, q.codeId, q.quote])).toEqual([
      ['Lesja', codes.A2, answer('3432', 1).text],
      ['Nord-Odal', codes.A, answer('3414', 1).text],
    ]);
    expect(await api.analysis.matrixCell({ groupBy: 'policeDistrict', codeId: codes.A, groupKey: 'p03' })).toHaveLength(1);
    // Every column at once: as many distinct municipalities as the row's total plus others.
    const all = await api.analysis.matrixCell({ groupBy: 'populationBand', codeId: codes.A, withDescendants: true });
    expect(new Set(all.map((q) => q.municipality?.number ?? q.respondentName)).size).toBe(5);
    await expectApiError(api.analysis.matrixCell({ groupBy: 'policeDistrict', codeId: codes.A, groupKey: 'p13' }), 'NOT_FOUND');
  });
});

describe('analysis.cooccurrence', () => {
  it('counts answers (response × question) where both codes occur', async () => {
    const c = await api.analysis.cooccurrence({});
    expect(c.unit).toBe('answer');
    expect(c.codes.map((x) => x.name)).toEqual(['Utfordringer', 'Rus', 'Vold', 'Avstand']);
    // Answers: Oslo q1 {Rus, Vold}, Bodø q1 {Rus, Avstand}, Bodø q5 {Avstand}, Lesja q1 {Vold},
    // Kåfjord q2 {Avstand}, Nord-Odal q1 {Utfordringer}, Fellesforbund q1 {Rus}.
    expect(c.counts).toEqual([
      [1, 0, 0, 0],
      [0, 3, 1, 1],
      [0, 1, 2, 0],
      [0, 1, 0, 3],
    ]);
    expect(c.codedAnswers).toBe(7);
    expect(c.pairs).toEqual([
      { a: codes.A1, b: codes.A2, count: 1 },
      { a: codes.A1, b: codes.B, count: 1 },
    ]);
  });

  it('limits to a question, and rolls subcodes up into their parents on request', async () => {
    const q1 = await api.analysis.cooccurrence({ questionId: questions[0] });
    expect(q1.counts[3]).toEqual([0, 1, 0, 1]);
    expect(q1.codedAnswers).toBe(5);
    const rolled = await api.analysis.cooccurrence({ withDescendants: true });
    expect(rolled.counts[0]).toEqual([5, 3, 2, 1]);
    const some = await api.analysis.cooccurrence({ codeIds: [codes.B, codes.A1] });
    expect(some.counts).toEqual([
      [3, 1],
      [1, 3],
    ]);
  });
});

describe('analysis.variables', () => {
  const rows = (d: Distribution) => Object.fromEntries(d.rows.map((r) => [r.value, r.count]));

  it('gives each closed variable’s distribution with ikke besvart, ikke kodet and ikke svart apart', async () => {
    const { variables, groupBy } = await api.analysis.variables({});
    expect(groupBy).toBeNull();
    expect(variables.map((v) => v.key)).toEqual(['q2_satisfied', 'q4_channels', 'q5_wants_station', 'q5_offers_premises']);
    const q2 = variables.find((v) => v.key === 'q2_satisfied')!;
    expect(q2.overall).toMatchObject({ municipalities: 356, responded: 9, coded: 6 });
    // Lesja's superseded "nei" is gone; its current "ja" counts.
    expect(rows(q2.overall)).toEqual({ ja: 2, delvis: 1, nei: 2, ikke_besvart: 1, ikke_kodet: 3, ikke_svart: NON_RESPONDENTS });
    expect(q2.overall.rows.map((r) => r.kind)).toEqual(['option', 'option', 'option', 'option', 'ikke_kodet', 'ikke_svart']);
    expect(q2.overall.rows.find((r) => r.value === 'ja')!.share).toBeCloseTo(2 / 9, 12);
    expect(q2.overall.rows.find((r) => r.value === 'ikke_svart')!.share).toBeCloseTo(NON_RESPONDENTS / 356, 12);
    // Single choice: the responding municipalities' shares add up to 1.
    expect(q2.overall.rows.filter((r) => r.kind !== 'ikke_svart').reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 12);
    expect(rows(q2.others)).toEqual({ ja: 0, delvis: 0, nei: 1, ikke_besvart: 0, ikke_kodet: 0 });
    expect(q2.groups).toEqual([]);
  });

  it('counts a multiple-choice municipality under every option it chose', async () => {
    const { variables } = await api.analysis.variables({});
    const q4 = variables.find((v) => v.key === 'q4_channels')!;
    expect(q4.kind).toBe('multi');
    // Kåfjord was set to no channel at all: that is "not set", so it is not coded.
    expect(rows(q4.overall)).toEqual({ tjenestested: 1, fysisk_annet_sted: 0, fysisk_oppmote: 1, telefon: 2, internett: 3, ikke_kodet: 5, ikke_svart: NON_RESPONDENTS });
    expect(q4.overall.rows.find((r) => r.value === 'internett')!.share).toBeCloseTo(3 / 9, 12);
    expect(q4.overall.rows.find((r) => r.value === 'telefon')!.share).toBeCloseTo(2 / 9, 12);
    expect(q4.overall.coded).toBe(4);
    // Oslo and Bodø count under several options: the option counts add up to more than the coded municipalities.
    expect(q4.overall.rows.filter((r) => r.kind === 'option').reduce((n, r) => n + r.count, 0)).toBe(7);
  });

  it('splits by police district and by population band', async () => {
    const byDistrict = await api.analysis.variables({ groupBy: 'policeDistrict' });
    const q2 = byDistrict.variables.find((v) => v.key === 'q2_satisfied')!;
    expect(q2.groups.map((g) => g.key)).toHaveLength(12);
    const p03 = q2.groups.find((g) => g.key === 'p03')!;
    expect(p03).toMatchObject({ name: 'Innlandet', municipalities: DISTRICT_COUNTS.Innlandet, responded: 3, coded: 2 });
    expect(rows(p03)).toEqual({ ja: 1, delvis: 1, nei: 0, ikke_besvart: 0, ikke_kodet: 1, ikke_svart: DISTRICT_COUNTS.Innlandet - 3 });
    const p12 = q2.groups.find((g) => g.key === 'p12')!;
    expect(rows(p12)).toMatchObject({ ja: 0, ikke_kodet: 0, ikke_svart: DISTRICT_COUNTS.Finnmark });
    expect(p12.rows.find((r) => r.value === 'ja')!.share).toBe(0);
    // The groups add up to the whole.
    for (const value of ['ja', 'nei', 'ikke_kodet', 'ikke_svart']) {
      expect(q2.groups.reduce((n, g) => n + rows(g)[value], 0)).toBe(rows(q2.overall)[value]);
    }
    const byBand = await api.analysis.variables({ groupBy: 'populationBand' });
    const q4 = byBand.variables.find((v) => v.key === 'q4_channels')!;
    expect(q4.groups.map((g) => rows(g).telefon)).toEqual([0, 0, 0, 0, 2]);
    // Not coded: Engerdal · Kåfjord, Meråker · Nesodden · Øvre Eiker.
    expect(q4.groups.map((g) => rows(g).ikke_kodet)).toEqual([1, 2, 1, 1, 0]);
  });
});

describe('analysis.stationCandidates', () => {
  it('lists the municipalities that want a station, with what they offer and the evidence', async () => {
    const s = await api.analysis.stationCandidates();
    expect(s.available).toBe(true);
    expect(s.candidates.map((c) => c.municipality.name)).toEqual(['Bodø', 'Lesja', 'Nesodden']);
    const [bodo, lesja, nesodden] = s.candidates;
    expect(bodo).toMatchObject({
      municipality: { number: '1804', countyName: 'Nordland', countyNumber: '18', policeDistrictCode: 'p10', policeDistrictName: 'Nordland', population: 52_803 },
      responseId: responses.get('1804')!.id,
      offersPremises: 'ja',
      premisesOffered: 'Lokaler i rådhuset',
      evidence: {
        answerId: answer('1804', 5).id,
        quote: 'vi ønsker et nytt tjenestested',
        quoteContext: { before: 'Ja, ', after: ' og tilbyr lokaler i rådhuset.' },
      },
      announcedStations: [],
    });
    // Lesja's current response says "ja" (its superseded one said "nei"); no evidence quoted.
    expect(lesja).toMatchObject({ offersPremises: null, premisesOffered: null, evidence: null, announcedStations: [] });
    expect(nesodden.announcedStations.map((x) => x.station)).toEqual(['Nesodden']);
    expect(s.otherCandidates.map((o) => o.respondentName)).toEqual(['Politiets Fellesforbund']);
    expect(s.summary).toMatchObject({ candidates: 3, candidatesWithStation: 1 });
  });

  it('says for each announced station whether its municipality asked for one', async () => {
    const s = await api.analysis.stationCandidates();
    const stations = readResourceJson<{ station: string; municipalityNumber: string }[]>('new-stations-2022-2024.json');
    expect(s.announced.map((a) => a.station)).toEqual(stations.map((x) => x.station));
    const answerOf = (station: string) => s.announced.find((a) => a.station === station)!;
    expect(answerOf('Nesodden')).toMatchObject({ answer: 'ja', inRegister: true, responseId: responses.get('3023')!.id, evidence: { quote: 'vi ønsker et tjenestested på Nesodden' } });
    expect(answerOf('Oslo (Mortensrud)')).toMatchObject({ answer: 'nei', municipalityNumber: '0301' });
    expect(answerOf('Engerdal').answer).toBe('uklart');
    expect(answerOf('Meråker')).toMatchObject({ answer: 'ikke_kodet', responseId: responses.get('5034')!.id });
    expect(answerOf('Steigen')).toMatchObject({ answer: 'ingen_svar', inRegister: true, responseId: null });
    expect(s.summary.announcedByAnswer).toEqual({ ja: 1, nei: 1, uklart: 1, ikke_besvart: 0, ikke_kodet: 1, ingen_svar: 16 });
    expect(s.summary.announced).toBe(20);
  });
});

describe('a project without the 2022 variables', () => {
  it('has no station analysis and no variables, and still counts the register', async () => {
    const t = tempDir('innspill-analysis-blank-');
    const other = testCore(t.dir);
    const otherApi = testApi(other);
    try {
      await otherApi.project.create({ path: 'blank.innspill', template: 'blank' });
      const s = await otherApi.analysis.stationCandidates();
      expect(s).toMatchObject({ available: false, candidates: [], otherCandidates: [], announced: [], summary: { candidates: 0, announced: 0 } });
      expect((await otherApi.analysis.variables({ groupBy: 'policeDistrict' })).variables).toEqual([]);
      const m = await otherApi.analysis.matrix({ groupBy: 'policeDistrict' });
      expect(m.rows).toEqual([]);
      expect(m.totals).toEqual({ municipalities: 356, responded: 0, nonRespondents: 356, coded: 0 });
      expect((await otherApi.analysis.sharedText({})).groups).toEqual([]);
    } finally {
      await other.dispose();
      t.cleanup();
    }
  });
});
