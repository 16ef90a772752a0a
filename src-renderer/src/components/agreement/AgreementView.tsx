// "Samsvar": how far the caseworkers who coded the same responses agree, per
// code and per closed variable (percentage agreement, Cohen's kappa for two
// coders, Krippendorff's alpha), with a coder picker (by default the
// caseworkers of double-coded respondents). A row opens its disagreements
// side by side, where the lead decides which coding stands.
import { Checkbox, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { ErrorAlert } from '../ErrorAlert';
import { FilterSelect } from '../FilterSelect';
import { LoadingState } from '../LoadingState';
import { useCase } from '../case/caseContext';
import { AgreementTables, type AgreementTarget } from './AgreementTables';
import { DisagreementList } from './DisagreementList';
import './agreement.css';

export function AgreementView() {
  const { t } = useTranslation();
  const { project } = useCase();
  /** null: the report's default coders. */
  const [coders, setCoders] = useState<string[] | null>(null);
  const [questionId, setQuestionId] = useState('');
  const [target, setTarget] = useState<AgreementTarget | null>(null);
  // Until the user picks, the report's own default (the double coders); fewer than two cannot be compared.
  const picked = coders !== null && coders.length < 2;
  const query = useApiQuery('agreement.report', picked ? null : { ...(coders ? { coders } : {}), ...(questionId ? { questionId } : {}) }, { keepPrevious: true });
  const report = query.data ?? null;
  const error = query.error;
  const tooFew = picked || (coders === null && report !== null && report.coders.length < 2);

  const chosen = coders ?? report?.coders ?? [];
  const toggle = (name: string, on: boolean) => {
    const next = on ? [...chosen, name] : chosen.filter((c) => c !== name);
    // Keep the order of the candidate list, so A and B do not swap by clicking.
    setCoders((report?.candidates ?? next).filter((c) => next.includes(c)));
  };

  return (
    <section className="stack agreement-view" data-testid="agreement-view">
      <Heading level={2} data-size="md">
        {t('agreement.heading')}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t('agreement.intro')}
      </Paragraph>
      {error && <ErrorAlert title={t('agreement.failed')} error={error} />}
      {!report && !error && <LoadingState label={t('app.loading')} />}
      {report && (
        <>
          <div className="agreement-controls">
            <Fieldset data-size="sm" data-testid="agreement-coders">
              <Fieldset.Legend>{t('agreement.coders')}</Fieldset.Legend>
              <Fieldset.Description>{t('agreement.codersHelp')}</Fieldset.Description>
              {report.candidates.length === 0 && <Paragraph data-size="sm">{t('agreement.noCoders')}</Paragraph>}
              <div className="agreement-coders">
                {report.candidates.map((name) => (
                  <Checkbox
                    key={name}
                    data-size="sm"
                    label={name}
                    value={name}
                    checked={chosen.includes(name)}
                    onChange={(e) => toggle(name, e.target.checked)}
                    data-testid="agreement-coder"
                  />
                ))}
              </div>
            </Fieldset>
            <FilterSelect
              label={t('agreement.question')}
              allLabel={t('agreement.allQuestions')}
              value={questionId}
              options={project.questions.map((q) => ({ value: q.id, label: t('agreement.questionLabel', { ordinal: q.ordinal, label: q.shortLabel }) }))}
              onChange={setQuestionId}
              data-testid="agreement-question"
            />
          </div>
          {tooFew ? (
            <Paragraph data-testid="agreement-too-few">{t('agreement.chooseTwo')}</Paragraph>
          ) : (
            <>
              <Paragraph data-size="sm" data-testid="agreement-summary">
                {t('agreement.summary', {
                  count: report.responses,
                  coders: report.coders.join(', '),
                  open: report.disagreements.open,
                  resolved: report.disagreements.resolved,
                })}
              </Paragraph>
              {target ? (
                <DisagreementList target={target} coders={report.coders} questionId={questionId || undefined} onBack={() => setTarget(null)} />
              ) : (
                <AgreementTables report={report} onOpen={setTarget} />
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
