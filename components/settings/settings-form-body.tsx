"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "../trpc/trpc-provider";
import { BroadenEditor, broadenFromDraft, draftFromBroaden } from "./broaden-editor";
import { CriteriaEditor } from "./criteria-editor";
import { fromCriterion, newRowId, toCriterion } from "./criterion-rows";
import { EligiblePreview } from "./eligible-preview";
import { ParamsForm, paramsFromText, paramsToText } from "./params-form";
import { PriorityEditor, type PriorityRow } from "./priority-editor";
import type { SettingsForm } from "./settings-types";
import styles from "./settings.module.css";
import { validationIssues } from "./validation-issues";

/**
 * The editable copy of one settings version. The parent mounts it anew (key) when another version
 * becomes current, so a save or a restore shows what was saved.
 */
export function SettingsFormBody({ form }: { form: SettingsForm }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { settings } = form;
  const [criteria, setCriteria] = useState(() => settings.criteria.map(fromCriterion));
  const [priority, setPriority] = useState<PriorityRow[]>(() => settings.priority.map((p) => ({ id: newRowId(), ...p })));
  const [concurrency, setConcurrency] = useState(String(settings.concurrency));
  const [timeLimit, setTimeLimit] = useState(String(settings.timeLimitSeconds));
  const [params, setParams] = useState(() => paramsToText(settings.params));
  const [broaden, setBroaden] = useState(() => draftFromBroaden(settings.autoBroaden, form.params));
  const [note, setNote] = useState("");
  const save = useMutation(
    trpc.settings.save.mutationOptions({
      onSuccess: () => Promise.all([queryClient.invalidateQueries(trpc.settings.pathFilter()), queryClient.invalidateQueries(trpc.stages.pathFilter())]),
    }),
  );

  const proposedCriteria = criteria.map((r) => toCriterion(r, form.columns.find((c) => c.name === r.column)));
  const proposedParams = paramsFromText(form.params, params);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      stage: form.stage,
      criteria: proposedCriteria,
      priority: priority.map((p) => ("ranking" in p ? { ranking: p.ranking } : { column: p.column, dir: p.dir })),
      concurrency: Number(concurrency),
      timeLimitSeconds: Number(timeLimit),
      params: proposedParams,
      autoBroaden: broadenFromDraft(broaden, form.params),
      note,
    });
  };

  return (
    <form onSubmit={submit} aria-label={`${form.stage} settings`}>
      <section className={`panel ${styles.section}`}>
        <h2>Criteria</h2>
        <CriteriaEditor rows={criteria} columns={form.columns} paramNames={form.params.map((p) => p.name)} onChange={setCriteria} />
        <EligiblePreview stage={form.stage} criteria={proposedCriteria} params={proposedParams} />
      </section>
      <section className={`panel ${styles.section}`}>
        <h2>Priority</h2>
        <PriorityEditor rows={priority} columns={form.columns} rankings={form.rankings} onChange={setPriority} />
      </section>
      <section className={`panel ${styles.section}`}>
        <h2>Flow</h2>
        <div className={styles.fields}>
          <label>
            Concurrency (jobs in flight)
            <input type="number" min={0} max={64} step={1} value={concurrency} onChange={(e) => setConcurrency(e.target.value)} />
          </label>
          <label>
            Time limit per run (s)
            <input type="number" min={1} step={1} value={timeLimit} onChange={(e) => setTimeLimit(e.target.value)} />
          </label>
        </div>
      </section>
      <section className={`panel ${styles.section}`}>
        <h2>Parameters</h2>
        <ParamsForm fields={form.params} values={params} onChange={setParams} />
      </section>
      <section className={`panel ${styles.section}`}>
        <h2>Auto-broaden</h2>
        <BroadenEditor fields={form.params} draft={broaden} onChange={setBroaden} />
      </section>
      <div className={styles.saveBar}>
        <input aria-label="Note" placeholder="Why this change (kept with the version)" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
        <button type="submit" className="button" disabled={save.isPending}>
          Save as version {settings.version + 1}
        </button>
      </div>
      {save.error ? (
        <div className="error" role="alert">
          {validationIssues(save.error).map((m) => (
            <div key={m}>{m}</div>
          ))}
        </div>
      ) : null}
    </form>
  );
}
