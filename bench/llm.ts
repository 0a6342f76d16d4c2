import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCacheDir } from '../pipeline/cache-dir.js';
import { messageTokens, tokenCounter } from '../pipeline/llm/tokens.js';
import { PACKAGE_ROOT } from '../pipeline/package-info.js';
import { runPipeline } from '../pipeline/runner.js';
import { startOpenAiStub } from './openai-stub.js';

const TARGET_PER_THOUSAND = 300_000;

/**
 * Tokens of a full LLM run per 1,000 contributions (target at most 300,000), measured with the
 * local OpenAI-compatible stub recording every request and the usage it reports (about four
 * characters per token), for each example; also the dry run's estimate against it and a
 * re-run from the response cache. `count` is not used: the examples are the corpora.
 */
export async function benchLlm(_count: number): Promise<string> {
  const stub = await startOpenAiStub();
  const dir = await mkdtemp(join(tmpdir(), 'brief-bench-llm-'));
  const lines: string[] = [];
  const quiet = { debug: () => {}, info: () => {}, warn: () => {} };
  const count = await tokenCounter();
  try {
    for (const example of ['bowling-green', 'rule-of-law']) {
      const run = (dryRun: boolean, from?: 'themes') =>
        runPipeline({
          configPath: join(PACKAGE_ROOT, 'examples', example, 'consultation.yaml'),
          outDir: join(dir, example),
          cacheDir: defaultCacheDir(process.env),
          logger: quiet,
          provider: 'openai-compatible',
          from,
          llm: { dryRun, env: { OPENAI_BASE_URL: stub.url, OPENAI_API_KEY: 'bench' } },
        });
      const dry = await run(true);
      stub.reset();
      const started = performance.now();
      const summary = await run(false);
      const seconds = (performance.now() - started) / 1000;
      const used = stub.usage();
      const tokens = used.prompt_tokens + used.completion_tokens;
      const o200k = stub.requests.reduce(
        (sum, r) => sum + (r.status === 200 ? messageTokens(count, r.body.messages) : 0),
        0,
      );
      const clean = summary.manifest.stages.clean?.counts ?? {};
      const read = clean.read ?? 0;
      const kept = clean.kept ?? 0;
      const estimate = dry.llm ? dry.llm.usage.promptTokens + dry.llm.usage.completionTokens : 0;
      stub.reset();
      const again = await run(false, 'themes');
      const perKept = (tokens / kept) * 1000;
      lines.push(
        `LLM run of ${example}: ${read} contributions read, ${kept} kept`,
        `  ${used.requests} requests, ${tokens.toLocaleString('en')} tokens (${used.prompt_tokens.toLocaleString('en')} prompt + ${used.completion_tokens.toLocaleString('en')} completion) in ${seconds.toFixed(1)} s`,
        `  the same prompts by the o200k tokenizer (GPT-4o and later): ${o200k.toLocaleString('en')} tokens (${((o200k / used.prompt_tokens) * 100).toFixed(0)}% of the server's count)`,
        `  per 1,000 kept contributions: ${Math.round(perKept).toLocaleString('en')} tokens; per 1,000 read: ${Math.round((tokens / read) * 1000).toLocaleString('en')}  (target <= ${TARGET_PER_THOUSAND.toLocaleString('en')})`,
        `  dry-run estimate ${estimate.toLocaleString('en')} tokens (${((estimate / tokens) * 100).toFixed(0)}% of the server's count); cost at gpt-4o-mini prices $${summary.llm?.usage.cost?.toFixed(4)}`,
        `  re-run from themes: ${stub.requests.length} requests, ${again.llm?.usage.cached ?? 0} answers from the cache`,
      );
    }
  } finally {
    await stub.close();
    await rm(dir, { recursive: true, force: true });
  }
  return lines.join('\n');
}
