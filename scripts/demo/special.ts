// The deliberate oddities of the demo batch: joint statements shared word for
// word by several municipalities, respondents that are not municipalities,
// hints that let a caseworker resolve the two Herøys, and the note a
// municipality puts on a resubmitted answer. All text is invented.
import type { Lang } from './phrases';

export interface JointStatement {
  body: string;
  question: 1 | 2 | 3 | 4 | 5;
  lang: Lang;
  members: string[];
  text: string;
  /** A member that pasted the statement with small edits (near-duplicate). */
  edited?: { member: string; text: string };
}

export const JOINT_STATEMENTS: JointStatement[] = [
  {
    body: 'Regionrådet for Nord-Troms',
    question: 2,
    lang: 'nb',
    members: ['5424', '5425', '5426', '5427', '5428', '5429'],
    text:
      'Regionrådet for Nord-Troms står bak følgende felles uttalelse: Kommunene i Nord-Troms opplever at politiets tilstedeværelse i regionen er svekket de siste årene. ' +
      'Med store avstander, fjelloverganger som ofte stenges vinterstid og én patrulje som skal dekke seks kommuner, er responstiden ikke akseptabel. ' +
      'Kommunene ber om at det etableres en døgnbemannet patrulje i regionen, og at tjenestestedet i regionen styrkes med flere årsverk og faste åpningstider for sivile tjenester.',
    edited: {
      member: '5429',
      text:
        'Regionrådet for Nord-Troms står bak følgende felles uttalelse, som kommunen slutter seg til: Kommunene i Nord-Troms opplever at politiets tilstedeværelse i regionen er betydelig svekket de siste årene. ' +
        'Med store avstander, fjelloverganger som ofte stenges vinterstid og én patrulje som skal dekke seks kommuner, er responstiden ikke akseptabel. ' +
        'Kommunene ber om at det etableres en døgnbemannet patrulje i regionen, og at tjenestestedet i regionen styrkes med flere årsverk.',
    },
  },
  {
    body: 'Regionrådet for Sogn',
    question: 1,
    lang: 'nn',
    members: ['4639', '4640', '4641', '4642', '4643', '4644'],
    text:
      'Regionrådet for Sogn står bak følgjande felles fråsegn: Sogn er ein region med lange fjordar, tunnelar og fjellovergangar der ras, flaum og stengde vegar er ein del av kvardagen. ' +
      'Beredskapen i regionen er avhengig av at politiet er til stades lokalt og kjenner geografien. ' +
      'Kommunane i Sogn ber om at politiet styrkjer patruljeringa i regionen, tek fast del i dei kommunale beredskapsråda og gjennomfører felles øvingar med kommunane minst éin gong i året.',
  },
  {
    body: 'Regionrådet for Vesterålen',
    question: 3,
    lang: 'nb',
    members: ['1866', '1867', '1868', '1870', '1871', '1851'],
    text:
      'Regionrådet for Vesterålen står bak følgende felles uttalelse: Kommunene i Vesterålen ønsker å videreutvikle samarbeidet med politiet gjennom et felles regionalt politiråd, ' +
      'en felles SLT-koordinator for regionen og årlige beredskapsøvelser der politi, kommuner, Forsvaret og frivillige deltar. ' +
      'Kommunene er villige til å dele kostnadene til en felles SLT-koordinator etter folketall.',
  },
];

/** Respondents that are not municipalities (no number, unmatched on purpose). */
export const OTHER_RESPONDENTS = {
  statsforvalteren: {
    name: 'Statsforvalteren i Nordland',
    answers: {
      1: 'Statsforvalteren viser til at mange kommuner i Nordland peker på lange avstander, ekstremvær og bortfall av lokale tjenester som de største utfordringene. Vi deler denne vurderingen.',
      2: '',
      3: 'Statsforvalteren bidrar gjerne i arbeidet med å styrke samarbeidet om samfunnssikkerhet og beredskap, blant annet gjennom fylkesberedskapsrådet og felles øvelser med kommunene.',
      4: 'Tilgjengelighet i distriktene bør vektlegges særskilt.',
      5: '',
    },
  },
  ks: {
    name: 'KS Agder',
    answers: {
      1: 'KS Agder er opptatt av at utfordringene i kommunene ses i sammenheng, særlig innen forebygging blant barn og unge og arbeidet mot vold i nære relasjoner.',
      2: '',
      3: 'KS Agder anbefaler at samarbeidet mellom kommunene og politiet forankres i politiråd i alle kommuner, og at erfaringene fra SLT-arbeidet deles på tvers av regionen.',
      4: '',
      5: '',
    },
  },
} as const;

/** A sentence in each Herøy's answer that tells them apart (the name alone does not). */
export const HEROY_HINT: Record<string, { lang: Lang; text: string }> = {
  '1515': { lang: 'nn', text: 'Kommunane på Søre Sunnmøre har eit godt samarbeid om beredskap, og vi ønskjer at politiet tek fast del i dette.' },
  '1818': { lang: 'nb', text: 'Kommunene på Helgelandskysten samarbeider godt om beredskap, og vi ønsker at politiet deltar fast i dette arbeidet.' },
};

export const OSLO_EXTRA =
  'Samarbeidet mellom bydelene og politiets enheter, blant annet gjennom SaLTo-modellen, bør videreutvikles, og politiet bør ha faste kontaktpersoner i alle bydeler.';

export function resubmissionNote(lang: Lang, firstDate: string, meeting: string): string {
  return lang === 'nb'
    ? `Oppdatert svar etter behandling i kommunestyret ${meeting}. Dette svaret erstatter svaret kommunen sendte ${firstDate}.`
    : `Oppdatert svar etter handsaming i kommunestyret ${meeting}. Dette svaret erstattar svaret kommunen sende ${firstDate}.`;
}

/** A letter's answer to a question it skips (the same in bokmål and nynorsk). */
export const NO_COMMENT = 'Kommunen har ingen merknader til dette punktet.';
