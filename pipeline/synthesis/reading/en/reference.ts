/**
 * Whether an English sentence points outside itself after its first noun: a personal pronoun
 * with nothing before it that it could stand for ("affirmative action gives them a boost", "the
 * main issue was that he didn't listen"), or a demonstrative before a word that only names what
 * was said before ("this problem", "treated this way", "this group of people").
 */
import type { Tag } from './tags.js';

/** Pronouns that stand for people or things in the plural (or a group). */
const PLURAL_PRONOUNS: ReadonlySet<string> = new Set(['they', 'them', 'their', 'theirs']);
/** Pronouns that stand for one person. */
const PERSON_PRONOUNS: ReadonlySet<string> = new Set(['he', 'him', 'his', 'she', 'her']);
/** Nouns of a group, which "they" may stand for: "the council said they would ...". */
const GROUPS: ReadonlySet<string> = new Set([
  'people',
  'police',
  'staff',
  'government',
  'council',
  'public',
  'family',
  'team',
  'management',
  'company',
  'everyone',
  'everybody',
  'anyone',
  'anybody',
  'someone',
  'somebody',
  'nobody',
  'person',
  'child',
  'youth',
]);
/** Nouns of a person, which "he" or "she" may stand for: "the doctor said she would ...". */
const PERSONS: ReadonlySet<string> = new Set([
  'person',
  'man',
  'woman',
  'boy',
  'girl',
  'child',
  'baby',
  'son',
  'daughter',
  'father',
  'mother',
  'dad',
  'mum',
  'mom',
  'husband',
  'wife',
  'partner',
  'brother',
  'sister',
  'friend',
  'doctor',
  'nurse',
  'gp',
  'surgeon',
  'consultant',
  'paramedic',
  'receptionist',
  'patient',
  'teacher',
  'student',
  'officer',
  'driver',
  'worker',
  'president',
  'mayor',
  'minister',
  'leader',
]);
/** Nouns that only name what was said before: "this problem", "that way", "this group". */
const ANAPHORIC_NOUNS: ReadonlySet<string> = new Set([
  'problem',
  'issue',
  'idea',
  'way',
  'thing',
  'situation',
  'case',
  'matter',
  'point',
  'group',
  'kind',
  'sort',
  'type',
  'approach',
  'argument',
  'view',
  'option',
]);
/** Endings of nouns of a doer: "murderer", "taxpayer", "carer", "dentist", "politician". */
const DOER = /(?:er|or|ist|ian)$/u;
const DEMONSTRATIVES: ReadonlySet<string> = new Set(['this', 'that', 'these', 'those']);

/** Whether a pronoun or a demonstrative of the sentence stands for something outside it. */
export function pointsOutside(tags: readonly Tag[]): boolean {
  return tags.some((tag, i) => {
    if (DEMONSTRATIVES.has(tag.word)) return namesWhatWasSaid(tags, i);
    if (tag.pos !== 'PRON') return false;
    const before = tags.slice(0, i);
    if (PLURAL_PRONOUNS.has(tag.word)) return !before.some(isGroup);
    if (PERSON_PRONOUNS.has(tag.word)) return !before.some(isPerson);
    return false;
  });
}

/**
 * "this problem", "these kinds of ...": a demonstrative agreeing with a noun that only names what
 * was said before (the tagger reads "that" in "treated that way" as a conjunction, so agreement
 * decides: "said that problems ..." opens a clause).
 */
function namesWhatWasSaid(tags: readonly Tag[], at: number): boolean {
  const noun = tags[at + 1]?.pos === 'ADJ' ? tags[at + 2] : tags[at + 1];
  if (noun === undefined || !ANAPHORIC_NOUNS.has(noun.lemma)) return false;
  const plural = noun.word !== noun.lemma;
  return plural === (tags[at]?.word === 'these' || tags[at]?.word === 'those');
}

/**
 * A noun "they" may stand for: a plural ("lawns", "men"), a group ("the council"), or a person
 * ("when a worker is forced out of their job").
 */
function isGroup(tag: Tag): boolean {
  if (isPerson(tag)) return true;
  if (tag.pos !== 'NOUN' && tag.pos !== 'PRON') return false;
  // A plural the lemmatiser left alone ("schoolers") still ends in a single "s".
  const plural = tag.word !== tag.lemma || /[^s]s$/u.test(tag.word);
  return GROUPS.has(tag.lemma) || GROUPS.has(tag.word) || plural;
}

/** A noun "he" or "she" may stand for: a name, a person ("the nurse"), a doer ("a murderer"). */
function isPerson(tag: Tag): boolean {
  if (tag.pos === 'PROPN') return true;
  return tag.pos === 'NOUN' && (PERSONS.has(tag.lemma) || DOER.test(tag.lemma));
}
