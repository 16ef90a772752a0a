// One file in the preview: what was detected, how its columns map (editable),
// whom its responses are from, and its warnings — or why it is refused.
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { FieldName, FileReport } from '../../../../src-shared/imports';
import type { FieldOption } from './fields';
import { FileFacts, FileRejection, FileStatusTag, shownPath, WarningList } from './FileParts';
import { MappingTable } from './MappingTable';
import { EmailFacts } from './EmailFacts';
import { LetterSplit } from './LetterSplit';
import { MatchSummary } from './MatchSummary';

interface Props {
  file: FileReport;
  options: FieldOption[];
  chosen: Record<string, FieldName>;
  disabled: boolean;
  onChangeField: (header: string, field: FieldName) => void;
  onRemove?: () => void;
}

export function FilePreviewCard({ file, options, chosen, disabled, onChangeField, onRemove }: Props) {
  const { t } = useTranslation();
  const name = shownPath(file.path);
  return (
    <article className={`file-card file-card--${file.status}`} data-testid="preview-file" data-path={file.path} data-status={file.status} aria-label={name}>
      <header className="file-card__header">
        <div className="file-card__title">
          <Heading level={3} data-size="2xs" className="file-card__name" data-testid="preview-file-name">
            {name}
          </Heading>
          <FileStatusTag status={file.status} />
        </div>
        {onRemove && (
          <Button variant="tertiary" data-size="sm" disabled={disabled} onClick={onRemove} data-testid="preview-file-remove" aria-label={t('import.preview.removeFile', { file: name })}>
            {t('import.preview.remove')}
          </Button>
        )}
      </header>
      <FileFacts file={file} />
      <FileRejection file={file} />
      {file.reason && (
        <Paragraph data-size="sm" className="muted" data-testid="file-reason" data-code={file.reason.code}>
          {t('import.skipped', { reason: file.reason.message })}
        </Paragraph>
      )}
      {file.status === 'unchanged' && (
        <Paragraph data-size="sm" className="muted" data-testid="file-unchanged">
          {t('import.preview.unchanged')}
        </Paragraph>
      )}
      {file.email && <EmailFacts email={file.email} />}
      {(file.mappings ?? []).map((m, i) => (
        <MappingTable
          key={`${m.sheet ?? ''}-${i}`}
          sheet={m.sheet}
          mapping={m.mapping}
          options={options}
          chosen={chosen}
          disabled={disabled}
          onChange={onChangeField}
        />
      ))}
      {file.matches && file.matches.length > 0 && <MatchSummary matches={file.matches} />}
      {(file.matches ?? []).map((m, i) => m.split && <LetterSplit key={`${m.locator}-${i}`} split={m.split} />)}
      {file.status !== 'unchanged' && <WarningList file={file} />}
    </article>
  );
}
