/**
 * Function words per language (ISO 639-1), dropped before TF-IDF so that themes form around
 * content. English keeps its short hand-made list (frequent content-free words beyond it are
 * caught by the max-df cut, and the English word vectors weigh the rest); other languages add the
 * fuller stopwords-iso list, since their features rest on TF-IDF alone.
 */
import { createRequire } from 'node:module';

const ISO = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;

const LISTS: Record<string, string> = {
  en: `a about above after again against all also am an and any are aren't as at be because been before
being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
during each even ever every few for from further get gets got had hadn't has hasn't have haven't having he
he'd he'll he's her here here's hers herself him himself his how how's however i i'd i'll i'm i've if in into
is isn't it it's its itself just let's like lot lots make many may me might more most much must mustn't my
myself need needs no nor not now of off on once one only or other ought our ours ourselves out over own
really same say says shall shan't she she'd she'll she's should shouldn't so some something still such than
that that's the their theirs them themselves then there there's these they they'd they'll they're they've
thing things this those though through thus to too under until up upon us very want was wasn't way we we'd
we'll we're we've well were weren't what what's when when's where where's whether which while who who's
whom whose why why's will with within without won't would wouldn't yes yet you you'd you'll you're you've
your yours yourself yourselves`,
  fr: `au aux avec ce ces cette dans de des du elle en et eux il ils je la le les leur lui ma mais me même mes
moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos
votre vous est sont été être avoir ont a plus très aussi comme donc`,
  es: `a al algo con de del el ella ellas ellos en es esta este esto están fue ha hay la las le les lo los más
me mi muy no nos o para pero por que se ser si sin sobre son su sus también te tiene un una uno y ya`,
  de: `aber als am an auch auf aus bei bin bis das dass dem den der des die doch du ein eine einem einen einer
er es für hat ich ihr im in ist ja kann mit muss nach nicht noch nur oder sehr sein sich sie sind so und
uns von vor war was wir wird zu zum zur`,
  pt: `a ao as com como da das de do dos e ela ele em entre era essa esse está foi há isso já mais mas me
muito na não nas no nos o os ou para pela pelo por que se sem ser seu sua são também um uma`,
  it: `a al alla anche che chi ci come con da dal dei del della di e è gli ha ho i il in la le lo ma mi molto
ne nel non o per più questo se si sono su sua suo tra un una`,
  nl: `aan al als bij dan dat de den der des die dit door een en er het hij hoe ik in is je maar met na naar
niet nog of om ook op over te tot u uit van voor was wat we wel wij ze zijn zo`,
};

const SETS = new Map<string, ReadonlySet<string>>();

/** The stop words of a language (built on first use), or an empty set for an unknown one. */
export function stopWordsFor(language: string): ReadonlySet<string> {
  let set = SETS.get(language);
  if (set === undefined) {
    const own = LISTS[language]?.split(/\s+/) ?? [];
    const iso = language === 'en' ? [] : (ISO[language] ?? []);
    set = new Set([...own, ...iso.map((w) => w.toLowerCase())]);
    SETS.set(language, set);
  }
  return set;
}
