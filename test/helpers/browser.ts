import * as fs from 'fs';
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
