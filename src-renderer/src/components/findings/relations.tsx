// The four relations an answer can have to a DFØ finding, with one colour
// each wherever they appear: a tag, the small count chips of the register and
// the at-a-glance summary of a finding.
import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { findingRelations, type FindingRelation } from '../../../../src-shared/findings';
import { formatNumber } from '../../lib/format';

export type RelationColor = 'success' | 'danger' | 'warning' | 'info';

export const relationColor: Record<FindingRelation, RelationColor> = {
  stotter: 'success',
  motsier: 'danger',
  nyanserer: 'warning',
  nytt_forhold: 'info',
};

export { findingRelations };

export function RelationTag({ relation, size = 'sm' }: { relation: FindingRelation; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={relationColor[relation]} data-size={size} data-testid="relation-tag" data-relation={relation} title={t(`findings.relationHelp.${relation}`)}>
      {t(`findings.relation.${relation}`)}
    </Tag>
  );
}

/** Small coloured chips with the number of links per relation (zeros greyed). */
export function RelationCounts({ counts, hideZero = false, testId = 'relation-counts' }: { counts: Record<FindingRelation, number>; hideZero?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const shown = hideZero ? findingRelations.filter((r) => counts[r] > 0) : findingRelations;
  if (shown.length === 0) {
    return (
      <span className="relation-counts relation-counts--none" data-testid={testId} data-total={0}>
        {t('findings.view.noLinksShort')}
      </span>
    );
  }
  return (
    <span className="relation-counts" role="group" aria-label={t('findings.countsLabel')} data-testid={testId}>
      {shown.map((r) => {
        const n = counts[r];
        const label = t('findings.chipTitle', { relation: t(`findings.relation.${r}`), formatted: formatNumber(n) });
        return (
          <span
            key={r}
            className={`relation-chip relation-chip--${r}${n === 0 ? ' relation-chip--zero' : ''}`}
            title={label}
            data-testid="relation-count"
            data-relation={r}
            data-count={n}
          >
            <span className="ds-sr-only">{label}</span>
            <span aria-hidden>
              <span className="relation-chip__dot" />
              {t(`findings.relation.${r}`)} {formatNumber(n)}
            </span>
          </span>
        );
      })}
    </span>
  );
}

/** "Ikke verifisert" (or "Verifisert" where asked for) with an explanation on hover. */
export function VerifiedTag({ verified, showVerified = false }: { verified: boolean; showVerified?: boolean }) {
  const { t } = useTranslation();
  if (verified && !showVerified) return null;
  return verified ? (
    <Tag data-color="success" data-size="sm" data-testid="verified-tag" data-verified="true">
      {t('findings.verified')}
    </Tag>
  ) : (
    <Tag data-color="warning" data-size="sm" data-testid="verified-tag" data-verified="false" title={t('findings.notVerifiedHelp')}>
      {t('findings.notVerified')}
    </Tag>
  );
}
