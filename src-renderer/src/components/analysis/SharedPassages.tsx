// Shared passages under *Felles tekst*: runs of ≥ 20 words that two or more
// respondents have in otherwise different answers, the passage once with who
// has it (where, and who first by date), and a group coded at once.
import { Button, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SharedPassageGroup, SharedPassagesResult } from '../../../../src-shared/analysis';
import type { Code } from '../../../../src-shared/coding';
import { api } from '../../api/client';
import { formatDate } from '../../lib/format';
import { toUiError, type UiError } from '../../lib/errors';
import { ErrorAlert } from '../ErrorAlert';
import { LoadingState } from '../LoadingState';
import { useCase } from '../case/caseContext';
import { flattenTree } from '../coding/codeTree';

export function SharedPassages({ codes }: { codes: Code[] }) {
  const { t } = useTranslation();
  const { revision } = useCase();
  const [data, setData] = useState<SharedPassagesResult | null>(null);
  const [error, setError] = useState<UiError | null>(null);

  useEffect(() => {
    let live = true;
    api.analysis
      .sharedPassages({})
      .then((d) => {
        if (!live) return;
        setData(d);
        setError(null);
      })
      .catch((e: unknown) => live && setError(toUiError(e)));
    return () => {
      live = false;
    };
  }, [revision]);

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
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<UiError | null>(null);

  async function codeAll() {
    setBusy(true);
    setError(null);
    try {
      const spans = group.members.map((m) => ({ answerId: m.answerId, start: m.start, end: m.end }));
      const r = await api.analysis.codePassages({ spans, codeId });
      setMessage(t('analysis.shared.coded', { created: r.created, unchanged: r.unchanged }));
    } catch (e) {
      setError(toUiError(e));
    } finally {
      setBusy(false);
    }
  }

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
        <Button data-size="sm" disabled={!codeId || busy} onClick={() => void codeAll()} data-testid="passage-code-group">
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
