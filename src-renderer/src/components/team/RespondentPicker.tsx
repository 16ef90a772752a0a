// Choosing respondents by hand: a searchable list with a checkbox per
// respondent, narrowed by police district and county, with "choose all shown".
// Each row says who has it already, so the lead sees what a move takes away.
import { Button, Checkbox, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignedRespondent } from '../../../../src-shared/team';
import { formatNumber } from '../../lib/format';
import { useCase } from '../case/caseContext';
import { CountyFilter, PoliceDistrictFilter } from '../FilterSelect';
import { StatusTag } from '../responses/ResponseBits';
import type { ResponseStatus } from '../../../../src-shared/domain';
import { ScrollRegion } from '../ScrollRegion';

interface Props {
  respondents: AssignedRespondent[];
  selected: Set<string>;
  onChange: (selected: Set<string>) => void;
  disabled?: boolean;
}

export function respondentLabel(r: Pick<AssignedRespondent, 'name' | 'municipalityName' | 'municipalityNumber'>): string {
  return r.municipalityName ? `${r.municipalityName} (${r.municipalityNumber})` : r.name;
}

export function RespondentPicker({ respondents, selected, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const { districts, counties } = useCase();
  const [query, setQuery] = useState('');
  const [district, setDistrict] = useState('');
  const [county, setCounty] = useState('');

  const districtName = useMemo(() => new Map(districts.map((d) => [d.code, d.name])), [districts]);
  const countyName = useMemo(() => new Map(counties.map((c) => [c.number, c.name])), [counties]);

  const shown = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase('nb');
    return respondents.filter(
      (r) =>
        (!district || r.policeDistrictCode === district) &&
        (!county || r.countyNumber === county) &&
        (!needle ||
          r.name.toLocaleLowerCase('nb').includes(needle) ||
          (r.municipalityName ?? '').toLocaleLowerCase('nb').includes(needle) ||
          (r.municipalityNumber ?? '').startsWith(needle) ||
          r.assignees.some((a) => a.toLocaleLowerCase('nb').includes(needle))),
    );
  }, [respondents, query, district, county]);

  function toggle(id: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  }

  function chooseShown() {
    const next = new Set(selected);
    for (const r of shown) next.add(r.respondentId);
    onChange(next);
  }

  return (
    <div className="stack stack--tight" data-testid="team-picker">
      <div className="filters team-picker__filters" role="search" aria-label={t('team.assign.pickerFilters')}>
        <Textfield
          data-size="sm"
          type="search"
          label={t('team.assign.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          data-testid="team-picker-search"
        />
        <PoliceDistrictFilter value={district} onChange={setDistrict} data-testid="team-picker-district" />
        <CountyFilter value={county} onChange={setCounty} data-testid="team-picker-county" />
      </div>
      <div className="button-row team-picker__actions">
        <Paragraph data-size="sm" aria-live="polite" data-testid="team-picker-count">
          {t('team.assign.pickerCount', { count: selected.size, formatted: formatNumber(selected.size), shown: formatNumber(shown.length) })}
        </Paragraph>
        <Button data-size="sm" variant="tertiary" onClick={chooseShown} disabled={disabled || shown.length === 0} data-testid="team-picker-all">
          {t('team.assign.chooseShown', { n: formatNumber(shown.length) })}
        </Button>
        <Button data-size="sm" variant="tertiary" onClick={() => onChange(new Set())} disabled={disabled || selected.size === 0} data-testid="team-picker-none">
          {t('team.assign.clearSelection')}
        </Button>
      </div>
      <ScrollRegion className="table-scroll table-scroll--short" label={t('team.assign.pickerCaption')}>
        <Table stickyHeader border data-size="sm" data-testid="team-picker-table">
          <caption className="ds-sr-only">{t('team.assign.pickerCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col" className="col-narrow">
                <span className="ds-sr-only">{t('team.assign.columns.select')}</span>
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('team.assign.columns.respondent')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('team.assign.columns.district')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('team.assign.columns.county')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('team.assign.columns.status')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('team.assign.columns.assignees')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {shown.map((r) => {
              const label = respondentLabel(r);
              return (
                <Table.Row key={r.respondentId} data-testid="team-picker-row" data-id={r.respondentId} data-municipality={r.municipalityNumber ?? undefined}>
                  <Table.Cell>
                    <Checkbox
                      data-size="sm"
                      aria-label={t('team.assign.selectRow', { name: label })}
                      checked={selected.has(r.respondentId)}
                      onChange={(e) => toggle(r.respondentId, e.target.checked)}
                      disabled={disabled}
                      data-testid="team-picker-check"
                    />
                  </Table.Cell>
                  <Table.HeaderCell scope="row" className="row-header">
                    {label}
                    {r.municipalityName && r.name !== r.municipalityName && <span className="official-name">{r.name}</span>}
                  </Table.HeaderCell>
                  <Table.Cell>{(r.policeDistrictCode && districtName.get(r.policeDistrictCode)) || '–'}</Table.Cell>
                  <Table.Cell>{(r.countyNumber && countyName.get(r.countyNumber)) || '–'}</Table.Cell>
                  <Table.Cell>{r.status ? <StatusTag status={r.status as ResponseStatus} /> : <span className="muted">{t('team.assign.noResponse')}</span>}</Table.Cell>
                  <Table.Cell data-testid="team-picker-assignees">{r.assignees.length > 0 ? r.assignees.join(', ') : <span className="muted">{t('team.unassigned')}</span>}</Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
        {shown.length === 0 && (
          <Paragraph data-size="sm" className="muted empty-table">
            {t('team.assign.pickerEmpty')}
          </Paragraph>
        )}
      </ScrollRegion>
    </div>
  );
}
