// The column set-up shared by all previewed files: apply a saved mapping
// preset, force the header row, undo one's own choices, or save the current
// mapping under a name for the next delivery in the same layout.
import { Button, Field, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedPreset } from '../../../../src-shared/imports';
import { formatNumber } from '../../lib/format';
import { hasChoices, type MappingChoices } from './fields';

interface Props {
  presets: SavedPreset[];
  choices: MappingChoices;
  disabled: boolean;
  canSave: boolean;
  onApply: (preset: SavedPreset) => void;
  onHeaderRow: (row: number | undefined) => void;
  onReset: () => void;
  onSave: (name: string) => Promise<boolean>;
}

export function PresetControls({ presets, choices, disabled, canSave, onApply, onHeaderRow, onReset, onSave }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const presetId = useId();
  const [selected, setSelected] = useState('');
  const [headerRow, setHeaderRow] = useState(choices.headerRow ? String(choices.headerRow) : '');
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  // Keep the field in step when a preset sets (or a reset clears) the row.
  useEffect(() => setHeaderRow(choices.headerRow ? String(choices.headerRow) : ''), [choices.headerRow]);

  function applyHeaderRow(event?: FormEvent) {
    event?.preventDefault();
    const n = Number(headerRow);
    onHeaderRow(headerRow.trim() && Number.isInteger(n) && n > 0 ? n : undefined);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError(t('import.presets.nameRequired'));
      return;
    }
    setNameError(null);
    setSaving(true);
    const ok = await onSave(trimmed);
    setSaving(false);
    if (ok) {
      setSaved(trimmed);
      setName('');
    }
  }

  return (
    <section className="preset-controls" aria-labelledby={headingId} data-testid="preset-controls">
      <Heading level={3} data-size="2xs" id={headingId}>
        {t('import.presets.heading')}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t('import.presets.intro')}
      </Paragraph>
      <div className="preset-controls__row">
        <Field className="preset-controls__field">
          <Label htmlFor={presetId}>{t('import.presets.saved')}</Label>
          <Select
            id={presetId}
            data-size="sm"
            value={selected}
            disabled={disabled || presets.length === 0}
            onChange={(e) => setSelected(e.target.value)}
            data-testid="preset-select"
          >
            <Select.Option value="">
              {presets.length === 0 ? t('import.presets.none') : t('import.presets.choose')}
            </Select.Option>
            {presets.map((p) => (
              <Select.Option key={p.id} value={p.id}>
                {t('import.presets.option', { name: p.name, count: Object.keys(p.preset.columns).length, formatted: formatNumber(Object.keys(p.preset.columns).length) })}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Button
          data-size="sm"
          variant="secondary"
          disabled={disabled || !selected}
          onClick={() => {
            const p = presets.find((x) => x.id === selected);
            if (p) onApply(p);
          }}
          data-testid="preset-apply"
        >
          {t('import.presets.apply')}
        </Button>
        <form className="preset-controls__inline" onSubmit={applyHeaderRow} noValidate>
          <Textfield
            data-size="sm"
            className="header-row-field"
            label={t('import.presets.headerRow')}
            type="number"
            min={1}
            inputMode="numeric"
            value={headerRow}
            placeholder={t('import.presets.headerRowAuto')}
            disabled={disabled}
            onChange={(e) => setHeaderRow(e.target.value)}
            onBlur={() => applyHeaderRow()}
            data-testid="header-row-input"
          />
        </form>
        <Button data-size="sm" variant="tertiary" disabled={disabled || !hasChoices(choices)} onClick={onReset} data-testid="mapping-reset">
          {t('import.presets.reset')}
        </Button>
      </div>
      <form className="preset-controls__save" onSubmit={(e) => void save(e)} noValidate data-testid="preset-save-form">
        <Textfield
          data-size="sm"
          className="preset-controls__name"
          label={t('import.presets.saveAs')}
          value={name}
          maxLength={200}
          disabled={disabled || !canSave}
          error={nameError ?? undefined}
          onChange={(e) => setName(e.target.value)}
          data-testid="preset-name"
        />
        <Button type="submit" data-size="sm" variant="secondary" loading={saving} disabled={disabled || !canSave || saving} data-testid="preset-save">
          {t('import.presets.save')}
        </Button>
        {saved && (
          <Paragraph data-size="sm" className="preset-controls__saved" role="status" data-testid="preset-saved">
            {t('import.presets.savedAs', { name: saved })}
          </Paragraph>
        )}
      </form>
    </section>
  );
}
