// The coding list's filter, and where the workspace was (response, filter,
// side tab), remembered for the session so a visit to another view and back
// lands in the same place.
import type { ResponseStatus } from '../../../../src-shared/domain';

/** The value of the variable filter that means "no value set". */
export const NOT_SET = '__not_set__';

export interface CodingFilter {
  query: string;
  status: ResponseStatus | '';
  countyNumber: string;
  policeDistrictCode: string;
  codeId: string;
  variableId: string;
  /** An option value, NOT_SET, or '' (any value, when variableId is set: has a value). */
  variableValue: string;
  coder: string;
  /** A caseworker's name, 'none' for unassigned (team work), or ''. */
  assignee: string;
}

export const emptyCodingFilter: CodingFilter = {
  query: '',
  status: '',
  countyNumber: '',
  policeDistrictCode: '',
  codeId: '',
  variableId: '',
  variableValue: '',
  coder: '',
  assignee: '',
};

/** Filters besides the search and the status (shown folded away). */
export function moreFilterCount(f: CodingFilter): number {
  return [f.countyNumber, f.policeDistrictCode, f.codeId, f.variableId && f.variableValue, f.coder.trim(), f.assignee].filter((v) => v !== '').length;
}

export function isCodingFilterActive(f: CodingFilter): boolean {
  return f.query.trim() !== '' || f.status !== '' || moreFilterCount(f) > 0;
}

export type SideTab = 'codebook' | 'variables' | 'memos' | 'history' | 'findings';

interface Remembered {
  projectPath: string | null;
  responseId: string | null;
  filter: CodingFilter;
  tab: SideTab;
}

const remembered: Remembered = { projectPath: null, responseId: null, filter: emptyCodingFilter, tab: 'codebook' };

export function recall(projectPath: string): Remembered {
  if (remembered.projectPath !== projectPath) {
    remembered.projectPath = projectPath;
    remembered.responseId = null;
    remembered.filter = emptyCodingFilter;
    remembered.tab = 'codebook';
  }
  return { ...remembered };
}

export function remember(patch: Partial<Omit<Remembered, 'projectPath'>>): void {
  Object.assign(remembered, patch);
}
