// The response as it stood in its source file: a table row's cells under
// their headers, or the letter's text as read.
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { ErrorAlert } from '../ErrorAlert';
import { LoadingState } from '../LoadingState';

export function OriginalPanel({ responseId }: { responseId: string }) {
  const { t } = useTranslation();
  const query = useApiQuery('responses.original', { id: responseId });
  const original = query.data ?? null;
  const error = query.error;

  return (
    <section className="original-panel" data-testid="original-panel">
      <Heading level={3} data-size="2xs">
        {original ? t('detail.original.headingWith', { file: original.fileName, locator: original.locator }) : t('detail.original.heading')}
      </Heading>
      {error && <ErrorAlert title={t('detail.original.failed')} error={error} />}
      {!original && !error && <LoadingState label={t('app.loading')} />}
      {original?.fields && (
        <div className="table-wrap">
          <Table border zebra data-size="sm" data-testid="original-fields">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('detail.original.header')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('detail.original.value')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {original.fields.map((f, i) => (
                <Table.Row key={i} data-testid="original-field">
                  <Table.HeaderCell scope="row" className="row-header original-header">
                    {f.header || <span className="muted">{t('import.mapping.noHeader')}</span>}
                  </Table.HeaderCell>
                  <Table.Cell className="preformatted">{f.value}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {original?.text !== undefined && (
        <div className="original-text preformatted" data-testid="original-text">
          {original.text}
        </div>
      )}
      {original && (
        <Paragraph data-size="xs" className="muted">
          {t('detail.original.note', { mediaType: original.mediaType })}
        </Paragraph>
      )}
    </section>
  );
}
