import type { createCaller } from "../../server/api/root";

type Api = ReturnType<typeof createCaller>;
/** What settings.save takes; stored criteria type their operator as a string, so callers cast. */
export type SettingsSaveInput = Parameters<Api["settings"]["save"]>[0];

/** A stage's current settings as the settings page sends them back (no note), and the form they came from. */
export async function currentSettingsSaveInput(api: Api, stage: string) {
  const form = await api.settings.form({ stage });
  const { settings } = form;
  const input = {
    stage,
    criteria: settings.criteria,
    priority: settings.priority,
    concurrency: settings.concurrency,
    timeLimitSeconds: settings.timeLimitSeconds,
    params: settings.params,
    autoBroaden: settings.autoBroaden,
    note: "",
  };
  return { input, form };
}
