// The coding assistant through a real project file: code answers, get a
// suggestion for an uncoded one with its words and sentence; a superseded
// response gets none; suggest calls write nothing (rows and audit trail the same).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codingProject, CSV_HEADER, type CodingProject } from '../../../helpers/coding';

const register = JSON.parse(readFileSync(path.join(__dirname, '../../../../resources/data/register-2022.json'), 'utf8')) as { municipalities: { number: string }[] };
const RUS = ['Rusbruk blant ungdom øker i kommunen.', 'Ungdommen bruker mer rusmidler enn før.', 'Rus blant unge bekymrer oss mest.', 'Vi ser mer cannabis og rus hos ungdom.'];
const VOLD = ['Vold i nære relasjoner er et stort problem.', 'Volden i hjemmene øker.', 'Familievold krever mer politi.', 'Vi ser mer vold mot kvinner.'];

/** 40 municipalities: Q1 about drugs or violence; the last one (uncoded) about drugs. */
function rows(): string[][] {
  const numbers = register.municipalities.slice(0, 40).map((m) => m.number);
  return numbers.map((n, i) => [n, `Kommune ${n}`, '01.06.2022', i === numbers.length - 1 ? 'Politiet sier at rusbruk blant ungdom øker. Ellers er alt bra.' : i % 2 ? VOLD[i % 4] : RUS[i % 4], 'Ja.', 'Nei.', 'Telefon.', 'Nei.']);
}

function counts(p: CodingProject): Record<string, number> {
  const sqlite = p.store().sqlite;
  const out: Record<string, number> = {};
  for (const table of ['event', 'coding', 'code', 'answer', 'response']) out[table] = (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  out.lastEvent = (sqlite.prepare('SELECT max(rowid) AS n FROM event').get() as { n: number | null }).n ?? 0;
  return out;
}

describe('suggest through a project file', () => {
  let p: CodingProject;
  let rus: string;
  let last: string;
  beforeAll(async () => {
    p = await codingProject({ rows: [CSV_HEADER, ...rows()].slice(1) });
    const rusCode = await p.api.codebook.create({ name: 'Rus blant unge', description: 'Rusmidler og ungdom' });
    const vold = await p.api.codebook.create({ name: 'Vold' });
    rus = rusCode.id;
    const numbers = rows().map((r) => r[0]);
    last = numbers[numbers.length - 1];
    for (const [i, n] of numbers.slice(0, -1).entries()) {
      const answer = p.response(n).q(1);
      await p.api.codings.create({ answerId: answer.id, codeId: i % 2 ? vold.id : rus });
    }
  }, 120_000);
  afterAll(async () => p?.cleanup());

  it('suggests the code for an uncoded answer, with its words and sentence, and writes nothing', async () => {
    const before = counts(p);
    const evaluation = await p.api.suggest.evaluate({});
    const rusQuality = evaluation.codes.find((c) => c.codeId === rus)!;
    expect(rusQuality.examples).toBe(20);
    expect(rusQuality.status).toBe('ready');
    expect(evaluation.labelledAnswers).toBe(39);

    const result = await p.api.suggest.forResponse({ responseId: p.response(last).id });
    expect(result.superseded).toBe(false);
    const q1 = result.answers.find((a) => a.questionOrdinal === 1)!;
    expect(q1.coded).toBe(false);
    expect(q1.suggestions.map((s) => s.codeId)).toEqual([rus]);
    expect(q1.suggestions[0].probability).toBeGreaterThanOrEqual(0.8);
    expect(q1.suggestions[0].span.text).toBe('Politiet sier at rusbruk blant ungdom øker.');
    expect(q1.suggestions[0].words.length).toBeGreaterThan(0);
    // A coded answer gets none.
    const coded = await p.api.suggest.forResponse({ responseId: p.response(rows()[0][0]).id });
    expect(coded.answers.find((a) => a.questionOrdinal === 1)!.coded).toBe(true);
    expect(coded.answers.find((a) => a.questionOrdinal === 1)!.suggestions).toEqual([]);
    // Same data, same suggestions.
    expect(await p.api.suggest.forResponse({ responseId: p.response(last).id })).toEqual(result);
    expect(counts(p)).toEqual(before);
  }, 120_000);

  it('gives a superseded response no suggestions', async () => {
    const id = p.response(last).id;
    p.store().sqlite.prepare('UPDATE response SET is_current = 0 WHERE id = ?').run(id);
    const result = await p.api.suggest.forResponse({ responseId: id });
    expect(result.superseded).toBe(true);
    expect(result.answers).toEqual([]);
  }, 120_000);
});
