import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "../../server/api/root";
import styles from "./submit-form.module.css";

type Validation = inferRouterOutputs<AppRouter>["submissions"]["validate"];
export type Preview = Extract<Validation, { ok: true }>["preview"];

/** What the file describes, shown before anything is stored. */
export function StructurePreview({ preview }: { preview: Preview }) {
  return (
    <dl className={styles.preview} aria-label="Preview" data-testid="structure-preview">
      <div>
        <dt>Formula</dt>
        <dd>{preview.formula}</dd>
      </div>
      <div>
        <dt>Reduced formula</dt>
        <dd>{preview.reducedFormula}</dd>
      </div>
      <div>
        <dt>Space group</dt>
        <dd>
          {preview.spacegroup.symbol} ({preview.spacegroup.number})
        </dd>
      </div>
      <div>
        <dt>Sites</dt>
        <dd>{preview.nsites}</dd>
      </div>
      {preview.count > 1 ? (
        <div className={styles.several}>
          The file holds {preview.count} structures; all are imported, the first is shown here.
        </div>
      ) : null}
    </dl>
  );
}
