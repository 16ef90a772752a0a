// The typed shape of a project file, as kysely sees it. Every table that
// caseworkers write to has a globally unique text id (UUIDv7) and who/when
// columns, so copies of one project made on several laptops can be merged.
import type { ColumnType, Generated } from 'kysely';
import type { MatchStatus, ResponseStatus } from '../../../src-shared/domain';

export type { MatchStatus, ResponseStatus };

/** Columns on every entity a caseworker creates or changes. */
export interface Authored {
  id: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface ProjectTable extends Authored {
  title: string;
  case_number: string | null;
  deadline: string | null;
  issuer: string | null;
  source_url: string | null;
  template_id: string;
  register_name: string;
  register_version: string;
  register_source: string;
  register_licence: string;
}

export interface PoliceDistrictTable {
  code: string;
  name: string;
}

export interface MunicipalityTable {
  number: string;
  name: string;
  official_name: string;
  /** JSON array of Sami/Kven parallel names, used to recognise respondents. */
  parallel_names: string;
  county_number: string;
  county_name: string;
  police_district_code: string;
  population: number;
  admin_centre: string;
  language_form: string;
  number_2024: string | null;
}

export interface QuestionTable extends Authored {
  ordinal: number;
  short_label: string;
  text: string;
}

export interface QuestionOptionTable extends Authored {
  question_id: string;
  ordinal: number;
  label: string;
}


export interface RespondentTable extends Authored {
  name: string;
  municipality_number: string | null;
  match_status: MatchStatus;
  /** JSON array of candidate municipality numbers when ambiguous. */
  match_candidates: string;
}

export interface ImportBatchTable extends Authored {
  label: string;
  /** JSON: the import report (counts, warnings, rejected files). */
  report: string;
}

export interface SourceFileTable extends Authored {
  batch_id: string;
  name: string;
  sha256: string;
  size_bytes: number;
  media_type: string;
  content: Buffer;
}

export interface MappingPresetTable extends Authored {
  name: string;
  /** JSON: a MappingPreset (src-shared/imports). */
  preset: string;
}


export interface ResponseTable extends Authored {
  respondent_id: string;
  batch_id: string;
  source_file_id: string | null;
  /** Where in the source the response came from: sheet and row, or page. */
  locator: string;
  received_date: string | null;
  is_current: ColumnType<number, number | undefined, number>;
  needs_splitting: ColumnType<number, number | undefined, number>;
  status: ColumnType<ResponseStatus, ResponseStatus | undefined, ResponseStatus>;
}

export interface AnswerTable extends Authored {
  response_id: string;
  /** Null for text not (yet) assigned to a question. */
  question_id: string | null;
  ordinal: number;
  text: string;
}

export interface CodeTable extends Authored {
  parent_id: string | null;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  colour: string;
  question_id: string | null;
  shortcut: string | null;
  sort_order: ColumnType<number, number | undefined, number>;
}

export interface CodingTable extends Authored {
  answer_id: string;
  code_id: string;
  start_offset: number;
  end_offset: number;
  /** The caseworker chose this quote for the briefing memo. */
  use_in_memo: ColumnType<number, number | undefined, number>;
}

export type VariableKind = 'single' | 'multi' | 'text';

export interface VariableTable extends Authored {
  /** Stable key, e.g. "q5_wants_station". */
  key: string;
  label: string;
  question_id: string | null;
  kind: VariableKind;
  /** JSON array of { value, label } for single/multi. */
  options: string;
  shortcut: string | null;
  sort_order: number;
}

export interface VariableValueTable extends Authored {
  response_id: string;
  variable_id: string;
  /** JSON: a string (single/text) or an array of strings (multi). */
  value: string;
  evidence_answer_id: string | null;
  evidence_start: number | null;
  evidence_end: number | null;
}

export type MemoTarget = 'project' | 'response' | 'answer' | 'code';

export interface MemoTable extends Authored {
  target_type: MemoTarget;
  target_id: string | null;
  text: string;
}

export interface FindingReportTable extends Authored {
  report_key: string;
  title: string;
  publisher: string;
  published: string | null;
  url: string | null;
  /** The report's identity and title are confirmed (not inferred). */
  verified: ColumnType<number, number | undefined, number>;
  notes: ColumnType<string, string | undefined, string>;
}

export interface FindingTable extends Authored {
  report_id: string | null;
  statement: string;
  reference: string | null;
  theme: string | null;
  verified: ColumnType<number, number | undefined, number>;
}

export type FindingRelation = 'stotter' | 'motsier' | 'nyanserer' | 'nytt_forhold';

export interface FindingLinkTable extends Authored {
  finding_id: string;
  answer_id: string;
  coding_id: string | null;
  relation: FindingRelation;
  comment: string | null;
}

/** Full-text search (migration 0004): the index's integer docid of each answer, and where the answer stands. */
export interface AnswerSearchTable {
  docid: Generated<number>;
  answer_id: string;
  /** Copies of the answer's columns, kept by triggers. */
  response_id: string;
  question_id: string | null;
  ordinal: number;
}

/**
 * The FTS5 index itself (contentless: its columns read back as null). Written
 * only by the answer triggers and src-main/core/search/indexer.ts; queried with
 * MATCH in src-main/core/search.
 */
export interface AnswerFtsTable {
  words: string | null;
  stems: string | null;
}

/** Migration 0005: a respondent assigned to a caseworker (two rows: double-coded). */
export interface AssignmentTable extends Authored {
  respondent_id: string;
  assignee: string;
}

/** Append-only audit trail: who did what, when, with before/after images. */
export interface EventTable {
  seq: Generated<number>;
  id: string;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  /** Events written by one user action share a group; undo works on groups. */
  group_id: string | null;
}

export interface DB {
  project: ProjectTable;
  police_district: PoliceDistrictTable;
  municipality: MunicipalityTable;
  question: QuestionTable;
  question_option: QuestionOptionTable;
  respondent: RespondentTable;
  import_batch: ImportBatchTable;
  source_file: SourceFileTable;
  mapping_preset: MappingPresetTable;
  response: ResponseTable;
  answer: AnswerTable;
  assignment: AssignmentTable;
  code: CodeTable;
  coding: CodingTable;
  finding_report: FindingReportTable;
  finding: FindingTable;
  finding_link: FindingLinkTable;
  variable: VariableTable;
  variable_value: VariableValueTable;
  memo: MemoTable;
  event: EventTable;
  answer_search: AnswerSearchTable;
  answer_fts: AnswerFtsTable;
}
