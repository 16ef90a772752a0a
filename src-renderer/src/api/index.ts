// The renderer's data layer in one import: the provider, the query and mutation hooks.
export { ApiProvider, ApiScope, createApiQueryClient } from './ApiProvider';
export { useApiMutation, useApiQueries, useApiQuery, type ApiCache, type ApiMutation, type ApiMutationOptions, type ApiQueryOptions } from './hooks';
