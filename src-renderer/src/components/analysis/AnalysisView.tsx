// "Analyse": the framework matrix (codes × groups of municipalities), the
// distributions of the closed variables, station candidates against the
// announced stations, and groups of shared text (joint statements).
import { Heading, Tabs } from '@digdir/designsystemet-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../LoadingState';
import { TabPanels } from '../TabPanels';
import { CooccurrenceTab } from './CooccurrenceTab';
import { MatrixTab } from './MatrixTab';
import { SharedTextTab } from './SharedTextTab';
import { StationsTab } from './StationsTab';
import { VariablesTab } from './VariablesTab';
import './analysis.css';

// The map bundles the municipality polygons (about 1 MB): loaded on first use.
const MapTab = lazy(() => import('./MapTab'));

type Tab = 'matrix' | 'cooccurrence' | 'variables' | 'map' | 'stations' | 'shared';
const TABS: Tab[] = ['matrix', 'cooccurrence', 'variables', 'map', 'stations', 'shared'];

export function AnalysisView() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('matrix');
  return (
    <section className="stack analysis-view" data-testid="analysis-view">
      <Heading level={2} data-size="md">
        {t('analysis.heading')}
      </Heading>
      <Tabs value={tab} onChange={(v) => setTab(v as Tab)} data-size="sm">
        <Tabs.List>
          {TABS.map((id) => (
            <Tabs.Tab key={id} value={id} data-testid={`analysis-tab-${id}`}>
              {t(`analysis.tabs.${id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <TabPanels tabs={TABS} active={tab}>
          {tab === 'matrix' && <MatrixTab />}
          {tab === 'cooccurrence' && <CooccurrenceTab />}
          {tab === 'variables' && <VariablesTab />}
          {tab === 'map' && (
            <Suspense fallback={<LoadingState label={t('app.loading')} />}>
              <MapTab />
            </Suspense>
          )}
          {tab === 'stations' && <StationsTab />}
          {tab === 'shared' && <SharedTextTab />}
        </TabPanels>
      </Tabs>
    </section>
  );
}
