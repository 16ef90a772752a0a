// The REFI-QDA import report as one message a caseworker reads: what came in,
// how the file's positions were read (or why nothing was coded), and how many
// codings were left out and why — never "skipped 0" when something was.
import type { TFunction } from 'i18next';
import type { RefiImportReport } from '../../../../src-shared/refi';

export function refiReportSummary(t: TFunction, report: RefiImportReport): string {
  const parts = [t('coding.codebook.qdpxImported', { codes: report.codes.created, codings: report.codings.created, matched: report.sources.matched, sources: report.sources.total })];
  if (report.codeGroups.groups > 0) parts.push(t('coding.codebook.qdpxCodeGroups', { count: report.codeGroups.groups, members: report.codeGroups.members }));
  if (report.responses.created > 0) parts.push(t('coding.codebook.qdpxResponsesCreated', { count: report.responses.created }));
  const reading = report.positions;
  if (reading.basis === 'refused') parts.push(t('coding.codebook.qdpxPositionsRefused'));
  else if (reading.basis !== 'unambiguous') parts.push(t(`coding.codebook.qdpxPositions.${reading.unit}`));
  if (report.codings.skipped > 0) {
    parts.push(t('coding.codebook.qdpxSkipped', { count: report.codings.skipped, inFile: report.codings.inFile, reasons: report.skippedBy.map((s) => `${t(`coding.codebook.qdpxSkipReason.${s.key}`)} (${s.codings})`).join('; ') }));
  }
  const names = report.unmatched.map((u) => u.source);
  if (names.length) parts.push(t('coding.codebook.qdpxUnmatched', { names: names.slice(0, 5).join(', ') + (names.length > 5 ? ' …' : '') }));
  if (report.notImported.length) parts.push(t('coding.codebook.qdpxNotImported', { what: report.notImported.map((n) => t(`coding.codebook.qdpxNotImportedKind.${n.key}`, { count: n.count })).join(', ') }));
  return parts.join('. ');
}
