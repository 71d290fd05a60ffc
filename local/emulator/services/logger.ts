import { strict } from '../calls';
import type { Workspace } from '../workspace';

function render(data: unknown, values: unknown[]): string {
  let i = 0;
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  return text.replace(/%s/g, () => String(values[i++]));
}

class FakeLogger implements Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'> {
  constructor(private readonly ws: Workspace) {}
  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    this.ws.logs.push(render(data, values));
    return this as unknown as GoogleAppsScript.Base.Logger;
  }
  getLog(): string {
    return this.ws.logs.join('\n');
  }
  clear(): void {
    this.ws.logs.length = 0;
  }
}

export function createLogger(ws: Workspace): GoogleAppsScript.Base.Logger {
  return strict('Logger', new FakeLogger(ws), ws.calls) as unknown as GoogleAppsScript.Base.Logger;
}

/** Apps Script's console writes to the execution log, not to a terminal. */
export function createConsole(ws: Workspace): Pick<Console, 'log' | 'info' | 'warn' | 'error'> {
  const write =
    (level: string) =>
    (...args: unknown[]) => {
      ws.logs.push(`${level}: ${args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? (a.stack ?? a.message) : JSON.stringify(a))).join(' ')}`);
    };
  return { log: write('INFO'), info: write('INFO'), warn: write('WARNING'), error: write('ERROR') };
}
