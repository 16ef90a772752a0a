// Phrase banks for the synthetic demo answers, in bokmål (nb) and nynorsk
// (nn). Every sentence is invented for the demo: none is quoted from a real
// response. Placeholders in {braces} are filled per municipality (compose.ts).
// A sentence may carry a condition: it is used only where it makes sense
// (e.g. "the office was closed" only where the profile says so).

export type Lang = 'nb' | 'nn';
export type Cond = 'lost' | 'notlost' | 'liten' | 'stor' | 'ikkeliten' | 'ikkestor' | 'kyst' | 'innland' | 'sitat';
export type Sentence = string | { t: string; when: Cond };
export type Bank = Record<Lang, Sentence[]>;

export const THEMES = ['ungdom', 'vold', 'digital', 'ekstremvaer', 'avstand', 'sivile', 'radikalisering', 'arbeidsliv'] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_LABEL: Record<Theme, Record<Lang, string>> = {
  ungdom: { nb: 'Ungdomskriminalitet og rus', nn: 'Ungdomskriminalitet og rus' },
  vold: { nb: 'Vold i nære relasjoner', nn: 'Vald i nære relasjonar' },
  digital: { nb: 'Digital kriminalitet og nettovergrep', nn: 'Digital kriminalitet og nettovergrep' },
  ekstremvaer: { nb: 'Ekstremvær, flom og skred', nn: 'Ekstremvêr, flaum og skred' },
  avstand: { nb: 'Lange avstander og lang responstid', nn: 'Lange avstandar og lang responstid' },
  sivile: { nb: 'Sivile tjenester som pass og våpenkort', nn: 'Sivile tenester som pass og våpenkort' },
  radikalisering: { nb: 'Radikalisering og voldelig ekstremisme', nn: 'Radikalisering og valdeleg ekstremisme' },
  arbeidsliv: { nb: 'Arbeidslivskriminalitet', nn: 'Arbeidslivskriminalitet' },
};

export const Q1_THEME: Record<Theme, Bank> = {
  ungdom: {
    nb: [
      'Vi ser en økning i ungdomskriminalitet og rusbruk blant unge, særlig i helgene og i forbindelse med arrangementer. Det er behov for et tettere forebyggende samarbeid med politiet, og for at politiet kjenner ungdomsmiljøene.',
      'Rusmiddelbruk blant ungdom, også cannabis, bekymrer oss. Tilbakemeldinger fra skolene og helsestasjon for ungdom tyder på at rusmidler er lettere tilgjengelig enn før.',
      'Det har vært flere episoder med grupper av ungdom som står bak hærverk, trusler og vold i sentrum av {senter}. Kommunen trenger et politi som er til stede der ungdommen er, og som kan følge opp bekymringssamtaler raskt.',
      'Forebygging blant barn og unge er kommunens viktigste satsing. Vi ser en liten gruppe ungdom med sammensatte utfordringer, der rus, skolefravær og kriminalitet henger sammen.',
    ],
    nn: [
      'Vi ser ein auke i ungdomskriminalitet og rusbruk blant unge, særleg i helgane og i samband med arrangement. Det er behov for eit tettare førebyggjande samarbeid med politiet, og for at politiet kjenner ungdomsmiljøa.',
      'Rusbruk blant ungdom, også cannabis, uroar oss. Tilbakemeldingar frå skulane og helsestasjonen for ungdom tyder på at rusmiddel er lettare tilgjengelege enn før.',
      'Det har vore fleire episodar med grupper av ungdom som står bak hærverk, truslar og vald i sentrum av {senter}. Kommunen treng eit politi som er til stades der ungdommen er, og som kan følgje opp uromeldingar raskt.',
      'Førebygging blant born og unge er den viktigaste satsinga til kommunen. Vi ser ei lita gruppe ungdom med samansette utfordringar, der rus, skulefråvær og kriminalitet heng saman.',
    ],
  },
  vold: {
    nb: [
      'Vold i nære relasjoner er et område der kommunen ser behov for bedre samhandling med politiet, blant annet om risikovurderinger og oppfølging av barn som lever med vold.',
      { t: 'Saker om vold og overgrep i nære relasjoner krever rask og koordinert innsats. Krisesentertilbudet er interkommunalt, og avstanden til politiet gjør det krevende å gi god nok oppfølging.', when: 'ikkestor' },
      'Vi forventer at arbeidet mot vold i nære relasjoner vil kreve mer ressurser de kommende årene, og ønsker at politiet deltar aktivt i arbeidet med kommunens handlingsplan på området.',
      'Tiden fra bekymringsmelding til avhør i saker om vold mot barn er for lang, og innbyggerne opplever at etterforskningen skjer langt unna.',
    ],
    nn: [
      'Vald i nære relasjonar er eit område der kommunen ser behov for betre samhandling med politiet, mellom anna om risikovurderingar og oppfølging av born som lever med vald.',
      { t: 'Saker om vald og overgrep i nære relasjonar krev rask og samordna innsats. Krisesentertilbodet er interkommunalt, og avstanden til politiet gjer det krevjande å gje god nok oppfølging.', when: 'ikkestor' },
      'Vi reknar med at arbeidet mot vald i nære relasjonar vil krevje meir ressursar dei komande åra, og ønskjer at politiet tek aktivt del i arbeidet med handlingsplanen til kommunen.',
      'Tida frå uromelding til avhøyr i saker om vald mot born er for lang, og innbyggjarane opplever at etterforskinga skjer langt unna.',
    ],
  },
  digital: {
    nb: [
      'Digital kriminalitet og nettovergrep mot barn er en voksende utfordring. Foreldre og skoler etterlyser mer kunnskap, og politiets forebyggende arbeid på nett bør styrkes.',
      'Vi ser flere saker med bedrageri mot eldre via telefon og internett. Dette krever kompetanse som kommunen ikke har selv, og innbyggerne vet ofte ikke hvor de skal henvende seg.',
      'Deling av krenkende bilder blant unge og nettovergrep er et økende problem, og skolene trenger politiets hjelp i undervisning og oppfølging.',
      { t: 'Digitale angrep mot kommunens egne systemer er en reell trussel. Kommunen trenger et nært samarbeid med politiet om varsling og håndtering av slike hendelser.', when: 'ikkeliten' },
    ],
    nn: [
      'Digital kriminalitet og nettovergrep mot born er ei aukande utfordring. Foreldre og skular etterlyser meir kunnskap, og det førebyggjande arbeidet til politiet på nett bør styrkjast.',
      'Vi ser fleire saker med svindel mot eldre via telefon og internett. Dette krev kompetanse som kommunen ikkje har sjølv, og innbyggjarane veit ofte ikkje kvar dei skal vende seg.',
      'Deling av krenkjande bilete blant unge og nettovergrep er eit aukande problem, og skulane treng hjelp frå politiet i undervisning og oppfølging.',
      { t: 'Digitale åtak mot dei kommunale systema er eit reelt trugsmål. Kommunen treng eit nært samarbeid med politiet om varsling og handtering av slike hendingar.', when: 'ikkeliten' },
    ],
  },
  ekstremvaer: {
    nb: [
      'Klimaendringene gir oftere ekstremvær med {farer}. Ved slike hendelser er deler av kommunen avskåret i timevis, og kommunen må i praksis håndtere den første fasen alene.',
      'Beredskapen ved {farer} er en stor utfordring. Erfaringene fra de siste årene viser at politiets innsatsleder ofte kommer sent fram til skadestedet.',
      'Vi er avhengige av et politi som deltar i kommunens beredskapsplanlegging og øvelser, særlig med tanke på ekstremvær, bortfall av strøm og ekom og evakuering av innbyggere.',
      'Kommunen har flere strekninger der veien stenges ved ras- og flomfare. Da er det avgjørende at politiet har lokal kunnskap og kan lede innsatsen fra stedet.',
    ],
    nn: [
      'Klimaendringane gjev oftare ekstremvêr med {farer}. Ved slike hendingar er delar av kommunen avskorne i timevis, og kommunen må i praksis handtere den første fasen åleine.',
      'Beredskapen ved {farer} er ei stor utfordring. Erfaringane frå dei siste åra viser at innsatsleiaren til politiet ofte kjem seint fram til skadestaden.',
      'Vi er avhengige av eit politi som tek del i beredskapsplanlegginga og øvingane til kommunen, særleg med tanke på ekstremvêr, bortfall av straum og ekom og evakuering av innbyggjarar.',
      'Kommunen har fleire strekningar der vegen blir stengd ved ras- og flaumfare. Då er det avgjerande at politiet har lokal kunnskap og kan leie innsatsen frå staden.',
    ],
  },
  avstand: {
    nb: [
      { t: 'Lange avstander og lang responstid er den største utfordringen. Nærmeste patrulje kan være {min} minutter unna, og på kvelds- og nattestid er det ofte ingen patrulje i kommunen i det hele tatt.', when: 'ikkestor' },
      { t: 'Det er om lag {km} kilometer til nærmeste tjenestested. Innbyggerne opplever at politiet har trukket seg ut av distriktet, og det svekker tryggheten.', when: 'ikkestor' },
      { t: 'Responstiden i kommunen er for lang. For innbyggerne i de ytre delene av kommunen kan det ta over {min} minutter før politiet er på stedet ved hendelser med høy prioritet.', when: 'ikkestor' },
      'Når patruljen er opptatt i en annen del av politidistriktet, står kommunen i praksis uten politi. Dette er en utfordring både for tryggheten og for beredskapen.',
    ],
    nn: [
      { t: 'Lange avstandar og lang responstid er den største utfordringa. Næraste patrulje kan vere {min} minutt unna, og på kvelds- og nattetid er det ofte ingen patrulje i kommunen i det heile.', when: 'ikkestor' },
      { t: 'Det er om lag {km} kilometer til næraste tenestestad. Innbyggjarane opplever at politiet har trekt seg ut av distriktet, og det svekkjer tryggleiken.', when: 'ikkestor' },
      { t: 'Responstida i kommunen er for lang. For innbyggjarane i dei ytre delane av kommunen kan det ta over {min} minutt før politiet er på staden ved hendingar med høg prioritet.', when: 'ikkestor' },
      'Når patruljen er oppteken i ein annan del av politidistriktet, står kommunen i praksis utan politi. Dette er ei utfordring både for tryggleiken og for beredskapen.',
    ],
  },
  sivile: {
    nb: [
      { t: 'Sivile tjenester som pass og våpenkort er vanskelig tilgjengelige. Innbyggerne må reise til {passby} for å søke om pass, og det tar ofte en hel arbeidsdag.', when: 'ikkestor' },
      'Lang saksbehandlingstid for våpenkort er en utfordring for jegere og skyttere i kommunen, og ventetiden for passtimer har økt.',
      { t: 'Tilgangen til sivile tjenester, som pass og hittegods, er svekket etter at det lokale kontoret ble lagt ned.', when: 'lost' },
      'Flere innbyggere, særlig eldre, har behov for å møte politiet fysisk når de skal søke om pass eller levere anmeldelser. Digitale løsninger passer ikke for alle.',
    ],
    nn: [
      { t: 'Sivile tenester som pass og våpenkort er vanskeleg tilgjengelege. Innbyggjarane må reise til {passby} for å søkje om pass, og det tek ofte ein heil arbeidsdag.', when: 'ikkestor' },
      'Lang sakshandsamingstid for våpenkort er ei utfordring for jegerar og skyttarar i kommunen, og ventetida for passtimar har auka.',
      { t: 'Tilgangen til sivile tenester, som pass og hittegods, er svekt etter at det lokale kontoret vart lagt ned.', when: 'lost' },
      'Fleire innbyggjarar, særleg eldre, har behov for å møte politiet fysisk når dei skal søkje om pass eller levere meldingar. Digitale løysingar passar ikkje for alle.',
    ],
  },
  radikalisering: {
    nb: [
      'Radikalisering og voldelig ekstremisme er et område der kommunen trenger politiets kompetanse, både i skolene og i oppfølgingen av enkeltpersoner.',
      'Vi ser tegn til polarisering og hatefulle ytringer på nett, også lokalt. Forebyggende arbeid mot radikalisering må prioriteres i samarbeid med politiet.',
      'Kommunen har de siste årene fått flere bekymringsmeldinger om radikalisering. Det er behov for en fast kontaktperson i politiet og tydelige rutiner for informasjonsdeling.',
    ],
    nn: [
      'Radikalisering og valdeleg ekstremisme er eit område der kommunen treng kompetansen til politiet, både i skulane og i oppfølginga av enkeltpersonar.',
      'Vi ser teikn til polarisering og hatefulle ytringar på nett, også lokalt. Førebyggjande arbeid mot radikalisering må prioriterast i samarbeid med politiet.',
      'Kommunen har dei siste åra fått fleire uromeldingar om radikalisering. Det er behov for ein fast kontaktperson i politiet og tydelege rutinar for informasjonsdeling.',
    ],
  },
  arbeidsliv: {
    nb: [
      'Arbeidslivskriminalitet er en økende utfordring, særlig i {naering}. Kommunen ønsker tettere samarbeid med politiet og a-krimsenteret om kontroller og informasjonsdeling.',
      { t: 'Store utbyggingsprosjekter i kommunen de kommende årene vil gi mange innleide arbeidstakere. Erfaringsmessig øker da risikoen for sosial dumping og arbeidslivskriminalitet.', when: 'ikkeliten' },
      'Vi ser behov for et bedre samarbeid om arbeidslivskriminalitet i {naering}, der kommunen som tilsynsmyndighet og innkjøper har en viktig rolle sammen med politiet.',
    ],
    nn: [
      'Arbeidslivskriminalitet er ei aukande utfordring, særleg i {naering}. Kommunen ønskjer tettare samarbeid med politiet og a-krimsenteret om kontrollar og informasjonsdeling.',
      { t: 'Store utbyggingsprosjekt i kommunen dei komande åra vil gje mange innleigde arbeidstakarar. Erfaringsmessig aukar då risikoen for sosial dumping og arbeidslivskriminalitet.', when: 'ikkeliten' },
      'Vi ser behov for betre samarbeid om arbeidslivskriminalitet i {naering}, der kommunen som tilsynsmynde og innkjøpar har ei viktig rolle saman med politiet.',
    ],
  },
};

export const Q1_INTRO_PROSE: Bank = {
  nb: [
    '{navn} kommune ser flere utfordringer innenfor forebygging, beredskap og sivile tjenester de neste årene.',
    'Kommunedirektøren har innhentet innspill fra kommunens tjenester, og utfordringene kan oppsummeres slik.',
    'Som en kommune i {fylke} står vi overfor noen særlige utfordringer de kommende årene.',
  ],
  nn: [
    '{navn} kommune ser fleire utfordringar innanfor førebygging, beredskap og sivile tenester dei neste åra.',
    'Kommunedirektøren har henta inn innspel frå dei kommunale tenestene, og utfordringane kan samanfattast slik.',
    'Som ein kommune i {fylke} står vi overfor nokre særlege utfordringar dei komande åra.',
  ],
};

export const Q1_INTRO_LIST: Bank = {
  nb: [
    'De største utfordringene for kommunen de neste årene er etter vår vurdering:',
    'Kommunen vil særlig trekke fram disse utfordringene:',
    'Vi ser disse hovedutfordringene:',
  ],
  nn: [
    'Dei største utfordringane for kommunen dei neste åra er etter vår vurdering:',
    'Kommunen vil særleg trekkje fram desse utfordringane:',
    'Vi ser desse hovudutfordringane:',
  ],
};

/** Opens a "- "-bulleted answer; {a} and {b} are theme labels in lower case. */
export const Q1_DASH_OPENER: Record<Lang, string> = {
  nb: '- Vi mener at utfordringene de neste årene særlig gjelder {a}, men også {b}.',
  nn: '- Vi meiner at utfordringane dei neste åra særleg gjeld {a}, men også {b}.',
};

export const Q1_CLOSER: Bank = {
  nb: [
    { t: 'Som en liten kommune med om lag {innb} innbyggere har vi begrenset kapasitet til å løse disse oppgavene alene.', when: 'liten' },
    { t: 'Med en voksende befolkning forventer vi at presset på både forebygging og beredskap vil øke, og at behovet for et synlig politi blir større.', when: 'stor' },
    'Kommunen forventer at disse utfordringene vil øke i årene som kommer, og at de krever et tettere samarbeid på tvers av sektorer.',
  ],
  nn: [
    { t: 'Som ein liten kommune med om lag {innb} innbyggjarar har vi avgrensa kapasitet til å løyse desse oppgåvene åleine.', when: 'liten' },
    { t: 'Med ein veksande folkesetnad reknar vi med at presset på både førebygging og beredskap vil auke, og at behovet for eit synleg politi blir større.', when: 'stor' },
    'Kommunen reknar med at desse utfordringane vil auke i åra som kjem, og at dei krev eit tettare samarbeid på tvers av sektorar.',
  ],
};

export type Verdict = 'ja' | 'delvis' | 'nei';

export const Q2_OPENER: Record<Verdict, Bank> = {
  ja: {
    nb: [
      'Ja, kommunen er i hovedsak tilfreds med politiets tjenestetilbud.',
      'Kommunen er tilfreds med samarbeidet med politiet og med tilbudet slik det er i dag.',
      'Ja. Vi opplever at politiet er tilgjengelig og at samarbeidet fungerer godt.',
    ],
    nn: [
      'Ja, kommunen er i hovudsak nøgd med tenestetilbodet til politiet.',
      'Kommunen er nøgd med samarbeidet med politiet og med tilbodet slik det er i dag.',
      'Ja. Vi opplever at politiet er tilgjengeleg og at samarbeidet fungerer godt.',
    ],
  },
  delvis: {
    nb: [
      'Kommunen er delvis tilfreds.',
      'Både ja og nei. Samarbeidet med politikontakten fungerer godt, men vi er ikke tilfreds med tjenestestedstrukturen.',
      'Vi er tilfreds med samarbeidet i politirådet, men ikke med bemanningsutviklingen i vårt område.',
      'Kommunen er tilfreds med den lokale kontakten, men mener tilbudet er for svakt når det kommer til tilstedeværelse og responstid.',
    ],
    nn: [
      'Kommunen er delvis nøgd.',
      'Både ja og nei. Samarbeidet med politikontakten fungerer godt, men vi er ikkje nøgde med tenestestadstrukturen.',
      'Vi er nøgde med samarbeidet i politirådet, men ikkje med bemanningsutviklinga i vårt område.',
      'Kommunen er nøgd med den lokale kontakten, men meiner tilbodet er for svakt når det kjem til nærvær og responstid.',
    ],
  },
  nei: {
    nb: [
      'Nei, kommunen er ikke tilfreds med utviklingen.',
      'Kommunen er ikke tilfreds med bemanningsutviklingen, tjenestestedstrukturen eller tilbudet i kommunen.',
      'Nei. Etter nærpolitireformen har tilbudet i kommunen blitt vesentlig dårligere.',
      'Nei. Innbyggerne opplever at politiet har blitt mindre tilgjengelig.',
    ],
    nn: [
      'Nei, kommunen er ikkje nøgd med utviklinga.',
      'Kommunen er ikkje nøgd med bemanningsutviklinga, tenestestadstrukturen eller tilbodet i kommunen.',
      'Nei. Etter nærpolitireforma har tilbodet i kommunen vorte vesentleg dårlegare.',
      'Nei. Innbyggjarane opplever at politiet har vorte mindre tilgjengeleg.',
    ],
  },
};

export const Q2_POSITIVE: Bank = {
  nb: [
    'Politikontakten deltar jevnlig i møter med kommunen, og vi har god dialog gjennom politirådet.',
    'Politiet er synlig ved større arrangementer og i sentrum i helgene, noe innbyggerne setter pris på.',
    'Vi merker at bemanningen i {distrikt} er styrket de siste årene.',
    { t: 'Tjenestestedet i kommunen har gode åpningstider, og pass kan bestilles uten lang ventetid.', when: 'notlost' },
  ],
  nn: [
    'Politikontakten tek jamleg del i møte med kommunen, og vi har god dialog gjennom politirådet.',
    'Politiet er synleg ved større arrangement og i sentrum i helgane, noko innbyggjarane set pris på.',
    'Vi merkar at bemanninga i {distrikt} er styrkt dei siste åra.',
    { t: 'Tenestestaden i kommunen har gode opningstider, og pass kan bestillast utan lang ventetid.', when: 'notlost' },
  ],
};

export const Q2_CAVEAT: Bank = {
  nb: [
    'Vi ønsker likevel at den forebyggende innsatsen overfor ungdom prioriteres høyere.',
    'Det er likevel viktig at dagens nivå opprettholdes.',
  ],
  nn: [
    'Vi ønskjer likevel at den førebyggjande innsatsen retta mot ungdom blir prioritert høgare.',
    'Det er likevel viktig at dagens nivå blir halde oppe.',
  ],
};

export const REASONS = ['nedlagt', 'patruljer', 'responstid', 'pass', 'synlig', 'bemanning'] as const;
export type Reason = (typeof REASONS)[number];

export const Q2_REASON: Record<Reason, Bank> = {
  nedlagt: {
    nb: [
      'Lensmannskontoret i {senter} ble lagt ned i {aar}, og siden da har politiet i praksis vært fraværende i hverdagen.',
      'Etter at tjenestestedet ble lagt ned i {aar}, må innbyggerne forholde seg til et politi som holder til {km} kilometer unna.',
    ],
    nn: [
      'Lensmannskontoret i {senter} vart lagt ned i {aar}, og sidan har politiet i praksis vore fråverande i kvardagen.',
      'Etter at tenestestaden vart lagd ned i {aar}, må innbyggjarane halde seg til eit politi som held til {km} kilometer unna.',
    ],
  },
  patruljer: {
    nb: [
      { t: 'Det er færre patruljer i området, og patruljen skal dekke et svært stort geografisk område.', when: 'ikkestor' },
      { t: 'Patruljene er samlet i de større byene, og det er sjelden politiet er synlig i kommunen.', when: 'ikkestor' },
      { t: 'Det er for få patruljer ute i forhold til befolkningsveksten, og forebyggende patruljering blir ofte prioritert bort.', when: 'stor' },
    ],
    nn: [
      { t: 'Det er færre patruljar i området, og patruljen skal dekkje eit svært stort geografisk område.', when: 'ikkestor' },
      { t: 'Patruljane er samla i dei større byane, og det er sjeldan politiet er synleg i kommunen.', when: 'ikkestor' },
      { t: 'Det er for få patruljar ute i høve til folkeveksten, og førebyggjande patruljering blir ofte prioritert bort.', when: 'stor' },
    ],
  },
  responstid: {
    nb: [
      'Responstiden har økt, og innbyggerne opplever at det tar lang tid før politiet kommer når noe skjer.',
      'Responstiden ved hendelser med høy prioritet er ofte over {min} minutter.',
    ],
    nn: [
      'Responstida har auka, og innbyggjarane opplever at det tek lang tid før politiet kjem når noko skjer.',
      'Responstida ved hendingar med høg prioritet er ofte over {min} minutt.',
    ],
  },
  pass: {
    nb: [
      'Passkontoret ligger langt unna, og mange innbyggere må bruke en hel dag på å skaffe pass.',
      'Nærmeste passkontor er i {passby}, og det er lang ventetid på timer.',
    ],
    nn: [
      'Passkontoret ligg langt unna, og mange innbyggjarar må bruke ein heil dag på å skaffe pass.',
      'Næraste passkontor er i {passby}, og det er lang ventetid på timar.',
    ],
  },
  synlig: {
    nb: [
      'Politiet er lite synlig i kommunen, og den forebyggende kontakten med skoler og ungdom er svekket.',
      'Vi savner et politi som kjenner lokalsamfunnet og som innbyggerne vet hvem er.',
    ],
    nn: [
      'Politiet er lite synleg i kommunen, og den førebyggjande kontakten med skular og ungdom er svekt.',
      'Vi saknar eit politi som kjenner lokalsamfunnet, og som innbyggjarane veit kven er.',
    ],
  },
  bemanning: {
    nb: [
      { t: 'Økningen i bemanningen i politiet har i liten grad kommet distriktene til gode.', when: 'ikkestor' },
      'Vi kan ikke se at den nasjonale økningen i antall politifolk har gitt flere politifolk i vårt område.',
    ],
    nn: [
      { t: 'Auken i bemanninga i politiet har i liten grad kome distrikta til gode.', when: 'ikkestor' },
      'Vi kan ikkje sjå at den nasjonale auken i talet på politifolk har gjeve fleire politifolk i vårt område.',
    ],
  },
};

export const Q3_EXISTING: Bank = {
  nb: [
    'Kommunen har et politiråd som møtes {n} ganger i året, og samarbeidsavtalen med politiet ble fornyet i {avtaleaar}.',
    { t: 'Kommunen deler politikontakt med nabokommunene. Politikontakten gjør en god jobb, men har for lite tid til hver kommune.', when: 'liten' },
    { t: 'SLT-modellen er etablert i kommunen, og SLT-koordinatoren er bindeleddet mellom kommunen, politiet og de frivillige organisasjonene.', when: 'ikkeliten' },
    'Samarbeidet gjennom politirådet fungerer, men møtene har i for stor grad vært informasjonsmøter.',
    'Politikontakten er en viktig ressurs for kommunen og bør få mer tid til forebyggende arbeid lokalt.',
    { t: 'Kommunens handlingsplan "Trygg oppvekst" fra {avtaleaar} gir rammene for samarbeidet med politiet.', when: 'sitat' },
  ],
  nn: [
    'Kommunen har eit politiråd som møtest {n} gonger i året, og samarbeidsavtalen med politiet vart fornya i {avtaleaar}.',
    { t: 'Kommunen deler politikontakt med nabokommunane. Politikontakten gjer ein god jobb, men har for lite tid til kvar kommune.', when: 'liten' },
    { t: 'SLT-modellen er etablert i kommunen, og SLT-koordinatoren er bindeleddet mellom kommunen, politiet og dei frivillige organisasjonane.', when: 'ikkeliten' },
    'Samarbeidet gjennom politirådet fungerer, men møta har i for stor grad vore informasjonsmøte.',
    'Politikontakten er ein viktig ressurs for kommunen og bør få meir tid til førebyggjande arbeid lokalt.',
    { t: 'Handlingsplanen "Trygg oppvekst" frå {avtaleaar} gjev rammene for samarbeidet med politiet.', when: 'sitat' },
  ],
};

export const Q3_DEVELOP: Bank = {
  nb: [
    'Samarbeidet kan videreutvikles gjennom faste møtepunkter, felles beredskapsøvelser og bedre informasjonsdeling mellom politiet og kommunens tjenester.',
    'Vi ønsker et interkommunalt samarbeid med nabokommunene om SLT og beredskap, og at fylkeskommunen deltar der det er naturlig, for eksempel om de videregående skolene.',
    'Politiet bør delta fast i kommunens beredskapsråd og i arbeidet med helhetlig risiko- og sårbarhetsanalyse.',
    'Felles beredskapsøvelser med politi, brann og helse bør gjennomføres minst én gang i året.',
    'Det bør etableres en fast kontaktperson i politiet for kommunens kriseledelse.',
  ],
  nn: [
    'Samarbeidet kan vidareutviklast gjennom faste møtepunkt, felles beredskapsøvingar og betre informasjonsdeling mellom politiet og dei kommunale tenestene.',
    'Vi ønskjer eit interkommunalt samarbeid med nabokommunane om SLT og beredskap, og at fylkeskommunen tek del der det er naturleg, til dømes om dei vidaregåande skulane.',
    'Politiet bør ta fast del i beredskapsrådet til kommunen og i arbeidet med heilskapleg risiko- og sårbarheitsanalyse.',
    'Felles beredskapsøvingar med politi, brann og helse bør gjennomførast minst éin gong i året.',
    'Det bør etablerast ein fast kontaktperson i politiet for kriseleiinga i kommunen.',
  ],
};

export const Q3_RESOURCES: Bank = {
  nb: [
    'Kommunen kan stille kontorplass til disposisjon for politiet uten kostnad.',
    'Kommunen kan avsette deler av en stilling, for eksempel {pst} prosent, til koordinering av det forebyggende arbeidet sammen med politiet.',
    'Kommunen vil vurdere å avsette midler til en SLT-koordinator i budsjettet for {budsjettaar}.',
    'Kommunen har begrensede økonomiske ressurser, men kan bidra med lokaler, møterom og administrativ støtte.',
    'Kommunen har ikke mulighet til å avsette nye ressurser nå, men vil prioritere deltakelse i politirådet og felles øvelser.',
    'Kommunen kan bidra med egne ansatte i forebyggende team, blant annet fra helsestasjon for ungdom og barnevernet.',
  ],
  nn: [
    'Kommunen kan stille kontorplass til disposisjon for politiet utan kostnad.',
    'Kommunen kan setje av delar av ei stilling, til dømes {pst} prosent, til koordinering av det førebyggjande arbeidet saman med politiet.',
    'Kommunen vil vurdere å setje av midlar til ein SLT-koordinator i budsjettet for {budsjettaar}.',
    'Kommunen har avgrensa økonomiske ressursar, men kan bidra med lokale, møterom og administrativ støtte.',
    'Kommunen har ikkje høve til å setje av nye ressursar no, men vil prioritere deltaking i politirådet og felles øvingar.',
    'Kommunen kan bidra med eigne tilsette i førebyggjande team, mellom anna frå helsestasjonen for ungdom og barnevernet.',
  ],
};

export const CHANNELS = ['tjenestested', 'annetSted', 'oppmote', 'telefon', 'internett'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABEL: Record<Channel, Record<Lang, string>> = {
  tjenestested: { nb: 'Tjenestested', nn: 'Tenestestad' },
  annetSted: { nb: 'Fysisk tilstedeværelse annet sted', nn: 'Fysisk nærvær annan stad' },
  oppmote: { nb: 'Fysisk oppmøte', nn: 'Fysisk oppmøte' },
  telefon: { nb: 'Telefon', nn: 'Telefon' },
  internett: { nb: 'Internett', nn: 'Internett' },
};

export const Q4_CHANNEL: Record<Channel, Bank> = {
  tjenestested: {
    nb: [
      { t: 'Kommunen ønsker et tjenestested i kommunen med faste åpningstider, gjerne to dager i uka.', when: 'lost' },
      { t: 'Dagens tjenestested må opprettholdes, og åpningstidene bør utvides til også å gjelde ettermiddager.', when: 'notlost' },
      'Et tjenestested i regionen er tilstrekkelig dersom patruljene er mer ute og responstiden blir kortere.',
    ],
    nn: [
      { t: 'Kommunen ønskjer ein tenestestad i kommunen med faste opningstider, gjerne to dagar i veka.', when: 'lost' },
      { t: 'Dagens tenestestad må haldast oppe, og opningstidene bør utvidast til også å gjelde ettermiddagar.', when: 'notlost' },
      'Ein tenestestad i regionen er tilstrekkeleg dersom patruljane er meir ute og responstida blir kortare.',
    ],
  },
  annetSted: {
    nb: [
      'Politiet bør ha faste kontordager i rådhuset eller på servicetorget, for eksempel én dag i uka.',
      'Vi ønsker at politiet er fast til stede på skolene og på fritidsklubben, og at politikontakten har kontordag i kommunehuset.',
      { t: 'Mobile løsninger, som en politibil med utstyr for pass, kan være et godt supplement i spredtbygde strøk.', when: 'liten' },
    ],
    nn: [
      'Politiet bør ha faste kontordagar i rådhuset eller på servicetorget, til dømes éin dag i veka.',
      'Vi ønskjer at politiet er fast til stades på skulane og på fritidsklubben, og at politikontakten har kontordag i kommunehuset.',
      { t: 'Mobile løysingar, som ein politibil med utstyr for pass, kan vere eit godt supplement i spreiddbygde strok.', when: 'liten' },
    ],
  },
  oppmote: {
    nb: [
      'Det må være mulig å møte politiet ansikt til ansikt, særlig for å anmelde saker og i saker om vold i nære relasjoner.',
      'Mange eldre og innbyggere som ikke behersker digitale løsninger, trenger å kunne møte opp fysisk.',
      'Innbyggerne bør kunne møte politiet uten å måtte reise mer enn én time hver vei.',
    ],
    nn: [
      'Det må vere mogleg å møte politiet andlet til andlet, særleg for å melde saker og i saker om vald i nære relasjonar.',
      'Mange eldre og innbyggjarar som ikkje meistrar digitale løysingar, treng å kunne møte opp fysisk.',
      'Innbyggjarane bør kunne møte politiet utan å måtte reise meir enn éin time kvar veg.',
    ],
  },
  telefon: {
    nb: [
      'Ventetiden på 02800 oppleves som lang. Vi ønsker at innbyggerne kan nå en lokal politikontakt direkte.',
      'For enkle henvendelser fungerer telefon godt, men det kan ikke erstatte et lokalt politi.',
      'Kommunens kriseledelse må ha et fast telefonnummer til politiet som alltid blir besvart.',
    ],
    nn: [
      'Ventetida på 02800 er lang. Vi ønskjer at innbyggjarane kan nå ein lokal politikontakt direkte.',
      'For enkle førespurnader fungerer telefon godt, men det kan ikkje erstatte eit lokalt politi.',
      'Kriseleiinga i kommunen må ha eit fast telefonnummer til politiet som alltid blir svart.',
    ],
  },
  internett: {
    nb: [
      'Flere tjenester bør kunne gjøres digitalt, men mange eldre innbyggere har behov for andre kanaler.',
      'Digitale løsninger er viktige og bør videreutvikles, blant annet digital anmeldelse og timebestilling for pass.',
      'Politiet bør være mer til stede på sosiale medier og i digitale kanaler der ungdommen er.',
    ],
    nn: [
      'Fleire tenester bør kunne gjerast digitalt, men mange eldre innbyggjarar har behov for andre kanalar.',
      'Digitale løysingar er viktige og bør vidareutviklast, mellom anna digital melding og timebestilling for pass.',
      'Politiet bør vere meir til stades på sosiale medium og i digitale kanalar der ungdommen er.',
    ],
  },
};

export const Q4_INTRO: Bank = {
  nb: [
    'Kommunen ønsker først og fremst økt fysisk tilstedeværelse.',
    'Tilgjengelighet handler for oss om at politiet er til stede når det trengs.',
    'Vi mener at ulike kanaler må utfylle hverandre.',
    { t: 'For en stor kommune er det viktig at politiet er tilgjengelig i alle kanaler.', when: 'stor' },
  ],
  nn: [
    'Kommunen ønskjer først og fremst meir fysisk nærvær.',
    'Tilgjenge handlar for oss om at politiet er til stades når det trengst.',
    'Vi meiner at ulike kanalar må utfylle kvarandre.',
    { t: 'For ein stor kommune er det viktig at politiet er tilgjengeleg i alle kanalar.', when: 'stor' },
  ],
};

export type Stance = 'ja' | 'nei' | 'uklart';

export const Q5: Record<Stance, Bank> = {
  ja: {
    nb: [
      'Ja. Kommunen kan tilby lokaler i rådhuset, med tilgang til møterom og parkering.',
      'Ja, kommunen ønsker et tjenestested og kan tilby samlokalisering med NAV og servicetorget i {senter}.',
      'Ja. Kommunen kan tilby lokaler i den nye brannstasjonen, noe som også vil styrke den felles beredskapen.',
      'Ja. Vi kan tilby kontorplass i kommunehuset vederlagsfritt de første årene.',
      'Ja, gjerne. Kommunen kan tilby egnede lokaler sentralt i {senter}, sammen med andre kommunale tjenester.',
    ],
    nn: [
      'Ja. Kommunen kan tilby lokale i rådhuset, med tilgang til møterom og parkering.',
      'Ja, kommunen ønskjer ein tenestestad og kan tilby samlokalisering med NAV og servicetorget i {senter}.',
      'Ja. Kommunen kan tilby lokale i den nye brannstasjonen, noko som også vil styrkje den felles beredskapen.',
      'Ja. Vi kan tilby kontorplass i kommunehuset vederlagsfritt dei første åra.',
      'Ja, gjerne. Kommunen kan tilby eigna lokale sentralt i {senter}, saman med andre kommunale tenester.',
    ],
  },
  nei: {
    nb: [
      { t: 'Nei, kommunen har et tjenestested i dag og ønsker at dette styrkes.', when: 'notlost' },
      'Nei. Kommunen mener det er viktigere med flere patruljer enn et nytt tjenestested.',
      'Kommunen ønsker ikke et eget tjenestested, men et tettere samarbeid med tjenestestedet i {passby}.',
      'Nei, ikke nå. Kommunen prioriterer at politiet er synlig ute blant innbyggerne.',
    ],
    nn: [
      { t: 'Nei, kommunen har ein tenestestad i dag og ønskjer at denne blir styrkt.', when: 'notlost' },
      'Nei. Kommunen meiner det er viktigare med fleire patruljar enn ein ny tenestestad.',
      'Kommunen ønskjer ikkje ein eigen tenestestad, men eit tettare samarbeid med tenestestaden i {passby}.',
      'Nei, ikkje no. Kommunen prioriterer at politiet er synleg ute blant innbyggjarane.',
    ],
  },
  uklart: {
    nb: [
      'Kommunen har ikke tatt endelig stilling til spørsmålet. Saken skal behandles i kommunestyret i juni.',
      'Dette må vurderes nærmere i samarbeid med nabokommunene.',
      'Det er for tidlig å si. Kommunen er åpen for å drøfte løsninger med politidistriktet.',
      'Kommunen ser positivt på en dialog om dette, men har per i dag ikke ledige lokaler.',
    ],
    nn: [
      'Kommunen har ikkje teke endeleg stilling til spørsmålet. Saka skal handsamast i kommunestyret i juni.',
      'Dette må vurderast nærare i samarbeid med nabokommunane.',
      'Det er for tidleg å seie. Kommunen er open for å drøfte løysingar med politidistriktet.',
      'Kommunen ser positivt på ein dialog om dette, men har per i dag ikkje ledige lokale.',
    ],
  },
};

export const Q5_JA_EXTRA: Bank = {
  nb: ['Kommunestyret har gitt sin tilslutning til dette.', 'Lokalene kan være klare i løpet av {klar}.'],
  nn: ['Kommunestyret har slutta seg til dette.', 'Lokala kan vere klare i løpet av {klar}.'],
};

/** Words that fill the placeholders, by region. */
export const FARER: Record<string, Record<Lang, string>> = {
  nord: { nb: 'snøskred, stormflo og stengte fjelloverganger', nn: 'snøskred, stormflo og stengde fjellovergangar' },
  vest: { nb: 'skred, flom og stengte veier', nn: 'skred, flaum og stengde vegar' },
  midt: { nb: 'flom, kvikkleireskred og uvær', nn: 'flaum, kvikkleireskred og uvêr' },
  sør: { nb: 'flom, skogbrann og uvær', nn: 'flaum, skogbrann og uvêr' },
  øst: { nb: 'flom, skogbrann og langvarig strømbrudd', nn: 'flaum, skogbrann og langvarig straumbrot' },
};

export const NAERING: Record<'kyst' | 'innland' | 'by', Record<Lang, string>> = {
  kyst: { nb: 'fiskeindustrien og havbruksnæringen', nn: 'fiskeindustrien og havbruksnæringa' },
  innland: { nb: 'landbruket og reiselivet', nn: 'landbruket og reiselivet' },
  by: { nb: 'bygg- og anleggsbransjen og transportnæringen', nn: 'bygg- og anleggsbransjen og transportnæringa' },
};

/** Between a joint statement and the municipality's own words. */
export const OWN_WORDS: Record<Lang, string> = {
  nb: 'I tillegg vil kommunen peke på følgende:',
  nn: 'I tillegg vil kommunen peike på følgjande:',
};

/** For letters without question structure: a first sentence in place of "Ja."/"Nei.". */
export const PROSE_Q2: Record<Verdict, Record<Lang, string>> = {
  ja: { nb: 'Kommunen er i hovedsak fornøyd med dagens polititilbud.', nn: 'Kommunen er i hovudsak nøgd med dagens polititilbod.' },
  delvis: { nb: 'Kommunen er bare delvis fornøyd med dagens polititilbud.', nn: 'Kommunen er berre delvis nøgd med dagens polititilbod.' },
  nei: { nb: 'Kommunen er ikke fornøyd med dagens polititilbud.', nn: 'Kommunen er ikkje nøgd med dagens polititilbod.' },
};
export const PROSE_Q5: Record<Stance, Record<Lang, string>> = {
  ja: { nb: 'Kommunen vil gjerne ha politiet på plass lokalt igjen.', nn: 'Kommunen vil gjerne ha politiet på plass lokalt att.' },
  nei: { nb: 'Kommunen ser ikke behov for et nytt kontor nå.', nn: 'Kommunen ser ikkje behov for eit nytt kontor no.' },
  uklart: { nb: 'Et nytt kontor for politiet i kommunen er ikke avklart ennå.', nn: 'Eit nytt kontor for politiet i kommunen er ikkje avklart enno.' },
};

/** Letter furniture. */
export const LETTER = {
  title: { nb: 'Svar på brev om bedre polititjenester og beredskap', nn: 'Svar på brev om betre polititenester og beredskap' },
  intro: {
    nb: 'Vi viser til brev fra Justis- og beredskapsdepartementet om bedre polititjenester og beredskap, med svarfrist 1. juni 2022. Kommunen takker for muligheten til å gi innspill.',
    nn: 'Vi viser til brev frå Justis- og beredskapsdepartementet om betre polititenester og beredskap, med svarfrist 1. juni 2022. Kommunen takkar for høvet til å gje innspel.',
  },
  treated: { nb: 'Svaret er behandlet i formannskapet {dato}.', nn: 'Svaret er handsama i formannskapet {dato}.' },
  proseIntro: {
    nb: 'Kommunen gir her en samlet vurdering av politiets tilstedeværelse og samarbeidet med kommunen, i stedet for å svare på hvert enkelt punkt.',
    nn: 'Kommunen gjev her ei samla vurdering av nærværet til politiet og samarbeidet med kommunen, i staden for å svare på kvart enkelt punkt.',
  },
  greeting: { nb: 'Med vennlig hilsen', nn: 'Med venleg helsing' },
  signed: {
    nb: 'Dokumentet er elektronisk godkjent og har derfor ingen signatur.',
    nn: 'Dokumentet er elektronisk godkjent og har difor inga signatur.',
  },
  roles: { nb: ['ordfører', 'kommunedirektør', 'rådmann'], nn: ['ordførar', 'kommunedirektør', 'rådmann'] },
} as const;
