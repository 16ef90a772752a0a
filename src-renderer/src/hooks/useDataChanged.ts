// Calls `listener` with the entities the core reported as changed, gathering
// the events of one burst (a merge reports codebook and codings, an undo
// everything) into one call so each view reloads once.
import { useEffect } from 'react';
import { api } from '../api/client';
import { useLatest } from './useLatest';

const BURST_MS = 20;

export function useDataChanged(listener: (entities: Set<string>) => void): void {
  const latest = useLatest(listener);
  useEffect(() => {
    let pending: Set<string> | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = api.on('data.changed', ({ entities }) => {
      pending ??= new Set();
      for (const e of entities) pending.add(e);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const batch = pending;
        pending = null;
        if (batch) latest.current(batch);
      }, BURST_MS);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [latest]);
}
