// What the workspace's keys and buttons change: code the marked text (or the
// chosen coding's span, or the whole part), recode, remove, take a quote into
// the memo, move a coding's ends (saved after a pause), set a variable and its
// evidence, the review status, undo and redo — each said in a toast.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultPart } from './defaultPart';
import type { Code, Coding, Evidence, Variable, VariableValue, WorkspaceResponse } from '../../../../src-shared/coding';
import type { AnswerPart, Question, ResponseStatus } from '../../../../src-shared/domain';
import { useToast } from '../Toast';
import { actionLabel } from './actions';
import type { useCodingActions } from './useCodingActions';
import type { Span, useReadingSelection } from './useReadingSelection';

const ADJUST_DELAY_MS = 400;

/** What a code is applied to: marked text, a coding's span, or a whole answer part. */
export interface CodingTarget {
  kind: 'selection' | 'coding' | 'part';
  answerId: string;
  start?: number;
  end?: number;
  text: string;
}

/** Moves `pos` over the next (dir 1) or previous (dir -1) word of `text`. */
export function wordStep(text: string, pos: number, dir: 1 | -1): number {
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

interface Deps {
  live: WorkspaceResponse | null;
  questions: Question[];
  partById: Map<string, AnswerPart>;
  codeMap: Map<string, Code>;
  userName: string | null;
  actions: ReturnType<typeof useCodingActions>;
  reading: ReturnType<typeof useReadingSelection>;
}

export function useCodingEdits({ live: cached, questions, partById, codeMap, userName, actions, reading }: Deps) {
  const { t } = useTranslation();
  const { notify, failed } = useToast();
  const adjustments = useRef(new Map<string, { start: number; end: number }>());
  const adjustTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(adjustTimer.current), []);

  /** A span being adjusted keeps its new ends until they are saved, whatever the core says meanwhile. */
  const withPending = useCallback((c: Coding, w: WorkspaceResponse): Coding => {
    const span = adjustments.current.get(c.id);
    if (!span) return c;
    const text = w.response.answers.find((a) => a.id === c.answerId)?.text ?? '';
    return { ...c, ...span, quote: text.slice(span.start, span.end) };
  }, []);
  // Recomputed whenever the cached response changes (an adjustment rewrites it to show the new ends at once).
  const live = useMemo(() => cached && { ...cached, codings: cached.codings.map((c) => withPending(c, cached)) }, [cached, withPending]);
  const selectedCoding = live?.codings.find((c) => c.id === reading.selectedCodingId) ?? null;

  const flushAdjustments = useCallback(async () => {
    clearTimeout(adjustTimer.current);
    const pending = [...adjustments.current.entries()];
    for (const [id, span] of pending) {
      try {
        await actions.update({ id, ...span });
      } catch (e) {
        failed(t('coding.toast.adjustFailed'), e);
      } finally {
        // Kept until the reply is in the cache, so the screen never jumps back to the old ends meanwhile.
        if (adjustments.current.get(id) === span) adjustments.current.delete(id);
      }
    }
  }, [actions, failed, t]);

  const targetLabel = (target: CodingTarget | null): string | null => {
    if (!target) return null;
    if (target.kind === 'part') return t('coding.toastTarget.part');
    if (target.kind === 'coding') return t('coding.toastTarget.coding');
    return t('coding.toastTarget.selection', { count: (target.end ?? 0) - (target.start ?? 0) });
  };

  /**
   * What a code would be applied to now; null (after saying why) when nothing.
   * With nothing selected or focused, a code key codes the first answer the
   * code may be used on (`defaultPart`), never unassigned letterhead text.
   */
  const currentTarget = (code?: Code): CodingTarget | null => {
    if (!live) return null;
    const s = reading.readSelection();
    if (s === 'across') {
      notify(t('coding.bar.across'), 'error');
      return null;
    }
    if (s) return { kind: 'selection', answerId: s.answerId, start: s.start, end: s.end, text: s.text };
    if (selectedCoding) return { kind: 'coding', answerId: selectedCoding.answerId, start: selectedCoding.start, end: selectedCoding.end, text: selectedCoding.quote };
    const part = reading.focusedAnswerId ? partById.get(reading.focusedAnswerId) : undefined;
    if (part && part.text.length > 0) return { kind: 'part', answerId: part.id, text: part.text };
    if (!part && code) {
      const first = defaultPart(live.response.answers, code.questionId);
      if (first) return { kind: 'part', answerId: first.id, text: first.text };
      const hasAnswers = live.response.answers.some((a) => a.questionId !== null && a.text.trim().length > 0);
      notify(hasAnswers ? t('coding.toast.noAnswerForCode', { code: code.name }) : t('coding.toast.noAnswers'), 'error');
      return null;
    }
    notify(t('coding.toast.noTarget'));
    return null;
  };

  async function codeWith(code: Code, given?: CodingTarget | null) {
    const target = given ?? currentTarget(code);
    if (!live || !target) return;
    const part = partById.get(target.answerId);
    if (code.questionId && part && code.questionId !== part.questionId) {
      const q = questions.find((x) => x.id === code.questionId);
      return notify(t('coding.toast.outOfScope', { code: code.name, ordinal: q?.ordinal ?? '?' }), 'error');
    }
    const known = new Set(live.codings.map((c) => c.id));
    try {
      const coding = await actions.create({ answerId: target.answerId, codeId: code.id, start: target.start, end: target.end });
      if (target.kind === 'selection') reading.restoreAfterRender({ answerId: target.answerId, start: target.start!, end: target.end! });
      const q = part?.questionOrdinal;
      const label = target.kind === 'part' && q ? t('coding.target.question', { n: q }) : targetLabel(target);
      notify(known.has(coding.id) ? t('coding.toast.alreadyCoded', { code: code.name }) : t('coding.toast.coded', { code: code.name, target: label }));
    } catch (e) {
      failed(t('coding.toast.codeFailed'), e);
    }
  }

  async function createAndCode(name: string, target: CodingTarget) {
    try {
      await codeWith(await actions.createCode(name), target);
    } catch (e) {
      failed(t('coding.codebook.createFailed'), e);
    }
  }

  async function recode(codingId: string, code: Code) {
    try {
      await actions.update({ id: codingId, codeId: code.id });
    } catch (e) {
      failed(t('coding.toast.codeFailed'), e);
    }
  }

  async function removeCoding(id: string) {
    const coding = live?.codings.find((c) => c.id === id);
    if (!live || !coding) return;
    const rid = live.response.id;
    adjustments.current.delete(id);
    actions.patchWs(rid, (w) => ({ ...w, codings: w.codings.filter((c) => c.id !== id) }));
    reading.setSelectedCodingId(null);
    try {
      await actions.remove(coding);
      notify(t('coding.toast.removed', { code: codeMap.get(coding.codeId)?.name ?? '' }));
    } catch (e) {
      failed(t('coding.toast.removeFailed'), e);
      actions.patchWs(rid, (w) => ({ ...w, codings: [...w.codings, coding] }));
    }
  }

  async function toggleInMemo(id: string) {
    const coding = live?.codings.find((c) => c.id === id);
    if (!live || !coding) return;
    const rid = live.response.id;
    const next = !coding.useInMemo;
    const put = (c: Coding) => actions.patchWs(rid, (w) => ({ ...w, codings: w.codings.map((x) => (x.id === id ? c : x)) }));
    put({ ...coding, useInMemo: next });
    try {
      await actions.update({ id, useInMemo: next });
      notify(next ? t('coding.toast.inMemo') : t('coding.toast.notInMemo'));
    } catch (e) {
      failed(t('coding.toast.codeFailed'), e);
      put(coding);
    }
  }

  function adjust(id: string, edge: 'start' | 'end', dir: 1 | -1, byWord: boolean) {
    const coding = live?.codings.find((c) => c.id === id);
    const part = coding ? partById.get(coding.answerId) : undefined;
    if (!live || !coding || !part) return;
    const text = part.text;
    // From the ends not yet saved: the cache's update reaches the screen a tick later, and keys can come faster.
    let { start, end } = adjustments.current.get(id) ?? coding;
    if (edge === 'end') end = Math.max(start + 1, Math.min(text.length, byWord ? wordStep(text, end, dir) : end + dir));
    else start = Math.min(end - 1, Math.max(0, byWord ? wordStep(text, start, dir) : start + dir));
    const before = adjustments.current.get(id) ?? coding;
    if (start === before.start && end === before.end) return;
    adjustments.current.set(id, { start, end });
    actions.patchWs(live.response.id, (w) => ({ ...w }));
    clearTimeout(adjustTimer.current);
    adjustTimer.current = setTimeout(() => void flushAdjustments(), ADJUST_DELAY_MS);
  }

  async function setVariable(v: Variable, value: string | string[] | null, evidence?: Span | null) {
    if (!live) return;
    const rid = live.response.id;
    const normalised = Array.isArray(value) && value.length === 0 ? null : value;
    const before = live.values;
    const existing = before.find((x) => x.variableId === v.id);
    const quoteOf = (e: Span): Evidence => ({ ...e, quote: partById.get(e.answerId)?.text.slice(e.start, e.end) ?? '' });
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
    actions.patchWs(rid, (w) => ({ ...w, values: [...before.filter((x) => x.variableId !== v.id), ...(nextValue ? [nextValue] : [])] }));
    try {
      await actions.setVariable({ responseId: rid, variableId: v.id, value: normalised, evidence });
    } catch (e) {
      failed(t('coding.toast.variableFailed'), e);
      actions.patchWs(rid, (w) => ({ ...w, values: before }));
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
    const s = reading.readSelection();
    const value = live?.values.find((x) => x.variableId === v.id);
    if (!s || s === 'across') return notify(t('coding.toast.noSelection'), 'error');
    if (!value) return notify(t('coding.toast.evidenceNeedsValue', { variable: v.label }), 'error');
    void setVariable(v, value.value, { answerId: s.answerId, start: s.start, end: s.end });
    notify(t('coding.toast.evidenceSet', { variable: v.label }));
  }

  async function setStatus(status: ResponseStatus) {
    if (!live) return;
    const rid = live.response.id;
    const before = live.response.status;
    if (before === status) return;
    const patch = (s: ResponseStatus) => {
      actions.patchWs(rid, (w) => ({ ...w, response: { ...w.response, status: s } }));
      actions.patchRows((rs) => rs.map((r) => (r.id === rid ? { ...r, status: s } : r)));
    };
    patch(status);
    try {
      await actions.setStatus(rid, status);
      notify(t('coding.toast.status', { status: t(`responses.status.${status}`) }));
    } catch (e) {
      failed(t('coding.toast.statusFailed'), e);
      patch(before);
    }
  }

  async function history(direction: 'undo' | 'redo') {
    await flushAdjustments();
    try {
      const entry = await actions.history(direction);
      if (!entry) return notify(direction === 'undo' ? t('coding.toast.nothingToUndo') : t('coding.toast.nothingToRedo'));
      const action = actionLabel(t, entry.action);
      notify(direction === 'undo' ? t('coding.toast.undone', { action }) : t('coding.toast.redone', { action }));
    } catch (e) {
      failed(direction === 'undo' ? t('coding.toast.undoFailed') : t('coding.toast.redoFailed'), e);
    }
  }

  return {
    live,
    selectedCoding,
    withPending,
    flushAdjustments,
    currentTarget,
    targetLabel,
    codeWith,
    createAndCode,
    recode,
    removeCoding,
    toggleInMemo,
    adjust,
    setVariable,
    chooseOption,
    evidenceFromSelection,
    setStatus,
    history,
  };
}
