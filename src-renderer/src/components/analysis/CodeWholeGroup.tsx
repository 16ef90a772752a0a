// The row under a group of shared text or a shared passage that codes every
// member at once: choose a code, press the button (one undoable action), and
// read what happened. The caller owns the mutation; this is only its form.
import { Button, Field, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeGroupResult } from '../../../../src-shared/analysis';
import type { Code } from '../../../../src-shared/coding';
import type { UiError } from '../../lib/errors';
import { ErrorAlert } from '../ErrorAlert';
import { flattenTree } from '../coding/codeTree';

interface Props {
  codes: Code[];
  /** The button's text. */
  label: string;
  /** Prefix of the test ids: `<prefix>-code-select`, `<prefix>-code-group`. */
  testIdPrefix: string;
  onCode: (codeId: string) => Promise<unknown>;
  pending: boolean;
  result: CodeGroupResult | undefined;
  error: UiError | null;
}

export function CodeWholeGroup({ codes, label, testIdPrefix, onCode, pending, result, error }: Props) {
  const { t } = useTranslation();
  const selectId = useId();
  const [codeId, setCodeId] = useState('');
  return (
    <>
      <div className="filters">
        <Field data-size="sm">
          <Label htmlFor={selectId}>{t('search.code')}</Label>
          <Select id={selectId} value={codeId} onChange={(e) => setCodeId(e.target.value)} data-testid={`${testIdPrefix}-code-select`}>
            <Select.Option value="">{t('analysis.shared.chooseCode')}</Select.Option>
            {flattenTree(codes).map((f) => (
              <Select.Option key={f.code.id} value={f.code.id}>
                {f.path}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Button data-size="sm" disabled={!codeId || pending} onClick={() => void onCode(codeId)} data-testid={`${testIdPrefix}-code-group`}>
          {label}
        </Button>
      </div>
      {result && (
        <Paragraph data-size="sm" role="status">
          {t('analysis.shared.coded', { created: result.created, unchanged: result.unchanged })}
        </Paragraph>
      )}
      {error && <ErrorAlert title={t('analysis.failed')} error={error} />}
    </>
  );
}
