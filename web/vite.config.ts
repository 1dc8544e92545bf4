import { defineConfig } from 'vitest/config';

// No React plugin: Vite's own (Oxc) automatic JSX transform is all the app needs (no fast refresh in dev).
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    target: 'es2022',
    sourcemap: false,
    // the first page is the shell; each screen is its own chunk, loaded when it is opened
    chunkSizeWarningLimit: 500,
    rollupOptions: {
      onwarn(warning, warn) {
        // React Query marks its modules "use client" for server components; a browser bundle has none
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') {
          return;
        }
        warn(warning);
      },
    },
  },
  server: {
    // `npm run dev` next to ./spil-local: the API, config and sign-in come from the local cloud
    proxy: Object.fromEntries(
      ['/config.json', '/local', '/me', '/people', '/sites', '/resources', '/availability', '/bookings', '/calendar',
        '/stock', '/suppliers', '/purchase-orders', '/notifications', '/visits', '/cost-centres', '/budget-categories',
        '/budgets', '/expenses', '/reports', '/visitor-hosts', '/visitor-blocklist', '/check-ins', '/check-outs', '/privacy', '/mail']
        .map((p) => [p, { target: process.env.SPIL_LOCAL ?? 'http://127.0.0.1:3000', changeOrigin: false }]),
    ),
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    setupFiles: ['src/test-setup.ts'],
  },
});
