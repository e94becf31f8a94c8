"use client";

/**
 * Submit one structure: paste or upload (CIF, POSCAR or JSON) → check → preview → submit →
 * wait for the import job → go to the structure. The server validates again on submit and
 * stores nothing when the file is invalid.
 */
import { useMutation } from "@tanstack/react-query";
import { useCallback, useState, type ChangeEvent } from "react";
import { errorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc-provider";
import { ImportProgress } from "./import-progress";
import { StructurePreview, type Preview } from "./structure-preview";
import styles from "./submit-form.module.css";
import { ACCEPTED_EXTENSIONS, MAX_UPLOAD_BYTES, byteLength, tooLargeMessage } from "./upload-limit";

export function SubmitForm() {
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const [filename, setFilename] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [submission, setSubmission] = useState<{ inputKey: string; queued: boolean } | null>(null);
  const validate = useMutation(trpc.submissions.validate.mutationOptions());
  const submit = useMutation(trpc.submissions.submit.mutationOptions());

  function reset() {
    setError(null);
    setPreview(null);
    setSubmission(null);
  }

  async function check(content: string, name: string | undefined) {
    reset();
    if (content.trim() === "") return setError("Paste a structure or choose a file first.");
    const bytes = byteLength(content);
    if (bytes > MAX_UPLOAD_BYTES) return setError(tooLargeMessage(bytes));
    try {
      const result = await validate.mutateAsync({ text: content, filename: name });
      if (result.ok) setPreview(result.preview);
      else setError(result.error);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    reset();
    if (file.size > MAX_UPLOAD_BYTES) {
      e.target.value = "";
      return setError(tooLargeMessage(file.size));
    }
    const content = await file.text();
    setText(content);
    setFilename(file.name);
    await check(content, file.name);
  }

  async function onSubmit() {
    setError(null);
    try {
      setSubmission(await submit.mutateAsync({ text, filename }));
    } catch (err) {
      setPreview(null);
      setError(errorMessage(err));
    }
  }

  const busy = validate.isPending || submit.isPending || submission !== null;
  const onFailed = useCallback((message: string) => {
    setSubmission(null);
    setPreview(null);
    setError(message);
  }, []);
  return (
    <form className={styles.form} onSubmit={(e) => (e.preventDefault(), check(text, filename))} noValidate>
      <div className={styles.field}>
        <label htmlFor="structure-text">Structure file contents</label>
        <textarea
          id="structure-text"
          className={styles.text}
          value={text}
          spellCheck={false}
          placeholder="Paste a CIF, a POSCAR or a JSON structure here…"
          aria-invalid={error !== null}
          aria-describedby="structure-error"
          onChange={(e) => {
            setText(e.target.value);
            // An edit makes the preview stale and the text no longer the uploaded file.
            setFilename(undefined);
            reset();
          }}
        />
      </div>
      <div className={styles.row}>
        <label htmlFor="structure-file">Or upload a file (CIF, POSCAR or JSON, at most 5 MB):</label>
        <input id="structure-file" type="file" accept={ACCEPTED_EXTENSIONS} onChange={onFile} aria-describedby="structure-error" />
      </div>
      <p id="structure-error" role="alert" aria-live="assertive" className={error ? `error ${styles.fieldError}` : styles.fieldError}>
        {error ?? ""}
      </p>
      <div className={styles.row}>
        <button type="submit" className="button secondary" disabled={busy}>
          {validate.isPending ? "Checking…" : "Check"}
        </button>
        <button type="button" className="button" disabled={!preview || busy} onClick={onSubmit}>
          {submit.isPending ? "Submitting…" : "Submit"}
        </button>
      </div>
      {preview ? (
        <section className="panel" aria-label="Structure preview">
          <StructurePreview preview={preview} />
        </section>
      ) : null}
      {submission ? (
        <ImportProgress inputKey={submission.inputKey} alreadySubmitted={!submission.queued} onFailed={onFailed} />
      ) : null}
    </form>
  );
}
