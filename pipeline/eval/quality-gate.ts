// The CI quality gate: every figure of the quick eval checked against its minimum in a file.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { QualityGate } from '../../schemas/quality-gate.js';
import { maxOf } from '../arrays.js';
import { InputError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-info.js';
import { formatIssues } from '../zod-issues.js';

/** The checked-in thresholds of `brief eval themes --quick`. */
export const QUALITY_GATE_FILE = join(PACKAGE_ROOT, 'eval', 'quality-gate.json');

/** One figure against its minimum; a figure the run did not make fails. */
export interface GateCheck {
  figure: string;
  value: number | null;
  minimum: number;
  passed: boolean;
}

/** Reads and validates a gate file; an InputError names the file and what is wrong. */
export async function loadQualityGate(path: string = QUALITY_GATE_FILE): Promise<QualityGate> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new InputError(
      `${path}: cannot read the quality gate: ${(cause as Error).message}`,
      path,
      undefined,
      {
        cause,
      },
    );
  }
  const parsed = QualityGate.safeParse(json);
  if (!parsed.success) throw new InputError(`${path}: ${formatIssues(parsed.error)}`, path);
  return parsed.data;
}

/**
 * Each minimum of the gate against the run's figure of that name, in the file's order; figures
 * of sets the run left out (`--set`) are skipped.
 */
export function checkQualityGate(
  gate: QualityGate,
  figures: Readonly<Record<string, number>>,
  sets: readonly string[],
): GateCheck[] {
  const ran = (figure: string) => sets.includes(figure.slice(0, figure.indexOf('.')));
  return Object.entries(gate.minimums)
    .filter(([figure]) => ran(figure))
    .map(([figure, minimum]) => {
      const value = figures[figure] ?? null;
      return { figure, value, minimum, passed: value !== null && value >= minimum };
    });
}

/** The checks as a table under the gate file's name: figure, value, minimum and verdict. */
export function formatGateChecks(checks: readonly GateCheck[], file: string): string {
  const width = maxOf(
    checks.map((c) => c.figure.length),
    0,
  );
  const lines = checks.map((c) => {
    const value = c.value === null ? 'missing' : c.value.toFixed(3);
    return `  ${c.figure.padEnd(width)}  ${value.padStart(7)}  >= ${c.minimum.toFixed(3)}  ${c.passed ? 'ok' : 'FAILED'}`;
  });
  return `Quality gate (${file}):\n${lines.join('\n')}\n`;
}

/** One line per failed check, naming the figure, its value and its minimum. */
export function gateFailures(checks: readonly GateCheck[]): string[] {
  return checks
    .filter((c) => !c.passed)
    .map((c) =>
      c.value === null
        ? `${c.figure} is missing from the run (minimum ${c.minimum.toFixed(3)})`
        : `${c.figure} is ${c.value.toFixed(3)}, below its minimum ${c.minimum.toFixed(3)}`,
    );
}
