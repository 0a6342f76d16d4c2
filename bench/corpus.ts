/**
 * Deterministic synthetic corpus for the benchmark: real texts from the two examples, replicated
 * with seeded noise (typos, dropped and swapped words, case changes, greetings, sign-offs,
 * contact details, merged posts, exact duplicates, emoji-only and URL-only rows).
 * Same `count`, `seed` and sources give the same CSV, byte for byte.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { createRandom } from '../pipeline/random.js';

/** The real texts a corpus is built from. */
export interface SourceTexts {
  /** `comment-body` of examples/bowling-green/comments.csv. */
  bowlingGreen: readonly string[];
  /** `text` of examples/rule-of-law/contributions.csv. */
  ruleOfLaw: readonly string[];
}

/** Quotes one CSV field (RFC 4180) when it holds a comma, quote, CR or LF. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The non-empty values of column `name` in the CSV file at `path`. */
function readColumn(path: string, name: string): string[] {
  const rows: Record<string, string>[] = parse(readFileSync(path), { columns: true, bom: true });
  if (rows[0] && !(name in rows[0])) throw new Error(`${path}: no column "${name}"`);
  return rows.map((r) => (r[name] ?? '').trim()).filter((t) => t.length > 0);
}

/** Reads the source texts of both examples from a checkout of the repository. */
export function loadSourceTexts(repoRoot: string): SourceTexts {
  return {
    bowlingGreen: readColumn(join(repoRoot, 'examples/bowling-green/comments.csv'), 'comment-body'),
    ruleOfLaw: readColumn(join(repoRoot, 'examples/rule-of-law/contributions.csv'), 'text'),
  };
}

/** The repository root: the nearest ancestor of this module holding the examples. */
const GREETINGS = ['Hi all,', 'Hello everyone,', 'Dear facilitators,', 'Good morning,', 'Hi,'];
const SIGN_OFFS = ['Best regards,', 'Thanks,', 'Kind regards,', 'Cheers,', 'Many thanks'];
const NAMES = ['Sam', 'Amina', 'Luis', 'Mei', 'Olga', 'Kwame', 'Priya', 'Tom', 'Fatima', 'Jan'];
const EMOJI = ['👍', '👍👍👍', '🙏', '❤️', '😡😡', '🤔', '✅', '💯', '👏👏'];
const URLS = ['https://example.org/petition', 'http://example.com/a?id=42', 'www.example.net/read'];
/** First instant of the synthetic period (2024-03-04T00:00:00Z) and its length (35 days). */
const START_MS = Date.UTC(2024, 2, 4);
const PERIOD_MS = 35 * 86_400_000;

/**
 * Builds a CSV (`id,author,date,text`, LF line ends, trailing newline) of `count` synthetic
 * contributions. About 5% of rows copy an earlier row's text exactly, about 3% are emoji-only
 * or URL-only, about 15% join two or three source texts into a multi-paragraph post; the rest
 * are one source text with word-level noise and sometimes a greeting, contact detail or
 * sign-off. Authors follow a skewed distribution over about `count / 3` participants.
 * Short texts and the emoji/URL rows also repeat by chance: at 100,000 rows about 15% of rows
 * repeat an earlier row's text exactly.
 *
 * @param count number of rows (header excluded)
 * @param seed PRNG seed; same seed, count and sources give identical output
 * @param src the real texts (see `loadSourceTexts`)
 */
export function generateCorpus(count: number, seed: number, src: SourceTexts): string {
  const pool = [...src.bowlingGreen, ...src.ruleOfLaw];
  if (pool.length === 0) throw new Error('generateCorpus: no source texts');
  const rand = createRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const participants = Math.max(1, Math.ceil(count / 3));

  /** Misspells a word: swaps, deletes or doubles one inner character. */
  const typo = (w: string): string => {
    if (w.length < 4) return w;
    const p = 1 + Math.floor(rand() * (w.length - 2));
    const k = rand();
    if (k < 0.4) return w.slice(0, p) + w.charAt(p + 1) + w.charAt(p) + w.slice(p + 2);
    if (k < 0.7) return w.slice(0, p) + w.slice(p + 1);
    return w.slice(0, p) + w.charAt(p) + w.slice(p);
  };

  /** Word drops, swaps and typos (about 2% of words each; at least one edit), sometimes a case change. */
  const perturb = (text: string): string => {
    const words = text.split(' ');
    const out: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i] ?? '';
      const x = rand();
      if (x < 0.02 && words.length > 3) continue;
      if (x < 0.04 && i + 1 < words.length) {
        out.push(words[i + 1] ?? '', w);
        i++;
      } else out.push(x < 0.06 ? typo(w) : w);
    }
    let joined = out.join(' ');
    if (joined === text) {
      // Always change something, so that only the deliberate copies are exact duplicates.
      const k = Math.floor(rand() * out.length);
      out[k] = typo(out[k] ?? '');
      joined = out.join(' ');
      if (joined === text) joined += rand() < 0.5 ? '!' : ' ...';
    }
    const c = rand();
    return c < 0.04 ? joined.toLowerCase() : c < 0.055 ? joined.toUpperCase() : joined;
  };

  const texts: string[] = [];
  const authors: string[] = [];
  const lines = ['id,author,date,text'];
  for (let i = 0; i < count; i++) {
    let author = `p${Math.floor(participants * rand() ** 2) + 1}`;
    let text: string;
    const r = rand();
    if (r < 0.05 && i > 0) {
      const j = Math.floor(rand() * i);
      text = texts[j] ?? '';
      if (rand() < 0.5) author = authors[j] ?? author;
    } else if (r < 0.08) {
      text = rand() < 0.5 ? pick(EMOJI) : pick(URLS);
    } else {
      const n = r < 0.23 ? 2 + Math.floor(rand() * 2) : 1;
      const parts: string[] = [];
      for (let k = 0; k < n; k++) parts.push(perturb(pick(pool)));
      const name = pick(NAMES);
      if (rand() < 0.08) parts.unshift(pick(GREETINGS));
      const contact = rand();
      if (contact < 0.03) parts.push(`Email me at ${name.toLowerCase()}.${i % 97}@example.org`);
      else if (contact < 0.05)
        parts.push(`Call me on +1 270 555 01${String(i % 100).padStart(2, '0')}`);
      if (rand() < 0.06) parts.push(`${pick(SIGN_OFFS)}\n${name}`);
      text = parts.join('\n\n');
    }
    const date = new Date(START_MS + Math.floor(rand() * PERIOD_MS)).toISOString();
    texts.push(text);
    authors.push(author);
    lines.push(`c${String(i + 1).padStart(6, '0')},${author},${date},${csvField(text)}`);
  }
  return `${lines.join('\n')}\n`;
}
