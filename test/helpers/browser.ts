import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import type { ScriptRunner } from '../../local/emulator/runner';
import { scriptRunResult, scriptRunWire } from '../../local/emulator/services/script-run';

/** Debian's Chromium, as CI installs it (`apt-get install chromium`). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumMissing(): string | null {
  return fs.existsSync(CHROMIUM) ? null : `Chromium не найден (${CHROMIUM}): установите его командой «apt-get install chromium» — .ci/run делает это сам.`;
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Wires `google.script.run` in `page` to the built add-on in the emulator, as Google does: each
 * call is one execution answered asynchronously; arguments holding a Date, a function or another
 * prohibited value fail the call through the failure handler without reaching the server;
 * `undefined` inside arrays arrives as null; results are copied by the same rule (a result holding
 * a Date arrives as null). The rule itself is `scriptRunWire` (local/emulator/services/script-run.ts).
 */
export async function wireScriptRun(page: Page, runner: ScriptRunner): Promise<void> {
  await page.exposeFunction('__serverCall', (name: string, args: unknown[]) => {
    try {
      return { ok: true, value: scriptRunResult(runner.call(name, args)) };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  });
  await page.addInitScript({ content: `window.__scriptRunWire = ${scriptRunWire.toString()};` });
  await page.addInitScript(() => {
    type Handler = (value: unknown) => void;
    type Wired = { ok: true; value: unknown } | { ok: false; message: string };
    const page = window as unknown as {
      __scriptRunWire(v: unknown): Wired;
      __serverCall(n: string, a: unknown[]): Promise<{ ok: boolean; value?: unknown; message?: string }>;
    };
    const make = (success: Handler | null, failure: Handler | null): unknown =>
      new Proxy(
        {},
        {
          get(_t, name: string) {
            if (name === 'withSuccessHandler') return (fn: Handler) => make(fn, failure);
            if (name === 'withFailureHandler') return (fn: Handler) => make(success, fn);
            return (...args: unknown[]) => {
              const wired = page.__scriptRunWire(args);
              if (!wired.ok) {
                const message = wired.message;
                setTimeout(() => failure?.(new Error(message)), 0);
                return;
              }
              void page.__serverCall(name, wired.value as unknown[]).then((r) => (r.ok ? success?.(r.value) : failure?.(new Error(r.message))));
            };
          },
        },
      );
    (window as unknown as { google: unknown }).google = { script: { run: make(null, null) } };
  });
}

/** A server call the page made, in order (the wire calls runner.call at call time). */
export interface ServerCall {
  name: string;
  args: unknown[];
}

/**
 * A sidebar of dist/ (`file`, e.g. «Matching.html») opened in a real navigation served from
 * memory (no network), so the google.script.run wire is in place before the page runs; every
 * server call and every alert recorded.
 */
export async function openSidebarPage(browser: Browser, runner: ScriptRunner, file: string): Promise<{ page: Page; dialogs: string[]; calls: ServerCall[] }> {
  const calls: ServerCall[] = [];
  const call = runner.call.bind(runner);
  runner.call = (name, args, options) => {
    calls.push({ name, args: args ?? [] });
    return call(name, args, options);
  };
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await wireScriptRun(page, runner);
  const html = fs.readFileSync(path.join(__dirname, '..', '..', 'dist', file), 'utf8');
  await page.route('https://sidebar.test/**', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(`https://sidebar.test/${file}`);
  return { page, dialogs, calls };
}

const AXE = require.resolve('axe-core/axe.min.js');

/** axe-core's violations on the page as it is now, as «impact rule (nodes)», of the given impacts. */
export async function axeViolations(page: Page, impacts: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe;
    return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  return violations.filter((v) => impacts.includes(v.impact)).map((v) => `${v.impact} ${v.id} (${v.nodes})`);
}
