/**
 * A deterministic survey export for the benchmark, laid out as Google Forms writes one: one row
 * per respondent, system columns (timestamp, e-mail, name), closed questions (stakeholder type,
 * country, age band, a yes/no question, a 1-5 rating) and open questions whose answers are the
 * generated corpus's texts (real texts with seeded noise), about one in six left blank.
 */
import { parse } from 'csv-parse/sync';
import { createRandom } from '../pipeline/random.js';
import { csvField, generateCorpus, type SourceTexts } from './corpus.js';

/** The open questions, as their column headers. */
export const SURVEY_QUESTIONS = [
  'What is working well in your area today?',
  'What should change first, and why?',
  'What worries you most about the next five years?',
  'What would you propose to the programme team?',
  'Is there anything else you would like to add?',
];

/** Closed columns and the values respondents pick from. */
const CLOSED: Readonly<Record<string, readonly string[]>> = {
  'Which best describes you?': ['Resident', 'Business owner', 'Civil society', 'Public servant'],
  Country: ['Kenya', 'Ghana', 'Nigeria', 'Senegal', 'Uganda', 'Rwanda'],
  'Age band': ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'],
  'Do you support the reform? (Yes/No)': ['Yes', 'No'],
  'How satisfied are you with local services? (1-5)': ['1', '2', '3', '4', '5'],
  'Region type': ['Urban', 'Peri-urban', 'Rural'],
  'Have you taken part in a consultation before?': ['Yes', 'No', 'Not sure'],
  'Preferred language': ['English', 'French', 'Swahili'],
  'Gender (optional)': ['Woman', 'Man', 'Prefer not to say'],
  'How did you hear about this survey?': ['Radio', 'Social media', 'Word of mouth', 'E-mail'],
  'Sector of work': ['Agriculture', 'Education', 'Health', 'Trade', 'Other'],
  'Household size': ['1', '2', '3-4', '5+'],
};

/** Share of open answers left blank. */
const BLANK_SHARE = 1 / 6;

/**
 * A survey export of `respondents` rows and 20 columns: Timestamp, Email Address, Your name, 12
 * closed questions and the 5 open ones of {@link SURVEY_QUESTIONS}. Same arguments, same bytes.
 * @param respondents rows (header excluded)
 * @param seed PRNG seed
 * @param src the real texts the answers are made from (see `loadSourceTexts`)
 */
export function generateSurvey(respondents: number, seed: number, src: SourceTexts): string {
  const answers = corpusTexts(respondents * SURVEY_QUESTIONS.length, seed, src);
  const rand = createRandom(seed + 1);
  const closed = Object.entries(CLOSED);
  const header = ['Timestamp', 'Email Address', 'Your name', ...Object.keys(CLOSED)];
  const lines = [[...header, ...SURVEY_QUESTIONS].map(csvField).join(',')];
  const start = Date.UTC(2024, 2, 4);
  for (let r = 0; r < respondents; r++) {
    const time = new Date(start + Math.floor(rand() * 35 * 86_400_000));
    const row = [
      time.toISOString().slice(0, 19).replace('T', ' '),
      `respondent${r + 1}@example.org`,
      `Respondent ${r + 1}`,
    ];
    for (const [, values] of closed) row.push(values[Math.floor(rand() * values.length)] as string);
    for (let q = 0; q < SURVEY_QUESTIONS.length; q++) {
      const text = answers[r * SURVEY_QUESTIONS.length + q] ?? '';
      row.push(rand() < BLANK_SHARE ? '' : text);
    }
    lines.push(row.map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** `count` texts of the generated corpus, in order. */
function corpusTexts(count: number, seed: number, src: SourceTexts): string[] {
  const rows: { text: string }[] = parse(generateCorpus(count, seed, src), { columns: true });
  return rows.map((row) => row.text);
}
