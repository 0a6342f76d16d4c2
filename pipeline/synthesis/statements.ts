import { sentenceSegmenter } from '../nlp/sentences.js';

/** What a sentence does: recommends, worries or sees a chance. */
export type StatementKind = 'proposal' | 'concern' | 'opportunity';

/** A sentence of a passage, with its offsets in the passage text. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** The sentences of a text, trimmed, with offsets (so `text.slice(start, end)` is the sentence). */
export function sentencesOf(text: string, language: string): Sentence[] {
  const out: Sentence[] = [];
  for (const { segment, index } of sentenceSegmenter(language).segment(text)) {
    const leading = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (trimmed.length === 0) continue;
    const start = index + leading;
    out.push({ text: trimmed, start, end: start + trimmed.length });
  }
  return out;
}

// English cue patterns. A sentence is read as the first kind whose cue it carries, in the order
// proposal, concern, opportunity: "we need more police because crime is rising" recommends.
const PROPOSAL = new RegExp(
  [
    String.raw`\b(should|shouldn'?t|must|ought to|needs? to|need more|we need|recommend\w*|propos\w*|suggest\w*|calls? for|calling for|would like to see|want to see|it would be (good|great|nice|better|helpful)|let'?s|please)\b`,
    // Imperatives and wishes at the start of a sentence: "Build ...", "More bike lanes."
    String.raw`^(build|create|add|provide|make|invest|ban|allow|stop|start|encourage|support|expand|increase|improve|reduce|establish|bring|fix|open|lower|raise|fund|hire|repair|extend|offer|more|less|fewer|better|no more)\b`,
  ].join('|'),
  'i',
);
const CONCERN =
  /\b(problems?|issues?|concern(s|ed|ing)?|worr(y|ied|ies|ying)|afraid|fears?|risks?|danger(ous)?|unsafe|threat(s|ens)?|lack(s|ing)?|not enough|too (many|much|few|little)|barriers?|difficult|hard to|cannot|can't|unable|fail(s|ed|ing|ure)?|poor(ly)?|terrible|awful|crime|abuse|harm(ful)?|suffer(s|ing)?|unaffordable|expensive|shortage|neglect(ed)?|ignored|declin(e|ing)|struggl(e|es|ing))\b/i;
const OPPORTUNITY =
  /\b(opportunit(y|ies)|potential|could (be|become|help|attract|bring|benefit)|would (help|benefit|attract|bring|improve|boost)|chance to|great (place|way|asset)|benefits?|assets?|strengths?|promising|growth|attract(s|ive)?|thriv(e|ing))\b/i;

/**
 * What an English sentence does, recognised from cue words ("should", "we need", "a problem",
 * "could help", imperatives): a proposal, a concern, an opportunity, or null for none. Plain
 * cue matching, so it errs towards missing a statement rather than inventing one; other
 * languages get null.
 */
export function statementKind(sentence: string, language: string): StatementKind | null {
  if (language !== 'en') return null;
  if (PROPOSAL.test(sentence)) return 'proposal';
  if (CONCERN.test(sentence)) return 'concern';
  if (OPPORTUNITY.test(sentence)) return 'opportunity';
  return null;
}
