"use client";

import type { ParamField } from "./settings-types";
import styles from "./settings.module.css";

/** Inputs for the stage's parameters, one per field of its params schema, with the schema's bounds. */
export function ParamsForm({ fields, values, onChange }: { fields: ParamField[]; values: Record<string, string>; onChange: (values: Record<string, string>) => void }) {
  if (fields.length === 0) return <p className="muted">This stage has no parameters.</p>;
  return (
    <div className={styles.fields}>
      {fields.map((f) => {
        const numeric = f.type === "number" || f.type === "integer";
        const bounds = numeric
          ? [f.min !== null ? `${f.minExclusive ? ">" : "≥"} ${f.min}` : null, f.max !== null ? `≤ ${f.max}` : null].filter(Boolean).join(", ")
          : "";
        return (
          <label key={f.name}>
            {f.label}
            {bounds ? <span> ({bounds})</span> : null}
            {f.options ? (
              <select name={f.name} value={values[f.name] ?? ""} onChange={(e) => onChange({ ...values, [f.name]: e.target.value })}>
                {f.options.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            ) : f.type === "boolean" ? (
              <select value={values[f.name]} onChange={(e) => onChange({ ...values, [f.name]: e.target.value })}>
                <option value="true">yes</option>
                <option value="false">no</option>
              </select>
            ) : (
              <input
                name={f.name}
                type={numeric ? "number" : "text"}
                step={f.type === "integer" ? 1 : "any"}
                min={f.min ?? undefined}
                max={f.max ?? undefined}
                value={values[f.name] ?? ""}
                onChange={(e) => onChange({ ...values, [f.name]: e.target.value })}
              />
            )}
          </label>
        );
      })}
    </div>
  );
}

/** The typed params from the inputs' text; a malformed number is sent as typed for the server to name. */
export function paramsFromText(fields: ParamField[], values: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(
    fields.flatMap((f) => {
      const text = values[f.name] ?? "";
      // An optional parameter left empty is not set at all.
      if (f.optional && text.trim() === "") return [];
      return [entry(f, text)];
    }),
  );
}

function entry(f: ParamField, text: string): [string, unknown] {
  if (f.type === "boolean") return [f.name, text === "true"];
  if (f.type === "number" || f.type === "integer") return [f.name, text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text];
  return [f.name, text];
}

export const paramsToText = (params: Record<string, unknown>) => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
