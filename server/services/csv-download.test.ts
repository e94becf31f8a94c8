import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { csvDownloadResponse, negotiateCoding, type CsvDownload } from "./csv-download";

const LINES = Array.from({ length: 50_000 }, (_, i) => `${i},CaF2,${(i * 0.001).toFixed(3)}\r\n`);

/** A download of LINES in chunks of 100 lines (about 2.5 MB in all: more than any buffer between it and the reader holds), recording how far it was read and whether it was cancelled. */
function lineDownload() {
  const state = { pulled: 0, cancelled: false, filters: undefined as unknown };
  const encoder = new TextEncoder();
  const download: CsvDownload<{ ion: string }> = {
    schema: z.object({ ion: z.string().regex(/^[A-Z][a-z]?$/).default("F") }),
    name: "pathways",
    stream(filters) {
      state.filters = filters;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (state.pulled >= LINES.length) return controller.close();
          controller.enqueue(encoder.encode(LINES.slice(state.pulled, state.pulled + 100).join("")));
          state.pulled += 100;
        },
        cancel() {
          state.cancelled = true;
        },
      });
    },
  };
  return { download, state };
}

const get = (query: string, acceptEncoding?: string) =>
  new Request(`http://localhost/pathways/csv${query}`, { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} });

describe("negotiateCoding", () => {
  it.each([
    ["gzip, deflate, br, zstd", "br"],
    ["gzip, deflate", "gzip"],
    ["br;q=0, gzip;q=0.8", "gzip"],
    ["*", "br"],
    ["*;q=0, gzip", "gzip"],
    ["gzip;q=0", "identity"],
    ["identity", "identity"],
    ["deflate", "identity"],
    ["", "identity"],
    [null, "identity"],
  ])("%j → %s", (header, expected) => expect(negotiateCoding(header)).toBe(expected));
});

describe("csvDownloadResponse", () => {
  it("streams the rows as they are when gzip is not accepted", async () => {
    const { download, state } = lineDownload();
    const res = csvDownloadResponse(get("?ion=Li", "identity"), download);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="pathways-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(await res.text()).toBe(LINES.join(""));
    expect(state.filters).toEqual({ ion: "Li" });
  });

  it.each([
    ["gzip, deflate", "gzip", gunzipSync],
    ["gzip, deflate, br", "br", brotliDecompressSync],
  ] as const)("compresses the same bytes when the client sends Accept-Encoding %j", async (accept, coding, decompress) => {
    const { download } = lineDownload();
    const res = csvDownloadResponse(get("", accept), download);
    expect(res.headers.get("content-encoding")).toBe(coding);
    expect(res.headers.get("vary")).toBe("accept-encoding");
    const compressed = Buffer.from(await res.arrayBuffer());
    expect(decompress(compressed).toString()).toBe(LINES.join(""));
    expect(compressed.length).toBeLessThan(LINES.join("").length / 2);
  });

  it("refuses a bad filter with its reason and reads nothing", async () => {
    const { download, state } = lineDownload();
    const res = csvDownloadResponse(get("?ion=drop%20table", "gzip"), download);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/^invalid filter: ion: /);
    expect(state.filters).toBeUndefined();
  });

  it("stops reading the rows when a compressed download is cancelled", async () => {
    const { download, state } = lineDownload();
    const reader = csvDownloadResponse(get("", "gzip"), download).body!.getReader();
    await reader.read();
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 50));
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThan(LINES.length);
  });
});
