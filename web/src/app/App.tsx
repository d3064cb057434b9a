import { QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { queryClient } from './queryClient';
import { router } from './router';

export function App() {
  // A new language remounts the screens, so every text (also those computed outside
  // components) is rendered again in it; URL state and cached data are kept.
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider key={i18n.language} router={router} />
    </QueryClientProvider>
  );
}
