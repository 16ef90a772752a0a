// "Analyse": the framework matrix (codes × groups of municipalities), the
// distributions of the closed variables, station candidates against the
// announced stations, and groups of shared text (joint statements).
import { Heading, Tabs } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MatrixTab } from './MatrixTab';
import { SharedTextTab } from './SharedTextTab';
import { StationsTab } from './StationsTab';
import { VariablesTab } from './VariablesTab';
import './analysis.css';

type Tab = 'matrix' | 'variables' | 'stations' | 'shared';
const TABS: Tab[] = ['matrix', 'variables', 'stations', 'shared'];

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
      </Tabs>
      {tab === 'matrix' && <MatrixTab />}
      {tab === 'variables' && <VariablesTab />}
      {tab === 'stations' && <StationsTab />}
      {tab === 'shared' && <SharedTextTab />}
    </section>
  );
}
