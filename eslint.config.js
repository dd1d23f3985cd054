// Lint: typescript-eslint's recommended rules, plus the import boundaries of
// docs/ARCHITECTURE.md (domain <- app <- adapters <- main: imports point inward only).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const inward = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'console/dist/**', 'bench-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', AbortController: 'readonly', fetch: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: inward(['**/app/**', '**/adapters/**', '**/main/**', '**/config/**', 'node:*'], 'domain/ is pure: it imports no use case, adapter, configuration or node built-in.'),
  },
  {
    files: ['src/app/**/*.ts'],
    rules: inward(['**/adapters/**', '**/main/**', '**/config/**'], 'app/ talks to technology only through the ports in app/ports.ts.'),
  },
  {
    files: ['src/adapters/**/*.ts'],
    rules: inward(['**/main/**'], 'adapters/ never import a composition root.'),
  },
);
