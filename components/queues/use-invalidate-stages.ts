"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../trpc/trpc-provider";

/** After a control changes something, every queues query refetches at once rather than at its next interval. */
export function useInvalidateStages(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.stages.pathFilter());
}
