// Subscribes to a core event for the lifetime of a component. The listener is
// kept in a ref so callers may pass an inline function without resubscribing.
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { EventMap, EventName } from '../../../src-shared/contract';
import { api } from '../api/client';

export function useApiEvent<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): void {
  const latest = useRef(listener);
  useLayoutEffect(() => {
    latest.current = listener;
  });
  useEffect(() => api.on(event, (payload) => latest.current(payload)), [event]);
}
