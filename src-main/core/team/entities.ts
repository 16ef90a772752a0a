// What a return package carries and how each kind of row is matched between
// a working copy and the master. Rows are matched by their UUIDv7 id, except
// where two laptops can create "the same" row under different ids: a
// response's value of a variable, the memo on one target, and a finding's
// link to one answer or coding are matched by that natural key instead.
import type { Row, UndoableTable } from '../audit/changes';
import { rowOf } from '../audit/images';

/**
 * The tables whose changes go back to the master, parents before children.
 * Assignments stay with the lead; imports and register corrections are made
 * in the master (they are not part of a working copy's changes).
 */
export const RETURN_TABLES = ['finding_report', 'finding', 'code', 'variable', 'response', 'answer', 'coding', 'variable_value', 'memo', 'finding_link'] as const;
export type ReturnTable = (typeof RETURN_TABLES)[number] & UndoableTable;

export function isReturnTable(name: string): name is ReturnTable {
  return RETURN_TABLES.some((t) => t === name);
}

/** Who/when columns: they say who made a version, not what it is. */
export const AUTHOR_COLUMNS = ['created_at', 'created_by', 'updated_at', 'updated_by'] as const;

/** A response's value of a variable by its natural key (also how agreement/judgements.ts keys each coder's word). */
export const variableValueKey = (responseId: string, variableId: string) => `${responseId}|${variableId}`;

const NATURAL_KEYS: Partial<Record<ReturnTable, (row: Row) => string>> = {
  variable_value: (row) => {
    const r = rowOf('variable_value', row);
    return variableValueKey(r.response_id, r.variable_id);
  },
  memo: (row) => {
    const r = rowOf('memo', row);
    return `${r.target_type}|${r.target_id ?? ''}`;
  },
  finding_link: (row) => {
    const r = rowOf('finding_link', row);
    return `${r.finding_id}|${r.answer_id}|${r.coding_id ?? ''}`;
  },
};

export function hasNaturalKey(table: ReturnTable): boolean {
  return NATURAL_KEYS[table] !== undefined;
}

/** The row's natural key, or null for tables matched by id. */
export function naturalKeyOf(table: ReturnTable, row: Row): string | null {
  return NATURAL_KEYS[table]?.(row) ?? null;
}

/** What identifies the entity across copies: its natural key, else its id. */
export function entityKeyOf(table: ReturnTable, row: Row): string {
  return naturalKeyOf(table, row) ?? row.id;
}

/**
 * The columns whose values make up what a row says: not who/when, and for
 * natural-key tables not the id (two copies' ids for the same value differ).
 */
export function contentColumns(table: ReturnTable, ...rows: (Row | null)[]): string[] {
  const names = new Set<string>();
  for (const row of rows) if (row) for (const k of Object.keys(row)) names.add(k);
  for (const c of AUTHOR_COLUMNS) names.delete(c);
  if (hasNaturalKey(table)) names.delete('id');
  return [...names].sort();
}

export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (a === undefined && b === null) || (a === null && b === undefined);
}

export function sameContent(table: ReturnTable, a: Row | null, b: Row | null): boolean {
  if (a === null || b === null) return a === b;
  return contentColumns(table, a, b).every((c) => sameValue(a[c], b[c]));
}

/** The rows a row refers to (that must exist in the master for it to be applied). */
export function referencesOf(table: ReturnTable, row: Row): { table: 'code' | 'answer' | 'response' | 'variable' | 'finding' | 'finding_report' | 'coding' | 'question'; id: string; column: string }[] {
  const out: ReturnType<typeof referencesOf> = [];
  const add = (t: (typeof out)[number]['table'], column: string) => {
    const id = row[column];
    if (typeof id === 'string') out.push({ table: t, id, column });
  };
  switch (table) {
    case 'finding':
      add('finding_report', 'report_id');
      break;
    case 'code':
      add('code', 'parent_id');
      add('question', 'question_id');
      break;
    case 'variable':
      add('question', 'question_id');
      break;
    case 'answer':
      add('response', 'response_id');
      add('question', 'question_id');
      break;
    case 'coding':
      add('answer', 'answer_id');
      add('code', 'code_id');
      break;
    case 'variable_value':
      add('response', 'response_id');
      add('variable', 'variable_id');
      add('answer', 'evidence_answer_id');
      break;
    case 'memo': {
      const target = rowOf('memo', row).target_type;
      if (target !== 'project') add(target, 'target_id');
      break;
    }
    case 'finding_link':
      add('finding', 'finding_id');
      add('answer', 'answer_id');
      add('coding', 'coding_id');
      break;
    default:
      break;
  }
  return out;
}

/** The rows that refer to a row (which must be gone before it can be deleted). */
export const DEPENDANTS: Partial<Record<ReturnTable, { table: ReturnTable; column: string; where?: Record<string, string> }[]>> = {
  finding_report: [{ table: 'finding', column: 'report_id' }],
  finding: [{ table: 'finding_link', column: 'finding_id' }],
  code: [
    { table: 'code', column: 'parent_id' },
    { table: 'coding', column: 'code_id' },
    { table: 'memo', column: 'target_id', where: { target_type: 'code' } },
  ],
  variable: [{ table: 'variable_value', column: 'variable_id' }],
  answer: [
    { table: 'coding', column: 'answer_id' },
    { table: 'variable_value', column: 'evidence_answer_id' },
    { table: 'finding_link', column: 'answer_id' },
    { table: 'memo', column: 'target_id', where: { target_type: 'answer' } },
  ],
  coding: [{ table: 'finding_link', column: 'coding_id' }],
};
