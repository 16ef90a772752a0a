// "Kodebok": the codebook in the coding workspace's side column — the tree
// (CodeTree), the chosen code's editor (CodeEditor), the exchange formats
// (CodebookFileMenu), merge and delete (CodebookDialogs), and the starter
// codebook when it is empty. The codes come from the workspace's query.
import { Button } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../../src-shared/coding';
import type { Question } from '../../../../src-shared/domain';
import { useApiMutation } from '../../api';
import { useToast } from '../Toast';
import { CodebookFileMenu } from './CodebookFileMenu';
import { CodeGroupsList } from './CodeGroupsList';
import { useCodeRemoval } from './CodebookDialogs';
import { CodeEditor, NewCodeForm } from './CodeEditor';
import { CodeTree, type MoveTo } from './CodeTree';
import { flattenTree, moveTarget } from './codeTree';

interface Props {
  codes: Code[];
  questions: Question[];
  selectedCodeId: string | null;
  onSelectCode: (id: string | null) => void;
  /** What applying a code would code now ("the marked text", "the whole answer"), or null. */
  applyTarget: string | null;
  onApply: (code: Code) => void;
}

export function CodebookPanel({ codes, questions, selectedCodeId, onSelectCode, applyTarget, onApply }: Props) {
  const { t } = useTranslation();
  const { notify } = useToast();
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [creating, setCreating] = useState<{ parentId: string | null } | null>(null);
  const mover = useApiMutation('codebook.move', { errorToast: t('coding.codebook.moveFailed') });
  const adopter = useApiMutation('codebook.adoptStarter', { errorToast: t('coding.codebook.adoptFailed') });
  const removal = useCodeRemoval(codes, selectedCodeId, onSelectCode);
  const busy = mover.isPending || adopter.isPending || removal.busy;

  const flat = useMemo(() => flattenTree(codes, collapsed), [codes, collapsed]);
  const selected = codes.find((c) => c.id === selectedCodeId) ?? null;

  /** Folds (open false) or unfolds (open true) a code's subtree; without `open`, the other way. */
  const toggle = (id: string, open?: boolean) =>
    setCollapsed((s) => {
      const unfold = open ?? s.has(id);
      return unfold ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id]);
    });

  function move(id: string, target: MoveTo) {
    if (!target) return;
    if (target.parentId) toggle(target.parentId, true);
    void mover.run({ id, ...target });
  }

  async function adopt() {
    const result = await adopter.run({});
    if (result) notify(t('coding.codebook.adopted', { count: result.added }));
  }

  const created = (c: Code) => {
    setCreating(null);
    onSelectCode(c.id);
  };

  return (
    <div className="cw-codebook" data-testid="codebook-panel">
      <div className="cw-panel-toolbar">
        <Button data-size="sm" variant="secondary" onClick={() => setCreating({ parentId: null })} data-testid="codebook-new">
          {t('coding.codebook.new')}
        </Button>
        <span className="cw-toolbar-spacer" />
        <CodebookFileMenu empty={codes.length === 0} />
      </div>

      {creating && creating.parentId === null && <NewCodeForm parentId={null} onCancel={() => setCreating(null)} onCreated={created} />}

      {codes.length === 0 ? (
        <div className="cw-empty-panel" data-testid="codebook-empty">
          <p>{t('coding.codebook.empty')}</p>
          <Button data-size="sm" onClick={() => void adopt()} loading={busy} disabled={busy} data-testid="codebook-adopt">
            {t('coding.codebook.adopt')}
          </Button>
          <p className="muted">{t('coding.codebook.adoptHelp')}</p>
        </div>
      ) : (
        <CodeTree
          codes={codes}
          flat={flat}
          collapsed={collapsed}
          onToggle={toggle}
          questions={questions}
          selectedCodeId={selectedCodeId}
          onSelectCode={onSelectCode}
          applyTarget={applyTarget}
          onApply={onApply}
          onMove={move}
        />
      )}

      <CodeGroupsList codes={codes} />

      {selected && (
        <CodeEditor
          key={selected.id}
          code={selected}
          codes={codes}
          questions={questions}
          busy={busy}
          creatingChild={creating?.parentId === selected.id}
          onCreateChild={() => setCreating({ parentId: selected.id })}
          onCancelChild={() => setCreating(null)}
          onChildCreated={(c) => {
            toggle(selected.id, true);
            created(c);
          }}
          onMove={(d) => move(selected.id, moveTarget(codes, selected.id, d))}
          onMerge={() => removal.askMerge(selected.id)}
          onDelete={() => removal.askDelete(selected.id)}
        />
      )}

      {removal.dialogs}
    </div>
  );
}
