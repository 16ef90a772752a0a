// The "DFØ-funn" view of a case: the register, or one finding with its
// evidence. The register's search and filters survive a visit to a finding.
import { useState } from 'react';
import { useCase } from '../case/caseContext';
import { FindingDetail } from './FindingDetail';
import { emptyRegisterFilter, FindingsRegister, type RegisterFilter } from './FindingsRegister';

/** The last filter per case, kept while the window lives. */
const lastFilter = new Map<string, RegisterFilter>();

interface Props {
  findingId?: string;
  /** Opens one response (the caller picks the coding view or the response detail). */
  onOpenResponse: (responseId: string) => void;
}

export function FindingsView({ findingId, onOpenResponse }: Props) {
  const { project, navigate } = useCase();
  const [filter, setFilter] = useState<RegisterFilter>(() => lastFilter.get(project.path) ?? emptyRegisterFilter);

  const changeFilter = (next: RegisterFilter) => {
    lastFilter.set(project.path, next);
    setFilter(next);
  };

  return findingId ? (
    <FindingDetail key={findingId} findingId={findingId} onBack={() => navigate({ view: 'findings' })} onOpenResponse={onOpenResponse} />
  ) : (
    <FindingsRegister filter={filter} onFilterChange={changeFilter} onOpen={(id) => navigate({ view: 'findings', findingId: id })} />
  );
}
