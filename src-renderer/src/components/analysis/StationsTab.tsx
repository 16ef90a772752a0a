// Station candidates: municipalities that want a new station (q5), what they
// offer, and whether they got one; then the announced stations against what
// their municipality answered.
import { Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationCandidate } from '../../../../src-shared/analysis';
import { norwegianCompare } from '../../../../src-shared/norwegian';
import { useApiQuery } from '../../api/hooks';
import { formatDatesIn, formatNumber } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { FilterSelect, PoliceDistrictFilter } from '../FilterSelect';
import { LoadingState } from '../LoadingState';
import { useCase } from '../case/caseContext';
import { ScrollRegion } from '../ScrollRegion';
import { SentenceQuote, sentenceQuoteFrom } from '../SentenceQuote';

type SortKey = 'name' | 'district' | 'population' | 'offers' | 'announced';
type OffersFilter = '' | 'ja' | 'nei' | 'none';

const matchesOffers = (c: StationCandidate, f: OffersFilter) => {
  if (!f) return true;
  const v = (c.offersPremises ?? '').trim().toLowerCase();
  if (f === 'none') return v === '';
  return v === f;
};

export function StationsTab() {
  const { t } = useTranslation();
  const { navigate } = useCase();
  const { data, error } = useApiQuery('analysis.stationCandidates', {});
  const [query, setQuery] = useState('');
  const [district, setDistrict] = useState('');
  const [offers, setOffers] = useState<OffersFilter>('');
  const [sort, setSort] = useState<{ key: SortKey; direction: 'ascending' | 'descending' }>({ key: 'name', direction: 'ascending' });

  const sorted = useMemo(() => {
    if (!data) return [];
    const by: Record<SortKey, (a: StationCandidate, b: StationCandidate) => number> = {
      name: (a, b) => norwegianCompare(a.municipality.name, b.municipality.name),
      district: (a, b) => norwegianCompare(a.municipality.policeDistrictName, b.municipality.policeDistrictName),
      population: (a, b) => a.municipality.population - b.municipality.population,
      offers: (a, b) => norwegianCompare(a.offersPremises ?? '', b.offersPremises ?? ''),
      announced: (a, b) => a.announcedStations.length - b.announcedStations.length,
    };
    const q = query.trim().toLocaleLowerCase('nb-NO');
    const list = data.candidates
      .filter(
        (c) =>
          (!q || c.municipality.name.toLocaleLowerCase('nb-NO').includes(q)) &&
          (!district || c.municipality.policeDistrictCode === district) &&
          matchesOffers(c, offers),
      )
      .sort(by[sort.key]);
    return sort.direction === 'descending' ? list.reverse() : list;
  }, [data, sort, query, district, offers]);

  if (error) return <ErrorAlert title={t('analysis.failed')} error={error} />;
  if (!data) return <LoadingState label={t('app.loading')} />;
  if (!data.available) return <Paragraph data-testid="stations-unavailable">{t('analysis.stations.unavailable')}</Paragraph>;

  const header = (key: SortKey) => (
    <Table.HeaderCell
      scope="col"
      sort={sort.key === key ? sort.direction : 'none'}
      onClick={() => setSort((s) => (s.key === key ? { key, direction: s.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: 'ascending' }))}
    >
      {t(`analysis.stations.columns.${key}`)}
    </Table.HeaderCell>
  );

  return (
    <div className="stack" data-testid="analysis-stations">
      <Paragraph data-size="sm">
        {t('analysis.stations.summary', {
          candidates: data.summary.candidates,
          withStation: data.summary.candidatesWithStation,
          announced: data.summary.announced,
        })}
      </Paragraph>
      <div className="filters" data-testid="stations-filters">
        <Textfield
          label={t('analysis.stations.filterName')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-size="sm"
          data-testid="stations-filter-name"
        />
        <PoliceDistrictFilter value={district} onChange={setDistrict} data-testid="stations-filter-district" />
        <FilterSelect
          label={t('analysis.stations.columns.offers')}
          allLabel={t('analysis.stations.offersFilter.all')}
          value={offers}
          options={(['ja', 'nei', 'none'] as const).map((v) => ({ value: v, label: t(`analysis.stations.offersFilter.${v}`) }))}
          onChange={(v) => setOffers(v as OffersFilter)}
          data-testid="stations-filter-offers"
        />
      </div>
      <Paragraph data-size="sm" data-testid="stations-count">
        {t('analysis.stations.shown', { shown: sorted.length, total: data.candidates.length })}
      </Paragraph>
      {data.candidates.length === 0 ? (
        <Paragraph data-size="sm" data-testid="stations-none">{t('analysis.stations.noCandidates')}</Paragraph>
      ) : sorted.length === 0 ? (
        <Paragraph data-size="sm" data-testid="stations-none-filtered">{t('analysis.stations.noneFiltered')}</Paragraph>
      ) : (
      <ScrollRegion className="analysis-scroll" label={t('analysis.stations.candidatesLabel')}>
        <Table data-size="sm">
          <Table.Head>
            <Table.Row>
              {header('name')}
              {header('district')}
              {header('population')}
              {header('offers')}
              {header('announced')}
              <Table.HeaderCell scope="col">{t('analysis.stations.columns.evidence')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {sorted.map((c) => (
              <Table.Row key={c.municipality.number} data-testid="station-candidate">
                <Table.Cell>
                  <button type="button" className="analysis-link" onClick={() => navigate({ view: 'responses', responseId: c.responseId })}>
                    {c.municipality.name}
                  </button>
                </Table.Cell>
                <Table.Cell>{c.municipality.policeDistrictName}</Table.Cell>
                <Table.Cell>{formatNumber(c.municipality.population)}</Table.Cell>
                <Table.Cell>{[c.offersPremises, c.premisesOffered].filter(Boolean).join(' – ') || '–'}</Table.Cell>
                <Table.Cell>{c.announcedStations.length ? c.announcedStations.map((s) => `${s.station} (${formatDatesIn(s.announced)})`).join(', ') : t('analysis.stations.none')}</Table.Cell>
                <Table.Cell className="analysis-quote-cell">{c.evidence && <SentenceQuote inline parts={sentenceQuoteFrom(c.evidence.quote, c.evidence.quoteContext)} />}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollRegion>
      )}
      {data.otherCandidates.length > 0 && (
        <Paragraph data-size="sm">{t('analysis.stations.others', { names: data.otherCandidates.map((o) => o.respondentName).join(', ') })}</Paragraph>
      )}
      <Heading level={3} data-size="xs">
        {t('analysis.stations.announcedHeading')}
      </Heading>
      <ScrollRegion className="analysis-scroll" label={t('analysis.stations.announcedHeading')}>
        <Table data-size="sm">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('analysis.stations.columns.station')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('analysis.stations.columns.name')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('analysis.stations.columns.announcedDate')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('analysis.stations.columns.answer')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.announced.map((s) => (
              <Table.Row key={`${s.municipalityNumber}-${s.station}`} data-testid="announced-station" data-answer={s.answer}>
                <Table.Cell>{s.station}</Table.Cell>
                <Table.Cell>{s.municipalityName}</Table.Cell>
                <Table.Cell>{formatDatesIn(s.announced)}</Table.Cell>
                <Table.Cell>{t(`analysis.stations.answers.${s.answer}`)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollRegion>
    </div>
  );
}
