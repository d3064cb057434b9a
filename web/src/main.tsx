import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { prefetchFirstScreen } from './app/prefetch';
import { queryClient } from './app/queryClient';
import { preloadScreen } from './app/router';
import { applyTheme, initialTheme } from './app/theme';
import { initI18n, initialLanguage } from './i18n/i18n';
import './app/theme.css';
import './app/layout.css';
import './components/ui.css';

// Before the first render, so the page does not flash in the wrong theme.
// The wall screen overrides this on its own root (?theme=, dark by default).
applyTheme(initialTheme());
// Before the first render too: every text comes from the chosen language's resources.
initI18n(initialLanguage(new URL(window.location.href)));
// Every request and the code the first screen needs, at once, while React starts.
prefetchFirstScreen(queryClient, new URL(window.location.href));
preloadScreen(window.location.pathname);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
