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

/** Where a key press happened, as far as the workspace cares. */
export type KeyPlace =
  /** A dialog, a text field, an IME composition, or a key another handler took: not ours. */
  | 'ignored'
  /** Nothing focused (the document's body). */
  | 'body'
  /** An answer part, or the reading column itself (Tab moves between parts here). */
  | 'part'
  /** Elsewhere inside the reading column. */
  | 'reading'
  /** The response list. */
  | 'list'
  | 'other';

/** What keymap() needs to know of the workspace. */
export interface KeyState {
  mac: boolean;
  place: KeyPlace;
  /** The variable waiting for its option's number (after its key). */
  armed: Variable | null;
  /** `v` was pressed: the next key names a variable. */
  prefix: boolean;
  hasTextSelection: boolean;
  selectedCodingId: string | null;
  flash: boolean;
  codeKeys: Map<string, Code>;
  variableKeys: VariableKeys;
}

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** What a key press asks the workspace to do. `disarm`: the armed variable is dropped first. */
export type Command = { disarm?: boolean } & (
  | { type: 'none' }
  | { type: 'history'; direction: 'undo' | 'redo' }
  | { type: 'adjust'; codingId: string; edge: 'start' | 'end'; dir: 1 | -1; byWord: boolean }
  | { type: 'escape'; what: 'disarm' | 'clearSelection' | 'deselectCoding' | 'clearFlash' }
  | { type: 'chooseOption'; variable: Variable; key: string }
  | { type: 'evidence'; variable: Variable }
  | { type: 'arm'; variable: Variable }
  | { type: 'unknownVariableKey'; key: string }
  /** Tab: the next (or previous) answer part; the key keeps its default when there is none. */
  | { type: 'movePart'; dir: 1 | -1 }
  | { type: 'go'; dir: 1 | -1; focus: 'first' | null }
  | { type: 'remove'; codingId: string }
  | { type: 'help' }
  | { type: 'nextUncoded' }
  | { type: 'picker' }
  | { type: 'done' }
  | { type: 'memo' }
  | { type: 'prefix' }
  | { type: 'stepCoding'; dir: 1 | -1 }
  | { type: 'search' }
  | { type: 'code'; code: Code }
);

const NONE: Command = { type: 'none' };

/** The workspace's keyboard map as a pure function: the command a key press means in a state (the `?` overlay lists them). */
export function keymap(state: KeyState, e: KeyPress): Command {
  if (state.place === 'ignored') return NONE;
  const mod = state.mac ? e.metaKey : e.ctrlKey;
  const key = e.key;
  const lower = key.length === 1 ? key.toLowerCase() : key;

  if (mod && !e.altKey && (lower === 'z' || lower === 'y')) return { type: 'history', direction: lower === 'y' || e.shiftKey ? 'redo' : 'undo' };
  // Span adjustment of the chosen coding: Shift moves the end, Alt+Shift the start, the modifier by words.
  if (state.selectedCodingId && e.shiftKey && (key === 'ArrowLeft' || key === 'ArrowRight')) {
    return { type: 'adjust', codingId: state.selectedCodingId, edge: e.altKey ? 'start' : 'end', dir: key === 'ArrowRight' ? 1 : -1, byWord: mod };
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return NONE;

  if (key === 'Escape') {
    if (state.armed || state.prefix) return { type: 'escape', what: 'disarm' };
    if (state.hasTextSelection) return { type: 'escape', what: 'clearSelection' };
    if (state.selectedCodingId) return { type: 'escape', what: 'deselectCoding' };
    if (state.flash) return { type: 'escape', what: 'clearFlash' };
    return NONE;
  }

  // A variable waiting for its option: a digit chooses, `b` takes the marked text as evidence, any other key cancels and is itself.
  if (state.armed) {
    if (/^\d$/.test(key)) return { type: 'chooseOption', variable: state.armed, key, disarm: true };
    if (lower === EVIDENCE_KEY) return { type: 'evidence', variable: state.armed, disarm: true };
    return { ...commandKey({ ...state, armed: null }, e, lower), disarm: true };
  }
  return commandKey(state, e, lower);
}

function commandKey(state: KeyState, e: KeyPress, lower: string): Command {
  const key = e.key;
  if (state.prefix) {
    const v = state.variableKeys.prefixed.get(lower);
    return v ? { type: 'arm', variable: v } : { type: 'unknownVariableKey', key };
  }
  const inReading = state.place === 'body' || state.place === 'part' || state.place === 'reading';
  const inList = state.place === 'list';

  if (key === 'Tab') return state.place === 'body' || state.place === 'part' ? { type: 'movePart', dir: e.shiftKey ? -1 : 1 } : NONE;
  if (key === 'ArrowDown' || key === 'ArrowUp') {
    if (!inReading && !inList) return NONE;
    return { type: 'go', dir: key === 'ArrowDown' ? 1 : -1, focus: inList ? null : 'first' };
  }
  if ((key === 'Delete' || key === 'Backspace') && state.selectedCodingId) return { type: 'remove', codingId: state.selectedCodingId };
  if (key === COMMAND_KEYS.help) return { type: 'help' };
  if (key.length !== 1 || key !== lower) return NONE; // shifted letters and named keys: not ours
  const focus = inList ? null : 'first';

  switch (key) {
    case COMMAND_KEYS.next:
      return { type: 'go', dir: 1, focus };
    case COMMAND_KEYS.previous:
      return { type: 'go', dir: -1, focus };
    case COMMAND_KEYS.nextUncoded:
      return { type: 'nextUncoded' };
    case COMMAND_KEYS.picker:
      return { type: 'picker' };
    case COMMAND_KEYS.done:
      return { type: 'done' };
    case COMMAND_KEYS.memo:
      return { type: 'memo' };
    case COMMAND_KEYS.variablePrefix:
      return { type: 'prefix' };
    case COMMAND_KEYS.nextCoding:
      return { type: 'stepCoding', dir: 1 };
    case COMMAND_KEYS.previousCoding:
      return { type: 'stepCoding', dir: -1 };
    case COMMAND_KEYS.search:
      return { type: 'search' };
  }
  const code = state.codeKeys.get(key);
  if (code) return { type: 'code', code };
  const variable = state.variableKeys.direct.get(key);
  if (variable) return { type: 'arm', variable };
  return NONE;
}
