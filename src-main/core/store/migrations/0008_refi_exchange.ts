// What REFI-QDA exchange must carry that Innspill's own codebook has no place
// for: whether a code may be coded (isCodable="false": a folder in NVivo) and
// the colour Innspill invented for a code the file gave none (so an export
// leaves it out again, unless a caseworker has since chosen one), and the
// coders other programs name (<Users>), marked with the file they came from.
// Kept beside `code` rather than in it: the codebook itself stays as it was.
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE refi_code (
    code_id TEXT PRIMARY KEY NOT NULL REFERENCES code(id) ON DELETE CASCADE,
    is_codable INTEGER NOT NULL DEFAULT 1 CHECK (is_codable IN (0, 1)),
    invented_colour TEXT
  )`,
  `CREATE TABLE refi_user (
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    file_name TEXT NOT NULL,
    guid TEXT NOT NULL,
    origin TEXT,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL,
    PRIMARY KEY (name, file_name)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
