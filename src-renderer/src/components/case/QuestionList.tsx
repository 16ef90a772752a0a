// The case's questions in the order of the letter, each with its short label,
// full text and any sub-questions (question 4's five access channels).
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../../src-shared/domain';

export function QuestionList({ questions }: { questions: Question[] }) {
  const { t } = useTranslation();
  if (questions.length === 0) {
    return (
      <Paragraph className="muted" data-testid="questions-empty">
        {t('questions.empty')}
      </Paragraph>
    );
  }
  const sorted = [...questions].sort((a, b) => a.ordinal - b.ordinal);
  // The questions are h3s: an h2 (for screen readers; the case navigation already
  // names the screen visually) keeps the heading levels in order.
  return (
    <>
      <Heading level={2} className="ds-sr-only">
        {t('questions.heading')}
      </Heading>
      <ol className="question-list" data-testid="questions-list">
        {sorted.map((q) => (
          <li key={q.id} className="question" data-testid="question-item" data-ordinal={q.ordinal}>
            <span className="question__number" aria-hidden>
              {q.ordinal}
            </span>
            <div className="question__body">
              <Heading level={3} data-size="xs" className="question__label">
                <span className="ds-sr-only">{t('questions.number', { ordinal: q.ordinal })}: </span>
                {q.shortLabel}
              </Heading>
              <Paragraph variant="long" data-testid="question-text">
                {q.text}
              </Paragraph>
              {q.options.length > 0 && (
                <div className="question__options">
                  <Paragraph data-size="sm" className="question__options-label">
                    {t('questions.options', { count: q.options.length })}
                  </Paragraph>
                  <ol className="option-list" data-testid="question-options">
                    {[...q.options]
                      .sort((a, b) => a.ordinal - b.ordinal)
                      .map((o) => (
                        <li key={o.id} data-testid="question-option">
                          {o.label}
                        </li>
                      ))}
                  </ol>
                </div>
              )}
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
