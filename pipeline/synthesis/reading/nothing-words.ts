/**
 * The words, per language (en, de, fr, es), of answers that say nothing needs to change and of
 * questions that ask what could be better. Phrases are regular-expression fragments matched on
 * lower-case text whose apostrophes are all "'" and whose runs of white space are one space.
 */

/** How one language says that nothing needs to change. */
export interface NothingWords {
  /** "Nothing": answers whole, and may open a new clause unpunctuated ("Nothing they were great"). */
  nothing: string;
  /** "No", "none": answers whole, but opens complaints before a noun ("No staff."). */
  no: string;
  /** What may follow those and still say only that: "at all", "really", "thank you". */
  fillers: string;
  /** Said at the start of an answer to a question asking what could be better: "all good". */
  answers: string;
  /** Says it under any question: "nothing to improve", "keep up the good work". */
  explicit: string;
  /** Read past at the start: "honestly", "I think", "there is". */
  frames: string;
  /** What opens a part that takes the "nothing" back: "but", "except", "maybe", "quicker". */
  hedges: string;
  /** Words after "nothing" that make it the subject of a complaint ("Nothing was explained"). */
  verbs: string;
  /** After such a verb, what still says nothing could be better ("could be improved"). */
  better: string;
  /** Words after "no" that open a new clause: "No, they were great" without its comma. */
  pronouns: string;
}

/** The words of a question asking what could be better, in one language. */
export interface ImprovementQuestionWords {
  /** Words that make it an open question, or ask for "anything". */
  openers: readonly string[];
  /** Modal and conditional verbs: what could, should or would be. */
  modals: readonly string[];
  /** Beginnings of the words for better, improving and changing. */
  targets: readonly string[];
  /** Phrases that ask it on their own: "suggestions for improvement", "dislike". */
  phrases: string;
}

const en: NothingWords = {
  nothing: `absolutely nothing|honestly nothing|really nothing|nothing whatsoever|nothing better|nothing else|nothing|nothin|nowt|not a (?:single )?thing`,
  no: `no not really|not really|not at all|nope|nah|none|no`,
  fillers: `at all|really|whatsoever|(?:that )?i can think of|(?:that )?i could think of|(?:that )?comes? to mind|springs? to mind|to be honest|honestly|tbh|thank you(?: (?:very|so) much)?|thanks|many thanks|cheers|for me|else|more|at (?:the moment|present|this time)|so far|in particular|specific|i think|sorry`,
  answers: `(?:i )?(?:can't|cannot|can not|cant|couldn't|could not|couldnt) think of (?:anything|any(?: improvements?| changes?)?|a thing|a single thing)|(?:i )?(?:have |had )?no (?:complaints?|problems?|issues?|suggestions?|faults?|criticisms?)(?: to find)?|nothing to (?:complain about|fault|criticise|criticize)|(?:it was |it's |it is |its )?all (?:good|fine|ok|okay|great|perfect)|everything (?:was|is) (?:fine|perfect|spot on|ok|okay)|(?:it |you |they |service )?(?:couldn't|could not|can't|cannot|could'nt) (?:have )?(?:been|be|do|have done|get) (?:any )?better|(?:i )?(?:can't|cannot|couldn't|could not|cant) fault|faultless|perfect|no changes?|nothing comes to mind|i (?:don't|do not|dont) think (?:so|there(?: is|'s| was) anything)|(?:i )?(?:can't|cannot|couldn't|could not|cant) think how|i can thin[gk] of nothing`,
  explicit: String.raw`nothing (?:(?:that |which )?(?:i|we|you|they|anyone|one) )?(?:to|needs?|needed|requires?|could|can|would|should|must|might|i'd)(?: [\p{L}']+){0,3}? (?:improv[\p{L}]*|chang[\p{L}]*|better|different[\p{L}]*|fix[\p{L}]*)|no (?:improvements?|changes?) (?:needed|necessary|required)|no need (?:for|to) (?:improv[\p{L}]*|chang[\p{L}]*)|(?:i |we )?(?:wouldn't|would not|won't) change (?:a thing|anything)|don't change (?:a thing|anything)|(?:just )?keep (?:up the (?:good|great|excellent) work|(?:on )?doing what you(?:'re| are)? (?:doing|do)|doing (?:the same|as you are|what you do)|it up)|carry on (?:as you are|the (?:good|great) work|as before)|(?:i )?(?:don't|do not|dont) (?:think|feel|believe)(?: like)?(?: that)? (?:you|it|this|they|the service|anything|there(?: is|'s| was) any(?:thing)?|i can think of anything)(?: [\p{L}']+){0,6}? (?:improv[\p{L}]*|better|differently)|(?:i )?(?:can't|cannot|can not) see (?:any way|how|anything)(?: [\p{L}']+){0,5}? (?:improv[\p{L}]*|better|differently)`,
  frames: `honestly|to be honest|tbh|really|well|overall|personally|to be fair|hmm|um|erm|oh|i think|i feel|i'd say|i would say|there (?:is|was|are|were)(?: really)?|there's(?: really)?|at the moment|at present|for now|currently|right now`,
  hedges: `but|except|apart|other than|besides|maybe|perhaps|possibly|although|though|however|unless|only|just|bar|save|if|more|less|fewer|better|faster|quicker|sooner|shorter|longer|could|should|would|a bit|a little|slightly|i wish|need|needs|waiting|the wait|the only|only thing|i guess|i suppose|drastic|major|much|significant|serious`,
  verbs: String.raw`is|was|were|are|has|had|have|got|gets|get|seems?|seemed|works?|went|goes|came|comes|did|does|do|made|makes|helps?|happens?|will|would|could|can|should|must|may|might|ever|to|[\p{L}]+ed`,
  better: String.raw`(?:better|improv[\p{L}]*|chang[\p{L}]*|differently)`,
  pronouns: `they|you|your|it|i|we|everything|everyone|all|the service|the staff`,
};

const de: NothingWords = {
  nothing: `gar nichts|absolut nichts|überhaupt nichts|eigentlich nichts|wirklich nichts|nichts|nix`,
  no: `eigentlich nicht|nicht wirklich|nein|nö|keine|keins|keines`,
  fillers: `wirklich|eigentlich|mehr|weiter|sonst|gar|überhaupt|danke(?: schön| sehr)?|dankeschön|vielen dank|momentan|im moment|(?:was )?mir einfällt|soweit ich weiß|besonderes`,
  answers: `mir fällt (?:da )?(?:nichts|nix) (?:mehr )?ein|(?:es ist |es war |ist |war )?alles (?:gut|bestens|prima|in ordnung|super|perfekt|top|okay|ok)|keine (?:kritik|beschwerden?|beanstandungen|verbesserungsvorschläge|probleme|einwände)|passt (?:so|alles)|ich wüsste nicht(?:s)?|(?:ist |war )?perfekt(?: so)?|nichts zu (?:beanstanden|bemängeln|meckern)`,
  explicit: String.raw`nichts(?: [\p{L}]+){0,3}? zu (?:verbessern|ändern|verändern|beanstanden|bemängeln)|nichts(?:,)? was (?:man |ich |wir |sie )?(?:verbessern|ändern|besser machen)|keine (?:verbesserungen?|änderungen?) (?:nötig|notwendig|erforderlich)|(?:macht |mach |machen sie |bitte )?weiter so|ich würde nichts (?:ändern|anders machen)|(?:es )?muss (?:sich )?nichts (?:geändert werden|ändern|verbessert werden)|bitte so (?:bleiben|lassen)`,
  frames: `ehrlich gesagt|ehrlich|also|naja|hm|ich denke|ich finde|insgesamt|es gibt|da gibt es`,
  hedges: `aber|außer|ausser|bis auf|nur|vielleicht|eventuell|evtl|allerdings|jedoch|abgesehen|wenn|mehr|weniger|schneller|besser|könnte|könnten|sollte|sollten|müsste|wünsche`,
  verbs: `wurde|wurden|war|waren|ist|sind|hat|hatte|haben|funktioniert|funktionierte|klappt|klappte|passiert|passierte|geht|ging|lief|läuft|half|hilft|wird|kam|kommt|geschah|geschieht|könnte|kann|sollte|müsste|würde|zu`,
  better: `(?:verbessert|besser|geändert|anders|verändert)`,
  pronouns: `es|alles|ihr|sie|das|ich|wir`,
};

const fr: NothingWords = {
  nothing: `rien du tout|absolument rien|vraiment rien|strictement rien|rien`,
  no: `pas vraiment|non merci|non|aucune|aucun`,
  fillers: `du tout|vraiment|merci(?: beaucoup)?|pour (?:le moment|l'instant|moi)|de particulier|de spécial|de plus`,
  answers: `je ne vois (?:pas|rien)(?: quoi)?|(?:c'est |c'était |tout est |tout était )?(?:parfait|impeccable|nickel)|tout (?:est|était|va|allait) (?:bien|parfait|très bien|impeccable|nickel)|rien à (?:redire|dire|signaler|reprocher)|ras|(?:aucun|aucune|pas de) (?:reproches?|plaintes?|problèmes?|soucis|remarques?)|je n'ai (?:aucune? |pas de )?(?:reproches?|plaintes?|remarques?|suggestions?)(?: à faire)?`,
  explicit: `rien à (?:améliorer|changer|modifier)|il n'y a rien à (?:améliorer|changer|modifier|redire)|je ne changerais rien|ne changez rien|continuez (?:comme (?:ça|cela)|ainsi|comme vous faites)|aucune? (?:amélioration|modification|changement) (?:nécessaire|à apporter)`,
  frames: `honnêtement|franchement|bon|eh bien|hum|je pense|je crois|globalement|il n'y a|il y a`,
  hedges: `mais|sauf|à part|hormis|peut-être|seulement|juste|cependant|toutefois|excepté|si|plus|moins|mieux`,
  verbs: `n'|ne|a|est|était|marche|fonctionne|fonctionnait|s'est|à`,
  better: String.raw`(?:amélior[\p{L}]*|mieux|chang[\p{L}]*)`,
  pronouns: `c'est|tout|vous|ils|elles|je|nous|rien`,
};

const es: NothingWords = {
  nothing: `nada de nada|absolutamente nada|nada en absoluto|nada`,
  no: `la verdad que no|no gracias|ninguna|ninguno|nop|no`,
  fillers: `en absoluto|realmente|la verdad|muchas gracias|gracias(?: a todos)?|de momento|por ahora|en particular|en especial|más|que yo sepa`,
  answers: `no se me ocurre (?:nada|ninguna?)(?: cosa)?|(?:todo |está |estuvo |fue )?(?:perfecto|excelente|genial)|todo (?:está |estuvo |fue |muy )?(?:bien|perfecto|correcto|excelente|genial)|(?:ninguna|sin) (?:quejas?|problemas?)`,
  explicit: `nada que (?:mejorar|cambiar|modificar)|no hay nada que (?:mejorar|cambiar|modificar)|no cambiaría nada|(?:sigan|sigue|seguid|siga) así|ninguna (?:mejora|cambio) (?:necesaria|necesario)|no (?:necesita|hace falta) (?:mejorar|cambiar)`,
  frames: `sinceramente|la verdad|bueno|pues|creo que|en general|no hay|hay`,
  hedges: `pero|excepto|salvo|menos|aparte|quizás|quizá|tal vez|solo|sólo|aunque|sin embargo|si|más|mejor`,
  verbs: `funciona|funcionó|fue|ha|han|se|está|estaba|era|me|es|sirve|sirvió|salió|cambió|que`,
  better: String.raw`(?:mejor[\p{L}]*|cambi[\p{L}]*)`,
  pronouns: `todo|ustedes|usted|el|la|es|está|fue|estuvo|nada`,
};

/** The answer words of each language the reader supports. */
export const NOTHING_WORDS: ReadonlyMap<string, NothingWords> = new Map([
  ['en', en],
  ['de', de],
  ['fr', fr],
  ['es', es],
]);

/** The question words of every supported language: a question is read in any of them. */
export const IMPROVEMENT_QUESTION_WORDS: readonly ImprovementQuestionWords[] = [
  {
    openers: ['how', 'what', 'where', 'which', 'anything', 'any', 'ways', 'way'],
    modals: ['could', 'should', 'would', 'can', 'might', 'must', 'need', 'needs'],
    targets: ['improv', 'better', 'chang', 'different', 'fix'],
    phrases: String.raw`suggestions? for improvement|room for improvement|areas? (?:for|of) improvement|\bdislike|did(?: you)? not like|didn't you like|like least|(?:went|was|did we do|did we get) wrong`,
  },
  {
    openers: ['wie', 'was', 'wo', 'welche', 'welcher', 'welches', 'etwas'],
    modals: [
      'könnte',
      'könnten',
      'können',
      'kann',
      'sollte',
      'sollten',
      'soll',
      'sollen',
      'würde',
      'würden',
      'müsste',
      'müssten',
      'muss',
      'müssen',
    ],
    targets: ['verbesser', 'besser', 'änder', 'anders', 'veränder'],
    phrases: `verbesserungsvorschl|verbesserungspotenzial|verbesserungsmöglichkeit|nicht gefallen|gestört`,
  },
  {
    openers: ['que', 'qu', 'quoi', 'comment', 'quel', 'quelle', 'quels', 'quelles', 'chose'],
    modals: [
      'pourrions',
      'pourriez',
      'pourrait',
      'pourraient',
      'pourrais',
      'pouvons',
      'pouvez',
      'peut',
      'devrait',
      'devrions',
      'devriez',
      'devraient',
      'faudrait',
      'faut',
    ],
    targets: ['amélior', 'mieux', 'chang', 'différemment', 'modifi'],
    phrases: `suggestions? d'amélioration|pistes? d'amélioration|points? à améliorer|pas plu`,
  },
  {
    openers: ['qué', 'que', 'cómo', 'como', 'cuál', 'algo', 'dónde'],
    modals: [
      'podríamos',
      'podría',
      'podrían',
      'puede',
      'pueden',
      'podemos',
      'debería',
      'deberíamos',
      'deberían',
      'debe',
      'deben',
      'habría',
    ],
    targets: ['mejor', 'cambi', 'diferente', 'modific'],
    phrases: `sugerencias? de mejora|no (?:le|te|les) gustó`,
  },
];
