import { createBaselineMethod } from './baseline.js';
import { createOfflineMethod } from './offline-method.js';
import type { ThemeMethod } from './theme-method.js';

/**
 * The theme methods `brief eval themes` compares: the baseline, then ours (the first method that
 * is not the baseline is reported as "ours").
 */
export async function createThemeMethods(cacheDir: string): Promise<ThemeMethod[]> {
  return [createBaselineMethod(), await createOfflineMethod(cacheDir)];
}
