import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is always served built (dev host or Electron's app:// protocol), with relative URLs.
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'chrome120',
  },
});
