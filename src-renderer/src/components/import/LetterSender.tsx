// For letters in the import preview: who sent it and on what evidence (with a
// confidence; *uavklart* below the threshold), and the received date with the
// line it came from — or why there is none.
import { Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { RespondentMatch } from '../../../../src-shared/imports';
import { formatDate, formatPercent } from '../../lib/format';

export function LetterSender({ match }: { match: RespondentMatch }) {
  const { t } = useTranslation();
  const sender = match.sender;
  if (!sender) return null;
  // The three strongest, and an e-mail's sender address and subject always (the preview shows what the e-mail gave).
  const top = sender.evidence.filter((e) => e.source !== 'body').filter((e, i) => i < 3 || e.source === 'email' || e.source === 'subject');
  return (
    <div className="letter-sender" data-testid="letter-sender" data-status={sender.status} data-kind={sender.kind}>
      <Paragraph data-size="sm">
        <strong>{t('import.letter.sender')}</strong>{' '}
        <Tag data-color={sender.status === 'found' ? 'success' : 'warning'} data-size="sm" data-testid="letter-sender-status">
          {t(`import.letter.status.${sender.status}`)}
        </Tag>{' '}
        <span data-testid="letter-sender-kind">{t(`import.letter.kind.${sender.kind}`)}</span>
        {' · '}
        <span data-testid="letter-sender-confidence">{t('import.letter.confidence', { value: formatPercent(sender.confidence * 100, 100) })}</span>
        {sender.label && (
          <>
            {' · '}
            <span data-testid="letter-sender-label">{t('import.letter.label', { label: sender.label })}</span>
          </>
        )}
      </Paragraph>
      {top.length > 0 && (
        <ul className="letter-sender__evidence" data-testid="letter-sender-evidence">
          {top.map((e, i) => (
            <li key={i}>
              {t(`import.letter.source.${e.source}`)}: «{e.text}»
            </li>
          ))}
        </ul>
      )}
      {sender.status === 'uavklart' && sender.candidates.length > 0 && (
        <Paragraph data-size="xs" data-testid="letter-sender-candidates">
          {t('import.letter.candidates', { list: sender.candidates.map((c) => c.name).join(' · ') })}
        </Paragraph>
      )}
      <Paragraph data-size="sm" data-testid="letter-date">
        <strong>{t('import.letter.date')}</strong> {match.receivedDate ? formatDate(match.receivedDate) : t('import.letter.noDate')}{' '}
        <span className="muted">{match.dateReason}</span>
      </Paragraph>
    </div>
  );
}
