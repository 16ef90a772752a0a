// The status line under the reading view: what the next key acts on — the
// armed variable's options, the `v` prefix, the marked text, the chosen coding
// (with recode, quote in memo, remove) — or why nothing can be coded.
import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Code, Coding, Variable } from '../../../../src-shared/coding';
import type { PartSelection } from './textOffsets';

export const excerpt = (s: string, n = 80) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1).trim()}…` : one;
};

interface Props {
  armed: Variable | null;
  prefix: boolean;
  textSel: PartSelection | null;
  selectedCoding: Coding | null;
  codeMap: Map<string, Code>;
  across: boolean;
  onPicker: (mode: 'code' | 'recode') => void;
  onToggleMemo: (codingId: string) => void;
  onRemove: (codingId: string) => void;
}

export function SelectionBar({ armed, prefix, textSel, selectedCoding, codeMap, across, onPicker, onToggleMemo, onRemove }: Props) {
  const { t } = useTranslation();
  return (
    <div className="cw-status-bar" data-testid="coding-selection-bar" aria-live="polite">
      {armed ? (
        <span className="cw-armed" data-testid="coding-armed" data-variable={armed.key}>
          <strong>{armed.label}:</strong>{' '}
          {armed.options.map((o, i) => (
            <span key={o.value} className="cw-armed__option">
              <kbd className="cw-kbd">{i + 1}</kbd> {o.label}
            </span>
          ))}
          <span className="cw-armed__option">
            <kbd className="cw-kbd">0</kbd> {t('coding.bar.clear')}
          </span>
          <span className="cw-armed__option">
            <kbd className="cw-kbd">b</kbd> {t('coding.bar.evidence')}
          </span>
        </span>
      ) : prefix ? (
        <span data-testid="coding-prefix">
          <kbd className="cw-kbd">v</kbd> {t('coding.bar.prefix')}
        </span>
      ) : textSel ? (
        <>
          <span className="cw-status-bar__text">
            <strong>{t('coding.target.selection', { count: textSel.end - textSel.start })}</strong> <span className="muted">«{excerpt(textSel.text, 70)}»</span>
          </span>
          <Button data-size="sm" variant="secondary" onMouseDown={(e) => e.preventDefault()} onClick={() => onPicker('code')} data-testid="coding-open-picker">
            {t('coding.bar.code')} <kbd className="cw-kbd">c</kbd>
          </Button>
        </>
      ) : selectedCoding ? (
        <>
          <span className="cw-status-bar__text" data-testid="coding-selected" data-coding-id={selectedCoding.id}>
            <span className="cw-swatch" style={{ background: codeMap.get(selectedCoding.codeId)?.colour }} aria-hidden />
            <strong>{codeMap.get(selectedCoding.codeId)?.name}</strong> <span className="muted">«{excerpt(selectedCoding.quote, 50)}»</span>
          </span>
          <Button data-size="sm" variant="tertiary" onClick={() => onPicker('recode')} data-testid="coding-recode">
            {t('coding.bar.recode')}
          </Button>
          <Button data-size="sm" variant="tertiary" aria-pressed={selectedCoding.useInMemo} onClick={() => onToggleMemo(selectedCoding.id)} data-testid="coding-toggle-memo">
            {selectedCoding.useInMemo ? '☑' : '☐'} {t('coding.bar.inMemo')} <kbd className="cw-kbd">m</kbd>
          </Button>
          <Button data-size="sm" variant="tertiary" data-color="danger" onClick={() => onRemove(selectedCoding.id)} data-testid="coding-remove">
            {t('coding.bar.remove')} <kbd className="cw-kbd">Del</kbd>
          </Button>
          <span className="muted cw-status-bar__hint">{t('coding.bar.adjustHint')}</span>
        </>
      ) : across ? (
        <span className="cw-status-bar__warn">{t('coding.bar.across')}</span>
      ) : (
        <span className="muted">{t('coding.bar.idle')}</span>
      )}
    </div>
  );
}
