// One table's column mapping: each header with the field it feeds (a select
// the user may change), how sure the automatic mapping is, and why.
import { Paragraph, Select, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { FieldName, TableMapping } from '../../../../src-shared/imports';
import { formatConfidence, LOW_CONFIDENCE, type FieldOption } from './fields';

interface Props {
  sheet: string | null;
  mapping: TableMapping;
  options: FieldOption[];
  /** Headers the user has set by hand. */
  chosen: Record<string, FieldName>;
  disabled: boolean;
  onChange: (header: string, field: FieldName) => void;
}

export function MappingTable({ sheet, mapping, options, chosen, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const caption = sheet
    ? t('import.mapping.captionSheet', { sheet, row: mapping.headerRowIndex + 1 })
    : t('import.mapping.caption', { row: mapping.headerRowIndex + 1 });
  return (
    <div className="mapping" data-testid="mapping" data-sheet={sheet ?? undefined}>
      <Paragraph data-size="sm" className="mapping__caption" data-testid="mapping-caption">
        {caption}
      </Paragraph>
      <div className="table-wrap">
        <Table border data-size="sm" className="mapping-table" data-testid="mapping-table">
          <caption className="ds-sr-only">{caption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col" className="col-narrow">
                {t('import.mapping.column')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('import.mapping.header')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('import.mapping.field')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="numeric">
                {t('import.mapping.confidence')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('import.mapping.reason')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {mapping.columns.map((c) => {
              const byUser = Object.prototype.hasOwnProperty.call(chosen, c.header);
              const low = !byUser && c.field !== 'ignore' && c.confidence < LOW_CONFIDENCE;
              const unused = c.field === 'ignore';
              const selectId = `map-${sheet ?? ''}-${c.index}`;
              return (
                <Table.Row
                  key={c.index}
                  className={low ? 'mapping-row--low' : unused ? 'mapping-row--unused' : undefined}
                  data-testid="mapping-row"
                  data-header={c.header}
                  data-field={c.field}
                  data-low={low || undefined}
                >
                  <Table.Cell className="col-narrow muted">{columnLetter(c.index)}</Table.Cell>
                  <Table.HeaderCell scope="row" className="row-header">
                    <label htmlFor={selectId} className="mapping-header">
                      {c.header || <span className="muted">{t('import.mapping.noHeader')}</span>}
                    </label>
                  </Table.HeaderCell>
                  <Table.Cell>
                    <Select
                      id={selectId}
                      data-size="sm"
                      value={c.field}
                      disabled={disabled || !c.header}
                      onChange={(e) => onChange(c.header, e.target.value as FieldName)}
                      data-testid="mapping-select"
                    >
                      {options.map((o) => (
                        <Select.Option key={o.value} value={o.value}>
                          {o.label}
                        </Select.Option>
                      ))}
                    </Select>
                  </Table.Cell>
                  <Table.Cell className="numeric" data-testid="mapping-confidence">
                    {byUser ? (
                      <Tag data-color="accent" data-size="sm">
                        {t('import.mapping.byUser')}
                      </Tag>
                    ) : unused ? (
                      <span className="muted">–</span>
                    ) : (
                      <span className={`confidence${low ? ' confidence--low' : ''}`}>
                        <span className="confidence__bar" aria-hidden>
                          <span style={{ width: `${Math.round(c.confidence * 100)}%` }} />
                        </span>
                        {formatConfidence(c.confidence)}
                      </span>
                    )}
                  </Table.Cell>
                  <Table.Cell data-testid="mapping-reason">
                    {low && (
                      <Tag data-color="warning" data-size="sm" className="inline-tag">
                        {t('import.mapping.check')}
                      </Tag>
                    )}
                    {c.reason}
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </div>
    </div>
  );
}

/** 0 → "A", 26 → "AA": how spreadsheets name columns. */
function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
