// County councils (fylkeskommuner) as their own kind of respondent: a letter
// from «Vestland fylkeskommune» is neither a municipality nor just «annen
// innsender». The flag sits beside match_status (which stays 'unmatched' for
// a county council), so every municipality count — which counts matched
// municipalities only — leaves county councils out without change, and a
// county council can never be matched to a municipality.
import { sql, type Kysely } from 'kysely';

const statements = [
  `ALTER TABLE respondent ADD COLUMN county_council INTEGER NOT NULL DEFAULT 0
    CHECK (county_council IN (0, 1) AND (county_council = 0 OR municipality_number IS NULL))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
