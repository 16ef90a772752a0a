// Shown while a case is open: its header, then tabs for the questions, the
// municipality register and the police district summary.
import { Tabs } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { County, PoliceDistrict, ProjectSummary } from '../../../src-shared/domain';
import { api } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { CaseHeader } from '../components/case/CaseHeader';
import { MunicipalityRegister } from '../components/case/MunicipalityRegister';
import { PoliceDistrictSummary } from '../components/case/PoliceDistrictSummary';
import { QuestionList } from '../components/case/QuestionList';
import { emptyFilter, type RegisterFilter } from '../components/case/registerFilter';
import { useApiEvent } from '../hooks/useApiEvent';
import { toUiError, type UiError } from '../lib/errors';
import { formatNumber } from '../lib/format';

type TabId = 'questions' | 'municipalities' | 'districts';

interface Registry {
  counties: County[];
  districts: PoliceDistrict[];
}

interface Props {
  project: ProjectSummary;
  onClosed: () => void;
}

export function CaseScreen({ project, onClosed }: Props) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<TabId>('questions');
  const [filter, setFilter] = useState<RegisterFilter>(emptyFilter);
  const [registry, setRegistry] = useState<Registry | null>(null);
  const [registryError, setRegistryError] = useState<UiError | null>(null);
  const [closing, setClosing] = useState(false);
  const [closeError, setCloseError] = useState<UiError | null>(null);
  // Bumped when the core reports changed data, so the register table refetches.
  const [revision, setRevision] = useState(0);

  const loadRegistry = useCallback(() => {
    Promise.all([api.registry.counties(), api.registry.policeDistricts()])
      .then(([counties, districts]) => {
        setRegistry({ counties, districts });
        setRegistryError(null);
      })
      .catch((e: unknown) => setRegistryError(toUiError(e)));
  }, []);

  useEffect(loadRegistry, [loadRegistry]);
  useApiEvent('data.changed', () => {
    loadRegistry();
    setRevision((r) => r + 1);
  });

  async function close() {
    setClosing(true);
    setCloseError(null);
    try {
      await api.project.close();
      onClosed();
    } catch (e) {
      setCloseError(toUiError(e));
      setClosing(false);
    }
  }

  function showDistrict(code: string) {
    setFilter({ ...emptyFilter, policeDistrictCode: code });
    setTab('municipalities');
  }

  const total = project.register.municipalityCount;

  return (
    <div className="screen" data-testid="case-screen">
      <CaseHeader project={project} closing={closing} onClose={() => void close()} />
      {closeError && <ErrorAlert title={t('case.closeFailed')} error={closeError} data-testid="close-error" />}
      <Tabs value={tab} onChange={(value) => setTab(value as TabId)} data-size="md" className="case-tabs">
        <Tabs.List aria-label={t('case.tabsLabel')}>
          <Tabs.Tab value="questions" data-testid="tab-questions">
            {t('case.tabs.questions')} <span className="tab-count">{project.questions.length}</span>
          </Tabs.Tab>
          <Tabs.Tab value="municipalities" data-testid="tab-municipalities">
            {t('case.tabs.municipalities')} <span className="tab-count">{formatNumber(total)}</span>
          </Tabs.Tab>
          <Tabs.Tab value="districts" data-testid="tab-districts">
            {t('case.tabs.districts')} <span className="tab-count">{project.register.policeDistrictCount}</span>
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="questions" data-testid="panel-questions">
          <QuestionList questions={project.questions} />
        </Tabs.Panel>
        <Tabs.Panel value="municipalities" data-testid="panel-municipalities">
          {registryError && <ErrorAlert title={t('registry.failed')} error={registryError} />}
          {registry ? (
            <MunicipalityRegister
              register={project.register}
              revision={revision}
              counties={registry.counties}
              districts={registry.districts}
              filter={filter}
              onFilterChange={setFilter}
            />
          ) : (
            !registryError && <LoadingState label={t('app.loading')} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="districts" data-testid="panel-districts">
          {registryError && <ErrorAlert title={t('registry.failed')} error={registryError} />}
          {registry ? (
            <PoliceDistrictSummary districts={registry.districts} onShowMunicipalities={showDistrict} />
          ) : (
            !registryError && <LoadingState label={t('app.loading')} />
          )}
        </Tabs.Panel>
      </Tabs>
    </div>
  );
}
