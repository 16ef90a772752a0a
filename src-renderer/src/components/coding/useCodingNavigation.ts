// Moving through the work by keyboard: the next or previous response in the
// list, the next part nobody has coded (in this response or the next open
// one), the next coding, the next answer part.
import { useTranslation } from 'react-i18next';
import type { WorkspaceResponse } from '../../../../src-shared/coding';
import type { AnswerPart, ResponseSummary } from '../../../../src-shared/domain';
import { useToast } from '../Toast';
import { byPosition } from './segments';
import type { PendingFocus, useReadingSelection } from './useReadingSelection';
import { useRef } from 'react';

interface Deps {
  rows: ResponseSummary[] | null;
  responseId: string | null;
  live: WorkspaceResponse | null;
  orderedParts: AnswerPart[];
  reading: ReturnType<typeof useReadingSelection>;
  selectResponse: (id: string, focus?: PendingFocus) => void;
}

export function useCodingNavigation({ rows, responseId, live, orderedParts, reading, selectResponse }: Deps) {
  const { t } = useTranslation();
  const { notify } = useToast();
  // Where the open response was in the list, for when a filter on status drops it.
  const lastIndex = useRef<number | null>(null);
  const index = rows && responseId ? rows.findIndex((r) => r.id === responseId) : -1;
  if (index >= 0) lastIndex.current = index;
  const { focusedAnswerId, selectedCodingId, focusPart } = reading;

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
    reading.setSelectedCodingId(next.id);
  }

  /** Tab: the next (or previous) answer part; false at either end. */
  function movePart(dir: 1 | -1): boolean {
    if (orderedParts.length === 0) return false;
    const at = focusedAnswerId ? orderedParts.findIndex((p) => p.id === focusedAnswerId) : -1;
    const next = at < 0 ? (dir > 0 ? 0 : orderedParts.length - 1) : at + dir;
    if (next < 0 || next >= orderedParts.length) return false;
    focusPart(orderedParts[next].id);
    return true;
  }

  return { go, nextUncoded, stepCoding, movePart };
}
