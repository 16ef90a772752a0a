// A labelled select with an "all" choice first: the filter control the
// response list, the coding list, search and the registers share.
import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCase } from './case/caseContext';

export interface FilterOption {
  value: string;
  label: string;
}

interface FilterSelectProps {
  label: string;
  /** The text of the empty choice ("Alle politidistrikter"). */
  allLabel: string;
  value: string;
  options: FilterOption[];
  onChange: (value: string) => void;
  'data-testid'?: string;
}

export function FilterSelect({ label, allLabel, value, options, onChange, 'data-testid': testId }: FilterSelectProps) {
  const id = useId();
  return (
    <Field data-size="sm">
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <Select.Option value="">{allLabel}</Select.Option>
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

interface RegisterFilterProps {
  value: string;
  onChange: (value: string) => void;
  'data-testid'?: string;
}

/** The police district filter, with the case's 12 districts. */
export function PoliceDistrictFilter(props: RegisterFilterProps) {
  const { t } = useTranslation();
  const { districts } = useCase();
  return (
    <FilterSelect
      label={t('registry.district')}
      allLabel={t('registry.allDistricts')}
      options={districts.map((d) => ({ value: d.code, label: d.name }))}
      {...props}
    />
  );
}

/** The county filter, with the case's counties. */
export function CountyFilter(props: RegisterFilterProps) {
  const { t } = useTranslation();
  const { counties } = useCase();
  return (
    <FilterSelect
      label={t('registry.county')}
      allLabel={t('registry.allCounties')}
      options={counties.map((c) => ({ value: c.number, label: c.name }))}
      {...props}
    />
  );
}
