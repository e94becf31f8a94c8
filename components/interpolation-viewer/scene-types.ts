import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "../../server/api/root";

/** The part of a hop's image band the viewer draws, as the server sends it (server/services/pathway-scene.ts). */
export type ViewerScene = NonNullable<inferRouterOutputs<AppRouter>["pathways"]["byId"]["scene"]>;
