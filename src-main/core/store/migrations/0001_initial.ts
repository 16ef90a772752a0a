// First schema: project metadata, questions, the municipality register
// snapshot, respondents, import batches and source files, responses and
// answers, the codebook and codings, the findings register and its links, and
// the append-only audit trail.
import { sql, type Kysely } from 'kysely';

const authored = `
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL`;

const statements = [
  `CREATE TABLE project (${authored},
    title TEXT NOT NULL,
    case_number TEXT,
    deadline TEXT,
    issuer TEXT,
    source_url TEXT,
    template_id TEXT NOT NULL,
    register_name TEXT NOT NULL,
    register_version TEXT NOT NULL,
    register_source TEXT NOT NULL,
    register_licence TEXT NOT NULL)`,

  `CREATE TABLE police_district (
    code TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL)`,

  `CREATE TABLE municipality (
    number TEXT PRIMARY KEY NOT NULL CHECK (length(number) = 4),
    name TEXT NOT NULL,
    official_name TEXT NOT NULL,
    parallel_names TEXT NOT NULL DEFAULT '[]',
    county_number TEXT NOT NULL,
    county_name TEXT NOT NULL,
    police_district_code TEXT NOT NULL REFERENCES police_district(code),
    population INTEGER NOT NULL CHECK (population >= 0),
    admin_centre TEXT NOT NULL,
    language_form TEXT NOT NULL,
    number_2024 TEXT)`,
  `CREATE INDEX municipality_district ON municipality(police_district_code)`,

  `CREATE TABLE question (${authored},
    ordinal INTEGER NOT NULL UNIQUE CHECK (ordinal >= 1),
    short_label TEXT NOT NULL,
    text TEXT NOT NULL)`,

  `CREATE TABLE question_option (${authored},
    question_id TEXT NOT NULL REFERENCES question(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    label TEXT NOT NULL,
    UNIQUE (question_id, ordinal))`,

  `CREATE TABLE respondent (${authored},
    name TEXT NOT NULL,
    municipality_number TEXT REFERENCES municipality(number),
    match_status TEXT NOT NULL CHECK (match_status IN ('matched', 'unmatched', 'ambiguous')),
    match_candidates TEXT NOT NULL DEFAULT '[]',
    CHECK ((match_status = 'matched') = (municipality_number IS NOT NULL)))`,
  `CREATE INDEX respondent_municipality ON respondent(municipality_number)`,

  `CREATE TABLE import_batch (${authored},
    label TEXT NOT NULL,
    report TEXT NOT NULL DEFAULT '{}')`,

  `CREATE TABLE source_file (${authored},
    batch_id TEXT NOT NULL REFERENCES import_batch(id),
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    size_bytes INTEGER NOT NULL,
    media_type TEXT NOT NULL,
    content BLOB NOT NULL)`,

  `CREATE TABLE mapping_preset (${authored},
    name TEXT NOT NULL UNIQUE,
    preset TEXT NOT NULL)`,

  `CREATE TABLE response (${authored},
    respondent_id TEXT NOT NULL REFERENCES respondent(id),
    batch_id TEXT NOT NULL REFERENCES import_batch(id),
    source_file_id TEXT REFERENCES source_file(id),
    locator TEXT NOT NULL,
    received_date TEXT,
    is_current INTEGER NOT NULL DEFAULT 1 CHECK (is_current IN (0, 1)),
    needs_splitting INTEGER NOT NULL DEFAULT 0 CHECK (needs_splitting IN (0, 1)),
    status TEXT NOT NULL DEFAULT 'ikke_startet'
      CHECK (status IN ('ikke_startet', 'under_arbeid', 'ferdig', 'kvalitetssikret')))`,
  `CREATE INDEX response_respondent ON response(respondent_id)`,
  `CREATE INDEX response_current ON response(is_current)`,

  `CREATE TABLE answer (${authored},
    response_id TEXT NOT NULL REFERENCES response(id) ON DELETE CASCADE,
    question_id TEXT REFERENCES question(id),
    ordinal INTEGER NOT NULL,
    text TEXT NOT NULL)`,
  `CREATE INDEX answer_response ON answer(response_id)`,
  `CREATE INDEX answer_question ON answer(question_id)`,

  `CREATE TABLE code (${authored},
    parent_id TEXT REFERENCES code(id),
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    colour TEXT NOT NULL,
    question_id TEXT REFERENCES question(id),
    shortcut TEXT,
    sort_order INTEGER NOT NULL DEFAULT 0)`,

  `CREATE TABLE coding (${authored},
    answer_id TEXT NOT NULL REFERENCES answer(id),
    code_id TEXT NOT NULL REFERENCES code(id),
    start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
    end_offset INTEGER NOT NULL,
    CHECK (end_offset > start_offset))`,
  `CREATE INDEX coding_answer ON coding(answer_id)`,
  `CREATE INDEX coding_code ON coding(code_id)`,

  `CREATE TABLE finding_report (${authored},
    report_key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    publisher TEXT NOT NULL,
    published TEXT,
    url TEXT)`,

  `CREATE TABLE finding (${authored},
    report_id TEXT REFERENCES finding_report(id),
    statement TEXT NOT NULL,
    reference TEXT,
    theme TEXT,
    verified INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)))`,

  `CREATE TABLE finding_link (${authored},
    finding_id TEXT NOT NULL REFERENCES finding(id),
    answer_id TEXT NOT NULL REFERENCES answer(id),
    coding_id TEXT REFERENCES coding(id),
    relation TEXT NOT NULL CHECK (relation IN ('stotter', 'motsier', 'nyanserer', 'nytt_forhold')),
    comment TEXT)`,
  `CREATE INDEX finding_link_finding ON finding_link(finding_id)`,

  `CREATE TABLE event (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT,
    before TEXT,
    after TEXT)`,
  `CREATE INDEX event_entity ON event(entity_type, entity_id)`,
  // The trail is append-only: the database itself refuses edits and deletions.
  `CREATE TRIGGER event_no_update BEFORE UPDATE ON event
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END`,
  `CREATE TRIGGER event_no_delete BEFORE DELETE ON event
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
