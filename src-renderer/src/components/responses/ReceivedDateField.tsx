// A small form in the response detail for correcting the received date
// (dd.mm.åååå; empty: not known). Saving is one undoable action; the reply is
// the response's new detail, written straight into the data layer's cache.
import { Button, Details, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseDetail } from '../../../../src-shared/domain';
import { useApiMutation } from '../../api';
import { ErrorAlert } from '../ErrorAlert';
import { readReceivedDate, receivedDateText } from './receivedDate';

interface Props {
  response: ResponseDetail;
}

export function ReceivedDateField({ response }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => receivedDateText(response.receivedDate));
  const [invalid, setInvalid] = useState(false);
  const save = useApiMutation('responses.setReceived', {
    apply: (detail, input, cache) => cache.set('responses.get', { id: input.responseId }, detail),
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const read = readReceivedDate(text);
    setInvalid(!read.ok);
    if (!read.ok) return;
    await save.run({ responseId: response.id, date: read.date });
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
          {save.error && <ErrorAlert title={t('detail.receivedEdit.failed')} error={save.error} data-testid="received-error" />}
          <div className="button-row">
            <Button data-size="sm" type="submit" disabled={save.isPending} loading={save.isPending} data-testid="received-save">
              {t('detail.receivedEdit.save')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}
