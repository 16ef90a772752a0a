import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisGroupBy } from '../../../../src-shared/analysis';

export const GROUP_BYS: AnalysisGroupBy[] = ['policeDistrict', 'county', 'populationBand'];

export function GroupBySelect({ value, onChange, allowNone }: { value: AnalysisGroupBy | ''; onChange: (v: AnalysisGroupBy | '') => void; allowNone?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Field data-size="sm" className="analysis-groupby">
      <Label htmlFor={id}>{t('analysis.groupBy')}</Label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value as AnalysisGroupBy | '')} data-testid="analysis-groupby">
        {allowNone && <Select.Option value="">{t('analysis.noGrouping')}</Select.Option>}
        {GROUP_BYS.map((g) => (
          <Select.Option key={g} value={g}>
            {t(`analysis.groupBys.${g}`)}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
