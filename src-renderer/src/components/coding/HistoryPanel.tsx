// "Historikk": who changed the chosen coding, answer part and response, and
// when, from the audit trail (history.entity), newest first, with what
// changed (span, code, status, "bruk i notat").
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, Code } from '../../../../src-shared/coding';
import { api } from '../../api/client';
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
  revision: number;
}

export function HistoryPanel({ targets, codes, revision }: Props) {
  return (
    <div className="cw-history" data-testid="history-panel">
      {targets.map((target) => (
        <EntityHistory key={`${target.entityType}:${target.entityId}`} target={target} codes={codes} revision={revision} />
      ))}
    </div>
  );
}

const HIDDEN = new Set(['id', 'created_at', 'created_by', 'updated_at', 'updated_by']);

function EntityHistory({ target, codes, revision }: { target: Target; codes: Map<string, Code>; revision: number }) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);

  useEffect(() => {
    let live = true;
    api.history
      .entity({ entityType: target.entityType, entityId: target.entityId })
      .then((e) => live && setEntries([...e].reverse()))
      .catch(() => live && setEntries([]));
    return () => {
      live = false;
    };
  }, [target.entityType, target.entityId, revision]);

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
