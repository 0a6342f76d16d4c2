// sources.csv is written gzip-compressed as sources.csv.gz above brief.sourcesGzipAbove bytes, and everything points at it.
import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { SOURCES_CSV, SOURCES_CSV_GZ, sourcesFile } from '../../pipeline/brief/sources-csv.js';
import { Consultation } from '../../schemas/consultation.js';
import { copyFixture, runCli } from '../helpers/cli.js';
import { reportListRows } from '../helpers/report-list.js';

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

describe('the sources file', () => {
  it('is plain CSV up to the size named, gzip-compressed above it', () => {
    const csv = 'number,contribution\r\n1,c1\r\n';
    expect(sourcesFile(csv, csv.length)).toEqual({
      file: SOURCES_CSV,
      content: csv,
      replaces: SOURCES_CSV_GZ,
    });
    const large = sourcesFile(csv, csv.length - 1);
    expect(large.file).toBe(SOURCES_CSV_GZ);
    expect(large.replaces).toBe(SOURCES_CSV);
    expect(gunzipSync(large.content as Uint8Array).toString('utf8')).toBe(csv);
  });

  it('is compressed above 50 MB unless the config says otherwise', () => {
    const config = Consultation.parse({ title: 'T', input: { files: ['a.csv'] } });
    expect(config.brief.sourcesGzipAbove).toBe(50_000_000);
  });

  it('compressed, is what the brief links, the manifest records and the report lists', async () => {
    const dir = await copyFixture('mini');
    const config = join(dir, 'consultation.yaml');
    const out = join(dir, 'out');
    const args = ['run', config, '--out', out, '--date', '2024-06-01'];
    expect((await runCli(args)).code).toBe(0);
    const csv = await readFile(join(out, SOURCES_CSV), 'utf8');
    const yaml = await readFile(config, 'utf8');
    await writeFile(config, `${yaml}brief: { sourcesGzipAbove: 100 }\n`);
    const run = await runCli(args);
    expect(run.code, run.stderr).toBe(0);
    // The compressed file replaces the plain one, with the same rows.
    expect(await exists(join(out, SOURCES_CSV))).toBe(false);
    expect(gunzipSync(await readFile(join(out, SOURCES_CSV_GZ))).toString('utf8')).toBe(csv);
    const brief = await readFile(join(out, 'brief.md'), 'utf8');
    expect(brief).toContain(`[${SOURCES_CSV_GZ}](${SOURCES_CSV_GZ})`);
    expect(brief).not.toContain(`(${SOURCES_CSV})`);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    const files = manifest.stages.render.attachments.map((a: { file: string }) => a.file);
    expect(files).toContain(SOURCES_CSV_GZ);
    expect(files).not.toContain(SOURCES_CSV);
    const rows = reportListRows(await readFile(join(out, 'report.html'), 'utf8'));
    expect(rows.map((row) => row.contribution)).toEqual(
      (parse(csv, { columns: true }) as { contribution: string }[]).map((row) => row.contribution),
    );
    expect(run.stderr).not.toContain('warning');
    // Back under the size, the plain file returns and the compressed one goes.
    await writeFile(config, yaml);
    expect((await runCli(args)).code).toBe(0);
    expect(await exists(join(out, SOURCES_CSV_GZ))).toBe(false);
    expect(await readFile(join(out, SOURCES_CSV), 'utf8')).toBe(csv);
  }, 90_000);
});
