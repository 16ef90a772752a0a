// One response: who sent it (and settling who, when the import could not),
// the municipality's facts, the answers per question with split correction,
// where it came from, its original, its other versions, and its permanent erasure.
import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { LoadingState } from '../LoadingState';
import { useCase } from '../case/caseContext';
import { shownPath } from '../import/FileParts';
import { AnswerEditor } from './AnswerEditor';
import { EraseResponse } from './EraseResponse';
import { OriginalPanel } from './OriginalPanel';
import { ReceivedDateField } from './ReceivedDateField';
import { MunicipalityCorrection, RespondentResolver } from './RespondentResolver';
import { ResponseFlags, StatusTag } from './ResponseBits';

const DEMO_LABEL_PREFIX = 'Eksempeldata';

interface Props {
  responseId: string;
  listOrder: string[];
  onOpen: (id: string) => void;
  onBack: () => void;
}

export function ResponseDetailView({ responseId, listOrder, onOpen, onBack }: Props) {
  const { t } = useTranslation();
  const { project } = useCase();
  const query = useApiQuery('responses.get', { id: responseId });
  const detail = query.data ?? null;
  const error = query.error;
  const [showOriginal, setShowOriginal] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const loaded = detail !== null;

  // The button that opened this response is gone; start keyboard and screen
  // reader users at the response's heading instead of the top of the page.
  useEffect(() => {
    if (loaded && (document.activeElement === document.body || document.activeElement === null)) titleRef.current?.focus();
  }, [loaded]);

  const index = listOrder.indexOf(responseId);
  const prev = index > 0 ? listOrder[index - 1] : null;
  const next = index >= 0 && index < listOrder.length - 1 ? listOrder[index + 1] : null;
  const current = detail?.versions.find((v) => v.isCurrent);

  return (
    <section className="stack response-detail" data-testid="response-detail" data-id={responseId}>
      <div className="detail-nav">
        <Button variant="tertiary" data-size="sm" onClick={onBack} data-testid="detail-back">
          ← {t('detail.back')}
        </Button>
        {index >= 0 && (
          <div className="detail-nav__pager">
            <span className="muted">{t('detail.position', { n: formatNumber(index + 1), total: formatNumber(listOrder.length) })}</span>
            <Button variant="secondary" data-size="sm" disabled={!prev} onClick={() => prev && onOpen(prev)} data-testid="detail-prev">
              {t('detail.prev')}
            </Button>
            <Button variant="secondary" data-size="sm" disabled={!next} onClick={() => next && onOpen(next)} data-testid="detail-next">
              {t('detail.next')}
            </Button>
          </div>
        )}
      </div>

      {error && <ErrorAlert title={t('detail.failed')} error={error} data-testid="detail-error" />}
      {!detail && !error && <LoadingState label={t('app.loading')} />}

      {detail && (
        <>
          {!detail.isCurrent && (
            <Alert data-color="warning" data-testid="superseded-banner">
              <Heading level={3} data-size="xs">
                {t('detail.superseded')}
              </Heading>
              <Paragraph data-size="sm">{t('detail.supersededIntro')}</Paragraph>
              {current && (
                <Button data-size="sm" variant="secondary" onClick={() => onOpen(current.id)} data-testid="superseded-show-current">
                  {t('detail.showCurrent')}
                </Button>
              )}
            </Alert>
          )}

          <header className="detail-header">
            <div>
              <Heading level={2} data-size="md" data-testid="detail-title" ref={titleRef} tabIndex={-1} className="focus-target">
                {detail.municipality ? detail.municipality.name : detail.respondentName}
              </Heading>
              <Paragraph data-size="sm" className="muted" data-testid="detail-respondent">
                {detail.municipality
                  ? t('detail.sentAs', { name: detail.respondentName })
                  : detail.matchStatus === 'ambiguous'
                    ? t('detail.ambiguousRespondent')
                    : detail.countyCouncil
                      ? t('detail.countyCouncil')
                      : t('detail.otherRespondent')}
              </Paragraph>
            </div>
            <div className="detail-header__tags">
              <ResponseFlags response={detail} />
              <StatusTag status={detail.status} />
            </div>
          </header>

          <div className="detail-grid">
            <div className="detail-main stack">
              {detail.isCurrent && detail.matchStatus !== 'matched' && <RespondentResolver response={detail} />}
              {showOriginal && <OriginalPanel responseId={detail.id} />}
              <AnswerEditor response={detail} questions={project.questions} readOnly={!detail.isCurrent} />
            </div>

            <aside className="detail-aside">
              <section className="aside-card" data-testid="detail-municipality">
                <Heading level={3} data-size="2xs">
                  {t('detail.municipality.heading')}
                </Heading>
                {detail.municipality ? (
                  <dl className="aside-facts">
                    <dt>{t('detail.municipality.number')}</dt>
                    <dd data-testid="detail-municipality-number">{detail.municipality.number}</dd>
                    <dt>{t('detail.municipality.county')}</dt>
                    <dd>{detail.municipality.countyName}</dd>
                    <dt>{t('detail.municipality.district')}</dt>
                    <dd>{detail.municipality.policeDistrictName}</dd>
                    <dt>{t('detail.municipality.population')}</dt>
                    <dd>{formatNumber(detail.municipality.population)}</dd>
                  </dl>
                ) : (
                  <Paragraph data-size="sm" className="muted">
                    {detail.matchStatus === 'ambiguous' ? t('detail.municipality.ambiguous') : t('detail.municipality.none')}
                  </Paragraph>
                )}
                <dl className="aside-facts">
                  <dt>{t('detail.received')}</dt>
                  <dd data-testid="detail-received">{detail.receivedDate ? formatDate(detail.receivedDate) : t('detail.unknownDate')}</dd>
                </dl>
                <ReceivedDateField key={`${detail.id}:${detail.receivedDate ?? ''}`} response={detail} />
                {detail.isCurrent && detail.matchStatus === 'matched' && <MunicipalityCorrection response={detail} />}
              </section>

              <section className="aside-card" data-testid="detail-provenance">
                <Heading level={3} data-size="2xs">
                  {t('detail.provenance.heading')}
                </Heading>
                <dl className="aside-facts">
                  <dt>{t('detail.provenance.batch')}</dt>
                  <dd data-testid="provenance-batch">
                    {detail.provenance.batchLabel}
                    {detail.provenance.batchLabel.startsWith(DEMO_LABEL_PREFIX) && (
                      <Tag data-color="warning" data-size="sm" className="inline-tag">
                        {t('history.synthetic')}
                      </Tag>
                    )}
                  </dd>
                  <dt>{t('detail.provenance.file')}</dt>
                  <dd className="path" data-testid="provenance-file" title={detail.provenance.fileName ?? undefined}>
                    {detail.provenance.fileName ? shownPath(detail.provenance.fileName) : '–'}
                  </dd>
                  <dt>{t('detail.provenance.locator')}</dt>
                  <dd data-testid="provenance-locator">{detail.provenance.locator}</dd>
                  {detail.provenance.sha256 && (
                    <>
                      <dt>{t('detail.provenance.sha256')}</dt>
                      <dd className="path" title={detail.provenance.sha256} data-testid="provenance-sha">
                        {detail.provenance.sha256.slice(0, 12)}…
                      </dd>
                    </>
                  )}
                  <dt>{t('detail.provenance.imported')}</dt>
                  <dd>{t('detail.provenance.importedBy', { date: formatDateTime(detail.provenance.importedAt), user: detail.provenance.importedBy })}</dd>
                </dl>
                {detail.provenance.sourceFileId && (
                  <Button
                    variant="secondary"
                    data-size="sm"
                    onClick={() => setShowOriginal((v) => !v)}
                    aria-expanded={showOriginal}
                    data-testid="show-original"
                  >
                    {showOriginal ? t('detail.original.hide') : t('detail.original.show')}
                  </Button>
                )}
              </section>

              <section className="aside-card" data-testid="detail-versions">
                <Heading level={3} data-size="2xs">
                  {t('detail.versions.heading', { count: detail.versions.length })}
                </Heading>
                <ol className="version-list">
                  {detail.versions.map((v) => (
                    <li key={v.id} className={`version${v.id === detail.id ? ' version--shown' : ''}`} data-testid="version-item" data-current={v.isCurrent || undefined}>
                      <div className="version__head">
                        <Tag data-color={v.isCurrent ? 'success' : 'neutral'} data-size="sm">
                          {v.isCurrent ? t('detail.versions.current') : t('detail.versions.superseded')}
                        </Tag>
                        {v.id === detail.id ? (
                          <span className="muted version__shown">{t('detail.versions.shown')}</span>
                        ) : (
                          <Button variant="tertiary" data-size="sm" onClick={() => onOpen(v.id)} data-testid="version-open">
                            {t('detail.versions.open')}
                          </Button>
                        )}
                      </div>
                      <span className="version__meta">
                        {t('detail.versions.meta', {
                          received: v.receivedDate ? formatDate(v.receivedDate) : t('detail.unknownDate'),
                          imported: formatDateTime(v.importedAt),
                        })}
                      </span>
                      {v.fileName && (
                        <span className="version__file path" title={v.fileName}>
                          {shownPath(v.fileName)}
                        </span>
                      )}
                    </li>
                  ))}
                </ol>
              </section>

              <EraseResponse responseId={detail.id} onErased={onBack} />
            </aside>
          </div>
        </>
      )}
    </section>
  );
}
