/**
 * Whether a question asks what could be better, and whether an answer, or a sentence of one,
 * says that nothing needs to change ("Nothing.", "No.", "Can't think of anything", "Nichts zu
 * verbessern", "Rien.", "Nada."), in English, German, French and Spanish. A bare "Nothing." or
 * "No." says so only in answer to a question asking what could be better; "Nothing was explained
 * to me" and "No staff." never do. "N/A", "No comment", "Not sure", "Not much" and "Nothing to
 * say" are no answer or a partial one, not this.
 */
import { sentenceSpans } from '../../nlp/sentences.js';
import { IMPROVEMENT_QUESTION_WORDS, NOTHING_WORDS, type NothingWords } from './nothing-words.js';

/** The end of a word. */
const END = String.raw`(?![\p{L}\p{N}])`;
/** What may separate or end the words of an answer: space, punctuation, symbols, emoji. */
const PAUSE = /^[\s\p{P}\p{S}]*/u;
/** A clause boundary before a phrase: "Staff were great, nothing to improve." */
const CLAUSE_END = /[,;:.!?\-–—)]\s*$/u;

/** One language's words, compiled. */
interface NothingRules {
  /** Frames alone: the text before an explicit phrase may be only these. */
  frames: RegExp;
  /** An explicit phrase anywhere (global). */
  explicit: RegExp;
  /** An answer phrase at the start, after frames. */
  answer: RegExp;
  /** "Nothing" or "no" at the start, after frames, in the groups `nothing` and `no`. */
  head: RegExp;
  fillers: RegExp;
  hedge: RegExp;
  verb: RegExp;
  better: RegExp;
  pronoun: RegExp;
  /** One word group of a whole nothing-answer (sticky), in the group `said` when it says so. */
  part: RegExp;
}

function compile(words: NothingWords): NothingRules {
  const frames = `(?:(?:${words.frames})${END}[\\s,]*)*`;
  const start = (body: string) => new RegExp(`^${frames}(?:${body})${END}`, 'u');
  const said = `${words.explicit}|${words.answers}|${words.nothing}|${words.no}`;
  return {
    frames: new RegExp(`^${frames}$`, 'u'),
    explicit: new RegExp(`(?<![\\p{L}\\p{N}'])(?:${words.explicit})${END}`, 'gu'),
    answer: start(words.answers),
    head: start(`(?<nothing>${words.nothing})|(?<no>${words.no})`),
    fillers: new RegExp(`^(?:\\s*(?:${words.fillers})${END})*`, 'u'),
    hedge: new RegExp(`^(?:${words.hedges})${END}`, 'u'),
    // "n'" ends in an apostrophe, so what follows it is the next word.
    verb: new RegExp(`^(?:${words.verbs})(?:(?<=')|${END})`, 'u'),
    better: new RegExp(`(?<![\\p{L}])${words.better}${END}`, 'u'),
    pronoun: new RegExp(`^(?:${words.pronouns})${END}`, 'u'),
    part: new RegExp(
      `[\\s\\p{P}\\p{S}]*(?:(?<said>${said})|${words.fillers}|${words.frames})${END}`,
      'uy',
    ),
  };
}

const RULES: ReadonlyMap<string, NothingRules> = new Map(
  [...NOTHING_WORDS].map(([language, words]) => [language, compile(words)]),
);

const QUESTIONS = IMPROVEMENT_QUESTION_WORDS.map((q) => ({
  ...q,
  phrases: new RegExp(q.phrases, 'u'),
}));

/** Lower case, every apostrophe as "'", runs of white space as one, no leading punctuation. */
function normalised(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’‘`´]/gu, "'")
    .replace(/\s+/gu, ' ')
    .replace(PAUSE, '')
    .trimEnd();
}

/**
 * Whether a question asks what could be better or should change ("How could we improve?",
 * "Is there anything we could have done better?", "Was sollte sich ändern?", "Que pourrions-nous
 * améliorer ?", "¿Qué podríamos mejorar?", "What did you dislike?"): an open question (or one
 * asking for "anything") with a modal verb and a word for better or changing, in any supported
 * language. A yes/no question ("Should the rule be changed?") does not.
 */
export function asksWhatCouldBeBetter(question: string): boolean {
  const text = normalised(question);
  const words = new Set(text.match(/\p{L}+/gu) ?? []);
  const has = (list: readonly string[]) => list.some((w) => words.has(w));
  return QUESTIONS.some(
    (q) =>
      q.phrases.test(text) ||
      (has(q.openers) &&
        has(q.modals) &&
        [...words].some((w) => q.targets.some((t) => w.startsWith(t)))),
  );
}

/**
 * Whether a sentence (or a short answer whole) says that nothing needs to change. Under any
 * question: "Nothing to improve", "No improvements needed", "Keep doing what you're doing".
 * When `question` asks what could be better (see `asksWhatCouldBeBetter`), also "Nothing.",
 * "No.", "None really", "Can't think of anything", "No complaints", "All good", "Nothing,
 * they were great". Never when a hedge follows ("Nothing, but the wait ...") or "nothing" is the
 * subject of a complaint ("Nothing was explained to me"). False for a language without rules.
 */
export function nothingToChange(
  sentence: string,
  question: string | null,
  language: string,
): boolean {
  const rules = RULES.get(language);
  if (rules === undefined) return false;
  const text = normalised(sentence);
  if (saysExplicitly(text, rules)) return true;
  return question !== null && asksWhatCouldBeBetter(question) && answersNothing(text, rules);
}

/**
 * Whether an answer to `question` says nothing needs to change: its first sentence does (see
 * `nothingToChange`), or any sentence does explicitly ("Staff were lovely. Nothing to
 * improve."), and no sentence opens with a hedge or a wish ("But ...", "Maybe more staff.").
 */
export function answerSaysNothingToChange(
  text: string,
  question: string | null,
  language: string,
): boolean {
  const rules = RULES.get(language);
  if (rules === undefined) return false;
  const sentences = [...sentenceSpans(text, { start: 0, end: text.length }, language)]
    .map((span) => normalised(text.slice(span.start, span.end)))
    .filter((sentence) => sentence.length > 0);
  const [first, ...rest] = sentences;
  if (first === undefined) return false;
  const says =
    nothingToChange(first, question, language) || rest.some((s) => saysExplicitly(s, rules));
  return says && !rest.some((s) => rules.hedge.test(s));
}

/**
 * Whether an answer says nothing but that nothing needs to change, to a question asking what
 * could be better: "Nothing.", "No, nothing at all, thank you!", "Can't think of anything. All
 * good." Such an answer has nothing to theme. "Nothing, the crew were fantastic" says more.
 */
export function onlySaysNothingToChange(
  text: string,
  question: string | null,
  language: string,
): boolean {
  const rules = RULES.get(language);
  if (rules === undefined || question === null || !asksWhatCouldBeBetter(question)) return false;
  const normal = normalised(text);
  const { part } = rules;
  part.lastIndex = 0;
  let said = false;
  while (part.lastIndex < normal.length) {
    const at = part.lastIndex;
    const match = part.exec(normal);
    // What the words leave must be pauses only: "Nothing!! 👍".
    if (match === null) return said && PAUSE.exec(normal.slice(at))?.[0] === normal.slice(at);
    said ||= match.groups?.said !== undefined;
  }
  return said;
}

/** An explicit phrase at the start (after frames) or after a clause's end, with no hedge after. */
function saysExplicitly(text: string, rules: NothingRules): boolean {
  for (const match of text.matchAll(rules.explicit)) {
    const before = text.slice(0, match.index);
    if (!rules.frames.test(before) && !CLAUSE_END.test(before)) continue;
    if (!hedged(text.slice(match.index + match[0].length), rules)) return true;
  }
  return false;
}

/** Whether what follows a "nothing" (past fillers and pauses) opens with a hedge. */
function hedged(rest: string, rules: NothingRules): boolean {
  const next = rest.replace(rules.fillers, '').replace(PAUSE, '');
  return rules.hedge.test(next);
}

/** A bare "nothing" answer and what may follow it (see `nothingToChange`). */
function answersNothing(text: string, rules: NothingRules): boolean {
  const answer = rules.answer.exec(text);
  if (answer !== null) return !hedged(text.slice(answer[0].length), rules);
  const head = rules.head.exec(text);
  if (head === null) return false;
  const rest = text.slice(head[0].length).replace(rules.fillers, '');
  const pause = PAUSE.exec(rest)?.[0] ?? '';
  const next = rest.slice(pause.length);
  if (next === '') return true;
  if (rules.hedge.test(next)) return false;
  // "Nothing, they were great": a pause ends the answer, whatever follows.
  if (pause.trim() !== '') return true;
  if (head.groups?.no !== undefined) return rules.pronoun.test(next);
  if (rules.verb.test(next)) return rules.better.test(next);
  return true;
}
