"use client";

import dynamic from "next/dynamic";
import styles from "./interpolation-viewer.module.css";

/** three.js needs a browser: the viewer is fetched and rendered only on the client. */
export const InterpolationViewerLoader = dynamic(() => import("./interpolation-viewer"), {
  ssr: false,
  loading: () => <div className={styles.placeholder}>Loading 3D view…</div>,
});
