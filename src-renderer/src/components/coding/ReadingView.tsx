// The centre column: one response to read and code. Who sent it, the
// municipality's facts, the work status, then each answer part under its
// question (text not yet assigned to a question first, as "Ufordelt tekst").
import { Button, Field, Heading, Label, Select } from '@digdir/designsystemet-react';
import { Fragment, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code, Coding, WorkspaceResponse } from '../../../../src-shared/coding';
import { RESPONSE_STATUSES, type AnswerPart, type Question, type ResponseStatus } from '../../../../src-shared/domain';
import { formatDate, formatNumber } from '../../lib/format';
import { letterBlockKind } from '../../../../src-shared/letter-blocks';
import { LetterBlockNote } from '../LetterBlockNote';
import { AnswerPartView } from './AnswerPartView';
import { PersonalDataTag } from '../personal/PersonalData';
import { OcrPagePanel } from './OcrPagePanel';

const NO_CODINGS: Coding[] = [];

export interface PartGroup {
  question: Question | null;
  parts: AnswerPart[];
}

/** The parts in reading order: unassigned text first, then by question. */
export function groupParts(answers: AnswerPart[], questions: Question[]): PartGroup[] {
  const groups: PartGroup[] = [];
  const unassigned = answers.filter((a) => a.questionId === null);
  if (unassigned.length > 0) groups.push({ question: null, parts: unassigned });
  for (const q of [...questions].sort((a, b) => a.ordinal - b.ordinal)) {
    groups.push({ question: q, parts: answers.filter((a) => a.questionId === q.id) });
  }
  return groups;
}

interface Props {
  ws: WorkspaceResponse;
  questions: Question[];
  codes: Map<string, Code>;
  selectedCodingId: string | null;
  focusedAnswerId: string | null;
  flash: { answerId: string; start: number; end: number } | null;
  stale: boolean;
  onFocusPart: (answerId: string) => void;
  onSelectCoding: (id: string | null) => void;
  onStatus: (status: ResponseStatus) => void;
  onOpenDetail: () => void;
}

export function ReadingView({ ws, questions, codes, selectedCodingId, focusedAnswerId, flash, stale, onFocusPart, onSelectCoding, onStatus, onOpenDetail }: Props) {
  const { t } = useTranslation();
  const statusId = useId();
  const pageId = useId();
  const r = ws.response;
  const groups = useMemo(() => groupParts(r.answers, questions), [r.answers, questions]);
  const byAnswer = useMemo(() => {
    const map = new Map<string, Coding[]>();
    for (const c of ws.codings) {
      const list = map.get(c.answerId) ?? [];
      list.push(c);
      map.set(c.answerId, list);
    }
    return map;
  }, [ws.codings]);
  const m = r.municipality;
  // The scanned page beside the text, for a response read with OCR; the button takes the focus back when it closes.
  const [pageOpen, setPageOpen] = useState(false);
  const pageButton = useRef<HTMLButtonElement>(null);
  const showPage = pageOpen && Boolean(r.ocr);
  const closePage = () => {
    setPageOpen(false);
    pageButton.current?.focus();
  };

  return (
    <article className={`cw-reading__doc${stale ? ' cw-reading__doc--stale' : ''}`} data-testid="coding-reading" data-response-id={r.id} aria-busy={stale || undefined}>
      <header className="cw-doc-head">
        <div className="cw-doc-head__title">
          <Heading level={2} data-size="sm" data-testid="coding-title">
            {m ? m.name : r.respondentName}
          </Heading>
          <p className="cw-facts muted" data-testid="coding-facts">
            {[
              ...(m
                ? [m.countyName, m.policeDistrictName, t('coding.reading.population', { n: formatNumber(m.population) })]
                : [r.matchStatus === 'ambiguous' ? t('detail.municipality.ambiguous') : t('detail.municipality.none')]),
              ...(r.receivedDate ? [t('coding.reading.received', { date: formatDate(r.receivedDate) })] : []),
              ...(m && r.respondentName !== m.name ? [t('detail.sentAs', { name: r.respondentName })] : []),
            ].join(' · ')}
          </p>
          <PersonalDataTag kinds={r.personalData} />
        </div>
        <Field data-size="sm" className="cw-status">
          <Label htmlFor={statusId} className="ds-sr-only">
            {t('coding.reading.status')}
          </Label>
          <Select
            id={statusId}
            value={r.status}
            onChange={(e) => onStatus(e.target.value as ResponseStatus)}
            data-testid="coding-status"
            data-status={r.status}
            className={`cw-status__select cw-status__select--${r.status}`}
          >
            {RESPONSE_STATUSES.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`responses.status.${s}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </header>

      {r.needsSplitting && (
        <div className="cw-note" data-testid="coding-needs-splitting">
          <span>{t('coding.reading.needsSplitting')}</span>
          <Button variant="tertiary" data-size="sm" onClick={onOpenDetail}>
            {t('coding.reading.openDetail')}
          </Button>
        </div>
      )}

      {r.ocr && (
        <div className="cw-note" data-testid="coding-ocr" role="note">
          <span>
            {t('coding.reading.ocr', { confidence: r.ocr.confidence, pages: r.ocr.pages })}{' '}
            {r.ocr.lowWords > 0
              ? t('coding.reading.ocrReview', {
                  count: r.ocr.lowWords,
                  words: r.ocr.review
                    .slice(0, 40)
                    .map((w) => t('coding.reading.ocrWord', { word: w.word, page: w.page, confidence: w.confidence }))
                    .join(', '),
                })
              : t('coding.reading.ocrNoReview')}
          </span>
          <Button
            ref={pageButton}
            variant="tertiary"
            data-size="sm"
            aria-expanded={showPage}
            aria-controls={showPage ? pageId : undefined}
            onClick={() => (showPage ? closePage() : setPageOpen(true))}
            data-testid="coding-ocr-page"
          >
            {showPage ? t('coding.ocrPage.hide') : t('coding.ocrPage.show')}
          </Button>
        </div>
      )}

      <div className={showPage ? 'cw-ocr-beside' : undefined}>
        <div className="cw-ocr-beside__text">
          {r.answers.length === 0 && <p className="muted">{t('coding.reading.noText')}</p>}

          {groups.map((g) => (
            <section key={g.question?.id ?? 'none'} className={`cw-group${g.question ? '' : ' cw-group--unassigned'}`} data-testid="coding-group" data-question={g.question?.ordinal ?? 'none'}>
              <h3 className="cw-group__heading" title={g.question?.text}>
                {g.question ? (
                  <>
                    <span className="cw-qnum" aria-hidden>
                      {g.question.ordinal}
                    </span>
                    <span className="ds-sr-only">{t('questions.number', { ordinal: g.question.ordinal })}: </span>
                    {g.question.shortLabel}
                  </>
                ) : (
                  <>
                    <span className="cw-qnum cw-qnum--none" aria-hidden>
                      –
                    </span>
                    {t('coding.reading.unassigned')}
                  </>
                )}
              </h3>
              {g.parts.length === 0 ? (
                <p className="cw-group__none muted">{t('coding.reading.noAnswer')}</p>
              ) : (
                g.parts.map((p) => {
                  const block = g.question ? null : letterBlockKind(p.text);
                  const count = (byAnswer.get(p.id) ?? NO_CODINGS).length;
                  return (
                    <Fragment key={p.id}>
                      {block && <LetterBlockNote kind={block} />}
                      <AnswerPartView
                        part={p}
                        codings={byAnswer.get(p.id) ?? NO_CODINGS}
                        codes={codes}
                        selectedCodingId={selectedCodingId}
                        focused={focusedAnswerId === p.id}
                        flash={flash && flash.answerId === p.id ? flash : null}
                        label={
                          g.question
                            ? t('coding.reading.partLabel', { ordinal: g.question.ordinal, count })
                            : block
                              ? t('common.letterBlock.partLabel', { kind: t(`common.letterBlock.${block}`), count })
                              : t('coding.reading.unassignedPartLabel', { count })
                        }
                        onFocusPart={onFocusPart}
                        onSelectCoding={onSelectCoding}
                      />
                    </Fragment>
                  );
                })
              )}
            </section>
          ))}
        </div>
        {showPage && (
          <div id={pageId} className="cw-ocr-beside__page">
            <OcrPagePanel responseId={r.id} onClose={closePage} />
          </div>
        )}
      </div>
    </article>
  );
}
