"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc-provider";
import { CheckpointRows } from "./checkpoint-rows";
import type { CheckpointListItem } from "./checkpoint-types";
import { CreateCheckpointForm } from "./create-checkpoint-form";
import { RestoreDialog } from "./restore-dialog";

/** The checkpoints page's content: create, the stored checkpoints, and the restore dialog. */
export function CheckpointsPanel() {
  const trpc = useTRPC();
  const list = useQuery(trpc.checkpoints.list.queryOptions());
  const [restoring, setRestoring] = useState<CheckpointListItem | null>(null);
  return (
    <>
      <CreateCheckpointForm />
      {list.isPending && <p className="muted">Loading…</p>}
      {list.isError && <p className="error">{errorMessage(list.error)}</p>}
      {list.data && list.data.length === 0 && <p className="muted">No checkpoints yet.</p>}
      {list.data && list.data.length > 0 && <CheckpointRows items={list.data} onRestore={setRestoring} />}
      {restoring && <RestoreDialog key={restoring.id} checkpoint={restoring} onClose={() => setRestoring(null)} />}
    </>
  );
}
