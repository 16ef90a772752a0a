// Small formatting helpers shared by the team screens.
import type { TFunction } from 'i18next';
import { formatNumber } from '../../lib/format';

/** "Kodinger", "Variabelverdier" …: the name of a kind of change (an entity type of a return package). */
export function entityLabel(t: TFunction, entityType: string): string {
  return t(`team.entities.${entityType}`, { defaultValue: entityType });
}

/** A column of a row (a conflict's differing field), in words where we know it. */
export function columnLabel(t: TFunction, column: string): string {
  return t(`team.conflicts.column.${column}`, { defaultValue: column });
}

/** Counts per kind of change, largest first, e.g. "Kodinger: 12 · Variabelverdier: 3". */
export function entityCounts(t: TFunction, counts: Record<string, number>): { key: string; label: string; value: string }[] {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, n]) => ({ key, label: entityLabel(t, key), value: formatNumber(n) }));
}

/** "Kari Nordmann og Ola" / "A, B og C". */
export function joinNames(t: TFunction, names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${t('team.and')} ${names[names.length - 1]}`;
}
