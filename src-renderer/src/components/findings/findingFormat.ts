// Small formatting helpers for the findings register.
import { findingRelations, type Finding } from '../../../../src-shared/findings';
import { formatDate } from '../../lib/format';

/**
 * A report's publication date as written in Norway: "2022-12-19" → "19.12.2022",
 * "2022-12" → "12.2022"; anything else (a year, a note) as it stands.
 */
export function formatPublished(value: string): string {
  const trimmed = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return formatDate(trimmed);
  const month = /^(\d{4})-(\d{2})(\b.*)$/.exec(trimmed);
  if (month) return `${month[2]}.${month[1]}${month[3]}`;
  return trimmed;
}

/** All links to a finding, whatever their relation. */
export function linkTotal(finding: Pick<Finding, 'counts'>): number {
  return findingRelations.reduce((n, r) => n + finding.counts[r], 0);
}
