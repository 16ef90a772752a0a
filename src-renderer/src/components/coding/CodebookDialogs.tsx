// The codebook's two confirmations: merging a code into another (its codings
// move; duplicates are dropped) and deleting a code with its subcodes and
// their codings — each with the counts asked of the core first.
import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../../src-shared/coding';
import { useApiMutation } from '../../api';
import { useToast } from '../Toast';
import { flattenTree, subtreeIds } from './codeTree';
import { ConfirmDialog } from './ConfirmDialog';

/** Opens the merge and delete confirmations for a code; `dialogs` renders them. */
export function useCodeRemoval(codes: Code[], selectedCodeId: string | null, onSelectCode: (id: string | null) => void) {
  const { t } = useTranslation();
  const { notify } = useToast();
  const [merge, setMerge] = useState<{ sourceId: string; targetId: string } | null>(null);
  const [deletion, setDeletion] = useState<{ id: string; codes: number; codings: number } | null>(null);
  const preview = useApiMutation('codebook.deletePreview', { errorToast: t('coding.codebook.deleteFailed') });
  const remove = useApiMutation('codebook.delete', { errorToast: t('coding.codebook.deleteFailed') });
  const merger = useApiMutation('codebook.merge', { errorToast: t('coding.codebook.mergeFailed') });
  const busy = preview.isPending || remove.isPending || merger.isPending;
  const allFlat = flattenTree(codes);

  async function askDelete(id: string) {
    const counts = await preview.run({ id });
    if (counts) setDeletion({ id, ...counts });
  }

  async function confirmDelete() {
    if (!deletion) return;
    const result = await remove.run({ id: deletion.id });
    if (result) {
      notify(t('coding.codebook.deleted', { codes: result.codes, codings: result.codings }));
      if (deletion.id === selectedCodeId || subtreeIds(codes, deletion.id).has(selectedCodeId ?? '')) onSelectCode(null);
    }
    setDeletion(null);
  }

  async function confirmMerge() {
    if (!merge || !merge.targetId) return;
    const result = await merger.run(merge);
    if (result) {
      notify(t('coding.codebook.merged', { moved: result.moved, duplicates: result.duplicates }));
      onSelectCode(merge.targetId);
    }
    setMerge(null);
  }

  const mergeSource = merge ? codes.find((c) => c.id === merge.sourceId) : undefined;
  const mergeTarget = merge ? codes.find((c) => c.id === merge.targetId) : undefined;
  const deleteCode = deletion ? codes.find((c) => c.id === deletion.id) : undefined;

  const dialogs = (
    <>
    <ConfirmDialog
      open={merge !== null}
      title={t('coding.codebook.mergeTitle', { name: mergeSource?.name ?? '' })}
      confirmLabel={t('coding.codebook.mergeConfirm')}
      busy={busy}
      disabled={!merge?.targetId}
      onConfirm={() => void confirmMerge()}
      onClose={() => setMerge(null)}
      data-testid="merge-dialog"
    >
      {merge && (
        <MergeTargetSelect
          codes={codes}
          sourceId={merge.sourceId}
          value={merge.targetId}
          allFlat={allFlat}
          onChange={(targetId) => setMerge({ ...merge, targetId })}
        />
      )}
      {mergeSource && mergeTarget && (
        <p data-testid="merge-summary">
          {t('coding.codebook.mergeSummary', { source: mergeSource.name, target: mergeTarget.name, count: mergeSource.codingCount })}
        </p>
      )}
    </ConfirmDialog>

    <ConfirmDialog
      open={deletion !== null}
      title={t('coding.codebook.deleteTitle', { name: deleteCode?.name ?? '' })}
      confirmLabel={t('coding.codebook.deleteConfirm')}
      danger
      busy={busy}
      onConfirm={() => void confirmDelete()}
      onClose={() => setDeletion(null)}
      data-testid="delete-dialog"
    >
      {deletion && (
        <>
          <p data-testid="delete-counts">
            <strong>
              {t('coding.codebook.deleteCounts', {
                codes: t('coding.codebook.nCodes', { count: deletion.codes }),
                codings: t('coding.codebook.nCodings', { count: deletion.codings }),
              })}
            </strong>
          </p>
          <p className="muted">{t('coding.codebook.deleteUndo')}</p>
        </>
      )}
    </ConfirmDialog>
    </>
  );

  return { busy, askDelete: (id: string) => void askDelete(id), askMerge: (sourceId: string) => setMerge({ sourceId, targetId: '' }), dialogs };
}

function MergeTargetSelect({
  codes,
  sourceId,
  value,
  allFlat,
  onChange,
}: {
  codes: Code[];
  sourceId: string;
  value: string;
  allFlat: ReturnType<typeof flattenTree>;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const excluded = subtreeIds(codes, sourceId);
  return (
    <Field data-size="sm">
      <Label htmlFor={id}>{t('coding.codebook.mergeInto')}</Label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid="merge-target">
        <Select.Option value="">{t('coding.codebook.mergeChoose')}</Select.Option>
        {allFlat
          .filter((f) => !excluded.has(f.code.id))
          .map((f) => (
            <Select.Option key={f.code.id} value={f.code.id}>
              {f.path}
            </Select.Option>
          ))}
      </Select>
    </Field>
  );
}
