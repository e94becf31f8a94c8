"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { errorMessage } from "../trpc/error-message";
import styles from "./imports.module.css";

/**
 * A remote import's form: its fields, an Import button, and the server's answer (started, already
 * running, or why the request was refused) as a status line.
 */
export function ImportCard(props: {
  id: string;
  title: string;
  start: () => Promise<{ started: boolean }>;
  pending: boolean;
  children: ReactNode;
}) {
  const [message, setMessage] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    try {
      const r = await props.start();
      setMessage(r.started ? "Import started: see its progress below." : "This import is already running.");
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }

  return (
    <form className={styles.card} onSubmit={submit} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.children}
      <button type="submit" disabled={props.pending}>
        Import
      </button>
      {message && <p role="status">{message}</p>}
    </form>
  );
}
