// What an export wrote: the file with the counts of what went in (who the
// export covers first) and how long it took, in the shared saved-file panel.
import { useTranslation } from 'react-i18next';
import type { ExportResult } from '../../../../src-shared/export';
import { formatNumber } from '../../lib/format';
import { SavedFilePanel } from '../SavedFilePanel';

interface Props {
  result: ExportResult;
}

/** Who the export covers first, then what it holds; keys not listed come last. */
const COUNT_ORDER = [
  'responses',
  'municipalitiesAnswered',
  'municipalitiesInScope',
  'otherRespondents',
  'respondents',
  'unanswered',
  'districts',
  'questions',
  'variables',
  'codes',
  'codings',
  'quotes',
  'findings',
  'stationCandidates',
  'images',
  'footnotes',
  'appendixResponses',
  'truncatedCells',
];
const rank = (key: string) => {
  const i = COUNT_ORDER.indexOf(key);
  return i < 0 ? COUNT_ORDER.length : i;
};

/** 1234 ms → "1,2 s"; below a second in milliseconds. */
function formatDuration(ms: number): string {
  if (ms < 1000) return `${formatNumber(Math.round(ms))} ms`;
  return `${formatNumber(Math.round(ms / 100) / 10)} s`;
}

export function ExportResultPanel({ result }: Props) {
  const { t } = useTranslation();
  const counts = Object.entries(result.counts)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([key, n]) => ({ key, label: t(`export.counts.${key}`, { defaultValue: key }), value: formatNumber(n) }));
  return (
    <SavedFilePanel
      heading={t('export.result.heading')}
      level={3}
      fileName={result.fileName}
      path={result.path}
      sizeBytes={result.sizeBytes}
      facts={[...counts, { key: 'duration', label: t('export.result.duration'), value: formatDuration(result.durationMs) }]}
      canOpen
      className="export-result"
      data-testid="export-result"
    />
  );
}
