// The coding workspace's side column: five tabs (codebook, variables, memos,
// history, findings) about the open response and what is chosen in it.
import { Tabs } from '@digdir/designsystemet-react';
import { useMemo, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code, Evidence, Variable, WorkspaceResponse } from '../../../../src-shared/coding';
import type { AnswerPart, Question } from '../../../../src-shared/domain';
import { TabPanels } from '../TabPanels';
import { FindingLinksPanel } from '../findings/FindingLinksPanel';
import { CodebookPanel } from './CodebookPanel';
import type { SideTab } from './codingFilter';
import { HistoryPanel } from './HistoryPanel';
import type { VariableKeys } from './keymap';
import { MemosPanel } from './MemosPanel';
import type { PartSelection } from './textOffsets';
import type { Span } from './useReadingSelection';
import { VariablesPanel } from './VariablesPanel';

const TABS: SideTab[] = ['codebook', 'variables', 'memos', 'history', 'findings'];

interface Props {
  tab: SideTab;
  onTab: (tab: SideTab) => void;
  live: WorkspaceResponse | null;
  questions: Question[];
  codes: Code[];
  codeMap: Map<string, Code>;
  variables: Variable[];
  variableKeys: VariableKeys;
  selectedCodeId: string | null;
  onSelectCode: (id: string | null) => void;
  selectedCodingId: string | null;
  focusedAnswerId: string | null;
  focusedPart: AnswerPart | undefined;
  textSel: PartSelection | null;
  armedId: string | null;
  /** What a click on a code in the codebook would code now (null: nothing). */
  applyTarget: string | null;
  onApply: (code: Code) => void;
  onSetVariable: (v: Variable, value: string | string[] | null, evidence?: Span | null) => void;
  onShowEvidence: (e: Evidence) => void;
  onDefineVariables: () => void;
  textAreas: RefObject<Map<string, HTMLTextAreaElement>>;
}

export function CodingSideTabs(props: Props) {
  const { tab, onTab, live, questions, codes, codeMap, selectedCodeId, selectedCodingId, focusedPart } = props;
  const { t } = useTranslation();
  const selectedCode = selectedCodeId ? (codeMap.get(selectedCodeId) ?? null) : null;
  const selectedCoding = live?.codings.find((c) => c.id === selectedCodingId) ?? null;
  // The parts' texts, so a coding or an evidence span is shown in its sentence.
  const answerTexts = useMemo(() => new Map((live?.response.answers ?? []).map((a) => [a.id, a.text])), [live?.response.answers]);
  const partLabel = (p: AnswerPart) => (p.questionOrdinal ? t('coding.memos.partOfQuestion', { ordinal: p.questionOrdinal }) : t('coding.reading.unassigned'));

  return (
    <aside className="cw-side" aria-label={t('coding.side.label')} data-testid="coding-side">
      <Tabs value={tab} onChange={(v) => onTab(v as SideTab)} data-size="sm" className="cw-tabs">
        <Tabs.List>
          {TABS.map((name) => (
            <Tabs.Tab key={name} value={name} data-testid={`side-tab-${name}`}>
              {t(`coding.side.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <TabPanels tabs={TABS} active={tab} className={`cw-side__body cw-side__body--${tab}`}>
          {tab === 'codebook' && (
            <CodebookPanel
              codes={codes}
              questions={questions}
              selectedCodeId={selectedCodeId}
              onSelectCode={props.onSelectCode}
              applyTarget={props.applyTarget}
              onApply={props.onApply}
            />
          )}
          {tab === 'variables' && live && (
            <VariablesPanel
              variables={props.variables}
              values={live.values}
              questions={questions}
              keys={props.variableKeys}
              selection={props.textSel}
              armedId={props.armedId}
              onSet={props.onSetVariable}
              onShowEvidence={props.onShowEvidence}
              onDefine={props.onDefineVariables}
              textAreas={props.textAreas}
              answerTexts={answerTexts}
            />
          )}
          {tab === 'memos' && live && (
            <MemosPanel
              responseId={live.response.id}
              responseName={live.response.municipality?.name ?? live.response.respondentName}
              answer={focusedPart ? { id: focusedPart.id, label: partLabel(focusedPart) } : null}
              code={selectedCode}
              memos={live.memos}
              quotes={live.codings.filter((c) => c.useInMemo)}
              codes={codeMap}
              answerTexts={answerTexts}
            />
          )}
          {tab === 'history' && live && (
            <HistoryPanel
              codes={codeMap}
              targets={[
                ...(selectedCoding ? [{ entityType: 'coding', entityId: selectedCoding.id, title: t('coding.history.coding', { code: codeMap.get(selectedCoding.codeId)?.name ?? '' }) }] : []),
                ...(selectedCode && !selectedCoding ? [{ entityType: 'code', entityId: selectedCode.id, title: t('coding.history.code', { name: selectedCode.name }) }] : []),
                { entityType: 'response', entityId: live.response.id, title: t('coding.history.response') },
              ]}
            />
          )}
          {tab === 'findings' && live && <FindingLinksPanel responseId={live.response.id} answerId={props.focusedAnswerId} codingId={selectedCodingId} />}
        </TabPanels>
      </Tabs>
    </aside>
  );
}
