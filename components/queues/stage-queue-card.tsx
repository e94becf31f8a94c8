"use client";

import { FlowControls } from "./flow-controls";
import { NextUp } from "./next-up";
import { StageCounts, type StageQueue } from "./stage-counts";
import { StageFailures } from "./stage-failures";
import { StageWorkers } from "./stage-workers";
import { ThroughputChart } from "./throughput-chart";
import styles from "./queues.module.css";

export function StageQueueCard({ queue }: { queue: StageQueue }) {
  const headingId = `stage-${queue.stage}`;
  return (
    <section className={`panel ${styles.stage}`} aria-labelledby={headingId} data-testid={`queue-${queue.stage}`}>
      <div className={styles.header}>
        <h2 id={headingId}>{queue.engine ? queue.stage : "structures (imports)"}</h2>
        {queue.engine && queue.concurrency !== null ? (
          <FlowControls stage={queue.stage} concurrency={queue.concurrency} paused={Boolean(queue.paused)} />
        ) : (
          <span className="muted">Imports run as they are submitted, on every worker.</span>
        )}
      </div>
      <StageCounts queue={queue} />
      <div className={styles.details}>
        <ThroughputChart stage={queue.stage} />
        <StageWorkers stage={queue.stage} />
        <StageFailures stage={queue.stage} canRetry={queue.engine} />
        {queue.engine ? <NextUp stage={queue.stage} /> : null}
      </div>
    </section>
  );
}
