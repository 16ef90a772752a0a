// "Konflikter": changes from a colleague that collided with the master, for
// the lead to decide one by one. Open ones first, then the decided ones
// (newest decision first), narrowed by package if the lead wants.
import { Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictView, WorkPackageSummary } from '../../../../src-shared/team';
import { formatDate, formatNumber } from '../../lib/format';
import { ConflictCard } from './ConflictCard';

type Show = 'open' | 'resolved' | 'all';

interface Props {
  conflicts: ConflictView[];
  packages: WorkPackageSummary[];
}

/**
 * Open first, then decided (newest decision first). `seenAs` is each
 * conflict's status when the list first showed it, so a conflict decided now
 * stays where the lead is looking instead of jumping to the end.
 */
function order(seenAs: Map<string, ConflictView['status']>) {
  return (a: ConflictView, b: ConflictView): number => {
    const sa = seenAs.get(a.id) ?? a.status;
    const sb = seenAs.get(b.id) ?? b.status;
    if (sa !== sb) return sa === 'open' ? -1 : 1;
    if (sa === 'resolved') return (b.resolvedAt ?? '').localeCompare(a.resolvedAt ?? '') || a.id.localeCompare(b.id);
    return a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
  };
}

export function ConflictsPanel({ conflicts, packages }: Props) {
  const { t } = useTranslation();
  const ids = { show: useId(), pkg: useId(), heading: useId() };
  const [show, setShow] = useState<Show>('all');
  const [packageId, setPackageId] = useState('');

  const seenAs = useRef(new Map<string, ConflictView['status']>());
  const open = conflicts.filter((c) => c.status === 'open').length;
  const shown = useMemo(() => {
    for (const c of conflicts) if (!seenAs.current.has(c.id)) seenAs.current.set(c.id, c.status);
    // Filtered by the status first seen too, so a conflict decided under "Åpne" stays to show its decision.
    const status = (c: ConflictView) => seenAs.current.get(c.id) ?? c.status;
    return conflicts.filter((c) => (show === 'all' || status(c) === show) && (!packageId || c.packageId === packageId)).sort(order(seenAs.current));
  }, [conflicts, show, packageId]);

  return (
    <section className="stack" aria-labelledby={ids.heading} data-testid="team-conflicts">
      <div className="stack stack--tight">
        <Heading level={3} data-size="xs" id={ids.heading}>
          {t('team.conflicts.heading')}
        </Heading>
        <Paragraph data-size="sm" className="muted">
          {t('team.conflicts.intro')}
        </Paragraph>
      </div>
      <div className="filters team-conflicts__filters" role="search" aria-label={t('team.conflicts.filtersLabel')}>
        <Field data-size="sm">
          <Label htmlFor={ids.show}>{t('team.conflicts.show')}</Label>
          <Select id={ids.show} value={show} onChange={(e) => setShow(e.target.value as Show)} data-testid="team-conflicts-show">
            <Select.Option value="all">{t('team.conflicts.showAll')}</Select.Option>
            <Select.Option value="open">{t('team.conflicts.showOpen')}</Select.Option>
            <Select.Option value="resolved">{t('team.conflicts.showResolved')}</Select.Option>
          </Select>
        </Field>
        {packages.length > 1 && (
          <Field data-size="sm">
            <Label htmlFor={ids.pkg}>{t('team.conflicts.package')}</Label>
            <Select id={ids.pkg} value={packageId} onChange={(e) => setPackageId(e.target.value)} data-testid="team-conflicts-package">
              <Select.Option value="">{t('team.conflicts.allPackages')}</Select.Option>
              {packages.map((p) => (
                <Select.Option key={p.id} value={p.id}>
                  {t('team.conflicts.packageOption', { name: p.assignee, date: formatDate(p.createdAt) })}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      <Paragraph data-size="sm" aria-live="polite" data-testid="team-conflicts-count">
        <strong>{t('team.conflicts.countOpen', { count: open, formatted: formatNumber(open) })}</strong>
        {conflicts.length > open && <> · {t('team.conflicts.countResolved', { count: conflicts.length - open, formatted: formatNumber(conflicts.length - open) })}</>}
      </Paragraph>
      {shown.length === 0 ? (
        <Paragraph data-size="sm" className="muted" data-testid="team-conflicts-empty">
          {conflicts.length === 0 ? t('team.conflicts.empty') : show === 'open' ? t('team.conflicts.emptyOpen') : t('team.conflicts.emptyFiltered')}
        </Paragraph>
      ) : (
        <ol className="team-conflict-list" data-testid="team-conflict-list">
          {shown.map((c) => (
            <li key={c.id}>
              <ConflictCard conflict={c} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
