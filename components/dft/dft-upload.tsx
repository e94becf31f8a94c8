"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { fileToBase64 } from "../imports/file-base64";
import { errorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc-provider";

/** Upload a pathway's VASP results: a zip of the 00..0N+1 folders, or files named 00_vasprun.xml, 01_OUTCAR, … */
export function DftUpload({ pathwayId }: { pathwayId: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const upload = useMutation(
    trpc.dft.upload.mutationOptions({
      onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.dft.ofPathway.queryKey({ pathwayId }) }), queryClient.invalidateQueries({ queryKey: trpc.dft.parity.queryKey() })]),
    }),
  );
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (files.length === 0) return setError("Choose the vasprun.xml / OUTCAR files or a zip first.");
    try {
      await upload.mutateAsync({ pathwayId, files: await Promise.all(files.map(fileToBase64)) });
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const report = upload.data;
  return (
    <form onSubmit={submit} aria-label="Upload DFT results">
      <label htmlFor={`dft-files-${pathwayId}`}>VASP results (zip of 00…0N+1 folders, or 00_vasprun.xml, 01_OUTCAR, …)</label>{" "}
      <input id={`dft-files-${pathwayId}`} type="file" multiple onChange={(e) => setFiles([...(e.target.files ?? [])])} />{" "}
      <button type="submit" disabled={upload.isPending}>
        Upload DFT results
      </button>
      {error && <p role="alert">{error}</p>}
      {report && (
        <div role="status">
          <p>{report.stored ? `Stored: DFT barrier ${report.profile.barrier.toFixed(3)} eV.` : `Nothing stored: ${report.error}.`}</p>
          {report.refused.length > 0 && (
            <ul>
              {report.refused.map((r) => (
                <li key={r.file}>
                  refused {r.file}: {r.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
