/**
 * Vite build of the dashboard (`vite build web` -> web/dist, served by `truce serve`).
 * The base map is generated from the bundled boundaries by a small plugin: emitted as
 * `basemap.geojson` in the build, and served by the dev server at the same path.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { buildBasemap } from './build/basemap.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

function basemap(): Plugin {
  let json: string | null = null;
  const get = () => {
    json ??= JSON.stringify(buildBasemap(repoRoot));
    return json;
  };
  return {
    name: 'truce-basemap',
    configureServer(server) {
      server.middlewares.use('/basemap.geojson', (_req, res) => {
        res.setHeader('content-type', 'application/geo+json');
        res.end(get());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'basemap.geojson', source: get() });
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [basemap()],
  // maplibre-gl 6 loads its worker as an ES module (ecosystem.md §7)
  worker: { format: 'es' },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500, sourcemap: true },
  server: { proxy: { '/api': 'http://127.0.0.1:8787', '/openapi.json': 'http://127.0.0.1:8787' } },
});
