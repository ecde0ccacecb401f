/** One measured contestant: a function that runs `batch` operations per call. */
export type Contestant = { name: string; run: () => void };

export type InterleavedResult = { name: string; opsPerSec: number; ratio: number }[];

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * Times contestants in alternating rounds (A, B, A, B, …) so that drift of a shared, noisy machine hits them alike.
 * Each round runs each contestant for about `roundMs`; the result is the median over rounds of ops/s, and of each
 * contestant's ratio to the first one within the same round.
 */
export function runInterleaved(contestants: Contestant[], batch: number, rounds = 9, roundMs = 250): InterleavedResult {
  for (const c of contestants) for (let i = 0; i < 50; i++) c.run(); // warm up the JIT
  const ops: number[][] = contestants.map(() => []);
  const ratios: number[][] = contestants.map(() => []);
  for (let r = 0; r < rounds; r++) {
    const perRound = contestants.map((c) => {
      let calls = 0;
      const start = performance.now();
      let elapsed = 0;
      while (elapsed < roundMs) {
        c.run();
        calls++;
        elapsed = performance.now() - start;
      }
      return (calls * batch * 1000) / elapsed;
    });
    perRound.forEach((v, i) => {
      ops[i]!.push(v);
      ratios[i]!.push(v / perRound[0]!);
    });
  }
  return contestants.map((c, i) => ({ name: c.name, opsPerSec: median(ops[i]!), ratio: median(ratios[i]!) }));
}
