// "Koding": the coding workspace. Three columns — the responses (progress,
// filters, a compact virtualised list), the reading view of one response, and
// a side panel (codebook, variables, memos, history, findings) — under a bar
// with who is coding and undo/redo. Keyboard first: see HelpOverlay for the
// map. Every change is applied to the screen as soon as the core has it (or
// before, where it cannot fail), and reloaded when the core reports changes.
import { Button, Tabs } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code, Coding, CodingProgress, Evidence, UndoState, Variable, VariableValue, WorkspaceResponse } from '../../../../src-shared/coding';
import type { ResponseStatus, ResponseSummary } from '../../../../src-shared/domain';
import { api } from '../../api/client';
import { useDataChanged } from '../../hooks/useDataChanged';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useLatest } from '../../hooks/useLatest';
import { toUiError, type UiError } from '../../lib/errors';
import { ErrorAlert } from '../ErrorAlert';
import { LoadingState } from '../LoadingState';
import { FindingLinksPanel } from '../findings/FindingLinksPanel';
import { useCase } from '../case/caseContext';
import { actionLabel } from './actions';
import { CodebookPanel } from './CodebookPanel';
import { CodePicker, type PickerRequest } from './CodePicker';
import { CodingResponseList } from './CodingResponseList';
import { NOT_SET, recall, remember, type CodingFilter, type SideTab } from './codingFilter';
import { HelpOverlay } from './HelpOverlay';
import { HistoryPanel } from './HistoryPanel';
import { codeKeys, COMMAND_KEYS, EVIDENCE_KEY, isMac, isTypingTarget, variableKeys } from './keymap';
import { MemosPanel } from './MemosPanel';
import { groupParts, ReadingView } from './ReadingView';
import { byPosition } from './segments';
import { partTextElement, readPartSelection, selectSpan, type PartSelection } from './textOffsets';
import { VariableDefinitions } from './VariableDefinitions';
import { VariablesPanel } from './VariablesPanel';
import './coding.css';

const ADJUST_DELAY_MS = 400;
const SEARCH_DELAY_MS = 150;

/** What a code is applied to: marked text, a coding's span, or a whole answer part. */
interface CodingTarget {
  kind: 'selection' | 'coding' | 'part';
  answerId: string;
  start?: number;
  end?: number;
  text: string;
}

interface Toast {
  id: number;
  text: string;
  kind: 'info' | 'error';
}

type Revisions = Record<'list' | 'ws' | 'codes' | 'variables' | 'progress' | 'undo' | 'memos' | 'history', number>;

const excerpt = (s: string, n = 80) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1).trim()}…` : one;
};

/** Moves `pos` over the next (dir 1) or previous (dir -1) word of `text`. */
function wordStep(text: string, pos: number, dir: 1 | -1): number {
  let i = pos;
  if (dir > 0) {
    while (i < text.length && /\s/.test(text[i])) i++;
    while (i < text.length && !/\s/.test(text[i])) i++;
  } else {
    while (i > 0 && /\s/.test(text[i - 1])) i--;
    while (i > 0 && !/\s/.test(text[i - 1])) i--;
  }
  return i;
}

export function CodingWorkspace() {
  const { t } = useTranslation();
  const { project, navigate } = useCase();
  const questions = project.questions;
  const initial = useMemo(() => recall(project.path), [project.path]);

  const [filter, setFilter] = useState<CodingFilter>(initial.filter);
  const [responseId, setResponseId] = useState<string | null>(initial.responseId);
  const [tab, setTab] = useState<SideTab>(initial.tab);
  useEffect(() => remember({ filter, responseId, tab }), [filter, responseId, tab]);

  const [rows, setRows] = useState<ResponseSummary[] | null>(null);
  const [listLoading, setListLoading] = useState(false);
  const [listError, setListError] = useState<UiError | null>(null);
  const [ws, setWs] = useState<WorkspaceResponse | null>(null);
  const [wsError, setWsError] = useState<UiError | null>(null);
  const [codes, setCodes] = useState<Code[]>([]);
  const [variables, setVariables] = useState<Variable[]>([]);
  const [progress, setProgress] = useState<CodingProgress | null>(null);
  const [undoState, setUndoState] = useState<UndoState | null>(null);
  const [userName, setUserName] = useState<string | null>(null);
  const [rev, setRev] = useState<Revisions>({ list: 0, ws: 0, codes: 0, variables: 0, progress: 0, undo: 0, memos: 0, history: 0 });

  const [focusedAnswerId, setFocusedAnswerId] = useState<string | null>(null);
  const [selectedCodingId, setSelectedCodingId] = useState<string | null>(null);
  const [selectedCodeId, setSelectedCodeId] = useState<string | null>(null);
  const [textSel, setTextSel] = useState<PartSelection | null>(null);
  const [across, setAcross] = useState(false);
  const [flash, setFlash] = useState<{ answerId: string; start: number; end: number } | null>(null);
  const [picker, setPicker] = useState<(PickerRequest & { target: CodingTarget; codingId?: string }) | null>(null);
  const [armed, setArmed] = useState<Variable | null>(null);
  const [prefix, setPrefix] = useState(false);
  const [help, setHelp] = useState(false);
  const [defining, setDefining] = useState(false);
  const [toast, setToast] = useState<Toast | null>(null);

  const readingRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const textAreas = useRef(new Map<string, HTMLTextAreaElement>());
  const seq = useRef({ list: 0, ws: 0 });
  const lastIndex = useRef<number | null>(null);
  // Land on the first answer part when the workspace opens, so the keys work at once.
  const pendingFocus = useRef<'first' | 'first-uncoded' | null>('first');
  const restoreSelection = useRef<{ answerId: string; start: number; end: number } | null>(null);
  const adjustments = useRef(new Map<string, { start: number; end: number }>());
  /** A span being adjusted keeps its new ends until they are saved, whatever the core says meanwhile. */
  const withPending = (c: Coding, w: WorkspaceResponse): Coding => {
    const span = adjustments.current.get(c.id);
    if (!span) return c;
    const text = w.response.answers.find((a) => a.id === c.answerId)?.text ?? '';
    return { ...c, ...span, quote: text.slice(span.start, span.end) };
  };
  const adjustTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const toastTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flashTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // ---- Feedback ----

  const notify = useCallback((text: string, kind: 'info' | 'error' = 'info') => {
    clearTimeout(toastTimer.current);
    setToast({ id: Date.now(), text, kind });
    toastTimer.current = setTimeout(() => setToast(null), kind === 'error' ? 7000 : 2600);
  }, []);
  useEffect(
    () => () => {
      clearTimeout(toastTimer.current);
      clearTimeout(flashTimer.current);
    },
    [],
  );

  const failed = useCallback(
    (what: string, e: unknown) => {
      const err = toUiError(e);
      notify(`${what}: ${t(`errors.${err.code}`, { defaultValue: t('errors.INTERNAL') })} ${err.message}`, 'error');
    },
    [notify, t],
  );

  /** Runs changes one after another, in the order the keys were pressed. */
  const enqueue = useCallback(<T,>(work: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(work, work);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  // ---- Loading ----

  const query = useDebouncedValue(filter.query, SEARCH_DELAY_MS);
  useEffect(() => {
    const n = ++seq.current.list;
    setListLoading(true);
    api.responses
      .list({
        query: query.trim() || undefined,
        status: filter.status || undefined,
        countyNumber: filter.countyNumber || undefined,
        policeDistrictCode: filter.policeDistrictCode || undefined,
        codeId: filter.codeId || undefined,
        variable: filter.variableId && filter.variableValue ? { variableId: filter.variableId, value: filter.variableValue === NOT_SET ? null : filter.variableValue } : undefined,
        coder: filter.coder.trim() || undefined,
        assignee: filter.assignee || undefined,
      })
      .then((result) => {
        if (n !== seq.current.list) return;
        setRows(result);
        setListError(null);
      })
      .catch((e: unknown) => n === seq.current.list && setListError(toUiError(e)))
      .finally(() => n === seq.current.list && setListLoading(false));
  }, [query, filter.status, filter.countyNumber, filter.policeDistrictCode, filter.codeId, filter.variableId, filter.variableValue, filter.coder, filter.assignee, rev.list]);

  useEffect(() => {
    if (!responseId) return;
    const n = ++seq.current.ws;
    api.workspace
      .response({ id: responseId })
      .then((w) => {
        if (n !== seq.current.ws) return;
        setWs({ ...w, codings: w.codings.map((c) => withPending(c, w)) });
        setWsError(null);
      })
      .catch((e: unknown) => n === seq.current.ws && setWsError(toUiError(e)));
  }, [responseId, rev.ws]);

  useEffect(() => {
    api.codebook.list().then(setCodes, () => undefined);
  }, [rev.codes]);
  useEffect(() => {
    api.variables.list().then(setVariables, () => undefined);
  }, [rev.variables]);
  useEffect(() => {
    api.responses.progress().then(setProgress, () => undefined);
  }, [rev.progress]);
  useEffect(() => {
    api.history.state().then(setUndoState, () => undefined);
  }, [rev.undo]);
  const loadSettings = useCallback(() => {
    api.settings.get().then((s) => setUserName(s.userName), () => undefined);
  }, []);
  useEffect(loadSettings, [loadSettings]);

  useDataChanged((entities) => {
    const has = (...names: string[]) => names.some((n) => entities.has(n));
    const bump = (cond: boolean) => (cond ? 1 : 0);
    setRev((r) => ({
      list: r.list + bump(has('responses', 'codings', 'codebook', 'variables', 'stats', 'respondents')),
      ws: r.ws + bump(has('codings', 'codebook', 'variables', 'memos', 'responses')),
      codes: r.codes + bump(has('codebook', 'codings', 'responses')),
      variables: r.variables + bump(has('variables')),
      progress: r.progress + bump(has('responses', 'stats')),
      undo: r.undo + bump(has('history')),
      memos: r.memos + bump(has('memos', 'codebook')),
      history: r.history + bump(has('history')),
    }));
  });

  // Start on the first response when none was open.
  useEffect(() => {
    if (!responseId && rows && rows.length > 0) setResponseId(rows[0].id);
  }, [rows, responseId]);

  // ---- Derived ----

  const live = ws && ws.response.id === responseId ? ws : null;
  const codeMap = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const ckeys = useMemo(() => codeKeys(codes), [codes]);
  const vkeys = useMemo(() => variableKeys(variables, codes), [variables, codes]);
  const orderedParts = useMemo(() => (live ? groupParts(live.response.answers, questions).flatMap((g) => g.parts) : []), [live, questions]);
  const partById = useMemo(() => new Map(orderedParts.map((p) => [p.id, p])), [orderedParts]);
  const selectedCoding = live?.codings.find((c) => c.id === selectedCodingId) ?? null;
  const index = rows && responseId ? rows.findIndex((r) => r.id === responseId) : -1;
  if (index >= 0) lastIndex.current = index;

  // ---- Selection in the reading view ----

  useEffect(() => {
    const onChange = () => {
      const root = readingRef.current;
      if (!root) return;
      const s = readPartSelection(root, window.getSelection());
      if (s === 'across') {
        setAcross(true);
        setTextSel(null);
        return;
      }
      setAcross(false);
      setTextSel((prev) => (s && prev && prev.answerId === s.answerId && prev.start === s.start && prev.end === s.end ? prev : s));
      if (s) {
        setSelectedCodingId(null);
        setFocusedAnswerId(s.answerId);
        // A selection made without the mouse (or from outside) still makes its part the keyboard's place.
        if (!root.contains(document.activeElement)) {
          root.querySelector<HTMLElement>(`[data-testid="coding-part"][data-answer-id="${CSS.escape(s.answerId)}"]`)?.focus({ preventScroll: true });
        }
      }
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  // After coding marked text, mark it again (the highlights replaced its text
  // nodes), so another code can be added with the next key.
  useLayoutEffect(() => {
    const r = restoreSelection.current;
    const root = readingRef.current;
    if (!r || !root || !live) return;
    restoreSelection.current = null;
    const el = partTextElement(root, r.answerId);
    if (el) selectSpan(el, r.start, r.end);
  }, [live]);

  const focusPart = useCallback((answerId: string) => {
    const el = readingRef.current?.querySelector<HTMLElement>(`[data-testid="coding-part"][data-answer-id="${CSS.escape(answerId)}"]`);
    if (!el) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest' });
    setFocusedAnswerId(answerId);
  }, []);

  // Where keyboard navigation asked to land once the response has loaded.
  useEffect(() => {
    if (!live || !pendingFocus.current) return;
    const how = pendingFocus.current;
    pendingFocus.current = null;
    const coded = new Set(live.codings.map((c) => c.answerId));
    const target = how === 'first-uncoded' ? (orderedParts.find((p) => !coded.has(p.id)) ?? orderedParts[0]) : orderedParts[0];
    if (target) focusPart(target.id);
  }, [live, orderedParts, focusPart]);

  // ---- Actions ----

  const flushAdjustments = useCallback(async () => {
    clearTimeout(adjustTimer.current);
    const pending = [...adjustments.current.entries()];
    adjustments.current.clear();
    for (const [id, span] of pending) {
      try {
        await enqueue(() => api.codings.update({ id, ...span }));
      } catch (e) {
        failed(t('coding.toast.adjustFailed'), e);
        setRev((r) => ({ ...r, ws: r.ws + 1 }));
      }
    }
  }, [enqueue, failed, t]);

  const selectResponse = useCallback(
    (id: string, focus: 'first' | 'first-uncoded' | null = null) => {
      void flushAdjustments();
      if (readingRef.current?.contains(window.getSelection()?.anchorNode ?? null)) window.getSelection()?.removeAllRanges();
      setResponseId(id);
      setSelectedCodingId(null);
      setFocusedAnswerId(null);
      setTextSel(null);
      setFlash(null);
      setArmed(null);
      setPrefix(false);
      pendingFocus.current = focus;
      readingRef.current?.scrollTo({ top: 0 });
    },
    [flushAdjustments],
  );

  /** What a code would be applied to now; null (after saying why) when nothing. */
  const currentTarget = (): CodingTarget | null => {
    if (!live) return null;
    const root = readingRef.current;
    const s = root ? readPartSelection(root, window.getSelection()) : null;
    if (s === 'across') {
      notify(t('coding.bar.across'), 'error');
      return null;
    }
    if (s) return { kind: 'selection', answerId: s.answerId, start: s.start, end: s.end, text: s.text };
    if (selectedCoding) return { kind: 'coding', answerId: selectedCoding.answerId, start: selectedCoding.start, end: selectedCoding.end, text: selectedCoding.quote };
    const part = focusedAnswerId ? partById.get(focusedAnswerId) : undefined;
    if (part && part.text.length > 0) return { kind: 'part', answerId: part.id, text: part.text };
    notify(t('coding.toast.noTarget'));
    return null;
  };

  const targetLabel = (target: CodingTarget | null): string | null => {
    if (!target) return null;
    if (target.kind === 'part') return t('coding.target.part');
    if (target.kind === 'coding') return t('coding.target.coding');
    return t('coding.target.selection', { count: (target.end ?? 0) - (target.start ?? 0) });
  };

  const upsertCoding = (responseOf: string, coding: Coding) =>
    setWs((w) => (w && w.response.id === responseOf ? { ...w, codings: [...w.codings.filter((c) => c.id !== coding.id), withPending(coding, w)] } : w));

  async function codeWith(code: Code, given?: CodingTarget | null) {
    const target = given ?? currentTarget();
    if (!live || !target) return;
    const part = partById.get(target.answerId);
    if (code.questionId && part && code.questionId !== part.questionId) {
      const q = questions.find((x) => x.id === code.questionId);
      return notify(t('coding.toast.outOfScope', { code: code.name, ordinal: q?.ordinal ?? '?' }), 'error');
    }
    const rid = live.response.id;
    const known = new Set(live.codings.map((c) => c.id));
    try {
      const coding = await enqueue(() => api.codings.create({ answerId: target.answerId, codeId: code.id, start: target.start, end: target.end }));
      upsertCoding(rid, coding);
      if (!known.has(coding.id)) setCodes((cs) => cs.map((c) => (c.id === code.id ? { ...c, codingCount: c.codingCount + 1 } : c)));
      if (target.kind === 'selection') restoreSelection.current = { answerId: target.answerId, start: target.start!, end: target.end! };
      notify(known.has(coding.id) ? t('coding.toast.alreadyCoded', { code: code.name }) : t('coding.toast.coded', { code: code.name, target: targetLabel(target) }));
    } catch (e) {
      failed(t('coding.toast.codeFailed'), e);
    }
  }

  async function createAndCode(name: string, target: CodingTarget) {
    try {
      const code = await enqueue(() => api.codebook.create({ name }));
      setCodes((cs) => [...cs, code]);
      await codeWith(code, target);
    } catch (e) {
      failed(t('coding.codebook.createFailed'), e);
    }
  }

  async function recode(codingId: string, code: Code) {
    if (!live) return;
    const rid = live.response.id;
    try {
      upsertCoding(rid, await enqueue(() => api.codings.update({ id: codingId, codeId: code.id })));
    } catch (e) {
      failed(t('coding.toast.codeFailed'), e);
    }
  }

  async function removeCoding(id: string) {
    if (!live) return;
    const coding = live.codings.find((c) => c.id === id);
    if (!coding) return;
    const rid = live.response.id;
    adjustments.current.delete(id);
    setWs((w) => (w && w.response.id === rid ? { ...w, codings: w.codings.filter((c) => c.id !== id) } : w));
    setCodes((cs) => cs.map((c) => (c.id === coding.codeId ? { ...c, codingCount: Math.max(0, c.codingCount - 1) } : c)));
    setSelectedCodingId(null);
    try {
      await enqueue(() => api.codings.delete({ id }));
      notify(t('coding.toast.removed', { code: codeMap.get(coding.codeId)?.name ?? '' }));
    } catch (e) {
      failed(t('coding.toast.removeFailed'), e);
      upsertCoding(rid, coding);
    }
  }

  async function toggleInMemo(id: string) {
    if (!live) return;
    const coding = live.codings.find((c) => c.id === id);
    if (!coding) return;
    const rid = live.response.id;
    const next = !coding.useInMemo;
    upsertCoding(rid, { ...coding, useInMemo: next });
    try {
      upsertCoding(rid, await enqueue(() => api.codings.update({ id, useInMemo: next })));
      notify(next ? t('coding.toast.inMemo') : t('coding.toast.notInMemo'));
    } catch (e) {
      failed(t('coding.toast.codeFailed'), e);
      upsertCoding(rid, coding);
    }
  }

  function adjust(id: string, edge: 'start' | 'end', dir: 1 | -1, byWord: boolean) {
    if (!live) return;
    const coding = live.codings.find((c) => c.id === id);
    const part = coding ? partById.get(coding.answerId) : undefined;
    if (!coding || !part) return;
    const text = part.text;
    let { start, end } = coding;
    if (edge === 'end') end = Math.max(start + 1, Math.min(text.length, byWord ? wordStep(text, end, dir) : end + dir));
    else start = Math.min(end - 1, Math.max(0, byWord ? wordStep(text, start, dir) : start + dir));
    if (start === coding.start && end === coding.end) return;
    adjustments.current.set(id, { start, end });
    upsertCoding(live.response.id, { ...coding, start, end, quote: text.slice(start, end) });
    clearTimeout(adjustTimer.current);
    adjustTimer.current = setTimeout(() => void flushAdjustments(), ADJUST_DELAY_MS);
  }
  useEffect(() => () => clearTimeout(adjustTimer.current), []);

  async function setVariable(v: Variable, value: string | string[] | null, evidence?: { answerId: string; start: number; end: number } | null) {
    if (!live) return;
    const rid = live.response.id;
    const normalised = Array.isArray(value) && value.length === 0 ? null : value;
    const before = live.values;
    const existing = before.find((x) => x.variableId === v.id);
    const quoteOf = (e: { answerId: string; start: number; end: number }): Evidence => ({ ...e, quote: partById.get(e.answerId)?.text.slice(e.start, e.end) ?? '' });
    const nextValue: VariableValue | null =
      normalised === null
        ? null
        : {
            variableId: v.id,
            value: normalised,
            evidence: evidence === undefined ? (existing?.evidence ?? null) : evidence ? quoteOf(evidence) : null,
            updatedBy: userName ?? '',
            updatedAt: new Date().toISOString(),
          };
    const patched = [...before.filter((x) => x.variableId !== v.id), ...(nextValue ? [nextValue] : [])];
    setWs((w) => (w && w.response.id === rid ? { ...w, values: patched } : w));
    try {
      await enqueue(() => api.variables.set({ responseId: rid, variableId: v.id, value: normalised, evidence }));
    } catch (e) {
      failed(t('coding.toast.variableFailed'), e);
      setWs((w) => (w && w.response.id === rid ? { ...w, values: before } : w));
    }
  }

  function chooseOption(v: Variable, key: string) {
    if (!live) return;
    const current = live.values.find((x) => x.variableId === v.id)?.value;
    if (key === '0') {
      void setVariable(v, null);
      return notify(t('coding.toast.variableCleared', { variable: v.label }));
    }
    const option = v.options[Number(key) - 1];
    if (!option) return notify(t('coding.toast.noOption', { key, variable: v.label }), 'error');
    if (v.kind === 'multi') {
      const list = Array.isArray(current) ? current : [];
      const on = !list.includes(option.value);
      void setVariable(v, on ? [...list, option.value] : list.filter((x) => x !== option.value));
      notify(t(on ? 'coding.toast.optionOn' : 'coding.toast.optionOff', { variable: v.label, option: option.label }));
    } else {
      const clear = current === option.value;
      void setVariable(v, clear ? null : option.value);
      notify(clear ? t('coding.toast.variableCleared', { variable: v.label }) : t('coding.toast.variableSet', { variable: v.label, option: option.label }));
    }
  }

  function evidenceFromSelection(v: Variable) {
    const root = readingRef.current;
    const s = root ? readPartSelection(root, window.getSelection()) : null;
    const value = live?.values.find((x) => x.variableId === v.id);
    if (!s || s === 'across') return notify(t('coding.toast.noSelection'), 'error');
    if (!value) return notify(t('coding.toast.evidenceNeedsValue', { variable: v.label }), 'error');
    void setVariable(v, value.value, { answerId: s.answerId, start: s.start, end: s.end });
    notify(t('coding.toast.evidenceSet', { variable: v.label }));
  }

  function arm(v: Variable) {
    if (v.kind === 'text') {
      setTab('variables');
      requestAnimationFrame(() => textAreas.current.get(v.id)?.focus());
      return;
    }
    setArmed(v);
  }

  async function setStatus(status: ResponseStatus) {
    if (!live) return;
    const rid = live.response.id;
    const before = live.response.status;
    if (before === status) return;
    const patch = (s: ResponseStatus) => {
      setWs((w) => (w && w.response.id === rid ? { ...w, response: { ...w.response, status: s } } : w));
      setRows((rs) => rs && rs.map((r) => (r.id === rid ? { ...r, status: s } : r)));
    };
    patch(status);
    try {
      await enqueue(() => api.responses.setStatus({ id: rid, status }));
      notify(t('coding.toast.status', { status: t(`responses.status.${status}`) }));
    } catch (e) {
      failed(t('coding.toast.statusFailed'), e);
      patch(before);
    }
  }

  async function history(direction: 'undo' | 'redo') {
    await flushAdjustments();
    try {
      await enqueue(async () => {
        const state = await api.history.state();
        const entry = direction === 'undo' ? state.undo : state.redo;
        if (!entry) {
          setUndoState(state);
          notify(direction === 'undo' ? t('coding.toast.nothingToUndo') : t('coding.toast.nothingToRedo'));
          return;
        }
        const next = direction === 'undo' ? await api.history.undo() : await api.history.redo();
        setUndoState(next);
        const action = actionLabel(t, entry.action);
        notify(direction === 'undo' ? t('coding.toast.undone', { action }) : t('coding.toast.redone', { action }));
      });
    } catch (e) {
      failed(direction === 'undo' ? t('coding.toast.undoFailed') : t('coding.toast.redoFailed'), e);
    }
  }

  function go(dir: 1 | -1, focus: 'first' | null) {
    if (!rows || rows.length === 0) return;
    const at = rows.findIndex((r) => r.id === responseId);
    let next: number;
    if (at >= 0) next = at + dir;
    else {
      // The open response left the list (a filter on status): its old place holds the next one.
      const base = lastIndex.current ?? 0;
      next = dir > 0 ? base : base - 1;
    }
    if (next < 0 || next >= rows.length) return notify(dir > 0 ? t('coding.toast.last') : t('coding.toast.first'));
    selectResponse(rows[next].id, focus);
  }

  function nextUncoded() {
    if (!live) return;
    const coded = new Set(live.codings.map((c) => c.answerId));
    const from = focusedAnswerId ? orderedParts.findIndex((p) => p.id === focusedAnswerId) + 1 : 0;
    const part = orderedParts.slice(from).find((p) => !coded.has(p.id));
    if (part) return focusPart(part.id);
    const at = rows ? rows.findIndex((r) => r.id === live.response.id) : -1;
    const after = rows ? rows.slice(at >= 0 ? at + 1 : (lastIndex.current ?? 0)) : [];
    const open = after.find((r) => r.status === 'ikke_startet' || r.status === 'under_arbeid');
    if (open) {
      selectResponse(open.id, 'first-uncoded');
      notify(t('coding.toast.nextResponse', { name: open.municipality?.name ?? open.respondentName }));
    } else notify(t('coding.toast.noUncoded'));
  }

  function stepCoding(dir: 1 | -1) {
    if (!live || live.codings.length === 0) return;
    const order = new Map(orderedParts.map((p, i) => [p.id, i]));
    const sorted = [...live.codings].sort((a, b) => (order.get(a.answerId) ?? 0) - (order.get(b.answerId) ?? 0) || byPosition(a, b));
    const at = sorted.findIndex((c) => c.id === selectedCodingId);
    const next = sorted[at < 0 ? (dir > 0 ? 0 : sorted.length - 1) : (at + dir + sorted.length) % sorted.length];
    window.getSelection()?.removeAllRanges();
    focusPart(next.answerId);
    setSelectedCodingId(next.id);
  }

  function movePart(dir: 1 | -1): boolean {
    if (orderedParts.length === 0) return false;
    const at = focusedAnswerId ? orderedParts.findIndex((p) => p.id === focusedAnswerId) : -1;
    const next = at < 0 ? (dir > 0 ? 0 : orderedParts.length - 1) : at + dir;
    if (next < 0 || next >= orderedParts.length) return false;
    focusPart(orderedParts[next].id);
    return true;
  }

  function openPicker(mode: 'code' | 'recode') {
    if (!live) return;
    if (mode === 'recode' && selectedCoding) {
      const part = partById.get(selectedCoding.answerId);
      setPicker({
        mode,
        questionId: part?.questionId ?? null,
        subject: `«${excerpt(selectedCoding.quote)}»`,
        currentCodeId: selectedCoding.codeId,
        codingId: selectedCoding.id,
        target: { kind: 'coding', answerId: selectedCoding.answerId, start: selectedCoding.start, end: selectedCoding.end, text: selectedCoding.quote },
      });
      return;
    }
    const target = currentTarget();
    if (!target) return;
    const part = partById.get(target.answerId);
    setPicker({
      mode: 'code',
      questionId: part?.questionId ?? null,
      subject: target.kind === 'part' ? t('coding.picker.wholePart', { text: excerpt(target.text, 60) }) : `«${excerpt(target.text)}»`,
      target,
    });
  }

  function closePicker() {
    const p = picker;
    setPicker(null);
    if (!p) return;
    requestAnimationFrame(() => {
      focusPart(p.target.answerId);
      const root = readingRef.current;
      const el = root ? partTextElement(root, p.target.answerId) : null;
      if (p.target.kind === 'selection' && el && p.target.start !== undefined) selectSpan(el, p.target.start, p.target.end!);
    });
  }

  function showEvidence(e: Evidence) {
    setFlash({ answerId: e.answerId, start: e.start, end: e.end });
    clearTimeout(flashTimer.current);
    flashTimer.current = setTimeout(() => setFlash(null), 3200);
    requestAnimationFrame(() => {
      const el = readingRef.current?.querySelector('[data-testid="evidence-highlight"], .cw-hl--flash');
      el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    });
  }

  function openSettings() {
    document.querySelector<HTMLButtonElement>('[data-testid="settings-button"]')?.click();
    requestAnimationFrame(() => {
      document.querySelector('[data-testid="settings-dialog"]')?.addEventListener('close', loadSettings, { once: true });
    });
  }

  // ---- Keyboard ----

  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing) return;
    const target = e.target as HTMLElement | null;
    if (target?.closest?.('dialog')) return;
    if (isTypingTarget(target)) return;
    const mod = isMac ? e.metaKey : e.ctrlKey;
    const key = e.key;
    const lower = key.length === 1 ? key.toLowerCase() : key;

    if (mod && !e.altKey && (lower === 'z' || lower === 'y')) {
      e.preventDefault();
      void history(lower === 'y' || e.shiftKey ? 'redo' : 'undo');
      return;
    }

    // Span adjustment of the chosen coding.
    if (selectedCoding && e.shiftKey && (key === 'ArrowLeft' || key === 'ArrowRight')) {
      e.preventDefault();
      adjust(selectedCoding.id, e.altKey ? 'start' : 'end', key === 'ArrowRight' ? 1 : -1, mod);
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;

    if (key === 'Escape') {
      if (armed || prefix) {
        setArmed(null);
        setPrefix(false);
      } else if (textSel) window.getSelection()?.removeAllRanges();
      else if (selectedCodingId) setSelectedCodingId(null);
      else if (flash) setFlash(null);
      else return;
      e.preventDefault();
      return;
    }

    // A variable waiting for its option.
    if (armed) {
      const v = armed;
      setArmed(null);
      if (/^\d$/.test(key)) {
        e.preventDefault();
        chooseOption(v, key);
        return;
      }
      if (lower === EVIDENCE_KEY) {
        e.preventDefault();
        evidenceFromSelection(v);
        return;
      }
      // Any other key cancels and is handled as itself.
    }
    if (prefix) {
      setPrefix(false);
      const v = vkeys.prefixed.get(lower);
      e.preventDefault();
      if (v) arm(v);
      else notify(t('coding.toast.noVariableKey', { key }), 'error');
      return;
    }

    const inReading = !!target && (target === document.body || !!readingRef.current?.contains(target));
    const inList = !!target && !!listRef.current?.contains(target);

    if (key === 'Tab') {
      if (target === document.body || target?.dataset.testid === 'coding-part' || target === readingRef.current) {
        if (movePart(e.shiftKey ? -1 : 1)) e.preventDefault();
      }
      return;
    }
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      if (!inReading && !inList) return;
      e.preventDefault();
      go(key === 'ArrowDown' ? 1 : -1, inList ? null : 'first');
      return;
    }
    if ((key === 'Delete' || key === 'Backspace') && selectedCoding) {
      e.preventDefault();
      void removeCoding(selectedCoding.id);
      return;
    }
    if (key === COMMAND_KEYS.help) {
      e.preventDefault();
      setHelp(true);
      return;
    }
    if (key.length !== 1 || key !== lower) return; // shifted letters and named keys: not ours
    const focusAfter = inList ? null : 'first';

    switch (key) {
      case COMMAND_KEYS.next:
        e.preventDefault();
        return go(1, focusAfter);
      case COMMAND_KEYS.previous:
        e.preventDefault();
        return go(-1, focusAfter);
      case COMMAND_KEYS.nextUncoded:
        e.preventDefault();
        return nextUncoded();
      case COMMAND_KEYS.picker:
        e.preventDefault();
        return openPicker('code');
      case COMMAND_KEYS.done:
        e.preventDefault();
        return void setStatus('ferdig');
      case COMMAND_KEYS.memo:
        e.preventDefault();
        if (selectedCoding) void toggleInMemo(selectedCoding.id);
        else notify(t('coding.toast.chooseCoding'));
        return;
      case COMMAND_KEYS.variablePrefix:
        e.preventDefault();
        setPrefix(true);
        return;
      case COMMAND_KEYS.nextCoding:
      case COMMAND_KEYS.previousCoding:
        e.preventDefault();
        return stepCoding(key === COMMAND_KEYS.nextCoding ? 1 : -1);
      case COMMAND_KEYS.search:
        e.preventDefault();
        searchRef.current?.focus();
        return;
    }
    const code = ckeys.get(key);
    if (code) {
      e.preventDefault();
      void codeWith(code);
      return;
    }
    const variable = vkeys.direct.get(key);
    if (variable) {
      e.preventDefault();
      arm(variable);
    }
  };
  const keyHandler = useLatest(onKey);
  useEffect(() => {
    const listener = (e: KeyboardEvent) => keyHandler.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [keyHandler]);

  // Fill the window below the app's header: the columns scroll on their own.
  const rootRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = rootRef.current;
    if (el) window.scrollTo({ top: window.scrollY + el.getBoundingClientRect().top - 12 });
  }, []);

  // ---- Render ----

  const focusedPart = focusedAnswerId ? partById.get(focusedAnswerId) : undefined;
  const partLabel = (id: string) => {
    const p = partById.get(id);
    if (!p) return '';
    return p.questionOrdinal ? t('coding.memos.partOfQuestion', { ordinal: p.questionOrdinal }) : t('coding.reading.unassigned');
  };
  const selectedCode = selectedCodeId ? (codeMap.get(selectedCodeId) ?? null) : null;
  const applyTarget = live ? targetLabel(textSel ? { kind: 'selection', answerId: textSel.answerId, start: textSel.start, end: textSel.end, text: textSel.text } : selectedCoding ? { kind: 'coding', answerId: '', text: '' } : focusedPart ? { kind: 'part', answerId: '', text: '' } : null) : null;
  const nameLooksLikeLogin = userName !== null && /^[a-z0-9._-]+$/.test(userName);

  return (
    <div className="cw" ref={rootRef} data-size="sm" data-testid="coding-workspace">
      <header className="cw-bar">
        <h2 className="cw-bar__title">{t('coding.title')}</h2>
        <div className="cw-bar__who" data-testid="coding-user">
          <span className={nameLooksLikeLogin ? 'cw-bar__who-warn' : undefined} title={nameLooksLikeLogin ? t('coding.bar.nameHint') : undefined}>
            {t('coding.bar.codingAs', { name: userName ?? '…' })}
          </span>
          <button type="button" className="link-button link-button--small" onClick={openSettings} data-testid="coding-change-user">
            {nameLooksLikeLogin ? t('coding.bar.setFullName') : t('coding.bar.change')}
          </button>
        </div>
        <span className="cw-toolbar-spacer" />
        <Button
          data-size="sm"
          variant="tertiary"
          disabled={!undoState?.undo}
          onClick={() => void history('undo')}
          title={`${isMac ? '⌘' : 'Ctrl'}+Z`}
          data-testid="coding-undo"
        >
          ↶ {undoState?.undo ? t('coding.bar.undoAction', { action: actionLabel(t, undoState.undo.action) }) : t('coding.bar.undo')}
        </Button>
        <Button
          data-size="sm"
          variant="tertiary"
          disabled={!undoState?.redo}
          onClick={() => void history('redo')}
          title={`${isMac ? '⌘' : 'Ctrl'}+Shift+Z`}
          data-testid="coding-redo"
        >
          ↷ {undoState?.redo ? t('coding.bar.redoAction', { action: actionLabel(t, undoState.redo.action) }) : t('coding.bar.redo')}
        </Button>
        <Button data-size="sm" variant="secondary" onClick={() => setHelp(true)} data-testid="coding-help-button">
          <kbd className="cw-kbd">?</kbd> {t('coding.bar.keys')}
        </Button>
      </header>

      <div className="cw-columns">
        <CodingResponseList
          rows={rows}
          loading={listLoading}
          error={listError}
          selectedId={responseId}
          onSelect={(id) => selectResponse(id)}
          filter={filter}
          onFilterChange={setFilter}
          progress={progress}
          codes={codes}
          variables={variables}
          userName={userName}
          searchRef={searchRef}
          listRef={listRef}
        />

        <div className="cw-reading" data-testid="coding-reading-column">
          <div className="cw-reading__scroll" ref={readingRef}>
            {wsError && <ErrorAlert title={t('detail.failed')} error={wsError} />}
            {!ws && !wsError && (rows === null || rows.length > 0 ? <LoadingState label={t('app.loading')} /> : <p className="muted cw-empty">{t('coding.reading.nothing')}</p>)}
            {ws && (
              <ReadingView
                ws={ws}
                questions={questions}
                codes={codeMap}
                selectedCodingId={selectedCodingId}
                focusedAnswerId={focusedAnswerId}
                flash={flash}
                stale={!live}
                onFocusPart={setFocusedAnswerId}
                onSelectCoding={(id) => {
                  if (id) window.getSelection()?.removeAllRanges();
                  setSelectedCodingId(id);
                  if (id) setSelectedCodeId(live?.codings.find((c) => c.id === id)?.codeId ?? null);
                }}
                onStatus={(s) => void setStatus(s)}
                onOpenDetail={() => navigate({ view: 'responses', responseId: ws.response.id })}
              />
            )}
          </div>
          <div className="cw-status-bar" data-testid="coding-selection-bar" aria-live="polite">
            {armed ? (
              <span className="cw-armed" data-testid="coding-armed" data-variable={armed.key}>
                <strong>{armed.label}:</strong>{' '}
                {armed.options.map((o, i) => (
                  <span key={o.value} className="cw-armed__option">
                    <kbd className="cw-kbd">{i + 1}</kbd> {o.label}
                  </span>
                ))}
                <span className="cw-armed__option">
                  <kbd className="cw-kbd">0</kbd> {t('coding.bar.clear')}
                </span>
                <span className="cw-armed__option">
                  <kbd className="cw-kbd">b</kbd> {t('coding.bar.evidence')}
                </span>
              </span>
            ) : prefix ? (
              <span data-testid="coding-prefix">
                <kbd className="cw-kbd">v</kbd> {t('coding.bar.prefix')}
              </span>
            ) : textSel ? (
              <>
                <span className="cw-status-bar__text">
                  <strong>{t('coding.target.selection', { count: textSel.end - textSel.start })}</strong> <span className="muted">«{excerpt(textSel.text, 70)}»</span>
                </span>
                <Button data-size="sm" variant="secondary" onMouseDown={(e) => e.preventDefault()} onClick={() => openPicker('code')} data-testid="coding-open-picker">
                  {t('coding.bar.code')} <kbd className="cw-kbd">c</kbd>
                </Button>
              </>
            ) : selectedCoding ? (
              <>
                <span className="cw-status-bar__text" data-testid="coding-selected" data-coding-id={selectedCoding.id}>
                  <span className="cw-swatch" style={{ background: codeMap.get(selectedCoding.codeId)?.colour }} aria-hidden />
                  <strong>{codeMap.get(selectedCoding.codeId)?.name}</strong> <span className="muted">«{excerpt(selectedCoding.quote, 50)}»</span>
                </span>
                <Button data-size="sm" variant="tertiary" onClick={() => openPicker('recode')} data-testid="coding-recode">
                  {t('coding.bar.recode')}
                </Button>
                <Button data-size="sm" variant="tertiary" aria-pressed={selectedCoding.useInMemo} onClick={() => void toggleInMemo(selectedCoding.id)} data-testid="coding-toggle-memo">
                  {selectedCoding.useInMemo ? '☑' : '☐'} {t('coding.bar.inMemo')} <kbd className="cw-kbd">m</kbd>
                </Button>
                <Button data-size="sm" variant="tertiary" data-color="danger" onClick={() => void removeCoding(selectedCoding.id)} data-testid="coding-remove">
                  {t('coding.bar.remove')} <kbd className="cw-kbd">Del</kbd>
                </Button>
                <span className="muted cw-status-bar__hint">{t('coding.bar.adjustHint')}</span>
              </>
            ) : across ? (
              <span className="cw-status-bar__warn">{t('coding.bar.across')}</span>
            ) : (
              <span className="muted">{t('coding.bar.idle')}</span>
            )}
          </div>
        </div>

        <aside className="cw-side" aria-label={t('coding.side.label')} data-testid="coding-side">
          <Tabs value={tab} onChange={(v) => setTab(v as SideTab)} data-size="sm" className="cw-tabs">
            <Tabs.List>
              <Tabs.Tab value="codebook" data-testid="side-tab-codebook">
                {t('coding.side.codebook')}
              </Tabs.Tab>
              <Tabs.Tab value="variables" data-testid="side-tab-variables">
                {t('coding.side.variables')}
              </Tabs.Tab>
              <Tabs.Tab value="memos" data-testid="side-tab-memos">
                {t('coding.side.memos')}
              </Tabs.Tab>
              <Tabs.Tab value="history" data-testid="side-tab-history">
                {t('coding.side.history')}
              </Tabs.Tab>
              <Tabs.Tab value="findings" data-testid="side-tab-findings">
                {t('coding.side.findings')}
              </Tabs.Tab>
            </Tabs.List>
          </Tabs>
          <div className={`cw-side__body cw-side__body--${tab}`}>
            {tab === 'codebook' && (
              <CodebookPanel
                codes={codes}
                questions={questions}
                selectedCodeId={selectedCodeId}
                onSelectCode={setSelectedCodeId}
                applyTarget={applyTarget}
                onApply={(code) => void codeWith(code)}
                onCodeSaved={(code) => setCodes((cs) => (cs.some((c) => c.id === code.id) ? cs.map((c) => (c.id === code.id ? code : c)) : [...cs, code]))}
                notify={notify}
              />
            )}
            {tab === 'variables' && live && (
              <VariablesPanel
                variables={variables}
                values={live.values}
                questions={questions}
                keys={vkeys}
                selection={textSel}
                armedId={armed?.id ?? null}
                onSet={(v, value, evidence) => void setVariable(v, value, evidence)}
                onShowEvidence={showEvidence}
                onDefine={() => setDefining(true)}
                textAreas={textAreas}
              />
            )}
            {tab === 'memos' && live && (
              <MemosPanel
                responseId={live.response.id}
                responseName={live.response.municipality?.name ?? live.response.respondentName}
                answer={focusedPart ? { id: focusedPart.id, label: partLabel(focusedPart.id) } : null}
                code={selectedCode}
                memos={live.memos}
                quotes={live.codings.filter((c) => c.useInMemo)}
                codes={codeMap}
                revision={rev.memos}
                notify={notify}
              />
            )}
            {tab === 'history' && live && (
              <HistoryPanel
                codes={codeMap}
                revision={rev.history}
                targets={[
                  ...(selectedCoding
                    ? [{ entityType: 'coding', entityId: selectedCoding.id, title: t('coding.history.coding', { code: codeMap.get(selectedCoding.codeId)?.name ?? '' }) }]
                    : []),
                  ...(selectedCode && !selectedCoding ? [{ entityType: 'code', entityId: selectedCode.id, title: t('coding.history.code', { name: selectedCode.name }) }] : []),
                  { entityType: 'response', entityId: live.response.id, title: t('coding.history.response') },
                ]}
              />
            )}
            {tab === 'findings' && live && <FindingLinksPanel responseId={live.response.id} answerId={focusedAnswerId} codingId={selectedCodingId} />}
          </div>
        </aside>
      </div>

      <CodePicker
        request={picker}
        codes={codes}
        questions={questions}
        onPick={(code) => {
          const p = picker;
          closePicker();
          if (!p) return;
          if (p.mode === 'recode' && p.codingId) void recode(p.codingId, code);
          else void codeWith(code, p.target);
        }}
        onCreate={(name) => {
          const p = picker;
          closePicker();
          if (p) void createAndCode(name, p.target);
        }}
        onClose={closePicker}
      />
      <HelpOverlay open={help} codes={codes} variables={variables} onClose={() => setHelp(false)} />
      <VariableDefinitions open={defining} variables={variables} questions={questions} onClose={() => setDefining(false)} notify={notify} />

      {toast && (
        <div className={`cw-toast cw-toast--${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'} key={toast.id} data-testid="coding-toast">
          {toast.text}
          <button type="button" className="cw-toast__close" aria-label={t('common.close')} onClick={() => setToast(null)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
