// Team work offline (issue 8): the lead assigns respondents to caseworkers,
// exports a work package per caseworker, the caseworker codes in a working
// copy on their own laptop and exports a return package, and the lead merges
// it into the master project. Changes that collide are listed as conflicts
// for the lead to decide, side by side; nothing wins silently.
import { z } from 'zod';

/** A work package: a single file the colleague opens as a working copy. */
export const WORK_PACKAGE_EXTENSION = '.innspillpakke';
/** A return package: what a working copy changed since its base. */
export const RETURN_PACKAGE_EXTENSION = '.innspillretur';

const id = z.string().min(1).max(64);
const filePath = z.string().trim().min(1, 'Mangler filsti').max(4096);
/** The response list's assignee filter value for "assigned to no one" (never a caseworker's name). */
export const UNASSIGNED = 'none';

export const assigneeSchema = z.string().trim().min(1, 'Mangler navn').max(120);

/** Who gets which respondents: by hand, by police district (p01–p12) or by county (two digits). */
export const assignSelectionSchema = z
  .object({
    respondentIds: z.array(id).max(10_000).optional(),
    policeDistrictCodes: z.array(z.string().regex(/^p\d{2}$/)).max(50).optional(),
    countyNumbers: z.array(z.string().regex(/^\d{2}$/)).max(50).optional(),
  })
  .strict();

export const assignInputSchema = assignSelectionSchema
  .extend({
    assignee: assigneeSchema,
    /**
     * Move: the selected respondents leave any other caseworker. Without it a
     * respondent already assigned to someone else gets a second caseworker
     * (double-coded, the agreement report's sample).
     */
    exclusive: z.boolean().optional(),
  })
  .strict()
  .refine((v) => (v.respondentIds?.length ?? 0) + (v.policeDistrictCodes?.length ?? 0) + (v.countyNumbers?.length ?? 0) > 0, {
    message: 'Choose respondents, police districts or counties',
    path: ['respondentIds'],
  });
export type AssignInput = z.infer<typeof assignInputSchema>;

export const unassignInputSchema = assignSelectionSchema
  .extend({
    assignee: assigneeSchema,
    /** Every respondent of this caseworker. */
    all: z.boolean().optional(),
  })
  .strict()
  .refine((v) => v.all || (v.respondentIds?.length ?? 0) + (v.policeDistrictCodes?.length ?? 0) + (v.countyNumbers?.length ?? 0) > 0, {
    message: 'Choose respondents, police districts, counties or all',
    path: ['respondentIds'],
  });
export type UnassignInput = z.infer<typeof unassignInputSchema>;

export interface AssignResult {
  /** Respondents the selection matched. */
  respondents: number;
  /** New assignment rows. */
  assigned: number;
  /** Already assigned to this caseworker. */
  unchanged: number;
  /** Assignments to other caseworkers removed (exclusive). */
  moved: number;
}

/** One respondent with its caseworkers (two or more: double-coded). */
export interface AssignedRespondent {
  respondentId: string;
  name: string;
  municipalityNumber: string | null;
  municipalityName: string | null;
  countyNumber: string | null;
  policeDistrictCode: string | null;
  /** Its current response, if any. */
  responseId: string | null;
  status: string | null;
  assignees: string[];
}

export interface AssigneeSummary {
  assignee: string;
  respondents: number;
  /** Current responses of those respondents. */
  responses: number;
  /** Of those, with status ferdig or kvalitetssikret. */
  done: number;
  /** Respondents this caseworker shares with another (double-coded). */
  shared: number;
}

export interface AssignmentOverview {
  /** Sorted the Norwegian way by name. */
  assignees: AssigneeSummary[];
  /** Respondents with a current response and no caseworker. */
  unassigned: { respondents: number; responses: number };
  /** Respondents with two or more caseworkers. */
  doubleCoded: number;
  /** Every respondent with a current response (and any assigned one), sorted by municipality number then name. */
  respondents: AssignedRespondent[];
}

/** A work package exported from the master (kept in the master's work_package table). */
export interface WorkPackageSummary {
  id: string;
  assignee: string;
  /** The master's last audit event when the package was made: what "since the base" is measured from. */
  baseSeq: number;
  createdAt: string;
  createdBy: string;
  respondents: number;
  responses: number;
  /** Return packages of this work package merged so far. */
  merges: number;
  lastMergedAt: string | null;
  openConflicts: number;
}

/** What a project summary says when the project is a working copy made from a work package. */
export interface WorkingCopyInfo {
  packageId: string;
  masterProjectId: string;
  masterTitle: string;
  assignee: string;
  baseSeq: number;
  /** When the package was exported from the master. */
  exportedAt: string;
  exportedBy: string;
  respondents: number;
  responses: number;
}

/**
 * A package's passphrase (optional): the package is then encrypted (core/team/encryption.ts).
 * It is never stored, logged or put in the audit trail.
 */
export const passphraseSchema = z.string().min(8, 'Passordet må ha minst 8 tegn').max(1024);

export const exportPackageInputSchema = z
  .object({
    assignee: assigneeSchema,
    /** File name or path (.innspillpakke); relative paths go into the workspace's export folder. */
    target: filePath.optional(),
    passphrase: passphraseSchema.optional(),
  })
  .strict();

export interface PackageExportResult {
  path: string;
  fileName: string;
  sizeBytes: number;
  packageId: string;
  assignee: string;
  respondents: number;
  responses: number;
  baseSeq: number;
  /** Sealed with a passphrase (core/team/encryption.ts). */
  encrypted: boolean;
  durationMs: number;
}

export const openPackageInputSchema = z
  .object({
    path: filePath,
    /** Where to create the working copy (.innspill); relative paths go into the workspace folder. Default: "<title> - <assignee>.innspill". */
    target: filePath.optional(),
    /** For an encrypted package (PASSPHRASE_REQUIRED without it). */
    passphrase: z.string().min(1).max(1024).optional(),
  })
  .strict();

/** What a working copy has changed since its base, per entity type (e.g. { coding: 12, variable_value: 3 }). */
export interface ReturnPreview {
  packageId: string;
  assignee: string;
  changes: number;
  byEntity: Record<string, number>;
  /** People who made the changes (usually the assignee). */
  actors: string[];
}

export interface ReturnExportResult extends ReturnPreview {
  path: string;
  fileName: string;
  sizeBytes: number;
  /** Sealed with a passphrase (core/team/encryption.ts). */
  encrypted: boolean;
  durationMs: number;
}

/**
 * both_changed: both sides changed the same thing differently (the same
 *   column of a row, or the same natural key such as a response's variable).
 * changed_deleted: one side deleted what the other changed (or still uses).
 * moved_text: a change on text that the other side moved with a split correction.
 * missing_parent: a change that refers to something the master no longer has.
 */
export type ConflictKind = 'both_changed' | 'changed_deleted' | 'moved_text' | 'missing_parent';

export interface MergeReport {
  packageId: string;
  assignee: string;
  /** The return package was merged before: nothing changed. */
  alreadyMerged: boolean;
  /** Changes applied, per entity type. */
  applied: Record<string, number>;
  /** Changes that were already in the master (both sides did the same). */
  unchanged: number;
  /** New conflicts listed for the lead. */
  conflicts: number;
  conflictIds: string[];
  /** Whose changes arrived. */
  actors: string[];
}

/** Human-readable view of one side of a conflict. */
export interface ConflictSide {
  /** The row image (null: absent or deleted on this side). */
  row: Record<string, unknown> | null;
  actor: string | null;
  /** What the row says, in words: a code's name, a variable's value label(s), a memo's text, a coding's quote. */
  summary: string | null;
  codeName: string | null;
  quote: string | null;
  questionOrdinal: number | null;
}

export interface ConflictContext {
  respondentName: string | null;
  municipalityNumber: string | null;
  municipalityName: string | null;
  policeDistrictName: string | null;
  questionOrdinal: number | null;
  questionLabel: string | null;
  /** For variable values: the variable's label. */
  variableLabel: string | null;
  /** The response the conflict concerns, for a link to it. */
  responseId: string | null;
}

export interface ConflictView {
  id: string;
  packageId: string;
  assignee: string;
  entityType: string;
  entityId: string;
  naturalKey: string | null;
  kind: ConflictKind;
  /** The columns both sides changed differently (both_changed), else []. */
  columns: string[];
  base: ConflictSide | null;
  ours: ConflictSide;
  theirs: ConflictSide;
  context: ConflictContext;
  status: 'open' | 'resolved';
  resolution: 'ours' | 'theirs' | null;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export const conflictsInputSchema = z
  .object({
    status: z.enum(['open', 'resolved', 'all']).default('open'),
    packageId: id.optional(),
  })
  .strict();

export const resolveConflictInputSchema = z.object({ id, choose: z.enum(['ours', 'theirs']) }).strict();
