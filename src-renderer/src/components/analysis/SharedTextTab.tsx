// Shared text: answers that are (nearly) the same across respondents, as joint
// statements often are; each distinct text is shown once with who sent it,
// near-copies with their differences marked, and a group can be coded at once.
import { Field, Heading, Label, Paragraph } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SharedTextGroup } from '../../../../src-shared/analysis';
import type { Code } from '../../../../src-shared/coding';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { ErrorAlert } from '../ErrorAlert';
import { CodeWholeGroup } from './CodeWholeGroup';
import { LoadingState } from '../LoadingState';
import { SharedPassages } from './SharedPassages';

const NO_CODES: Code[] = [];

export function SharedTextTab() {
  const { t } = useTranslation();
  const sliderId = useId();
  const [threshold, setThreshold] = useState(0.8);
  const debounced = useDebouncedValue(threshold, 250);
  const { data, error } = useApiQuery('analysis.sharedText', { threshold: debounced }, { keepPrevious: true });
  // The code list only feeds the pickers: while it loads (or if it fails) they offer no codes.
  const codes = useApiQuery('codebook.list', {}).data ?? NO_CODES;

  return (
    <div className="stack" data-testid="analysis-shared">
      <Field data-size="sm" className="analysis-slider">
        <Label htmlFor={sliderId}>{t('analysis.shared.threshold', { value: Math.round(threshold * 100) })}</Label>
        <input id={sliderId} type="range" min={0.5} max={1} step={0.05} value={threshold} onChange={(e) => setThreshold(Number(e.target.value))} data-testid="shared-threshold" />
      </Field>
      {error && <ErrorAlert title={t('analysis.failed')} error={error} />}
      {!data && !error && <LoadingState label={t('app.loading')} />}
      {data && (
        <>
          <Paragraph data-size="sm">{t('analysis.shared.summary', { compared: data.answersCompared, groups: data.groups.length })}</Paragraph>
          {data.groups.map((g) => (
            <SharedGroup key={g.id} group={g} codes={codes} />
          ))}
        </>
      )}
      <SharedPassages codes={codes} />
    </div>
  );
}

function SharedGroup({ group, codes }: { group: SharedTextGroup; codes: Code[] }) {
  const { t } = useTranslation();
  const codeGroup = useApiMutation('analysis.codeGroup');
  const codeAll = (codeId: string) => codeGroup.run({ groupAnswerIds: group.members.map((m) => m.answerId), codeId });
  const memberOf = new Map(group.members.map((m) => [m.answerId, m]));

  return (
    <section className="analysis-shared-group" data-testid="shared-group">
      <Heading level={3} data-size="xs">
        {t('analysis.shared.groupHeading', { respondents: group.respondents, similarity: Math.round(group.minSimilarity * 100) })}
        {group.identical && ` · ${t('analysis.shared.identical')}`}
      </Heading>
      {/* Each distinct text once (whole texts compared), who sent it under it; a near-copy shows how it differs from the first. */}
      {group.variants.map((variant, i) => (
        <div key={variant.answerIds[0]} className="analysis-shared-text" data-testid="shared-text">
          {variant.changes ? (
            <>
              <Paragraph data-size="sm" className="analysis-muted" data-testid="shared-difference">
                {t('analysis.shared.differs', { added: variant.wordsAdded, removed: variant.wordsRemoved })}
              </Paragraph>
              <blockquote className="analysis-quote analysis-shared-diff">
                {variant.changes.map((c, j) =>
                  c.kind === 'same' ? (
                    <span key={j}>{c.text}</span>
                  ) : c.kind === 'added' ? (
                    <ins key={j} data-testid="shared-added">
                      <span className="ds-sr-only">{t('analysis.shared.addedLabel')} </span>
                      {c.text}
                    </ins>
                  ) : (
                    <del key={j} data-testid="shared-removed">
                      <span className="ds-sr-only">{t('analysis.shared.removedLabel')} </span>
                      {c.text}
                    </del>
                  ),
                )}
              </blockquote>
            </>
          ) : (
            <blockquote className="analysis-quote">{variant.excerpt}</blockquote>
          )}
          <ul className="analysis-shared-members" aria-label={t('analysis.shared.sentBy', { count: variant.answerIds.length })}>
            {variant.answerIds.map((id) => memberOf.get(id)).map(
              (m) =>
                m && (
                  <li key={m.answerId} data-testid="shared-member" data-variant={i}>
                    <strong>{m.municipality?.name ?? m.respondentName}</strong>
                    {m.questionOrdinal !== null && <span className="analysis-muted"> · {t('search.question', { n: m.questionOrdinal })}</span>}
                  </li>
                ),
            )}
          </ul>
        </div>
      ))}
      <CodeWholeGroup
        codes={codes}
        label={t('analysis.shared.codeGroup')}
        testIdPrefix="shared"
        onCode={codeAll}
        pending={codeGroup.isPending}
        result={codeGroup.data}
        error={codeGroup.error}
      />
    </section>
  );
}
