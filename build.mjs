// Builds the add-on for Apps Script (dist/) and the local tools for Node (.build/).
//   dist/Code.js          one top-level function per export of src/server/index.ts, with its JSDoc
//                         (gas-entry-generator), then the IIFE bundle that assigns the real ones
//   dist/<Name>.html      each src/client/<Name>/ as one self-contained page
//   dist/appsscript.json  the manifest
//   .build/*.cjs          local runner, demo, benchmark and matcher CLIs (Node only)
// Flags: --quiet, --only=server|client|local|match, --force (rebuild even when nothing changed)
// Each step is skipped when its stamp in .build/stamps/ shows that no source (src/, local/, this file,
// the manifest, package and lock files) and none of its outputs changed since it last built; see
// build-cache.mjs. esbuild, typescript and gas-entry-generator load only when a step really builds.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { cachedStep, inputFingerprint } from './build-cache.mjs';

const require = createRequire(import.meta.url);

const root = path.dirname(new URL(import.meta.url).pathname);
const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const force = args.includes('--force');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const log = (...m) => quiet || console.log(...m);
const dist = path.join(root, 'dist');
const rel = (file) => path.relative(root, file).split(path.sep).join('/');
const loadEsbuild = () => import('esbuild');

/**
 * The files a bundle read from outside the source tree (node_modules), relative to root: the tree's
 * fingerprint does not cover them, so the stamp pins them by hash.
 */
function bundledFromOutside(metafile) {
  return Object.keys(metafile.inputs)
    .map((input) => rel(path.resolve(root, input)))
    .filter((file) => !file.startsWith('src/') && !file.startsWith('local/') && !file.startsWith('..') && fs.existsSync(path.join(root, file)));
}

/**
 * The public functions of src/server/index.ts: name, parameter names and the JSDoc comment of the
 * declaration it re-exports (Apps Script shows that comment in the editor's function picker and
 * autocompletion, and reads `@customfunction` from it). Only binding is needed, no type check.
 */
async function publicFunctions(entry) {
  const { default: ts } = await import('typescript');
  const program = ts.createProgram([entry], {
    noEmit: true,
    noLib: true,
    types: [],
    allowJs: false,
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry));
  if (!moduleSymbol) throw new Error(`${path.relative(root, entry)} exports nothing`);
  return checker.getExportsOfModule(moduleSymbol).map((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const declaration = target.declarations?.[0];
    const fn =
      declaration &&
      (ts.isFunctionDeclaration(declaration)
        ? declaration
        : ts.isVariableDeclaration(declaration) && declaration.initializer && (ts.isArrowFunction(declaration.initializer) || ts.isFunctionExpression(declaration.initializer))
          ? declaration.initializer
          : null);
    if (!fn) throw new Error(`src/server/index.ts must export only functions: ${symbol.name}`);
    const params = fn.parameters.map((p, i) => (p.dotDotDotToken ? '...' : '') + (ts.isIdentifier(p.name) ? p.name.text : `arg${i}`));
    const jsDoc = ts.getJSDocCommentsAndTags(declaration).filter(ts.isJSDoc).at(-1)?.getText() ?? null;
    return { name: symbol.name, params, jsDoc };
  });
}

/**
 * The bundle's entry: one `global.name = function (...) {...}` per public function, each under its
 * JSDoc comment, the form gas-entry-generator turns into a top-level function declaration.
 */
function entrySource(functions, index) {
  const lines = [`import * as api from ${JSON.stringify(index)};`, 'const global = globalThis;'];
  for (const { name, params, jsDoc } of functions) {
    if (jsDoc) lines.push(jsDoc);
    lines.push(`global.${name} = function (${params.join(', ')}) {\n  return api.${name}.apply(this, arguments);\n};`);
  }
  return `${lines.join('\n')}\n`;
}

async function buildServer() {
  const index = path.join(root, 'src/server/index.ts');
  const functions = await publicFunctions(index);
  const names = functions.map((f) => f.name);
  const entry = entrySource(functions, index);
  // As gas-webpack-plugin does with each module's source: the entry module's `global.x = ...`
  // assignments, with their comments, become empty top-level declarations Apps Script can see.
  // The bundle below assigns the real functions over them when the script loads.
  const { generate } = require('gas-entry-generator');
  const { entryPointFunctions } = generate(entry, { comment: true });
  // The bundle Apps Script runs: readable, Cyrillic kept as UTF-8, no global but the stubs.
  const esbuild = await loadEsbuild();
  const result = await esbuild.build({
    absWorkingDir: root,
    metafile: true,
    stdin: { contents: entry, resolveDir: root, sourcefile: 'gas-entry.js', loader: 'js' },
    bundle: true,
    format: 'iife',
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
  const code = `// mentoring-sheets: built by build.mjs from src/server; do not edit.\n${entryPointFunctions}\n\n${body}`;
  // Loading must touch no service and leave each public name a real function, not its empty stub.
  const stubs = vm.createContext({});
  vm.runInContext(entryPointFunctions, stubs);
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename: 'Code.js' });
  const broken = names.filter((name) => typeof context[name] !== 'function' || typeof stubs[name] !== 'function' || String(context[name]) === String(stubs[name]));
  if (broken.length) throw new Error(`dist/Code.js: not a working top-level function: ${broken.join(', ')}`);
  fs.writeFileSync(path.join(dist, 'Code.js'), code);
  fs.copyFileSync(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
  log(`dist/Code.js: ${names.length} public functions, ${(code.length / 1024).toFixed(0)} KB`);
  return ['dist/Code.js', 'dist/appsscript.json', ...bundledFromOutside(result.metafile)];
}

async function buildClients() {
  const dir = path.join(root, 'src/client');
  const pinned = [];
  if (!fs.existsSync(dir)) return pinned;
  const esbuild = await loadEsbuild();
  for (const name of fs.readdirSync(dir)) {
    const folder = path.join(dir, name);
    const page = path.join(folder, 'index.html');
    if (!fs.statSync(folder).isDirectory() || !fs.existsSync(page)) continue;
    const result = await esbuild.build({
      absWorkingDir: root,
      metafile: true,
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
    pinned.push(`dist/${name}.html`, ...bundledFromOutside(result.metafile));
  }
  return pinned;
}

const localTools = {
  local: 'local/cli/local.ts',
  demo: 'local/cli/demo.ts',
  bench: 'local/bench/main.ts',
  match: 'local/match/cli.ts',
};

async function buildLocal(name) {
  fs.mkdirSync(path.join(root, '.build'), { recursive: true });
  const esbuild = await loadEsbuild();
  const result = await esbuild.build({
    absWorkingDir: root,
    metafile: true,
    entryPoints: [path.join(root, localTools[name])],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    outfile: path.join(root, '.build', `${name}.cjs`),
    logLevel: 'warning',
  });
  return [`.build/${name}.cjs`, ...bundledFromOutside(result.metafile)];
}

/** One step, skipped when its stamp shows nothing it depends on changed since it last built. */
async function step(name, what, build) {
  const stampFile = path.join(root, '.build', 'stamps', `${name}.json`);
  const built = await cachedStep({ root, stampFile, fingerprint, force }, build);
  if (!built) log(`${what}: up to date`);
}

const fingerprint = inputFingerprint(root);
try {
  fs.mkdirSync(dist, { recursive: true });
  if (!only || only === 'server') await step('server', 'dist/Code.js', buildServer);
  if (!only || only === 'client') await step('client', 'dist/*.html', buildClients);
  const tools = !only || only === 'local' ? ['local', 'demo', 'bench', 'match'] : only === 'match' ? ['match'] : [];
  for (const name of tools) {
    if (fs.existsSync(path.join(root, localTools[name]))) await step(name, `.build/${name}.cjs`, () => buildLocal(name));
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
