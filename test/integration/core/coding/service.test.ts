// Coding a response through the typed API on a real project file: coded
// spans (offsets that survive closing and reopening the file), closed
// variables with evidence, variable definitions, memos, review status and
// progress, and the response list's coding filters.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Variable } from '../../../../src-shared/coding';
import { expectApiError } from '../../../helpers/api';
import { authored } from '../../../helpers/fixtures';
import { codingProject, count, eventRows, spanOf, workspaceDump, type CodingProject } from '../../../helpers/coding';

let p: CodingProject;
beforeEach(async () => {
  p = await codingProject();
});
afterEach(async () => {
  await p.cleanup();
});

const variable = async (key: string): Promise<Variable> => {
  const found = (await p.api.variables.list()).find((v) => v.key === key);
  if (!found) throw new Error(`no variable ${key}`);
  return found;
};
const valueOf = async (responseId: string, variableId: string) =>
  (await p.api.workspace.response({ id: responseId })).values.find((v) => v.variableId === variableId) ?? null;
const rawValue = (responseId: string, variableId: string) =>
  p.store().sqlite.prepare('SELECT value FROM variable_value WHERE response_id = ? AND variable_id = ?').get(responseId, variableId) as { value: string } | undefined;
const listed = async (filter: Parameters<CodingProject['api']['responses']['list']>[0]) =>
  (await p.api.responses.list(filter)).map((r) => r.municipality!.number).sort();

// ---------------------------------------------------------------- codings

describe('codings', () => {
  it('keeps offsets exactly through closing and reopening the file; quotes are the answer text between them', async () => {
    const tromso = p.response('5401');
    const text = tromso.q(1).text;
    expect(text).toContain('👮'); // a character of two UTF-16 code units before the span
    const code = await p.api.codebook.create({ name: 'Synlighet' });
    const spans = [spanOf(text, 'Politiet må være synlig'), spanOf(text, '«særlig»'), spanOf(text, 'Lange avstander')];
    const created = [];
    for (const s of spans) created.push(await p.api.codings.create({ answerId: tromso.q(1).id, codeId: code.id, ...s }));
    expect(created.map((k) => k.quote)).toEqual(['Politiet må være synlig', '«særlig»', 'Lange avstander']);

    await p.reopen();
    const ws = await p.api.workspace.response({ id: tromso.id });
    expect(ws.codings).toHaveLength(3);
    for (const k of ws.codings) {
      const answer = ws.response.answers.find((a) => a.id === k.answerId)!;
      expect(k.quote).toBe(answer.text.slice(k.start, k.end));
    }
    expect(ws.codings.map((k) => [k.start, k.end, k.quote])).toEqual(
      created.map((k) => [k.start, k.end, k.quote]).sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
    expect(ws.codings.find((k) => k.quote === 'Politiet må være synlig')).toMatchObject({ codeId: code.id, useInMemo: false, createdBy: 'Test Saksbehandler' });
  });

  it('codes the whole answer when start and end are omitted, and to its end when only start is given', async () => {
    const answer = p.response('1804').q(2);
    const code = await p.api.codebook.create({ name: 'Misnøye' });
    const whole = await p.api.codings.create({ answerId: answer.id, codeId: code.id });
    expect(whole).toMatchObject({ start: 0, end: answer.text.length, quote: answer.text });
    const tail = await p.api.codings.create({ answerId: answer.id, codeId: code.id, start: 5 });
    expect(tail).toMatchObject({ start: 5, end: answer.text.length, quote: answer.text.slice(5) });
  });

  it('refuses spans outside the answer or not ending after their start, and unknown answers and codes', async () => {
    const answer = p.response('3403').q(1);
    const code = await p.api.codebook.create({ name: 'Digital' });
    const n = answer.text.length;
    await expectApiError(p.api.codings.create({ answerId: answer.id, codeId: code.id, start: 0, end: n + 1 }), 'INVALID_INPUT');
    await expectApiError(p.api.codings.create({ answerId: answer.id, codeId: code.id, start: n, end: n }), 'INVALID_INPUT');
    await expectApiError(p.api.codings.create({ answerId: answer.id, codeId: code.id, start: 5, end: 4 }), 'INVALID_INPUT');
    await expectApiError(p.api.codings.create({ answerId: answer.id, codeId: code.id, start: -1, end: 4 }), 'INVALID_INPUT');
    await expectApiError(p.api.codings.create({ answerId: answer.id, codeId: code.id, start: 0.5, end: 4 }), 'INVALID_INPUT');
    await expectApiError(p.api.codings.create({ answerId: 'finnes-ikke', codeId: code.id }), 'NOT_FOUND');
    await expectApiError(p.api.codings.create({ answerId: answer.id, codeId: 'finnes-ikke' }), 'NOT_FOUND');
    expect(count(p.store(), 'coding')).toBe(0);
    expect(await p.api.codings.create({ answerId: answer.id, codeId: code.id, start: n - 1, end: n })).toMatchObject({ quote: answer.text.slice(-1) });
  });

  it('treats coding the same span with the same code twice as a no-op', async () => {
    const answer = p.response('1804').q(1);
    const code = await p.api.codebook.create({ name: 'Rus' });
    const other = await p.api.codebook.create({ name: 'Unge' });
    const span = spanOf(answer.text, 'Rus blant unge');
    const first = await p.api.codings.create({ answerId: answer.id, codeId: code.id, ...span });
    const events = eventRows(p.store()).length;
    const again = await p.api.codings.create({ answerId: answer.id, codeId: code.id, ...span });
    expect(again).toEqual(first);
    expect(count(p.store(), 'coding')).toBe(1);
    expect(eventRows(p.store())).toHaveLength(events);
    // another code on the same span, or an overlapping span, is a new coding
    await p.api.codings.create({ answerId: answer.id, codeId: other.id, ...span });
    await p.api.codings.create({ answerId: answer.id, codeId: code.id, start: span.start, end: span.end + 1 });
    expect(count(p.store(), 'coding')).toBe(3);
  });

  it('changes a span, the memo mark and the code; deletes', async () => {
    const answer = p.response('1804').q(3);
    const code = await p.api.codebook.create({ name: 'Politiråd' });
    const other = await p.api.codebook.create({ name: 'SLT' });
    const coding = await p.api.codings.create({ answerId: answer.id, codeId: code.id, ...spanOf(answer.text, 'Politirådet') });
    const moved = await p.api.codings.update({ id: coding.id, ...spanOf(answer.text, 'Politirådet fungerer godt') });
    expect(moved).toMatchObject({ id: coding.id, quote: 'Politirådet fungerer godt', useInMemo: false });
    expect(await p.api.codings.update({ id: coding.id, end: moved.end - 5 })).toMatchObject({ start: moved.start, quote: 'Politirådet fungerer' });
    await expectApiError(p.api.codings.update({ id: coding.id, start: 500 }), 'INVALID_INPUT');
    await expectApiError(p.api.codings.update({ id: coding.id, end: moved.start }), 'INVALID_INPUT');
    const marked = await p.api.codings.update({ id: coding.id, useInMemo: true });
    expect(marked.useInMemo).toBe(true);
    expect(p.store().sqlite.prepare('SELECT use_in_memo FROM coding WHERE id = ?').get(coding.id)).toEqual({ use_in_memo: 1 });
    expect((await p.api.codings.update({ id: coding.id, codeId: other.id })).codeId).toBe(other.id);
    await expectApiError(p.api.codings.update({ id: coding.id, codeId: 'finnes-ikke' }), 'NOT_FOUND');
    await expectApiError(p.api.codings.update({ id: 'finnes-ikke', useInMemo: true }), 'NOT_FOUND');

    await p.reopen();
    expect((await p.api.workspace.response({ id: p.response('1804').id })).codings).toEqual([
      expect.objectContaining({ id: coding.id, codeId: other.id, quote: 'Politirådet fungerer', useInMemo: true }),
    ]);
    await p.api.codings.delete({ id: coding.id });
    expect((await p.api.workspace.response({ id: p.response('1804').id })).codings).toEqual([]);
    await expectApiError(p.api.codings.delete({ id: coding.id }), 'NOT_FOUND');
  });

  it('refuses moving a coding to a code scoped to another question', async () => {
    const answer = p.response('1804').q(1);
    const open = await p.api.codebook.create({ name: 'Sitat' });
    const scoped = await p.api.codebook.create({ name: 'Tilgjengelighet', questionId: p.questions.get(4)! });
    const coding = await p.api.codings.create({ answerId: answer.id, codeId: open.id });
    await expectApiError(p.api.codings.update({ id: coding.id, codeId: scoped.id }), 'INVALID_INPUT');
    expect((await p.api.workspace.response({ id: p.response('1804').id })).codings[0].codeId).toBe(open.id);
  });
});

// ---------------------------------------------------------------- variables

describe('variables', () => {
  it('come from the 2022 template with their kinds, options and questions', async () => {
    const vars = await p.api.variables.list();
    const shape = (key: string) => {
      const v = vars.find((x) => x.key === key)!;
      return { kind: v.kind, options: v.options.map((o) => o.value), question: [...p.questions].find(([, id]) => id === v.questionId)?.[0] };
    };
    expect(vars.map((v) => v.key)).toEqual(['q2_satisfied', 'q4_channels', 'q5_wants_station', 'q5_offers_premises', 'q5_premises_offered']);
    expect(shape('q2_satisfied')).toEqual({ kind: 'single', options: ['ja', 'delvis', 'nei', 'ikke_besvart'], question: 2 });
    expect(shape('q4_channels')).toEqual({ kind: 'multi', options: ['tjenestested', 'fysisk_annet_sted', 'fysisk_oppmote', 'telefon', 'internett'], question: 4 });
    expect(shape('q5_wants_station')).toEqual({ kind: 'single', options: ['ja', 'nei', 'uklart', 'ikke_besvart'], question: 5 });
    expect(shape('q5_offers_premises')).toEqual({ kind: 'single', options: ['ja', 'nei', 'ikke_oppgitt'], question: 5 });
    expect(shape('q5_premises_offered')).toEqual({ kind: 'text', options: [], question: 5 });
    expect(vars.every((v) => v.options.every((o) => o.label.length > 0))).toBe(true);
  });

  it('sets, changes and clears a single-choice value, refusing values that are not options', async () => {
    const bodo = p.response('1804');
    const q2 = await variable('q2_satisfied');
    await p.api.variables.set({ responseId: bodo.id, variableId: q2.id, value: 'nei' });
    expect(await valueOf(bodo.id, q2.id)).toMatchObject({ value: 'nei', evidence: null, updatedBy: 'Test Saksbehandler' });
    await p.api.variables.set({ responseId: bodo.id, variableId: q2.id, value: 'delvis' });
    expect((await valueOf(bodo.id, q2.id))!.value).toBe('delvis');
    await expectApiError(p.api.variables.set({ responseId: bodo.id, variableId: q2.id, value: 'kanskje' }), 'INVALID_INPUT');
    await expectApiError(p.api.variables.set({ responseId: bodo.id, variableId: q2.id, value: ['ja'] }), 'INVALID_INPUT');
    await expectApiError(p.api.variables.set({ responseId: bodo.id, variableId: 'finnes-ikke', value: 'ja' }), 'NOT_FOUND');
    await expectApiError(p.api.variables.set({ responseId: 'finnes-ikke', variableId: q2.id, value: 'ja' }), 'NOT_FOUND');
    expect((await valueOf(bodo.id, q2.id))!.value).toBe('delvis');
    await p.api.variables.set({ responseId: bodo.id, variableId: q2.id, value: null });
    expect(await valueOf(bodo.id, q2.id)).toBeNull();
    expect(count(p.store(), 'variable_value')).toBe(0);
    // clearing what is not set is harmless
    await p.api.variables.set({ responseId: bodo.id, variableId: q2.id, value: null });
  });

  it('stores a multiple choice in the options\' order, so equal choices compare equal', async () => {
    const bodo = p.response('1804');
    const q4 = await variable('q4_channels');
    await p.api.variables.set({ responseId: bodo.id, variableId: q4.id, value: ['internett', 'telefon', 'fysisk_oppmote', 'internett'] });
    expect((await valueOf(bodo.id, q4.id))!.value).toEqual(['fysisk_oppmote', 'telefon', 'internett']);
    expect(rawValue(bodo.id, q4.id)).toEqual({ value: '["fysisk_oppmote","telefon","internett"]' });
    await expectApiError(p.api.variables.set({ responseId: bodo.id, variableId: q4.id, value: ['telefon', 'brevdue'] }), 'INVALID_INPUT');
    await expectApiError(p.api.variables.set({ responseId: bodo.id, variableId: q4.id, value: 'telefon' }), 'INVALID_INPUT');
    expect((await valueOf(bodo.id, q4.id))!.value).toEqual(['fysisk_oppmote', 'telefon', 'internett']);
  });

  it('sets and clears a free-text value', async () => {
    const bodo = p.response('1804');
    const offered = await variable('q5_premises_offered');
    await p.api.variables.set({ responseId: bodo.id, variableId: offered.id, value: 'Lokaler i rådhuset' });
    expect((await valueOf(bodo.id, offered.id))!.value).toBe('Lokaler i rådhuset');
    await p.api.variables.set({ responseId: bodo.id, variableId: offered.id, value: '' });
    expect(await valueOf(bodo.id, offered.id)).toBeNull();
  });

  it('takes evidence from the same response only, returns its quote, and keeps it when not mentioned', async () => {
    const bodo = p.response('1804');
    const hamar = p.response('3403');
    const q5 = await variable('q5_wants_station');
    const answer = bodo.q(5);
    const span = spanOf(answer.text, 'vi ønsker et nytt tjenestested');
    await p.api.variables.set({ responseId: bodo.id, variableId: q5.id, value: 'ja', evidence: { answerId: answer.id, ...span } });
    const expected = { answerId: answer.id, ...span, quote: 'vi ønsker et nytt tjenestested' };
    expect((await valueOf(bodo.id, q5.id))!.evidence).toEqual(expected);

    const message = await expectApiError(
      p.api.variables.set({ responseId: bodo.id, variableId: q5.id, value: 'nei', evidence: { answerId: hamar.q(5).id, start: 0, end: 3 } }),
      'INVALID_INPUT',
    );
    expect(message).toMatch(/same response/);
    await expectApiError(p.api.variables.set({ responseId: bodo.id, variableId: q5.id, value: 'ja', evidence: { answerId: answer.id, start: 0, end: 999 } }), 'INVALID_INPUT');
    await expectApiError(p.api.variables.set({ responseId: bodo.id, variableId: q5.id, value: 'ja', evidence: { answerId: answer.id, start: 4, end: 4 } }), 'INVALID_INPUT');
    await expectApiError(p.api.variables.set({ responseId: bodo.id, variableId: q5.id, value: 'ja', evidence: { answerId: 'finnes-ikke', start: 0, end: 1 } }), 'NOT_FOUND');
    expect(await valueOf(bodo.id, q5.id)).toMatchObject({ value: 'ja', evidence: expected });

    // a new value without mentioning evidence keeps it; evidence: null removes it
    await p.api.variables.set({ responseId: bodo.id, variableId: q5.id, value: 'uklart' });
    expect(await valueOf(bodo.id, q5.id)).toMatchObject({ value: 'uklart', evidence: expected });
    await p.reopen();
    expect(await valueOf(bodo.id, q5.id)).toMatchObject({ value: 'uklart', evidence: expected });
    await p.api.variables.set({ responseId: bodo.id, variableId: q5.id, value: 'uklart', evidence: null });
    expect(await valueOf(bodo.id, q5.id)).toMatchObject({ value: 'uklart', evidence: null });
    expect(p.store().sqlite.prepare('SELECT evidence_answer_id, evidence_start, evidence_end FROM variable_value').get()).toEqual({
      evidence_answer_id: null,
      evidence_start: null,
      evidence_end: null,
    });
  });

  it('defines a new variable for a blank project, and refuses duplicate keys and choices without options', async () => {
    const blank = await codingProject({ template: 'blank', rows: [] });
    try {
      expect(await blank.api.variables.list()).toEqual([]);
      const defined = await blank.api.variables.define({
        key: 'enig',
        label: 'Enig i forslaget',
        questionId: null,
        kind: 'single',
        options: [
          { value: 'ja', label: 'Ja' },
          { value: 'nei', label: 'Nei' },
        ],
        shortcut: 'e',
      });
      expect(defined).toMatchObject({ key: 'enig', kind: 'single', options: [{ value: 'ja' }, { value: 'nei' }], shortcut: 'e', questionId: null, sortOrder: 0 });
      expect(await blank.api.variables.list()).toEqual([defined]);
      await expectApiError(blank.api.variables.define({ key: 'enig', label: 'Igjen', questionId: null, kind: 'text', options: [] }), 'INVALID_INPUT');
      await expectApiError(blank.api.variables.define({ key: 'tom', label: 'Tom', questionId: null, kind: 'single', options: [] }), 'INVALID_INPUT');
      await expectApiError(
        blank.api.variables.define({ key: 'dobbel', label: 'Dobbel', questionId: null, kind: 'multi', options: [{ value: 'a', label: 'A' }, { value: 'a', label: 'A igjen' }] }),
        'INVALID_INPUT',
      );
      await expectApiError(blank.api.variables.define({ key: 'Store Bokstaver', label: 'X', questionId: null, kind: 'text', options: [] }), 'INVALID_INPUT');
      await expectApiError(blank.api.variables.define({ key: 'q', label: 'X', questionId: 'finnes-ikke', kind: 'text', options: [] }), 'NOT_FOUND');
      const note = await blank.api.variables.define({ key: 'merknad', label: 'Merknad', questionId: null, kind: 'text', options: [] });
      expect(note.sortOrder).toBe(1);
    } finally {
      await blank.cleanup();
    }
  });

  it('changes a variable, but not the kind of one with values nor an option in use', async () => {
    const bodo = p.response('1804');
    const q2 = await variable('q2_satisfied');
    const input = { id: q2.id, key: q2.key, label: q2.label, questionId: q2.questionId, kind: q2.kind, options: q2.options };
    // relabel and drop an unused option while nothing is set
    const relabelled = await p.api.variables.define({ ...input, label: 'Fornøyd?', options: q2.options.filter((o) => o.value !== 'ikke_besvart') });
    expect(relabelled).toMatchObject({ id: q2.id, label: 'Fornøyd?', options: [{ value: 'ja' }, { value: 'delvis' }, { value: 'nei' }] });

    await p.api.variables.set({ responseId: bodo.id, variableId: q2.id, value: 'delvis' });
    expect(await expectApiError(p.api.variables.define({ ...input, kind: 'multi' }), 'INVALID_INPUT')).toMatch(/kind/);
    expect(await expectApiError(p.api.variables.define({ ...input, options: q2.options.filter((o) => o.value !== 'delvis') }), 'INVALID_INPUT')).toContain('delvis');
    // a multi value in use holds each of its elements
    const q4 = await variable('q4_channels');
    await p.api.variables.set({ responseId: bodo.id, variableId: q4.id, value: ['telefon', 'internett'] });
    const q4input = { id: q4.id, key: q4.key, label: q4.label, questionId: q4.questionId, kind: q4.kind, options: q4.options };
    expect(await expectApiError(p.api.variables.define({ ...q4input, options: q4.options.filter((o) => o.value !== 'internett') }), 'INVALID_INPUT')).toContain('internett');
    expect((await p.api.variables.define({ ...q4input, options: q4.options.filter((o) => o.value !== 'tjenestested') })).options).toHaveLength(4);
    await expectApiError(p.api.variables.define({ ...input, key: 'q4_channels' }), 'INVALID_INPUT');
    await expectApiError(p.api.variables.define({ ...input, id: 'finnes-ikke', key: 'ny_nokkel' }), 'NOT_FOUND');
    expect((await variable('q2_satisfied')).label).toBe('Fornøyd?');
  });

  it('removes a variable with its values', async () => {
    const q2 = await variable('q2_satisfied');
    await p.api.variables.set({ responseId: p.response('1804').id, variableId: q2.id, value: 'ja' });
    await p.api.variables.set({ responseId: p.response('3403').id, variableId: q2.id, value: 'nei' });
    expect(await p.api.variables.remove({ id: q2.id })).toEqual({ values: 2 });
    expect((await p.api.variables.list()).map((v) => v.key)).not.toContain('q2_satisfied');
    expect(count(p.store(), 'variable_value')).toBe(0);
    await expectApiError(p.api.variables.remove({ id: q2.id }), 'NOT_FOUND');
  });
});

// ---------------------------------------------------------------- memos

describe('memos', () => {
  it('are kept per project, response, answer and code; empty text removes one', async () => {
    const bodo = p.response('1804');
    const code = await p.api.codebook.create({ name: 'Rus' });
    const targets = [
      { targetType: 'project' as const, targetId: null },
      { targetType: 'response' as const, targetId: bodo.id },
      { targetType: 'answer' as const, targetId: bodo.q(1).id },
      { targetType: 'code' as const, targetId: code.id },
    ];
    for (const [i, t] of targets.entries()) await p.api.memos.set({ ...t, text: `Notat ${i}` });
    for (const [i, t] of targets.entries()) {
      expect(await p.api.memos.get(t)).toEqual({ ...t, text: `Notat ${i}`, updatedBy: 'Test Saksbehandler', updatedAt: expect.any(String) });
    }
    const ws = await p.api.workspace.response({ id: bodo.id });
    expect(ws.memos.map((m) => [m.targetType, m.text]).sort()).toEqual([
      ['answer', 'Notat 2'],
      ['response', 'Notat 1'],
    ]);

    await p.api.memos.set({ ...targets[1], text: 'Endret' });
    expect((await p.api.memos.get(targets[1]))!.text).toBe('Endret');
    expect(count(p.store(), 'memo')).toBe(4);
    await p.api.memos.set({ ...targets[1], text: '   ' });
    await p.api.memos.set({ ...targets[0], text: '' });
    expect(await p.api.memos.get(targets[1])).toBeNull();
    expect(await p.api.memos.get(targets[0])).toBeNull();
    expect(count(p.store(), 'memo')).toBe(2);
    // another response's memo is its own
    expect(await p.api.memos.get({ targetType: 'response', targetId: p.response('3403').id })).toBeNull();
  });

  it('refuses a project memo with a target, another memo without one, and unknown targets', async () => {
    await expectApiError(p.api.memos.set({ targetType: 'project', targetId: p.response('1804').id, text: 'x' }), 'INVALID_INPUT');
    await expectApiError(p.api.memos.set({ targetType: 'response', targetId: null, text: 'x' }), 'INVALID_INPUT');
    await expectApiError(p.api.memos.set({ targetType: 'code', targetId: 'finnes-ikke', text: 'x' }), 'NOT_FOUND');
    await expectApiError(p.api.memos.set({ targetType: 'answer', targetId: p.response('1804').id, text: 'x' }), 'NOT_FOUND');
    expect(count(p.store(), 'memo')).toBe(0);
  });
});

// ---------------------------------------------------------------- status, progress, filters

describe('review status and progress', () => {
  it('sets a response\'s status and counts current responses by status', async () => {
    expect(await p.api.responses.progress()).toEqual({ total: 4, byStatus: { ikke_startet: 4, under_arbeid: 0, ferdig: 0, kvalitetssikret: 0 } });
    await p.api.responses.setStatus({ id: p.response('1804').id, status: 'under_arbeid' });
    await p.api.responses.setStatus({ id: p.response('3403').id, status: 'ferdig' });
    await p.api.responses.setStatus({ id: p.response('5401').id, status: 'kvalitetssikret' });
    expect(await p.api.responses.progress()).toEqual({ total: 4, byStatus: { ikke_startet: 1, under_arbeid: 1, ferdig: 1, kvalitetssikret: 1 } });
    expect((await p.api.responses.get({ id: p.response('3403').id })).status).toBe('ferdig');
    await expectApiError(p.api.responses.setStatus({ id: p.response('1804').id, status: 'godkjent' as never }), 'INVALID_INPUT');
    await expectApiError(p.api.responses.setStatus({ id: 'finnes-ikke', status: 'ferdig' }), 'NOT_FOUND');

    // a superseded response no longer counts; its successor starts afresh
    const file = path.join(p.dir, 'runde2.csv');
    writeFileSync(file, 'Kommunenr.;Kommune;Mottatt;Spørsmål 1\r\n3403;Hamar kommune;15.06.2022;Nytt svar.\r\n');
    await p.api.import.run({ paths: [file] });
    expect(await p.api.responses.progress()).toEqual({ total: 4, byStatus: { ikke_startet: 2, under_arbeid: 1, ferdig: 0, kvalitetssikret: 1 } });
  });
});

describe('responses.list coding filters', () => {
  it('filters by status', async () => {
    await p.api.responses.setStatus({ id: p.response('1804').id, status: 'ferdig' });
    await p.api.responses.setStatus({ id: p.response('0301').id, status: 'ferdig' });
    expect(await listed({ status: 'ferdig' })).toEqual(['0301', '1804']);
    expect(await listed({ status: 'ikke_startet' })).toEqual(['3403', '5401']);
    expect(await listed({ status: 'kvalitetssikret' })).toEqual([]);
  });

  it('filters by code (any coding in any answer of the response)', async () => {
    const rus = await p.api.codebook.create({ name: 'Rus' });
    const unused = await p.api.codebook.create({ name: 'Ubrukt' });
    await p.api.codings.create({ answerId: p.response('1804').q(1).id, codeId: rus.id, start: 0, end: 3 });
    await p.api.codings.create({ answerId: p.response('0301').q(3).id, codeId: rus.id });
    expect(await listed({ codeId: rus.id })).toEqual(['0301', '1804']);
    expect(await listed({ codeId: unused.id })).toEqual([]);
    expect(await listed({ codeId: rus.id, status: 'ferdig' })).toEqual([]);
  });

  it('filters by a variable\'s value: single, an element of a multiple choice, or not set (null)', async () => {
    const q2 = await variable('q2_satisfied');
    const q4 = await variable('q4_channels');
    await p.api.variables.set({ responseId: p.response('1804').id, variableId: q2.id, value: 'nei' });
    await p.api.variables.set({ responseId: p.response('0301').id, variableId: q2.id, value: 'nei' });
    await p.api.variables.set({ responseId: p.response('3403').id, variableId: q2.id, value: 'delvis' });
    await p.api.variables.set({ responseId: p.response('1804').id, variableId: q4.id, value: ['telefon', 'internett'] });
    await p.api.variables.set({ responseId: p.response('5401').id, variableId: q4.id, value: ['internett'] });
    await p.api.variables.set({ responseId: p.response('3403').id, variableId: q4.id, value: ['tjenestested'] });

    expect(await listed({ variable: { variableId: q2.id, value: 'nei' } })).toEqual(['0301', '1804']);
    expect(await listed({ variable: { variableId: q2.id, value: 'delvis' } })).toEqual(['3403']);
    expect(await listed({ variable: { variableId: q2.id, value: 'ja' } })).toEqual([]);
    expect(await listed({ variable: { variableId: q2.id, value: null } })).toEqual(['5401']);
    expect(await listed({ variable: { variableId: q4.id, value: 'internett' } })).toEqual(['1804', '5401']);
    expect(await listed({ variable: { variableId: q4.id, value: 'telefon' } })).toEqual(['1804']);
    expect(await listed({ variable: { variableId: q4.id, value: 'tele' } })).toEqual([]);
    expect(await listed({ variable: { variableId: q4.id, value: null } })).toEqual(['0301']);

    // a text value matches whole, and a value looking like JSON is just text
    const offered = await variable('q5_premises_offered');
    await p.api.variables.set({ responseId: p.response('1804').id, variableId: offered.id, value: 'Lokaler i rådhuset' });
    await p.api.variables.set({ responseId: p.response('3403').id, variableId: offered.id, value: '["x"]' });
    expect(await listed({ variable: { variableId: offered.id, value: 'Lokaler i rådhuset' } })).toEqual(['1804']);
    expect(await listed({ variable: { variableId: offered.id, value: 'x' } })).toEqual([]);
    expect(await listed({ variable: { variableId: offered.id, value: '["x"]' } })).toEqual(['3403']);
  });

  it('filters by coder: who coded, set a variable or set the status — not who imported', async () => {
    const code = await p.api.codebook.create({ name: 'Rus' });
    const q2 = await variable('q2_satisfied');
    // Everything so far (the import, the code) was done by "Test Saksbehandler".
    expect(await listed({ coder: 'Test Saksbehandler' })).toEqual([]);
    p.setAuthor('Kari');
    await p.api.codings.create({ answerId: p.response('1804').q(1).id, codeId: code.id });
    p.setAuthor('Ola');
    await p.api.variables.set({ responseId: p.response('3403').id, variableId: q2.id, value: 'ja' });
    p.setAuthor('Per');
    await p.api.responses.setStatus({ id: p.response('5401').id, status: 'under_arbeid' });
    expect(await listed({ coder: 'Kari' })).toEqual(['1804']);
    expect(await listed({ coder: 'Ola' })).toEqual(['3403']);
    expect(await listed({ coder: 'Per' })).toEqual(['5401']);
    expect(await listed({ coder: 'Test Saksbehandler' })).toEqual([]);
    expect(await listed({ coder: 'Ingen' })).toEqual([]);
  });

  it('answers a filter without changing anything', async () => {
    const before = workspaceDump(p.store());
    await p.api.responses.list({ status: 'ferdig', coder: 'Kari' });
    expect(workspaceDump(p.store())).toEqual(before);
  });
});

// ---------------------------------------------------------------- split corrections and the workspace

describe('answers.assign with workspace data on the part', () => {
  const LETTER = 'Innledning.\nVi ser økt rus blant unge.\nMed hilsen';

  async function letterPart() {
    const file = path.join(p.dir, 'Levanger kommune.txt');
    writeFileSync(file, LETTER);
    await p.api.import.run({ paths: [file] });
    const [summary] = (await p.api.responses.list({})).filter((r) => r.municipality?.number === '5037');
    const detail = await p.api.responses.get({ id: summary.id });
    return { response: detail, part: detail.answers[0] };
  }

  it('refuses to cut a part that has a memo, instead of leaving the memo behind', async () => {
    const { response, part } = await letterPart();
    await p.api.memos.set({ targetType: 'answer', targetId: part.id, text: 'Notat om innledningen' });
    const before = workspaceDump(p.store());
    const message = await expectApiError(p.api.answers.assign({ answerId: part.id, start: 0, end: 11, questionId: p.questions.get(1)! }), 'INVALID_INPUT');
    expect(message).toMatch(/memo/);
    expect(workspaceDump(p.store())).toEqual(before);
    expect((await p.api.workspace.response({ id: response.id })).memos.map((m) => m.text)).toEqual(['Notat om innledningen']);
    // without the memo the cut goes through
    await p.api.memos.set({ targetType: 'answer', targetId: part.id, text: '' });
    await p.api.answers.assign({ answerId: part.id, start: 0, end: 11, questionId: p.questions.get(1)! });
  });

  it('refuses (not a database error) to cut a part linked to a finding', async () => {
    const { part } = await letterPart();
    const finding = { ...authored('finding'), statement: 'Lengre responstid etter reformen' };
    await p.store().db.insertInto('finding').values(finding).execute();
    await p.store().db.insertInto('finding_link').values({ ...authored('link'), finding_id: finding.id, answer_id: part.id, relation: 'stotter' }).execute();
    const before = workspaceDump(p.store());
    const message = await expectApiError(p.api.answers.assign({ answerId: part.id, start: 0, end: 11, questionId: p.questions.get(1)! }), 'INVALID_INPUT');
    expect(message).toMatch(/finding/);
    expect(workspaceDump(p.store())).toEqual(before);
  });
});
