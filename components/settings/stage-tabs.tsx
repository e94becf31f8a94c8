"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "../trpc/trpc-provider";
import styles from "./settings.module.css";

/** One link per engine stage; the import stage has no settings. */
export function StageTabs({ current }: { current?: string }) {
  const trpc = useTRPC();
  const stages = useQuery(trpc.settings.stages.queryOptions());
  return (
    <nav aria-label="Stages" className={styles.tabs}>
      {(stages.data ?? []).map((s) => (
        <Link key={s} href={`/settings/${s}`} aria-current={s === current ? "page" : undefined}>
          {s}
        </Link>
      ))}
    </nav>
  );
}
