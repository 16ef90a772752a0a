// Erasing a response whose source file other responses came from too (one CSV
// with four municipalities' rows), on a real project file: the file stays as
// long as any response refers to it — the others keep their link and their
// original — and goes with the last one. Each erasure removes the response's
// own text, codings and values and nothing of the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codingProject, count, type CodingProject } from '../../../helpers/coding';

let p: CodingProject;

beforeAll(async () => {
  p = await codingProject();
});
afterAll(() => p.cleanup());

/** The one source file's row, or undefined when it is gone. */
function sourceFile(): { id: string; name: string } | undefined {
  return p.store().sqlite.prepare('SELECT id, name FROM source_file').get() as { id: string; name: string } | undefined;
}

describe('erasing a response from a shared source file', () => {
  it('keeps the file for the other responses and removes only this response', async () => {
    const file = sourceFile()!;
    expect(file.name).toMatch(/svar\.csv$/);
    const hamar = p.response('3403');
    const code = await p.api.codebook.create({ name: 'Svindel' });
    await p.api.codings.create({ answerId: hamar.q(1).id, codeId: code.id });
    const bodo = p.response('1804');
    await p.api.codings.create({ answerId: bodo.q(1).id, codeId: code.id });

    // The dialog's plan counts what goes, and says the file stays.
    const plan = await p.api.responses.erasePlan({ id: hamar.id });
    expect(plan).toMatchObject({ respondentName: 'Hamar kommune', codings: 1, variableValues: 0, memos: 0, findingLinks: 0, respondentOtherResponses: 0 });
    expect(plan.sourceFile).toEqual({ name: file.name, sharedWith: 3, erased: false });
    expect(plan.answers).toBe(count(p.store(), 'answer', 'response_id = ?', hamar.id));
    expect(plan.characters).toBe(hamar.answers.reduce((n, a) => n + a.text.length, 0));

    const result = await p.api.responses.erase({ id: hamar.id, confirm: true });

    expect(result.sourceFile).toEqual({ name: file.name, sharedWith: 3, erased: false });
    expect(result.counts.source_file).toBeUndefined();
    expect(result.counts).toMatchObject({ response: 1, coding: 1 });
    const store = p.store();
    expect(sourceFile()).toEqual(file);
    expect(count(store, 'response', 'id = ?', hamar.id)).toBe(0);
    expect(count(store, 'answer', 'response_id = ?', hamar.id)).toBe(0);
    // The others still come from the file and still show their original row from it.
    expect(count(store, 'response', 'source_file_id = ?', file.id)).toBe(3);
    const original = await p.api.responses.original({ id: bodo.id });
    expect(original.fileName).toBe(file.name);
    expect(original.fields?.some((f) => f.value.startsWith('Rus blant unge'))).toBe(true);
    // Their codings are untouched; the erased text is out of the search index.
    expect(count(store, 'coding', 'answer_id = ?', bodo.q(1).id)).toBe(1);
    expect((await p.api.search.query({ query: 'svindel' })).total).toBe(0);
    expect((await p.api.search.query({ query: 'rus' })).total).toBe(1);
    // The file's import event keeps its image: it was not erased.
    expect(store.sqlite.prepare("SELECT count(*) FROM event WHERE entity_type = 'source_file' AND entity_id = ? AND after IS NOT NULL").pluck().get(file.id)).toBe(1);
  });

  it('erases the file with the last response that refers to it', async () => {
    const file = sourceFile()!;
    const last = ['1804', '5401', '0301'].map((n) => p.response(n));
    const first = await p.api.responses.erase({ id: last[0].id, confirm: true });
    expect(first.sourceFile).toEqual({ name: file.name, sharedWith: 2, erased: false });
    const second = await p.api.responses.erase({ id: last[1].id, confirm: true });
    expect(second.sourceFile).toEqual({ name: file.name, sharedWith: 1, erased: false });
    expect(sourceFile()).toEqual(file);

    expect((await p.api.responses.erasePlan({ id: last[2].id })).sourceFile).toEqual({ name: file.name, sharedWith: 0, erased: true });
    const third = await p.api.responses.erase({ id: last[2].id, confirm: true });
    expect(third.sourceFile).toEqual({ name: file.name, sharedWith: 0, erased: true });
    expect(third.counts.source_file).toBe(1);
    expect(sourceFile()).toBeUndefined();
    const store = p.store();
    expect(count(store, 'response')).toBe(0);
    // The import report no longer names the file, and the file's import event lost its image.
    const reports = store.sqlite.prepare('SELECT report FROM import_batch').pluck().all() as string[];
    for (const r of reports) expect(r).not.toContain('svar.csv');
    expect(store.sqlite.prepare("SELECT count(*) FROM event WHERE entity_type = 'source_file' AND entity_id = ? AND after IS NOT NULL").pluck().get(file.id)).toBe(0);
    expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});
