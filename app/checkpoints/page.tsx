import type { Metadata } from "next";
import { CheckpointsPanel } from "../../components/checkpoints/checkpoints-panel";

export const metadata: Metadata = { title: "Checkpoints" };

export default function CheckpointsPage() {
  return (
    <>
      <h1>Checkpoints</h1>
      <p className="muted">
        A checkpoint is one consistent snapshot of every result table, the stage runs and the stage settings, as one CSV per
        table plus a manifest, zipped. Making one does not stop the pipeline. A checkpoint can be restored only into an empty
        database (after <code>npx hopscape reset --yes</code>, or a new one with <code>npx hopscape checkpoint restore FILE</code>).
      </p>
      <CheckpointsPanel />
    </>
  );
}
