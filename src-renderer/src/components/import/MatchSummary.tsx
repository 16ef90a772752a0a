// Who the responses in a file are from: counts by how each name matched the
// municipality register, the ambiguous and unknown ones spelled out with
// their candidates, and the full list on request.
import { Details, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { RespondentMatch } from '../../../../src-shared/imports';
import { formatNumber } from '../../lib/format';
import { municipalityLabel, useCase } from '../case/caseContext';
import { LetterSender } from './LetterSender';
import { ScrollRegion } from '../ScrollRegion';

const statusColor = { matched: 'success', ambiguous: 'warning', unmatched: 'info' } as const;

export function MatchTag({ status }: { status: RespondentMatch['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={statusColor[status]} data-size="sm" data-testid="match-status" data-status={status}>
      {t(`matchStatus.${status}`)}
    </Tag>
  );
}

export function MatchSummary({ matches }: { matches: RespondentMatch[] }) {
  const { t } = useTranslation();
  const { municipalities } = useCase();
  const count = (s: RespondentMatch['status']) => matches.filter((m) => m.status === s).length;
  const problems = matches.filter((m) => m.status !== 'matched');

  const candidateText = (numbers: string[]) =>
    numbers
      .map((n) => {
        const m = municipalities.get(n);
        return m ? `${municipalityLabel(m)} ${n}` : n;
      })
      .join(' · ');

  const who = (m: RespondentMatch) => {
    if (m.status === 'matched') return m.municipalityName ? `${m.municipalityName} (${m.municipalityNumber})` : m.municipalityNumber;
    if (m.status === 'ambiguous') return t('import.matches.candidates', { list: candidateText(m.candidates) });
    return t('import.matches.other');
  };

  return (
    <div className="match-summary" data-testid="match-summary">
      <Paragraph data-size="sm" data-testid="match-counts">
        <strong>{t('import.matches.heading', { count: matches.length, formatted: formatNumber(matches.length) })}</strong>{' '}
        {[
          count('matched') > 0 && t('import.matches.matched', { formatted: formatNumber(count('matched')) }),
          count('ambiguous') > 0 && t('import.matches.ambiguous', { count: count('ambiguous'), formatted: formatNumber(count('ambiguous')) }),
          count('unmatched') > 0 && t('import.matches.unmatched', { formatted: formatNumber(count('unmatched')) }),
        ]
          .filter(Boolean)
          .join(', ')}
        .
      </Paragraph>
      {matches.map((m, i) => (m.sender ? <LetterSender key={`sender-${i}`} match={m} /> : null))}
      {problems.length > 0 && (
        <ul className="match-problems" data-testid="match-problems">
          {problems.map((m, i) => (
            <li key={`${m.locator}-${i}`} className={`match-problem match-problem--${m.status}`} data-testid="match-problem" data-status={m.status}>
              <MatchTag status={m.status} />
              <span className="match-problem__name">{m.respondentName}</span>
              <span className="locator">{m.locator}</span>
              <span className="match-problem__detail" data-testid="match-candidates">
                {who(m)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {problems.length > 0 && (
        <Paragraph data-size="xs" className="muted">
          {t('import.matches.resolveLater')}
        </Paragraph>
      )}
      <Details data-testid="match-details">
        <Details.Summary>{t('import.matches.showAll', { count: matches.length })}</Details.Summary>
        <Details.Content>
          <ScrollRegion className="table-wrap table-scroll table-scroll--short" label={t('import.matches.tableLabel')}>
            <Table border zebra stickyHeader data-size="sm" data-testid="match-table">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('import.matches.where')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('import.matches.name')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('import.matches.result')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('import.matches.status')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {matches.map((m, i) => (
                  <Table.Row key={`${m.locator}-${i}`} data-testid="match-row" data-status={m.status}>
                    <Table.Cell className="muted nowrap">{m.locator}</Table.Cell>
                    <Table.Cell>{m.respondentName}</Table.Cell>
                    <Table.Cell>{who(m)}</Table.Cell>
                    <Table.Cell>
                      <MatchTag status={m.status} />
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
        </Details.Content>
      </Details>
    </div>
  );
}
