"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc-provider";
import styles from "./checkpoints.module.css";

/** Name (optional) and a button; the new checkpoint appears in the list when it is stored. */
export function CreateCheckpointForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const create = useMutation(
    trpc.checkpoints.create.mutationOptions({
      onSuccess: async () => {
        setName("");
        await queryClient.invalidateQueries({ queryKey: trpc.checkpoints.list.queryKey() });
      },
    }),
  );
  return (
    <form
      className={styles.create}
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ name: name.trim() || undefined });
      }}
    >
      <label>
        Name (optional)
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} placeholder="checkpoint-<time>" />
      </label>
      <button className="button" type="submit" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create checkpoint"}
      </button>
      {create.isSuccess && (
        <span role="status">
          Created “{create.data.name}”.
        </span>
      )}
      {create.isError && <p className="error">{errorMessage(create.error)}</p>}
    </form>
  );
}
