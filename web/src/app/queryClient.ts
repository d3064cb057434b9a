import { QueryClient } from '@tanstack/react-query';
import { shouldRetry } from '../api/errors';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: shouldRetry,
      // Live samples invalidate what is on screen; a short stale time only
      // dedupes the requests of components mounting together.
      staleTime: 5_000,
      refetchOnWindowFocus: false,
    },
  },
});
