import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './api-types';

/** The CSRF token of the current session: sent on every unsafe request made with the cookie. */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && request.method !== 'GET' && request.method !== 'HEAD') request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};

/** The typed API client: paths, parameters and bodies come from the API's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(csrf);

type Method = 'get' | 'post' | 'put' | 'delete';

/** The JSON body a route answers with a status (200 by default), from the generated types. */
export type Answer<P extends keyof paths, M extends Method = 'get', S extends number = 200> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

/** The one error shape of the API. */
export type ApiError = Answer<'/v1/matches', 'get', 400>['error'];

/** Fired when the API answers 401 to a signed-in page. */
export const SIGNED_OUT_EVENT = 'warden:signed-out';

/** Unwraps an openapi-fetch result: the data, or throws the API's error. */
export async function must<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (data !== undefined && response.ok) return data;
  // The session ended (expired, signed out elsewhere, key revoked): back to the sign-in page.
  if (response.status === 401) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  const e = (error as { error?: ApiError } | undefined)?.error;
  throw new ApiFailure(response.status, e ?? { code: 'http_' + response.status, message: response.statusText || 'request failed' });
}

/** A refused or failed API call. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(body.message);
  }
}
