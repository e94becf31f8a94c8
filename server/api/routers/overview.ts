/** The overview page's numbers: the pipeline's progress per stage and barrier statistics. */
import { barrierStats, barrierStatsInput } from "../../services/pathway-barrier-stats";
import { pipelineStageCounts } from "../../services/pathway-stage-counts";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const overviewRouter = createTRPCRouter({
  stageCounts: publicProcedure.query(({ ctx }) => pipelineStageCounts(ctx.db)),
  barrierStats: publicProcedure.input(barrierStatsInput).query(({ ctx, input }) => barrierStats(ctx.db, input.metric)),
});
