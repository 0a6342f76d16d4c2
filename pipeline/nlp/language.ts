/**
 * Language detection (ISO 639-1). Most texts are settled cheaply: short ones take the declared or
 * configured language (no detector is reliable on a few words), and plain-ASCII text dense in
 * English function words is English. The rest go to eld, loaded only when some text needs it,
 * since its n-gram tables cost ~150 MB of memory and half a second to load.
 */

/** A text to detect, with the language its record declared, if any. */
export interface LanguageInput {
  text: string;
  declared: string | null;
}

/** Detection looks at the start of a text only; 500 characters are plenty for a language. */
const SAMPLE_CHARS = 500;
/** Below this many letters, statistical detection is a guess; the fallback is better. */
const MIN_LETTERS = 40;

/** The quick English check reads this much; a sentence or two settles it. */
const QUICK_SAMPLE_CHARS = 200;

/** Frequent English words that are not words of other Latin-script languages. */
const ENGLISH = wordSet(
  'the and that this with should would could which they their them have are not been from our ' +
    'you your it its more people need there what who about because if be these those than into ' +
    'only some many other when where how does were being',
);
/** Frequent English words that other languages share ("in", "a", "was", "so", "is", "of"). */
const SHARED = wordSet(
  'for of to in on at by is as or an a we will can has was all so do no up out get i my me',
);
/** Function words of French, German, Spanish, Dutch, Italian, Scandinavian and Portuguese. */
const FOREIGN = wordSet(
  'le la les des et une est pour que qui dans du au aux der das und ist nicht mit sie ein eine ' +
    'el los las por para una es del het een van zijn niet voor il che di sono och att det og er ' +
    'ikke jeg ei ja nao com uma os em',
);

function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(' '));
}

/** Strips links and placeholders, which say nothing about the language, and cuts a sample. */
function sampleOf(text: string): string {
  return text
    .slice(0, SAMPLE_CHARS)
    .replace(/(?:https?:\/\/|www\.|mailto:)\S+|\[(?:link|email|phone|name|redacted)\]/g, ' ');
}

/** A language tag from the input ("en", "pt-BR") reduced to its primary subtag, else null. */
export function primaryLanguage(tag: string | null): string | null {
  const match = tag === null ? null : /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/i.exec(tag.trim());
  return match?.[1]?.toLowerCase() ?? null;
}

/**
 * 'en' when a text is unmistakably English: only ASCII letters; at least one English-only word;
 * three or more kinds of English words making up a quarter or more of all words; and at most one
 * function word of another language (a French text quoting "the Guardian" fails this). Checked
 * against eld on 10,700 Polis, ArgKP and Banking77 texts: no disagreement, 95% settled here.
 */
export function quickEnglish(text: string): 'en' | null {
  const words = asciiWords(text.slice(0, QUICK_SAMPLE_CHARS));
  if (words === null) return null;
  let english = 0;
  let shared = 0;
  let foreign = 0;
  const kinds = new Set<string>();
  for (const word of words) {
    if (FOREIGN.has(word)) {
      foreign++;
      continue;
    }
    if (ENGLISH.has(word)) english++;
    else if (SHARED.has(word)) shared++;
    else continue;
    kinds.add(word);
  }
  const share = (english + shared) / words.length;
  return english >= 1 && kinds.size >= 3 && share >= 0.25 && foreign <= 1 ? 'en' : null;
}

/**
 * The lower-cased words of a sample, or null if it has a non-ASCII letter. A hand-written scan:
 * this runs on every record, and regexes plus `toLowerCase` cost several times more.
 */
function asciiWords(sample: string): string[] | null {
  const lower = sample.toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0x20;
    if (c >= 0x61 && c <= 0x7a) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) words.push(lower.slice(start, i));
    start = -1;
    if (c >= 0x80 && /\p{L}/u.test(String.fromCodePoint(lower.codePointAt(i) ?? 0))) return null;
  }
  return words;
}

/** Whether `text` has at least `enough` letters; ASCII is checked without a regex, for speed. */
function hasLetters(text: string, enough: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length && count < enough; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c >= 0x61 && c <= 0x7a) count++;
    else if (c >= 0xa0 && /\p{L}/u.test(text[i] ?? '')) count++;
  }
  return count >= enough;
}

/** The detector's result, as far as this module relies on it. */
interface Detector {
  detect(text: string): { language: string; isReliable(): boolean };
}

let detector: Promise<Detector> | undefined;

function loadDetector(): Promise<Detector> {
  detector ??= import('eld/small').then((module) => module.eld);
  return detector;
}

/**
 * Detects the language of each input, in order. Short or unreliable texts get the declared
 * language, else `fallback`. `checkpoint` hears the start, every thousand detections and the end,
 * with the number the quick English check left to detect (to allow aborts and show progress).
 */
export async function detectLanguages(
  inputs: readonly LanguageInput[],
  fallback: string,
  checkpoint: (done: number, total: number) => void = () => {},
): Promise<string[]> {
  const languages: string[] = [];
  const pending: number[] = [];
  inputs.forEach(({ text, declared }, i) => {
    const sample = sampleOf(text);
    const settled = hasLetters(sample, MIN_LETTERS)
      ? quickEnglish(sample)
      : (primaryLanguage(declared) ?? fallback);
    languages.push(settled ?? '');
    if (settled === null) pending.push(i);
  });
  if (pending.length === 0) return languages;
  checkpoint(0, pending.length);
  const eld = await loadDetector();
  pending.forEach((i, done) => {
    if (done % 1000 === 999) checkpoint(done + 1, pending.length);
    const input = inputs[i] as LanguageInput;
    const result = eld.detect(sampleOf(input.text));
    const reliable = result.language !== '' && result.isReliable();
    languages[i] = reliable ? result.language : (primaryLanguage(input.declared) ?? fallback);
  });
  checkpoint(pending.length, pending.length);
  return languages;
}
