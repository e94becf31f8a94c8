import {
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  parseRetryAfterMs,
  retryDelayMs,
  type RetryPolicy,
} from "../../../lib/sources/retry-policy";

/** What a remote importer needs from the outside world, injectable so tests replay it without waiting. */
export interface HttpDeps {
  fetch?: typeof globalThis.fetch;
  /** Waits `ms`; rejects when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  policy?: RetryPolicy;
  /** One request's time limit, ms (default 60 s). */
  requestTimeoutMs?: number;
  /** Stops the import between (or during) requests. */
  signal?: AbortSignal;
  /** Called before each wait, for logs and the retry count. */
  onRetry?: (info: { url: string; attempt: number; status?: number; delayMs: number }) => void;
}

/** An answer the importer will not retry (or no longer retries), with its status. */
export class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** The message a JSON API puts in an error body: FastAPI's `detail` or OPTIMADE's `errors[].detail`. */
function errorDetail(text: string): string {
  try {
    const body = JSON.parse(text) as { detail?: unknown; errors?: { title?: unknown; detail?: unknown }[] };
    if (typeof body.detail === "string") return body.detail;
    if (body.detail !== undefined) return JSON.stringify(body.detail);
    const e = Array.isArray(body.errors) ? body.errors[0] : undefined;
    if (e) return [e.title, e.detail].filter((x) => typeof x === "string").join(": ");
  } catch {
    // Not JSON: the start of the text says enough.
  }
  return text.slice(0, 200);
}

/**
 * GETs a URL and parses its JSON, retrying 429, 408, 5xx and network failures with the policy's
 * capped exponential delays; a Retry-After header (seconds or HTTP-date) sets the wait instead.
 * Other statuses fail at once with the server's own message.
 */
export async function fetchJsonWithRetry(url: string, headers: Record<string, string>, deps: HttpDeps = {}): Promise<unknown> {
  const doFetch = deps.fetch ?? globalThis.fetch;
  const sleep = deps.sleep ?? abortableSleep;
  const now = deps.now ?? Date.now;
  const policy = deps.policy ?? DEFAULT_RETRY_POLICY;
  for (let attempt = 1; ; attempt++) {
    deps.signal?.throwIfAborted();
    let status: number | undefined;
    let retryAfter: number | undefined;
    let failure: string;
    try {
      const timeout = AbortSignal.timeout(deps.requestTimeoutMs ?? 60_000);
      const signal = deps.signal ? AbortSignal.any([deps.signal, timeout]) : timeout;
      const response = await doFetch(url, { headers: { accept: "application/json", ...headers }, signal });
      const text = await response.text();
      if (response.ok) {
        try {
          return JSON.parse(text);
        } catch {
          throw new HttpError(`${url} answered ${response.status} with something that is not JSON`, response.status);
        }
      }
      status = response.status;
      retryAfter = parseRetryAfterMs(response.headers.get("retry-after"), now());
      failure = `${url} answered ${status}: ${errorDetail(text)}`;
      if (!isRetryableStatus(status)) throw new HttpError(failure, status);
    } catch (e) {
      if (e instanceof HttpError) throw e;
      deps.signal?.throwIfAborted();
      failure = `${url} could not be fetched: ${e instanceof Error ? e.message : String(e)}`;
    }
    const delayMs = retryDelayMs(attempt, status, retryAfter, policy);
    if (delayMs === undefined) throw new HttpError(`${failure} (gave up after ${attempt} attempts)`, status);
    deps.onRetry?.({ url, attempt, status, delayMs });
    await sleep(delayMs, deps.signal);
  }
}
