// The renderer's two ways to reach the core: useApiQuery reads (cached by
// method and input, refetched only when an entity the method reads changes,
// a stale reply dropped by its key) and useApiMutation changes (busy state,
// error, optional toast, and the reply written straight into the cache so the
// change made here costs no refetch of what the reply already says).
import { useMutation, useQueries, useQuery, useQueryClient, type UseMutationResult, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ApiClient } from '../../../src-shared/client';
import { contract, type MethodInput, type MethodName, type MethodResult } from '../../../src-shared/contract';
import { useToast } from '../components/Toast';
import { toUiError, type UiError } from '../lib/errors';
import { useApiContext, useApiScope } from './ApiProvider';

/** The cache key of one call: method, input, and the project it belongs to (null outside a project). */
export type ApiKey<M extends MethodName = MethodName> = readonly [M, MethodInput<M>, string | null];

export function apiKey<M extends MethodName>(method: M, input: MethodInput<M>, scope: string | null): ApiKey<M> {
  return [method, input, scope];
}

/** Calls `method` through the typed client (which turns `domain.verb` into a bridge call). */
export function invoke<M extends MethodName>(client: ApiClient, method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const [domain, verb] = method.split('.') as [string, string];
  const verbs = (client as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>)[domain];
  return verbs[verb](input) as Promise<MethodResult<M>>;
}

export interface ApiQueryOptions {
  /** Keep the previous input's data while a new input loads (a filter or a page changing). */
  keepPrevious?: boolean;
}

/** One call's query options: keyed by method, input and project, so a change's refetch finds it. */
function apiQueryOptions<M extends MethodName>(
  client: ApiClient,
  scope: string | null,
  method: M,
  input: MethodInput<M> | null,
  options: ApiQueryOptions,
): UseQueryOptions<MethodResult<M>, UiError, MethodResult<M>, ApiKey<M>> {
  return {
    queryKey: apiKey(method, (input ?? {}) as MethodInput<M>, scope),
    queryFn: async ({ queryKey }) => {
      try {
        return await invoke(client, method, queryKey[1]);
      } catch (e) {
        throw toUiError(e);
      }
    },
    enabled: input !== null,
    placeholderData: options.keepPrevious ? (previous) => previous : undefined,
  };
}

/**
 * The result of `method` for `input` (null: not now, e.g. nothing selected yet),
 * as TanStack Query's result: `data`, `error` (a UiError), `isPending`, `isFetching`, `refetch`.
 */
export function useApiQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M> | null,
  options: ApiQueryOptions = {},
): UseQueryResult<MethodResult<M>, UiError> {
  const { client } = useApiContext();
  const scope = useApiScope();
  return useQuery(apiQueryOptions(client, scope, method, input, options));
}

/**
 * The results of `method` for each of `inputs` (a list whose length varies, e.g.
 * one call per option of a variable), each cached and refetched exactly like
 * useApiQuery's; in the order of `inputs`.
 */
export function useApiQueries<M extends MethodName>(
  method: M,
  inputs: readonly MethodInput<M>[],
  options: ApiQueryOptions = {},
): UseQueryResult<MethodResult<M>, UiError>[] {
  const { client } = useApiContext();
  const scope = useApiScope();
  return useQueries({ queries: inputs.map((input) => apiQueryOptions(client, scope, method, input, options)) });
}

/** What a mutation's `apply` may write into the cache from its reply. */
export interface ApiCache {
  /** The reply is the new result of `method` for `input`: stored, and not refetched for this change. */
  set<Q extends MethodName>(method: Q, input: MethodInput<Q>, data: MethodResult<Q>): void;
  /** Rewrites every cached result of `method` (any input); each one rewritten is not refetched for this change. */
  update<Q extends MethodName>(method: Q, update: (data: MethodResult<Q>, input: MethodInput<Q>) => MethodResult<Q>): void;
}

export interface ApiMutationOptions<M extends MethodName> {
  /** Writes what the reply says into the cache (see ApiCache); called before onSuccess. */
  apply?: (result: MethodResult<M>, input: MethodInput<M>, cache: ApiCache) => void;
  onSuccess?: (result: MethodResult<M>, input: MethodInput<M>) => void;
  onError?: (error: UiError, input: MethodInput<M>) => void;
  /** Shown as an error toast when the call fails: "<errorToast>: <reason>". */
  errorToast?: string;
}

export type ApiMutation<M extends MethodName> = UseMutationResult<MethodResult<M>, UiError, MethodInput<M>> & {
  /** Calls the method; resolves to its result, or undefined when it failed (the error is in `error`). */
  run(input: MethodInput<M>): Promise<MethodResult<M> | undefined>;
};

/**
 * A change through `method`. While it runs, `isPending`; when it fails, `error`
 * (and the toast if `errorToast`). The core's `data.changed` for it refetches
 * every query reading what the method changes, except those `apply` wrote.
 */
export function useApiMutation<M extends MethodName>(method: M, options: ApiMutationOptions<M> = {}): ApiMutation<M> {
  const { client, tracker } = useApiContext();
  const scope = useApiScope();
  const queryClient = useQueryClient();
  const toast = useToast();
  const { apply, onSuccess, onError, errorToast } = options;

  const mutation = useMutation<MethodResult<M>, UiError, MethodInput<M>>({
    mutationFn: async (input) => {
      const token = tracker.begin(contract[method].changes);
      const written = new Set<string>();
      try {
        const result = await invoke(client, method, input);
        if (apply) {
          const cache: ApiCache = {
            set(q, qInput, data) {
              const key = apiKey(q, qInput, scope);
              const before = queryClient.getQueryCache().find({ queryKey: key, exact: true });
              // A fetch already under way may land after this with older data: then the change's event refetches it.
              const racing = before?.state.fetchStatus === 'fetching';
              queryClient.setQueryData(key, data);
              const query = queryClient.getQueryCache().find({ queryKey: key, exact: true });
              if (query && !racing) written.add(query.queryHash);
            },
            update(q, fn) {
              for (const query of queryClient.getQueryCache().findAll({ queryKey: [q] })) {
                const [, qInput, qScope] = query.queryKey as ApiKey<typeof q>;
                if (qScope !== scope || query.state.data === undefined) continue;
                const racing = query.state.fetchStatus === 'fetching';
                queryClient.setQueryData(query.queryKey, fn(query.state.data as MethodResult<typeof q>, qInput));
                if (!racing) written.add(query.queryHash);
              }
            },
          };
          apply(result, input, cache);
        }
        tracker.end(token, written);
        return result;
      } catch (e) {
        tracker.end(token);
        throw toUiError(e);
      }
    },
    onSuccess: (result, input) => onSuccess?.(result, input),
    onError: (error, input) => {
      if (errorToast) toast.failed(errorToast, error);
      onError?.(error, input);
    },
  });

  const { mutateAsync } = mutation;
  const run = useCallback((input: MethodInput<M>) => mutateAsync(input).catch(() => undefined), [mutateAsync]);
  return Object.assign(mutation, { run });
}
