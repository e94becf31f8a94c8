import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { SitesTable } from "../../../components/structure-detail/sites-table";
import { StructureFacts } from "../../../components/structure-detail/structure-facts";
import { StructurePathways } from "../../../components/structure-detail/structure-pathways";
import styles from "../../../components/structure-detail/structure-detail.module.css";
import { StructureViewerLoader } from "../../../components/structure-viewer/structure-viewer-loader";
import { getServerCaller } from "../../../server/api/server-caller";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ submitted?: string }>;
}

/** Cached per request: metadata and page share one database read. */
const loadStructure = cache(async (idText: string) => {
  const id = Number(idText);
  if (!Number.isSafeInteger(id) || id < 1) notFound();
  const caller = await getServerCaller();
  try {
    return await caller.structures.byId({ id });
  } catch (err) {
    if (err instanceof TRPCError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const s = await loadStructure((await params).id);
  return { title: `${s.formula} (${s.spacegroupSymbol})` };
}

/** Notes shown after the submit page brings the user here. */
const SUBMIT_NOTES: Record<string, string> = {
  new: "Your structure was imported.",
  duplicate: "This structure was already in the library, so your upload was not stored again: this is the existing entry.",
};

export default async function StructurePage({ params, searchParams }: Props) {
  const s = await loadStructure((await params).id);
  const note = SUBMIT_NOTES[(await searchParams).submitted ?? ""];
  return (
    <>
      <p className="muted">
        <Link href="/structures">Structures</Link> / {s.id}
      </p>
      {note ? (
        <p className={styles.note} role="status">
          {note}
        </p>
      ) : null}
      <h1>
        {s.formula} <span className="muted">· {s.spacegroupSymbol}</span>
      </h1>
      <div className={styles.layout}>
        <section className="panel" aria-labelledby="facts-heading">
          <h2 id="facts-heading" style={{ marginTop: 0 }}>
            Facts
          </h2>
          <StructureFacts s={s} />
          <div className={styles.downloads}>
            <a className="button secondary" href={`/structures/${s.id}/download?format=cif`} download>
              Download CIF
            </a>
            <a className="button secondary" href={`/structures/${s.id}/download?format=poscar`} download>
              Download POSCAR
            </a>
          </div>
        </section>
        <section aria-label="Unit cell in 3D">
          <StructureViewerLoader structure={s.structure} structureId={s.id} />
        </section>
      </div>
      <h2>Pathways</h2>
      <StructurePathways structureId={s.id} />
      <h2>Sites</h2>
      <div className={styles.sites}>
        <SitesTable structure={s.structure} />
      </div>
    </>
  );
}
