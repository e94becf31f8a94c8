"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { errorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc-provider";
import type { CheckpointListItem } from "./checkpoint-types";
import styles from "./checkpoints.module.css";

/**
 * Asks before restoring: a restore writes every table of the checkpoint into this database and is
 * refused unless the database is empty, which the dialog says up front. The server's refusal or
 * result is shown inside the dialog.
 */
export function RestoreDialog({ checkpoint, onClose }: { checkpoint: CheckpointListItem; onClose: () => void }) {
  const trpc = useTRPC();
  const ref = useRef<HTMLDialogElement>(null);
  const restore = useMutation(trpc.checkpoints.restore.mutationOptions());
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const rows = checkpoint.tables.reduce((n, t) => n + t.rows, 0);
  return (
    <dialog ref={ref} className={styles.dialog} onClose={onClose} aria-labelledby="restore-title">
      <h2 id="restore-title">Restore “{checkpoint.name}”?</h2>
      <p>
        This loads {checkpoint.tables.length} tables ({rows} rows) into this database, keeping their ids. It only works on an
        empty database: if any results or runs are here it is refused and nothing changes. Empty the database first with{" "}
        <code>npx hopscape reset --yes</code> (checkpoints are kept).
      </p>
      {restore.isError && (
        <p className="error" role="alert">
          {errorMessage(restore.error)}
        </p>
      )}
      {restore.isSuccess && (
        <p role="status">
          Restored {restore.data.tables.reduce((n, t) => n + t.rows, 0)} rows in {restore.data.tables.length} tables.
        </p>
      )}
      <div className={styles.dialogButtons}>
        <button className="button secondary" type="button" onClick={() => ref.current?.close()}>
          {restore.isSuccess ? "Close" : "Cancel"}
        </button>
        {!restore.isSuccess && (
          <button
            className="button"
            type="button"
            disabled={restore.isPending}
            onClick={() => restore.mutate({ id: checkpoint.id, confirm: true })}
          >
            {restore.isPending ? "Restoring…" : "Yes, restore"}
          </button>
        )}
      </div>
    </dialog>
  );
}
