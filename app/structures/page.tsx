import type { Metadata } from "next";
import { Suspense } from "react";
import { StructuresTable } from "../../components/structures-table/structures-table";

export const metadata: Metadata = { title: "Structures" };

export default function StructuresPage() {
  return (
    <>
      <h1>Structures</h1>
      {/* The table reads the query string on the client; Suspense lets the shell render first. */}
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <StructuresTable />
      </Suspense>
    </>
  );
}
