// An imported e-mail's provenance: the stored file is the whole message
// (.eml/.msg, its attachments inside), and this column records what was read
// from it — sender, date, subject, Message-ID, which attachment is the letter
// and the attachments kept with it — as JSON (EmailReport, src-shared/imports).
// Null for every other kind of file.
import { sql, type Kysely } from 'kysely';

const statements = [`ALTER TABLE source_file ADD COLUMN email TEXT CHECK (email IS NULL OR json_valid(email))`];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
