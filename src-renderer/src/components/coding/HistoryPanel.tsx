// "Historikk": who changed the chosen coding, answer part and response, and
// when, from the audit trail (history.entity), newest first, with what
// changed (span, code, status, "bruk i notat").
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, Code } from '../../../../src-shared/coding';
import { useApiQuery } from '../../api';
import { formatDateTime } from '../../lib/format';
import { actionLabel } from './actions';

interface Target {
  entityType: string;
  entityId: string;
  title: string;
}

interface Props {
  targets: Target[];
  codes: Map<string, Code>;
}

export function HistoryPanel({ targets, codes }: Props) {
  return (
    <div className="cw-history" data-testid="history-panel">
      {targets.map((target) => (
        <EntityHistory key={`${target.entityType}:${target.entityId}`} target={target} codes={codes} />
      ))}
    </div>
  );
}

const HIDDEN = new Set(['id', 'created_at', 'created_by', 'updated_at', 'updated_by']);

function EntityHistory({ target, codes }: { target: Target; codes: Map<string, Code> }) {
  const { t } = useTranslation();
  // Refetched when the history changes (the query reads it); newest first.
  const history = useApiQuery('history.entity', { entityType: target.entityType, entityId: target.entityId });
  const entries = useMemo(() => (history.data ? [...history.data].reverse() : history.error ? [] : null), [history.data, history.error]);

  const describe = (e: AuditEntry): string[] => {
    const before = (e.before ?? {}) as Record<string, unknown>;
    const after = (e.after ?? {}) as Record<string, unknown>;
    if (e.before === null && e.after !== null) return [t('coding.history.created')];
    if (e.after === null) return [t('coding.history.removed')];
    const out: string[] = [];
    for (const key of Object.keys(after)) {
      if (HIDDEN.has(key) || JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
      out.push(change(key, before[key], after[key]));
    }
    return out;
  };

  const show = (key: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '–';
    if (key === 'code_id') return codes.get(String(v))?.name ?? t('coding.reading.unknownCode');
    if (key === 'status') return t(`responses.status.${v as 'ferdig'}`, { defaultValue: String(v) });
    if (key === 'use_in_memo') return v ? t('coding.history.yes') : t('coding.history.no');
    return String(v);
  };

  const change = (key: string, a: unknown, b: unknown): string => {
    const label = t(`coding.history.fields.${key as 'status'}`, { defaultValue: key });
    return `${label}: ${show(key, a)} → ${show(key, b)}`;
  };

  return (
    <section className="cw-hist" data-testid="history-entity" data-entity-type={target.entityType}>
      <h3 className="cw-subheading">{target.title}</h3>
      {entries === null ? null : entries.length === 0 ? (
        <p className="muted">{t('coding.history.none')}</p>
      ) : (
        <ol className="cw-hist__list">
          {entries.map((e) => (
            <li key={e.seq} className="cw-hist__item" data-testid="history-entry" data-action={e.action}>
              <div className="cw-hist__head">
                <strong>{actionLabel(t, e.action)}</strong>
                <span className="muted">{formatDateTime(e.at)}</span>
              </div>
              <div className="muted">{e.actor}</div>
              {describe(e).map((line) => (
                <div key={line} className="cw-hist__change">
                  {line}
                </div>
              ))}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
