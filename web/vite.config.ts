/**
 * Vite build of the dashboard (`vite build web` -> web/dist, served by `truce serve`).
 * The base map is generated from the bundled boundaries by a small plugin: emitted as
 * `basemap.geojson` in the build, and served by the dev server at the same path.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { buildBasemap } from './build/basemap.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** basemap.geojson: countries and governorates; districts.geojson: districts, loaded later */
const FILES: Record<string, number[]> = { 'basemap.geojson': [0, 1], 'districts.geojson': [2] };

function basemap(): Plugin {
  const cache = new Map<string, string>();
  const get = (name: string) => {
    if (!cache.has(name)) cache.set(name, JSON.stringify(buildBasemap(repoRoot, FILES[name])));
    return cache.get(name)!;
  };
  return {
    name: 'truce-basemap',
    configureServer(server) {
      for (const name of Object.keys(FILES)) {
        server.middlewares.use(`/${name}`, (_req, res) => {
          res.setHeader('content-type', 'application/geo+json');
          res.end(get(name));
        });
      }
    },
    generateBundle() {
      for (const name of Object.keys(FILES)) this.emitFile({ type: 'asset', fileName: name, source: get(name) });
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
