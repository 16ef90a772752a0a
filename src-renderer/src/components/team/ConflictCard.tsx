// One conflict, side by side: the master's version ("Hovedprosjektet") and
// the colleague's, with the base they both started from when there is one;
// above them where it is (municipality, police district, question, variable
// or code) and below them the lead's choice. Nothing is decided until the
// lead presses one of the buttons; afterwards the card says what was chosen,
// by whom and when.
import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictSide, ConflictView } from '../../../../src-shared/team';
import { useApiMutation } from '../../api';
import { formatDateTime } from '../../lib/format';
import { useCase } from '../case/caseContext';
import { ErrorAlert } from '../ErrorAlert';
import { columnLabel, entityLabel } from './teamText';

type SideName = 'base' | 'ours' | 'theirs';

interface Props {
  conflict: ConflictView;
}

function SideView({ name, label, side, baseExists, chosen }: { name: SideName; label: string; side: ConflictSide; baseExists: boolean; chosen: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className={`team-side team-side--${name}${chosen ? ' team-side--chosen' : ''}`} aria-labelledby={headingId} data-testid={`team-conflict-${name}`}>
      <div className="team-side__head">
        <Heading level={5} data-size="2xs" id={headingId} data-testid={`team-conflict-${name}-label`}>
          {label}
        </Heading>
        {chosen && (
          <Tag data-color="success" data-size="sm" data-testid="team-conflict-chosen">
            {t('team.conflicts.chosen')}
          </Tag>
        )}
      </div>
      {side.row === null ? (
        <Paragraph data-size="sm" className="team-side__value team-side__value--absent" data-testid={`team-conflict-${name}-value`}>
          {name !== 'base' && baseExists ? t('team.conflicts.deleted') : t('team.conflicts.absent')}
        </Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm" className="team-side__value" data-testid={`team-conflict-${name}-value`}>
            {side.summary ?? <span className="muted">{t('team.conflicts.noSummary')}</span>}
          </Paragraph>
          {side.codeName && side.codeName !== side.summary && (
            <Paragraph data-size="sm">
              <span className="muted">{t('team.conflicts.code')}</span> {side.codeName}
            </Paragraph>
          )}
          {side.quote && side.quote !== side.summary && (
            <blockquote className="team-side__quote" data-testid={`team-conflict-${name}-quote`}>
              «{side.quote}»
            </blockquote>
          )}
        </>
      )}
      {side.actor && (
        <Paragraph data-size="sm" className="muted" data-testid={`team-conflict-${name}-actor`}>
          {t('team.conflicts.by', { name: side.actor })}
        </Paragraph>
      )}
    </section>
  );
}

export function ConflictCard({ conflict: c }: Props) {
  const { t } = useTranslation();
  const { navigate } = useCase();
  const headingId = useId();
  const decisionRef = useRef<HTMLParagraphElement>(null);
  const [justResolved, setJustResolved] = useState(false);
  // The decision replaces the conflict in every cached list at once.
  const resolver = useApiMutation('team.resolveConflict', {
    apply: (updated, _input, cache) => cache.update('team.conflicts', (list) => list.map((x) => (x.id === updated.id ? updated : x))),
    onSuccess: () => setJustResolved(true),
  });
  const busy = resolver.isPending ? (resolver.variables?.choose ?? null) : null;
  const error = resolver.error;

  // After a decision the buttons are gone: keep the keyboard user on the card, at its decision.
  useEffect(() => {
    if (justResolved && c.status === 'resolved') decisionRef.current?.focus();
  }, [justResolved, c.status]);

  const resolve = (choose: 'ours' | 'theirs') => resolver.run({ id: c.id, choose });

  const ctx = c.context;
  const place = [
    ctx.municipalityName ? `${ctx.municipalityName}${ctx.municipalityNumber ? ` (${ctx.municipalityNumber})` : ''}` : ctx.respondentName,
    ctx.policeDistrictName,
  ].filter(Boolean);
  const questionOrdinal = ctx.questionOrdinal ?? c.ours.questionOrdinal ?? c.theirs.questionOrdinal;
  const codeName = c.ours.codeName ?? c.theirs.codeName ?? c.base?.codeName ?? null;
  const theirsLabel = c.assignee;

  return (
    <article
      className={`panel team-conflict team-conflict--${c.status}`}
      aria-labelledby={headingId}
      data-testid="team-conflict"
      data-id={c.id}
      data-status={c.status}
      data-kind={c.kind}
      data-entity={c.entityType}
    >
      <div className="team-conflict__head">
        <div className="stack stack--tight">
          <Heading level={4} data-size="xs" id={headingId} data-testid="team-conflict-title">
            {place.length > 0 ? place.join(' · ') : entityLabel(t, c.entityType)}
          </Heading>
          <dl className="facts facts--compact team-conflict__context" data-testid="team-conflict-context">
            {questionOrdinal !== null && (
              <div>
                <dt>{t('team.conflicts.question')}</dt>
                <dd>{ctx.questionLabel ? t('team.conflicts.questionLabel', { n: questionOrdinal, label: ctx.questionLabel }) : t('team.conflicts.questionN', { n: questionOrdinal })}</dd>
              </div>
            )}
            {ctx.variableLabel && (
              <div>
                <dt>{t('team.conflicts.variable')}</dt>
                <dd data-testid="team-conflict-variable">{ctx.variableLabel}</dd>
              </div>
            )}
            {!ctx.variableLabel && codeName && (
              <div>
                <dt>{t('team.conflicts.code')}</dt>
                <dd>{codeName}</dd>
              </div>
            )}
            <div>
              <dt>{t('team.conflicts.what')}</dt>
              <dd>{entityLabel(t, c.entityType)}</dd>
            </div>
            {c.columns.length > 0 && (
              <div>
                <dt>{t('team.conflicts.columns')}</dt>
                <dd>{c.columns.map((col) => columnLabel(t, col)).join(', ')}</dd>
              </div>
            )}
            <div>
              <dt>{t('team.conflicts.arrived')}</dt>
              <dd>{formatDateTime(c.createdAt)}</dd>
            </div>
          </dl>
        </div>
        <div className="team-conflict__tags">
          <Tag data-color={c.status === 'open' ? 'warning' : 'success'} data-size="sm" data-testid="team-conflict-status">
            {t(`team.conflicts.status.${c.status}`)}
          </Tag>
          <Tag data-color="neutral" data-size="sm" title={t(`team.conflicts.kindHelp.${c.kind}`)}>
            {t(`team.conflicts.kind.${c.kind}`)}
          </Tag>
        </div>
      </div>
      <Paragraph data-size="sm" className="muted">
        {t(`team.conflicts.kindHelp.${c.kind}`, { name: theirsLabel })}
      </Paragraph>

      <div className={`team-sides${c.base ? ' team-sides--three' : ''}`}>
        {c.base && <SideView name="base" label={t('team.conflicts.base')} side={c.base} baseExists chosen={false} />}
        <SideView name="ours" label={t('team.conflicts.master')} side={c.ours} baseExists={c.base !== null} chosen={c.resolution === 'ours'} />
        <SideView name="theirs" label={theirsLabel} side={c.theirs} baseExists={c.base !== null} chosen={c.resolution === 'theirs'} />
      </div>

      {c.status === 'open' ? (
        <div className="button-row">
          <Button data-size="sm" variant="secondary" onClick={() => void resolve('ours')} loading={busy === 'ours'} disabled={busy !== null} data-testid="team-conflict-keep-ours">
            {t('team.conflicts.keepOurs')}
          </Button>
          <Button data-size="sm" variant="secondary" onClick={() => void resolve('theirs')} loading={busy === 'theirs'} disabled={busy !== null} data-testid="team-conflict-use-theirs">
            {t('team.conflicts.useTheirs', { name: theirsLabel })}
          </Button>
          {ctx.responseId && (
            <Button data-size="sm" variant="tertiary" onClick={() => navigate({ view: 'responses', responseId: ctx.responseId! })} data-testid="team-conflict-open-response">
              {t('team.conflicts.openResponse')}
            </Button>
          )}
        </div>
      ) : (
        <Paragraph data-size="sm" className="team-conflict__decision" ref={decisionRef} tabIndex={-1} data-testid="team-conflict-decision">
          <strong>{c.resolution === 'theirs' ? t('team.conflicts.decidedTheirs', { name: theirsLabel }) : t('team.conflicts.decidedOurs')}</strong>{' '}
          {t('team.conflicts.decidedBy', { user: c.resolvedBy ?? '–', date: formatDateTime(c.resolvedAt) })}
        </Paragraph>
      )}
      {error && <ErrorAlert title={t('team.conflicts.failed')} error={error} data-testid="team-conflict-error" />}
    </article>
  );
}
