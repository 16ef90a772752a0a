// The typed shape of a project file, as kysely sees it. Every table that
// caseworkers write to has a globally unique text id (UUIDv7) and who/when
// columns, so copies of one project made on several laptops can be merged.
import type { ColumnType, Generated } from 'kysely';
import type { MatchStatus, ResponseStatus, TemplateId } from '../../../src-shared/domain';
import type { PersonalKind } from '../../../src-shared/personal';
import type { ConflictKind } from '../../../src-shared/team';

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
  template_id: TemplateId;
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
  /** Migration 0009: 1 for a county council (fylkeskommune), never matched to a municipality. */
  county_council: Generated<number>;
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
  /** Migration 0013: JSON EmailReport for an e-mail (.eml/.msg), else null. */
  email: string | null;
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
  /** Mean OCR word confidence 0–100; null unless the text was read with OCR. */
  ocr_confidence: ColumnType<number | null, number | null | undefined, number | null>;
  /** JSON OcrReading (src-shared/domain.ts) when read with OCR. */
  ocr_reading: ColumnType<string | null, string | null | undefined, string | null>;
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

/** Migration 0006 (team work): a work package the master exported; base_seq is the audit trail's position it was cut at. */
export interface WorkPackageTable extends Authored {
  assignee: string;
  base_seq: number;
  respondents: number;
  responses: number;
  file_name: string;
}

/** Migration 0006: in a working copy, the package it was made from (one row; its presence makes the project a working copy). */
export interface PackageOriginTable extends Authored {
  master_project_id: string;
  master_title: string;
  assignee: string;
  /** The master's audit trail position at export. */
  base_seq: number;
  /** This copy's own audit trail position when it was made: its changes are the events after it. */
  local_seq: number;
  format_version: number;
  respondents: number;
  responses: number;
}

/** Migration 0006: a return package merged into the master (id: the return's id). */
export interface PackageMergeTable extends Authored {
  package_id: string;
  assignee: string;
  /** The working copy's audit trail position the return went up to. */
  up_to_seq: number;
  changes: number;
  applied: number;
  conflicts: number;
  /** JSON: the MergeReport. */
  report: string;
}

export type MergeOutcome = 'applied' | 'unchanged' | 'duplicate' | 'conflict';

/** Migration 0006: the last version of an entity merged from a package (entity_key: id or natural key). */
export interface MergedChangeTable {
  package_id: string;
  entity_type: string;
  entity_key: string;
  /** JSON row image as the colleague left it (null: deleted). */
  theirs: string | null;
  actor: string;
  outcome: MergeOutcome;
  merge_id: string;
  merged_at: string;
}

/** Migration 0006: a merged change that collided with the master, kept for the lead to decide. */
export interface MergeConflictTable extends Authored {
  package_id: string;
  merge_id: string;
  entity_type: string;
  entity_id: string;
  /** E.g. "responseId|variableId" for a variable value; null for entities matched by id. */
  natural_key: string | null;
  kind: ConflictKind;
  /** JSON array of the columns both sides changed differently. */
  columns: string;
  /** JSON row images (null: absent). */
  base: string | null;
  ours: string | null;
  theirs: string | null;
  ours_actor: string | null;
  theirs_actor: string | null;
  status: 'open' | 'resolved';
  resolution: 'ours' | 'theirs' | null;
  resolved_at: string | null;
  resolved_by: string | null;
}

export type ResolutionKind = 'code' | 'variable';
export type ResolutionDecisionColumn = 'a' | 'b' | 'both' | 'neither' | 'value';

/** Migration 0007: the lead's resolution of one unit on which double coders disagreed (src-main/core/agreement). */
export interface AgreementResolutionTable extends Authored {
  /** "code:<response>:<question or ->:<code>" or "variable:<response>:<variable>" (unique). */
  unit_key: string;
  kind: ResolutionKind;
  response_id: string;
  question_id: string | null;
  code_id: string | null;
  variable_id: string | null;
  /** JSON array of the coders compared: 'a' is the first, 'b' the second. */
  coders: string;
  decision: ResolutionDecisionColumn;
  /** JSON: the variable value that stands (null: none, or a code unit). */
  value: string | null;
  /** JSON: each side as it stood when decided (codings or value per coder). */
  snapshot: ColumnType<string, string | undefined, string>;
  note: ColumnType<string, string | undefined, string>;
}

/** Migration 0008: a code's REFI-QDA attributes Innspill's codebook has no place for (src-main/core/refi). */
export interface RefiCodeTable {
  code_id: string;
  /** 0: isCodable="false" in the file it came from (a folder of codes). */
  is_codable: ColumnType<number, number | undefined, number>;
  /** The colour Innspill gave a code the file gave none; an export leaves it out while the code still has it. */
  invented_colour: string | null;
}

/** Migration 0009: a named group of codes (a REFI-QDA <Set>); its id is the set's guid. */
export interface CodeGroupTable {
  id: string;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  created_at: string;
  created_by: string;
}

/** Migration 0009: a code in a code group. */
export interface CodeGroupMemberTable {
  group_id: string;
  code_id: string;
}

/** Migration 0008: a coder another program named in an imported REFI-QDA file. */
export interface RefiUserTable {
  name: string;
  file_name: string;
  guid: string;
  origin: string | null;
  imported_at: string;
  imported_by: string;
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

/** Personal-data cache (migration 0011): the answers the detector has read, and how many findings each has. */
export interface PersonalScanTable {
  answer_id: string;
  findings: number;
}

/** One finding of personal data in an answer: its kind and where it is (never the text). */
export interface PersonalSpanTable {
  answer_id: string;
  kind: PersonalKind;
  start_offset: number;
  end_offset: number;
}

/** One erasure on request (migration 0012): what was erased, when and by whom; never the content. */
export interface ErasureTable {
  id: string;
  at: string;
  actor: string;
  response_id: string;
  respondent_id: string | null;
  up_to_seq: number;
  summary: string;
}

/** Each row an erasure removed; the audit trail's trigger lets only their events' images be scrubbed. */
export interface ErasedEntityTable {
  erasure_id: string;
  entity_type: string;
  entity_id: string;
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
  work_package: WorkPackageTable;
  package_origin: PackageOriginTable;
  package_merge: PackageMergeTable;
  merged_change: MergedChangeTable;
  merge_conflict: MergeConflictTable;
  agreement_resolution: AgreementResolutionTable;
  refi_code: RefiCodeTable;
  refi_user: RefiUserTable;
  code_group: CodeGroupTable;
  code_group_member: CodeGroupMemberTable;
  event: EventTable;
  answer_search: AnswerSearchTable;
  answer_fts: AnswerFtsTable;
  personal_scan: PersonalScanTable;
  personal_span: PersonalSpanTable;
  erasure: ErasureTable;
  erased_entity: ErasedEntityTable;
}
