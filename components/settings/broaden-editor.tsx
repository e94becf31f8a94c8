"use client";

import type { ParamField } from "./settings-types";
import styles from "./settings.module.css";

export interface BroadenDraft {
  enabled: boolean;
  param: string;
  /** Comma-separated values the parameter moves to, in order. */
  steps: string;
  stepIndex: string;
}

/** The auto-broaden schedule: when the stage runs dry, the parameter takes the next step's value. */
export function BroadenEditor({ fields, draft, onChange }: { fields: ParamField[]; draft: BroadenDraft; onChange: (d: BroadenDraft) => void }) {
  if (fields.length === 0) return <p className="muted">No parameters to broaden.</p>;
  return (
    <div className={styles.fields}>
      <label>
        Auto-broaden
        <select aria-label="Auto-broaden" value={draft.enabled ? "on" : "off"} onChange={(e) => onChange({ ...draft, enabled: e.target.value === "on" })}>
          <option value="off">off</option>
          <option value="on">on</option>
        </select>
      </label>
      {draft.enabled ? (
        <>
          <label>
            Parameter
            <select value={draft.param} onChange={(e) => onChange({ ...draft, param: e.target.value })}>
              {fields.map((f) => (
                <option key={f.name} value={f.name}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Steps (in order, comma-separated)
            <input value={draft.steps} onChange={(e) => onChange({ ...draft, steps: e.target.value })} placeholder="6, 7" />
          </label>
          <label>
            Steps already applied
            <input type="number" min={0} step={1} value={draft.stepIndex} onChange={(e) => onChange({ ...draft, stepIndex: e.target.value })} />
          </label>
        </>
      ) : null}
    </div>
  );
}

type Schedule = { param: string; steps: Array<number | string>; stepIndex: number } | null;

export function broadenFromDraft(draft: BroadenDraft, fields: ParamField[]): Schedule {
  if (!draft.enabled) return null;
  const numeric = fields.find((f) => f.name === draft.param)?.type !== "string";
  const steps = draft.steps
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => (numeric && Number.isFinite(Number(s)) ? Number(s) : s));
  return { param: draft.param, steps, stepIndex: Number(draft.stepIndex) || 0 };
}

export function draftFromBroaden(schedule: Schedule, fields: ParamField[]): BroadenDraft {
  if (!schedule) return { enabled: false, param: fields[0]?.name ?? "", steps: "", stepIndex: "0" };
  return { enabled: true, param: schedule.param, steps: schedule.steps.join(", "), stepIndex: String(schedule.stepIndex) };
}
