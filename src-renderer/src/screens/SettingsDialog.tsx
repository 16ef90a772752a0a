// User settings: the name recorded as author of changes, and the UI language
// (applied at once and stored by the core).
import { Button, Dialog, Field, Heading, Label, Select, Textfield } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, Settings } from '../../../src-shared/domain';
import { useApiMutation } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { locales } from '../i18n';

interface Props {
  open: boolean;
  settings: Settings;
  onClose: () => void;
  onSaved: (settings: Settings) => void;
}

export function SettingsDialog({ open, settings, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      closeButton={t('common.closeDialog')}
      aria-labelledby="settings-title"
      data-testid="settings-dialog"
    >
      <Dialog.Block>
        <Heading level={2} data-size="sm" id="settings-title">
          {t('settings.title')}
        </Heading>
      </Dialog.Block>
      {/* Remounted on each opening so the form starts from the stored values. */}
      {open && <SettingsForm settings={settings} onCancel={onClose} onSaved={onSaved} />}
    </Dialog>
  );
}

interface FormProps {
  settings: Settings;
  onCancel: () => void;
  onSaved: (settings: Settings) => void;
}

function SettingsForm({ settings, onCancel, onSaved }: FormProps) {
  const { t } = useTranslation();
  const localeId = useId();
  const [userName, setUserName] = useState(settings.userName);
  const [locale, setLocale] = useState<Locale>(settings.locale);
  const [nameError, setNameError] = useState<string | null>(null);
  const save = useApiMutation('settings.update', { onSuccess: onSaved });
  const busy = save.isPending;
  const error = save.error;

  function submit(event: FormEvent) {
    event.preventDefault();
    const name = userName.trim();
    if (!name) {
      setNameError(t('settings.userNameRequired'));
      return;
    }
    setNameError(null);
    void save.run({ userName: name, locale });
  }

  return (
    <Dialog.Block>
      <form className="stack" onSubmit={submit} noValidate data-testid="settings-form">
        <Textfield
          label={t('settings.userName')}
          description={t('settings.userNameDescription')}
          value={userName}
          onChange={(e) => setUserName(e.target.value)}
          error={nameError ?? undefined}
          maxLength={120}
          autoComplete="name"
          required
          data-testid="settings-user-name"
        />
        <Field>
          <Label htmlFor={localeId}>{t('settings.language')}</Label>
          <Select
            id={localeId}
            value={locale}
            onChange={(e) => setLocale(e.target.value as Locale)}
            data-testid="settings-locale"
          >
            {locales.map((l) => (
              // Each language is named in itself (same text in every locale).
              <Select.Option key={l} value={l} lang={l}>
                {t(`settings.languageNames.${l}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {error && <ErrorAlert title={t('settings.failed')} error={error} data-testid="settings-error" />}
        <div className="button-row">
          <Button type="submit" loading={busy} disabled={busy} data-testid="settings-save">
            {t('common.save')}
          </Button>
          <Button variant="secondary" onClick={onCancel} data-testid="settings-cancel">
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Dialog.Block>
  );
}
