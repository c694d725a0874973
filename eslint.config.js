// Typed lint for the whole workspace. Rules stay on; a disabled line says why.
// Package boundaries are enforced here: dependencies point one way,
// dataset <- protocol <- store <- gateway <- cli (see ARCHITECTURE.md, invariant 1).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Packages each package must not import, derived from the one-way order. */
const order = ['dataset', 'protocol', 'store', 'gateway', 'cli'];
const boundaries = order.map((pkg, i) => ({
  files: [`packages/${pkg}/**/*.ts`],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: order.slice(i + 1).map((later) => ({
        group: [`@originlink/${later}`, `@originlink/${later}/*`],
        message: `${pkg} must not depend on ${later}: dependencies point one way (ARCHITECTURE.md).`,
      })),
    }],
  },
}));

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/*.generated.*', 'scripts/**/*.mjs', 'packages/*/bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use an `as const` array and a derived union instead of enum.' }],
    },
  },
  {
    // Tests use node:test's describe/it, whose returned promises the runner awaits itself.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
  {
    // The config file itself is plain JavaScript outside every tsconfig: lint it without types.
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  ...boundaries,
);
