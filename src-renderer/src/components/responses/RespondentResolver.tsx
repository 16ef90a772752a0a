// Settles who sent a response when the import could not: for an ambiguous
// name ("Herøy kommune") a choice among the municipalities it fits or
// "another sender"; for an unknown one, optionally a municipality from the
// register (otherwise it stays another organisation); and for a matched one,
// a correction tucked away in the side panel.
import { Alert, Button, Details, Fieldset, Heading, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseDetail } from '../../../../src-shared/domain';
import { useApiMutation, useApiQuery } from '../../api';
import { formatNumber } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { municipalityLabel } from '../case/caseContext';
import { MunicipalityPicker } from './MunicipalityPicker';

const OTHER = 'other';

interface Props {
  response: ResponseDetail;
}

/** Saving a choice: busy state, error, and the call (the response shown reloads with the change). */
function useResolve(response: ResponseDetail) {
  const resolve = useApiMutation('respondents.resolve');
  const save = (number: string | null) => resolve.run({ respondentId: response.respondentId, municipalityNumber: number });
  return { saving: resolve.isPending, error: resolve.error, save };
}

export function RespondentResolver({ response }: Props) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState('');
  const [picking, setPicking] = useState(false);
  const resolver = useResolve(response);
  const { saving, save } = resolver;
  const ambiguous = useApiQuery('respondents.list', response.matchStatus === 'ambiguous' ? { status: 'ambiguous' } : null);
  const respondent = ambiguous.data?.find((r) => r.id === response.respondentId) ?? null;
  const error = resolver.error ?? ambiguous.error;

  const submit = () => void save(choice === OTHER ? null : choice);

  if (response.matchStatus === 'ambiguous') {
    return (
      <Alert data-color="warning" className="resolve-panel" data-testid="resolve-panel" data-status="ambiguous">
        <Heading level={3} data-size="xs">
          {t('detail.resolve.ambiguousHeading', { name: response.respondentName })}
        </Heading>
        <Paragraph data-size="sm">{t('detail.resolve.ambiguousIntro')}</Paragraph>
        <Fieldset data-size="sm" className="resolve-panel__options">
          <Fieldset.Legend className="ds-sr-only">{t('detail.resolve.which')}</Fieldset.Legend>
          {(respondent?.candidates ?? []).map((c) => (
            <Radio
              key={c.number}
              name="resolve"
              value={c.number}
              checked={choice === c.number}
              onChange={() => setChoice(c.number)}
              label={municipalityLabel(c)}
              description={t('detail.resolve.candidateFacts', { number: c.number, district: c.policeDistrictName, population: formatNumber(c.population) })}
              data-testid={`resolve-option-${c.number}`}
            />
          ))}
          <Radio
            name="resolve"
            value={OTHER}
            checked={choice === OTHER}
            onChange={() => setChoice(OTHER)}
            label={t('detail.resolve.other')}
            description={t('detail.resolve.otherDescription')}
            data-testid="resolve-option-other"
          />
        </Fieldset>
        {error && <ErrorAlert title={t('detail.resolve.failed')} error={error} data-testid="resolve-error" />}
        <div className="button-row">
          <Button data-size="sm" onClick={submit} disabled={!choice || saving} loading={saving} data-testid="resolve-save">
            {t('detail.resolve.save')}
          </Button>
        </div>
      </Alert>
    );
  }

  // Unmatched: stays another sender unless the caseworker links it.
  return (
    <Alert data-color="info" data-size="sm" className="resolve-panel" data-testid="resolve-panel" data-status="unmatched">
      <Heading level={3} data-size="2xs">
        {t('detail.resolve.unmatchedHeading', { name: response.respondentName })}
      </Heading>
      <Paragraph data-size="sm">
        {t('detail.resolve.unmatchedIntro')} {t('detail.resolve.unmatchedKeep')}
      </Paragraph>
      {picking ? (
        <>
          <MunicipalityPicker value={choice} onChange={setChoice} />
          {error && <ErrorAlert title={t('detail.resolve.failed')} error={error} data-testid="resolve-error" />}
          <div className="button-row">
            <Button data-size="sm" onClick={submit} disabled={!choice || saving} loading={saving} data-testid="resolve-save">
              {t('detail.resolve.link')}
            </Button>
            <Button data-size="sm" variant="tertiary" onClick={() => setPicking(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </>
      ) : (
        <div>
          <Button data-size="sm" variant="secondary" onClick={() => setPicking(true)} data-testid="resolve-start">
            {t('detail.resolve.unmatchedLink')}
          </Button>
        </div>
      )}
    </Alert>
  );
}

/** For a matched respondent: pick another municipality, or make it another sender. */
export function MunicipalityCorrection({ response }: Props) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState('');
  const { saving, error, save } = useResolve(response);
  return (
    <Details data-testid="resolve-correct" className="correction">
      <Details.Summary>{t('detail.resolve.wrong')}</Details.Summary>
      <Details.Content className="stack stack--tight">
        <Paragraph data-size="sm">{t('detail.resolve.wrongIntro')}</Paragraph>
        <MunicipalityPicker value={choice} onChange={setChoice} />
        {error && <ErrorAlert title={t('detail.resolve.failed')} error={error} data-testid="resolve-error" />}
        <div className="button-row">
          <Button data-size="sm" onClick={() => void save(choice)} disabled={!choice || choice === response.municipality?.number || saving} loading={saving} data-testid="resolve-save">
            {t('detail.resolve.link')}
          </Button>
          <Button data-size="sm" variant="secondary" onClick={() => void save(null)} disabled={saving} data-testid="resolve-make-other">
            {t('detail.resolve.makeOther')}
          </Button>
        </div>
      </Details.Content>
    </Details>
  );
}
