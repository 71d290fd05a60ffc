import { createAppsScriptGlobals } from '../../local/emulator/globals';
import type { Workspace } from '../../local/emulator/workspace';

/** Runs server code in this process against the workspace, as Apps Script would (its services as globals). */
export function inScript<T>(ws: Workspace, work: () => T): T {
  const { console: _console, ...services } = createAppsScriptGlobals(ws);
  const global = globalThis as Record<string, unknown>;
  const saved = Object.fromEntries(Object.keys(services).map((k) => [k, global[k]]));
  Object.assign(global, services);
  try {
    return work();
  } finally {
    Object.assign(global, saved);
  }
}
