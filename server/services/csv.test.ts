import { describe, expect, it } from "vitest";
import { csvCell, csvLine, csvTextStream } from "./csv";

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

describe("csvTextStream", () => {
  it("streams the header then every chunk, pulling chunks only as they are read", async () => {
    let pulled = 0;
    let ended = false;
    async function* chunks() {
      try {
        for (const c of ["1,'=x\r\n", "2,y\r\n"]) {
          pulled++;
          yield c;
        }
      } finally {
        ended = true;
      }
    }
    const reader = csvTextStream(["n", "=s"], chunks()).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("n,'=s\r\n");
    expect(pulled).toBe(0);
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("1,'=x\r\n");
    expect(pulled).toBe(1);
    await reader.cancel();
    expect(ended).toBe(true);
    expect(pulled).toBe(1);
  });
});
