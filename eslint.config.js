import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Layering (DESIGN.md): Electron belongs to shell/ and preload/ only.
    files: ['src-main/{contract,core,infra,host}/**/*.ts', 'src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Electron is imported only under src-main/shell and src-main/preload.',
            },
            { name: 'electron-store', message: 'electron-store is imported only under src-main/shell.' },
          ],
        },
      ],
    },
  },
  {
    // core/ and contract/ are plain TypeScript: no Node built-ins, no native modules.
    files: ['src-main/{contract,core}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'No Electron in core/ or contract/.' },
            { name: 'electron-store', message: 'No electron-store in core/ or contract/.' },
            { name: 'better-sqlite3-multiple-ciphers', message: 'No native modules in core/ or contract/.' },
          ],
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process'],
              message: 'No Node I/O in core/ or contract/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
