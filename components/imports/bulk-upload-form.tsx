"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc-provider";
import { fileToBase64 } from "./file-base64";
import styles from "./imports.module.css";

const MAX_BYTES = 50 * 1024 * 1024;

/** Many CIF / POSCAR / JSON files or zips of them at once; one report line per file. */
export function BulkUploadForm() {
  const trpc = useTRPC();
  const upload = useMutation(trpc.imports.bulkUpload.mutationOptions());
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const keys = upload.data?.files.flatMap((f) => ("inputKey" in f ? [f.inputKey] : [])) ?? [];
  const outcomes = useQuery(trpc.imports.outcomes.queryOptions({ inputKeys: keys }, { enabled: keys.length > 0, refetchInterval: (q) => (q.state.data?.pending ? 1500 : false) }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const bytes = files.reduce((n, f) => n + f.size, 0);
    if (files.length === 0) return setError("Choose files first.");
    if (bytes > MAX_BYTES) return setError(`The files come to ${(bytes / 1048576).toFixed(1)} MB; at most 50 MB at once.`);
    try {
      await upload.mutateAsync({ files: await Promise.all(files.map(fileToBase64)) });
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const report = upload.data;
  return (
    <form className={styles.card} onSubmit={submit} aria-labelledby="bulk-title">
      <h2 id="bulk-title">Bulk upload</h2>
      <div className={styles.field}>
        <label htmlFor="bulk-files">Structure files or a zip (≤ 50 MB)</label>
        <input id="bulk-files" type="file" multiple accept=".cif,.vasp,.poscar,.json,.zip,POSCAR,CONTCAR" onChange={(e) => setFiles([...(e.target.files ?? [])])} />
      </div>
      <button type="submit" disabled={upload.isPending}>
        Upload
      </button>
      {error && <p className={styles.error} role="alert">{error}</p>}
      {report && (
        <div role="status">
          <p>
            {report.queued} queued, {report.duplicate} duplicate, {report.refused} refused
            {outcomes.data && ` — ${outcomes.data.imported} imported, ${outcomes.data.duplicate} already in the library, ${outcomes.data.failed} failed, ${outcomes.data.pending} waiting`}
          </p>
          <table className={styles.table}>
            <thead>
              <tr>
                <th>File</th>
                <th>Result</th>
              </tr>
            </thead>
            <tbody>
              {report.files.map((f) => (
                <tr key={f.name}>
                  <td>{f.name}</td>
                  <td>{f.status === "refused" ? `refused: ${f.reason}` : f.status === "duplicate" ? "duplicate (uploaded before)" : `queued (${f.structures} structure${f.structures === 1 ? "" : "s"})`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </form>
  );
}
