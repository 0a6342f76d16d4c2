/**
 * Masks already in the source: what a moderator or contributor wrote in place of a name or other
 * personal data ("XXXX", "****", "staff on *", "[Name entfernt]", "[name removed]", "[redacted]").
 * They are redactions, shown as the tool's own placeholders, so that no label, keyword or phrase
 * is ever made of them.
 */
import type { Span } from './sentences.js';

/** A mask in the text: `name` where it stands for a name (or for nothing said), else `mask`. */
export interface SourceMask extends Span {
  kind: 'name' | 'mask';
}

/** Runs of x ("XX", "xxxx") and of two or more asterisks, standing alone as a word would. */
const LETTER_MASK = String.raw`(?<![\p{L}\p{N}*])(?:[xX]{2,}|\*{2,})(?![\p{L}\p{N}*])`;
/** One asterisk after a word, where a word would be: "staff on * were kind", "thanks to *." */
const LONE_STAR = String.raw`(?<=\p{L}[ \t]+)\*(?=[ \t]*(?:[.,;:!?)]|$)|[ \t]+\p{L})`;
/** A bracketed note of up to 40 characters, the brackets of any kind. */
const BRACKETED = String.raw`[\[(<{][^\[\]()<>{}\n]{1,40}[\])>}]`;
const MASKS = new RegExp(`${LETTER_MASK}|${LONE_STAR}|${BRACKETED}`, 'gmu');

/** Words saying that something was taken out, in the languages the tool reads. */
const REMOVED =
  /(?<!\p{L})(?:redacted|removed|deleted|withheld|anonymi[sz]ed|omitted|entfernt|gelöscht|geschwärzt|anonymisiert|supprimée?s?|retirée?s?|masquée?s?|anonymisée?s?|eliminad[oa]s?|borrad[oa]s?|omitid[oa]s?|anonimizad[oa]s?)(?!\p{L})/iu;
/** A note that names a name: "[Name der Gastronomie]", "[name removed]", "[Nom]". */
const NAME_WORD = /^(?:names?|namen|noms?|nombres?)\b|\bnames?\b/iu;
/** Notes that are only a placeholder word: "[Name]", "[name]", "[redacted]", "[anonym]". */
const BARE =
  /^(?:names?|namen|noms?|nombres?|redacted|removed|anonym|anonymous|anonyme|anónimo)$/iu;
/** Other brackets hold prose or markup too: only a short note there is a mask ("(name removed)"). */
const SHORT_NOTE_WORDS = 3;

/**
 * The masks in `text`, in order and not overlapping. A bracketed note is a mask when it is only a
 * placeholder word or a short note that something was removed, or, in square brackets (the
 * editor's), any note that something was removed or that names a name ("[Name der
 * Gastronomie]"); it stands for a name when it names one. Runs of x and asterisks stand for names.
 */
export function findSourceMasks(text: string): SourceMask[] {
  const found: SourceMask[] = [];
  for (const match of text.matchAll(MASKS)) {
    const start = match.index;
    const end = start + match[0].length;
    const note = /^[[(<{]/u.test(match[0]) ? match[0].slice(1, -1).trim() : null;
    if (note === null) found.push({ kind: 'name', start, end });
    else if (isMask(note, match[0].startsWith('['))) {
      const name = NAME_WORD.test(note) || /^anon/iu.test(note);
      found.push({ kind: name ? 'name' : 'mask', start, end });
    }
  }
  return found;
}

function isMask(note: string, editorial: boolean): boolean {
  if (BARE.test(note)) return true;
  if (!editorial) return REMOVED.test(note) && note.split(/\s+/u).length <= SHORT_NOTE_WORDS;
  return REMOVED.test(note) || /^(?:names?|namen|noms?|nombres?)\b/iu.test(note);
}
