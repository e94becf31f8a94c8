import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the fake server saw it, and what it answered. */
export interface SeenRequest {
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  status: number;
}

export interface FakeServer {
  /** http://127.0.0.1:PORT, no trailing slash. */
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

export interface FakeAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * A JSON HTTP server on 127.0.0.1 and a free port, answering with `handle`. It stands in for a remote
 * API so that tests make no request off the machine; the handlers serve that API's real shapes.
 */
export async function startJsonServer(handle: (url: URL, req: http.IncomingMessage) => FakeAnswer): Promise<FakeServer> {
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let answer: FakeAnswer;
    try {
      answer = handle(url, req);
    } catch (e) {
      answer = { status: 500, body: { detail: e instanceof Error ? e.message : String(e) } };
    }
    requests.push({ path: url.pathname, query: url.searchParams, headers: req.headers, status: answer.status });
    res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

/**
 * Failure plans keyed by a page's identity (the MP skip, the OPTIMADE page offset): answered in order
 * to the first requests of that page, then the real page. E.g. [429 with Retry-After, 503].
 */
export class FailurePlan {
  private readonly seen = new Map<string, number>();
  constructor(private readonly plan: (page: string) => FakeAnswer[]) {}
  next(page: string): FakeAnswer | undefined {
    const n = this.seen.get(page) ?? 0;
    this.seen.set(page, n + 1);
    return this.plan(page)[n];
  }
}
