// A byte count as people read it: 884 bytes, 112 KB, 9.3 MB, 1.2 GB.

/** `bytes` in bytes, KB, MB or GB (1024-based), one decimal below 10. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] =
    bytes < 1 << 20
      ? [bytes / 1024, 'KB']
      : bytes < 1 << 30
        ? [bytes / (1 << 20), 'MB']
        : [bytes / (1 << 30), 'GB'];
  return `${value.toFixed(value < 10 ? 1 : 0)} ${unit}`;
}
