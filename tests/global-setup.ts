import type { TestProject } from "vitest/node";
import { resolveBaseServer } from "./helpers/base-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseDatabaseUrl: string;
  }
}

/** Finds (or starts, once for all test files) the PostgreSQL server that test databases live on. */
export default async function setup(project: TestProject) {
  const server = await resolveBaseServer();
  project.provide("baseDatabaseUrl", server.url);
  return async () => {
    await server.stop?.();
  };
}
