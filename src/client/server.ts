/**
 * google.script.run as promises, typed by the server's public functions. Outside Apps Script
 * (tests in a browser) a host may install its own `google.script.run` with the same shape.
 */
type Runner = {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: { message?: string } | string) => void): Runner;
} & Record<string, (...args: unknown[]) => void>;

declare const google: { script: { run: Runner } };

export function call<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as T))
      .withFailureHandler((error) => reject(new Error(typeof error === 'string' ? error : error?.message ?? 'Ошибка сервера')));
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new Error(`Функция ${name} недоступна`));
      return;
    }
    fn.apply(runner, args);
  });
}
