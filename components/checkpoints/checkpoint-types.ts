import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "../../server/api/root";

export type CheckpointListItem = inferRouterOutputs<AppRouter>["checkpoints"]["list"][number];

export const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
