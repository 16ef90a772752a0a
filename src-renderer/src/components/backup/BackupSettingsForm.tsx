// The backup settings: where snapshots go (beside each project, or a folder
// such as a network drive) and how many are kept. Checked with the contract's
// own schema before it is sent.
import { Button, Fieldset, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { backupSettingsSchema, type BackupSettings } from '../../../../src-shared/backup';
import { useApiMutation } from '../../api';
import { ErrorAlert } from '../ErrorAlert';

const NUMBERS = ['keepLast', 'keepDays', 'maxTotalMB', 'codingIntervalMinutes'] as const;
type NumberField = (typeof NUMBERS)[number];

export function BackupSettingsForm({ settings }: { settings: BackupSettings }) {
  const { t } = useTranslation();
  const [folder, setFolder] = useState(settings.folder ?? '');
  const [numbers, setNumbers] = useState<Record<NumberField, string>>(() => ({
    keepLast: String(settings.keepLast),
    keepDays: String(settings.keepDays),
    maxTotalMB: String(settings.maxTotalMB),
    codingIntervalMinutes: String(settings.codingIntervalMinutes),
  }));
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const save = useApiMutation('settings.update');

  function submit(event: FormEvent) {
    event.preventDefault();
    const candidate = {
      folder: folder.trim() === '' ? null : folder.trim(),
      ...Object.fromEntries(NUMBERS.map((n) => [n, /^\d+$/.test(numbers[n].trim()) ? Number(numbers[n]) : NaN])),
    };
    const parsed = backupSettingsSchema.safeParse(candidate);
    if (!parsed.success) {
      setInvalid(new Set(parsed.error.issues.map((i) => String(i.path[0]))));
      return;
    }
    setInvalid(new Set());
    void save.run({ backup: parsed.data });
  }

  return (
    <form className="stack" onSubmit={submit} noValidate data-testid="backup-settings">
      <Fieldset>
        <Fieldset.Legend>{t('backup.settings.heading')}</Fieldset.Legend>
        <Textfield
          data-size="sm"
          label={t('backup.settings.folder')}
          description={t('backup.settings.folderDescription')}
          value={folder}
          onChange={(e) => setFolder(e.target.value)}
          error={invalid.has('folder') ? t('backup.settings.folderInvalid') : undefined}
          spellCheck={false}
          autoComplete="off"
          data-testid="backup-settings-folder"
        />
        <div className="backup-settings-numbers">
          {NUMBERS.map((n) => (
            <Textfield
              key={n}
              data-size="sm"
              type="number"
              min={n === 'keepDays' ? 0 : 1}
              label={t(`backup.settings.${n}`)}
              value={numbers[n]}
              onChange={(e) => setNumbers((prev) => ({ ...prev, [n]: e.target.value }))}
              error={invalid.has(n) ? t('backup.settings.numberInvalid') : undefined}
              inputMode="numeric"
              data-testid={`backup-settings-${n}`}
            />
          ))}
        </div>
      </Fieldset>
      {save.error && <ErrorAlert title={t('backup.settings.failed')} error={save.error} data-testid="backup-settings-error" />}
      {save.isSuccess && (
        <Paragraph data-size="sm" role="status" data-testid="backup-settings-saved">
          {t('backup.settings.saved')}
        </Paragraph>
      )}
      <div className="button-row">
        <Button type="submit" data-size="sm" variant="secondary" loading={save.isPending} disabled={save.isPending} data-testid="backup-settings-save">
          {t('backup.settings.save')}
        </Button>
      </div>
    </form>
  );
}
