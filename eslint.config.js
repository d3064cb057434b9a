// One flat config for the whole workspace: typescript-eslint on every package,
// React hooks rules on web, and the one-way import flow enforced per folder.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';

const noBackwardImports = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

// Flat config replaces a rule's options per block instead of merging them, so every web block
// below repeats this one.
const webOverHttp = {
  group: ['@kubeglance/server*', '@kubeglance/sim*'],
  message: 'web/ talks to the server over HTTP only.',
};

// Screens of the web app; each may use api/, components/, hooks/ and lib/ but no other screen.
const webFeatures = readdirSync(new URL('./web/src/features', import.meta.url), {
  withFileTypes: true,
})
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** One config block per feature: an import that reaches into another feature is an error. */
const featureIsolation = webFeatures.map((feature) => {
  const others = webFeatures.filter((f) => f !== feature);
  // By path (`**/features/x/...`) or relatively from the feature root or a folder below it
  // (`../x`, `../../x/...`, `../../../x/...`). Longer `..` runs leave features/ and are fine.
  const group = others.flatMap((f) =>
    [`**/features/${f}`, `../${f}`, `../../${f}`, `../../../${f}`].flatMap((p) => [p, `${p}/**`]),
  );
  return {
    files: [`web/src/features/${feature}/**`],
    rules: noBackwardImports([
      webOverHttp,
      {
        group,
        message: 'features/ never import each other: move shared code to lib/ or components/.',
      },
    ]),
  };
});

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'e2e/artifacts/**',
      'bench/results/**',
      '**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // The data flows one way: shared <- sim; shared <- server/kube <- store <- api.
  {
    files: ['shared/src/**'],
    rules: noBackwardImports([
      {
        group: ['@kubeglance/sim*', '@kubeglance/server*', '@kubeglance/web*'],
        message: 'shared/ depends on nothing of ours.',
      },
    ]),
  },
  {
    files: ['sim/src/**'],
    rules: noBackwardImports([
      {
        group: ['@kubeglance/server*', '@kubeglance/web*'],
        message: 'sim/ must not know its clients.',
      },
    ]),
  },
  {
    files: ['server/src/kube/**'],
    rules: noBackwardImports([
      {
        group: ['../store/*', '../api/*', '@kubeglance/web*'],
        message: 'kube/ is the bottom layer of the server.',
      },
    ]),
  },
  {
    files: ['server/src/diagnostics/**'],
    rules: noBackwardImports([
      {
        group: ['**/store/*', '**/pipeline/*', '**/api/*', '@kubeglance/web*'],
        message: 'diagnostics/ reads through kube/ only; the pipeline hands it what it knows.',
      },
    ]),
  },
  {
    files: ['server/src/store/**'],
    rules: noBackwardImports([
      {
        group: ['../api/*', '@kubeglance/web*'],
        message: 'store/ must not import the HTTP layer.',
      },
    ]),
  },
  {
    files: ['web/src/**'],
    rules: noBackwardImports([webOverHttp]),
  },
  {
    files: ['web/src/components/**'],
    rules: noBackwardImports([
      webOverHttp,
      { group: ['**/features/**', '**/app/**'], message: 'components/ are leaf renderers.' },
    ]),
  },
  {
    files: ['web/src/api/**'],
    rules: noBackwardImports([
      webOverHttp,
      { group: ['**/features/**', '**/app/**', '**/components/**'], message: 'api/ is data only.' },
    ]),
  },
  {
    files: ['web/src/lib/**', 'web/src/hooks/**'],
    rules: noBackwardImports([
      webOverHttp,
      { group: ['**/features/**', '**/app/**'], message: 'lib/ and hooks/ serve every screen.' },
    ]),
  },
  ...featureIsolation,
);
