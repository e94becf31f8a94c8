"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import type { Structure } from "../../lib/structure/structure";
import type { Vec3 } from "../../lib/structure/vector";
import { useTRPC } from "../trpc/trpc-provider";
import styles from "./structure-viewer.module.css";

/** three.js needs a browser: the viewer is fetched and rendered only on the client. */
const StructureViewer = dynamic(() => import("./structure-viewer"), {
  ssr: false,
  loading: () => <div className={styles.placeholder}>Loading 3D view…</div>,
});

/**
 * With a structure id the viewer also draws the structure's pathways (the same query as the
 * page's pathways table, so it is fetched once).
 */
export function StructureViewerLoader({ structure, structureId }: { structure: Structure; structureId?: number }) {
  const trpc = useTRPC();
  const pathways = useQuery(trpc.pathways.ofStructure.queryOptions({ structureId: structureId ?? 0 }, { enabled: structureId !== undefined }));
  const drawn = (pathways.data ?? []).map((p) => ({ index: p.index, startCart: p.startCart as Vec3, endCart: p.endCart as Vec3 }));
  return <StructureViewer structure={structure} pathways={drawn} />;
}
