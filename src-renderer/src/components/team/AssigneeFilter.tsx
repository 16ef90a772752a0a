// The caseworker filter of the response list and the coding list: the
// caseworkers the lead has assigned respondents to, and "Ikke tildelt". Shown
// only once someone has been assigned (or while a value is chosen).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { norwegianCompare } from '../../../../src-shared/norwegian';
import { UNASSIGNED } from '../../../../src-shared/team';
import { api } from '../../api/client';
import { useDataChanged } from '../../hooks/useDataChanged';
import { FilterSelect } from '../FilterSelect';

interface Props {
  value: string;
  onChange: (value: string) => void;
  'data-testid'?: string;
}

export function AssigneeFilter({ value, onChange, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  const [names, setNames] = useState<string[]>([]);
  // Assignments change only with team work (and its undo, reported as changed responses),
  // not with every coding the list around this filter reloads for.
  const [revision, setRevision] = useState(0);
  useDataChanged((entities) => {
    if (entities.has('team') || entities.has('responses')) setRevision((n) => n + 1);
  });

  useEffect(() => {
    let live = true;
    api.team
      .assignments()
      .then((o) => live && setNames(o.assignees.map((a) => a.assignee).sort(norwegianCompare)))
      .catch(() => live && setNames([])); // without the list the filter simply is not offered
    return () => {
      live = false;
    };
  }, [revision]);

  if (names.length === 0 && !value) return null;
  const options = names.map((n) => ({ value: n, label: n }));
  // A chosen caseworker who has since lost every respondent stays choosable, so the select shows what is filtered.
  if (value && value !== UNASSIGNED && !names.includes(value)) options.push({ value, label: value });
  options.push({ value: UNASSIGNED, label: t('team.unassigned') });
  return <FilterSelect label={t('team.filter.label')} allLabel={t('team.filter.all')} value={value} options={options} onChange={onChange} data-testid={testId} />;
}
