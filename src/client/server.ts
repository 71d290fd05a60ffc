import type * as ServerModule from '../server/index';

/**
 * google.script.run as promises, typed by the server's own exports: `await server.getMatchingView()`.
 * The import above is type-only, so no server code reaches the page. Outside Apps Script (tests in
 * a browser) a host may install its own `google.script.run` with the same shape.
 */

/** What a value becomes after google.script.run carries it as JSON: a Date arrives as a string. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends string | number | boolean | null | undefined
    ? T
    : T extends (...args: never[]) => unknown
      ? never
      : T extends readonly (infer U)[]
        ? Jsonified<U>[]
        : { [K in keyof T]: Jsonified<T[K]> };

type ServerFunctions = { [K in keyof typeof ServerModule]: (typeof ServerModule)[K] };

/** Each public server function as the sidebar sees it: the same parameters, the result as a promise. */
export type Server = { [K in keyof ServerFunctions]: (...args: Parameters<ServerFunctions[K]>) => Promise<Jsonified<ReturnType<ServerFunctions[K]>>> };

type Runner = {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: { message?: string } | string) => void): Runner;
} & Record<string, ((...args: unknown[]) => void) | undefined>;

declare const google: { script: { run: Runner } };

function run(name: string, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run.withSuccessHandler(resolve).withFailureHandler((error) => reject(new Error(typeof error === 'string' ? error : (error?.message ?? 'Ошибка сервера'))));
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new Error(`Функция ${name} недоступна`));
      return;
    }
    fn.apply(runner, args);
  });
}

/** The server's public functions; a property read gives the function that calls it. */
export const server: Server = new Proxy({} as Server, {
  // `then` stays undefined so that the proxy itself is never taken for a promise.
  get: (_target, name) => (typeof name === 'string' && name !== 'then' ? (...args: unknown[]) => run(name, args) : undefined),
});
