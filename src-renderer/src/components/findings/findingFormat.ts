// Small formatting helpers for the findings register.
import { findingRelations, type Finding } from '../../../../src-shared/findings';
import { formatDatesIn } from '../../lib/format';

/**
 * A report's publication date as written in Norway: "2022-12-19" → "19.12.2022",
 * "2022-12" → "12.2022"; anything else (a year, a note) as it stands.
 */
export function formatPublished(value: string): string {
  return formatDatesIn(value.trim());
}

/** All links to a finding, whatever their relation. */
export function linkTotal(finding: Pick<Finding, 'counts'>): number {
  return findingRelations.reduce((n, r) => n + finding.counts[r], 0);
}
