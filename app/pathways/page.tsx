import type { Metadata } from "next";
import { Suspense } from "react";
import { PathwaysTable } from "../../components/pathways-table/pathways-table";

export const metadata: Metadata = { title: "Pathways" };

export default function PathwaysPage() {
  return (
    <>
      <h1>Pathways</h1>
      <p className="muted">Symmetry-distinct hops of the mobile ion, with their measures and energy barriers.</p>
      {/* The table reads the query string on the client; Suspense lets the shell render first. */}
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <PathwaysTable />
      </Suspense>
    </>
  );
}
