// Where files enter the wizard: a drop zone, "choose files" (several at once)
// and "choose folder" (the folder's files keep their relative paths).
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { droppedFiles, pickedFrom, type PickedFile } from './stageFiles';

const ACCEPT = '.csv,.tsv,.tab,.txt,.xlsx,.json,.docx,.pdf,.html,.htm,.eml,.msg,.png,.jpg,.jpeg,.tif,.tiff,.zip';

interface Props {
  disabled: boolean;
  compact?: boolean;
  onFiles: (files: PickedFile[]) => void;
}

export function FilePicker({ disabled, compact, onFiles }: Props) {
  const { t } = useTranslation();
  const filesRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  function take(list: FileList | null, input: HTMLInputElement | null) {
    const picked = list ? pickedFrom(list) : [];
    // Reset so choosing the same file again fires a change.
    if (input) input.value = '';
    if (picked.length > 0) onFiles(picked);
  }

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    void droppedFiles(e.dataTransfer).then((files) => {
      if (files.length > 0) onFiles(files);
    });
  }

  return (
    <div
      className={`drop-zone${over ? ' drop-zone--over' : ''}${compact ? ' drop-zone--compact' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="import-drop-zone"
    >
      <svg className="drop-zone__icon" viewBox="0 0 24 24" width="36" height="36" aria-hidden>
        <path
          fill="currentColor"
          d="M12 3a1 1 0 0 1 .7.3l4 4a1 1 0 1 1-1.4 1.4L13 6.4V15a1 1 0 1 1-2 0V6.4L8.7 8.7a1 1 0 0 1-1.4-1.4l4-4A1 1 0 0 1 12 3ZM5 14a1 1 0 0 1 1 1v3a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1v-3a1 1 0 1 1 2 0v3a3 3 0 0 1-3 3H7a3 3 0 0 1-3-3v-3a1 1 0 0 1 1-1Z"
        />
      </svg>
      <Paragraph className="drop-zone__title">{compact ? t('import.pick.dropMore') : t('import.pick.drop')}</Paragraph>
      {!compact && (
        <Paragraph data-size="sm" className="muted">
          {t('import.pick.formats')}
        </Paragraph>
      )}
      <div className="button-row drop-zone__buttons">
        <Button data-size="sm" variant={compact ? 'secondary' : 'primary'} disabled={disabled} onClick={() => filesRef.current?.click()} data-testid="import-choose-files">
          {t('import.pick.chooseFiles')}
        </Button>
        <Button data-size="sm" variant="secondary" disabled={disabled} onClick={() => folderRef.current?.click()} data-testid="import-choose-folder">
          {t('import.pick.chooseFolder')}
        </Button>
      </div>
      <input
        ref={filesRef}
        type="file"
        multiple
        accept={ACCEPT}
        className="file-input"
        tabIndex={-1}
        aria-hidden
        onChange={(e) => take(e.target.files, e.target)}
        data-testid="import-file-input"
      />
      <input
        ref={folderRef}
        type="file"
        multiple
        className="file-input"
        tabIndex={-1}
        aria-hidden
        // Not in React's typings, but supported by Chromium and Electron.
        {...{ webkitdirectory: '', directory: '' }}
        onChange={(e) => take(e.target.files, e.target)}
        data-testid="import-folder-input"
      />
    </div>
  );
}
