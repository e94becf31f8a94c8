import type { Metadata } from "next";
import Link from "next/link";
import { QueuesBoard } from "../../components/queues/queues-board";

export const metadata: Metadata = { title: "Queues" };

export default function QueuesPage() {
  return (
    <>
      <h1>Queues</h1>
      <p className="muted">
        Each stage's inputs and runs, refreshed live. Criteria, priority and parameters are edited on the{" "}
        <Link href="/settings">settings page</Link>.
      </p>
      <QueuesBoard />
    </>
  );
}
