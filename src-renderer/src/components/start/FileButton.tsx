// One project file in a list: the whole row is a button, so the file name is
// both the visible label and the accessible name.
import { Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

interface Props {
  name: string;
  detail: string;
  busy: boolean;
  disabled: boolean;
  onClick: () => void;
}

export function FileButton({ name, detail, busy, disabled, onClick }: Props) {
  const { t } = useTranslation();
  return (
    <button type="button" className="file-button" onClick={onClick} disabled={disabled} aria-busy={busy || undefined}>
      <span className="file-button__name">{name}</span>
      <span className="file-button__detail">{detail}</span>
      {busy ? (
        <Spinner data-size="xs" aria-label={t('start.open.opening')} />
      ) : (
        <span className="file-button__action" aria-hidden>
          {t('start.open.submit')}
        </span>
      )}
    </button>
  );
}
