// A danger alert for a failed call: a heading saying what failed, a plain
// explanation for the error code, and the core's own message as the detail.
import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiError } from '../lib/errors';

interface Props {
  title: string;
  error: UiError;
  /** Optional actions, e.g. a way out of the error. */
  children?: ReactNode;
  'data-testid'?: string;
}

export function ErrorAlert({ title, error, children, 'data-testid': testId = 'error-alert' }: Props) {
  const { t } = useTranslation();
  return (
    <Alert data-color="danger" role="alert" data-testid={testId} data-error-code={error.code}>
      <Heading level={3} data-size="xs">
        {title}
      </Heading>
      <Paragraph>{t(`errors.${error.code}`, { defaultValue: t('errors.INTERNAL') })}</Paragraph>
      <Paragraph data-size="sm" className="error-detail" data-testid="error-message">
        {error.message}
      </Paragraph>
      {children && <div className="error-actions">{children}</div>}
    </Alert>
  );
}
