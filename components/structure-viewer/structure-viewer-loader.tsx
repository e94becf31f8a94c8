"use client";

import dynamic from "next/dynamic";
import type { Structure } from "../../lib/structure/structure";
import styles from "./structure-viewer.module.css";

/** three.js needs a browser: the viewer is fetched and rendered only on the client. */
const StructureViewer = dynamic(() => import("./structure-viewer"), {
  ssr: false,
  loading: () => <div className={styles.placeholder}>Loading 3D view…</div>,
});

export function StructureViewerLoader({ structure }: { structure: Structure }) {
  return <StructureViewer structure={structure} />;
}
