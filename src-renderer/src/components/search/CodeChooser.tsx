// Coding a search hit: choose a code (those for the hit's question or for
// none) and what to code — the hit's sentence by default, since a lone word
// is no quote — with a preview of exactly the words that will be coded.
import { Button, Field, Fieldset, Input, Label, Radio, Select } from '@digdir/designsystemet-react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../../src-shared/coding';
import type { SearchHit } from '../../../../src-shared/search';
import { flattenTree } from '../coding/codeTree';

export type SpanKind = 'sentence' | 'paragraph' | 'hit';
const SPAN_KINDS: SpanKind[] = ['sentence', 'paragraph', 'hit'];

/** The span that will be coded, the hit in it marked. */
function SpanPreview({ hit, span }: { hit: SearchHit; span: SpanKind }) {
  const spans = hit.spans;
  if (!spans) return null;
  const chosen = spans[span];
  const from = Math.max(0, spans.hit.start - chosen.start);
  const to = Math.min(chosen.text.length, spans.hit.end - chosen.start);
  return (
    <blockquote className="search-chooser__preview" data-testid="search-code-preview">
      {chosen.text.slice(0, from)}
      <mark>{chosen.text.slice(from, to)}</mark>
      {chosen.text.slice(to)}
    </blockquote>
  );
}

/**
 * A searchable select of codes (those for the hit's question or for none): a
 * filter box over a list, what to code (the hit's sentence by default: a lone
 * word is no quote), a preview of it, then "Kod".
 */
export function CodeChooser({
  hit,
  codes,
  questionId,
  onPick,
  onCancel,
}: {
  hit: SearchHit;
  codes: Code[];
  questionId: string | null;
  onPick: (codeId: string, span: SpanKind) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const filterId = useId();
  const selectId = useId();
  const spanName = useId();
  const [needle, setNeedle] = useState('');
  const [span, setSpan] = useState<SpanKind>('sentence');
  const items = useMemo(() => {
    const n = needle.trim().toLocaleLowerCase('nb');
    return flattenTree(codes).filter((f) => (!f.code.questionId || f.code.questionId === questionId) && (!n || f.path.toLocaleLowerCase('nb').includes(n)));
  }, [codes, needle, questionId]);
  const [chosen, setChosen] = useState('');
  const value = items.some((f) => f.code.id === chosen) ? chosen : (items[0]?.code.id ?? '');
  return (
    <div className="search-chooser" data-testid="search-code-chooser">
      <Field data-size="sm">
        <Label htmlFor={filterId}>{t('search.findCode')}</Label>
        <Input id={filterId} value={needle} onChange={(e) => setNeedle(e.target.value)} data-testid="search-code-filter-input" autoFocus />
      </Field>
      <Field data-size="sm">
        <Label htmlFor={selectId}>{t('search.code')}</Label>
        <Select id={selectId} value={value} onChange={(e) => setChosen(e.target.value)} data-testid="search-code-select">
          {items.map((f) => (
            <Select.Option key={f.code.id} value={f.code.id}>
              {f.path}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {hit.spans && (
        <Fieldset data-size="sm" data-testid="search-code-span">
          <Fieldset.Legend>{t('search.span.legend')}</Fieldset.Legend>
          <div className="search-chooser__spans">
            {SPAN_KINDS.map((k) => (
              <Radio key={k} data-size="sm" name={spanName} value={k} checked={span === k} onChange={() => setSpan(k)} label={t(`search.span.${k}`)} data-testid={`search-code-span-${k}`} />
            ))}
          </div>
          <SpanPreview hit={hit} span={span} />
        </Fieldset>
      )}
      <div className="search-chooser__buttons">
        <Button data-size="sm" disabled={!value} onClick={() => onPick(value, span)} data-testid="search-code-apply">
          {t('search.apply')}
        </Button>
        <Button data-size="sm" variant="tertiary" onClick={onCancel}>
          {t('search.cancel')}
        </Button>
      </div>
    </div>
  );
}
