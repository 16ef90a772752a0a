// The names of what the contract's methods read and change. Each method
// declares them beside its input schema (contract.ts); dispatch announces a
// method's `changes` in `data.changed`, and the UI refetches a query only when
// a changed entity is one its method `reads`. Every table of the project file
// belongs to exactly one entity (test/integration/core/api/effects.test.ts).
export const ENTITIES = [
  /** The case itself: title, case number, the letter's questions and options. */
  'project',
  /** Reference data in the project file: municipalities, counties, police districts. */
  'registry',
  /** Import batches and their source files. */
  'batches',
  /** Saved column mapping presets for imports. */
  'presets',
  /** Who answered: respondents and their match to the register. */
  'respondents',
  /** Responses, their answer parts (and the search index over them), review status. */
  'responses',
  'codebook',
  'codings',
  /** Closed variables and their values. */
  'variables',
  'memos',
  /** The findings register: reports, findings and their links to answers. */
  'findings',
  /** The audit trail, which is also the undo stack. */
  'history',
  /** Team work: assignments, work packages, merges and their conflicts. */
  'team',
  /** The lead's resolutions of inter-coder disagreements. */
  'agreement',
  /** The user's settings (outside the project file). */
  'settings',
  /** Snapshots of the project file in its backup folder (outside the project file). */
  'backups',
] as const;

/** Entities kept outside the project file: a call changing only these announces it without writing a row. */
export const OUTSIDE_PROJECT: readonly Entity[] = ['settings', 'backups'];

export type Entity = (typeof ENTITIES)[number];

/** What a method may touch: the entities it reads, and those it may change. */
export interface Effects {
  reads: readonly Entity[];
  changes: readonly Entity[];
}

export function isEntity(name: unknown): name is Entity {
  return typeof name === 'string' && (ENTITIES as readonly string[]).includes(name);
}
