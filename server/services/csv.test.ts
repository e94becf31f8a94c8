import { describe, expect, it } from "vitest";
import { csvCell, csvLine, csvStream, keysetBatches } from "./csv";

describe("csvCell", () => {
  it("quotes cells holding separators, quotes or line breaks (RFC 4180)", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("plain")).toBe("plain");
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("\rx")).toBe("\"'\rx\"");
    expect(csvCell("=a,b")).toBe("\"'=a,b\"");
  });

  it("writes numbers as numbers, negative ones included, and empties for missing values", () => {
    expect(csvCell(-1.25)).toBe("-1.25");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(["Ca", "F"])).toBe("Ca F");
    expect(csvCell(new Date("2024-01-02T03:04:05Z"))).toBe("2024-01-02T03:04:05.000Z");
  });

  it("ends lines with CRLF", () => {
    expect(csvLine(["a", 1, null])).toBe("a,1,\r\n");
  });
});

describe("keysetBatches", () => {
  it("asks for each batch after the last key of the previous one and stops on a short batch", async () => {
    const keys = Array.from({ length: 7 }, (_, i) => (i + 1) * 10);
    const calls: (number | null)[] = [];
    const batches = keysetBatches(
      async (after, limit) => {
        calls.push(after);
        return keys.filter((k) => after === null || k > after).slice(0, limit);
      },
      (k) => k,
      3,
    );
    const seen: number[][] = [];
    for await (const b of batches) seen.push(b);
    expect(seen).toEqual([[10, 20, 30], [40, 50, 60], [70]]);
    expect(calls).toEqual([null, 30, 60]);
  });
});

describe("csvStream", () => {
  it("streams the header then every row, pulling batches only as they are read", async () => {
    let pulled = 0;
    async function* batches() {
      for (const b of [[{ n: 1, s: "=x" }], [{ n: 2, s: "y" }]]) {
        pulled++;
        yield b;
      }
    }
    const stream = csvStream<{ n: number; s: string }>(
      [
        { header: "n", value: (r) => r.n },
        { header: "s", value: (r) => r.s },
      ],
      batches(),
    );
    const reader = stream.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("n,s\r\n");
    expect(pulled).toBe(0);
    const rest = await new Response(
      new ReadableStream({
        async pull(c) {
          const r = await reader.read();
          if (r.done) c.close();
          else c.enqueue(r.value);
        },
      }),
    ).text();
    expect(rest).toBe("1,'=x\r\n2,y\r\n");
    expect(pulled).toBe(2);
  });
});
