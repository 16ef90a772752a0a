// The response list's filter, held by the case screen so it survives a visit
// to a response and back, and so the overview can open a filtered list.
import type { MatchStatus } from '../../../../src-shared/domain';
import type { PersonalFilter } from '../../../../src-shared/personal';

export interface ResponseFilter {
  query: string;
  policeDistrictCode: string;
  countyNumber: string;
  matchStatus: MatchStatus | '';
  needsSplitting: boolean;
  includeSuperseded: boolean;
  /** A caseworker's name, 'none' for unassigned (team work), or '' for anyone. */
  assignee: string;
  /** Personal data found: of one kind, any kind, none, or '' for all responses. */
  personal: PersonalFilter | '';
}

export const emptyResponseFilter: ResponseFilter = {
  query: '',
  policeDistrictCode: '',
  countyNumber: '',
  matchStatus: '',
  needsSplitting: false,
  includeSuperseded: false,
  assignee: '',
  personal: '',
};

export function isResponseFilterActive(f: ResponseFilter): boolean {
  return (
    f.query.trim() !== '' ||
    f.policeDistrictCode !== '' ||
    f.countyNumber !== '' ||
    f.matchStatus !== '' ||
    f.needsSplitting ||
    f.includeSuperseded ||
    f.assignee !== '' ||
    f.personal !== ''
  );
}
