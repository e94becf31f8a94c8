import { startJsonServer, FailurePlan, type FakeAnswer, type FakeServer } from "./http-fake";

/** An entry of the structures endpoint as an OPTIMADE provider serves it. */
export interface FakeOptimadeEntry {
  id: string;
  type?: string;
  attributes: Record<string, unknown>;
}

export interface FakeOptimadeOptions {
  entries: FakeOptimadeEntry[];
  /** Answers before the real page at the given offset, in order. */
  failures?: (offset: number) => FakeAnswer[];
  /** Write links.next as a links object {href, meta} instead of a plain string. */
  nextAsObject?: boolean;
}

/**
 * An OPTIMADE provider's `/v1/structures` on a local port. The filter is not interpreted (the test
 * serves only the entries the filter would return); paging follows the spec: `page_limit`, an opaque
 * `page_offset` in `links.next`, `meta.data_returned` and `more_data_available`; errors in `errors`.
 */
export function startFakeOptimade(options: FakeOptimadeOptions): Promise<FakeServer> {
  const plan = new FailurePlan((page) => options.failures?.(Number(page)) ?? []);
  let base = "";
  const started = startJsonServer((url) => {
    if (url.pathname !== "/v1/structures") {
      return { status: 404, body: { errors: [{ status: "404", title: "Not Found", detail: url.pathname }] } };
    }
    const q = url.searchParams;
    if (!q.get("filter")) return { status: 400, body: { errors: [{ status: "400", title: "Bad Request", detail: "filter missing" }] } };
    const offset = Number(q.get("page_offset") ?? 0);
    const limit = Number(q.get("page_limit") ?? 20);
    const failure = plan.next(String(offset));
    if (failure) return failure;
    const page = options.entries.slice(offset, offset + limit).map((e) => ({ type: "structures", ...e }));
    const more = offset + limit < options.entries.length;
    const nextQuery = new URLSearchParams(q);
    nextQuery.set("page_offset", String(offset + limit));
    const href = `${base}/v1/structures?${nextQuery}`;
    return {
      status: 200,
      body: {
        data: page,
        links: { next: more ? (options.nextAsObject ? { href, meta: {} } : href) : null },
        meta: {
          query: { representation: `/structures?${q}` },
          api_version: "1.1.0",
          data_returned: options.entries.length,
          more_data_available: more,
          provider: { name: "fake", description: "a local test provider", prefix: "fake" },
        },
      },
    };
  });
  return started.then((s) => {
    base = s.url;
    return s;
  });
}
