"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../trpc/trpc-provider";
import { SettingsFormBody } from "./settings-form-body";
import styles from "./settings.module.css";
import { VersionHistory } from "./version-history";

/** A stage's settings form and version history. */
export function SettingsEditor({ stage }: { stage: string }) {
  const trpc = useTRPC();
  const form = useQuery(trpc.settings.form.queryOptions({ stage }, { retry: false }));
  if (form.isError) return <p className="error">Could not load the settings of {stage}: {form.error.message}</p>;
  if (!form.data) return <p className="muted">Loading…</p>;
  const { settings } = form.data;
  return (
    <>
      <p className="muted" data-testid="settings-version">
        Version {settings.version}, saved {settings.updatedAt.toLocaleString("en-GB")}
        {settings.paused ? " — the stage is paused (resume it on the queues page)" : ""}
      </p>
      <SettingsFormBody key={settings.version} form={form.data} />
      <section className={`panel ${styles.section} ${styles.versions}`}>
        <h2>Versions</h2>
        <VersionHistory stage={stage} currentVersion={settings.version} />
      </section>
    </>
  );
}
