import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "../../server/api/root";

type Outputs = inferRouterOutputs<AppRouter>["settings"];
export type SettingsForm = Outputs["form"];
export type CriteriaColumn = SettingsForm["columns"][number];
export type ParamField = SettingsForm["params"][number];
export type SettingsVersion = Outputs["history"][number];
