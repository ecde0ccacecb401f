/** A throughput run: autocannon POSTing varied deals (generated in the child) for `durationSec`. */
export type CannonJob = {
  kind: 'cannon';
  base: string;
  path: string;
  headers: Record<string, string>;
  connections: number;
  durationSec: number;
  /** Deals `from … from+count-1` (crm-data.ts), owners rotating over `owners`, sent round-robin. */
  bodies: { from: number; count: number; owners: string[] };
  /** Send `{ [wrap]: data }` instead of the bare data object. */
  wrap?: string;
};

export type CannonResult = {
  requestsPerSec: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  latencyMs: { p50: number; p97_5: number; p99: number };
  firstFailure: string | undefined;
};

export type RequestSpec = { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: unknown };

/** A latency run: the requests one after another on one keep-alive connection, `repeat` times over. */
export type SequentialJob = {
  kind: 'sequential';
  base: string;
  requests: RequestSpec[];
  repeat: number;
  /** Stop repeating once this much time has passed (after at least one pass). */
  budgetMs?: number;
  /** Keep this many characters of each response body of the first pass (to follow cursors, check answers). */
  keepBodyChars?: number;
};

export type SequentialResult = {
  latenciesMs: number[];
  statuses: Record<string, number>;
  firstFailure: string | undefined;
  bodies: string[];
};

export type LoadJob = CannonJob | SequentialJob;
