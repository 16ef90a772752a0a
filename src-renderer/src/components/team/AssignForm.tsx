// "Tildel svar": gives a caseworker respondents by police district, by county
// or picked by hand. By default the respondents move to this caseworker (they
// leave anyone else); "Dobbeltkoding" assigns without moving, so a respondent
// gets a second caseworker for the agreement report. The same selection can
// be taken away from the caseworker again.
import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentOverview } from '../../../../src-shared/team';
import { api } from '../../api/client';
import { toUiError, type UiError } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { useCase } from '../case/caseContext';
import { ErrorAlert } from '../ErrorAlert';
import { FilterSelect } from '../FilterSelect';
import { RespondentPicker } from './RespondentPicker';

type Mode = 'district' | 'county' | 'hand';
const MODES: Mode[] = ['district', 'county', 'hand'];

interface Props {
  overview: AssignmentOverview;
}

export function AssignForm({ overview }: Props) {
  const { t } = useTranslation();
  const { districts, counties } = useCase();
  const headingId = useId();
  const namesId = useId();
  const [assignee, setAssignee] = useState('');
  const [assigneeError, setAssigneeError] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('district');
  const [district, setDistrict] = useState('');
  const [county, setCounty] = useState('');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [doubleCode, setDoubleCode] = useState(false);
  const [busy, setBusy] = useState<'assign' | 'unassign' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [selectionError, setSelectionError] = useState<string | null>(null);
  const [error, setError] = useState<UiError | null>(null);

  /** The overview's respondents the current choice covers (those with a response or a caseworker). */
  const covered = useMemo(() => {
    if (mode === 'district') return district ? overview.respondents.filter((r) => r.policeDistrictCode === district) : [];
    if (mode === 'county') return county ? overview.respondents.filter((r) => r.countyNumber === county) : [];
    return overview.respondents.filter((r) => picked.has(r.respondentId));
  }, [mode, district, county, picked, overview.respondents]);
  const name = assignee.trim();
  const withOthers = covered.filter((r) => r.assignees.some((a) => a !== name)).length;

  function selection() {
    if (mode === 'district') return district ? { policeDistrictCodes: [district] } : null;
    if (mode === 'county') return county ? { countyNumbers: [county] } : null;
    return picked.size > 0 ? { respondentIds: [...picked] } : null;
  }

  async function run(what: 'assign' | 'unassign', event?: FormEvent) {
    event?.preventDefault();
    const chosen = selection();
    setAssigneeError(name ? null : t('team.assign.assigneeRequired'));
    setSelectionError(chosen ? null : t('team.assign.nothingChosen'));
    if (!name || !chosen) return;
    setBusy(what);
    setError(null);
    setMessage(null);
    try {
      if (what === 'assign') {
        const r = await api.team.assign({ assignee: name, exclusive: !doubleCode, ...chosen });
        setMessage(
          t('team.assign.done', {
            name,
            assigned: formatNumber(r.assigned),
            unchanged: formatNumber(r.unchanged),
            moved: formatNumber(r.moved),
            count: r.assigned,
          }),
        );
      } else {
        const r = await api.team.unassign({ assignee: name, ...chosen });
        setMessage(t('team.assign.removed', { name, count: r.removed, formatted: formatNumber(r.removed) }));
      }
      setPicked(new Set());
    } catch (e) {
      setError(toUiError(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="panel stack" aria-labelledby={headingId} data-testid="team-assign">
      <Heading level={3} data-size="xs" id={headingId}>
        {t('team.assign.heading')}
      </Heading>
      <form className="stack" onSubmit={(e) => void run('assign', e)} noValidate>
        <div className="team-assign__who">
          <Textfield
            data-size="sm"
            label={t('team.assign.assignee')}
            description={t('team.assign.assigneeDescription')}
            value={assignee}
            onChange={(e) => setAssignee(e.target.value)}
            error={assigneeError ?? undefined}
            list={namesId}
            maxLength={120}
            autoComplete="off"
            data-testid="team-assignee-input"
          />
          <datalist id={namesId}>
            {overview.assignees.map((a) => (
              <option key={a.assignee} value={a.assignee} />
            ))}
          </datalist>
        </div>

        <Fieldset data-size="sm">
          <Fieldset.Legend>{t('team.assign.by')}</Fieldset.Legend>
          <div className="team-modes">
            {MODES.map((m) => (
              <Radio
                key={m}
                data-size="sm"
                name="team-assign-mode"
                value={m}
                checked={mode === m}
                onChange={() => {
                  setMode(m);
                  setSelectionError(null);
                }}
                label={t(`team.assign.mode.${m}`)}
                data-testid={`team-mode-${m}`}
              />
            ))}
          </div>
        </Fieldset>

        {mode === 'district' && (
          <div className="team-assign__select">
            <FilterSelect
              label={t('registry.district')}
              allLabel={t('team.assign.chooseDistrict')}
              value={district}
              options={districts.map((d) => ({ value: d.code, label: d.name }))}
              onChange={setDistrict}
              data-testid="team-assign-district"
            />
          </div>
        )}
        {mode === 'county' && (
          <div className="team-assign__select">
            <FilterSelect
              label={t('registry.county')}
              allLabel={t('team.assign.chooseCounty')}
              value={county}
              options={counties.map((c) => ({ value: c.number, label: c.name }))}
              onChange={setCounty}
              data-testid="team-assign-county"
            />
          </div>
        )}
        {mode === 'hand' && <RespondentPicker respondents={overview.respondents} selected={picked} onChange={setPicked} disabled={busy !== null} />}

        {mode !== 'hand' && (mode === 'district' ? district : county) && (
          <Paragraph data-size="sm" data-testid="team-assign-covered">
            {t('team.assign.covered', { count: covered.length, formatted: formatNumber(covered.length) })}
            {withOthers > 0 && <> {t('team.assign.coveredOthers', { count: withOthers, formatted: formatNumber(withOthers) })}</>}
          </Paragraph>
        )}
        {selectionError && (
          <Paragraph data-size="sm" className="team-error-text" role="alert">
            {selectionError}
          </Paragraph>
        )}

        <Checkbox
          data-size="sm"
          label={t('team.assign.doubleCode')}
          description={t('team.assign.doubleCodeDescription')}
          checked={doubleCode}
          onChange={(e) => setDoubleCode(e.target.checked)}
          data-testid="team-double-code"
        />

        <div className="button-row">
          <Button type="submit" data-size="sm" loading={busy === 'assign'} disabled={busy !== null} data-testid="team-assign-submit">
            {t('team.assign.submit')}
          </Button>
          <Button data-size="sm" variant="secondary" onClick={() => void run('unassign')} loading={busy === 'unassign'} disabled={busy !== null} data-testid="team-unassign-submit">
            {t('team.assign.unassign')}
          </Button>
        </div>
      </form>
      {message && (
        <Alert data-color="success" data-size="sm" aria-live="polite" data-testid="team-assign-result">
          <Paragraph data-size="sm">{message}</Paragraph>
        </Alert>
      )}
      {error && <ErrorAlert title={t('team.assign.failed')} error={error} data-testid="team-assign-error" />}
    </section>
  );
}
