import { ApiError, NetworkError } from './api-error.js';
import { currentLanguage } from '../i18n/current-language.js';

export type RequestOptions = {
  /** Sent as `If-Match` (the record version an update was based on). */
  ifMatch?: number | string;
  signal?: AbortSignal;
  /** Extra headers (rarely needed). */
  headers?: Record<string, string>;
};

const BASE = '/api/v1';

let zone: string | undefined;

/**
 * The browser's IANA zone (e.g. Asia/Shanghai), read once (Intl is slow to ask per grid cell); Asia/Shanghai — the
 * server's default — when the browser does not say.
 */
export function browserTimeZone(): string {
  if (zone === undefined) {
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai';
    } catch {
      zone = 'Asia/Shanghai';
    }
  }
  return zone;
}

/**
 * The one way the web talks to the server: same-origin fetch with the session cookie, JSON in and out,
 * `Accept-Language` from the UI language (so problems come back localised), and problem+json turned into ApiError.
 * `path` is relative to `/api/v1` (e.g. `/forms/f1/records/query`).
 */
export async function api<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': currentLanguage(),
    // "Today", date buckets and date-time filters follow the viewer's zone (docs/filters.md).
    'x-formflow-timezone': browserTimeZone(),
  };
  if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
  Object.assign(headers, options.headers);
  let response: Response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new NetworkError(error);
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  const parsed: unknown = type.includes('json') ? await response.json().catch(() => ({})) : await response.text();
  if (!response.ok) {
    throw new ApiError(response.status, typeof parsed === 'object' && parsed !== null ? (parsed as never) : {});
  }
  return parsed as T;
}

export const get = <T>(path: string, options?: RequestOptions) => api<T>('GET', path, undefined, options);
export const post = <T>(path: string, body?: unknown, options?: RequestOptions) =>
  api<T>('POST', path, body ?? {}, options);
export const patch = <T>(path: string, body: unknown, options?: RequestOptions) => api<T>('PATCH', path, body, options);
export const put = <T>(path: string, body: unknown, options?: RequestOptions) => api<T>('PUT', path, body, options);
export const del = <T>(path: string, options?: RequestOptions) => api<T>('DELETE', path, undefined, options);

/** Builds `?a=1&b=2` from defined values only. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null) search.set(key, String(value));
  const text = search.toString();
  return text ? '?' + text : '';
}

/** XHR upload with progress (fetch has no upload progress). Resolves with the parsed JSON answer. */
export function upload<T>(path: string, form: FormData, onProgress?: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', BASE + path);
    xhr.setRequestHeader('accept-language', currentLanguage());
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new NetworkError(new Error('upload failed')));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = {};
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiError(xhr.status, body as never));
    };
    xhr.send(form);
  });
}
