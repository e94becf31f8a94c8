import Link from "next/link";
import { BarrierOverview } from "../components/overview/barrier-overview";
import { ParityPlot } from "../components/dft/parity-plot";
import { ImportStatus } from "../components/overview/import-status";
import { StageCounts } from "../components/overview/stage-counts";
import { StructureCounts } from "../components/overview/structure-counts";
import styles from "../components/overview/overview.module.css";

export default function OverviewPage() {
  return (
    <>
      <h1>Overview</h1>
      <p className="muted">Screening crystals for fast fluoride-ion diffusion.</p>
      <StructureCounts />
      <ImportStatus />
      <h2>Pipeline</h2>
      <StageCounts />
      <BarrierOverview />
      <ParityPlot />
      <h2>Go to</h2>
      <ul className={styles.links}>
        <li>
          <Link href="/structures">Browse and filter structures</Link>, download them as CSV, CIF or POSCAR
        </li>
        <li>
          <Link href="/pathways">Browse and filter pathways</Link> with their measures and barriers, download them as CSV
        </li>
        <li>
          <Link href="/submit">Submit a structure</Link> as a CIF, POSCAR or JSON file
        </li>
        <li>
          <Link href="/imports">Import</Link> from the Materials Project, an OPTIMADE provider or many files at once
        </li>
      </ul>
    </>
  );
}
