// The methodology paragraph in plain words, and the annex line naming the providers and models behind it.
import type { Accounting } from '../../schemas/accounting.js';
import type { TaxonomyTheme } from '../../schemas/consultation.js';
import type { Themes } from '../../schemas/themes.js';
import { listOf } from '../synthesis/findings/theme-findings.js';
import { unreadLanguages, unreadMethodology } from '../synthesis/reading/unread.js';
import { breakdownMethodology } from './breakdown-methodology.js';
import { capsMethodology } from './brief-caps.js';
import { describeLongContributions } from './long-contributions.js';
import { inlineText } from './markdown-escape.js';
import { modelWritingText, namingText } from './model-methodology.js';
import { count, type People } from './people.js';
import { readingText } from './reading-methodology.js';
import type { BriefInput } from './render-brief.js';
import { reviewMethodology } from './review-text.js';

/**
 * What the run did, in words a programme officer reads: what was kept, merged and excluded,
 * how themes were found and findings written, and what the counts mean. Provider and model
 * ids are not named here but in the annex (see `runDetails`).
 */
export function methodologyText(input: BriefInput, acc: Accounting, people: People): string {
  const { findings, config, records } = input;
  const sentences = [
    recordsSentence(acc),
    `Kept contributions by language: ${
      Object.entries(acc.languages)
        .map(([code, n]) => `${code} ${n.toLocaleString('en')}`)
        .join(', ') || 'none'
    }.`,
    unreadMethodology(unreadLanguages(acc.languages)),
    describeLongContributions(records),
    themesSentence(input),
    reviewMethodology(input.themes),
    findings.synthesiser.kind === 'offline'
      ? 'The findings were written without a language model: every statement is a contributor’s own sentence, or a fixed frame around such sentences and counts.'
      : modelWritingText(findings),
    readingText(findings),
    groundingSentence(findings),
  ];
  if (findings.opinionGroups) {
    const sizes = findings.opinionGroups.sizes;
    const voters = sizes.reduce((a, b) => a + b, 0);
    sentences.push(
      `From their votes, the ${count(voters, 'voter')} who voted often enough fall into ${sizes.length} opinion groups of ${listOf(sizes.map((n) => n.toLocaleString('en')))} voters.`,
    );
  }
  sentences.push(
    breakdownMethodology(findings.breakdowns, config.brief.breakdownMaxGroups),
    people.limitation(),
    capsMethodology(
      config.brief,
      people.identification === 'none' ? 'contributions' : 'participants',
    ),
    'Counts describe who took part, not the population: participants chose themselves, and one person may write under several names.',
  );
  return sentences.filter(Boolean).join(' ');
}

function recordsSentence(acc: Accounting): string {
  const n = (value: number) => value.toLocaleString('en');
  const excluded = Object.entries(acc.excluded).filter(([, value]) => value > 0);
  const duplicates = acc.duplicates.exact + acc.duplicates.near;
  const nothing =
    acc.nothingToChange > 0
      ? `, ${n(acc.nothingToChange)} said only that nothing needs to change (counted under their question, not themed)`
      : '';
  const out =
    excluded.length > 0
      ? `, and ${excluded.map(([reason, value]) => `${n(value)} excluded as ${reason.replaceAll('-', ' ')}`).join(', ')}`
      : '';
  const merged =
    duplicates > 0 ? `, ${n(duplicates)} merged into an earlier copy as extra voices` : '';
  const blank =
    acc.blankAnswers > 0
      ? ` Respondents left ${count(acc.blankAnswers, 'answer')} blank (questions they skipped), counted here and not as contributions.`
      : '';
  return `Of ${count(acc.read, 'record')} read, ${n(acc.kept)} were kept${merged}${nothing}${out}.${blank}`;
}

/** How themes were found, in plain words: grouping by meaning, where the vectors came from. */
function themesSentence(input: BriefInput): string {
  const { themes, config } = input;
  const model = themes.method.provider.startsWith('model:');
  const how = model
    ? 'with a language model’s embeddings of each passage (the passages were sent to the embedding service named in the annex)'
    : 'with word vectors bundled with the tool; no data left the machine';
  const guided =
    config.themes.length > 0
      ? ` Passages were first matched to the ${config.themes.length} themes of the consultation’s own taxonomy, and the rest grouped into emergent themes.`
      : '';
  const other = themes.nonEnglishPassageIds.length;
  const all = other === input.findings.totals.passages;
  const which = all
    ? 'every passage is in another language, so all were'
    : `the ${count(other, 'passage')} in other languages were`;
  const unmatched =
    !model && other > 0
      ? ` The bundled word vectors are English: ${which} grouped by the words they share.`
      : '';
  return `Themes were found by grouping passages by meaning, ${how}${namingText(themes.method)}.${guided}${unmatched}${describeEmptyTaxonomy(config.themes, themes)}`;
}

/** What share of kept contributions the findings cite, and how many findings failed the checks. */
function groundingSentence({ grounding }: BriefInput['findings']): string {
  const dropped = Object.values(grounding.dropped).reduce((a, b) => a + b, 0);
  const checks =
    dropped === 0
      ? 'no finding failed the checks against its sources'
      : `${count(dropped, 'finding')} that failed the checks against ${dropped === 1 ? 'its' : 'their'} sources ${dropped === 1 ? 'was' : 'were'} left out`;
  return `Every finding cites the contributions it rests on; ${Math.round(grounding.coverage * 100)}% of kept contributions are cited, and ${checks}.`;
}

/** The taxonomy themes no passage joined (left out of the themes), as a sentence, or ''. */
export function describeEmptyTaxonomy(
  taxonomy: readonly Pick<TaxonomyTheme, 'id' | 'label'>[],
  themes: Pick<Themes, 'themes'>,
): string {
  const found = new Set(themes.themes.map((theme) => theme.id));
  const empty = taxonomy.filter((theme) => !found.has(theme.id));
  if (empty.length === 0) return '';
  return ` Taxonomy themes with no contributions: ${empty.map((theme) => inlineText(theme.label)).join(', ')}.`;
}

/**
 * The annex's run details: the embedding provider, how the number of themes was chosen, the
 * models that named themes, wrote findings and read statements, and the opinion-group method.
 */
export function runDetails({ themes, findings }: BriefInput): string[] {
  const code = (text: string) => `\`${text.replaceAll('`', "'")}\``;
  const items = [
    `Embeddings: ${code(themes.method.provider)}; themes chosen by ${themes.method.criterion}.`,
    themes.method.labelledBy ? `Theme names: ${code(themes.method.labelledBy)}.` : '',
    `Findings: ${code(findings.synthesiser.name)}.`,
    findings.reading ? `Statement reading: ${code(findings.reading.model)}.` : '',
    findings.opinionGroups ? `Opinion groups: ${findings.opinionGroups.method}.` : '',
  ];
  return ['### Run details', '', items.filter(Boolean).join(' '), ''];
}
