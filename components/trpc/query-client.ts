import { QueryClient } from "@tanstack/react-query";

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Pages render from client fetches; a short stale time avoids refetching on every mount.
      queries: { staleTime: 10_000, refetchOnWindowFocus: false },
    },
  });
}
