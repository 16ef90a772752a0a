// Shared passages under *Felles tekst*: runs of ≥ 20 words that two or more
// respondents have in otherwise different answers, the passage once with who
// has it (where, and who first by date), and a group coded at once.
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { SharedPassageGroup } from '../../../../src-shared/analysis';
import type { Code } from '../../../../src-shared/coding';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatDate } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { CodeWholeGroup } from './CodeWholeGroup';
import { LoadingState } from '../LoadingState';

export function SharedPassages({ codes }: { codes: Code[] }) {
  const { t } = useTranslation();
  const { data, error } = useApiQuery('analysis.sharedPassages', {});

  return (
    <section className="stack" data-testid="shared-passages" aria-labelledby="shared-passages-heading">
      <Heading level={2} data-size="xs" id="shared-passages-heading">
        {t('analysis.passages.heading')}
      </Heading>
      {error && <ErrorAlert title={t('analysis.failed')} error={error} />}
      {!data && !error && <LoadingState label={t('app.loading')} />}
      {data && (
        <>
          <Paragraph data-size="sm">{t('analysis.passages.summary', { compared: data.answersCompared, groups: data.groups.length, words: data.minWords })}</Paragraph>
          {data.groups.map((g) => (
            <PassageGroup key={g.id} group={g} codes={codes} />
          ))}
        </>
      )}
    </section>
  );
}

function PassageGroup({ group, codes }: { group: SharedPassageGroup; codes: Code[] }) {
  const { t } = useTranslation();
  const codePassages = useApiMutation('analysis.codePassages');
  const codeAll = (codeId: string) => codePassages.run({ spans: group.members.map((m) => ({ answerId: m.answerId, start: m.start, end: m.end })), codeId });

  return (
    <section className="analysis-shared-group" data-testid="passage-group">
      <Heading level={3} data-size="xs">
        {t('analysis.passages.groupHeading', { respondents: group.respondents, words: group.words })}
      </Heading>
      <blockquote className="analysis-quote" data-testid="passage-text">
        {group.text}
      </blockquote>
      <ul className="analysis-quote-list">
        {group.members.map((m) => (
          <li key={`${m.answerId}:${m.start}`} data-testid="passage-member">
            <strong>{m.municipality?.name ?? m.respondentName}</strong>
            {m.questionOrdinal !== null && <span className="analysis-muted"> · {t('search.question', { n: m.questionOrdinal })}</span>}
            <span className="analysis-muted"> · {m.receivedDate ? formatDate(m.receivedDate) : t('analysis.passages.noDate')}</span>
            {m.first && <span data-testid="passage-first"> · {t('analysis.passages.first')}</span>}
            <span className="analysis-muted"> · {t('analysis.passages.where', { start: m.start, end: m.end })}</span>
          </li>
        ))}
      </ul>
      <CodeWholeGroup
        codes={codes}
        label={t('analysis.passages.codeGroup')}
        testIdPrefix="passage"
        onCode={codeAll}
        pending={codePassages.isPending}
        result={codePassages.data}
        error={codePassages.error}
      />
    </section>
  );
}
