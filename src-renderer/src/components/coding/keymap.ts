// The workspace's keyboard map: which single keys are taken by navigation and
// commands, and how the codebook's and the variables' shortcut keys fit
// around them. Code shortcuts win over variable shortcuts; a variable whose
// key is taken is reached with the prefix `v` (and always can be).
import type { Code, Variable } from '../../../../src-shared/coding';

/** Single keys with a fixed meaning in the workspace. */
export const COMMAND_KEYS = {
  next: 'j',
  previous: 'k',
  nextUncoded: 'n',
  picker: 'c',
  done: 'd',
  memo: 'm',
  variablePrefix: 'v',
  help: '?',
  nextCoding: '.',
  previousCoding: ',',
  search: '/',
} as const;

/** In "variable" mode (after its key): this key stores the marked text as evidence. */
export const EVIDENCE_KEY = 'b';

const reserved = new Set<string>(Object.values(COMMAND_KEYS));

export function isReservedKey(key: string): boolean {
  return reserved.has(key);
}

export interface VariableKeys {
  /** Keys that reach a variable directly. */
  direct: Map<string, Variable>;
  /** Keys that reach a variable after `v` (every variable with a shortcut). */
  prefixed: Map<string, Variable>;
}

export function variableKeys(variables: readonly Variable[], codes: readonly Code[]): VariableKeys {
  const codeKeys = new Set(codes.flatMap((c) => (c.shortcut ? [c.shortcut] : [])));
  const direct = new Map<string, Variable>();
  const prefixed = new Map<string, Variable>();
  for (const v of variables) {
    if (!v.shortcut || prefixed.has(v.shortcut)) continue;
    prefixed.set(v.shortcut, v);
    if (!reserved.has(v.shortcut) && !codeKeys.has(v.shortcut) && !/^\d$/.test(v.shortcut)) direct.set(v.shortcut, v);
  }
  return { direct, prefixed };
}

/** Code shortcuts that work (a code whose key is a command key cannot be reached). */
export function codeKeys(codes: readonly Code[]): Map<string, Code> {
  const out = new Map<string, Code>();
  for (const c of codes) if (c.shortcut && !reserved.has(c.shortcut) && !out.has(c.shortcut)) out.set(c.shortcut, c);
  return out;
}

/** True when keys typed go into a text field (or a select's type-ahead), not to the workspace. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return false;
}

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
