/**
 * The words around a personal name that the name finder reads, per language: titles that come
 * before one ("Dr", "Herr", "Mme"), introductions ("my name is"), roles that name a person by job
 * ("the OT Lisa", "CPN Jo") and nouns that make a first name part of a place ("Heather Close",
 * "Warren County", "Karl Straße", "rue Victor Hugo").
 */

/** What the name finder reads around names in one language. */
export interface NameCues {
  /** Titles after which capitalised words are a name, lower-case, without a full stop. */
  titles: ReadonlySet<string>;
  /** Introductions after which capitalised words are a name ("my name is"). */
  introductions: RegExp;
  /** Introductions after which only a known first name is a name ("I am", "ich bin"). */
  weakIntroductions: RegExp;
  /** Sign-offs after which a known first name starts a name ("Mit freundlichen Grüßen ..."). */
  signOffs: RegExp;
  /** Nouns of places and organisations that a first name may start ("Lodge", "Straße"). */
  places: ReadonlySet<string>;
  /** Words before a name that make it a place's: "rue", "calle", "San". */
  placeBefore: ReadonlySet<string>;
}

/** A sign-off from `list` ("a|b c"), then maybe a comma, and space, ending the text. */
function signOffs(list: string): RegExp {
  return new RegExp(`(?<!\\p{L})(?:${list}),?\\s+$`, 'iu');
}

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/u));
}

const ENGLISH_PLACES =
  'road rd street st lane ln avenue ave blvd boulevard pike highway hwy parkway pkwy close drive ' +
  'way place court crescent terrace grove green farm farms plaza mall market bar restaurant ' +
  'hill park square row walk gardens view rise mews county city town village house lodge hall ' +
  'centre center hospital infirmary clinic surgery practice unit ward wing suite building block ' +
  'school college university academy church chapel library station airport bridge river lake ' +
  'trust team service services foundation association society club group company ltd limited ' +
  'course programme program scheme project syndrome disease award prize fund';

export const NAME_CUES: Readonly<Record<string, NameCues>> = {
  en: {
    titles: words('dr doctor mr mrs ms miss mx prof professor'),
    introductions: /(?:\bmy name is|\bmy name's|\bi am called|\bi'm called|\bcall me)\s+$/iu,
    weakIntroductions: /(?:\bi am|\bi'm|\bthis is)\s+$/iu,
    signOffs: signOffs(
      'regards|best wishes|many thanks|thanks|thank you|cheers|sincerely|yours|love',
    ),
    places: words(ENGLISH_PLACES),
    placeBefore: words('saint st mount mt lake fort port'),
  },
  de: {
    titles: words('herr herrn frau hr fr dr prof professor professorin'),
    introductions: /(?:\bich heiße|\bmein name ist|\bmein name lautet)\s+$/iu,
    weakIntroductions: /(?:\bich bin|\bhier ist|\bhier schreibt)\s+$/iu,
    signOffs: signOffs(
      'grüßen|grüße|gruß|grüssen|grüsse|gruss|mfg|lg|vg|hochachtungsvoll|danke|dank',
    ),
    places: words(
      'straße strasse str weg platz allee ring ufer brücke park gasse damm chaussee tor markt ' +
        'schule gymnasium kirche halle haus hof bahnhof siedlung viertel stift klinik krankenhaus',
    ),
    placeBefore: words('sankt st bad'),
  },
  fr: {
    titles: words('m mme mlle monsieur madame mademoiselle dr docteur pr professeur maître me'),
    introductions: /(?:\bje m'appelle|\bje m’appelle|\bmon nom est)\s+$/iu,
    weakIntroductions: /(?:\bje suis|\bc'est|\bc’est)\s+$/iu,
    signOffs: signOffs('cordialement|salutations|bien à vous|merci|amitiés|bises'),
    places: words(
      'rue avenue boulevard place quai pont parc allée chemin impasse cours école lycée',
    ),
    placeBefore: words(
      'rue avenue boulevard bd place quai pont parc allée chemin impasse cours école lycée ' +
        'collège hôpital saint sainte st ste square port lac mont',
    ),
  },
  es: {
    titles: words('sr sra srta señor señora señorita don doña dr dra doctor doctora'),
    introductions: /(?:\bme llamo|\bmi nombre es)\s+$/iu,
    weakIntroductions: /(?:\bsoy)\s+$/iu,
    signOffs: signOffs('saludos|atentamente|gracias|un abrazo|cordialmente'),
    places: words('calle avenida plaza paseo puente parque colegio hospital barrio'),
    placeBefore: words(
      'calle avenida av avda plaza paseo puente parque colegio hospital barrio san santa santo ' +
        'puerto lago monte',
    ),
  },
};

/**
 * English roles that name a person by job: a capitalised first name right after one is a name
 * ("the OT Lisa", "support worker Sam"), and so is one right before "my" or "our" and one ("Sam my
 * support worker", "Jo, our CPN").
 */
export const ENGLISH_ROLES = words(
  'nurse sister matron cpn ot gp doctor dr consultant psychiatrist psychologist therapist physio ' +
    'physiotherapist worker keyworker carer paramedic midwife receptionist driver practitioner ' +
    'manager counsellor counselor coordinator co-ordinator officer assistant hca visitor ' +
    'technician pharmacist surgeon dentist radiographer clinician advisor adviser mentor ' +
    'navigator volunteer porter cleaner handler operator nurses staff psychotherapist dietitian ' +
    'dietician podiatrist chiropodist optician registrar houseman sw smsw',
);

/** Words before a capitalised word that make it a place: "at Stanley", "in Durham". */
export const ENGLISH_PLACE_PREPOSITIONS = words(
  'at in near from into towards via outside inside behind beside opposite past across along',
);

/** Words after a name that starts a sentence: it does something ("Rachel took the time"). */
export const ENGLISH_NAME_VERBS = words(
  'is was has had were did does took takes gave gives made makes came comes went goes helped ' +
    'helps listened listens explained explains called calls rang phoned visited visits spoke ' +
    'speaks said says told tells showed shows kept keeps always never really also and put sorted ' +
    'dealt made understood supported saw sees will would could can',
);

/** "<Name> has been very helpful": the verbs and words of praise that make a name of a word. */
export const ENGLISH_PRAISE =
  /^\s+(?:has\s+been|had\s+been|was|is|were|'s\s+been|’s\s+been)\s+(?:(?:very|so|really|always|extremely|absolutely|incredibly|truly|such|a|an|just|most|brilliantly|amazingly)\s+)*(?:helpful|kind|lovely|amazing|brilliant|fantastic|supportive|caring|friendly|wonderful|great|excellent|patient|understanding|nice|professional|reassuring|attentive|polite|good|fab|fabulous|superb|outstanding|marvellous|compassionate|thoughtful|considerate|respectful|gentle|knowledgeable|approachable|star|angel|asset|credit|listener|person|lady|man|woman|nurse|worker|help)\b/iu;
