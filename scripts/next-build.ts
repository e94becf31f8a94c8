import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

/** What the web build is made from: a change to any of these needs a new `next build`. */
const SOURCE_DIRS = ["app", "components", "server", "lib", "db", "public"];
const SOURCE_FILES = ["proxy.ts", "next.config.js", "next.config.mjs", "next.config.ts", "package.json", "package-lock.json", "tsconfig.json", "postcss.config.mjs", "postcss.config.js"];
// Tests, migrations SQL and the like never reach the bundle; rebuilding for them would waste minutes.
const BUILD_EXTENSIONS = /\.(tsx?|jsx?|mjs|cjs|css|json|svg|png|jpe?g|ico|webp|woff2?|txt)$/;
const NOT_BUILT = /\.test\.tsx?$/;

/** Path of the `next` command-line entry, run with this Node. */
export function nextBin(): string {
  return createRequire(import.meta.url).resolve("next/dist/bin/next");
}

async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && BUILD_EXTENSIONS.test(e.name) && !NOT_BUILT.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** A hash of every build input's path and content: equal hashes mean the last build is current. */
export async function sourceHash(root: string): Promise<string> {
  const files = [
    ...(await Promise.all(SOURCE_DIRS.map((d) => listFiles(path.join(root, d))))).flat(),
    ...SOURCE_FILES.map((f) => path.join(root, f)),
  ].sort();
  const hash = createHash("sha256");
  for (const file of files) {
    const content = await fs.readFile(file).catch(() => undefined);
    if (content === undefined) continue;
    hash.update(path.relative(root, file)).update("\0").update(content).update("\0");
  }
  return hash.digest("hex");
}

/** Where next build writes; HOPSCAPE_NEXT_DIST_DIR lets two checkouts' test servers build side by side. */
export const nextDistDir = (): string => process.env.HOPSCAPE_NEXT_DIST_DIR ?? ".next";
export const stampPath = (root: string) => path.join(root, nextDistDir(), "hopscape-source-hash");

/**
 * Runs `next build` unless .next holds a production build made from the current sources, and says
 * which it did. Rejects if the build fails. `env` reaches pages rendered at build time (DATABASE_URL).
 */
export async function ensureNextBuild(
  root: string,
  env: NodeJS.ProcessEnv,
  log: (m: string) => void = console.log,
): Promise<void> {
  const hash = await sourceHash(root);
  const hasBuild = await fs.access(path.join(root, nextDistDir(), "BUILD_ID")).then(() => true, () => false);
  const builtFrom = await fs.readFile(stampPath(root), "utf8").catch(() => undefined);
  if (hasBuild && builtFrom === hash) {
    log("[web] production build is up to date with the sources; skipping next build");
    return;
  }
  log(hasBuild ? "[web] sources changed since the last build: running next build" : "[web] no production build yet: running next build");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin(), "build"], { cwd: root, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (${signal ?? `exit ${code}`})`)),
    );
  });
  // Hashed again after the build: next build rewrites tsconfig.json (it adds its type folders), and a
  // hash taken before would make every later start rebuild for that alone.
  await fs.writeFile(stampPath(root), await sourceHash(root));
}
