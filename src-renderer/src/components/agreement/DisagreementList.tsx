// The units of one code or closed variable on which the coders differ, each
// with the answer and every coder's coding (or value) side by side, its
// status, and buttons for the lead's decision: whose coding stands (one
// coder's, all, none) or which value. A decision is applied at once and
// recorded; Ctrl+Z undoes it like any other change.
import { Button, Field, Heading, Label, Paragraph, Select, Tag, Textfield, ToggleGroup } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Disagreement, ResolveInput } from '../../../../src-shared/agreement';
import type { Variable } from '../../../../src-shared/coding';
import { useApiMutation, useApiQuery } from '../../api';
import { formatDateTime } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { LoadingState } from '../LoadingState';
import type { AgreementTarget } from './AgreementTables';
import { markSpans } from './format';

type Status = 'open' | 'resolved' | 'all';

interface Props {
  target: AgreementTarget;
  coders: string[];
  questionId?: string;
  onBack: () => void;
}

export function DisagreementList({ target, coders, questionId, onBack }: Props) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>('all');
  const listQuery = useApiQuery(
    'agreement.disagreements',
    { coders, status, ...(questionId ? { questionId } : {}), ...(target.kind === 'code' ? { codeId: target.id } : { variableId: target.id }) },
    { keepPrevious: true },
  );
  const variables = useApiQuery('variables.list', target.kind === 'variable' ? {} : null);
  const list = listQuery.data ?? null;
  const variable = (target.kind === 'variable' && variables.data?.find((v) => v.id === target.id)) || null;
  const error = listQuery.error ?? variables.error;

  return (
    <section className="stack" data-testid="agreement-disagreements" data-target={target.id}>
      <div className="agreement-list-head">
        <Button variant="tertiary" data-size="sm" onClick={onBack} data-testid="agreement-back">
          {t('agreement.back')}
        </Button>
        <Heading level={3} data-size="xs">
          {t('agreement.disagreementsHeading', { name: target.name })}
        </Heading>
        <ToggleGroup data-size="sm" value={status} onChange={(v) => setStatus(v as Status)} aria-label={t('agreement.statusFilter')}>
          {(['all', 'open', 'resolved'] as const).map((s) => (
            <ToggleGroup.Item key={s} value={s} data-testid={`agreement-status-${s}`}>
              {t(`agreement.status.${s}`)}
            </ToggleGroup.Item>
          ))}
        </ToggleGroup>
      </div>
      {error && <ErrorAlert title={t('agreement.failed')} error={error} />}
      {!list && !error && <LoadingState label={t('app.loading')} />}
      {list && list.items.length === 0 && <Paragraph data-testid="agreement-none">{t('agreement.noDisagreements')}</Paragraph>}
      {list?.items.map((d) => <DisagreementCard key={d.unitKey} item={d} variable={variable} />)}
    </section>
  );
}

function decisionText(t: TFunction, d: Disagreement, variable: Variable | null): string {
  const r = d.resolution!;
  const label = (v: string | string[] | null) =>
    v === null ? t('agreement.noValue') : [v].flat().map((x) => variable?.options.find((o) => o.value === x)?.label ?? x).join(' + ');
  if (d.kind === 'variable') return t('agreement.decided.value', { value: label(r.value) });
  if (r.decision === 'a' || r.decision === 'b') return t('agreement.decided.one', { coder: r.coders[r.decision === 'a' ? 0 : 1] });
  return t(r.decision === 'both' ? 'agreement.decided.both' : 'agreement.decided.neither');
}

function DisagreementCard({ item, variable }: { item: Disagreement; variable: Variable | null }) {
  const { t } = useTranslation();
  const valueId = useId();
  const [note, setNote] = useState(item.resolution?.note ?? '');
  const [chosen, setChosen] = useState('');
  const resolver = useApiMutation('agreement.resolve');
  const busy = resolver.isPending;
  const error = resolver.error;
  const who = item.municipality ? `${item.municipality.name} (${item.municipality.number})` : item.respondentName;
  const names = item.sides.map((s) => s.coder);

  function decide(input: { keep?: number; all?: boolean; none?: boolean; value?: string | null }) {
    // With two coders 'a'/'b' name them; with more, the kept coder goes first and 'a' keeps only theirs.
    const keepOrder = (i: number) => (names.length === 2 ? { coders: names, decision: (i === 0 ? 'a' : 'b') as 'a' | 'b' } : { coders: [names[i], ...names.filter((_, j) => j !== i)], decision: 'a' as const });
    let request: ResolveInput;
    if (item.kind === 'code') {
      const choice = input.keep !== undefined ? keepOrder(input.keep) : { coders: names, decision: input.all ? ('both' as const) : ('neither' as const) };
      request = { kind: 'code', responseId: item.responseId, questionId: item.question?.id ?? null, codeId: item.codeId!, ...choice, note };
    } else if (input.keep !== undefined) {
      request = { kind: 'variable', responseId: item.responseId, variableId: item.variableId!, ...keepOrder(input.keep), note };
    } else {
      request = { kind: 'variable', responseId: item.responseId, variableId: item.variableId!, coders: names, decision: 'value', value: input.value ?? null, note };
    }
    void resolver.run(request);
  }

  return (
    <article className="agreement-card" data-testid="agreement-item" data-unit={item.unitKey} data-status={item.resolution ? 'resolved' : 'open'}>
      <header className="agreement-card__head">
        <Heading level={4} data-size="2xs">
          {who}
          {item.question && <span className="muted"> · {t('agreement.questionLabel', { ordinal: item.question.ordinal, label: item.question.label })}</span>}
        </Heading>
        {item.openMergeConflict && (
          <Tag data-color="danger" data-size="sm" title={t('agreement.openConflictHelp')} data-testid="agreement-open-conflict">
            {t('agreement.openConflict')}
          </Tag>
        )}
        {item.resolution ? (
          <Tag data-color="success" data-size="sm" data-testid="agreement-item-status">
            {t('agreement.itemStatus.resolved')}
          </Tag>
        ) : (
          <Tag data-color="warning" data-size="sm" data-testid="agreement-item-status">
            {t('agreement.itemStatus.open')}
          </Tag>
        )}
      </header>
      {item.resolution && (
        <Paragraph data-size="sm" data-testid="agreement-decision">
          {t('agreement.decidedBy', { decision: decisionText(t, item, variable), by: item.resolution.resolvedBy, at: formatDateTime(item.resolution.resolvedAt) })}
          {item.resolution.note && ` — ${item.resolution.note}`}
        </Paragraph>
      )}
      {item.kind === 'variable' && item.answers.length > 0 && (
        <div className="agreement-answer">
          {item.answers.map((a) => (
            <p key={a.id}>{a.text}</p>
          ))}
        </div>
      )}
      <div className="agreement-sides" style={{ gridTemplateColumns: `repeat(${item.sides.length}, minmax(0, 1fr))` }}>
        {item.sides.map((side) => (
          <div key={side.coder} className="agreement-side" data-testid="agreement-side" data-coder={side.coder}>
            <div className="agreement-side__coder">{side.coder}</div>
            {item.kind === 'code' ? (
              <>
                {item.answers.map((a) => {
                  const spans = side.codings.filter((k) => k.answerId === a.id);
                  return (
                    <p key={a.id} className="agreement-answer">
                      {markSpans(a.text, spans).map((run, i) =>
                        run.marked ? (
                          <mark key={i} className={run.removed ? 'agreement-mark agreement-mark--removed' : 'agreement-mark'} title={run.removed ? t('agreement.removed') : undefined}>
                            {run.text}
                          </mark>
                        ) : (
                          <span key={i}>{run.text}</span>
                        ),
                      )}
                    </p>
                  );
                })}
                {side.codings.length === 0 ? (
                  <Paragraph data-size="sm" className="muted" data-testid="agreement-side-empty">
                    {t('agreement.notCoded')}
                  </Paragraph>
                ) : (
                  <ul className="agreement-quotes">
                    {side.codings.map((k) => (
                      <li key={k.id} data-testid="agreement-side-quote" data-exists={k.exists ? 'true' : 'false'}>
                        «{k.quote}»{!k.exists && <span className="muted"> ({t('agreement.removed')})</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            ) : (
              <>
                <Paragraph data-size="sm" data-testid="agreement-side-value">
                  {side.valueLabel}
                </Paragraph>
                {side.evidence && <blockquote className="agreement-evidence">«{side.evidence}»</blockquote>}
              </>
            )}
          </div>
        ))}
      </div>
      <div className="agreement-actions">
        <Textfield
          data-size="sm"
          label={t('agreement.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={5000}
          data-testid="agreement-note"
        />
        <div className="button-row">
          {item.sides.map((side, i) => (
            <Button key={side.coder} variant="secondary" data-size="sm" disabled={busy} onClick={() => void decide({ keep: i })} data-testid="agreement-keep" data-coder={side.coder}>
              {item.kind === 'code' ? t('agreement.keep', { coder: side.coder }) : t('agreement.useValue', { coder: side.coder, value: side.valueLabel })}
            </Button>
          ))}
          {item.kind === 'code' && (
            <>
              <Button variant="secondary" data-size="sm" disabled={busy} onClick={() => void decide({ all: true })} data-testid="agreement-keep-all">
                {item.sides.length === 2 ? t('agreement.keepBoth') : t('agreement.keepAll')}
              </Button>
              <Button variant="secondary" data-size="sm" disabled={busy} onClick={() => void decide({ none: true })} data-testid="agreement-keep-none">
                {t('agreement.keepNone')}
              </Button>
            </>
          )}
        </div>
        {item.kind === 'variable' && variable?.kind === 'single' && (
          <div className="button-row agreement-choose">
            <Field data-size="sm">
              <Label htmlFor={valueId}>{t('agreement.otherValue')}</Label>
              <Select id={valueId} value={chosen} onChange={(e) => setChosen(e.target.value)} data-testid="agreement-value">
                <Select.Option value="">{t('agreement.noValue')}</Select.Option>
                {variable.options.map((o) => (
                  <Select.Option key={o.value} value={o.value}>
                    {o.label}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Button variant="secondary" data-size="sm" disabled={busy} onClick={() => void decide({ value: chosen || null })} data-testid="agreement-use-value">
              {t('agreement.useChosen')}
            </Button>
          </div>
        )}
        {error && <ErrorAlert title={t('agreement.resolveFailed')} error={error} data-testid="agreement-resolve-error" />}
      </div>
    </article>
  );
}
