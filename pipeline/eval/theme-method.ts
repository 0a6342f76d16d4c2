/**
 * A way of finding themes, as `brief eval themes` scores it: emergent (clustering) and guided
 * (assignment to a taxonomy). Both return one integer per text, in the order of the texts.
 */
export interface ThemeMethod {
  /** Shown in reports; unique among the methods evaluated together. */
  name: string;
  /**
   * Clusters texts; returns a cluster index per text (-1 = unassigned/other, counted as its own
   * cluster for NMI/ARI). `k` = the true number of groups, which a method may ignore (ours
   * chooses k itself; the baseline uses it). The same seed must give the same clusters.
   */
  cluster(texts: readonly string[], k: number, seed: number): Promise<Int32Array>;
  /** Assigns each text to one of the taxonomy entries (index) or -1. */
  assign(texts: readonly string[], taxonomy: readonly string[]): Promise<Int32Array>;
}
