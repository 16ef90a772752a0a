// A package file to read: typed as a path (the desktop, or a file in the
// workspace folder), or chosen with the browser's file picker. A browser
// gives bytes, not paths, so a chosen file is staged in the core first (as the
// import wizard does) and then read by its staged path.
import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiError, type UiError } from '../../lib/errors';
import { ErrorAlert } from '../ErrorAlert';
import { pickedFrom, stageFiles } from '../import/stageFiles';
import './team.css';

export interface FileChoice {
  /** What the core reads: the typed path, or where a chosen file was staged. */
  path: string;
  /** The chosen file's own name; null when the path was typed. */
  uploadedName: string | null;
}

export const noFile: FileChoice = { path: '', uploadedName: null };

/**
 * The state behind one FileField: the choice, and the "give a file" message
 * that a submit without one shows (cleared as soon as the choice changes).
 * Spread `field` into the FileField; call `requirePath()` on submit.
 */
export function useFileChoice() {
  const { t } = useTranslation();
  const [value, setValue] = useState<FileChoice>(noFile);
  const [error, setError] = useState<string | null>(null);
  return {
    field: {
      value,
      error,
      onChange: (next: FileChoice) => {
        setValue(next);
        setError(null);
      },
    },
    /** The path to read, or null (and the field says why) when none is given. */
    requirePath(): string | null {
      const path = value.path.trim();
      setError(path ? null : t('team.file.pathRequired'));
      return path || null;
    },
  };
}

interface Props {
  label: string;
  description: string;
  /** File extension the picker offers, e.g. ".innspillretur". */
  accept: string;
  value: FileChoice;
  onChange: (value: FileChoice) => void;
  error?: string | null;
  disabled?: boolean;
  /** Prefix of the test ids: `<prefix>-path`, `<prefix>-choose`, `<prefix>-input`, `<prefix>-chosen`. */
  testId: string;
}

export function FileField({ label, description, accept, value, onChange, error, disabled, testId }: Props) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<UiError | null>(null);

  async function take(list: FileList | null) {
    const picked = list ? pickedFrom(list) : [];
    // Reset so choosing the same file again fires a change.
    if (inputRef.current) inputRef.current.value = '';
    if (picked.length === 0) return;
    setUploading(true);
    setUploadError(null);
    try {
      const [staged] = await stageFiles(picked.slice(0, 1));
      onChange({ path: staged, uploadedName: picked[0].file.name });
    } catch (e) {
      setUploadError(toUiError(e));
    } finally {
      setUploading(false);
    }
  }

  return (
    <div className="stack stack--tight">
      <div className="team-file">
        <Textfield
          className="team-file__path"
          data-size="sm"
          label={label}
          description={description}
          value={value.uploadedName ? '' : value.path}
          onChange={(e) => onChange({ path: e.target.value, uploadedName: null })}
          error={error ?? undefined}
          spellCheck={false}
          autoComplete="off"
          disabled={disabled}
          data-testid={`${testId}-path`}
        />
        <Button
          data-size="sm"
          variant="secondary"
          onClick={() => inputRef.current?.click()}
          loading={uploading}
          disabled={disabled || uploading}
          data-testid={`${testId}-choose`}
        >
          {uploading ? t('team.file.uploading') : t('team.file.choose')}
        </Button>
        <input
          ref={inputRef}
          type="file"
          accept={accept}
          className="file-input"
          tabIndex={-1}
          aria-hidden
          onChange={(e) => void take(e.target.files)}
          data-testid={`${testId}-input`}
        />
      </div>
      {value.uploadedName && (
        <Paragraph data-size="sm" data-testid={`${testId}-chosen`}>
          {t('team.file.chosen', { name: value.uploadedName })}{' '}
          <button type="button" className="link-button link-button--small" onClick={() => onChange(noFile)} disabled={disabled}>
            {t('team.file.clear')}
          </button>
        </Paragraph>
      )}
      {uploadError && <ErrorAlert title={t('team.file.uploadFailed')} error={uploadError} data-testid={`${testId}-upload-error`} />}
    </div>
  );
}
