import path from 'node:path';
import { defineConfig } from 'vite';

// The hub's agent console script, built at build time into dist/agent/agent.js (the hub serves it as is).
export default defineConfig({
  root: 'agent',
  publicDir: false,
  build: {
    outDir: '../dist/agent',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    rollupOptions: {
      input: path.resolve(import.meta.dirname, 'agent/agent_client.ts'),
      output: { format: 'iife', entryFileNames: 'agent.js' },
    },
  },
});
