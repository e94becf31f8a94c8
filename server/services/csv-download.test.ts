import { describe, expect, it } from "vitest";
import { z } from "zod";
import { csvDownloadResponse, type CsvDownload } from "./csv-download";

const LINES = Array.from({ length: 500 }, (_, i) => `${i},CaF2,${(i * 0.001).toFixed(3)}\r\n`);

/** A download of LINES in chunks of 100 lines, recording the filters it was asked for. */
function lineDownload() {
  const state = { filters: undefined as unknown };
  const encoder = new TextEncoder();
  const download: CsvDownload<{ ion: string }> = {
    schema: z.object({ ion: z.string().regex(/^[A-Z][a-z]?$/).default("F") }),
    name: "pathways",
    stream(filters) {
      state.filters = filters;
      let sent = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= LINES.length) return controller.close();
          controller.enqueue(encoder.encode(LINES.slice(sent, sent + 100).join("")));
          sent += 100;
        },
      });
    },
  };
  return { download, state };
}

const get = (query: string) => new Request(`http://localhost/pathways/csv${query}`);

describe("csvDownloadResponse", () => {
  it("streams the rows of the filters the query string gives, as a dated attachment", async () => {
    const { download, state } = lineDownload();
    const res = csvDownloadResponse(get("?ion=Li"), download);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="pathways-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(await res.text()).toBe(LINES.join(""));
    expect(state.filters).toEqual({ ion: "Li" });
  });

  it("refuses a bad filter with its reason and reads nothing", async () => {
    const { download, state } = lineDownload();
    const res = csvDownloadResponse(get("?ion=drop%20table"), download);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/^invalid filter: ion: /);
    expect(state.filters).toBeUndefined();
  });
});
