// Shared text through the API on a real project: six municipalities sent the
// same joint statement (one with a few words changed, one in capitals with
// other punctuation), among unrelated answers — an answer that borrows one
// sentence of it, identical one-word answers, a superseded response that held
// the statement, and an organisation with its own text. The group holds
// exactly the six; coding the group codes all six as one action, and one
// history.undo removes them all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../src-main/core';
import { textSimilarity } from '../../../../src-main/core/analysis/shared-text';
import type { ApiClient } from '../../../../src-shared/client';
import type { ResponseDetail } from '../../../../src-shared/domain';
import { expectApiError, testApi } from '../../../helpers/api';
import { tempDir, testCore } from '../../../helpers/core';
import { toCsv, writeFiles } from '../../../helpers/import-fixtures';

const STATEMENT = [
  'Kommunene i regionrådet står sammen om denne uttalelsen.',
  'Vi mener at nærpolitireformen har svekket politiets tilstedeværelse i distriktene, og at innbyggerne opplever lengre responstid enn før.',
  'Lensmannskontorene som ble lagt ned, var viktige møteplasser mellom politiet, kommunen og lokalsamfunnet.',
  'Politikontaktene gjør en god jobb, men de har for mange kommuner å følge opp og for lite tid til forebyggende arbeid blant barn og unge.',
  'Vi ber departementet sørge for at hver region får et bemannet tjenestested med faste åpningstider, og at patruljene er synlige også om natten og i helgene.',
  'Kommunene stiller gjerne lokaler til disposisjon og vil bidra til samlokalisering med andre beredskapsaktører som brannvesen og helsetjeneste.',
  'Et tett samarbeid i politirådet, med jevnlige møter og felles øvelser, er etter vår vurdering den beste måten å styrke tryggheten lokalt på.',
  'Vi forventer at innspillene fra kommunene blir tillagt vekt når nye tjenestesteder skal etableres i årene som kommer.',
].join(' ');
/** Three words changed, far apart. */
const CHANGED = STATEMENT.replace('svekket', 'redusert').replace('synlige', 'tilgjengelige').replace('jevnlige', 'hyppige');

/** Answers of their own: no two share five words in a row. */
const OWN: Record<string, string> = {
  '3416': 'Grensepasseringen på Magnormoen gir oss særlige utfordringer med smugling og trafikk, og vi trenger at tollvesen og politi samarbeider tettere.',
  '3425': 'Avstanden til nærmeste patrulje er over ti mil, så responstiden om natten kan bli flere timer. Det skaper utrygghet blant eldre som bor alene.',
  '3427': 'Vold i nære relasjoner er et skjult problem i bygda. Barnevernet melder om flere saker, og vi savner en fast kontaktperson hos politiet.',
  '3430': 'Svindel på nett rammer mange av innbyggerne våre, særlig pensjonister. Kommunen har holdt kurs, men trenger hjelp fra politiet med forebyggingen.',
  '3431': 'Flommen i fjor viste at beredskapsplanene ikke var godt nok samordnet. Vi ønsker felles øvelser med politi, brannvesen og Sivilforsvaret hvert år.',
  '3432': 'Ras og stengte veier isolerer deler av kommunen flere ganger hver vinter, og da er det avgjørende at politiet kjenner de lokale forholdene godt.',
  '3401': 'Narkotika kommer over grensen og selges til ungdom i sentrum. Vi har god dialog med politistasjonen, men ønsker mer synlig patruljering på kveldstid.',
  '0301': 'Ungdomskriminaliteten i enkelte bydeler har økt, og gjengrelaterte hendelser skaper frykt. Bydelene trenger flere politikontakter med tid til oppfølging.',
  '3426': 'Rovdyrkonflikter og ulovlig jakt tar mye tid fra lensmannen, og bøndene opplever at sakene blir henlagt uten etterforskning.',
  PF: 'Bemanningen i distriktene er for lav til at politiet kan drive forebyggende arbeid. Mange tjenestepersoner pendler lange avstander til jobb.',
};

const HEADER = ['Kommunenr.', 'Kommune', 'Mottatt', 'Spørsmål 1', 'Spørsmål 2', 'Spørsmål 3', 'Spørsmål 4', 'Spørsmål 5'];
const MEMBERS = ['3416', '3425', '3427', '3430', '3431', '3432'];
const row = (number: string, name: string, q2: string, date = '30.05.2022') => [number === 'PF' ? '' : number, name, date, OWN[number], q2, 'Nei.', 'Telefon.', 'Ja.'];
const FIRST: string[][] = [
  row('3416', 'Eidskog kommune', STATEMENT),
  row('3425', 'Engerdal kommune', STATEMENT),
  row('3427', 'Tynset kommune', STATEMENT),
  row('3430', 'Os kommune', CHANGED),
  row('3431', 'Dovre kommune', STATEMENT.toUpperCase().replace(/,/g, ';')),
  row('3432', 'Lesja kommune', STATEMENT),
  // Borrows one sentence of the statement, otherwise its own words.
  row('3401', 'Kongsvinger kommune', 'Vi er delvis fornøyd med tjenestetilbudet, men åpningstidene for pass er for korte. Lensmannskontorene som ble lagt ned, var viktige møteplasser mellom politiet, kommunen og lokalsamfunnet.'),
  row('0301', 'Oslo kommune', 'Tjenestestedsstrukturen i hovedstaden fungerer stort sett godt, men ventetiden for passfornyelse om våren er altfor lang for mange familier.'),
  // Tolga answered with the statement first…
  row('3426', 'Tolga kommune', STATEMENT),
  row('PF', 'Politiets Fellesforbund', 'Organisasjonen mener reformen har gitt færre politifolk i førstelinjen, og at arbeidsbelastningen for de ansatte har økt betydelig siden 2015.'),
];
// …and then with a letter of its own, which supersedes it.
const SECOND: string[][] = [
  row('3426', 'Tolga kommune', 'Tolga er ikke fornøyd. Riksveien gjennom kommunen har mye tungtrafikk, og trafikkontrollene er blitt sjeldne etter at lensmannskontoret ble lagt ned.', '10.06.2022'),
];

let core: Core;
let api: ApiClient;
let cleanup: () => void;
let questions: string[];
const responses = new Map<string, ResponseDetail>();
const q2 = (number: string) => responses.get(number)!.answers.find((a) => a.questionOrdinal === 2)!;

beforeEach(async () => {
  const t = tempDir('innspill-shared-');
  cleanup = t.cleanup;
  core = testCore(t.dir);
  api = testApi(core);
  questions = (await api.project.create({ path: 'delt.innspill' })).questions.map((q) => q.id);
  const [first, second] = writeFiles(t.dir, {
    'a.csv': toCsv([HEADER, ...FIRST], { delimiter: ';' }),
    'b.csv': toCsv([HEADER, ...SECOND], { delimiter: ';' }),
  });
  await api.import.run({ paths: [first] });
  await api.import.run({ paths: [second] });
  responses.clear();
  for (const s of await api.responses.list({})) responses.set(s.municipality?.number ?? s.respondentName, await api.responses.get({ id: s.id }));
});
afterEach(async () => {
  await core.dispose();
  cleanup();
});

describe('analysis.sharedText', () => {
  it('finds the joint statement: exactly the six municipalities, near copies included', async () => {
    const result = await api.analysis.sharedText({});
    expect(result).toMatchObject({ threshold: 0.8, minLength: 100, shingleSize: 5, bands: 12, rows: 5 });
    expect(result.groups).toHaveLength(1);
    const [group] = result.groups;
    expect(group.members.map((m) => m.municipality?.number).sort()).toEqual(MEMBERS);
    expect(group.members.map((m) => m.answerId).sort()).toEqual(MEMBERS.map((n) => q2(n).id).sort());
    expect(group.members.every((m) => m.questionId === questions[1] && m.questionOrdinal === 2)).toBe(true);
    // Sorted the Norwegian way.
    expect(group.members.map((m) => m.municipality?.name)).toEqual(['Dovre', 'Eidskog', 'Engerdal', 'Lesja', 'Os', 'Tynset']);
    expect(group.members[1]).toMatchObject({ responseId: responses.get('3416')!.id, respondentName: 'Eidskog kommune', length: STATEMENT.length });
    expect(group.members[1].excerpt.startsWith('Kommunene i regionrådet står sammen om denne uttalelsen.')).toBe(true);
    expect(group.members[1].excerpt.endsWith('…')).toBe(true);
    expect(group).toMatchObject({ respondents: 6, identical: false, id: MEMBERS.map((n) => q2(n).id).sort()[0] });
    // The least similar pair is Os's changed copy against the others.
    const changed = textSimilarity(STATEMENT, CHANGED);
    expect(changed).toBeGreaterThanOrEqual(0.8);
    expect(changed).toBeLessThan(0.9);
    expect(group.minSimilarity).toBeCloseTo(changed, 12);
    // 15 pairs: 5 with Os at `changed`, 10 identical (case and punctuation do not count).
    expect(group.avgSimilarity).toBeCloseTo((5 * changed + 10) / 15, 12);
  });

  it('a stricter threshold leaves the changed copy out; without a length limit only identical short answers group besides the statement', async () => {
    const strict = await api.analysis.sharedText({ threshold: 0.9 });
    expect(strict.groups).toHaveLength(1);
    expect(strict.groups[0].members.map((m) => m.municipality?.number).sort()).toEqual(['3416', '3425', '3427', '3431', '3432']);
    expect(strict.groups[0]).toMatchObject({ identical: true, minSimilarity: 1, avgSimilarity: 1 });
    // With no length limit the identical one-word answers ("Nei.", "Ja.", "Telefon.") group too.
    const all = await api.analysis.sharedText({ minLength: 1 });
    expect(all.groups.length).toBeGreaterThan(1);
    expect(all.groups.every((g) => g.identical || g.members.some((m) => m.questionOrdinal === 2))).toBe(true);
    await expectApiError(api.analysis.sharedText({ threshold: 0.2 }), 'INVALID_INPUT');
  });

  it('is deterministic', async () => {
    expect(await api.analysis.sharedText({})).toEqual(await api.analysis.sharedText({}));
  });
});

describe('analysis.codeGroup', () => {
  it('codes every member as a whole answer in one action; one undo removes them all', async () => {
    const [group] = (await api.analysis.sharedText({})).groups;
    const code = await api.codebook.create({ name: 'Felles uttalelse' });
    const before = await api.history.state();
    const ids = group.members.map((m) => m.answerId);
    const result = await api.analysis.codeGroup({ groupAnswerIds: ids, codeId: code.id });
    expect(result).toMatchObject({ created: 6, unchanged: 0 });
    expect(result.codingIds).toHaveLength(6);
    for (const number of MEMBERS) {
      const ws = await api.workspace.response({ id: responses.get(number)!.id });
      const codings = ws.codings.filter((k) => k.codeId === code.id);
      expect(codings).toHaveLength(1);
      expect(codings[0]).toMatchObject({ answerId: q2(number).id, start: 0, end: q2(number).text.length });
    }
    expect((await api.history.state()).undo?.action).toBe('coding.createGroup');
    const matrix = await api.analysis.matrix({ groupBy: 'policeDistrict', codeIds: [code.id] });
    expect(matrix.rows[0].direct).toMatchObject({ byGroup: expect.objectContaining({ p03: 6 }), total: 6, others: 0 });

    // Coding the group again changes nothing.
    expect(await api.analysis.codeGroup({ groupAnswerIds: ids, codeId: code.id })).toMatchObject({ created: 0, unchanged: 6 });
    expect((await api.history.state()).undo?.action).toBe('coding.createGroup');

    await api.history.undo();
    expect((await api.codebook.list()).find((c) => c.id === code.id)!.codingCount).toBe(0);
    // The undo took the whole group: next in line is creating the code.
    expect((await api.history.state()).undo).toEqual(before.undo);
    expect(before.undo?.action).toBe('code.create');
    await api.history.redo();
    expect((await api.codebook.list()).find((c) => c.id === code.id)!.codingCount).toBe(6);
  });

  it('codes nothing when one member cannot take the code', async () => {
    const [group] = (await api.analysis.sharedText({})).groups;
    const ids = group.members.map((m) => m.answerId);
    // A code for question 1 cannot go on answers to question 2.
    const scoped = await api.codebook.create({ name: 'Spørsmål 1', questionId: questions[0] });
    await expectApiError(api.analysis.codeGroup({ groupAnswerIds: ids, codeId: scoped.id }), 'INVALID_INPUT');
    const mixed = await api.codebook.create({ name: 'Blandet' });
    await expectApiError(api.analysis.codeGroup({ groupAnswerIds: [...ids, 'missing-answer'], codeId: mixed.id }), 'NOT_FOUND');
    const codes = await api.codebook.list();
    expect(codes.reduce((n, c) => n + c.codingCount, 0)).toBe(0);
    expect((await api.history.state()).undo?.action).toBe('code.create');
  });
});
