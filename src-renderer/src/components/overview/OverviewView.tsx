// "Oversikt": the case in numbers — responses, who has answered, what needs
// attention (splitting, unsettled senders) and answers per question. Each
// figure that needs work opens the list filtered to it.
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectStats } from '../../../../src-shared/domain';
import { useApiQuery } from '../../api';
import { formatNumber, formatPercent } from '../../lib/format';
import { LoadingState } from '../LoadingState';
import { useCase } from '../case/caseContext';
import type { ResponseFilter } from '../responses/responseFilter';

interface Props {
  stats: ProjectStats | null;
  unanswered: number | null;
  onOpenResponses: (filter: Partial<ResponseFilter>) => void;
}

interface Card {
  id: string;
  label: string;
  value: number;
  detail: string;
  tone?: 'warning' | 'info';
  onClick?: () => void;
}

export function OverviewView({ stats, unanswered, onOpenResponses }: Props) {
  const { t } = useTranslation();
  const { project, navigate } = useCase();
  const headingId = useId();
  const questionsId = useId();
  const needsSplitting = useApiQuery('responses.list', { needsSplitting: true }).data?.length ?? null;

  if (!stats) return <LoadingState label={t('app.loading')} />;

  const total = stats.municipalities;
  const answered = unanswered === null ? null : total - unanswered;
  const empty = stats.responses.current === 0;

  const cards: Card[] = [
    {
      id: 'responses',
      label: t('overview.cards.responses'),
      value: stats.responses.current,
      detail:
        stats.responses.superseded > 0
          ? t('overview.cards.responsesDetail', { count: stats.responses.superseded, formatted: formatNumber(stats.responses.superseded) })
          : t('overview.cards.responsesNoSuperseded'),
      onClick: () => onOpenResponses({}),
    },
    {
      id: 'answered',
      label: t('overview.cards.answered'),
      value: answered ?? 0,
      detail: t('overview.cards.answeredDetail', { total: formatNumber(total), share: formatPercent(answered ?? 0, total) }),
      onClick: () => navigate({ view: 'unanswered' }),
    },
    {
      id: 'needsSplitting',
      label: t('overview.cards.needsSplitting'),
      value: needsSplitting ?? 0,
      detail: t('overview.cards.needsSplittingDetail'),
      tone: needsSplitting ? 'warning' : undefined,
      onClick: () => onOpenResponses({ needsSplitting: true }),
    },
    {
      id: 'ambiguous',
      label: t('overview.cards.ambiguous'),
      value: stats.respondents.ambiguous,
      detail: t('overview.cards.ambiguousDetail'),
      tone: stats.respondents.ambiguous ? 'warning' : undefined,
      onClick: () => onOpenResponses({ matchStatus: 'ambiguous' }),
    },
    {
      id: 'unmatched',
      label: t('overview.cards.unmatched'),
      value: stats.respondents.unmatched,
      detail: t('overview.cards.unmatchedDetail'),
      tone: stats.respondents.unmatched ? 'info' : undefined,
      onClick: () => onOpenResponses({ matchStatus: 'unmatched' }),
    },
  ];

  const maxByQuestion = Math.max(1, ...stats.answers.byQuestion);
  const questions = [...project.questions].sort((a, b) => a.ordinal - b.ordinal);

  return (
    <section className="stack" aria-labelledby={headingId} data-testid="overview">
      <div className="view-header">
        <Heading level={2} data-size="sm" id={headingId}>
          {t('overview.heading')}
        </Heading>
        <Button data-size="sm" variant={empty ? 'primary' : 'secondary'} onClick={() => navigate({ view: 'import' })} data-testid="overview-import">
          {t('responses.import')}
        </Button>
      </div>
      {empty && (
        <div className="empty-state panel" data-testid="overview-empty">
          <Heading level={3} data-size="xs">
            {t('overview.emptyHeading')}
          </Heading>
          <Paragraph data-size="sm">{t('overview.emptyIntro')}</Paragraph>
        </div>
      )}
      <ul className="stat-cards">
        {cards.map((c) => (
          <li key={c.id}>
            <button type="button" className={`stat-card${c.tone ? ` stat-card--${c.tone}` : ''}`} onClick={c.onClick} data-testid={`stat-${c.id}`}>
              <span className="stat-card__label">{c.label}</span>
              <span className="stat-card__value" data-testid={`stat-${c.id}-value`}>
                {formatNumber(c.value)}
              </span>
              <span className="stat-card__detail">{c.detail}</span>
            </button>
          </li>
        ))}
      </ul>

      <section className="panel" aria-labelledby={questionsId} data-testid="overview-questions">
        <Heading level={3} data-size="xs" id={questionsId}>
          {t('overview.byQuestion')}
        </Heading>
        <Paragraph data-size="sm" className="muted">
          {t('overview.byQuestionIntro')}
        </Paragraph>
        <ol className="question-bars">
          {questions.map((q, i) => {
            const n = stats.answers.byQuestion[i] ?? 0;
            return (
              <li key={q.id} className="question-bar" data-testid="overview-question" data-ordinal={q.ordinal}>
                <span className="question__number question__number--sm" aria-hidden>
                  {q.ordinal}
                </span>
                <span className="question-bar__label" title={q.text}>
                  <span className="ds-sr-only">{t('questions.number', { ordinal: q.ordinal })}: </span>
                  {q.shortLabel}
                </span>
                <span className="question-bar__track" aria-hidden>
                  <span style={{ width: `${(n / maxByQuestion) * 100}%` }} />
                </span>
                <span className="question-bar__value" data-testid="overview-question-count">
                  {t('overview.answers', { count: n, formatted: formatNumber(n) })}
                </span>
              </li>
            );
          })}
        </ol>
        {stats.answers.unassigned > 0 && (
          <Paragraph data-size="sm" data-testid="overview-unassigned">
            {t('overview.unassigned', { count: stats.answers.unassigned, formatted: formatNumber(stats.answers.unassigned) })}
          </Paragraph>
        )}
      </section>
    </section>
  );
}
