// Builds the add-on for Apps Script (dist/) and the local tools for Node (.build/).
//   dist/Code.js          src/server/index.ts as one IIFE + one top-level function per export
//   dist/<Name>.html      each src/client/<Name>/ as one self-contained page
//   dist/appsscript.json  the manifest
//   .build/*.cjs          local runner, demo, benchmark and matcher CLIs (Node only)
// Flags: --quiet, --only=server|client|local|match
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const root = path.dirname(new URL(import.meta.url).pathname);
const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const log = (...m) => quiet || console.log(...m);
const dist = path.join(root, 'dist');
const namespace = '__addon';

async function buildServer() {
  const entry = path.join(root, 'src/server/index.ts');
  // Pass A: the export names (an IIFE's metafile lists none).
  const probe = await esbuild.build({ entryPoints: [entry], bundle: true, format: 'esm', metafile: true, write: false, outdir: '/tmp/probe', platform: 'neutral', logLevel: 'silent' });
  const exports = Object.values(probe.metafile.outputs).flatMap((o) => o.exports).sort();
  // Pass B: the bundle Apps Script runs; readable, Cyrillic kept as UTF-8.
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: namespace,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    charset: 'utf8',
    legalComments: 'none',
    minify: false,
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const body = result.outputFiles[0].text;
  const stubs = exports
    .map((name) => `function ${name}(...args) {\n  return ${namespace}.${name}(...args);\n}`)
    .join('\n\n');
  const code = `// mentoring-sheets: built by build.mjs from src/server; do not edit.\n${body}\n${stubs}\n`;
  // Loading must touch no service and expose only functions: check it in a bare context.
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename: 'Code.js' });
  const notFunctions = exports.filter((name) => typeof context[name] !== 'function' || typeof context[namespace][name] !== 'function');
  if (notFunctions.length) throw new Error(`src/server/index.ts must export only functions: ${notFunctions.join(', ')}`);
  fs.writeFileSync(path.join(dist, 'Code.js'), code);
  fs.copyFileSync(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
  log(`dist/Code.js: ${exports.length} public functions, ${(code.length / 1024).toFixed(0)} KB`);
}

async function buildClients() {
  const dir = path.join(root, 'src/client');
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const folder = path.join(dir, name);
    const page = path.join(folder, 'index.html');
    if (!fs.statSync(folder).isDirectory() || !fs.existsSync(page)) continue;
    const result = await esbuild.build({
      entryPoints: [path.join(folder, 'index.ts')],
      bundle: true,
      format: 'iife',
      target: 'es2020',
      platform: 'browser',
      charset: 'utf8',
      minify: true,
      write: false,
      logLevel: 'warning',
    });
    const script = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
    const cssPath = path.join(folder, 'style.css');
    const css = fs.existsSync(cssPath) ? fs.readFileSync(cssPath, 'utf8').replace(/<\/style/gi, '<\\/style') : '';
    // HtmlService serves one file per page: styles and script go inline.
    const html = fs
      .readFileSync(page, 'utf8')
      .replace('<!-- style -->', () => `<style>\n${css}</style>`)
      .replace('<!-- script -->', () => `<script>\n${script}</script>`);
    fs.writeFileSync(path.join(dist, `${name}.html`), html);
    log(`dist/${name}.html: ${(html.length / 1024).toFixed(0)} KB`);
  }
}

const localTools = {
  local: 'local/cli/local.ts',
  demo: 'local/cli/demo.ts',
  bench: 'local/bench/main.ts',
  match: 'local/match/cli.ts',
};

async function buildLocal(names) {
  fs.mkdirSync(path.join(root, '.build'), { recursive: true });
  for (const name of names) {
    const entry = path.join(root, localTools[name]);
    if (!fs.existsSync(entry)) continue;
    await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      outfile: path.join(root, '.build', `${name}.cjs`),
      logLevel: 'warning',
    });
  }
}

try {
  fs.mkdirSync(dist, { recursive: true });
  if (!only || only === 'server') await buildServer();
  if (!only || only === 'client') await buildClients();
  if (!only || only === 'local') await buildLocal(['local', 'demo', 'bench', 'match']);
  if (only === 'match') await buildLocal(['match']);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
