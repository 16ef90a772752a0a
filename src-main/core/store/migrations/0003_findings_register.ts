// The evaluation findings register: whether a report's identity is verified
// and notes on it, and one link per finding and coded span (or whole answer).
import { sql, type Kysely } from 'kysely';

const statements = [
  `ALTER TABLE finding_report ADD COLUMN verified INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1))`,
  `ALTER TABLE finding_report ADD COLUMN notes TEXT NOT NULL DEFAULT ''`,
  `CREATE INDEX finding_report_of ON finding(report_id)`,
  `CREATE INDEX finding_link_answer ON finding_link(answer_id)`,
  `CREATE UNIQUE INDEX finding_link_unique ON finding_link(finding_id, answer_id, coalesce(coding_id, ''))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
