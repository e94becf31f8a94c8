import { strToU8, Zip, ZipDeflate } from "fflate";

/**
 * A zip built file by file while the data is read: each pushed chunk is compressed at once, so only
 * the compressed archive accumulates in memory, never a whole table's CSV.
 */
export function zipWriter() {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  let finished = false;
  const zip = new Zip((err, chunk, final) => {
    if (err) failure = err;
    else chunks.push(chunk);
    if (final) finished = true;
  });
  const check = () => {
    if (failure) throw failure;
  };
  return {
    /** Starts a file; text pushed to it is deflated as it comes. */
    file(name: string) {
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      return {
        push(text: string) {
          entry.push(strToU8(text));
          check();
        },
        end() {
          entry.push(new Uint8Array(0), true);
          check();
        },
      };
    },
    /** Ends the archive and returns its bytes. */
    finish(): Buffer {
      zip.end();
      check();
      if (!finished) throw new Error("zip did not finish");
      return Buffer.concat(chunks);
    },
  };
}
