import { defineConfig } from "drizzle-kit";

// `npm run db:generate` writes SQL migrations from the schema; db/migrate.ts applies them at start.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  dbCredentials: { url: process.env.DATABASE_URL ?? "" },
});
