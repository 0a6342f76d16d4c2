// The cue-word statement classifier the product used before issue 14, kept as the baseline of
// `brief eval synthesis`: a sentence is the first kind whose English cue it carries, plus, by
// cue words of their own, praise, nothing to change and self-description.
import type { FindingKind, StatementKind } from '../synthesis/reading/reader.js';

const PROPOSAL = new RegExp(
  [
    String.raw`\b(should|shouldn'?t|must|ought to|needs? to|need more|we need|recommend\w*|propos\w*|suggest\w*|calls? for|calling for|would like to see|want to see|it would be (good|great|nice|better|helpful)|let'?s|please)\b`,
    String.raw`^(build|create|add|provide|make|invest|ban|allow|stop|start|encourage|support|expand|increase|improve|reduce|establish|bring|fix|open|lower|raise|fund|hire|repair|extend|offer|more|less|fewer|better|no more)\b`,
  ].join('|'),
  'i',
);
const CONCERN =
  /\b(problems?|issues?|concern(s|ed|ing)?|worr(y|ied|ies|ying)|afraid|fears?|risks?|danger(ous)?|unsafe|threat(s|ens)?|lack(s|ing)?|not enough|too (many|much|few|little)|barriers?|difficult|hard to|cannot|can't|unable|fail(s|ed|ing|ure)?|poor(ly)?|terrible|awful|crime|abuse|harm(ful)?|suffer(s|ing)?|unaffordable|expensive|shortage|neglect(ed)?|ignored|declin(e|ing)|struggl(e|es|ing))\b/i;
const OPPORTUNITY =
  /\b(opportunit(y|ies)|potential|could (be|become|help|attract|bring|benefit)|would (help|benefit|attract|bring|improve|boost)|chance to|great (place|way|asset)|benefits?|assets?|strengths?|promising|growth|attract(s|ive)?|thriv(e|ing))\b/i;

/** The kind an English sentence's cue words suggest, in the order proposal, concern, opportunity. */
export function cueStatementKind(sentence: string): FindingKind | null {
  if (PROPOSAL.test(sentence)) return 'proposal';
  if (CONCERN.test(sentence)) return 'concern';
  if (OPPORTUNITY.test(sentence)) return 'opportunity';
  return null;
}

const PRAISE =
  /\b(great|good|excellent|helpful|friendly|kind|lovely|wonderful|brilliant|amazing|fantastic|perfect|thank(s| you)?|well done|love)\b/i;
const NOTHING_TO_CHANGE =
  /^(nothing|no|none|n\/a|nope|not really)\b|\b(nothing (to|needs|should|could)|can(no|')t be better|keep (it|doing))\b/i;
const SELF_DESCRIPTION = /^(i am|i'm|i identify|as a|my (age|job|gender))\b/i;

/**
 * The kinds an English sentence's cue words suggest: the old classifier's kind (see
 * `cueStatementKind`), then praise, nothing_to_change and self_description by their own cues;
 * `['other']` when none.
 */
export function cueKinds(sentence: string): StatementKind[] {
  const text = sentence.trim();
  const kinds: StatementKind[] = [];
  const old = cueStatementKind(text);
  if (old !== null) kinds.push(old);
  if (PRAISE.test(text)) kinds.push('praise');
  if (NOTHING_TO_CHANGE.test(text)) kinds.push('nothing_to_change');
  if (SELF_DESCRIPTION.test(text)) kinds.push('self_description');
  return kinds.length > 0 ? kinds : ['other'];
}
