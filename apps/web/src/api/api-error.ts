/** One problem of a problem+json answer: where (`path`, e.g. `/data/f_name`), what (`code`) and why (`message`). */
export type ProblemItem = { path?: string; code?: string; message: string; fieldId?: string };

/** A refused request, from the server's `application/problem+json` answer (messages already in the user's language). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: ProblemItem[];
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    const detail = typeof body.detail === 'string' ? body.detail : undefined;
    const title = typeof body.title === 'string' ? body.title : `HTTP ${status}`;
    super(detail ?? title);
    this.name = 'ApiError';
    this.status = status;
    this.code = typeof body.code === 'string' ? body.code : 'HTTP_' + status;
    this.errors = Array.isArray(body.errors) ? (body.errors as ProblemItem[]) : [];
    this.body = body;
  }

  /** The field id a problem path points at (`/data/f_x/…` or `/f_x`), for showing the message beside the field. */
  static fieldOf(item: ProblemItem): string | undefined {
    if (item.fieldId) return item.fieldId;
    // Paths come as `data.phone`, `data.items[2].qty` or `/data/phone`.
    const parts = (item.path ?? '').split(/[./[\]]+/).filter(Boolean);
    if (parts[0] === 'body') parts.shift();
    if (parts[0] === 'data') parts.shift();
    return parts[0];
  }
}

/** The network failed (offline, server down): the request may be retried; nothing the user typed is lost. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network error');
    this.name = 'NetworkError';
    this.cause = cause;
  }
}
