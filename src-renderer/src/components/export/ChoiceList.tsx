// "All or some" of a short list (questions, police districts, codes) as
// checkboxes, with "all" and "none" shortcuts and a line saying how many are
// chosen. The select filters elsewhere pick one value; an export often wants
// several, so this is a list of checkboxes instead.
import { Button, Checkbox, Fieldset, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { isChosen, toggleChoice, type Choice } from './exportForm';

export interface ChoiceOption {
  value: string;
  label: string;
  /** Indentation (codes under their parent). */
  depth?: number;
}

interface Props {
  legend: string;
  options: ChoiceOption[];
  value: Choice;
  onChange: (value: Choice) => void;
  error?: string;
  /** Long lists scroll inside a box. */
  scroll?: boolean;
  'data-testid': string;
}

export function ChoiceList({ legend, options, value, onChange, error, scroll = false, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  const all = options.map((o) => o.value);
  const chosen = value === null ? all.length : value.length;
  return (
    <Fieldset data-size="sm" className="export-choice" data-testid={testId} data-chosen={value === null ? 'all' : value.join(',')}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <Fieldset.Description data-testid={`${testId}-summary`}>
        {value === null ? t('export.choice.all', { total: formatNumber(all.length) }) : t('export.choice.some', { chosen: formatNumber(chosen), total: formatNumber(all.length) })}
      </Fieldset.Description>
      <div className="export-choice__shortcuts">
        <Button variant="tertiary" data-size="sm" onClick={() => onChange(null)} disabled={value === null} data-testid={`${testId}-all`}>
          {t('export.choice.selectAll')}
        </Button>
        <Button variant="tertiary" data-size="sm" onClick={() => onChange([])} disabled={chosen === 0} data-testid={`${testId}-none`}>
          {t('export.choice.selectNone')}
        </Button>
      </div>
      <div className={`export-choice__options${scroll ? ' export-choice__options--scroll' : ''}`}>
        {options.map((o) => (
          <Checkbox
            key={o.value}
            data-size="sm"
            label={o.label}
            value={o.value}
            checked={isChosen(value, o.value)}
            onChange={(e) => onChange(toggleChoice(value, all, o.value, e.target.checked))}
            style={o.depth ? { marginInlineStart: `${o.depth * 1.25}rem` } : undefined}
            data-testid={`${testId}-option`}
            data-value={o.value}
          />
        ))}
      </div>
      {error && <ValidationMessage data-testid={`${testId}-error`}>{error}</ValidationMessage>}
    </Fieldset>
  );
}
