// The browser's TanStack Query client: server state is fresh until the live stream says
// otherwise, and failures are retried only when they are worth retrying (./retry.ts).
import { QueryClient } from '@tanstack/react-query';
import { retryDelay, retryWhileRetryable } from './retry';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The event stream reports changes; refetching on focus would only repeat them.
        staleTime: Infinity,
        refetchOnWindowFocus: false,
        retry: retryWhileRetryable(3),
        retryDelay,
      },
      mutations: { retry: retryWhileRetryable(5), retryDelay },
    },
  });
}
