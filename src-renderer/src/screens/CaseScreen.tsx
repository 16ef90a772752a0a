// Shown while a case is open: its header, a side navigation and the chosen
// view — overview, responses (list and one response), who has not answered,
// import and its log, and the case's questions, register and police districts.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { County, Municipality, PoliceDistrict, ProjectStats, ProjectSummary } from '../../../src-shared/domain';
import { api } from '../api/client';
import { useApiQuery } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { CaseHeader } from '../components/case/CaseHeader';
import { CaseNav } from '../components/case/CaseNav';
import { CaseContext, type CaseData, type CaseRoute, type ViewId } from '../components/case/caseContext';
import { MunicipalityRegister } from '../components/case/MunicipalityRegister';
import { PoliceDistrictSummary } from '../components/case/PoliceDistrictSummary';
import { QuestionList } from '../components/case/QuestionList';
import { CodingWorkspace } from '../components/coding/CodingWorkspace';
import { SearchView } from '../components/search/SearchView';
import { emptySearch, type SearchState } from '../components/search/searchState';
import { AnalysisView } from '../components/analysis/AnalysisView';
import { AgreementView } from '../components/agreement/AgreementView';
import { BackupsView } from '../components/backup/BackupsView';
import { ExportView } from '../components/export/ExportView';
import { TeamView } from '../components/team/TeamView';
import { WorkingCopyBanner } from '../components/team/WorkingCopyBanner';
import { emptyFilter, type RegisterFilter } from '../components/case/registerFilter';
import { FindingsView } from '../components/findings/FindingsView';
import { ImportHistory } from '../components/import/ImportHistory';
import { ImportWizard } from '../components/import/ImportWizard';
import { OverviewView } from '../components/overview/OverviewView';
import { ResponseDetailView } from '../components/responses/ResponseDetailView';
import { ResponseList } from '../components/responses/ResponseList';
import { emptyResponseFilter, type ResponseFilter } from '../components/responses/responseFilter';
import { UnansweredView } from '../components/unanswered/UnansweredView';
import { toUiError, type UiError } from '../lib/errors';

interface Registry {
  counties: County[];
  districts: PoliceDistrict[];
  municipalities: Map<string, Municipality>;
}

interface Counts {
  stats: ProjectStats;
  unanswered: number;
}

interface Props {
  project: ProjectSummary;
  /** Where to start; by default the overview, or the questions of a case without responses. */
  initialView?: ViewId;
  onClosed: () => void;
}

export function CaseScreen({ project, initialView, onClosed }: Props) {
  const { t } = useTranslation();
  const [route, setRoute] = useState<CaseRoute | null>(initialView ? { view: initialView } : null);
  const [registerFilter, setRegisterFilter] = useState<RegisterFilter>(emptyFilter);
  const [responseFilter, setResponseFilter] = useState<ResponseFilter>(emptyResponseFilter);
  const [search, setSearch] = useState<SearchState>(emptySearch);
  /** The ids of the response list as last shown, for "previous/next" in a response. */
  const [listOrder, setListOrder] = useState<string[]>([]);
  const [closing, setClosing] = useState(false);
  const [closeError, setCloseError] = useState<UiError | null>(null);
  // The import wizard keeps its state (files, preview, a running import) while
  // the user looks elsewhere, so it stays mounted once opened.
  const [importOpened, setImportOpened] = useState(initialView === 'import');

  const counties = useApiQuery('registry.counties', {});
  const districts = useApiQuery('registry.policeDistricts', {});
  const municipalities = useApiQuery('registry.municipalities', {});
  const registry = useMemo<Registry | null>(
    () =>
      counties.data && districts.data && municipalities.data
        ? { counties: counties.data, districts: districts.data, municipalities: new Map(municipalities.data.map((m) => [m.number, m])) }
        : null,
    [counties.data, districts.data, municipalities.data],
  );
  const registryError = counties.error ?? districts.error ?? municipalities.error;

  // Refetched only when what they read changes (responses, respondents, codings, …), not on every change.
  const stats = useApiQuery('stats.get', {});
  const unanswered = useApiQuery('registry.unanswered', {});
  const counts = useMemo<Counts | null>(
    () => (stats.data && unanswered.data ? { stats: stats.data, unanswered: unanswered.data.municipalities.length } : null),
    [stats.data, unanswered.data],
  );

  // A case with responses opens on its overview; a new one on the letter's questions.
  useEffect(() => {
    if (stats.data) setRoute((r) => r ?? { view: stats.data.responses.current > 0 ? 'overview' : 'questions' });
    else if (stats.error || unanswered.error) setRoute((r) => r ?? { view: 'overview' });
  }, [stats.data, stats.error, unanswered.error]);

  const navigate = useCallback((next: CaseRoute) => {
    if (next.view === 'import') setImportOpened(true);
    setRoute(next);
    // A new view starts at its top.
    window.scrollTo({ top: 0 });
  }, []);

  const caseData = useMemo<CaseData | null>(
    () =>
      registry
        ? {
            project,
            counties: registry.counties,
            districts: registry.districts,
            municipalities: registry.municipalities,
            navigate,
          }
        : null,
    [project, registry, navigate],
  );

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
    setRegisterFilter({ ...emptyFilter, policeDistrictCode: code });
    navigate({ view: 'municipalities' });
  }

  function openResponses(filter: Partial<ResponseFilter>) {
    setResponseFilter({ ...emptyResponseFilter, ...filter });
    navigate({ view: 'responses' });
  }

  const view = route?.view ?? null;

  function content() {
    if (!caseData || !route) {
      return registryError ? null : <LoadingState label={t('app.loading')} />;
    }
    switch (route.view) {
      case 'overview':
        return <OverviewView stats={counts?.stats ?? null} unanswered={counts?.unanswered ?? null} onOpenResponses={openResponses} />;
      case 'responses':
        return route.responseId ? (
          <ResponseDetailView
            key={route.responseId}
            responseId={route.responseId}
            listOrder={listOrder}
            onOpen={(id) => navigate({ view: 'responses', responseId: id })}
            onBack={() => navigate({ view: 'responses' })}
          />
        ) : (
          <ResponseList
            filter={responseFilter}
            onFilterChange={setResponseFilter}
            onOrderChange={setListOrder}
            onOpen={(id) => navigate({ view: 'responses', responseId: id })}
          />
        );
      case 'coding':
        return <CodingWorkspace />;
      case 'search':
        return <SearchView state={search} onStateChange={setSearch} />;
      case 'analysis':
        return <AnalysisView />;
      case 'agreement':
        return <AgreementView />;
      case 'export':
        return <ExportView />;
      case 'team':
        return <TeamView onOpenResponses={(assignee) => openResponses({ assignee })} />;
      case 'unanswered':
        return <UnansweredView />;
      case 'import':
        return null; // kept mounted below
      case 'history':
        return <ImportHistory />;
      case 'backups':
        return <BackupsView />;
      case 'questions':
        return <QuestionList questions={project.questions} />;
      case 'municipalities':
        return (
          <MunicipalityRegister
            register={project.register}
            counties={caseData.counties}
            districts={caseData.districts}
            filter={registerFilter}
            onFilterChange={setRegisterFilter}
          />
        );
      case 'districts':
        return <PoliceDistrictSummary districts={caseData.districts} onShowMunicipalities={showDistrict} />;
      case 'findings':
        return <FindingsView findingId={route.findingId} onOpenResponse={(id) => navigate({ view: 'responses', responseId: id })} />;
    }
  }

  return (
    <div className="screen" data-testid="case-screen">
      <CaseHeader project={project} closing={closing} onClose={() => void close()} compact={view !== null && view !== 'overview'} />
      {project.workingCopy && <WorkingCopyBanner copy={project.workingCopy} onMakeReturn={() => navigate({ view: 'team' })} />}
      {closeError && <ErrorAlert title={t('case.closeFailed')} error={closeError} data-testid="close-error" />}
      <div className="case-layout">
        <CaseNav
          current={view ?? 'overview'}
          counts={{
            responses: counts?.stats.responses.current ?? null,
            unanswered: counts?.unanswered ?? null,
            questions: project.questions.length,
            municipalities: project.register.municipalityCount,
            districts: project.register.policeDistrictCount,
          }}
          onSelect={(v) => navigate({ view: v })}
        />
        <div className="case-content" data-testid={view ? `panel-${view}` : undefined} data-view={view ?? undefined}>
          {registryError && <ErrorAlert title={t('registry.failed')} error={registryError} />}
          {caseData && (
            <CaseContext.Provider value={caseData}>
              {content()}
              {importOpened && (
                <div hidden={view !== 'import'}>
                  <ImportWizard onShowResponses={() => openResponses({})} />
                </div>
              )}
            </CaseContext.Provider>
          )}
          {!caseData && content()}
        </div>
      </div>
    </div>
  );
}
