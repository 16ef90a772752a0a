// A labelled select with an "all" choice first: the filter control the
// response list, the coding list, search and the registers share.
import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useId } from 'react';

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
