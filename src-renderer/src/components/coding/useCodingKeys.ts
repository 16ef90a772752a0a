// The workspace's key handler: reads where the key was pressed, asks the pure
// keymap() what it means, and runs that command — one window listener for
// the workspace's life, always seeing the latest state.
import { useEffect } from 'react';
import { useLatest } from '../../hooks/useLatest';
import { isMac, isTypingTarget, keymap, type Command, type KeyPlace, type KeyState } from './keymap';

/** Where a key event happened, as keymap() names it. */
export function placeOf(e: KeyboardEvent, reading: HTMLElement | null, list: HTMLElement | null): KeyPlace {
  const target = e.target as HTMLElement | null;
  if (e.defaultPrevented || e.isComposing || !target) return 'ignored';
  if (target.closest?.('dialog') || isTypingTarget(target)) return 'ignored';
  if (target === document.body) return 'body';
  if (target === reading || target.dataset?.testid === 'coding-part') return 'part';
  if (reading?.contains(target)) return 'reading';
  if (list?.contains(target)) return 'list';
  return 'other';
}

/**
 * Calls `run` with the command of each key press; `run` says whether the key
 * was used (a Tab with no part to move to keeps its default).
 */
export function useCodingKeys(state: () => Omit<KeyState, 'place' | 'mac'>, where: () => { reading: HTMLElement | null; list: HTMLElement | null }, run: (command: Command) => boolean) {
  const latest = useLatest({ state, where, run });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => {
      const { state: read, where: places, run: execute } = latest.current;
      const { reading, list } = places();
      const command = keymap({ ...read(), mac: isMac, place: placeOf(e, reading, list) }, e);
      if (command.type === 'none' && !command.disarm) return;
      if (execute(command)) e.preventDefault();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [latest]);
}
