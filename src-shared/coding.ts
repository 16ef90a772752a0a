// Types of the coding workspace API: codebook, codings, closed variables,
// memos, and the undo/redo state.
import type { ResponseDetail, ResponseStatus } from './domain';

export interface Code {
  id: string;
  parentId: string | null;
  name: string;
  /** The coding rule: when to use this code. */
  description: string;
  colour: string;
  /** Scope: the question this code is for, or null for all. */
  questionId: string | null;
  shortcut: string | null;
  sortOrder: number;
  /** Codings on current responses with this code (not its children). */
  codingCount: number;
}

/** A named group of codes (a REFI-QDA <Set>, an ATLAS.ti code group): its codes stay where they are in the codebook. */
export interface CodeGroup {
  id: string;
  name: string;
  description: string;
  codeIds: string[];
}

export interface Coding {
  id: string;
  answerId: string;
  codeId: string;
  /** Character offsets (UTF-16 code units) into the answer's immutable text. */
  start: number;
  end: number;
  quote: string;
  useInMemo: boolean;
  createdBy: string;
  createdAt: string;
}

export type VariableKind = 'single' | 'multi' | 'text';

export interface VariableOption {
  value: string;
  label: string;
}

export interface Variable {
  id: string;
  key: string;
  label: string;
  questionId: string | null;
  kind: VariableKind;
  options: VariableOption[];
  shortcut: string | null;
  sortOrder: number;
}

export interface Evidence {
  answerId: string;
  start: number;
  end: number;
  quote?: string;
}

export interface VariableValue {
  variableId: string;
  /** single/text: a string; multi: the chosen option values. */
  value: string | string[];
  evidence: Evidence | null;
  updatedBy: string;
  updatedAt: string;
}

export type MemoTarget = 'project' | 'response' | 'answer' | 'code';

export interface Memo {
  targetType: MemoTarget;
  targetId: string | null;
  text: string;
  updatedBy: string;
  updatedAt: string;
}

export interface WorkspaceResponse {
  response: ResponseDetail;
  codings: Coding[];
  values: VariableValue[];
  memos: Memo[];
}

export interface UndoState {
  undo: { group: string; action: string; at: string } | null;
  redo: { group: string; action: string; at: string } | null;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface CodingProgress {
  total: number;
  byStatus: Record<ResponseStatus, number>;
}
