import { Logger } from "graphile-worker";

/**
 * graphile-worker logs every job start and completion at info level; with thousands of imports that
 * buries everything else, so only warnings and errors are printed.
 */
export const quietWorkerLogger = new Logger((scope) => (level, message, meta) => {
  // LogLevel is a const enum, which isolatedModules cannot reference: compare its string values.
  const name = String(level);
  if (name !== "error" && name !== "warning") return;
  const where = scope.label ? `[worker:${scope.label}]` : "[worker]";
  const print = name === "error" ? console.error : console.warn;
  print(`${where} ${message}`, meta && Object.keys(meta).length > 0 ? meta : "");
});
