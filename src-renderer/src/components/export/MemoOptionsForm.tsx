// The memo's options: the heading block (Til, Fra, Dato, Saksnr., Emne), the
// sections in order, which questions, police districts and codes it covers,
// and how many codes and quotes it lists.
import { Fieldset, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ChoiceList, type ChoiceOption } from './ChoiceList';
import { QUOTES_PER_ITEM, TOP_CODES, type MemoForm, type MemoProblem } from './exportForm';
import { SectionList } from './SectionList';

interface Props {
  value: MemoForm;
  onChange: (patch: Partial<MemoForm>) => void;
  problems: Set<MemoProblem>;
  questions: ChoiceOption[];
  districts: ChoiceOption[];
  codes: ChoiceOption[];
}

/** A number field's value: NaN while it is empty, so the form shows it as a problem. */
const asNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export function MemoOptionsForm({ value, onChange, problems, questions, districts, codes }: Props) {
  const { t } = useTranslation();
  const text = (field: 'to' | 'from' | 'caseNumber' | 'subject', max: number) => (
    <Textfield
      data-size="sm"
      label={t(`export.memo.metadata.${field}`)}
      value={value[field]}
      onChange={(e) => onChange({ [field]: e.target.value })}
      maxLength={max}
      data-testid={`export-meta-${field}`}
    />
  );
  return (
    <div className="stack" data-testid="export-memo-options">
      <Fieldset data-size="sm">
        <Fieldset.Legend>{t('export.memo.metadata.legend')}</Fieldset.Legend>
        <div className="export-grid">
          {text('to', 300)}
          {text('from', 300)}
          <Textfield
            data-size="sm"
            label={`${t('export.memo.metadata.date')} (${t('export.memo.metadata.datePattern')})`}
            value={value.date}
            placeholder={t('export.memo.metadata.datePattern')}
            onChange={(e) => onChange({ date: e.target.value })}
            error={problems.has('date') ? t('export.memo.metadata.dateInvalid') : undefined}
            inputMode="numeric"
            maxLength={10}
            data-testid="export-meta-date"
          />
          {text('caseNumber', 100)}
          <div className="export-grid__wide">{text('subject', 500)}</div>
        </div>
      </Fieldset>

      <SectionList value={value.sections} onChange={(sections) => onChange({ sections })} error={problems.has('sections') ? t('export.memo.sectionsNone') : undefined} />

      <div className="export-choices">
        {questions.length > 0 && (
          <ChoiceList
            legend={t('export.scope.questions')}
            options={questions}
            value={value.questionIds}
            onChange={(questionIds) => onChange({ questionIds })}
            error={problems.has('questions') ? t('export.scope.noneChosen') : undefined}
            data-testid="export-questions"
          />
        )}
        <ChoiceList
          legend={t('export.scope.districts')}
          options={districts}
          value={value.districtCodes}
          onChange={(districtCodes) => onChange({ districtCodes })}
          error={problems.has('districts') ? t('export.scope.noneChosen') : undefined}
          data-testid="export-districts"
        />
        {codes.length > 0 && (
          <ChoiceList
            legend={t('export.scope.codes')}
            options={codes}
            value={value.codeIds}
            onChange={(codeIds) => onChange({ codeIds })}
            error={problems.has('codes') ? t('export.scope.noneChosen') : undefined}
            scroll
            data-testid="export-codes"
          />
        )}
      </div>

      <div className="export-grid">
        <Textfield
          data-size="sm"
          type="number"
          label={t('export.memo.topCodes')}
          description={t('export.memo.topCodesHelp')}
          min={TOP_CODES.min}
          max={TOP_CODES.max}
          value={Number.isNaN(value.topCodes) ? '' : String(value.topCodes)}
          onChange={(e) => onChange({ topCodes: asNumber(e.target.value) })}
          error={problems.has('topCodes') ? t('export.memo.between', TOP_CODES) : undefined}
          data-testid="export-top-codes"
        />
        <Textfield
          data-size="sm"
          type="number"
          label={t('export.memo.quotesPerItem')}
          description={t('export.memo.quotesPerItemHelp')}
          min={QUOTES_PER_ITEM.min}
          max={QUOTES_PER_ITEM.max}
          value={Number.isNaN(value.quotesPerItem) ? '' : String(value.quotesPerItem)}
          onChange={(e) => onChange({ quotesPerItem: asNumber(e.target.value) })}
          error={problems.has('quotesPerItem') ? t('export.memo.between', QUOTES_PER_ITEM) : undefined}
          data-testid="export-quotes"
        />
      </div>
    </div>
  );
}
