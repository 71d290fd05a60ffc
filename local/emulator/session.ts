import * as fs from 'fs';
import * as path from 'path';
import { ScriptRunner } from './runner';
import { Workspace } from './workspace';

/** Where the built add-on lives, relative to the project root. */
export function distDir(root = process.cwd()): string {
  return path.join(root, 'dist');
}

/** Reads dist/Code.js and every built page, failing with a hint when the build is missing. */
export function readBuild(dir = distDir()): { code: string; pages: Map<string, string> } {
  const codePath = path.join(dir, 'Code.js');
  if (!fs.existsSync(codePath)) throw new Error(`${codePath} не найден: сначала выполните npm run build`);
  const pages = new Map<string, string>();
  for (const file of fs.readdirSync(dir)) {
    if (file.endsWith('.html')) pages.set(file.slice(0, -'.html'.length), fs.readFileSync(path.join(dir, file), 'utf8'));
  }
  return { code: fs.readFileSync(codePath, 'utf8'), pages };
}

/** A workspace with the built add-on loaded into its sandbox. */
export function startRunner(ws: Workspace, build = readBuild()): ScriptRunner {
  for (const [name, html] of build.pages) ws.htmlFiles.set(name, html);
  return new ScriptRunner(ws, build.code);
}
