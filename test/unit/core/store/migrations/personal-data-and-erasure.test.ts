// Migrations 0011_personal_data (the personal-data cache, its triggers, and
// the lazy scan of answers written before it) and 0012_erasure (the one
// documented exception to the append-only audit trail).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kindsByResponse, refreshPersonalData, spansOfAnswer } from '../../../../../src-main/core/personal/scan';
import { columnNames, migratedDatabase, tableNames, type MigratedDb } from '../../../../helpers/sqlite';

let seq = 0;
function who(): Record<string, string> {
  seq++;
  return { id: `id-${seq}`, created_at: 't', created_by: 'a', updated_at: 't', updated_by: 'a' };
}

function insert(m: MigratedDb, table: string, row: Record<string, unknown>): void {
  const cols = Object.keys(row);
  m.sqlite.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(row);
}

function seedResponse(m: MigratedDb, texts: string[]): { response: string; answers: string[] } {
  const respondent = who();
  insert(m, 'respondent', { ...respondent, name: 'Kari Nordmann', match_status: 'unmatched' });
  const batch = who();
  insert(m, 'import_batch', { ...batch, label: 'import' });
  const response = who();
  insert(m, 'response', { ...response, respondent_id: respondent.id, batch_id: batch.id, locator: 'rad 2' });
  const answers = texts.map((text, i) => {
    const answer = who();
    insert(m, 'answer', { ...answer, response_id: response.id, ordinal: i + 1, text });
    return answer.id;
  });
  return { response: response.id, answers };
}

const count = (m: MigratedDb, table: string) => m.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('0011_personal_data', () => {
  let m: MigratedDb;
  beforeEach(async () => {
    // Answers written under 0010 are scanned lazily after the upgrade.
    m = await migratedDatabase('0011_personal_data');
  });
  afterEach(() => m.close());

  it('adds the scan and span tables, which hold positions, never text', () => {
    expect(tableNames(m.sqlite)).toEqual(expect.arrayContaining(['personal_scan', 'personal_span']));
    expect(columnNames(m.sqlite, 'personal_span')).toEqual(['answer_id', 'end_offset', 'kind', 'start_offset']);
    expect(() => m.sqlite.prepare("INSERT INTO personal_span VALUES ('a', 'navn', 0, 3)").run()).toThrow(/CHECK/);
  });

  it('scans unscanned answers once, storing kind and span', () => {
    const { response, answers } = seedResponse(m, ['Ring meg på 912 34 567.', 'Ingen personopplysninger her.']);
    expect(refreshPersonalData(m.sqlite)).toBe(2);
    expect(refreshPersonalData(m.sqlite)).toBe(0);
    expect(spansOfAnswer(m.sqlite, answers[0])).toEqual([{ kind: 'telefon', start: 12, end: 22 }]);
    expect(spansOfAnswer(m.sqlite, answers[1])).toEqual([]);
    expect(kindsByResponse(m.sqlite).get(response)).toEqual(['telefon']);
  });

  it('forgets an answer whose text changes, and scans it again', () => {
    const { answers } = seedResponse(m, ['Ring meg på 912 34 567.']);
    refreshPersonalData(m.sqlite);
    m.sqlite.prepare('UPDATE answer SET text = ? WHERE id = ?').run('Skriv til kari@online.no', answers[0]);
    expect(count(m, 'personal_span')).toBe(0);
    expect(refreshPersonalData(m.sqlite)).toBe(1);
    expect(spansOfAnswer(m.sqlite, answers[0])).toEqual([{ kind: 'epost', start: 10, end: 24 }]);
  });

  it('drops the rows of deleted answers, also by a cascade from their response', () => {
    const { response } = seedResponse(m, ['Ring meg på 912 34 567.', 'kari@online.no']);
    refreshPersonalData(m.sqlite);
    expect(count(m, 'personal_scan')).toBe(2);
    m.sqlite.prepare('DELETE FROM response WHERE id = ?').run(response);
    expect(count(m, 'personal_scan')).toBe(0);
    expect(count(m, 'personal_span')).toBe(0);
  });
});

describe('0012_erasure', () => {
  let m: MigratedDb;
  beforeEach(async () => {
    m = await migratedDatabase('0012_erasure');
  });
  afterEach(() => m.close());

  const event = (entityType: string, entityId: string, after: string) =>
    m.sqlite
      .prepare("INSERT INTO event (id, at, actor, action, entity_type, entity_id, before, after) VALUES (?, 't', 'a', 'x', ?, ?, NULL, ?)")
      .run(`e-${++seq}`, entityType, entityId, after);

  it('lets the trail scrub only the images of events about recorded erased entities, written before the erasure', () => {
    event('answer', 'a1', '{"text":"hemmelig"}');
    event('answer', 'a2', '{"text":"beholdes"}');
    // Nothing may be scrubbed before an erasure is recorded.
    expect(() => m.sqlite.prepare("UPDATE event SET after = NULL WHERE entity_id = 'a1'").run()).toThrow(/append-only/);
    m.sqlite.prepare("INSERT INTO erasure (id, at, actor, response_id, up_to_seq) VALUES ('x1', 't', 'a', 'r1', (SELECT max(seq) FROM event))").run();
    m.sqlite.prepare("INSERT INTO erased_entity VALUES ('x1', 'answer', 'a1')").run();
    m.sqlite.prepare("UPDATE event SET before = NULL, after = NULL WHERE entity_id = 'a1'").run();
    expect(m.sqlite.prepare("SELECT after FROM event WHERE entity_id = 'a1'").pluck().get()).toBeNull();
    // Not another entity's, not to anything but NULL, no other column, no event written after the erasure, no delete.
    expect(() => m.sqlite.prepare("UPDATE event SET after = NULL WHERE entity_id = 'a2'").run()).toThrow(/append-only/);
    expect(() => m.sqlite.prepare("UPDATE event SET after = '{}' WHERE entity_id = 'a1'").run()).toThrow(/append-only/);
    expect(() => m.sqlite.prepare("UPDATE event SET action = 'y' WHERE entity_id = 'a1'").run()).toThrow(/append-only/);
    event('answer', 'a1', '{"text":"ny"}');
    expect(() => m.sqlite.prepare("UPDATE event SET after = NULL WHERE entity_id = 'a1' AND after IS NOT NULL").run()).toThrow(/append-only/);
    expect(() => m.sqlite.prepare("DELETE FROM event WHERE entity_id = 'a1'").run()).toThrow(/append-only/);
  });

  it('keeps the erasure record append-only', () => {
    m.sqlite.prepare("INSERT INTO erasure (id, at, actor, response_id, up_to_seq) VALUES ('x1', 't', 'a', 'r1', 0)").run();
    m.sqlite.prepare("INSERT INTO erased_entity VALUES ('x1', 'answer', 'a1')").run();
    expect(() => m.sqlite.prepare("UPDATE erasure SET up_to_seq = 99").run()).toThrow(/append-only/);
    expect(() => m.sqlite.prepare("UPDATE erased_entity SET entity_id = 'a2'").run()).toThrow(/append-only/);
    expect(() => m.sqlite.prepare('DELETE FROM erasure').run()).toThrow(/append-only/);
    expect(() => m.sqlite.prepare('DELETE FROM erased_entity').run()).toThrow(/append-only/);
  });
});
