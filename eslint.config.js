// One flat config for the whole workspace: typescript-eslint on every package,
// React hooks rules on web, and the one-way import flow enforced per folder.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noBackwardImports = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
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
    rules: noBackwardImports([
      {
        group: ['@kubeglance/server*', '@kubeglance/sim*'],
        message: 'web/ talks to the server over HTTP only.',
      },
    ]),
  },
  {
    files: ['web/src/components/**'],
    rules: noBackwardImports([
      { group: ['**/features/**', '**/app/**'], message: 'components/ are leaf renderers.' },
    ]),
  },
  {
    files: ['web/src/api/**'],
    rules: noBackwardImports([
      { group: ['**/features/**', '**/app/**', '**/components/**'], message: 'api/ is data only.' },
    ]),
  },
);
