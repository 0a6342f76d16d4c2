/**
 * English function words left out of the baseline's TF-IDF: articles, pronouns, auxiliaries,
 * prepositions, conjunctions and common adverbs, with their usual contractions. Negations
 * ("not", "no") are included too, as in the usual bag-of-words baselines.
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all almost along already also although always am among an
  and another any anyone anything are aren't around as at be became because been before being
  below between both but by can can't cannot could couldn't did didn't do does doesn't doing
  don't done down during each either else enough etc even ever every everyone everything few
  for from further get gets getting got had hadn't has hasn't have haven't having he he'd he'll
  he's her here here's hers herself him himself his how how's however i i'd i'll i'm i've if in
  into is isn't it it's its itself just least less let let's like many may me might more most
  much must mustn't my myself neither never no nor not nothing now of off often on once one only
  or other others otherwise ought our ours ourselves out over own per perhaps quite rather really
  same shall shan't she she'd she'll she's should shouldn't since so some someone something still
  such than that that's the their theirs them themselves then there there's therefore these they
  they'd they'll they're they've this those though through thus to too toward towards under until
  up upon us very via was wasn't we we'd we'll we're we've well were weren't what what's whatever
  when when's where where's whether which while who who's whoever whole whom whose why why's will
  with within without won't would wouldn't yet you you'd you'll you're you've your yours yourself
  yourselves`.split(/\s+/),
);
