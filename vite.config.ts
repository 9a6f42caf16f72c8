import { defineConfig, type Plugin } from 'vite';
// (with its extension: Vite's config loader wants them, and TypeScript maps .js to the .ts file)
import { sitePages } from './web/site/vite-plugin.js';

/**
 * Puts the page's stylesheet into index.html: a separate CSS file holds up the first script
 * (scripts wait for the stylesheets before them) for the price of one more request.
 */
function inlineCss(): Plugin {
  return {
    name: 'docksim-inline-css',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = Object.values(bundle).find((f) => f.type === 'asset' && f.fileName === 'playground/index.html');
      if (!html || html.type !== 'asset') return;
      let text = String(html.source);
      for (const [name, file] of Object.entries(bundle)) {
        if (file.type !== 'asset' || !name.endsWith('.css')) continue;
        const link = new RegExp(`<link rel="stylesheet"[^>]*href="[^"]*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`);
        if (!link.test(text)) continue;
        text = text.replace(link, () => `<style>${String(file.source)}</style>`);
        delete bundle[name];
      }
      html.source = text;
    },
  };
}

// The site: web/ is the root; everything the first prompt does not need (the World, the Engine
// API, the docker CLI, the shell) is a separate chunk loaded once the prompt is on the screen.
export default defineConfig({
  root: 'web',
  // the pages (home, lessons, reference, the playground at /playground/): web/site/vite-plugin.ts
  plugins: [sitePages(), inlineCss()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
});
