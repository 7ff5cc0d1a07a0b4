/**
 * A small seeded PRNG (mulberry32) and the distributions the generator draws from, so one `--seed`
 * always yields the same dataset.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Index drawn by weight. */
  weighted(weights: readonly number[]): number;
  /** Standard normal (Box-Muller). */
  normal(): number;
  /** Lognormal with the given median and shape sigma. */
  lognormal(median: number, sigma: number): number;
  /** Index in [0, n) with Zipf-like popularity (rank 0 most popular). */
  zipf(n: number, exponent?: number): number;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => {
    const u = 1 - next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  const zipfTables = new Map<string, Float64Array>();
  return {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted(weights) {
      let total = 0;
      for (const w of weights) total += w;
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i];
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    normal,
    lognormal: (median, sigma) => median * Math.exp(sigma * normal()),
    zipf(n, exponent = 1) {
      const key = `${n}:${exponent}`;
      let cumulative = zipfTables.get(key);
      if (!cumulative) {
        cumulative = new Float64Array(n);
        let sum = 0;
        for (let i = 0; i < n; i++) cumulative[i] = sum += 1 / (i + 1) ** exponent;
        for (let i = 0; i < n; i++) cumulative[i] /= sum;
        zipfTables.set(key, cumulative);
      }
      const r = next();
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] < r) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}

/** A child generator whose stream depends only on the parent seed and a name (phases stay independent). */
export function deriveRandom(seed: number, name: string): Random {
  let h = seed >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return createRandom(h);
}
