// The memo's sections in the order they will be written: each can be
// switched on or off and moved up or down with buttons. After a move the
// focus stays on the moved section's button, so a keyboard user can press
// Enter again to move it further.
import { Button, Checkbox, Fieldset, ValidationMessage } from '@digdir/designsystemet-react';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemoSectionId } from '../../../../src-shared/export';
import { moveSection, toggleSection, type SectionRow } from './exportForm';

interface Props {
  value: SectionRow[];
  onChange: (rows: SectionRow[]) => void;
  error?: string;
}

type Direction = 'up' | 'down';

export function SectionList({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [focus, setFocus] = useState<{ id: MemoSectionId; direction: Direction } | null>(null);

  useLayoutEffect(() => {
    if (!focus) return;
    const index = value.findIndex((r) => r.id === focus.id);
    // At the top or bottom the button that moved it is disabled: take the other one.
    const atEdge = focus.direction === 'up' ? index === 0 : index === value.length - 1;
    const direction = atEdge ? (focus.direction === 'up' ? 'down' : 'up') : focus.direction;
    buttons.current.get(`${focus.id}:${direction}`)?.focus();
    setFocus(null);
  }, [focus, value]);

  function move(index: number, direction: Direction) {
    const id = value[index].id;
    onChange(moveSection(value, index, direction === 'up' ? -1 : 1));
    setFocus({ id, direction });
  }

  return (
    <Fieldset data-size="sm" className="export-sections" data-testid="export-sections">
      <Fieldset.Legend>{t('export.memo.sections')}</Fieldset.Legend>
      <Fieldset.Description>{t('export.memo.sectionsHelp')}</Fieldset.Description>
      <ol className="export-sections__list">
        {value.map((row, i) => {
          const name = t(`export.sections.${row.id}`);
          return (
            <li key={row.id} className="export-sections__row" data-testid="export-section" data-section={row.id} data-on={row.on}>
              <span className="export-sections__number" aria-hidden>
                {i + 1}.
              </span>
              <Checkbox
                data-size="sm"
                label={name}
                checked={row.on}
                onChange={(e) => onChange(toggleSection(value, row.id, e.target.checked))}
                data-testid="export-section-toggle"
              />
              <span className="export-sections__moves">
                {(['up', 'down'] as const).map((d) => (
                  <Button
                    key={d}
                    ref={(el: HTMLButtonElement | null) => {
                      if (el) buttons.current.set(`${row.id}:${d}`, el);
                      else buttons.current.delete(`${row.id}:${d}`);
                    }}
                    variant="tertiary"
                    data-size="sm"
                    icon
                    disabled={d === 'up' ? i === 0 : i === value.length - 1}
                    onClick={() => move(i, d)}
                    aria-label={t(`export.memo.move.${d}`, { section: name })}
                    title={t(`export.memo.move.${d}`, { section: name })}
                    data-testid={`export-section-${d}`}
                  >
                    <span aria-hidden>{d === 'up' ? '↑' : '↓'}</span>
                  </Button>
                ))}
              </span>
            </li>
          );
        })}
      </ol>
      {error && <ValidationMessage data-testid="export-sections-error">{error}</ValidationMessage>}
    </Fieldset>
  );
}
