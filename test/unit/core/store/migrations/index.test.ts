// Each migration, applied with the app's own migrator to an empty database.
// When a migration is added, add one `describe` block that calls
// `migratedDatabase('<its name>')` and checks what it changes; the last block
// checks that the latest schema matches the typed shape in schema.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Migrator } from 'kysely';
import { latestSchemaVersion, migrationProvider, migrations } from '../../../../../src-main/core/store/migrations';
import type { DB } from '../../../../../src-main/core/store/schema';
import { columnNames, foreignKeys, migratedDatabase, tableNames, type MigratedDb } from '../../../../helpers/sqlite';

const AUTHORED = ['id', 'created_at', 'created_by', 'updated_at', 'updated_by'];

function insert(m: MigratedDb, table: string, row: Record<string, unknown>): void {
  const cols = Object.keys(row);
  m.sqlite.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(row);
}

let seq = 0;
function who(): Record<string, string> {
  seq++;
  return { id: `id-${seq}`, created_at: 't', created_by: 'a', updated_at: 't', updated_by: 'a' };
}

describe('migration list', () => {
  it('is ordered by name and ends at latestSchemaVersion', () => {
    const names = migrations.map(([name]) => name);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    expect(latestSchemaVersion).toBe(names[names.length - 1]);
  });
});

describe('0001_initial', () => {
  let m: MigratedDb;
  beforeEach(async () => {
    m = await migratedDatabase('0001_initial');
  });
  afterEach(() => m.close());

  /** A row chain respondent → batch → response → answer, returning the ids. */
  function seedResponse() {
    insert(m, 'police_district', { code: 'p01', name: 'Oslo' });
    insert(m, 'municipality', {
      number: '0301',
      name: 'Oslo',
      official_name: 'Oslo',
      county_number: '03',
      county_name: 'Oslo',
      police_district_code: 'p01',
      population: 699827,
      admin_centre: 'Oslo',
      language_form: 'nøytral',
    });
    const respondent = who();
    insert(m, 'respondent', { ...respondent, name: 'Oslo kommune', municipality_number: '0301', match_status: 'matched' });
    const batch = who();
    insert(m, 'import_batch', { ...batch, label: 'import' });
    const response = who();
    insert(m, 'response', { ...response, respondent_id: respondent.id, batch_id: batch.id, locator: 'rad 2' });
    const answer = who();
    insert(m, 'answer', { ...answer, response_id: response.id, ordinal: 1, text: 'Svar' });
    return { respondent: respondent.id, batch: batch.id, response: response.id, answer: answer.id };
  }

  it('creates the project tables', () => {
    expect(tableNames(m.sqlite)).toEqual(
      [
        'answer',
        'code',
        'coding',
        'event',
        'finding',
        'finding_link',
        'finding_report',
        'import_batch',
        'mapping_preset',
        'municipality',
        'police_district',
        'project',
        'question',
        'question_option',
        'respondent',
        'response',
        'source_file',
      ].sort(),
    );
  });

  it('gives every caseworker-written table a text id and who/when columns', () => {
    for (const table of ['project', 'question', 'question_option', 'respondent', 'import_batch', 'source_file', 'mapping_preset', 'response', 'answer', 'code', 'coding', 'finding_report', 'finding', 'finding_link']) {
      expect(columnNames(m.sqlite, table), table).toEqual(expect.arrayContaining(AUTHORED));
      const id = (m.sqlite.pragma(`table_info(${table})`) as { name: string; type: string; pk: number }[]).find((c) => c.name === 'id');
      expect(id, table).toMatchObject({ type: 'TEXT', pk: 1 });
    }
  });

  it('records itself in kysely_migration', () => {
    const rows = m.sqlite.prepare('SELECT name FROM kysely_migration').all();
    expect(rows).toEqual([{ name: '0001_initial' }]);
  });

  it('restricts respondent.match_status and ties it to municipality_number', () => {
    seedResponse();
    expect(() => insert(m, 'respondent', { ...who(), name: 'X', match_status: 'maybe' })).toThrow(/CHECK constraint failed/);
    // matched ⇔ a municipality is set
    expect(() => insert(m, 'respondent', { ...who(), name: 'X', match_status: 'matched' })).toThrow(/CHECK constraint failed/);
    expect(() =>
      insert(m, 'respondent', { ...who(), name: 'X', match_status: 'unmatched', municipality_number: '0301' }),
    ).toThrow(/CHECK constraint failed/);
    for (const status of ['unmatched', 'ambiguous']) {
      expect(() => insert(m, 'respondent', { ...who(), name: 'X', match_status: status })).not.toThrow();
    }
  });

  it('restricts response.status, is_current and needs_splitting, with defaults', () => {
    const ids = seedResponse();
    const base = { respondent_id: ids.respondent, batch_id: ids.batch, locator: 'rad 3' };
    expect(() => insert(m, 'response', { ...who(), ...base, status: 'godkjent' })).toThrow(/CHECK constraint failed/);
    expect(() => insert(m, 'response', { ...who(), ...base, is_current: 2 })).toThrow(/CHECK constraint failed/);
    expect(() => insert(m, 'response', { ...who(), ...base, needs_splitting: -1 })).toThrow(/CHECK constraint failed/);
    for (const status of ['ikke_startet', 'under_arbeid', 'ferdig', 'kvalitetssikret']) {
      expect(() => insert(m, 'response', { ...who(), ...base, status })).not.toThrow();
    }
    const row = m.sqlite.prepare('SELECT status, is_current, needs_splitting FROM response WHERE id = ?').get(ids.response);
    expect(row).toEqual({ status: 'ikke_startet', is_current: 1, needs_splitting: 0 });
  });

  it('restricts finding_link.relation', () => {
    const ids = seedResponse();
    const finding = who();
    insert(m, 'finding', { ...finding, statement: 'Lengre responstid' });
    const base = { finding_id: finding.id, answer_id: ids.answer };
    expect(() => insert(m, 'finding_link', { ...who(), ...base, relation: 'enig' })).toThrow(/CHECK constraint failed/);
    for (const relation of ['stotter', 'motsier', 'nyanserer', 'nytt_forhold']) {
      expect(() => insert(m, 'finding_link', { ...who(), ...base, relation })).not.toThrow();
    }
  });

  it('checks municipality numbers, question ordinals and coding offsets', () => {
    insert(m, 'police_district', { code: 'p01', name: 'Oslo' });
    const municipality = {
      name: 'Oslo', official_name: 'Oslo', county_number: '03', county_name: 'Oslo',
      police_district_code: 'p01', population: 1, admin_centre: 'Oslo', language_form: 'nøytral',
    };
    // "301" has lost its leading zero
    expect(() => insert(m, 'municipality', { ...municipality, number: '301' })).toThrow(/CHECK constraint failed/);
    expect(() => insert(m, 'municipality', { ...municipality, number: '0301', population: -1 })).toThrow(/CHECK constraint failed/);
    expect(() => insert(m, 'question', { ...who(), ordinal: 0, short_label: 'x', text: 'x' })).toThrow(/CHECK constraint failed/);
    insert(m, 'question', { ...who(), ordinal: 1, short_label: 'x', text: 'x' });
    expect(() => insert(m, 'question', { ...who(), ordinal: 1, short_label: 'y', text: 'y' })).toThrow(/UNIQUE constraint failed/);
  });

  it('rejects codings whose end is not after their start', () => {
    const ids = seedResponse();
    const code = who();
    insert(m, 'code', { ...code, name: 'Bemanning', colour: '#1E98F5' });
    const base = { answer_id: ids.answer, code_id: code.id };
    expect(() => insert(m, 'coding', { ...who(), ...base, start_offset: 4, end_offset: 4 })).toThrow(/CHECK constraint failed/);
    expect(() => insert(m, 'coding', { ...who(), ...base, start_offset: -1, end_offset: 4 })).toThrow(/CHECK constraint failed/);
    expect(() => insert(m, 'coding', { ...who(), ...base, start_offset: 0, end_offset: 4 })).not.toThrow();
  });

  it('enforces foreign keys', () => {
    const ids = seedResponse();
    expect(() =>
      insert(m, 'response', { ...who(), respondent_id: 'nobody', batch_id: ids.batch, locator: 'x' }),
    ).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => insert(m, 'respondent', { ...who(), name: 'X', match_status: 'matched', municipality_number: '9999' })).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    expect(() => insert(m, 'answer', { ...who(), response_id: ids.response, question_id: 'no-question', ordinal: 2, text: 'x' })).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    // a respondent with responses cannot be deleted
    expect(() => m.sqlite.prepare('DELETE FROM respondent WHERE id = ?').run(ids.respondent)).toThrow(/FOREIGN KEY constraint failed/);
    expect(foreignKeys(m.sqlite, 'coding').map((fk) => `${fk.from}→${fk.table}.${fk.to}`).sort()).toEqual([
      'answer_id→answer.id',
      'code_id→code.id',
    ]);
  });

  it('cascades deletes from a response to its answers and from a question to its options', () => {
    const ids = seedResponse();
    m.sqlite.prepare('DELETE FROM response WHERE id = ?').run(ids.response);
    expect(m.sqlite.prepare('SELECT count(*) AS n FROM answer').get()).toEqual({ n: 0 });

    const q = who();
    insert(m, 'question', { ...q, ordinal: 4, short_label: 'Tilgjengelighet', text: 'Hva?' });
    insert(m, 'question_option', { ...who(), question_id: q.id, ordinal: 1, label: 'Via telefon?' });
    expect(() => insert(m, 'question_option', { ...who(), question_id: q.id, ordinal: 1, label: 'Igjen' })).toThrow(
      /UNIQUE constraint failed/,
    );
    m.sqlite.prepare('DELETE FROM question WHERE id = ?').run(q.id);
    expect(m.sqlite.prepare('SELECT count(*) AS n FROM question_option').get()).toEqual({ n: 0 });
  });

  it('stores each source file once (unique sha256)', () => {
    const batch = who();
    insert(m, 'import_batch', { ...batch, label: 'import' });
    const file = { batch_id: batch.id, name: 'svar.xlsx', sha256: 'ab'.repeat(32), size_bytes: 3, media_type: 'application/octet-stream', content: Buffer.from('abc') };
    insert(m, 'source_file', { ...who(), ...file });
    expect(() => insert(m, 'source_file', { ...who(), ...file, name: 'kopi.xlsx' })).toThrow(/UNIQUE constraint failed: source_file.sha256/);
  });

  it('keeps the audit trail append-only', () => {
    const event = { id: 'e1', at: 't', actor: 'a', action: 'project.create', entity_type: 'project', entity_id: 'p1' };
    insert(m, 'event', event);
    insert(m, 'event', { ...event, id: 'e2' });
    expect(() => m.sqlite.prepare("UPDATE event SET actor = 'someone else' WHERE id = 'e1'").run()).toThrow(/append-only/);
    expect(() => m.sqlite.prepare("DELETE FROM event WHERE id = 'e1'").run()).toThrow(/append-only/);
    expect(() => m.sqlite.prepare('DELETE FROM event').run()).toThrow(/append-only/);
    expect(() => insert(m, 'event', { ...event, seq: 99, id: 'e1' })).toThrow(/UNIQUE constraint failed: event.id/);
    const rows = m.sqlite.prepare('SELECT seq, id, actor FROM event ORDER BY seq').all();
    expect(rows).toEqual([
      { seq: 1, id: 'e1', actor: 'a' },
      { seq: 2, id: 'e2', actor: 'a' },
    ]);
  });
});

describe('0002_coding_workspace', () => {
  let m: MigratedDb;
  beforeEach(async () => {
    m = await migratedDatabase('0002_coding_workspace');
  });
  afterEach(() => m.close());

  /** response → answers, a code, a coding and a single-choice variable; returns the ids. */
  function seed() {
    const respondent = who();
    insert(m, 'respondent', { ...respondent, name: 'Bodø kommune', match_status: 'unmatched' });
    const batch = who();
    insert(m, 'import_batch', { ...batch, label: 'import' });
    const response = who();
    insert(m, 'response', { ...response, respondent_id: respondent.id, batch_id: batch.id, locator: 'rad 2' });
    const answer = who();
    insert(m, 'answer', { ...answer, response_id: response.id, ordinal: 1, text: 'Rus blant unge.' });
    const code = who();
    insert(m, 'code', { ...code, name: 'Rus', colour: '#1E6FA8' });
    const coding = who();
    insert(m, 'coding', { ...coding, answer_id: answer.id, code_id: code.id, start_offset: 0, end_offset: 3 });
    const variable = who();
    insert(m, 'variable', { ...variable, key: 'q2_satisfied', label: 'Tilfreds', kind: 'single', options: '[{"value":"ja","label":"Ja"}]' });
    return { respondent: respondent.id, batch: batch.id, response: response.id, answer: answer.id, code: code.id, coding: coding.id, variable: variable.id };
  }
  const value = (ids: ReturnType<typeof seed>, extra: Record<string, unknown> = {}) => ({
    ...who(),
    response_id: ids.response,
    variable_id: ids.variable,
    value: '"ja"',
    ...extra,
  });
  const n = (table: string) => (m.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  it('adds the variable, variable_value and memo tables, use_in_memo on codings and group_id on events', () => {
    expect(tableNames(m.sqlite)).toEqual(expect.arrayContaining(['variable', 'variable_value', 'memo']));
    expect(columnNames(m.sqlite, 'variable')).toEqual([...AUTHORED, 'key', 'label', 'question_id', 'kind', 'options', 'shortcut', 'sort_order'].sort());
    expect(columnNames(m.sqlite, 'variable_value')).toEqual(
      [...AUTHORED, 'response_id', 'variable_id', 'value', 'evidence_answer_id', 'evidence_start', 'evidence_end'].sort(),
    );
    expect(columnNames(m.sqlite, 'memo')).toEqual([...AUTHORED, 'target_type', 'target_id', 'text'].sort());
    expect(columnNames(m.sqlite, 'coding')).toContain('use_in_memo');
    expect(columnNames(m.sqlite, 'event')).toContain('group_id');
    const indexes = (m.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['variable_value_variable', 'memo_target', 'code_parent', 'event_actor_group']));
    expect(m.sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all()).toEqual([{ name: '0001_initial' }, { name: '0002_coding_workspace' }]);
  });

  it('restricts variable.kind and keeps keys unique, options defaulting to []', () => {
    expect(() => insert(m, 'variable', { ...who(), key: 'a', label: 'A', kind: 'number' })).toThrow(/CHECK constraint failed/);
    for (const [i, kind] of ['single', 'multi', 'text'].entries()) {
      expect(() => insert(m, 'variable', { ...who(), key: `k${i}`, label: 'K', kind })).not.toThrow();
    }
    expect(() => insert(m, 'variable', { ...who(), key: 'k0', label: 'Igjen', kind: 'text' })).toThrow(/UNIQUE constraint failed: variable.key/);
    expect(m.sqlite.prepare("SELECT options, sort_order FROM variable WHERE key = 'k2'").get()).toEqual({ options: '[]', sort_order: 0 });
    expect(() => insert(m, 'variable', { ...who(), key: 'q', label: 'Q', kind: 'text', question_id: 'no-question' })).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('takes a variable value\'s evidence all or nothing, with end after start', () => {
    const ids = seed();
    const evidence = { evidence_answer_id: ids.answer, evidence_start: 0, evidence_end: 3 };
    // a span without an answer
    expect(() => insert(m, 'variable_value', value(ids, { evidence_start: 0, evidence_end: 3 }))).toThrow(/CHECK constraint failed/);
    expect(() => insert(m, 'variable_value', value(ids, { evidence_start: 0 }))).toThrow(/CHECK constraint failed/);
    // an empty or backwards span, or a negative start
    expect(() => insert(m, 'variable_value', value(ids, { ...evidence, evidence_end: 0 }))).toThrow(/CHECK constraint failed/);
    expect(() => insert(m, 'variable_value', value(ids, { ...evidence, evidence_start: 3, evidence_end: 3 }))).toThrow(/CHECK constraint failed/);
    expect(() => insert(m, 'variable_value', value(ids, { ...evidence, evidence_start: -1 }))).toThrow(/CHECK constraint failed/);
    // evidence must point at an answer
    expect(() => insert(m, 'variable_value', value(ids, { ...evidence, evidence_answer_id: 'no-answer' }))).toThrow(/FOREIGN KEY constraint failed/);
    expect(n('variable_value')).toBe(0);
    expect(() => insert(m, 'variable_value', value(ids, evidence))).not.toThrow();
  });

  it('refuses evidence that names an answer but lacks its start or end', () => {
    const ids = seed();
    expect(() => insert(m, 'variable_value', value(ids, { evidence_answer_id: ids.answer }))).toThrow(/CHECK constraint failed/);
    expect(() => insert(m, 'variable_value', value(ids, { evidence_answer_id: ids.answer, evidence_start: 0 }))).toThrow(/CHECK constraint failed/);
  });

  it('allows no evidence, and one value per response and variable', () => {
    const ids = seed();
    insert(m, 'variable_value', value(ids));
    expect(() => insert(m, 'variable_value', value(ids, { value: '"nei"' }))).toThrow(/UNIQUE constraint failed: variable_value.response_id, variable_value.variable_id/);
    expect(() => insert(m, 'variable_value', value(ids, { response_id: 'no-response' }))).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('cascades from a response (and a variable) to their values', () => {
    const ids = seed();
    insert(m, 'variable_value', value(ids, { evidence_answer_id: ids.answer, evidence_start: 0, evidence_end: 3 }));
    const other = who();
    insert(m, 'variable', { ...other, key: 'q5', label: 'Q5', kind: 'text' });
    insert(m, 'variable_value', value(ids, { variable_id: other.id, value: '"lokaler"' }));
    m.sqlite.prepare('DELETE FROM variable WHERE id = ?').run(other.id);
    expect(n('variable_value')).toBe(1);
    // The coding still points at the answer; remove it (as the app does) before the response goes.
    m.sqlite.prepare('DELETE FROM coding').run();
    m.sqlite.prepare('DELETE FROM response WHERE id = ?').run(ids.response);
    expect(n('variable_value')).toBe(0);
    expect(n('answer')).toBe(0);
  });

  it('ties a memo\'s target id to its type, one memo per target (the project\'s included)', () => {
    const ids = seed();
    expect(() => insert(m, 'memo', { ...who(), target_type: 'project', target_id: 'x', text: 'Notat' })).toThrow(/CHECK constraint failed/);
    for (const type of ['response', 'answer', 'code']) {
      expect(() => insert(m, 'memo', { ...who(), target_type: type, text: 'Notat' }), type).toThrow(/CHECK constraint failed/);
    }
    expect(() => insert(m, 'memo', { ...who(), target_type: 'coding', target_id: ids.coding, text: 'Notat' })).toThrow(/CHECK constraint failed/);
    insert(m, 'memo', { ...who(), target_type: 'project', text: 'Prosjektnotat' });
    expect(() => insert(m, 'memo', { ...who(), target_type: 'project', text: 'Et til' })).toThrow(/UNIQUE constraint failed/);
    insert(m, 'memo', { ...who(), target_type: 'response', target_id: ids.response, text: 'Svarnotat' });
    expect(() => insert(m, 'memo', { ...who(), target_type: 'response', target_id: ids.response, text: 'Igjen' })).toThrow(/UNIQUE constraint failed/);
    // the same id under another type is another target
    insert(m, 'memo', { ...who(), target_type: 'answer', target_id: ids.response, text: 'Annen type' });
    insert(m, 'memo', { ...who(), target_type: 'code', target_id: ids.code, text: 'Kodenotat' });
    expect(n('memo')).toBe(4);
    expect(() => insert(m, 'memo', { ...who(), target_type: 'code', target_id: ids.code })).toThrow(/NOT NULL constraint failed: memo.text/);
  });

  it('marks codings for the memo with 0 or 1, default 0', () => {
    const ids = seed();
    expect(m.sqlite.prepare('SELECT use_in_memo FROM coding WHERE id = ?').get(ids.coding)).toEqual({ use_in_memo: 0 });
    const base = { answer_id: ids.answer, code_id: ids.code, start_offset: 4, end_offset: 9 };
    expect(() => insert(m, 'coding', { ...who(), ...base, use_in_memo: 2 })).toThrow(/CHECK constraint failed/);
    expect(() => insert(m, 'coding', { ...who(), ...base, use_in_memo: -1 })).toThrow(/CHECK constraint failed/);
    expect(() => insert(m, 'coding', { ...who(), ...base, use_in_memo: 1 })).not.toThrow();
    expect(() => m.sqlite.prepare('UPDATE coding SET use_in_memo = 5 WHERE id = ?').run(ids.coding)).toThrow(/CHECK constraint failed/);
  });

  it('keeps the audit trail append-only, group_id included', () => {
    const event = { id: 'e1', at: 't', actor: 'a', action: 'coding.create', entity_type: 'coding', entity_id: 'k1', group_id: 'g1' };
    insert(m, 'event', event);
    insert(m, 'event', { ...event, id: 'e2', group_id: null });
    expect(m.sqlite.prepare('SELECT id, group_id FROM event ORDER BY seq').all()).toEqual([
      { id: 'e1', group_id: 'g1' },
      { id: 'e2', group_id: null },
    ]);
    expect(() => m.sqlite.prepare("UPDATE event SET group_id = 'g2' WHERE id = 'e2'").run()).toThrow(/append-only/);
    expect(() => m.sqlite.prepare("DELETE FROM event WHERE group_id = 'g1'").run()).toThrow(/append-only/);
    expect(n('event')).toBe(2);
  });

  it('upgrades a 0001 file, keeping its codings (not for the memo) and events (no group)', async () => {
    const old = await migratedDatabase('0001_initial');
    try {
      const respondent = who();
      insert(old, 'respondent', { ...respondent, name: 'Hamar kommune', match_status: 'unmatched' });
      const batch = who();
      insert(old, 'import_batch', { ...batch, label: 'import' });
      const response = who();
      insert(old, 'response', { ...response, respondent_id: respondent.id, batch_id: batch.id, locator: 'rad 2' });
      const answer = who();
      insert(old, 'answer', { ...answer, response_id: response.id, ordinal: 1, text: 'Svar' });
      const code = who();
      insert(old, 'code', { ...code, name: 'Kode', colour: '#1E6FA8' });
      const coding = who();
      insert(old, 'coding', { ...coding, answer_id: answer.id, code_id: code.id, start_offset: 0, end_offset: 4 });
      insert(old, 'event', { id: 'old', at: 't', actor: 'a', action: 'coding.create', entity_type: 'coding', entity_id: coding.id });

      const { error } = await new Migrator({ db: old.db, provider: migrationProvider }).migrateTo('0002_coding_workspace');
      expect(error).toBeUndefined();
      expect(old.sqlite.prepare('SELECT id, use_in_memo FROM coding').all()).toEqual([{ id: coding.id, use_in_memo: 0 }]);
      expect(old.sqlite.prepare('SELECT id, group_id FROM event').all()).toEqual([{ id: 'old', group_id: null }]);
      expect(() => old.sqlite.prepare("DELETE FROM event WHERE id = 'old'").run()).toThrow(/append-only/);
    } finally {
      await old.close();
    }
  });
});

describe('0005_assignments', () => {
  let m: MigratedDb;
  beforeEach(async () => {
    m = await migratedDatabase('0005_assignments');
  });
  afterEach(() => m.close());

  function respondent(): string {
    const r = who();
    insert(m, 'respondent', { ...r, name: 'Steigen kommune', match_status: 'unmatched' });
    return r.id;
  }

  it('adds the assignment table with who/when columns', () => {
    expect(columnNames(m.sqlite, 'assignment')).toEqual([...AUTHORED, 'assignee', 'respondent_id'].sort());
  });

  it('allows two caseworkers on one respondent (double coding) but not the same one twice', () => {
    const r = respondent();
    insert(m, 'assignment', { ...who(), respondent_id: r, assignee: 'Kari' });
    insert(m, 'assignment', { ...who(), respondent_id: r, assignee: 'Ola' });
    expect(() => insert(m, 'assignment', { ...who(), respondent_id: r, assignee: 'Kari' })).toThrow(/UNIQUE/);
  });

  it('refuses a blank assignee and an unknown respondent, and cascades from the respondent', () => {
    const r = respondent();
    expect(() => insert(m, 'assignment', { ...who(), respondent_id: r, assignee: '  ' })).toThrow(/CHECK/);
    expect(() => insert(m, 'assignment', { ...who(), respondent_id: 'nobody', assignee: 'Kari' })).toThrow(/FOREIGN KEY/);
    insert(m, 'assignment', { ...who(), respondent_id: r, assignee: 'Kari' });
    m.sqlite.prepare('DELETE FROM respondent WHERE id = ?').run(r);
    expect(m.sqlite.prepare('SELECT count(*) AS n FROM assignment').get()).toEqual({ n: 0 });
  });
});

describe('0006_team_work', () => {
  let m: MigratedDb;
  beforeEach(async () => {
    m = await migratedDatabase('0006_team_work');
  });
  afterEach(() => m.close());

  it('adds the work package, package origin, merge, merged change and conflict tables', () => {
    expect(columnNames(m.sqlite, 'work_package')).toEqual([...AUTHORED, 'assignee', 'base_seq', 'respondents', 'responses', 'file_name'].sort());
    expect(columnNames(m.sqlite, 'package_origin')).toEqual(
      [...AUTHORED, 'master_project_id', 'master_title', 'assignee', 'base_seq', 'local_seq', 'format_version', 'respondents', 'responses'].sort(),
    );
    expect(columnNames(m.sqlite, 'package_merge')).toEqual([...AUTHORED, 'package_id', 'assignee', 'up_to_seq', 'changes', 'applied', 'conflicts', 'report'].sort());
    expect(columnNames(m.sqlite, 'merged_change')).toEqual(['package_id', 'entity_type', 'entity_key', 'theirs', 'actor', 'outcome', 'merge_id', 'merged_at'].sort());
    expect(columnNames(m.sqlite, 'merge_conflict')).toEqual(
      [
        ...AUTHORED,
        'package_id',
        'merge_id',
        'entity_type',
        'entity_id',
        'natural_key',
        'kind',
        'columns',
        'base',
        'ours',
        'theirs',
        'ours_actor',
        'theirs_actor',
        'status',
        'resolution',
        'resolved_at',
        'resolved_by',
      ].sort(),
    );
  });

  it('allows one package origin at most (a working copy comes from one package)', () => {
    const origin = { master_project_id: 'p', master_title: 'T', assignee: 'Kari', base_seq: 3, format_version: 1 };
    insert(m, 'package_origin', { ...who(), ...origin });
    expect(() => insert(m, 'package_origin', { ...who(), ...origin })).toThrow(/UNIQUE/);
  });

  it('keeps one merged version per package and entity', () => {
    const row = { package_id: 'pk', entity_type: 'coding', entity_key: 'k1', theirs: null, actor: 'Kari', outcome: 'applied', merge_id: 'm1', merged_at: 't' };
    insert(m, 'merged_change', row);
    expect(() => insert(m, 'merged_change', row)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert(m, 'merged_change', { ...row, entity_key: 'k2', outcome: 'lost' })).toThrow(/CHECK/);
  });

  it('checks a conflict kind and that only resolved conflicts carry a resolution', () => {
    const conflict = { package_id: 'pk', merge_id: 'm1', entity_type: 'variable_value', entity_id: 'v1', natural_key: 'r|v', kind: 'both_changed' };
    insert(m, 'merge_conflict', { ...who(), ...conflict });
    expect(() => insert(m, 'merge_conflict', { ...who(), ...conflict, kind: 'other' })).toThrow(/CHECK/);
    expect(() => insert(m, 'merge_conflict', { ...who(), ...conflict, resolution: 'ours' })).toThrow(/CHECK/);
    expect(() => insert(m, 'merge_conflict', { ...who(), ...conflict, status: 'resolved' })).toThrow(/CHECK/);
    insert(m, 'merge_conflict', { ...who(), ...conflict, status: 'resolved', resolution: 'theirs', resolved_at: 't', resolved_by: 'Leder' });
    expect(m.sqlite.prepare("SELECT count(*) AS n FROM merge_conflict WHERE status = 'open'").get()).toEqual({ n: 1 });
  });
});

describe('0007_agreement', () => {
  let m: MigratedDb;
  beforeEach(async () => {
    m = await migratedDatabase('0007_agreement');
  });
  afterEach(() => m.close());

  function response(): string {
    const r = who();
    insert(m, 'respondent', { ...r, name: 'Steigen kommune', match_status: 'unmatched' });
    const b = who();
    insert(m, 'import_batch', { ...b, label: 'import' });
    const s = who();
    insert(m, 'response', { ...s, respondent_id: r.id, batch_id: b.id, locator: 'rad 2' });
    return s.id;
  }
  const codeUnit = (responseId: string, extra: Record<string, unknown> = {}) => ({
    ...who(),
    unit_key: `code:${responseId}:q1:k1`,
    kind: 'code',
    response_id: responseId,
    question_id: 'q1',
    code_id: 'k1',
    coders: JSON.stringify(['Kari', 'Ola']),
    decision: 'a',
    ...extra,
  });

  it('adds the resolution table with who/when columns, keyed by unit', () => {
    expect(columnNames(m.sqlite, 'agreement_resolution')).toEqual(
      [...AUTHORED, 'unit_key', 'kind', 'response_id', 'question_id', 'code_id', 'variable_id', 'coders', 'decision', 'value', 'snapshot', 'note'].sort(),
    );
    expect(foreignKeys(m.sqlite, 'agreement_resolution')).toEqual([expect.objectContaining({ from: 'response_id', table: 'response', to: 'id', on_delete: 'CASCADE' })]);
    const r = response();
    insert(m, 'agreement_resolution', codeUnit(r));
    expect(() => insert(m, 'agreement_resolution', codeUnit(r, { decision: 'b' }))).toThrow(/UNIQUE/);
    expect(m.sqlite.prepare('SELECT snapshot, note, value FROM agreement_resolution').get()).toEqual({ snapshot: '[]', note: '', value: null });
  });

  it('checks the kind, the decision that fits it, the coders and the JSON columns', () => {
    const r = response();
    const variable = { ...who(), unit_key: `variable:${r}:v1`, kind: 'variable', response_id: r, variable_id: 'v1', coders: '["Kari","Ola"]', decision: 'value', value: '"ja"' };
    insert(m, 'agreement_resolution', variable);
    expect(() => insert(m, 'agreement_resolution', codeUnit(r, { decision: 'value' }))).toThrow(/CHECK/);
    expect(() => insert(m, 'agreement_resolution', { ...variable, ...who(), unit_key: 'x', decision: 'both' })).toThrow(/CHECK/);
    expect(() => insert(m, 'agreement_resolution', codeUnit(r, { code_id: null }))).toThrow(/CHECK/);
    expect(() => insert(m, 'agreement_resolution', codeUnit(r, { variable_id: 'v1' }))).toThrow(/CHECK/);
    expect(() => insert(m, 'agreement_resolution', codeUnit(r, { kind: 'memo' }))).toThrow(/CHECK/);
    expect(() => insert(m, 'agreement_resolution', codeUnit(r, { coders: '["Kari"]' }))).toThrow(/CHECK/);
    expect(() => insert(m, 'agreement_resolution', codeUnit(r, { coders: 'Kari, Ola' }))).toThrow(/CHECK|JSON/);
    expect(() => insert(m, 'agreement_resolution', { ...variable, ...who(), unit_key: 'y', value: 'ja' })).toThrow(/CHECK/);
    expect(() => insert(m, 'agreement_resolution', codeUnit(r, { response_id: 'nobody', unit_key: 'z' }))).toThrow(/FOREIGN KEY/);
  });

  it('goes with its response', () => {
    const r = response();
    insert(m, 'agreement_resolution', codeUnit(r));
    m.sqlite.prepare('DELETE FROM response WHERE id = ?').run(r);
    expect(m.sqlite.prepare('SELECT count(*) AS n FROM agreement_resolution').get()).toEqual({ n: 0 });
  });
});

describe('0008_refi_exchange', () => {
  let m: MigratedDb;
  beforeEach(async () => {
    m = await migratedDatabase('0008_refi_exchange');
  });
  afterEach(() => m.close());

  function code(): string {
    const c = who();
    insert(m, 'code', { ...c, name: 'Mappe', colour: '#123456' });
    return c.id;
  }

  it('adds a code\'s REFI-QDA attributes beside it, codable unless said otherwise, gone with the code', () => {
    expect(columnNames(m.sqlite, 'refi_code')).toEqual(['code_id', 'invented_colour', 'is_codable']);
    expect(foreignKeys(m.sqlite, 'refi_code')).toEqual([expect.objectContaining({ from: 'code_id', table: 'code', to: 'id', on_delete: 'CASCADE' })]);
    const id = code();
    insert(m, 'refi_code', { code_id: id });
    expect(m.sqlite.prepare('SELECT is_codable, invented_colour FROM refi_code').get()).toEqual({ is_codable: 1, invented_colour: null });
    expect(() => insert(m, 'refi_code', { code_id: code(), is_codable: 2 })).toThrow(/CHECK/);
    expect(() => insert(m, 'refi_code', { code_id: 'nothing' })).toThrow(/FOREIGN KEY/);
    m.sqlite.prepare('DELETE FROM code WHERE id = ?').run(id);
    expect(m.sqlite.prepare('SELECT count(*) AS n FROM refi_code').get()).toEqual({ n: 0 });
  });

  it('adds the coders of imported files, one per name and file, never nameless', () => {
    const user = { name: 'Gergo', file_name: 'a.qdpx', guid: 'g', origin: 'NVivo', imported_at: 't', imported_by: 'Kari' };
    insert(m, 'refi_user', user);
    expect(() => insert(m, 'refi_user', user)).toThrow(/UNIQUE|PRIMARY/);
    insert(m, 'refi_user', { ...user, file_name: 'b.qdpx' });
    expect(() => insert(m, 'refi_user', { ...user, name: ' ', file_name: 'c.qdpx' })).toThrow(/CHECK/);
  });
});

describe('0009_county_council', () => {
  let m: MigratedDb;
  beforeEach(async () => {
    m = await migratedDatabase('0009_county_council');
  });
  afterEach(() => m.close());

  function municipality(): void {
    insert(m, 'police_district', { code: 'p11', name: 'Vest' });
    insert(m, 'municipality', {
      number: '4601',
      name: 'Bergen',
      official_name: 'Bergen',
      county_number: '46',
      county_name: 'Vestland',
      police_district_code: 'p11',
      population: 291940,
      admin_centre: 'Bergen',
      language_form: 'nøytral',
    });
  }

  it('adds the county council flag, 0 unless said otherwise', () => {
    expect(columnNames(m.sqlite, 'respondent')).toContain('county_council');
    insert(m, 'respondent', { ...who(), name: 'Steigen kommune', match_status: 'unmatched' });
    insert(m, 'respondent', { ...who(), name: 'Vestland fylkeskommune', match_status: 'unmatched', county_council: 1 });
    expect(m.sqlite.prepare('SELECT name, county_council FROM respondent ORDER BY name').all()).toEqual([
      { name: 'Steigen kommune', county_council: 0 },
      { name: 'Vestland fylkeskommune', county_council: 1 },
    ]);
  });

  it('refuses other values and a county council matched to a municipality', () => {
    municipality();
    expect(() => insert(m, 'respondent', { ...who(), name: 'X', match_status: 'unmatched', county_council: 2 })).toThrow(/CHECK/);
    expect(() =>
      insert(m, 'respondent', { ...who(), name: 'Vestland fylkeskommune', municipality_number: '4601', match_status: 'matched', county_council: 1 }),
    ).toThrow(/CHECK/);
    insert(m, 'respondent', { ...who(), name: 'Bergen kommune', municipality_number: '4601', match_status: 'matched' });
    expect(m.sqlite.prepare('SELECT count(*) AS n FROM respondent').get()).toEqual({ n: 1 });
  });
});

describe('0010_code_groups', () => {
  let m: MigratedDb;
  beforeEach(async () => {
    m = await migratedDatabase('0010_code_groups');
  });
  afterEach(() => m.close());

  function code(name: string): string {
    const c = who();
    insert(m, 'code', { ...c, name, colour: '#123456' });
    return c.id;
  }
  const group = { id: 'eca18d76-2b8b-4f26-bc1d-19eca19fb3f0', name: 'code group 1', created_at: 't', created_by: 'Kari' };

  it('adds named code groups, never nameless, with members that go with their code or group', () => {
    expect(columnNames(m.sqlite, 'code_group')).toEqual(['created_at', 'created_by', 'description', 'id', 'name']);
    insert(m, 'code_group', group);
    expect(m.sqlite.prepare('SELECT description FROM code_group').get()).toEqual({ description: '' });
    expect(() => insert(m, 'code_group', { ...group, id: 'x', name: ' ' })).toThrow(/CHECK/);
    const a = code('A');
    const b = code('B');
    insert(m, 'code_group_member', { group_id: group.id, code_id: a });
    insert(m, 'code_group_member', { group_id: group.id, code_id: b });
    expect(() => insert(m, 'code_group_member', { group_id: group.id, code_id: a })).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert(m, 'code_group_member', { group_id: group.id, code_id: 'nothing' })).toThrow(/FOREIGN KEY/);
    m.sqlite.prepare('DELETE FROM code WHERE id = ?').run(a);
    expect(m.sqlite.prepare('SELECT code_id FROM code_group_member').all()).toEqual([{ code_id: b }]);
    m.sqlite.prepare('DELETE FROM code_group').run();
    expect(m.sqlite.prepare('SELECT count(*) AS n FROM code_group_member').get()).toEqual({ n: 0 });
  });
});

describe('0014_ocr_reading', () => {
  let m: MigratedDb;
  beforeEach(async () => {
    m = await migratedDatabase('0014_ocr_reading');
  });
  afterEach(() => m.close());

  it('adds the OCR confidence and reading to responses, null for every response not read with OCR', () => {
    expect(columnNames(m.sqlite, 'response')).toEqual(expect.arrayContaining(['ocr_confidence', 'ocr_reading']));
    const respondent = who();
    insert(m, 'respondent', { ...respondent, name: 'Bodø kommune', match_status: 'unmatched' });
    const batch = who();
    insert(m, 'import_batch', { ...batch, label: 'b', report: '{}' });
    const base = { respondent_id: respondent.id, batch_id: batch.id, locator: '1 side', received_date: null };
    insert(m, 'response', { ...who(), ...base });
    insert(m, 'response', { ...who(), ...base, ocr_confidence: 87, ocr_reading: '{"pages":1,"lowWords":0,"review":[],"text":"x"}' });
    expect(m.sqlite.prepare('SELECT ocr_confidence FROM response ORDER BY ocr_confidence').all()).toEqual([{ ocr_confidence: null }, { ocr_confidence: 87 }]);
    expect(() => insert(m, 'response', { ...who(), ...base, ocr_confidence: 101 })).toThrow(/CHECK/);
    expect(() => insert(m, 'response', { ...who(), ...base, ocr_confidence: 50, ocr_reading: 'not json' })).toThrow(/CHECK/);
    expect(() => insert(m, 'response', { ...who(), ...base, ocr_reading: '{}' })).toThrow(/CHECK/);
  });
});

describe(`latest schema (${latestSchemaVersion})`, () => {
  // Every column the typed schema in schema.ts declares, and no others:
  // `satisfies` makes the compiler reject a missing or unknown column here.
  const authored = { id: 1, created_at: 1, created_by: 1, updated_at: 1, updated_by: 1 } as const;
  const expected = {
    project: { ...authored, title: 1, case_number: 1, deadline: 1, issuer: 1, source_url: 1, template_id: 1, register_name: 1, register_version: 1, register_source: 1, register_licence: 1 },
    police_district: { code: 1, name: 1 },
    municipality: { number: 1, name: 1, official_name: 1, parallel_names: 1, county_number: 1, county_name: 1, police_district_code: 1, population: 1, admin_centre: 1, language_form: 1, number_2024: 1 },
    question: { ...authored, ordinal: 1, short_label: 1, text: 1 },
    question_option: { ...authored, question_id: 1, ordinal: 1, label: 1 },
    respondent: { ...authored, name: 1, municipality_number: 1, match_status: 1, match_candidates: 1, county_council: 1 },
    import_batch: { ...authored, label: 1, report: 1 },
    source_file: { ...authored, batch_id: 1, name: 1, sha256: 1, size_bytes: 1, media_type: 1, content: 1, email: 1 },
    mapping_preset: { ...authored, name: 1, preset: 1 },
    response: { ...authored, respondent_id: 1, batch_id: 1, source_file_id: 1, locator: 1, received_date: 1, is_current: 1, needs_splitting: 1, status: 1, ocr_confidence: 1, ocr_reading: 1 },
    answer: { ...authored, response_id: 1, question_id: 1, ordinal: 1, text: 1 },
    code: { ...authored, parent_id: 1, name: 1, description: 1, colour: 1, question_id: 1, shortcut: 1, sort_order: 1 },
    coding: { ...authored, answer_id: 1, code_id: 1, start_offset: 1, end_offset: 1, use_in_memo: 1 },
    finding_report: { ...authored, report_key: 1, title: 1, publisher: 1, published: 1, url: 1, verified: 1, notes: 1 },
    finding: { ...authored, report_id: 1, statement: 1, reference: 1, theme: 1, verified: 1 },
    finding_link: { ...authored, finding_id: 1, answer_id: 1, coding_id: 1, relation: 1, comment: 1 },
    event: { seq: 1, id: 1, at: 1, actor: 1, action: 1, entity_type: 1, entity_id: 1, before: 1, after: 1, group_id: 1 },
    variable: { ...authored, key: 1, label: 1, question_id: 1, kind: 1, options: 1, shortcut: 1, sort_order: 1 },
    variable_value: { ...authored, response_id: 1, variable_id: 1, value: 1, evidence_answer_id: 1, evidence_start: 1, evidence_end: 1 },
    memo: { ...authored, target_type: 1, target_id: 1, text: 1 },
    answer_search: { docid: 1, answer_id: 1, response_id: 1, question_id: 1, ordinal: 1 },
    answer_fts: { words: 1, stems: 1 },
    assignment: { ...authored, respondent_id: 1, assignee: 1 },
    work_package: { ...authored, assignee: 1, base_seq: 1, respondents: 1, responses: 1, file_name: 1 },
    package_origin: { ...authored, master_project_id: 1, master_title: 1, assignee: 1, base_seq: 1, local_seq: 1, format_version: 1, respondents: 1, responses: 1 },
    package_merge: { ...authored, package_id: 1, assignee: 1, up_to_seq: 1, changes: 1, applied: 1, conflicts: 1, report: 1 },
    merged_change: { package_id: 1, entity_type: 1, entity_key: 1, theirs: 1, actor: 1, outcome: 1, merge_id: 1, merged_at: 1 },
    merge_conflict: {
      ...authored,
      package_id: 1,
      merge_id: 1,
      entity_type: 1,
      entity_id: 1,
      natural_key: 1,
      kind: 1,
      columns: 1,
      base: 1,
      ours: 1,
      theirs: 1,
      ours_actor: 1,
      theirs_actor: 1,
      status: 1,
      resolution: 1,
      resolved_at: 1,
      resolved_by: 1,
    },
    agreement_resolution: {
      ...authored,
      unit_key: 1,
      kind: 1,
      response_id: 1,
      question_id: 1,
      code_id: 1,
      variable_id: 1,
      coders: 1,
      decision: 1,
      value: 1,
      snapshot: 1,
      note: 1,
    },
    refi_code: { code_id: 1, is_codable: 1, invented_colour: 1 },
    refi_user: { name: 1, file_name: 1, guid: 1, origin: 1, imported_at: 1, imported_by: 1 },
    code_group: { id: 1, name: 1, description: 1, created_at: 1, created_by: 1 },
    code_group_member: { group_id: 1, code_id: 1 },
    personal_scan: { answer_id: 1, findings: 1 },
    personal_span: { answer_id: 1, kind: 1, start_offset: 1, end_offset: 1 },
    erasure: { id: 1, at: 1, actor: 1, response_id: 1, respondent_id: 1, up_to_seq: 1, summary: 1 },
    erased_entity: { erasure_id: 1, entity_type: 1, entity_id: 1 },
  } satisfies { [T in keyof DB]: Record<keyof DB[T], 1> };

  it('has exactly the tables and columns schema.ts declares', async () => {
    const m = await migratedDatabase();
    try {
      // FTS5 keeps its index in shadow tables of its own (answer_fts_data, …).
      expect(tableNames(m.sqlite).filter((t) => !t.startsWith('answer_fts_'))).toEqual(Object.keys(expected).sort());
      for (const [table, columns] of Object.entries(expected)) {
        expect(columnNames(m.sqlite, table), table).toEqual(Object.keys(columns).sort());
      }
    } finally {
      await m.close();
    }
  });
});
