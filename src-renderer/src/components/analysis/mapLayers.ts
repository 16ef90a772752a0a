// What the map colours each municipality by, as pure data: a layer id names
// what is shown (has answered, a variable, one option of a multiple-choice
// variable, or a code), and the builders below turn the response lists the
// API gave into a category per municipality with the legend's categories.
// Every municipality of the register gets a category: one without a current
// response is *ikke svart*, one with a response but no value *ikke kodet*.
import { MAP_COLOURS } from '../../../../src-shared/charts/map';
import type { ResponseSummary } from '../../../../src-shared/domain';

const PALETTE = MAP_COLOURS.palette;

export type LayerId = 'answered' | `variable:${string}` | `option:${string}` | `code:${string}`;

export const isLayer = (value: string): value is LayerId =>
  value === 'answered' || value.startsWith('variable:') || value.startsWith('option:') || value.startsWith('code:');

/** The variable (and, for a multiple-choice option layer, the option) a layer shows. */
export function variableLayer(layer: LayerId): { variableId: string; value: string | null } | null {
  if (layer.startsWith('variable:')) return { variableId: layer.slice('variable:'.length), value: null };
  if (!layer.startsWith('option:')) return null;
  const rest = layer.slice('option:'.length);
  const at = rest.indexOf('=');
  return { variableId: rest.slice(0, at), value: rest.slice(at + 1) };
}

/** The code a layer shows, if it is a code layer. */
export const codeLayer = (layer: LayerId): string | null => (layer.startsWith('code:') ? layer.slice('code:'.length) : null);

export interface Category {
  key: string;
  label: string;
  colour: string;
}

export interface LayerData {
  categories: Category[];
  /** Municipality number → category key. */
  valueOf: Map<string, string>;
}

/** The legend's words, in the user's language. */
export interface LayerLabels {
  answered: string;
  notAnswered: string;
  otherChoices: string;
  coded: string;
  notCoded: string;
  ikkeKodet: string;
  ikkeSvart: string;
}

export interface OptionRow {
  value: string;
  label: string;
}

/** Municipality number → the id of its current response, from a response list. */
export function currentByMunicipality(list: readonly ResponseSummary[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const r of list) if (r.isCurrent && r.municipality) map.set(r.municipality.number, r.id);
  return map;
}

/** Each municipality: answered (a current response) or not. */
export function answeredLayer(municipalities: Iterable<string>, answered: ReadonlySet<string>, labels: LayerLabels): LayerData {
  const valueOf = new Map<string, string>();
  for (const n of municipalities) valueOf.set(n, answered.has(n) ? 'yes' : 'no');
  return {
    categories: [
      { key: 'yes', label: labels.answered, colour: MAP_COLOURS.answered },
      { key: 'no', label: labels.notAnswered, colour: MAP_COLOURS.none },
    ],
    valueOf,
  };
}

/** The starting point of every other layer: *ikke kodet* where answered, else *ikke svart*. */
function unvalued(municipalities: Iterable<string>, answered: ReadonlySet<string>): Map<string, string> {
  const valueOf = new Map<string, string>();
  for (const n of municipalities) valueOf.set(n, answered.has(n) ? 'ikke_kodet' : 'ikke_svart');
  return valueOf;
}

const missing = (labels: LayerLabels): Category[] => [
  { key: 'ikke_kodet', label: labels.ikkeKodet, colour: MAP_COLOURS.muted },
  { key: 'ikke_svart', label: labels.ikkeSvart, colour: MAP_COLOURS.none },
];

/**
 * A single-choice variable: each municipality in the colour of its option.
 * `lists[i]` is the response list filtered to `options[i]`.
 */
export function variableLayerData(
  municipalities: Iterable<string>,
  answered: ReadonlySet<string>,
  options: readonly OptionRow[],
  lists: readonly (readonly ResponseSummary[])[],
  labels: LayerLabels,
): LayerData {
  const valueOf = unvalued(municipalities, answered);
  lists.forEach((list, i) => {
    for (const n of currentByMunicipality(list).keys()) valueOf.set(n, options[i].value);
  });
  return {
    categories: [...options.map((o, i) => ({ key: o.value, label: o.label, colour: PALETTE[i % PALETTE.length] })), ...missing(labels)],
    valueOf,
  };
}

/**
 * One option of a multiple-choice variable: *chosen* if the municipality
 * chose it (whatever else it chose), *other choices* if it chose only others
 * — which needs every option's list to tell from *ikke kodet*.
 */
export function optionLayerData(
  municipalities: Iterable<string>,
  answered: ReadonlySet<string>,
  options: readonly OptionRow[],
  lists: readonly (readonly ResponseSummary[])[],
  chosenOption: string,
  labels: LayerLabels,
): LayerData {
  const valueOf = unvalued(municipalities, answered);
  const chosen = options.findIndex((o) => o.value === chosenOption);
  lists.forEach((list, i) => {
    for (const n of currentByMunicipality(list).keys()) {
      if (i === chosen) valueOf.set(n, 'chosen');
      else if (valueOf.get(n) !== 'chosen') valueOf.set(n, 'other');
    }
  });
  return {
    categories: [
      { key: 'chosen', label: options[chosen]?.label ?? chosenOption, colour: PALETTE[1] },
      { key: 'other', label: labels.otherChoices, colour: PALETTE[4 % PALETTE.length] },
      ...missing(labels),
    ],
    valueOf,
  };
}

/** A code: *kodet* where the current response has a coding of it. `list` is the response list filtered to the code. */
export function codeLayerData(municipalities: Iterable<string>, answered: ReadonlySet<string>, list: readonly ResponseSummary[], labels: LayerLabels): LayerData {
  const valueOf = unvalued(municipalities, answered);
  for (const n of currentByMunicipality(list).keys()) valueOf.set(n, 'coded');
  return {
    categories: [
      { key: 'coded', label: labels.coded, colour: PALETTE[1] },
      { key: 'ikke_kodet', label: labels.notCoded, colour: MAP_COLOURS.muted },
      { key: 'ikke_svart', label: labels.ikkeSvart, colour: MAP_COLOURS.none },
    ],
    valueOf,
  };
}
