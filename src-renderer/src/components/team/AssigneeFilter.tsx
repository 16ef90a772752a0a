// The caseworker filter of the response list and the coding list: the
// caseworkers the lead has assigned respondents to, and "Ikke tildelt". Shown
// only once someone has been assigned (or while a value is chosen).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { norwegianCompare } from '../../../../src-shared/norwegian';
import { UNASSIGNED } from '../../../../src-shared/team';
import { useApiQuery } from '../../api';
import { FilterSelect } from '../FilterSelect';

interface Props {
  value: string;
  onChange: (value: string) => void;
  'data-testid'?: string;
}

export function AssigneeFilter({ value, onChange, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  // Refetched when assignments change (team.assignments reads team, respondents and responses), not with every coding.
  const assignees = useApiQuery('team.assignments', {}).data?.assignees;
  // Without the list the filter simply is not offered.
  const names = useMemo(() => (assignees ?? []).map((a) => a.assignee).sort(norwegianCompare), [assignees]);

  if (names.length === 0 && !value) return null;
  const options = names.map((n) => ({ value: n, label: n }));
  // A chosen caseworker who has since lost every respondent stays choosable, so the select shows what is filtered.
  if (value && value !== UNASSIGNED && !names.includes(value)) options.push({ value, label: value });
  options.push({ value: UNASSIGNED, label: t('team.unassigned') });
  return <FilterSelect label={t('team.filter.label')} allLabel={t('team.filter.all')} value={value} options={options} onChange={onChange} data-testid={testId} />;
}
