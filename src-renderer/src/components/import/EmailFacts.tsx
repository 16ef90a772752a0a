// For e-mail files in the import preview: who sent it (name and address), when
// (dd.mm.åååå tt:mm, Norwegian time), the subject, which attachment is read as
// the letter and why, and the other attachments that stay with the response
// as source files — so the caseworker sees what the import will take from the
// message before confirming. The respondent's evidence is LetterSender's.
import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { EmailReport } from '../../../../src-shared/imports';
import { formatNorwegianDateTime } from '../../../../src-shared/norwegian';
import { formatBytes } from '../../lib/format';

function sender(email: EmailReport): string | null {
  if (email.fromAddress) return email.fromName ? `${email.fromName} <${email.fromAddress}>` : email.fromAddress;
  return email.fromName;
}

export function EmailFacts({ email }: { email: EmailReport }) {
  const { t } = useTranslation();
  const others = email.attachments.filter((a) => a.role !== 'letter');
  return (
    <section className="stack stack--tight" data-testid="email-facts" aria-label={t('import.email.heading')}>
      <Paragraph data-size="sm">
        <strong>{t('import.email.heading')}</strong>
      </Paragraph>
      <dl className="file-facts">
        <div>
          <dt>{t('import.email.from')}</dt>
          <dd data-testid="email-from">{sender(email) ?? t('import.email.none')}</dd>
        </div>
        <div>
          <dt>{t('import.email.sent')}</dt>
          <dd data-testid="email-sent">{email.date ? formatNorwegianDateTime(new Date(email.date)) : t('import.email.none')}</dd>
        </div>
        <div>
          <dt>{t('import.email.subject')}</dt>
          <dd data-testid="email-subject">{email.subject ?? t('import.email.none')}</dd>
        </div>
        <div>
          <dt>{t('import.email.letter')}</dt>
          <dd data-testid="email-letter" data-reason={email.letterReason ?? ''}>
            {email.letter ?? t('import.email.body')}
            {email.letterReason && <span className="muted"> ({t(`import.email.reason.${email.letterReason}`)})</span>}
          </dd>
        </div>
        <div>
          <dt>{t('import.email.others')}</dt>
          <dd>
            {others.length === 0 ? (
              t('import.email.noOthers')
            ) : (
              <ul data-testid="email-attachments">
                {others.map((a, i) => (
                  <li key={`${a.name}-${i}`} data-testid="email-attachment" data-role={a.role}>
                    {a.name} <span className="muted">({formatBytes(a.bytes)}; {a.note ?? (a.role === 'inline' ? t('import.email.role.inline') : t('import.email.role.kept'))})</span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        {email.innerMessages > 0 && (
          <div>
            <dt>{t('import.email.innerLabel')}</dt>
            <dd data-testid="email-inner">{t('import.email.inner', { count: email.innerMessages })}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
