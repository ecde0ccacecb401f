import type { Problem } from '@formflow/schema';

/** Thrown by `compileFilter` / `compileSort` when the definition does not pass `checkFilter` / `checkSort`. */
export class FilterError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const first = problems[0];
    super(first ? `invalid filter: ${first.path || '(root)'}: ${first.message}` : 'invalid filter');
    this.name = 'FilterError';
    this.problems = problems;
  }
}
