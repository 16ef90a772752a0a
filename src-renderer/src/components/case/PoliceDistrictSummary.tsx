// The 12 police districts with their number of municipalities and people,
// each linking to its municipalities in the register table.
import { Button, Heading, Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoliceDistrict } from '../../../../src-shared/domain';
import { formatNumber, formatPercent } from '../../lib/format';

interface Props {
  districts: PoliceDistrict[];
  onShowMunicipalities: (districtCode: string) => void;
}

export function PoliceDistrictSummary({ districts, onShowMunicipalities }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const municipalities = districts.reduce((sum, d) => sum + d.municipalityCount, 0);
  const population = districts.reduce((sum, d) => sum + d.population, 0);
  const largest = Math.max(1, ...districts.map((d) => d.population));

  return (
    <section aria-labelledby={headingId} className="stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('districts.heading')}
      </Heading>
      <div className="table-wrap">
        <Table zebra border data-size="sm" data-color="neutral" className="district-table" data-testid="district-table">
          <caption className="ds-sr-only">{t('districts.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('districts.columns.name')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="numeric">
                {t('districts.columns.municipalities')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" className="numeric">
                {t('districts.columns.population')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('districts.columns.share')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">
                <span className="ds-sr-only">{t('districts.columns.actions')}</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {districts.map((d) => (
              <Table.Row key={d.code} data-testid="district-row" data-code={d.code}>
                <Table.HeaderCell scope="row" className="row-header">
                  {d.name}
                </Table.HeaderCell>
                <Table.Cell className="numeric" data-testid="district-municipality-count">
                  {formatNumber(d.municipalityCount)}
                </Table.Cell>
                <Table.Cell className="numeric" data-testid="district-population">
                  {formatNumber(d.population)}
                </Table.Cell>
                <Table.Cell>
                  <span className="share">
                    <span className="share__bar" aria-hidden>
                      <span style={{ width: `${(d.population / largest) * 100}%` }} />
                    </span>
                    <span className="share__value">{formatPercent(d.population, population)}</span>
                  </span>
                </Table.Cell>
                <Table.Cell className="actions">
                  <Button
                    variant="tertiary"
                    data-size="sm"
                    data-color="accent"
                    onClick={() => onShowMunicipalities(d.code)}
                    aria-label={t('districts.showMunicipalitiesIn', { name: d.name })}
                    data-testid="district-show-municipalities"
                  >
                    {t('districts.showMunicipalities')}
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
          <Table.Foot>
            <Table.Row className="total-row" data-testid="district-total">
              <Table.HeaderCell scope="row">{t('districts.total')}</Table.HeaderCell>
              <Table.Cell className="numeric">{formatNumber(municipalities)}</Table.Cell>
              <Table.Cell className="numeric">{formatNumber(population)}</Table.Cell>
              <Table.Cell>{formatPercent(population, population)}</Table.Cell>
              <Table.Cell />
            </Table.Row>
          </Table.Foot>
        </Table>
      </div>
    </section>
  );
}
