// The coding view's side panel for DFØ findings: which findings the parts of
// this response are linked to (with relation and comment), and linking the
// selected coded span — or, without one, the selected answer part — to one or
// more findings. Every change is an audited edit the global Ctrl+Z undoes.
import { Button, Field, Heading, Label, Paragraph, Select, Spinner, Textarea, Textfield } from '@digdir/designsystemet-react';
import { useCallback, useContext, useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerFindingLink, Finding, FindingRelation } from '../../../../src-shared/findings';
import { useApiMutation, useApiQuery } from '../../api';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import type { UiError } from '../../lib/errors';
import { ErrorAlert } from '../ErrorAlert';
import { CaseContext } from '../case/caseContext';
import { findingRelations, RelationTag, VerifiedTag } from './relations';
import './findings.css';

interface Props {
  responseId: string;
  answerId: string | null;
  codingId: string | null;
}

const SEARCH_DELAY_MS = 150;

/**
 * Keys typed into the panel's fields stay there: the coding view's one-key
 * shortcuts and the global undo must not see them.
 */
function keepKeysInFields(e: KeyboardEvent) {
  const el = e.target as HTMLElement;
  if (e.key !== 'Escape' && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT')) e.stopPropagation();
}

export function FindingLinksPanel({ responseId, answerId, codingId }: Props) {
  const { t } = useTranslation();
  const caseData = useContext(CaseContext);
  const headingId = useId();
  // Refetched by the data layer when findings (a link, an undo) or codings change.
  const linksQuery = useApiQuery('findings.forResponse', { responseId }, { keepPrevious: true });
  const links: AnswerFindingLink[] | null = linksQuery.data ?? null;
  const error = linksQuery.error;
  const [editing, setEditing] = useState<string | null>(null);

  const isForTarget = useCallback(
    (l: AnswerFindingLink) => (codingId ? l.codingId === codingId : answerId !== null && l.answerId === answerId && l.codingId === null),
    [codingId, answerId],
  );
  const forTarget = useMemo(() => (links ?? []).filter(isForTarget), [links, isForTarget]);
  const others = useMemo(() => (links ?? []).filter((l) => !isForTarget(l)), [links, isForTarget]);
  const hasTarget = codingId !== null || answerId !== null;

  const openFinding = caseData ? (findingId: string) => caseData.navigate({ view: 'findings', findingId }) : null;

  const list = (items: AnswerFindingLink[], testId: string) => (
    <ul className="finding-links" data-testid={testId}>
      {items.map((l) => (
        <LinkItem
          key={l.id}
          link={l}
          editing={editing === l.id}
          onEdit={() => setEditing(l.id)}
          onDone={() => setEditing(null)}
          onOpen={openFinding ? () => openFinding(l.findingId) : null}
        />
      ))}
    </ul>
  );

  return (
    <section className="finding-panel" aria-labelledby={headingId} data-testid="finding-links-panel" onKeyDown={keepKeysInFields}>
      <div className="finding-panel__head">
        <Heading level={3} data-size="2xs" id={headingId}>
          {t('findings.panel.heading')}
        </Heading>
        {links && links.length > 0 && (
          <span className="finding-panel__count" data-testid="finding-links-count">
            {links.length}
          </span>
        )}
      </div>

      {error && <ErrorAlert title={t('findings.panel.failed')} error={error} data-testid="finding-links-error" />}
      {!links && !error && <Spinner aria-label={t('app.loading')} data-size="sm" />}

      {links && links.length === 0 && (
        <Paragraph data-size="sm" className="muted" data-testid="finding-links-empty">
          {t('findings.panel.none')}
        </Paragraph>
      )}

      {links && hasTarget && forTarget.length > 0 && (
        <div className="finding-panel__group">
          <div className="finding-panel__group-label">{codingId ? t('findings.panel.forSelection') : t('findings.panel.forAnswer')}</div>
          {list(forTarget, 'finding-links-selected')}
        </div>
      )}
      {links && others.length > 0 && (
        <div className="finding-panel__group">
          {hasTarget && forTarget.length > 0 && <div className="finding-panel__group-label">{t('findings.panel.others')}</div>}
          {list(others, 'finding-links-others')}
        </div>
      )}

      <LinkForm
        answerId={answerId}
        codingId={codingId}
        linkedFindings={new Set(forTarget.map((l) => l.findingId))}
      />
    </section>
  );
}

interface LinkItemProps {
  link: AnswerFindingLink;
  editing: boolean;
  onEdit: () => void;
  onDone: () => void;
  onOpen: (() => void) | null;
}

function LinkItem({ link, editing, onEdit, onDone, onOpen }: LinkItemProps) {
  const { t } = useTranslation();
  // On success the link leaves the list when the panel's query refetches.
  const unlink = useApiMutation('findings.unlink');
  const error = unlink.error;

  return (
    <li
      className={`finding-link finding-link--${link.relation}`}
      data-testid="finding-link"
      data-id={link.id}
      data-finding={link.findingId}
      data-relation={link.relation}
      data-on-span={link.codingId ? 'true' : 'false'}
    >
      <div className="finding-link__tags">
        <RelationTag relation={link.relation} />
        <span className="finding-link__scope muted" data-testid="finding-link-scope">
          {link.codingId ? t('findings.panel.onSpan') : t('findings.panel.wholeAnswer')}
        </span>
      </div>
      <p className="finding-link__statement" data-testid="finding-link-statement">
        {link.statement}
      </p>
      {link.reportKey && (
        <span className="finding-link__report muted" data-testid="finding-link-report">
          {link.reportKey}
        </span>
      )}
      {editing ? (
        <LinkEditor link={link} onDone={onDone} />
      ) : (
        <>
          {link.comment && (
            <p className="finding-link__comment" data-testid="finding-link-comment">
              {link.comment}
            </p>
          )}
          <div className="finding-link__actions">
            <Button variant="tertiary" data-size="sm" onClick={onEdit} aria-label={t('findings.panel.editLabel', { statement: link.statement })} data-testid="finding-link-edit">
              {t('findings.panel.edit')}
            </Button>
            <Button
              variant="tertiary"
              data-size="sm"
              data-color="danger"
              onClick={() => void unlink.run({ id: link.id })}
              disabled={unlink.isPending}
              aria-label={t('findings.panel.removeLabel', { statement: link.statement })}
              data-testid="finding-link-remove"
            >
              {t('findings.panel.remove')}
            </Button>
            {onOpen && (
              <Button variant="tertiary" data-size="sm" onClick={onOpen} data-testid="finding-link-open">
                {t('findings.panel.open')}
              </Button>
            )}
          </div>
        </>
      )}
      {error && <ErrorAlert title={t('findings.panel.updateFailed')} error={error} data-testid="finding-link-error" />}
    </li>
  );
}

function LinkEditor({ link, onDone }: { link: AnswerFindingLink; onDone: () => void }) {
  const { t } = useTranslation();
  const relationId = useId();
  const [relation, setRelation] = useState<FindingRelation>(link.relation);
  const [comment, setComment] = useState(link.comment ?? '');
  const update = useApiMutation('findings.updateLink', { onSuccess: onDone });
  const busy = update.isPending;
  const error = update.error;

  return (
    <div className="finding-link__editor stack stack--tight" data-testid="finding-link-editor">
      <Field data-size="sm">
        <Label htmlFor={relationId}>{t('findings.panel.relation')}</Label>
        <Select id={relationId} value={relation} onChange={(e) => setRelation(e.target.value as FindingRelation)} data-testid="finding-link-edit-relation">
          {findingRelations.map((r) => (
            <Select.Option key={r} value={r}>
              {t(`findings.relation.${r}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Textarea
        data-size="sm"
        aria-label={t('findings.panel.comment')}
        rows={2}
        value={comment}
        maxLength={5000}
        onChange={(e) => setComment(e.target.value)}
        data-testid="finding-link-edit-comment"
      />
      {error && <ErrorAlert title={t('findings.panel.updateFailed')} error={error} />}
      <div className="button-row button-row--tight">
        <Button data-size="sm" onClick={() => void update.run({ id: link.id, relation, comment: comment.trim() || null })} loading={busy} disabled={busy} data-testid="finding-link-save">
          {t('findings.panel.save')}
        </Button>
        <Button data-size="sm" variant="secondary" onClick={onDone} data-testid="finding-link-cancel">
          {t('findings.panel.cancel')}
        </Button>
      </div>
    </div>
  );
}

interface LinkFormProps {
  answerId: string | null;
  codingId: string | null;
  /** Findings already linked to the selected span or part. */
  linkedFindings: Set<string>;
}

function LinkForm({ answerId, codingId, linkedFindings }: LinkFormProps) {
  const { t } = useTranslation();
  const relationId = useId();
  const pickId = useId();
  const commentId = useId();
  const [query, setQuery] = useState('');
  const debounced = useDebouncedValue(query, SEARCH_DELAY_MS);
  const [picked, setPicked] = useState<string[]>([]);
  const [relation, setRelation] = useState<FindingRelation>('stotter');
  const [comment, setComment] = useState('');
  const hasTarget = codingId !== null || answerId !== null;

  // The previous hits stay while the next search runs.
  const search = debounced.trim();
  const findingsQuery = useApiQuery('findings.list', search ? { query: search } : {}, { keepPrevious: true });
  const findings: Finding[] | null = findingsQuery.data ?? null;

  // One call per picked finding; the loop is busy from the first call to the last.
  const linkOne = useApiMutation('findings.link');
  const [linking, setLinking] = useState(false);
  const busy = linking || linkOne.isPending;
  const { reset } = linkOne;
  const error: UiError | null = linkOne.error ?? findingsQuery.error;

  // A new selection starts a fresh link.
  useEffect(() => {
    setPicked([]);
    reset();
  }, [answerId, codingId, reset]);

  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));

  async function link() {
    if (!hasTarget || picked.length === 0) return;
    setLinking(true);
    reset();
    try {
      for (const findingId of picked) {
        await linkOne.mutateAsync({
          findingId,
          ...(codingId ? { codingId } : { answerId: answerId! }),
          relation,
          comment: comment.trim() || null,
        });
      }
      setPicked([]);
      setComment('');
    } catch {
      // The failure is in linkOne.error, shown below the form.
    } finally {
      setLinking(false);
    }
  }

  if (!hasTarget) {
    return (
      <Paragraph data-size="sm" className="finding-panel__hint muted" data-testid="finding-link-no-target">
        {t('findings.panel.target.none')}
      </Paragraph>
    );
  }

  return (
    <div className="finding-form stack stack--tight" data-testid="finding-link-form" data-target={codingId ? 'coding' : 'answer'}>
      <Paragraph data-size="sm" className="finding-form__target" data-testid="finding-link-target">
        {codingId ? t('findings.panel.target.coding') : t('findings.panel.target.answer')}
      </Paragraph>
      <Textfield
        data-size="sm"
        type="search"
        label={t('findings.panel.search')}
        placeholder={t('findings.panel.searchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        autoComplete="off"
        data-testid="finding-picker-search"
      />
      <div className="finding-picker" role="group" aria-labelledby={pickId} data-testid="finding-picker">
        <span id={pickId} className="ds-sr-only">
          {t('findings.panel.pickLabel')}
        </span>
        {findings?.length === 0 && (
          <Paragraph data-size="sm" className="muted finding-picker__empty">
            {t('findings.panel.noResults')}
          </Paragraph>
        )}
        {findings?.map((f) => {
          const checked = picked.includes(f.id);
          return (
            <label
              key={f.id}
              className={`finding-option${checked ? ' finding-option--checked' : ''}`}
              data-testid="finding-option"
              data-id={f.id}
            >
              <input type="checkbox" checked={checked} onChange={() => toggle(f.id)} data-testid="finding-option-check" />
              <span className="finding-option__body">
                <span className="finding-option__statement">{f.statement}</span>
                <span className="finding-option__meta">
                  {f.reportKey ?? t('findings.noReport')}
                  {f.reference ? ` · ${f.reference}` : ''}
                  {f.theme ? ` · ${f.theme}` : ''}
                  {!f.verified && (
                    <>
                      {' '}
                      <VerifiedTag verified={false} />
                    </>
                  )}
                  {linkedFindings.has(f.id) && <span className="finding-option__linked"> · {t('findings.panel.alreadyLinked')}</span>}
                </span>
              </span>
            </label>
          );
        })}
      </div>
      {picked.length > 0 && (
        <span className="muted finding-form__picked" data-testid="finding-picked-count">
          {t('findings.panel.selected', { count: picked.length })}
        </span>
      )}
      <Field data-size="sm">
        <Label htmlFor={relationId}>{t('findings.panel.relation')}</Label>
        <Field.Description data-testid="finding-link-relation-help">{t(`findings.relationHelp.${relation}`)}</Field.Description>
        <Select id={relationId} value={relation} onChange={(e) => setRelation(e.target.value as FindingRelation)} data-testid="finding-link-relation">
          {findingRelations.map((r) => (
            <Select.Option key={r} value={r}>
              {t(`findings.relation.${r}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field data-size="sm">
        <Label htmlFor={commentId}>{t('findings.panel.commentOptional')}</Label>
        <Textarea
          id={commentId}
          rows={2}
          value={comment}
          maxLength={5000}
          onChange={(e) => setComment(e.target.value)}
          data-testid="finding-link-comment-input"
        />
      </Field>
      {error && <ErrorAlert title={t('findings.panel.linkFailed')} error={error} data-testid="finding-link-form-error" />}
      <div className="button-row button-row--tight finding-form__submit">
        <Button data-size="sm" onClick={() => void link()} disabled={busy || picked.length === 0} loading={busy} data-testid="finding-link-submit">
          {picked.length > 1 ? t('findings.panel.linkMany', { count: picked.length }) : t('findings.panel.link')}
        </Button>
        <span className="muted finding-form__undo">{t('findings.panel.undoHint')}</span>
      </div>
    </div>
  );
}
