// "Kart": the municipalities of Norway coloured by a layer (has answered, a
// single-choice variable, one option of a multiple-choice variable — a
// municipality may choose several, so each option is its own layer — or a
// code), police district borders on top. A
// municipality opens its current response. The map is one tab stop; the arrow
// keys move inside it (mapKeys.ts), and a table gives the same content
// (MapTable.tsx). Loaded lazily: the polygons are bundled (about 1 MB) and only
// needed here.
import { Field, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import kommunerRaw from '../../../../resources/data/municipalities.topojson?raw';
import { MAP_COLOURS, MAP_HEIGHT, MAP_WIDTH, mapGeometry, parseMunicipalityTopology } from '../../../../src-shared/charts/map';
import { useApiQueries, useApiQuery } from '../../api';
import type { UiError } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { LoadingState } from '../LoadingState';
import { useCase } from '../case/caseContext';
import { flattenTree } from '../coding/codeTree';
import { byName, mapKeyTarget, type MapPoint } from './mapKeys';
import {
  answeredLayer,
  codeLayer,
  codeLayerData,
  currentByMunicipality,
  isLayer,
  optionLayerData,
  variableLayer,
  variableLayerData,
  type LayerData,
  type LayerId,
  type LayerLabels,
} from './mapLayers';
import { MapTable } from './MapTable';

// The projection and paths are shared with the memo's map figure (src-shared/charts/map.ts).
const geometry = mapGeometry(parseMunicipalityTopology(kommunerRaw));
const SHAPES = geometry.shapes;
/** The tab stop before the user has moved: the first municipality by name. */
const FIRST_BY_NAME = byName(SHAPES.map((s) => ({ id: s.number, name: s.name, x: 0, y: 0 })))[0]?.id ?? '';

export default function MapTab() {
  const { t } = useTranslation();
  const { navigate, municipalities } = useCase();
  const selectId = useId();
  const [layer, setLayer] = useState<LayerId>('answered');
  const [hover, setHover] = useState<{ number: string; x: number; y: number } | null>(null);
  // The one municipality in the tab order (roving tab stop).
  const [stop, setStop] = useState(FIRST_BY_NAME);
  const svgRef = useRef<SVGSVGElement>(null);
  const points = useRef<MapPoint[] | null>(null);

  // The current response of each municipality, the variables and the codes.
  const listQuery = useApiQuery('responses.list', {});
  const variablesQuery = useApiQuery('analysis.variables', {});
  const codesQuery = useApiQuery('codebook.list', {});
  const responseOf = useMemo(() => (listQuery.data ? currentByMunicipality(listQuery.data) : null), [listQuery.data]);
  const variables = useMemo(() => variablesQuery.data?.variables ?? [], [variablesQuery.data]);
  // The codes in the codebook's tree order, named by their path.
  const codes = useMemo(() => flattenTree(codesQuery.data ?? []), [codesQuery.data]);

  // The layer's own lists: one per option of a variable (a multiple-choice
  // option layer needs them all to tell "chose another" from "not coded"), or the one of a code.
  const shownVariable = variableLayer(layer);
  const variable = shownVariable ? variables.find((x) => x.variableId === shownVariable.variableId) : undefined;
  const chosenOption = shownVariable?.value ?? null;
  const options = useMemo(() => variable?.overall.rows.filter((r) => r.kind === 'option') ?? [], [variable]);
  const optionInputs = useMemo(
    () => (variable ? options.map((o) => ({ variable: { variableId: variable.variableId, value: o.value } })) : []),
    [variable, options],
  );
  const optionQueries = useApiQueries('responses.list', optionInputs);
  const shownCode = codeLayer(layer);
  const codeQuery = useApiQuery('responses.list', shownCode ? { codeId: shownCode } : null);

  const optionLists = optionQueries.map((q) => q.data);
  const optionsReady = optionLists.every((d) => d !== undefined);
  const optionKey = optionQueries.map((q) => q.dataUpdatedAt).join();
  const labels = useMemo(
    (): LayerLabels => ({
      answered: t('analysis.map.answered'),
      notAnswered: t('analysis.map.notAnswered'),
      otherChoices: t('analysis.map.otherChoices'),
      coded: t('analysis.map.coded'),
      notCoded: t('analysis.map.notCoded'),
      ikkeKodet: t('analysis.rowKinds.ikke_kodet'),
      ikkeSvart: t('analysis.rowKinds.ikke_svart'),
    }),
    [t],
  );
  const built = useMemo((): LayerData | null => {
    if (!responseOf) return null;
    const answered = new Set(responseOf.keys());
    const all = municipalities.keys();
    if (layer === 'answered') return answeredLayer(all, answered, labels);
    if (variable) {
      if (!optionsReady) return null;
      const lists = optionLists.map((list) => list ?? []);
      return chosenOption === null
        ? variableLayerData(all, answered, options, lists, labels)
        : optionLayerData(all, answered, options, lists, chosenOption, labels);
    }
    return codeQuery.data ? codeLayerData(all, answered, codeQuery.data, labels) : null;
    // optionKey (when each option's list last arrived) stands for optionLists, a new array every render.
  }, [layer, responseOf, municipalities, labels, variable, chosenOption, options, optionsReady, optionKey, codeQuery.data]);

  // While the next layer loads, the last one stays on screen (the layer picker with it).
  const [shown, setShown] = useState<LayerData | null>(null);
  useEffect(() => {
    if (built) setShown(built);
  }, [built]);
  const data = built ?? shown;

  const error: UiError | null =
    listQuery.error ?? variablesQuery.error ?? codesQuery.error ?? optionQueries.find((q) => q.error)?.error ?? codeQuery.error ?? null;

  // Police district borders: arcs between municipalities of different districts.
  const districtBorders = useMemo(() => geometry.districtBorders((n) => municipalities.get(n)?.policeDistrictCode ?? ''), [municipalities]);
  const outline = geometry.outline;

  if (error) return <ErrorAlert title={t('analysis.failed')} error={error} />;
  if (!responseOf || !data) return <LoadingState label={t('app.loading')} />;

  const colourOf = new Map(data.categories.map((c) => [c.key, c.colour]));
  const labelOf = new Map(data.categories.map((c) => [c.key, c.label]));
  const counts = new Map<string, number>();
  for (const s of SHAPES) {
    const k = data.valueOf.get(s.number);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const hovered = hover ? municipalities.get(hover.number) : undefined;

  const open = (number: string) => {
    const id = responseOf.get(number);
    if (id) navigate({ view: 'responses', responseId: id });
  };
  const valueLabel = (number: string) => labelOf.get(data.valueOf.get(number) ?? '') ?? t('analysis.map.unknown');
  const nameOf = (number: string) => municipalities.get(number)?.name ?? SHAPES.find((s) => s.number === number)?.name ?? number;

  // Shape centres in the map's own coordinates, measured once (the shapes never move).
  const mapPoints = (): MapPoint[] => {
    if (!points.current && svgRef.current) {
      points.current = [...svgRef.current.querySelectorAll<SVGPathElement>('path[data-number]')].map((el) => {
        const box = el.getBBox();
        const id = el.dataset.number ?? '';
        return { id, name: nameOf(id), x: box.x + box.width / 2, y: box.y + box.height / 2 };
      });
    }
    return points.current ?? [];
  };
  const moveFocus = (number: string) => {
    setStop(number);
    svgRef.current?.querySelector<SVGPathElement>(`path[data-number="${number}"]`)?.focus();
  };

  return (
    <div className="stack" data-testid="analysis-map">
      <div className="filters">
        <Field data-size="sm" className="analysis-groupby">
          <Label htmlFor={selectId}>{t('analysis.map.layer')}</Label>
          <Select id={selectId} value={layer} onChange={(e) => isLayer(e.target.value) && setLayer(e.target.value)} data-testid="map-layer">
            <Select.Option value="answered">{t('analysis.map.answered')}</Select.Option>
            {variables.some((v) => v.kind === 'single') && (
              <optgroup label={t('analysis.map.variables')}>
                {variables
                  .filter((v) => v.kind === 'single')
                  .map((v) => (
                    <Select.Option key={v.variableId} value={`variable:${v.variableId}`}>
                      {v.label}
                    </Select.Option>
                  ))}
              </optgroup>
            )}
            {variables
              .filter((v) => v.kind === 'multi')
              .map((v) => (
                <optgroup key={v.variableId} label={t('analysis.map.multiVariable', { label: v.label })}>
                  {v.overall.rows
                    .filter((r) => r.kind === 'option')
                    .map((o) => (
                      <Select.Option key={o.value} value={`option:${v.variableId}=${o.value}`}>
                        {t('analysis.map.chose', { label: v.label, option: o.label })}
                      </Select.Option>
                    ))}
                </optgroup>
              ))}
            {codes.length > 0 && (
              <optgroup label={t('analysis.map.codes')}>
                {codes.map(({ code, path }) => (
                  <Select.Option key={code.id} value={`code:${code.id}`}>
                    {path}
                  </Select.Option>
                ))}
              </optgroup>
            )}
          </Select>
        </Field>
      </div>
      <div className="analysis-map__body">
        <div className="analysis-map__frame" onMouseLeave={() => setHover(null)}>
          <svg ref={svgRef} viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} className="analysis-map__svg" role="group" aria-label={t('analysis.map.label')}>
            {SHAPES.map((s) => {
              const key = data.valueOf.get(s.number);
              const m = municipalities.get(s.number);
              const clickable = responseOf.has(s.number);
              const label = `${m?.name ?? s.name} (${s.number}): ${valueLabel(s.number)}`;
              return (
                <path
                  key={s.number}
                  d={s.d}
                  fill={colourOf.get(key ?? '') ?? MAP_COLOURS.none}
                  className={clickable ? 'analysis-map__shape analysis-map__shape--link' : 'analysis-map__shape'}
                  data-testid="map-municipality"
                  data-number={s.number}
                  data-value={key ?? ''}
                  role={clickable ? 'button' : 'img'}
                  aria-label={label}
                  tabIndex={s.number === stop ? 0 : -1}
                  onMouseMove={(e) => {
                    const box = (e.currentTarget.ownerSVGElement?.parentElement ?? e.currentTarget).getBoundingClientRect();
                    setHover({ number: s.number, x: e.clientX - box.left, y: e.clientY - box.top });
                  }}
                  onFocus={(e) => {
                    const frame = e.currentTarget.ownerSVGElement?.parentElement?.getBoundingClientRect();
                    const b = e.currentTarget.getBoundingClientRect();
                    setHover({ number: s.number, x: b.left + b.width / 2 - (frame?.left ?? 0), y: b.top + b.height / 2 - (frame?.top ?? 0) });
                  }}
                  onBlur={() => setHover(null)}
                  onClick={() => open(s.number)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      open(s.number);
                      return;
                    }
                    if (e.altKey || e.ctrlKey || e.metaKey) return;
                    const target = mapKeyTarget(mapPoints(), s.number, e.key);
                    if (target) {
                      e.preventDefault();
                      moveFocus(target);
                    }
                  }}
                />
              );
            })}
            <path d={outline} className="analysis-map__outline" aria-hidden="true" />
            <path d={districtBorders} className="analysis-map__districts" aria-hidden="true" data-testid="map-district-borders" />
          </svg>
          <span className="analysis-map__attribution">© Kartverket</span>
          {hover && (
            <div className="analysis-map__tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }} data-testid="map-tooltip" role="status">
              <strong>
                {nameOf(hover.number)} ({hover.number})
              </strong>
              {hovered && (
                <>
                  <div>{t('analysis.map.county', { name: hovered.countyName })}</div>
                  <div>{t('analysis.map.district', { name: hovered.policeDistrictName })}</div>
                  <div>{t('analysis.map.population', { n: formatNumber(hovered.population) })}</div>
                </>
              )}
              <div>{valueLabel(hover.number)}</div>
            </div>
          )}
        </div>
        <ul className="analysis-map__legend" data-testid="map-legend">
          {data.categories.map((c) => (
            <li key={c.key} data-testid="map-legend-item" data-key={c.key}>
              <span className="analysis-map__swatch" style={{ background: c.colour }} aria-hidden="true" />
              {c.label}: <span data-testid="map-legend-count">{counts.get(c.key) ?? 0}</span>
            </li>
          ))}
          <li>
            <span className="analysis-map__swatch analysis-map__swatch--line" aria-hidden="true" />
            {t('analysis.map.districtBorders')}
          </li>
        </ul>
      </div>
      <Paragraph data-size="xs" className="analysis-muted">
        {t('analysis.map.hint')}
      </Paragraph>
      <MapTable shapes={SHAPES} layer={data} municipalities={municipalities} />
    </div>
  );
}
