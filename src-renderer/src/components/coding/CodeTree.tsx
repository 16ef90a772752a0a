// The codebook's tree (any depth): colour, name, question scope, shortcut and
// count per code; arrow keys move between codes (Alt+↑↓ moves the code,
// ←→ fold), and drag and drop reorders and nests.
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../../src-shared/coding';
import type { Question } from '../../../../src-shared/domain';
import { formatNumber } from '../../lib/format';
import { dropTarget, moveTarget, type flattenTree } from './codeTree';

const DRAG_TYPE = 'application/x-innspill-code';

export type MoveTo = { parentId: string | null; index: number } | null;

interface Props {
  codes: Code[];
  /** The codes as shown (folded subtrees left out). */
  flat: ReturnType<typeof flattenTree>;
  collapsed: Set<string>;
  onToggle: (id: string, open?: boolean) => void;
  questions: Question[];
  selectedCodeId: string | null;
  onSelectCode: (id: string | null) => void;
  applyTarget: string | null;
  onApply: (code: Code) => void;
  onMove: (id: string, target: MoveTo) => void;
}

export function CodeTree({ codes, flat, collapsed, onToggle, questions, selectedCodeId, onSelectCode, applyTarget, onApply, onMove }: Props) {
  const { t } = useTranslation();
  const [drag, setDrag] = useState<{ id: string; over: string | null; where: 'before' | 'after' | 'inside' } | null>(null);
  const treeRef = useRef<HTMLUListElement>(null);
  const selected = codes.find((c) => c.id === selectedCodeId) ?? null;
  const questionOf = (id: string | null) => questions.find((q) => q.id === id);
  const move = onMove;

  // Drag and drop: the top quarter of a row drops before it, the bottom quarter after, the middle inside.
  function onDragOver(e: DragEvent<HTMLElement>, id: string) {
    if (!drag) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const y = (e.clientY - rect.top) / rect.height;
    const where = y < 0.25 ? 'before' : y > 0.75 ? 'after' : 'inside';
    if (!dropTarget(codes, drag.id, id, where)) {
      if (drag.over !== null) setDrag({ ...drag, over: null });
      return;
    }
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    if (drag.over !== id || drag.where !== where) setDrag({ ...drag, over: id, where });
  }

  function onDrop(e: DragEvent<HTMLElement>, id: string) {
    e.preventDefault();
    if (drag && drag.over === id) move(drag.id, dropTarget(codes, drag.id, id, drag.where));
    setDrag(null);
  }

  function onTreeKey(e: KeyboardEvent<HTMLUListElement>) {
    const i = flat.findIndex((f) => f.code.id === selectedCodeId);
    const focusRow = (index: number) => {
      const f = flat[Math.max(0, Math.min(flat.length - 1, index))];
      if (!f) return;
      onSelectCode(f.code.id);
      requestAnimationFrame(() => treeRef.current?.querySelector<HTMLElement>(`[data-code-id="${f.code.id}"]`)?.focus());
    };
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && selected) {
      e.preventDefault();
      move(selected.id, moveTarget(codes, selected.id, e.key === 'ArrowUp' ? 'up' : 'down'));
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusRow(i + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focusRow(i - 1);
    } else if (e.key === 'ArrowRight' && selected && collapsed.has(selected.id)) {
      e.preventDefault();
      onToggle(selected.id, true);
    } else if (e.key === 'ArrowLeft' && selected && flat[i]?.hasChildren && !collapsed.has(selected.id)) {
      e.preventDefault();
      onToggle(selected.id, false);
    }
  }

  // Keep the chosen code in view (it may be chosen from a coding in the text).
  useEffect(() => {
    if (selectedCodeId) treeRef.current?.querySelector(`[data-code-id="${CSS.escape(selectedCodeId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedCodeId]);

  return (
    <ul className="cw-tree" role="tree" aria-label={t('coding.codebook.treeLabel')} ref={treeRef} onKeyDown={onTreeKey} data-testid="codebook-tree">
      {flat.map(({ code, depth, hasChildren }) => {
        const isSelected = code.id === selectedCodeId;
        const dropClass = drag && drag.over === code.id ? ` cw-node--drop-${drag.where}` : '';
        // The scope is shown where it is set, not repeated on every subcode that shares it.
        const parentScope = code.parentId ? codes.find((c) => c.id === code.parentId)?.questionId : undefined;
        const q = code.questionId !== parentScope ? questionOf(code.questionId) : undefined;
        return (
          <li
            key={code.id}
            role="treeitem"
            aria-level={depth + 1}
            aria-selected={isSelected}
            aria-expanded={hasChildren ? !collapsed.has(code.id) : undefined}
            tabIndex={isSelected || (!selectedCodeId && flat[0]?.code.id === code.id) ? 0 : -1}
            className={`cw-node${isSelected ? ' cw-node--selected' : ''}${drag?.id === code.id ? ' cw-node--dragging' : ''}${dropClass}`}
            style={{ paddingInlineStart: `calc(${depth} * 1rem + 0.25rem)` }}
            draggable
            onDragStart={(e) => {
              e.dataTransfer.setData(DRAG_TYPE, code.id);
              e.dataTransfer.effectAllowed = 'move';
              setDrag({ id: code.id, over: null, where: 'inside' });
            }}
            onDragEnd={() => setDrag(null)}
            onDragOver={(e) => onDragOver(e, code.id)}
            onDrop={(e) => onDrop(e, code.id)}
            onClick={() => onSelectCode(isSelected ? null : code.id)}
            onDoubleClick={() => applyTarget && onApply(code)}
            title={code.description || undefined}
            data-testid="codebook-node"
            data-code-id={code.id}
            data-name={code.name}
          >
            <button
              type="button"
              tabIndex={-1}
              className={`cw-node__caret${hasChildren ? '' : ' cw-node__caret--leaf'}`}
              onClick={(e) => {
                e.stopPropagation();
                if (hasChildren) onToggle(code.id);
              }}
              aria-hidden
            >
              {hasChildren ? (collapsed.has(code.id) ? '▸' : '▾') : ''}
            </button>
            <span className="cw-swatch" style={{ background: code.colour }} aria-hidden />
            <span className="cw-node__name">{code.name}</span>
            {q && (
              <span className="cw-node__scope" title={t('coding.codebook.scopeTitle', { ordinal: q.ordinal, label: q.shortLabel })}>
                {t('coding.codebook.scopeShort', { ordinal: q.ordinal })}
              </span>
            )}
            {code.shortcut && <kbd className="cw-kbd">{code.shortcut}</kbd>}
            <span className="cw-node__count" data-testid="codebook-count" title={t('coding.codebook.countTitle')}>
              {formatNumber(code.codingCount)}
            </span>
            {applyTarget && (
              <button
                type="button"
                tabIndex={-1}
                className="cw-node__apply"
                title={t('coding.codebook.applyTitle', { target: applyTarget })}
                aria-label={t('coding.codebook.applyTitle', { target: applyTarget })}
                onMouseDown={(e) => e.preventDefault()}
                onClick={(e) => {
                  e.stopPropagation();
                  onApply(code);
                }}
                data-testid="codebook-apply"
              >
                +
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
