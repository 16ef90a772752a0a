// The coding workspace's server state on the data layer: the filtered
// response list, the open response, the codebook, the variables, progress,
// the undo state and who is coding — each a cached query refetched only when
// the core changes what it reads (and not when the workspace's own change
// already wrote its reply into the cache, see useCodingActions).
import { useMemo } from 'react';
import type { MethodInput } from '../../../../src-shared/contract';
import { useApiQuery } from '../../api';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { NOT_SET, type CodingFilter } from './codingFilter';

const SEARCH_DELAY_MS = 150;

/** The response list's input for a filter (with the search already debounced). */
export function listInputOf(filter: CodingFilter, query: string): MethodInput<'responses.list'> {
  const input: MethodInput<'responses.list'> = {};
  if (query.trim()) input.query = query.trim();
  if (filter.status) input.status = filter.status;
  if (filter.countyNumber) input.countyNumber = filter.countyNumber;
  if (filter.policeDistrictCode) input.policeDistrictCode = filter.policeDistrictCode;
  if (filter.codeId) input.codeId = filter.codeId;
  if (filter.variableId && filter.variableValue) input.variable = { variableId: filter.variableId, value: filter.variableValue === NOT_SET ? null : filter.variableValue };
  if (filter.coder.trim()) input.coder = filter.coder.trim();
  if (filter.assignee) input.assignee = filter.assignee;
  return input;
}

export function useCodingData(filter: CodingFilter, responseId: string | null) {
  const query = useDebouncedValue(filter.query, SEARCH_DELAY_MS);
  const listInput = useMemo(() => listInputOf(filter, query), [filter, query]);
  const list = useApiQuery('responses.list', listInput, { keepPrevious: true });
  // The previous response stays on screen (marked stale) while the next one loads.
  const workspace = useApiQuery('workspace.response', responseId ? { id: responseId } : null, { keepPrevious: true });
  const codes = useApiQuery('codebook.list', {});
  const variables = useApiQuery('variables.list', {});
  const progress = useApiQuery('responses.progress', {});
  const undo = useApiQuery('history.state', {});
  const settings = useApiQuery('settings.get', {});

  return {
    listInput,
    rows: list.data ?? null,
    listLoading: list.isFetching,
    listError: list.error,
    ws: workspace.data ?? null,
    wsError: workspace.error,
    codes: codes.data ?? EMPTY,
    variables: variables.data ?? EMPTY,
    progress: progress.data ?? null,
    undoState: undo.data ?? null,
    userName: settings.data?.userName ?? null,
  };
}

const EMPTY: never[] = [];
