// One DFØ finding and the municipalities' answers linked to it: how many
// municipalities support, contradict, qualify or add to it (current answers
// only), the same per police district, and the evidence itself — the quoted
// text, who said it, and the caseworker's comment. Answers a newer version
// replaced stay listed but marked "Erstattet svar".
import { Button, Heading, Paragraph, Switch, Table, Tag, ToggleGroup } from '@digdir/designsystemet-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding, FindingEvidence, FindingRelation, FindingReport, FindingView } from '../../../../src-shared/findings';
import { norwegianCompare } from '../../../../src-shared/norwegian';
import { useApiQuery } from '../../api/hooks';
import { formatDate, formatNumber } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { LoadingState } from '../LoadingState';
import { SentenceQuote, sentenceQuoteFrom } from '../SentenceQuote';
import { FindingDialog, type Editing } from './FindingDialogs';
import { formatPublished } from './findingFormat';
import { findingRelations, RelationTag, VerifiedTag } from './relations';
import './findings.css';

interface Props {
  findingId: string;
  onBack: () => void;
  onOpenResponse: (responseId: string) => void;
}

type RelationFilter = FindingRelation | 'all';

const NO_REPORTS: FindingReport[] = [];

export function FindingDetail({ findingId, onBack, onOpenResponse }: Props) {
  const { t } = useTranslation();
  const viewQuery = useApiQuery('findings.view', { id: findingId });
  // The edit form's report list and theme suggestions (shared with the register's cache).
  const reportsQuery = useApiQuery('findings.reports', {});
  const allQuery = useApiQuery('findings.list', {});
  const view = viewQuery.data ?? null;
  const error = viewQuery.error ?? reportsQuery.error ?? allQuery.error;
  const [relation, setRelation] = useState<RelationFilter>('all');
  const [showSuperseded, setShowSuperseded] = useState(true);
  const [editing, setEditing] = useState<Editing<Finding>>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const loaded = view !== null;

  useEffect(() => {
    if (loaded && (document.activeElement === document.body || document.activeElement === null)) titleRef.current?.focus();
  }, [loaded]);

  const evidence = useMemo(
    () => (view?.evidence ?? []).filter((e) => (relation === 'all' || e.relation === relation) && (showSuperseded || !e.superseded)),
    [view, relation, showSuperseded],
  );
  const supersededCount = view?.evidence.filter((e) => e.superseded).length ?? 0;

  const reports = reportsQuery.data ?? NO_REPORTS;
  const themes = useMemo(() => [...new Set((allQuery.data ?? []).flatMap((f) => (f.theme ? [f.theme] : [])))].sort(norwegianCompare), [allQuery.data]);

  function edit() {
    // The form needs the reports to choose from: it opens once they are here.
    if (view && reportsQuery.data && allQuery.data) setEditing({ item: view.finding });
  }

  return (
    <section className="stack finding-detail" data-testid="finding-view" data-id={findingId}>
      <div className="detail-nav">
        <Button variant="tertiary" data-size="sm" onClick={onBack} data-testid="finding-back">
          ← {t('findings.view.back')}
        </Button>
      </div>

      {error && <ErrorAlert title={t('findings.view.failed')} error={error} data-testid="finding-view-error" />}
      {!view && !error && <LoadingState label={t('app.loading')} />}

      {view && (
        <>
          <header className="finding-detail__header">
            <div className="finding-detail__eyebrow">
              <span>{view.report?.key ?? t('findings.noReport')}</span>
              {view.finding.reference && <span> · {view.finding.reference}</span>}
              <VerifiedTag verified={view.finding.verified} showVerified />
            </div>
            <Heading level={2} data-size="sm" className="finding-detail__statement focus-target" ref={titleRef} tabIndex={-1} data-testid="finding-statement-heading">
              {view.finding.statement}
            </Heading>
            <dl className="finding-facts" data-testid="finding-facts">
              <div>
                <dt>{t('findings.report')}</dt>
                <dd data-testid="finding-report">
                  {view.report ? (
                    <>
                      <strong>{view.report.key}</strong> – {view.report.title}
                      {!view.report.verified && (
                        <>
                          {' '}
                          <VerifiedTag verified={false} />
                        </>
                      )}
                    </>
                  ) : (
                    t('findings.noReport')
                  )}
                </dd>
              </div>
              {view.report && (
                <div>
                  <dt>{t('findings.publisher')}</dt>
                  <dd>
                    {view.report.publisher}
                    {view.report.published && ` · ${formatPublished(view.report.published)}`}
                  </dd>
                </div>
              )}
              <div>
                <dt>{t('findings.reference')}</dt>
                <dd data-testid="finding-reference">{view.finding.reference ?? '–'}</dd>
              </div>
              <div>
                <dt>{t('findings.theme')}</dt>
                <dd data-testid="finding-theme">{view.finding.theme ?? '–'}</dd>
              </div>
            </dl>
            <div>
              <Button variant="secondary" data-size="sm" onClick={edit} data-testid="finding-view-edit">
                {t('findings.actions.editFinding')}
              </Button>
            </div>
          </header>

          <section className="stack stack--tight" aria-labelledby="finding-summary-heading">
            <Heading level={3} data-size="xs" id="finding-summary-heading">
              {t('findings.view.summaryHeading')}
            </Heading>
            <Paragraph data-size="sm" className="muted">
              {t('findings.view.summary')}
            </Paragraph>
            <RelationSummary counts={view.byRelation} />
          </section>

          {view.evidence.length === 0 ? (
            <Paragraph className="muted empty-state" data-testid="finding-no-links">
              {t('findings.view.noLinks')}
            </Paragraph>
          ) : (
            <>
              {view.byPoliceDistrict.length > 0 && <DistrictTable view={view} />}
              <EvidenceSection
                all={view.evidence.length}
                evidence={evidence}
                relation={relation}
                onRelation={setRelation}
                supersededCount={supersededCount}
                showSuperseded={showSuperseded}
                onShowSuperseded={setShowSuperseded}
                onOpenResponse={onOpenResponse}
              />
            </>
          )}

          <FindingDialog
            editing={editing}
            reports={reports}
            themes={themes}
            onClose={() => setEditing(null)}
            onSaved={() => setEditing(null)}
          />
        </>
      )}
    </section>
  );
}

/** "Støtter 12 kommuner · Motsier 3 · Nyanserer 5 · Nytt forhold 2", as four coloured figures. */
function RelationSummary({ counts }: { counts: Record<FindingRelation, number> }) {
  const { t } = useTranslation();
  const text = findingRelations
    .map((r, i) =>
      i === 0
        ? `${t(`findings.relation.${r}`)} ${t('findings.view.municipalities', { count: counts[r], formatted: formatNumber(counts[r]) })}`
        : `${t(`findings.relation.${r}`)} ${formatNumber(counts[r])}`,
    )
    .join(' · ');
  return (
    <div className="relation-summary" data-testid="finding-summary" aria-label={text}>
      {findingRelations.map((r) => (
        <div key={r} className={`relation-stat relation-stat--${r}${counts[r] === 0 ? ' relation-stat--zero' : ''}`} data-testid="relation-stat" data-relation={r} data-count={counts[r]}>
          <span className="relation-stat__value">{formatNumber(counts[r])}</span>
          <span className="relation-stat__label">{t(`findings.relation.${r}`)}</span>
          <span className="relation-stat__unit">{t('findings.view.municipalities', { count: counts[r], formatted: '' }).trim()}</span>
        </div>
      ))}
      <p className="ds-sr-only" data-testid="finding-summary-text">
        {text}
      </p>
    </div>
  );
}

function DistrictTable({ view }: { view: FindingView }) {
  const { t } = useTranslation();
  const headingId = useId();
  const totals = findingRelations.map((r) => view.byPoliceDistrict.reduce((n, d) => n + d.counts[r], 0));
  return (
    <section className="stack stack--tight" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        {t('findings.view.districtHeading')}
      </Heading>
      <div className="table-wrap">
        <Table border data-size="sm" className="district-relation-table" data-testid="finding-district-table">
          <caption className="ds-sr-only">{t('findings.view.districtCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('findings.view.district')}</Table.HeaderCell>
              {findingRelations.map((r) => (
                <Table.HeaderCell key={r} scope="col" className="numeric">
                  <span className={`relation-head relation-head--${r}`}>{t(`findings.relation.${r}`)}</span>
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {view.byPoliceDistrict.map((d) => (
              <Table.Row key={d.code} data-testid="district-row" data-code={d.code}>
                <Table.HeaderCell scope="row" className="row-header">
                  {d.name}
                </Table.HeaderCell>
                {findingRelations.map((r) => (
                  <Table.Cell key={r} className={`numeric${d.counts[r] === 0 ? ' muted' : ''}`} data-relation={r}>
                    {d.counts[r] === 0 ? '–' : formatNumber(d.counts[r])}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
          {view.byPoliceDistrict.length > 1 && (
            <Table.Foot>
              <Table.Row className="total-row">
                <Table.HeaderCell scope="row">{t('findings.view.total')}</Table.HeaderCell>
                {totals.map((n, i) => (
                  <Table.Cell key={findingRelations[i]} className="numeric">
                    {formatNumber(n)}
                  </Table.Cell>
                ))}
              </Table.Row>
            </Table.Foot>
          )}
        </Table>
      </div>
    </section>
  );
}

interface EvidenceProps {
  all: number;
  evidence: FindingEvidence[];
  relation: RelationFilter;
  onRelation: (r: RelationFilter) => void;
  supersededCount: number;
  showSuperseded: boolean;
  onShowSuperseded: (v: boolean) => void;
  onOpenResponse: (responseId: string) => void;
}

function EvidenceSection({ all, evidence, relation, onRelation, supersededCount, showSuperseded, onShowSuperseded, onOpenResponse }: EvidenceProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="stack" aria-labelledby={headingId} data-testid="finding-evidence">
      <div className="evidence-header">
        <Heading level={3} data-size="xs" id={headingId}>
          {t('findings.view.evidenceHeading')} <span className="muted evidence-header__count">({t('findings.view.evidenceCount', { count: all, formatted: formatNumber(all) })})</span>
        </Heading>
        <div className="evidence-header__filters">
          <ToggleGroup data-size="sm" value={relation} onChange={(v) => onRelation(v as RelationFilter)} aria-label={t('findings.view.filterRelation')} data-testid="evidence-relation-filter">
            <ToggleGroup.Item value="all">{t('findings.view.allRelations')}</ToggleGroup.Item>
            {findingRelations.map((r) => (
              <ToggleGroup.Item key={r} value={r} data-testid={`evidence-filter-${r}`}>
                {t(`findings.relation.${r}`)}
              </ToggleGroup.Item>
            ))}
          </ToggleGroup>
          {supersededCount > 0 && (
            <Switch
              data-size="sm"
              label={t('findings.view.showSuperseded')}
              checked={showSuperseded}
              onChange={(e) => onShowSuperseded(e.target.checked)}
              data-testid="evidence-show-superseded"
            />
          )}
        </div>
      </div>
      {evidence.length === 0 && <Paragraph className="muted">{t('findings.view.noEvidenceFiltered')}</Paragraph>}
      <ol className="evidence-list">
        {evidence.map((e) => (
          <EvidenceItem key={e.id} evidence={e} onOpen={() => onOpenResponse(e.responseId)} />
        ))}
      </ol>
    </section>
  );
}

function EvidenceItem({ evidence: e, onOpen }: { evidence: FindingEvidence; onOpen: () => void }) {
  const { t } = useTranslation();
  const m = e.municipality;
  return (
    <li
      className={`evidence evidence--${e.relation}${e.superseded ? ' evidence--superseded' : ''}`}
      data-testid="evidence-item"
      data-id={e.id}
      data-relation={e.relation}
      data-superseded={e.superseded ? 'true' : 'false'}
      data-municipality={m?.number ?? undefined}
    >
      <div className="evidence__head">
        <div className="evidence__who">
          <button type="button" className="link-button evidence__name" onClick={onOpen} data-testid="evidence-open">
            {m ? m.name : e.respondentName}
          </button>
          <span className="evidence__facts" data-testid="evidence-municipality">
            {m ? (
              <>
                <span>{m.countyName}</span>
                <span data-testid="evidence-district">{t('findings.view.districtName', { name: m.policeDistrictName })}</span>
                <span>{t('findings.view.population', { formatted: formatNumber(m.population) })}</span>
              </>
            ) : (
              <span>{t('findings.view.otherRespondent')}</span>
            )}
          </span>
        </div>
        <div className="evidence__tags">
          {e.superseded && (
            <Tag data-color="neutral" data-size="sm" title={t('findings.view.supersededHelp')} data-testid="evidence-superseded">
              {t('findings.view.superseded')}
            </Tag>
          )}
          <span className="evidence__question" data-testid="evidence-question">
            {e.questionOrdinal !== null ? t('findings.view.question', { n: e.questionOrdinal }) : t('findings.view.unassigned')}
          </span>
          <RelationTag relation={e.relation} />
        </div>
      </div>
      <SentenceQuote className="evidence__quote" parts={sentenceQuoteFrom(e.quote, e.quoteContext)} data-testid="evidence-quote" />
      {e.comment && (
        <p className="evidence__comment" data-testid="evidence-comment">
          <span className="evidence__comment-label">{t('findings.view.comment')}:</span>{' '}
          {e.comment}
        </p>
      )}
      <div className="evidence__foot">
        <span className="muted" data-testid="evidence-meta">
          {e.codingId ? t('findings.view.onSpan') : t('findings.view.wholeAnswer')} · {t('findings.view.linkedBy', { user: e.createdBy, date: formatDate(e.createdAt) })}
        </span>
        <Button variant="tertiary" data-size="sm" onClick={onOpen} data-testid="evidence-open-response">
          {t('findings.view.openResponse')} →
        </Button>
      </div>
    </li>
  );
}
