/** Walks any output and collects what a property test checks: every number and every string. */
export function leaves(value: unknown, numbers: number[] = [], strings: string[] = []): { numbers: number[]; strings: string[] } {
  if (typeof value === 'number') numbers.push(value);
  else if (typeof value === 'string') strings.push(value);
  else if (Array.isArray(value)) for (const v of value) leaves(v, numbers, strings);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) leaves(v, numbers, strings);
  return { numbers, strings };
}

/** No NaN, no Infinity anywhere, and no text that shows one. */
export function expectAllFinite(output: unknown): void {
  const { numbers, strings } = leaves(output);
  const bad = numbers.filter((n) => !Number.isFinite(n));
  expect(bad).toEqual([]);
  expect(strings.filter((s) => /NaN|Infinity|undefined|null/.test(s))).toEqual([]);
}
