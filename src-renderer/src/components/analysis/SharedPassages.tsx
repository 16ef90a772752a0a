// Shared passages under *Felles tekst*: runs of ≥ 20 words that two or more
// respondents have in otherwise different answers, the passage once with who
// has it (where, and who first by date), and a group coded at once.
import { Button, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SharedPassageGroup } from '../../../../src-shared/analysis';
import type { Code } from '../../../../src-shared/coding';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatDate } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { LoadingState } from '../LoadingState';
import { flattenTree } from '../coding/codeTree';

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
  const selectId = useId();
  const [codeId, setCodeId] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const codePassages = useApiMutation('analysis.codePassages', {
    onSuccess: (r) => setMessage(t('analysis.shared.coded', { created: r.created, unchanged: r.unchanged })),
  });
  const { error } = codePassages;
  const codeAll = () => codePassages.run({ spans: group.members.map((m) => ({ answerId: m.answerId, start: m.start, end: m.end })), codeId });

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
      <div className="filters">
        <Field data-size="sm">
          <Label htmlFor={selectId}>{t('search.code')}</Label>
          <Select id={selectId} value={codeId} onChange={(e) => setCodeId(e.target.value)} data-testid="passage-code-select">
            <Select.Option value="">{t('analysis.shared.chooseCode')}</Select.Option>
            {flattenTree(codes).map((f) => (
              <Select.Option key={f.code.id} value={f.code.id}>
                {f.path}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Button data-size="sm" disabled={!codeId || codePassages.isPending} onClick={() => void codeAll()} data-testid="passage-code-group">
          {t('analysis.passages.codeGroup')}
        </Button>
      </div>
      {message && (
        <Paragraph data-size="sm" role="status">
          {message}
        </Paragraph>
      )}
      {error && <ErrorAlert title={t('analysis.failed')} error={error} />}
    </section>
  );
}
