import { defineConfig } from 'vite';

// The site: web/ is the root; everything the first prompt does not need (the World, the Engine
// API, the docker CLI, the shell) is a separate chunk loaded right after the prompt shows.
export default defineConfig({
  root: 'web',
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
});
