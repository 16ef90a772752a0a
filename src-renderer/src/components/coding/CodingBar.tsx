// The coding workspace's top bar: who is coding (with a hint when the name
// looks like a login), undo and redo naming what they would undo, and the
// button that opens the keyboard map.
import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { UndoState } from '../../../../src-shared/coding';
import { useApiQuery } from '../../api';
import { actionLabel } from './actions';
import { isMac } from './keymap';

interface Props {
  undoState: UndoState | null;
  onHistory: (direction: 'undo' | 'redo') => void;
  onHelp: () => void;
}

export function CodingBar({ undoState, onHistory, onHelp }: Props) {
  const { t } = useTranslation();
  const settings = useApiQuery('settings.get', {});
  const userName = settings.data?.userName ?? null;
  const nameLooksLikeLogin = userName !== null && /^[a-z0-9._-]+$/.test(userName);
  // The settings dialog belongs to the app's header: open it there, and read the name again when it closes.
  const openSettings = () => {
    document.querySelector<HTMLButtonElement>('[data-testid="settings-button"]')?.click();
    requestAnimationFrame(() => {
      document.querySelector('[data-testid="settings-dialog"]')?.addEventListener('close', () => void settings.refetch(), { once: true });
    });
  };

  return (
    <header className="cw-bar">
      <h2 className="cw-bar__title">{t('coding.title')}</h2>
      <div className="cw-bar__who" data-testid="coding-user">
        <span className={nameLooksLikeLogin ? 'cw-bar__who-warn' : undefined} title={nameLooksLikeLogin ? t('coding.bar.nameHint') : undefined}>
          {t('coding.bar.codingAs', { name: userName ?? '…' })}
        </span>
        <button type="button" className="link-button link-button--small" onClick={openSettings} data-testid="coding-change-user">
          {nameLooksLikeLogin ? t('coding.bar.setFullName') : t('coding.bar.change')}
        </button>
      </div>
      <span className="cw-toolbar-spacer" />
      <Button data-size="sm" variant="tertiary" disabled={!undoState?.undo} onClick={() => onHistory('undo')} title={`${isMac ? '⌘' : 'Ctrl'}+Z`} data-testid="coding-undo">
        ↶ {undoState?.undo ? t('coding.bar.undoAction', { action: actionLabel(t, undoState.undo.action) }) : t('coding.bar.undo')}
      </Button>
      <Button
        data-size="sm"
        variant="tertiary"
        disabled={!undoState?.redo}
        onClick={() => onHistory('redo')}
        title={`${isMac ? '⌘' : 'Ctrl'}+Shift+Z`}
        data-testid="coding-redo"
      >
        ↷ {undoState?.redo ? t('coding.bar.redoAction', { action: actionLabel(t, undoState.redo.action) }) : t('coding.bar.redo')}
      </Button>
      <Button data-size="sm" variant="secondary" onClick={onHelp} data-testid="coding-help-button">
        <kbd className="cw-kbd">?</kbd> {t('coding.bar.keys')}
      </Button>
    </header>
  );
}
