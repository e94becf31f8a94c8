import type { Metadata } from "next";
import { StageTabs } from "../../components/settings/stage-tabs";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <>
      <h1>Settings</h1>
      <p className="muted">
        Pick a stage to edit its criteria, priority, concurrency, parameters and auto-broaden schedule. Every save is a new
        version; the running pipeline applies it on its next tick.
      </p>
      <StageTabs />
    </>
  );
}
