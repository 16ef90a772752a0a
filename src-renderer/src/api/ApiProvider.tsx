// Wires the renderer's one data layer: a TanStack Query cache keyed by
// [method, input, scope], refetched when the core reports a change to an
// entity the method reads (the contract's `reads`), and emptied of a closed
// project's queries when the open project changes.
import { QueryClient, QueryClientProvider, type Query } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ApiClient } from '../../../src-shared/client';
import { contract, isMethodName } from '../../../src-shared/contract';
import type { Entity } from '../../../src-shared/entities';
import { ChangeTracker } from './changeTracker';

export function createApiQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Data changes only through the core, which says so: a query stays fresh until an event says otherwise.
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}

interface ApiContextValue {
  client: ApiClient;
  tracker: ChangeTracker;
}

const ApiContext = createContext<ApiContextValue | null>(null);

/** The open project's path: part of every query key, so one project's answers never show in another. */
const ScopeContext = createContext<string | null>(null);

export function useApiContext(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApiQuery/useApiMutation outside <ApiProvider>');
  return value;
}

export function useApiScope(): string | null {
  return useContext(ScopeContext);
}

/** Marks its children's queries as belonging to the project at `scope`. */
export function ApiScope({ scope, children }: { scope: string; children: ReactNode }) {
  return <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>;
}

/** Whether a change to `entities` must refetch `query` (see ChangeTracker for `covered`). */
export function needsRefetch(query: Query, entities: ReadonlySet<Entity>, covered: ReadonlyMap<string, ReadonlySet<Entity>>): boolean {
  const method = query.queryKey[0];
  if (!isMethodName(method)) return false;
  const done = covered.get(query.queryHash);
  return contract[method].reads.some((e) => entities.has(e) && !done?.has(e));
}

export function ApiProvider({ client, queryClient, children }: { client: ApiClient; queryClient: QueryClient; children: ReactNode }) {
  const [value] = useState<ApiContextValue>(() => ({
    client,
    tracker: new ChangeTracker({
      invalidate: (entities, covered) => void queryClient.invalidateQueries({ predicate: (q) => needsRefetch(q, entities, covered) }),
    }),
  }));

  useEffect(() => {
    const { tracker } = value;
    const offData = client.on('data.changed', ({ entities }) => tracker.changed(entities));
    const offProject = client.on('project.changed', ({ path }) => {
      for (const query of queryClient.getQueryCache().findAll()) {
        const scope = query.queryKey[2] ?? null;
        if (scope === null) continue;
        // A closed project's queries go; a screen still showing one is about to unmount and must not refetch from the new one.
        if (query.getObserversCount() === 0) queryClient.removeQueries({ queryKey: query.queryKey, exact: true });
        else if (scope !== path) void queryClient.cancelQueries({ queryKey: query.queryKey, exact: true });
      }
      // Outside a project: the project list and the settings' recent list change with it.
      void queryClient.invalidateQueries({ predicate: (q) => (q.queryKey[2] ?? null) === null });
    });
    return () => {
      offData();
      offProject();
      tracker.dispose();
    };
  }, [client, queryClient, value]);

  return (
    <QueryClientProvider client={queryClient}>
      <ApiContext.Provider value={value}>{children}</ApiContext.Provider>
    </QueryClientProvider>
  );
}
