/**
 * Abbreviations per language (ISO 639-1) that end in a full stop without ending a sentence:
 * "Str.", "z. B.", "Nr.", "Mme.", "p. ej.". Stored lower-case without their final stop; a
 * multi-part one ("z.B", "e.g") is stored as written without spaces.
 */

const LISTS: Record<string, string> = {
  de: `abb abs abt allg anm bd bsp bspw bzgl bzw ca dgl dr ebd ehem einschl etc evtl fa ff frl ggf gem geb
hr hrsg hl inkl jh jhd kap lt max mind min mio mrd nr od pkt pl prof rd sog st std str tel usw vgl vs zt zw`,
  en: `approx ave blvd cf dept dr etc fig gov govt inc incl jr ltd mr mrs ms mt prof rd sr st vs`,
  fr: `av bd c.-à-d cf dr env etc ex mlle mm mme mmes pr st ste vol`,
  es: `av avda dr dra etc ej pág sr sra srta sres ud uds vd vds núm aprox`,
};

const SETS = new Map<string, ReadonlySet<string>>();

function abbreviationsOf(language: string): ReadonlySet<string> {
  let set = SETS.get(language);
  if (set === undefined) {
    set = new Set(LISTS[language]?.split(/\s+/) ?? []);
    SETS.set(language, set);
  }
  return set;
}

/**
 * Whether `token` (the word before a full stop, lower-case, inner stops kept: "z.b", "str",
 * "rheinaustr") is an abbreviation in `language`: one of its list, a single letter (an initial,
 * or part of "z. B." or "p. ej."), or in German a street name shortened to "-str" ("Rheinaustr.").
 */
export function isAbbreviation(token: string, language: string): boolean {
  if (/^\p{L}$/u.test(token)) return true;
  const set = abbreviationsOf(language);
  if (set.has(token)) return true;
  // "z.B" and "z. B." alike: the last part after an inner stop ("b" of "z.b") is a single letter.
  if (/^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(token)) return true;
  return language === 'de' && token.length > 4 && token.endsWith('str');
}
