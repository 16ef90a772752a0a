// Migration 0013_email_provenance: an imported e-mail's facts beside its stored
// file, as valid JSON or nothing; files stored before it keep null.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { columnNames, migratedDatabase, type MigratedDb } from '../../../../helpers/sqlite';

const authored = (id: string) => ({ id, created_at: 't', created_by: 'a', updated_at: 't', updated_by: 'a' });

function insertFile(m: MigratedDb, id: string, email?: string | null): void {
  const row: Record<string, unknown> = { ...authored(id), batch_id: 'b', name: `${id}.eml`, sha256: id, size_bytes: 1, media_type: 'message/rfc822', content: Buffer.from('x') };
  if (email !== undefined) row.email = email;
  const cols = Object.keys(row);
  m.sqlite.prepare(`INSERT INTO source_file (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(row);
}

describe('0013_email_provenance', () => {
  let m: MigratedDb;
  beforeEach(async () => {
    m = await migratedDatabase('0013_email_provenance');
    m.sqlite.prepare(`INSERT INTO import_batch (id, created_at, created_by, updated_at, updated_by, label) VALUES ('b', 't', 'a', 't', 'a', 'import')`).run();
  });
  afterEach(() => m.close());

  it('adds source_file.email, null unless set', () => {
    expect(columnNames(m.sqlite, 'source_file')).toContain('email');
    insertFile(m, 'f1');
    expect(m.sqlite.prepare(`SELECT email FROM source_file WHERE id = 'f1'`).pluck().get()).toBeNull();
  });

  it('holds JSON and refuses anything else', () => {
    insertFile(m, 'f2', JSON.stringify({ format: 'eml', messageId: '<a@b>', letter: 'svar.pdf' }));
    expect(JSON.parse(m.sqlite.prepare(`SELECT email FROM source_file WHERE id = 'f2'`).pluck().get() as string)).toMatchObject({ messageId: '<a@b>' });
    expect(() => insertFile(m, 'f3', 'ikke json')).toThrow(/CHECK/);
  });
});
