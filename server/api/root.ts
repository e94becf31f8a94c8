/** The application's router: one sub-router per domain. */
import { authRouter } from "./routers/auth";
import { checkpointsRouter } from "./routers/checkpoints";
import { dftRouter } from "./routers/dft";
import { importsRouter } from "./routers/imports";
import { overviewRouter } from "./routers/overview";
import { pathwaysRouter } from "./routers/pathways";
import { settingsRouter } from "./routers/settings";
import { stagesRouter } from "./routers/stages";
import { structuresRouter } from "./routers/structures";
import { submissionsRouter } from "./routers/submissions";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  structures: structuresRouter,
  imports: importsRouter,
  dft: dftRouter,
  submissions: submissionsRouter,
  pathways: pathwaysRouter,
  overview: overviewRouter,
  checkpoints: checkpointsRouter,
  stages: stagesRouter,
  settings: settingsRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side calls (server components) go through the same procedures and validation. */
export const createCaller = createCallerFactory(appRouter);
