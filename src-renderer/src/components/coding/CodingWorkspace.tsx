// "Koding": the coding workspace. Three columns — the responses (progress,
// filters, a compact virtualised list), the reading view of one response, and
// a side panel (codebook, variables, memos, history, findings) — under a bar
// with who is coding and undo/redo. Keyboard first (keymap.ts, the `?` map).
// This file wires the parts: data (useCodingData), changes (useCodingActions,
// useCodingEdits), the place in the text (useReadingSelection), the keys.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code, Variable } from '../../../../src-shared/coding';
import { ErrorAlert } from '../ErrorAlert';
import { LoadingState } from '../LoadingState';
import { useToast } from '../Toast';
import { useCase } from '../case/caseContext';
import { CodingBar } from './CodingBar';
import { CodePicker, type PickerRequest } from './CodePicker';
import { CodingResponseList } from './CodingResponseList';
import { CodingSideTabs } from './CodingSideTabs';
import { recall, remember, type CodingFilter, type SideTab } from './codingFilter';
import { HelpOverlay } from './HelpOverlay';
import { codeKeys, variableKeys, type Command } from './keymap';
import { groupParts, ReadingView } from './ReadingView';
import { excerpt, SelectionBar } from './SelectionBar';
import { useCodingActions } from './useCodingActions';
import { useCodingData } from './useCodingData';
import { useCodingEdits, type CodingTarget } from './useCodingEdits';
import { useCodingKeys } from './useCodingKeys';
import { useCodingNavigation } from './useCodingNavigation';
import { useReadingSelection } from './useReadingSelection';
import { VariableDefinitions } from './VariableDefinitions';
import './coding.css';

export function CodingWorkspace() {
  const { t } = useTranslation();
  const { notify } = useToast();
  const { project, navigate } = useCase();
  const questions = project.questions;
  const initial = useMemo(() => recall(project.path), [project.path]);

  const [filter, setFilter] = useState<CodingFilter>(initial.filter);
  const [responseId, setResponseId] = useState<string | null>(initial.responseId);
  const [tab, setTab] = useState<SideTab>(initial.tab);
  useEffect(() => remember({ filter, responseId, tab }), [filter, responseId, tab]);

  const data = useCodingData(filter, responseId);
  const { rows, codes, variables, undoState, userName } = data;
  const actions = useCodingActions(data.listInput);

  const [selectedCodeId, setSelectedCodeId] = useState<string | null>(null);
  const [picker, setPicker] = useState<(PickerRequest & { target: CodingTarget; codingId?: string }) | null>(null);
  const [armed, setArmed] = useState<Variable | null>(null);
  const [prefix, setPrefix] = useState(false);
  const [help, setHelp] = useState(false);
  const [defining, setDefining] = useState(false);

  const readingRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const textAreas = useRef(new Map<string, HTMLTextAreaElement>());

  // Start on the first response when none was open.
  useEffect(() => {
    if (!responseId && rows && rows.length > 0) setResponseId(rows[0].id);
  }, [rows, responseId]);

  const cached = data.ws && data.ws.response.id === responseId ? data.ws : null;
  const orderedParts = useMemo(() => (cached ? groupParts(cached.response.answers, questions).flatMap((g) => g.parts) : []), [cached, questions]);
  const reading = useReadingSelection(readingRef, cached, orderedParts);
  const partById = useMemo(() => new Map(orderedParts.map((p) => [p.id, p])), [orderedParts]);
  const codeMap = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const edits = useCodingEdits({ live: cached, questions, partById, codeMap, userName, actions, reading });
  // The response as shown (the previous one, marked stale, while the next loads); `live` is the open one, with spans being moved.
  const live = edits.live;
  const ws = live ?? data.ws;
  const ckeys = useMemo(() => codeKeys(codes), [codes]);
  const vkeys = useMemo(() => variableKeys(variables, codes), [variables, codes]);
  const { selectedCoding } = edits;

  const selectResponse = useCallback(
    (id: string, focus: 'first' | 'first-uncoded' | null = null) => {
      void edits.flushAdjustments();
      setResponseId(id);
      reading.reset(focus);
      setArmed(null);
      setPrefix(false);
    },
    [edits, reading],
  );
  const nav = useCodingNavigation({ rows, responseId, live, orderedParts, reading, selectResponse });

  function openPicker(mode: 'code' | 'recode') {
    if (!live) return;
    if (mode === 'recode' && selectedCoding) {
      const c = selectedCoding;
      const target: CodingTarget = { kind: 'coding', answerId: c.answerId, start: c.start, end: c.end, text: c.quote };
      setPicker({ mode, questionId: partById.get(c.answerId)?.questionId ?? null, subject: `«${excerpt(c.quote)}»`, currentCodeId: c.codeId, codingId: c.id, target });
      return;
    }
    const target = edits.currentTarget();
    if (!target) return;
    const subject = target.kind === 'part' ? t('coding.picker.wholePart', { text: excerpt(target.text, 60) }) : `«${excerpt(target.text)}»`;
    setPicker({ mode: 'code', questionId: partById.get(target.answerId)?.questionId ?? null, subject, target });
  }

  function closePicker() {
    const p = picker;
    setPicker(null);
    if (!p) return;
    requestAnimationFrame(() => {
      reading.focusPart(p.target.answerId);
      if (p.target.kind === 'selection' && p.target.start !== undefined) reading.reselect({ answerId: p.target.answerId, start: p.target.start, end: p.target.end! });
    });
  }

  function arm(v: Variable) {
    if (v.kind === 'text') {
      setTab('variables');
      requestAnimationFrame(() => textAreas.current.get(v.id)?.focus());
      return;
    }
    setArmed(v);
  }

  /** Runs a key's command; false when the key did nothing (and keeps its default). */
  function run(command: Command): boolean {
    if (command.disarm) setArmed(null);
    switch (command.type) {
      case 'none':
        return false;
      case 'history':
        return void edits.history(command.direction), true;
      case 'adjust':
        return edits.adjust(command.codingId, command.edge, command.dir, command.byWord), true;
      case 'escape':
        if (command.what === 'disarm') {
          setArmed(null);
          setPrefix(false);
        } else if (command.what === 'clearSelection') window.getSelection()?.removeAllRanges();
        else if (command.what === 'deselectCoding') reading.setSelectedCodingId(null);
        else reading.setFlash(null);
        return true;
      case 'chooseOption':
        return edits.chooseOption(command.variable, command.key), true;
      case 'evidence':
        return edits.evidenceFromSelection(command.variable), true;
      case 'arm':
        setPrefix(false);
        return arm(command.variable), true;
      case 'unknownVariableKey':
        setPrefix(false);
        return notify(t('coding.toast.noVariableKey', { key: command.key }), 'error'), true;
      case 'movePart':
        return nav.movePart(command.dir);
      case 'go':
        return nav.go(command.dir, command.focus), true;
      case 'remove':
        return void edits.removeCoding(command.codingId), true;
      case 'help':
        return setHelp(true), true;
      case 'nextUncoded':
        return nav.nextUncoded(), true;
      case 'picker':
        return openPicker('code'), true;
      case 'done':
        return void edits.setStatus('ferdig'), true;
      case 'memo':
        if (selectedCoding) void edits.toggleInMemo(selectedCoding.id);
        else notify(t('coding.toast.chooseCoding'));
        return true;
      case 'prefix':
        return setPrefix(true), true;
      case 'stepCoding':
        return nav.stepCoding(command.dir), true;
      case 'search':
        return searchRef.current?.focus(), true;
      case 'code':
        return void edits.codeWith(command.code), true;
    }
  }

  useCodingKeys(
    () => ({ armed, prefix, hasTextSelection: reading.textSel !== null, selectedCodingId: selectedCoding?.id ?? null, flash: reading.flash !== null, codeKeys: ckeys, variableKeys: vkeys }),
    () => ({ reading: readingRef.current, list: listRef.current }),
    run,
  );

  // Fill the window below the app's header: the columns scroll on their own.
  const rootRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = rootRef.current;
    if (el) window.scrollTo({ top: window.scrollY + el.getBoundingClientRect().top - 12 });
  }, []);

  const { textSel, focusedAnswerId } = reading;
  const focusedPart = focusedAnswerId ? partById.get(focusedAnswerId) : undefined;
  const applyTarget = live ? edits.targetLabel(textSel ? { kind: 'selection', ...textSel } : selectedCoding ? { kind: 'coding', answerId: '', text: '' } : focusedPart ? { kind: 'part', answerId: '', text: '' } : null) : null;
  const onApply = (code: Code) => void edits.codeWith(code);

  return (
    <div className="cw" ref={rootRef} data-size="sm" data-testid="coding-workspace">
      <CodingBar undoState={undoState} onHistory={(d) => void edits.history(d)} onHelp={() => setHelp(true)} />

      <div className="cw-columns">
        <CodingResponseList
          rows={rows}
          loading={data.listLoading}
          error={data.listError}
          selectedId={responseId}
          onSelect={(id) => selectResponse(id)}
          filter={filter}
          onFilterChange={setFilter}
          progress={data.progress}
          codes={codes}
          variables={variables}
          userName={userName}
          searchRef={searchRef}
          listRef={listRef}
        />

        <div className="cw-reading" data-testid="coding-reading-column">
          <div className="cw-reading__scroll" ref={readingRef}>
            {data.wsError && <ErrorAlert title={t('detail.failed')} error={data.wsError} />}
            {!ws && !data.wsError && (rows === null || rows.length > 0 ? <LoadingState label={t('app.loading')} /> : <p className="muted cw-empty">{t('coding.reading.nothing')}</p>)}
            {ws && (
              <ReadingView
                ws={ws}
                questions={questions}
                codes={codeMap}
                selectedCodingId={reading.selectedCodingId}
                focusedAnswerId={focusedAnswerId}
                flash={reading.flash}
                stale={!live}
                onFocusPart={reading.setFocusedAnswerId}
                onSelectCoding={(id) => {
                  if (id) window.getSelection()?.removeAllRanges();
                  reading.setSelectedCodingId(id);
                  if (id) setSelectedCodeId(live?.codings.find((c) => c.id === id)?.codeId ?? null);
                }}
                onStatus={(s) => void edits.setStatus(s)}
                onOpenDetail={() => navigate({ view: 'responses', responseId: ws.response.id })}
              />
            )}
          </div>
          <SelectionBar
            armed={armed}
            prefix={prefix}
            textSel={textSel}
            selectedCoding={selectedCoding}
            codeMap={codeMap}
            across={reading.across}
            onPicker={openPicker}
            onToggleMemo={(id) => void edits.toggleInMemo(id)}
            onRemove={(id) => void edits.removeCoding(id)}
          />
        </div>

        <CodingSideTabs
          tab={tab}
          onTab={setTab}
          live={live}
          questions={questions}
          codes={codes}
          codeMap={codeMap}
          variables={variables}
          variableKeys={vkeys}
          selectedCodeId={selectedCodeId}
          onSelectCode={setSelectedCodeId}
          selectedCodingId={reading.selectedCodingId}
          focusedAnswerId={focusedAnswerId}
          focusedPart={focusedPart}
          textSel={textSel}
          armedId={armed?.id ?? null}
          applyTarget={applyTarget}
          onApply={onApply}
          onSetVariable={(v, value, evidence) => void edits.setVariable(v, value, evidence)}
          onShowEvidence={reading.showEvidence}
          onDefineVariables={() => setDefining(true)}
          textAreas={textAreas}
        />
      </div>

      <CodePicker
        request={picker}
        codes={codes}
        questions={questions}
        onPick={(code) => {
          const p = picker;
          closePicker();
          if (!p) return;
          if (p.mode === 'recode' && p.codingId) void edits.recode(p.codingId, code);
          else void edits.codeWith(code, p.target);
        }}
        onCreate={(name) => {
          const p = picker;
          closePicker();
          if (p) void edits.createAndCode(name, p.target);
        }}
        onClose={closePicker}
      />
      <HelpOverlay open={help} codes={codes} variables={variables} onClose={() => setHelp(false)} />
      <VariableDefinitions open={defining} variables={variables} questions={questions} onClose={() => setDefining(false)} />
    </div>
  );
}
