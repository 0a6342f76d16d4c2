// How the brief speaks of the people behind the contributions: as fact only when authors are known.
import type { Findings, Support } from '../../schemas/findings.js';

/** How many participants are known by an author id: all, none, or some of them. */
export type Identification = 'all' | 'none' | 'some';

/**
 * The brief's wording for counts of people. With an author on every contribution, participants
 * are counted as fact ("281 participants"). Without any author, each contribution counts as its
 * own participant, so the brief speaks of contributions and says "at most N people"; with some
 * authors, counts of people are upper bounds and the total is a range.
 */
export class People {
  readonly identification: Identification;

  constructor(private readonly totals: Findings['totals']) {
    this.identification =
      totals.identifiedParticipants >= totals.participants
        ? 'all'
        : totals.identifiedParticipants === 0
          ? 'none'
          : 'some';
  }

  /** Who took part, in total: "281 participants", "at most 948 people" or a range. */
  total(): string {
    const { participants, identifiedParticipants } = this.totals;
    if (this.identification === 'all') return count(participants, 'participant');
    if (this.identification === 'none') return `at most ${count(participants, 'person', 'people')}`;
    return `at least ${identifiedParticipants.toLocaleString('en')} and at most ${count(participants, 'person', 'people')}`;
  }

  /** A count of people behind part of the consultation: exact, or "at most N people". */
  some(participants: number): string {
    return this.identification === 'all'
      ? count(participants, 'participant')
      : `at most ${count(participants, 'person', 'people')}`;
  }

  /**
   * A theme's size with its share, naming what the share is of: "93 participants (33% of all
   * participants), 147 contributions"; without authors "147 contributions (33% of all
   * contributions)", since each one then counts as a participant.
   */
  themeSize(participants: number, share: number, contributions: number): string {
    const percent = `${Math.round(share * 100)}% of all ${this.shareOf()}`;
    if (this.identification === 'none')
      return `${count(contributions, 'contribution')} (${percent})`;
    return `${this.some(participants)} (${percent}), ${count(contributions, 'contribution')}`;
  }

  /** What a theme's share is of: "participants", "people" (upper bounds) or "contributions". */
  shareOf(): string {
    if (this.identification === 'none') return 'contributions';
    return this.identification === 'all' ? 'participants' : 'people';
  }

  /** Contributions and who made them: "607 contributions from 281 participants". */
  from(contributions: number, participants: number): string {
    const made = count(contributions, 'contribution');
    return this.identification === 'none' ? made : `${made} from ${this.some(participants)}`;
  }

  /** A finding's support: "2 contributions, 2 participants", or the contributions alone. */
  support(support: Support): string {
    const made = count(support.contributions, 'contribution');
    return this.identification === 'none' ? made : `${made}, ${this.some(support.participants)}`;
  }

  /** The heading of a table column counting people, or null when it would repeat contributions. */
  column(): string | null {
    if (this.identification === 'none') return null;
    return this.identification === 'all' ? 'Participants' : 'People (at most)';
  }

  /** Why counts of people are what they are, for the methodology; '' when authors are known. */
  limitation(): string {
    const { participants, identifiedParticipants } = this.totals;
    if (this.identification === 'all') return '';
    if (this.identification === 'none')
      return `The contributions name no author (no \`author\` field), so people cannot be told apart: each contribution counts as if a different person made it, and the brief counts contributions, which came from at most ${count(participants, 'person', 'people')}.`;
    const anonymous = participants - identifiedParticipants;
    return `Only some contributions name their author: ${count(identifiedParticipants, 'author')} can be told apart, and the ${anonymous.toLocaleString('en')} contribution${anonymous === 1 ? '' : 's'} without one each count as a different person, so counts of people are upper bounds (at least ${identifiedParticipants.toLocaleString('en')} and at most ${count(participants, 'person', 'people')} in all).`;
  }
}

/** "1 contribution", "2,000 contributions"; `plural` for irregular nouns. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? noun : plural}`;
}
