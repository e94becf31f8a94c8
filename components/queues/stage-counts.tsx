import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "../../server/api/root";
import styles from "./queues.module.css";

export type StageQueue = inferRouterOutputs<AppRouter>["stages"]["queues"][number];

const fmt = (n: number | null) => (n === null ? "—" : n.toLocaleString("en-US"));

/** The stage's numbers; each has a test id `<stage>-<count>` so tests can read one without parsing the grid. */
export function StageCounts({ queue }: { queue: StageQueue }) {
  const { runs } = queue;
  const items: Array<[string, string, number | null]> = [
    ...(queue.engine
      ? ([
          ["eligible", "Eligible", queue.eligible],
          ["excluded", "Excluded by criteria", queue.excluded],
        ] as Array<[string, string, number | null]>)
      : ([["pending", "Pending", runs.pending]] as Array<[string, string, number | null]>)),
    ["queued", "Queued", runs.queued],
    ["running", "Running", runs.running],
    ["done", "Done", runs.done],
    ["failed", "Failed", runs.failed],
    ["skipped", queue.engine ? "Skipped" : "Duplicates", runs.skipped],
  ];
  return (
    <dl className={styles.counts}>
      {items.map(([key, label, value]) => (
        <div key={key} className={styles.count}>
          <dt>{label}</dt>
          <dd data-testid={`${queue.stage}-${key}`}>{fmt(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
