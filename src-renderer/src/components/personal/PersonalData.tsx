// Personal data found in a response's answers (src-main/core/personal): the
// marker «inneholder personopplysninger» with the kinds found, shown in the
// response list, the response and the coding view, and the filter by kind
// shared by the response list and search.
import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { PERSONAL_KINDS, type PersonalFilter, type PersonalKind } from '../../../../src-shared/personal';
import { FilterSelect } from '../FilterSelect';

/** The marker, or nothing when no personal data was found. */
export function PersonalDataTag({ kinds }: { kinds: readonly PersonalKind[] }) {
  const { t } = useTranslation();
  if (kinds.length === 0) return null;
  const list = kinds.map((k) => t(`personal.kinds.${k}`)).join(', ');
  return (
    <Tag data-color="warning" data-size="sm" data-testid="flag-personal" data-kinds={kinds.join(' ')}>
      {t('personal.marker', { kinds: list })}
    </Tag>
  );
}

interface FilterProps {
  value: PersonalFilter | '';
  onChange: (value: PersonalFilter | '') => void;
  'data-testid'?: string;
}

/** «Personopplysninger»: all responses, those with any kind, one kind, or none found. */
export function PersonalDataFilter({ value, onChange, 'data-testid': testId }: FilterProps) {
  const { t } = useTranslation();
  const options = [
    { value: 'any', label: t('personal.filter.any') },
    ...PERSONAL_KINDS.map((k) => ({ value: k, label: t(`personal.kinds.${k}`) })),
    { value: 'none', label: t('personal.filter.none') },
  ];
  return (
    <FilterSelect
      label={t('personal.filter.label')}
      allLabel={t('personal.filter.all')}
      value={value}
      options={options}
      onChange={(v) => onChange(v as PersonalFilter | '')}
      data-testid={testId}
    />
  );
}
