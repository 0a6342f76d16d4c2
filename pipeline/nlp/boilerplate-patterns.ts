/**
 * Phrases that mark e-mail and forum boilerplate, in the languages consultations most often use.
 * Each pattern matches a whole (trimmed) line unless said otherwise.
 */

/** A greeting word or phrase opening a contribution; what may follow is checked in code. */
export const GREETING =
  /^(?:hi|hello|hey|hiya|howdy|greetings|dear|good (?:morning|afternoon|evening|day)|bonjour|bonsoir|salut|cher|chère|chers|chères|hola|buen(?:os|as) (?:días|tardes|noches)|estimad[oa]s?|querid[oa]s?|hallo|guten (?:tag|morgen|abend)|lieber?|sehr geehrte[rs]?|beste|goedemorgen|goedemiddag)(?![\p{L}\p{N}])/iu;

/** Greetings that need an addressee ("Dear colleagues"), unlike "Hello". */
export const NEEDS_ADDRESSEE = /^(?:dear|cher|chère|chers|chères|estimad|querid|liebe|sehr|beste)/i;

/** Lower-case words that may address a group after a greeting word. */
export const ADDRESSEES = new Set([
  ...['all', 'everyone', 'everybody', 'folks', 'team', 'colleagues', 'friends', 'there', 'guys'],
  ...["y'all", 'ladies', 'gentlemen', 'and', '&', 'sir', 'madam', 'sir/madam', 'members'],
  ...['participants', 'moderators', 'organisers', 'organizers', 'again', 'to', 'à', 'a', 'tous'],
  ...['toutes', 'collègues', 'amis', 'todos', 'todas', 'colegas', 'amigos', 'alle', 'zusammen'],
  ...['kolleginnen', 'kollegen', 'allemaal', 'collega', "collega's"],
]);

/** A closing phrase; `rest` is what follows it on the line, see {@link isSignOffLine}. */
const SIGN_OFF =
  /^(?:(?:with |many |warm(?:est)? |kind(?:est)? |best |warmest |my )?(?:regards|wishes)|best|all the best|cheers|thanks(?: again| in advance| for reading| for your (?:time|attention|consideration))?|thank you(?: (?:again|in advance|for reading|for your (?:time|attention|consideration)))?|many thanks|(?:yours )?sincerely|yours(?: truly| faithfully)?|respectfully|take care|cordialement|bien (?:à vous|cordialement)|salutations(?: distinguées)?|merci(?: beaucoup)?|(?:un )?saludos?(?: cordiales)?|atentamente|gracias|mit freundlichen grüßen|(?:viele|beste|liebe) grüße|danke|(?:met vriendelijke )?groet(?:en)?)[,.!]*(?<rest>.*)$/iu;

/** Up to four capitalised words: the name in "Thanks, Ana Lima". Case-sensitive on purpose. */
const NAME = /^\s*[,–—-]?\s*\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*){0,3}$/u;

/** A closing line: a sign-off phrase alone or followed by a name ("Thanks, Ana"). */
export function isSignOffLine(line: string): boolean {
  const rest = SIGN_OFF.exec(line)?.groups?.rest;
  return rest !== undefined && (rest.length === 0 || NAME.test(rest));
}

/** A short line that can follow a sign-off: a name, role, organisation or contact placeholder. */
export function isNameLine(line: string): boolean {
  if (line.length === 0) return true;
  if (line.length > 60 || /[.!?]$/.test(line)) return false;
  return line.split(' ').length <= 6;
}

/** The conventional signature delimiter `-- ` (trimmed by normalisation). */
export const SIGNATURE_DELIMITER = /^--$/;

/** Mobile and mail-client signatures. */
export const CLIENT_SIGNATURE =
  /^(?:sent from my [\p{L}\p{N} ]{2,30}|sent from (?:outlook|mail|yahoo mail|gmail)[\p{L}\p{N} ]{0,30}|get outlook for [\p{L}\p{N} ]{2,20}|envoyé de mon [\p{L}\p{N} ]{2,30}|enviado desde mi [\p{L}\p{N} ]{2,30}|von meinem [\p{L}\p{N} ]{2,30} gesendet)\.?$/iu;

/** "On Tue, 13 Feb 2018, Ana <[email]> wrote:" and its French, German, Spanish forms. */
export const ATTRIBUTION =
  /^(?:on\b.{1,250}\bwrote|le\b.{1,250}\ba écrit|am\b.{1,250}\bschrieb.{0,100}|el\b.{1,250}\bescribió)\s?:$/i;

/** The start of an attribution that a mail client wrapped over two lines. */
export const ATTRIBUTION_START = /^(?:on|le|am|el)\s/i;

/** Lines that start a forwarded or replied-to message; everything after them is quoted. */
export const QUOTED_HEADER =
  /^(?:-{2,}\s*(?:original message|message d'origine|mensaje original|ursprüngliche nachricht)\s*-{2,}|_{10,})$/i;
export const HEADER_FIELD =
  /^(?:from|de|von|sent|date|envoyé|enviado|gesendet|to|à|para|an|subject|objet|asunto|betreff):\s/i;
