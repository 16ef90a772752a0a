// Small pieces of a response shown in the list and the detail: its flags,
// which questions it answers, and its work status.
import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ResponseStatus, ResponseSummary } from '../../../../src-shared/domain';
import { PersonalDataTag } from '../personal/PersonalData';

export function ResponseFlags({ response }: { response: ResponseSummary }) {
  const { t } = useTranslation();
  return (
    <span className="flags" data-testid="response-flags">
      {response.needsSplitting && (
        <Tag data-color="warning" data-size="sm" data-testid="flag-needs-splitting">
          {t('responses.flags.needsSplitting')}
        </Tag>
      )}
      {response.matchStatus === 'ambiguous' && (
        <Tag data-color="warning" data-size="sm" data-testid="flag-ambiguous">
          {t('responses.flags.ambiguous')}
        </Tag>
      )}
      {response.matchStatus === 'unmatched' && (
        <Tag data-color="info" data-size="sm" data-testid="flag-unmatched">
          {t('responses.flags.unmatched')}
        </Tag>
      )}
      {typeof response.ocrConfidence === 'number' && (
        <Tag data-color="info" data-size="sm" data-testid="flag-ocr" title={t('responses.flags.ocrHelp')}>
          {t('responses.flags.ocr', { confidence: response.ocrConfidence })}
        </Tag>
      )}
      <PersonalDataTag kinds={response.personalData} />
      {!response.isCurrent && (
        <Tag data-color="neutral" data-size="sm" data-testid="flag-superseded">
          {t('responses.flags.superseded')}
        </Tag>
      )}
    </span>
  );
}

/** The letter's questions as small boxes, filled where the response answers. */
export function AnsweredQuestions({ answered, total, hasUnassigned }: { answered: number[]; total: number; hasUnassigned: boolean }) {
  const { t } = useTranslation();
  const set = new Set(answered);
  const label =
    answered.length > 0 ? t('responses.answeredList', { list: answered.join(', ') }) : t('responses.answeredNone');
  return (
    <span className="answered" data-testid="answered" data-answered={answered.join(' ')} title={label}>
      <span className="ds-sr-only">{label}</span>
      {Array.from({ length: total }, (_, i) => i + 1).map((n) => (
        <span key={n} className={`answered__q${set.has(n) ? ' answered__q--yes' : ''}`} aria-hidden>
          {n}
        </span>
      ))}
      {hasUnassigned && (
        <span className="answered__unassigned" aria-hidden title={t('responses.hasUnassigned')}>
          +
        </span>
      )}
    </span>
  );
}

const statusColor: Record<ResponseStatus, 'neutral' | 'info' | 'success' | 'accent'> = {
  ikke_startet: 'neutral',
  under_arbeid: 'info',
  ferdig: 'success',
  kvalitetssikret: 'accent',
};

export function StatusTag({ status }: { status: ResponseStatus }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={statusColor[status]} data-size="sm" data-testid="response-status" data-status={status}>
      {t(`responses.status.${status}`)}
    </Tag>
  );
}
