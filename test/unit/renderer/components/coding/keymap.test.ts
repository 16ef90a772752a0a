// @vitest-environment happy-dom
// The coding workspace's keyboard map as a pure function: every key the `?`
// overlay lists, in the state where it applies, gives its command; the places
// where keys are not the workspace's (dialogs, text fields) give none; and the
// code and variable shortcut keys fit around the command keys.
import { describe, expect, it } from 'vitest';
import type { Code, Variable } from '../../../../../src-shared/coding';
import { codeKeys, COMMAND_KEYS, keymap, variableKeys, type KeyPress, type KeyState } from '../../../../../src-renderer/src/components/coding/keymap';

const code = (id: string, shortcut: string | null): Code =>
  ({ id, name: `Kode ${id}`, shortcut, parentId: null, questionId: null, colour: '#000000', description: '', sortOrder: 0, codingCount: 0 }) as Code;
const variable = (id: string, shortcut: string | null, kind: Variable['kind'] = 'single'): Variable => ({
  id,
  key: id,
  label: `Variabel ${id}`,
  questionId: null,
  kind,
  options: [
    { value: 'ja', label: 'Ja' },
    { value: 'nei', label: 'Nei' },
  ],
  shortcut,
  sortOrder: 0,
});

const codes = [code('vold', '2'), code('rus', 'r'), code('hidden', 'j')];
const variables = [variable('fornoyd', 't'), variable('tatt', 'r'), variable('frie', 'f', 'text')];

function state(over: Partial<KeyState> = {}): KeyState {
  return {
    mac: false,
    place: 'part',
    armed: null,
    prefix: false,
    hasTextSelection: false,
    selectedCodingId: null,
    flash: false,
    codeKeys: codeKeys(codes),
    variableKeys: variableKeys(variables, codes),
    ...over,
  };
}
const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...mods });

describe('keymap: navigation', () => {
  it.each([
    ['j', 1],
    ['k', -1],
    ['ArrowDown', 1],
    ['ArrowUp', -1],
  ] as const)('%s moves to the %s response, landing on its first part from the reading view', (key, dir) => {
    expect(keymap(state(), press(key))).toEqual({ type: 'go', dir, focus: 'first' });
    // From the list the focus stays in the list.
    expect(keymap(state({ place: 'list' }), press(key))).toEqual({ type: 'go', dir, focus: null });
  });

  it('arrow keys elsewhere (a button in the side panel) keep their default', () => {
    expect(keymap(state({ place: 'other' }), press('ArrowDown'))).toEqual({ type: 'none' });
  });

  it('n goes to the next uncoded part', () => {
    expect(keymap(state(), press('n'))).toEqual({ type: 'nextUncoded' });
  });

  it('Tab and Shift+Tab move between answer parts, only from a part or the page', () => {
    expect(keymap(state(), press('Tab'))).toEqual({ type: 'movePart', dir: 1 });
    expect(keymap(state({ place: 'body' }), press('Tab', { shiftKey: true }))).toEqual({ type: 'movePart', dir: -1 });
    expect(keymap(state({ place: 'reading' }), press('Tab'))).toEqual({ type: 'none' });
  });

  it('. and , step through the codings', () => {
    expect(keymap(state(), press('.'))).toEqual({ type: 'stepCoding', dir: 1 });
    expect(keymap(state(), press(','))).toEqual({ type: 'stepCoding', dir: -1 });
  });

  it('PgUp, PgDn and space scroll as usual (not taken)', () => {
    for (const key of ['PageUp', 'PageDown', ' ']) expect(keymap(state(), press(key))).toEqual({ type: 'none' });
  });

  it('/ goes to the search, ? opens the keyboard map', () => {
    expect(keymap(state(), press('/'))).toEqual({ type: 'search' });
    expect(keymap(state(), press('?', { shiftKey: true }))).toEqual({ type: 'help' });
  });

  it('Esc drops, in turn, the armed variable, the marked text, the chosen coding, the flashed evidence', () => {
    const armed = variables[0];
    expect(keymap(state({ armed, hasTextSelection: true }), press('Escape'))).toEqual({ type: 'escape', what: 'disarm' });
    expect(keymap(state({ prefix: true }), press('Escape'))).toEqual({ type: 'escape', what: 'disarm' });
    expect(keymap(state({ hasTextSelection: true, selectedCodingId: 'c1' }), press('Escape'))).toEqual({ type: 'escape', what: 'clearSelection' });
    expect(keymap(state({ selectedCodingId: 'c1', flash: true }), press('Escape'))).toEqual({ type: 'escape', what: 'deselectCoding' });
    expect(keymap(state({ flash: true }), press('Escape'))).toEqual({ type: 'escape', what: 'clearFlash' });
    expect(keymap(state(), press('Escape'))).toEqual({ type: 'none' });
  });
});

describe('keymap: status and history', () => {
  it('d marks the response done', () => {
    expect(keymap(state(), press('d'))).toEqual({ type: 'done' });
  });

  it('Ctrl+Z undoes; Ctrl+Shift+Z and Ctrl+Y redo (⌘ on a Mac)', () => {
    expect(keymap(state(), press('z', { ctrlKey: true }))).toEqual({ type: 'history', direction: 'undo' });
    expect(keymap(state(), press('Z', { ctrlKey: true, shiftKey: true }))).toEqual({ type: 'history', direction: 'redo' });
    expect(keymap(state(), press('y', { ctrlKey: true }))).toEqual({ type: 'history', direction: 'redo' });
    expect(keymap(state({ mac: true }), press('z', { metaKey: true }))).toEqual({ type: 'history', direction: 'undo' });
    // Ctrl on a Mac is not the command key.
    expect(keymap(state({ mac: true }), press('z', { ctrlKey: true }))).toEqual({ type: 'none' });
  });
});

describe('keymap: coding', () => {
  it("a code's shortcut key codes with it", () => {
    expect(keymap(state({ hasTextSelection: true }), press('2'))).toEqual({ type: 'code', code: codes[0] });
    expect(keymap(state(), press('r'))).toEqual({ type: 'code', code: codes[1] });
  });

  it('a code whose key is a command key cannot be reached by it', () => {
    expect(keymap(state(), press('j'))).toEqual({ type: 'go', dir: 1, focus: 'first' });
  });

  it('c opens the picker; m takes the chosen coding into the memo', () => {
    expect(keymap(state(), press('c'))).toEqual({ type: 'picker' });
    expect(keymap(state({ selectedCodingId: 'c1' }), press('m'))).toEqual({ type: 'memo' });
  });

  it('Del and ⌫ remove the chosen coding (and nothing without one)', () => {
    expect(keymap(state({ selectedCodingId: 'c1' }), press('Delete'))).toEqual({ type: 'remove', codingId: 'c1' });
    expect(keymap(state({ selectedCodingId: 'c1' }), press('Backspace'))).toEqual({ type: 'remove', codingId: 'c1' });
    expect(keymap(state(), press('Delete'))).toEqual({ type: 'none' });
  });

  it("Shift+← → move the chosen coding's end, Alt+Shift its start, with Ctrl by words", () => {
    const s = state({ selectedCodingId: 'c1' });
    expect(keymap(s, press('ArrowRight', { shiftKey: true }))).toEqual({ type: 'adjust', codingId: 'c1', edge: 'end', dir: 1, byWord: false });
    expect(keymap(s, press('ArrowLeft', { shiftKey: true, altKey: true }))).toEqual({ type: 'adjust', codingId: 'c1', edge: 'start', dir: -1, byWord: false });
    expect(keymap(s, press('ArrowRight', { shiftKey: true, ctrlKey: true }))).toEqual({ type: 'adjust', codingId: 'c1', edge: 'end', dir: 1, byWord: true });
    // Without a chosen coding Shift+arrows extend the text selection as usual.
    expect(keymap(state(), press('ArrowRight', { shiftKey: true }))).toEqual({ type: 'none' });
  });

  it('shifted letters are not shortcuts', () => {
    expect(keymap(state(), press('R', { shiftKey: true }))).toEqual({ type: 'none' });
  });
});

describe('keymap: variables', () => {
  it("a variable's own key arms it; v then its key reaches one whose key a code took", () => {
    expect(keymap(state(), press('t'))).toEqual({ type: 'arm', variable: variables[0] });
    expect(keymap(state(), press('v'))).toEqual({ type: 'prefix' });
    expect(keymap(state({ prefix: true }), press('r'))).toEqual({ type: 'arm', variable: variables[1] });
    expect(keymap(state({ prefix: true }), press('q'))).toEqual({ type: 'unknownVariableKey', key: 'q' });
  });

  it('armed: a digit chooses the option (0 clears), b takes the marked text as evidence, any other key cancels and is itself', () => {
    const armed = variables[0];
    expect(keymap(state({ armed }), press('1'))).toEqual({ type: 'chooseOption', variable: armed, key: '1', disarm: true });
    expect(keymap(state({ armed }), press('0'))).toEqual({ type: 'chooseOption', variable: armed, key: '0', disarm: true });
    expect(keymap(state({ armed }), press('b'))).toEqual({ type: 'evidence', variable: armed, disarm: true });
    expect(keymap(state({ armed }), press('j'))).toEqual({ type: 'go', dir: 1, focus: 'first', disarm: true });
    expect(keymap(state({ armed }), press('Shift'))).toEqual({ type: 'none', disarm: true });
  });
});

describe('keymap: keys that are not the workspace’s', () => {
  it('in a dialog or a text field (place "ignored") nothing is taken', () => {
    for (const key of [...Object.values(COMMAND_KEYS), '2', 'Escape', 'Tab', 'Delete']) {
      expect(keymap(state({ place: 'ignored', selectedCodingId: 'c1' }), press(key))).toEqual({ type: 'none' });
    }
    expect(keymap(state({ place: 'ignored' }), press('z', { ctrlKey: true }))).toEqual({ type: 'none' });
  });

  it('with Ctrl, ⌘ or Alt held a letter is not a command', () => {
    expect(keymap(state(), press('j', { altKey: true }))).toEqual({ type: 'none' });
    expect(keymap(state(), press('2', { ctrlKey: true }))).toEqual({ type: 'none' });
  });
});
