// @ts-check
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import rendererSafeContract from './contract/renderer-safe.json' with { type: 'json' };

/**
 * The rules of the house (docs/architecture.md) as lint rules, so that breaking one fails the
 * test command instead of relying on good intentions.
 */
const zones = [
  { target: './drivers', from: ['./main', './renderer', './platform', './kiosk-config'], message: 'drivers/ speak bytes with devices and events with callers; they import nothing from the terminal, the UI or the platform.' },
  { target: './renderer', from: ['./main', './drivers', './platform', './kiosk-config', './common'], message: 'renderer/ reaches the terminal only through the TerminalApi (contract/terminal).' },
  { target: './platform', from: ['./main', './drivers', './renderer', './kiosk-config'], message: 'platform/ shares only the wire contract (contract/) with the terminal.' },
  { target: './contract', from: ['./main', './drivers', './renderer', './platform', './kiosk-config', './common'], message: 'contract/ is the shared vocabulary; it depends on nothing of ours.' },
  { target: './common', from: ['./main', './drivers', './renderer', './platform', './kiosk-config'], message: 'common/ is the ground floor every room stands on: it imports nothing of ours but contract/.' },
  { target: './kiosk-config', from: ['./main', './drivers', './renderer', './platform'], message: 'kiosk-config/ is data and its schema.' },
];

/**
 * The contract files the renderer may import at run time (contract/renderer-safe.json): plain
 * values and pure functions that pull in no zod (the schemas are for the terminal and the
 * platform; the UI imports their types only). A file joins the list only when it imports
 * nothing but other files of the list; test/unit/house-rules checks that, and that the rule bites.
 */
const RENDERER_SAFE_CONTRACT = rendererSafeContract;

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/output/**', 'test-results/**', 'test/fixtures/**', 'var/**', 'release/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node } },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.json', 'renderer/tsconfig.json', 'test/e2e/tsconfig.json'], noWarnOnMultipleProjects: true })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-unresolved': 'error',
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only main/electron/ imports electron: the rest of main/ runs in plain Node.' }] }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      // A callback may read a variable that is assigned once, after the callback was made.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['main/**/*.ts'],
    // The two composition roots that start the platform: the demo site's embedded one and `tongban platform`.
    ignores: ['main/demo/embedded-platform.ts', 'main/cli/commands/platform.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...zones,
            { target: './main', from: './platform', message: 'main/ reaches the platform over HTTP; only main/demo/embedded-platform.ts (the demo site) and main/cli/commands/platform.ts (`tongban platform`) start it.' },
            { target: './main', from: './renderer', message: 'main/ serves the renderer; it does not import it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'import-x/no-nodejs-modules': ['error'],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `(^|/)contract/(?!(${RENDERER_SAFE_CONTRACT.map((file) => file.slice('contract/'.length)).join('|')})$)`,
              allowTypeImports: true,
              message: 'the renderer imports only types from this contract file; run-time values come from the files in contract/renderer-safe.json, which pull in no zod.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/vite.config.ts', 'bench/**', 'scripts/**', 'test/**', 'bin/**'],
    rules: { 'import-x/no-nodejs-modules': 'off', 'no-console': 'off' },
  },
);
