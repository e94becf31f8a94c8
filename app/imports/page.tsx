import type { Metadata } from "next";
import { BulkUploadForm } from "../../components/imports/bulk-upload-form";
import { ImportList } from "../../components/imports/import-list";
import { MpImportForm } from "../../components/imports/mp-import-form";
import { OptimadeImportForm } from "../../components/imports/optimade-import-form";
import styles from "../../components/imports/imports.module.css";

export const metadata: Metadata = { title: "Imports" };

export default function ImportsPage() {
  return (
    <>
      <h1>Imports</h1>
      <p className="muted">
        Each import queues one job per structure for the structures stage; a structure already in the table is not stored
        twice. Remote imports save their place after every page and resume after an interruption.
      </p>
      <div className={styles.sections}>
        <MpImportForm />
        <OptimadeImportForm />
        <BulkUploadForm />
      </div>
      <h2>Remote imports</h2>
      <ImportList />
    </>
  );
}
