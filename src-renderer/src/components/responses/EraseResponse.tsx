// «Slett besvarelse permanent» on a response's page: a button that opens a
// dialog saying exactly what will be removed (the core's own count:
// responses.erasePlan), which the caseworker must confirm by typing a word,
// because the erasure cannot be undone. The dialog is the design system's
// modal <dialog>: focus stays inside, Escape closes it, it is labelled by its
// title. After the erasure the page goes back to the list, which the change
// event refreshes.
import { Alert, Button, Checkbox, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErasurePlan, ErasureResult } from '../../../../src-shared/domain';
import { useApiMutation, useApiQuery } from '../../api';
import { formatNumber } from '../../lib/format';
import { ConfirmDialog } from '../coding/ConfirmDialog';
import { ErrorAlert } from '../ErrorAlert';
import { LoadingState } from '../LoadingState';
import { useToast } from '../Toast';

interface Props {
  responseId: string;
  onErased: (result: ErasureResult) => void;
}

/** The word to type, in the interface's language (SLETT / DELETE), compared without regard to case. */
export function confirmed(typed: string, word: string): boolean {
  return typed.trim().toLocaleUpperCase('nb') === word.toLocaleUpperCase('nb');
}

export function EraseResponse({ responseId, onErased }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [withRespondent, setWithRespondent] = useState(false);
  const plan = useApiQuery('responses.erasePlan', open ? { id: responseId } : null);
  const erase = useApiMutation('responses.erase', {
    onSuccess: (result) => {
      setOpen(false);
      toast.notify(t('erase.done', { name: plan.data?.respondentName ?? '' }));
      onErased(result);
    },
  });
  const word = t('erase.word');
  const close = () => {
    setOpen(false);
    setTyped('');
    setWithRespondent(false);
    erase.reset();
  };

  return (
    <section className="aside-card" data-testid="detail-erase">
      <Heading level={3} data-size="2xs">
        {t('erase.heading')}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t('erase.intro')}
      </Paragraph>
      <Button variant="secondary" data-color="danger" data-size="sm" onClick={() => setOpen(true)} data-testid="erase-open">
        {t('erase.open')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('erase.title')}
        confirmLabel={t('erase.confirm')}
        danger
        busy={erase.isPending}
        disabled={!plan.data || !confirmed(typed, word)}
        onConfirm={() => void erase.run({ id: responseId, withRespondent, confirm: true })}
        onClose={close}
        data-testid="erase-dialog"
      >
        {plan.error && <ErrorAlert title={t('erase.planFailed')} error={plan.error} />}
        {!plan.data && !plan.error && <LoadingState label={t('app.loading')} />}
        {plan.data && (
          <>
            <Paragraph data-size="sm">{t('erase.lead', { name: plan.data.respondentName })}</Paragraph>
            <PlanList plan={plan.data} withRespondent={withRespondent} />
            <Checkbox
              data-size="sm"
              label={t('erase.withRespondent', { name: plan.data.respondentName })}
              description={plan.data.respondentOtherResponses > 0 ? t('erase.respondentHasOthers', { count: plan.data.respondentOtherResponses }) : undefined}
              checked={withRespondent}
              disabled={plan.data.respondentOtherResponses > 0}
              onChange={(e) => setWithRespondent(e.target.checked)}
              data-testid="erase-with-respondent"
            />
            {plan.data.backupsHoldingIt > 0 && (
              <Alert data-color="warning" data-size="sm" data-testid="erase-backups">
                {t('erase.backups', { count: plan.data.backupsHoldingIt })}
              </Alert>
            )}
            <Paragraph data-size="sm">
              <strong>{t('erase.cannotUndo')}</strong>
            </Paragraph>
            <Textfield
              data-size="sm"
              label={t('erase.typeLabel', { word })}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              data-testid="erase-type"
            />
            {erase.error && <ErrorAlert title={t('erase.failed')} error={erase.error} data-testid="erase-error" />}
          </>
        )}
      </ConfirmDialog>
    </section>
  );
}

/** What goes, one line per kind, with counts; the source file's fate said plainly. */
function PlanList({ plan, withRespondent }: { plan: ErasurePlan; withRespondent: boolean }) {
  const { t } = useTranslation();
  const n = (count: number) => formatNumber(count);
  return (
    <ul className="erase-plan" data-testid="erase-plan">
      <li data-testid="erase-plan-text">{t('erase.plan.text', { count: plan.answers, characters: n(plan.characters) })}</li>
      <li data-testid="erase-plan-codings">{t('erase.plan.codings', { count: plan.codings, n: n(plan.codings) })}</li>
      <li data-testid="erase-plan-values">{t('erase.plan.values', { count: plan.variableValues, n: n(plan.variableValues) })}</li>
      {plan.evidenceElsewhere > 0 && <li data-testid="erase-plan-evidence">{t('erase.plan.evidence', { count: plan.evidenceElsewhere, n: n(plan.evidenceElsewhere) })}</li>}
      <li data-testid="erase-plan-memos">{t('erase.plan.memos', { count: plan.memos, n: n(plan.memos) })}</li>
      <li data-testid="erase-plan-links">{t('erase.plan.links', { count: plan.findingLinks, n: n(plan.findingLinks) })}</li>
      <li data-testid="erase-plan-file">
        {plan.sourceFile === null
          ? t('erase.plan.noFile')
          : plan.sourceFile.erased
            ? t('erase.plan.file', { name: plan.sourceFile.name })
            : t('erase.plan.fileKept', { name: plan.sourceFile.name, count: plan.sourceFile.sharedWith })}
      </li>
      {withRespondent && <li data-testid="erase-plan-respondent">{t('erase.plan.respondent', { name: plan.respondentName })}</li>}
      <li>{t('erase.plan.trail')}</li>
    </ul>
  );
}
