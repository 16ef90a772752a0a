// Cleans a respondent's name as written before it is matched or stored: the
// consultation site's listing labels («(uten merknader)») are taken off and
// kept, and a leading «Fra»/«Frå» is dropped («Fra Dyrøy kommune» → «Dyrøy kommune»).

/** Labels that listing pages put after a respondent's name; they say something about the response, not who sent it. */
const LISTING_LABEL = /\s*\(\s*((?:uten|ingen|utan|ikkje|ikke)\s+(?:merknad(?:er)?|kommentar(?:er)?|innspel|innspill|fråsegn)|ingen\s+merknader\s+til\s+høringen)\s*\)\s*$/iu;

export interface CleanName {
  name: string;
  /** The listing label taken off, e.g. "uten merknader"; null when there was none. */
  label: string | null;
}

export function cleanRespondentName(raw: string): CleanName {
  let name = raw.replace(/\s+/g, ' ').trim();
  let label: string | null = null;
  const labelled = LISTING_LABEL.exec(name);
  if (labelled) {
    label = labelled[1].replace(/\s+/g, ' ').toLocaleLowerCase('nb');
    name = name.slice(0, labelled.index).trim();
  }
  name = name.replace(/^(?:fra|frå)\s+(?=\S)/iu, '');
  return { name, label };
}
