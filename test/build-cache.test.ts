// build.mjs skips a step only when nothing it depends on changed: run on a private copy of the tree,
// so the edits below never touch the shared sources or outputs.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const repo = path.join(__dirname, '..');
const copied = ['build.mjs', 'build-cache.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'appsscript.json', 'src', 'local'];

let tree: string;
const matchCli = () => path.join(tree, '.build', 'match.cjs');

/** `node build.mjs --only=match [flags]` in the copy; returns what it printed. */
function buildMatch(...flags: string[]): string {
  return execFileSync(process.execPath, [path.join(tree, 'build.mjs'), '--only=match', ...flags], { cwd: tree, encoding: 'utf8', stdio: 'pipe' });
}

/** The built matcher run with no arguments: its usage message, as a user of `npm run match` sees it. */
function runMatch(): string {
  try {
    execFileSync(process.execPath, [matchCli()], { cwd: tree, encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stderr?: unknown }).stderr ?? '');
  }
}

const skipped = (out: string) => out.includes('.build/match.cjs: up to date');

beforeAll(() => {
  tree = fs.mkdtempSync(path.join(os.tmpdir(), 'build-cache-'));
  for (const entry of copied) fs.cpSync(path.join(repo, entry), path.join(tree, entry), { recursive: true });
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(tree, 'node_modules'), 'dir');
});

afterAll(() => {
  fs.rmSync(tree, { recursive: true, force: true });
});

test('the first build builds, an unchanged tree is then skipped without touching the output', () => {
  expect(skipped(buildMatch())).toBe(false);
  expect(runMatch()).toMatch(/Error: /);
  const before = fs.statSync(matchCli());
  expect(skipped(buildMatch())).toBe(true);
  const after = fs.statSync(matchCli());
  expect(after.mtimeMs).toBe(before.mtimeMs);
});

test('an edited source is rebuilt and the tool runs the new code', () => {
  buildMatch();
  const cli = path.join(tree, 'local/match/cli.ts');
  const source = fs.readFileSync(cli, 'utf8');
  fs.writeFileSync(cli, `process.stderr.write('edited matcher\\n');\nprocess.exitCode = 1;\n`);
  expect(skipped(buildMatch())).toBe(false);
  expect(runMatch()).toBe('edited matcher\n');
  expect(skipped(buildMatch())).toBe(true);
  fs.writeFileSync(cli, source);
  expect(skipped(buildMatch())).toBe(false);
  expect(runMatch()).toMatch(/Error: /);
});

test('a file added anywhere under src/ counts as a change', () => {
  buildMatch();
  expect(skipped(buildMatch())).toBe(true);
  fs.writeFileSync(path.join(tree, 'src/core/added-for-test.ts'), 'export const added = 1;\n');
  expect(skipped(buildMatch())).toBe(false);
  fs.rmSync(path.join(tree, 'src/core/added-for-test.ts'));
  expect(skipped(buildMatch())).toBe(false);
  expect(skipped(buildMatch())).toBe(true);
});

test('a changed or missing output is rebuilt even though the sources are the same', () => {
  buildMatch();
  const good = fs.readFileSync(matchCli(), 'utf8');
  fs.writeFileSync(matchCli(), 'process.stderr.write("stale\\n");\n');
  expect(skipped(buildMatch())).toBe(false);
  expect(fs.readFileSync(matchCli(), 'utf8')).toBe(good);
  fs.rmSync(matchCli());
  expect(skipped(buildMatch())).toBe(false);
  expect(fs.readFileSync(matchCli(), 'utf8')).toBe(good);
});

test('a failed build is never taken for current, and --force rebuilds an unchanged tree', () => {
  buildMatch();
  const cli = path.join(tree, 'local/match/cli.ts');
  const source = fs.readFileSync(cli, 'utf8');
  fs.writeFileSync(cli, 'import { nothing } from "./no-such-module";\nnothing();\n');
  expect(() => buildMatch('--quiet')).toThrow();
  // Back to the sources of the last good build: the stamp was dropped when the failed build began.
  fs.writeFileSync(cli, source);
  expect(skipped(buildMatch())).toBe(false);
  expect(skipped(buildMatch())).toBe(true);
  expect(skipped(buildMatch('--force'))).toBe(false);
  expect(skipped(buildMatch())).toBe(true);
});
