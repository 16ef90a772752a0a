// Small pieces shared by the preview and the import report: a file's status
// tag, its facts (format, encoding, delimiter), its rejection and warnings.
import { Alert, Details, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { FileReport, ImportWarning } from '../../../../src-shared/imports';
import { formatNumber } from '../../lib/format';

type Status = FileReport['status'];

const statusColor: Record<Status, 'success' | 'neutral' | 'danger' | 'info' | 'warning'> = {
  ready: 'info',
  imported: 'success',
  unchanged: 'neutral',
  rejected: 'danger',
  skipped: 'neutral',
  cancelled: 'warning',
};

export function FileStatusTag({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={statusColor[status]} data-size="sm" data-testid="file-status" data-status={status}>
      {t(`import.status.${status}`)}
    </Tag>
  );
}

/**
 * Staged files are shown by their relative path; absolute paths (the demo's
 * files) by name, or from the archive on for files inside a ZIP.
 */
export function shownPath(path: string): string {
  if (!/^(\/|[A-Za-z]:[\\/])/.test(path)) return path;
  const parts = path.split(/[\\/]/);
  const zip = parts.findIndex((p) => p.toLowerCase().endsWith('.zip'));
  return zip >= 0 && zip < parts.length - 1 ? parts.slice(zip).join('/') : (parts.pop() ?? path);
}

export function FileFacts({ file }: { file: FileReport }) {
  const { t } = useTranslation();
  const delimiterKey = file.delimiter && ['komma', 'semikolon', 'tabulator'].includes(file.delimiter) ? file.delimiter : null;
  return (
    <dl className="file-facts" data-testid="file-facts">
      {file.format && (
        <div>
          <dt>{t('import.facts.format')}</dt>
          <dd data-testid="file-format">{file.format.toUpperCase()}</dd>
        </div>
      )}
      {file.encoding && (
        <div>
          <dt>{t('import.facts.encoding')}</dt>
          <dd data-testid="file-encoding">{file.encoding}</dd>
        </div>
      )}
      {file.delimiter && (
        <div>
          <dt>{t('import.facts.delimiter')}</dt>
          <dd data-testid="file-delimiter">
            {delimiterKey ? t(`import.delimiters.${delimiterKey as 'komma' | 'semikolon' | 'tabulator'}`) : file.delimiter}
          </dd>
        </div>
      )}
      {(file.status === 'ready' || file.status === 'imported') && (
        <div>
          <dt>{t('import.facts.responses')}</dt>
          <dd data-testid="file-responses">{formatNumber(file.responses)}</dd>
        </div>
      )}
      {(file.needsSplitting ?? 0) > 0 && (
        <div>
          <dt>{t('import.facts.needsSplitting')}</dt>
          <dd data-testid="file-needs-splitting">
            <Tag data-color="warning" data-size="sm">
              {t('import.facts.needsSplittingValue', { count: file.needsSplitting ?? 0 })}
            </Tag>
          </dd>
        </div>
      )}
    </dl>
  );
}

export function FileRejection({ file }: { file: FileReport }) {
  const { t } = useTranslation();
  if (!file.error) return null;
  const { code, message, locator } = file.error;
  return (
    <Alert data-color="danger" data-size="sm" data-testid="file-error" data-error-code={code}>
      <Heading level={4} data-size="2xs">
        {t('import.rejected', { file: shownPath(file.path) })}
      </Heading>
      <Paragraph data-size="sm">{t(`import.errorCodes.${code}` as 'import.errorCodes.NOT_TEXT', { defaultValue: t('import.errorCodes.other') })}</Paragraph>
      <Paragraph data-size="sm" className="error-detail" data-testid="file-error-message">
        {message}
        {locator && <span className="locator"> · {t('import.where', { locator })}</span>}
      </Paragraph>
    </Alert>
  );
}

const warningOrder = ['AMBIGUOUS', 'UNMATCHED', 'UNKNOWN_NUMBER', 'NAME_NUMBER_MISMATCH', 'BAD_DATE', 'NEEDS_SPLITTING'];

function sortWarnings(warnings: ImportWarning[]): ImportWarning[] {
  const rank = (w: ImportWarning) => {
    const i = warningOrder.indexOf(w.code);
    return i < 0 ? warningOrder.length : i;
  };
  return [...warnings].sort((a, b) => rank(a) - rank(b));
}

/** Warnings with where they apply; a long list folds away. */
export function WarningList({ file, open }: { file: FileReport; open?: boolean }) {
  const { t } = useTranslation();
  if (file.warnings.length === 0) return null;
  const list = (
    <ul className="warning-list" data-testid="file-warnings">
      {sortWarnings(file.warnings).map((w, i) => (
        <li key={i} data-testid="file-warning" data-code={w.code}>
          <span>{w.message}</span>
          {w.locator && <span className="locator"> · {t('import.where', { locator: w.locator })}</span>}
        </li>
      ))}
    </ul>
  );
  return (
    <Details defaultOpen={open ?? file.warnings.length <= 5} data-testid="file-warnings-details">
      <Details.Summary>{t('import.warnings', { count: file.warnings.length })}</Details.Summary>
      <Details.Content>{list}</Details.Content>
    </Details>
  );
}
