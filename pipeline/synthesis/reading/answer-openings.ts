/**
 * Answers that open with a yes or a no ("Yes, ...", "No.", "Absolutely", "Nein, ...", "Oui",
 * "Sí"), and questions that ask for one, in English, German, French and Spanish.
 */
import { YES_NO_OPENING } from './en/claim.js';

/** Openings that answer yes, and that answer no, in one language. */
interface Openings {
  yes: RegExp;
  no: RegExp;
  /** First words of a question that asks for a yes or a no (its verb, mostly). */
  asks: RegExp;
}

const OPENINGS: Readonly<Record<string, Openings>> = {
  en: {
    yes: /^(?:yes|yeah|yep|absolutely|definitely|certainly|of course|agreed|i (?:strongly |fully |completely |totally )?agree(?!\s+(?:that|with\s+(?!(?:this|it|that|the\s+(?:proposal|question|rule|motion))\b))))(?![\p{L}\p{N}])/iu,
    no: /^(?:no(?!\s+(?:more|longer|one|doubt|matter|other|less)\b)|nope|absolutely not|definitely not|of course not|i (?:strongly |completely |totally )?disagree(?!\s+(?:that|with\s+(?!(?:this|it|that|the\s+(?:proposal|question|rule|motion))\b)))|i do(?: not|n't) (?:agree|think so))(?![\p{L}\p{N}])/iu,
    asks: YES_NO_OPENING,
  },
  de: {
    yes: /^(?:ja|jawohl|absolut|auf jeden fall|unbedingt|selbstverständlich)(?![\p{L}\p{N}])/iu,
    no: /^(?:nein|auf keinen fall|keinesfalls|absolut nicht)(?![\p{L}\p{N}])/iu,
    asks: /^(?:sollte|sollten|soll|sollen|muss|müssen|müsste|ist|sind|war|wäre|gibt|kann|können|könnte|würden|würde|wollen|brauchen|braucht|halten|finden|sind|hat|haben|darf|dürfen)\b/iu,
  },
  fr: {
    yes: /^(?:oui|absolument(?! pas)|tout à fait|bien sûr|évidemment|certainement(?! pas))(?![\p{L}\p{N}])/iu,
    no: /^(?:non(?!-)|pas du tout|absolument pas|certainement pas)(?![\p{L}\p{N}])/iu,
    asks: /^(?:faut-il|doit-on|devrait-on|peut-on|est-ce que|est-ce qu'|êtes-vous|pensez-vous|seriez-vous|souhaitez-vous|trouvez-vous|croyez-vous|\p{L}+-(?:il|elle|on|vous|nous|ils|elles)\b)/iu,
  },
  es: {
    yes: /^(?:sí|si(?=[,.!]|$)|por supuesto|claro|desde luego|absolutamente)(?![\p{L}\p{N}])/iu,
    no: /^(?:no(?!\s+(?:solo|sólo|más|sé)(?![\p{L}]))|en absoluto|de ninguna manera)(?![\p{L}\p{N}])/iu,
    asks: /^(?:debería|deberían|debe|deben|es|está|están|hay|cree|considera|puede|pueden|se debe|se debería|quiere|tiene|tienen)\b/iu,
  },
};

/**
 * 1 for an answer opening with a yes, -1 with a no, 0 otherwise (or in a language whose
 * openings are not known). Leading quotes and brackets are read past.
 */
export function answerOpening(text: string, language: string): 1 | -1 | 0 {
  const openings = OPENINGS[language];
  if (!openings) return 0;
  const opening = text.trim().replace(/^["'“‘«„(¡¿\s]+/u, '');
  if (openings.yes.test(opening)) return 1;
  if (openings.no.test(opening)) return -1;
  return 0;
}

/**
 * Whether a question asks for a yes or a no: its last sentence is a question that opens with
 * the verb (or "est-ce que", "faut-il") and offers no choice ("A or B?"). The question's
 * language is whichever of the known ones reads it so.
 */
export function asksYesOrNo(question: string): boolean {
  const sentences = question.split(/(?<=[.?!])\s+/u).filter((s) => s.trim() !== '');
  const asked = sentences
    .findLast((s) => s.trim().endsWith('?'))
    ?.trim()
    .replace(/^[¿"'“«\s]+/u, '');
  if (!asked || /\s(?:or|oder|ou|o)\s/iu.test(asked)) return false;
  return Object.values(OPENINGS).some((openings) => openings.asks.test(asked));
}

/**
 * A text without its opening yes or no and the marks after it ("Yes, refugees bring skills."
 * gives "refugees bring skills."), so that what follows can be read alone; the text as it is
 * when it opens with neither (or its language's openings are not known).
 */
export function withoutAnswerOpening(text: string, language: string): string {
  const openings = OPENINGS[language];
  if (!openings) return text;
  const opening = text.trim().replace(/^["'“‘«„(¡¿\s]+/u, '');
  const match = openings.yes.exec(opening) ?? openings.no.exec(opening);
  if (!match) return text;
  return opening.slice(match[0].length).replace(/^[\s,.;:!—–-]+/u, '');
}
