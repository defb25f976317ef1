/**
 * A reproducible random sample for spot checks: the same items, the same seed and the same size
 * always pick the same items, so an inspector can redo the draw. mulberry32 is a small, well-known
 * 32-bit generator; Math.random cannot be seeded.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `size` items drawn without replacement (a partial Fisher–Yates shuffle), kept in their original order. */
export function seededSample<T>(items: readonly T[], size: number, seed: number): T[] {
  const n = Math.max(0, Math.min(Math.floor(size), items.length));
  const random = mulberry32(seed);
  const index = items.map((_item, i) => i);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (index.length - i));
    [index[i], index[j]] = [index[j], index[i]];
  }
  return index
    .slice(0, n)
    .sort((a, b) => a - b)
    .map((i) => items[i]);
}
