// A small form in the response detail for correcting the received date
// (dd.mm.åååå; empty: not known). Saving is one undoable action.
import { Button, Details, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseDetail } from '../../../../src-shared/domain';
import { api } from '../../api/client';
import { toUiError, type UiError } from '../../lib/errors';
import { ErrorAlert } from '../ErrorAlert';
import { readReceivedDate, receivedDateText } from './receivedDate';

interface Props {
  response: ResponseDetail;
  onSaved: (detail: ResponseDetail) => void;
}

export function ReceivedDateField({ response, onSaved }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => receivedDateText(response.receivedDate));
  const [invalid, setInvalid] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<UiError | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const read = readReceivedDate(text);
    setInvalid(!read.ok);
    if (!read.ok) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(await api.responses.setReceived({ responseId: response.id, date: read.date }));
    } catch (err) {
      setError(toUiError(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Details data-testid="received-correct" className="correction">
      <Details.Summary>{t('detail.receivedEdit.summary')}</Details.Summary>
      <Details.Content>
        <form className="stack stack--tight" onSubmit={(e) => void submit(e)} noValidate>
          <Paragraph data-size="sm">{t('detail.receivedEdit.intro')}</Paragraph>
          <Textfield
            data-size="sm"
            label={t('detail.receivedEdit.label')}
            description={t('detail.receivedEdit.description')}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setInvalid(false);
            }}
            inputMode="numeric"
            autoComplete="off"
            error={invalid ? t('detail.receivedEdit.invalid') : undefined}
            data-testid="received-input"
          />
          {error && <ErrorAlert title={t('detail.receivedEdit.failed')} error={error} data-testid="received-error" />}
          <div className="button-row">
            <Button data-size="sm" type="submit" disabled={saving} loading={saving} data-testid="received-save">
              {t('detail.receivedEdit.save')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}
