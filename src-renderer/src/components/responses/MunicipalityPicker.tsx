// Finds a municipality in the register by name or number, for respondents
// the import could not place.
import { Fieldset, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Municipality } from '../../../../src-shared/domain';
import { norwegianCompare } from '../../../../src-shared/norwegian';
import { formatNumber } from '../../lib/format';
import { municipalityLabel, useCase } from '../case/caseContext';

const MAX_RESULTS = 8;

function fold(s: string): string {
  return s.toLocaleLowerCase('nb').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

interface Props {
  value: string;
  onChange: (number: string) => void;
  initialQuery?: string;
}

export function MunicipalityPicker({ value, onChange, initialQuery = '' }: Props) {
  const { t } = useTranslation();
  const { municipalities } = useCase();
  const [query, setQuery] = useState(initialQuery);

  const results = useMemo(() => {
    const q = fold(query.trim().replace(/\s+kommune$/i, ''));
    if (!q) return [];
    const all = [...municipalities.values()];
    const hits = all.filter((m) => m.number === q || fold(m.name).includes(q) || fold(m.officialName).includes(q));
    // Names that start with the query first.
    return hits
      .sort((a, b) => Number(!fold(a.name).startsWith(q)) - Number(!fold(b.name).startsWith(q)) || norwegianCompare(a.name, b.name))
      .slice(0, MAX_RESULTS);
  }, [query, municipalities]);

  const chosen: Municipality | undefined = value ? municipalities.get(value) : undefined;
  const shown = chosen && !results.some((m) => m.number === chosen.number) ? [chosen, ...results] : results;

  return (
    <div className="picker stack stack--tight" data-testid="municipality-picker">
      <Textfield
        data-size="sm"
        type="search"
        label={t('detail.resolve.search')}
        description={t('detail.resolve.searchDescription')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        data-testid="municipality-picker-search"
      />
      {query.trim() && shown.length === 0 && (
        <Paragraph data-size="sm" className="muted">
          {t('detail.resolve.noHits')}
        </Paragraph>
      )}
      {shown.length > 0 && (
        <Fieldset data-size="sm">
          <Fieldset.Legend className="ds-sr-only">{t('detail.resolve.results')}</Fieldset.Legend>
          {shown.map((m) => (
            <Radio
              key={m.number}
              name="municipality-picker"
              value={m.number}
              checked={value === m.number}
              onChange={() => onChange(m.number)}
              label={municipalityLabel(m)}
              description={t('detail.resolve.candidateFacts', {
                number: m.number,
                district: m.policeDistrictName,
                population: formatNumber(m.population),
              })}
              data-testid={`picker-option-${m.number}`}
            />
          ))}
        </Fieldset>
      )}
    </div>
  );
}
