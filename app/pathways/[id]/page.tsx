import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PathwayDownloads } from "../../../components/pathway-detail/pathway-downloads";
import { PathwayExplorer } from "../../../components/pathway-detail/pathway-explorer";
import { PathwayFacts } from "../../../components/pathway-detail/pathway-facts";
import { PathwayResults } from "../../../components/pathway-detail/pathway-results";
import { DftProfile } from "../../../components/dft/dft-profile";
import styles from "../../../components/pathway-detail/pathway-detail.module.css";
import { getServerCaller } from "../../../server/api/server-caller";

interface Props {
  params: Promise<{ id: string }>;
}

/** Cached per request: metadata and page share one database read. */
const loadPathway = cache(async (idText: string) => {
  const id = Number(idText);
  if (!Number.isSafeInteger(id) || id < 1) notFound();
  const caller = await getServerCaller();
  try {
    return await caller.pathways.byId({ id });
  } catch (err) {
    if (err instanceof TRPCError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await loadPathway((await params).id);
  return { title: `${p.formula} pathway ${p.index}` };
}

export default async function PathwayPage({ params }: Props) {
  const p = await loadPathway((await params).id);
  const results = (["barriers", "measures"] as const).map((group) => (
    <section key={group} className="panel" aria-labelledby={`${group}-heading`}>
      <h2 id={`${group}-heading`} className={styles.panelHeading}>
        {group === "barriers" ? "Barriers" : "Measures"}
      </h2>
      <PathwayResults p={p} group={group} />
    </section>
  ));
  return (
    <>
      <p className="muted">
        <Link href="/pathways">Pathways</Link> / <Link href={`/structures/${p.structureId}`}>{p.formula}</Link> / {p.index}
      </p>
      <h1>
        {p.formula} <span className="muted">· pathway {p.index} · {p.length.toFixed(3)} Å</span>
      </h1>
      {p.scene ? (
        <PathwayExplorer scene={p.scene} idppEnergies={p.idppEnergies} relaxedEnergies={p.relaxedEnergies} aside={results} />
      ) : (
        <div className={styles.columns}>{results}</div>
      )}
      <div className={styles.columns}>
        <section className="panel" aria-labelledby="facts-heading">
          <h2 id="facts-heading" className={styles.panelHeading}>
            Facts
          </h2>
          <PathwayFacts p={p} />
        </section>
        {p.scene ? (
          <section className="panel" aria-labelledby="downloads-heading">
            <h2 id="downloads-heading" className={styles.panelHeading}>
              Downloads
            </h2>
            <p className="muted">
              All {p.imageCount} images of the {p.scene.multipliers.join("×")} supercell, the moving {p.ion} first.
            </p>
            <PathwayDownloads id={p.id} imageCount={p.imageCount} />
          </section>
        ) : null}
      </div>
      <DftProfile pathwayId={p.id} />
    </>
  );
}
