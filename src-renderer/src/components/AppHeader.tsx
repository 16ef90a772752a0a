// The bar at the top of every screen: the app name and the buttons for the
// About and Settings dialogs.
import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import iconUrl from '../../../resources/icon.svg';

interface Props {
  onAbout: () => void;
  onSettings: () => void;
}

export function AppHeader({ onAbout, onSettings }: Props) {
  const { t } = useTranslation();
  return (
    <header className="app-header" data-testid="app-header">
      <div className="app-header__brand">
        <img className="app-header__icon" src={iconUrl} alt="" width={28} height={28} />
        <span className="app-header__name">{t('app.name')}</span>
        <span className="app-header__tagline">{t('app.tagline')}</span>
      </div>
      <nav className="app-header__actions" aria-label={t('nav.label')}>
        <Button variant="tertiary" data-size="sm" onClick={onAbout} data-testid="about-button">
          {t('nav.about')}
        </Button>
        <Button variant="tertiary" data-size="sm" onClick={onSettings} data-testid="settings-button">
          {t('nav.settings')}
        </Button>
      </nav>
    </header>
  );
}
