/**
 * What crosses google.script.run between a sidebar and the server, by Google's rule ("Legal
 * parameters": primitives, null, and objects and arrays of them; "Requests fail if you attempt to
 * pass a Date, Function, DOM element besides a form, or other prohibited type, including prohibited
 * types inside objects or arrays. Objects that create circular references will also fail, and
 * undefined fields within arrays become null." — google.script.run reference and the HTML service
 * communication guide).
 *
 * `scriptRunWire` must stay self-contained (no imports, no outer names): the sidebar test injects
 * its source text into the page, so the same rule checks arguments in the browser and results in
 * Node.
 */
export type WireResult = { ok: true; value: unknown } | { ok: false; message: string };

export function scriptRunWire(value: unknown): WireResult {
  const seen: unknown[] = [];
  const copy = (v: unknown, path: string): unknown => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    if (v === undefined) return undefined;
    if (typeof v === 'function') throw new Error(`google.script.run: a function cannot be passed (${path})`);
    if (typeof v !== 'object') throw new Error(`google.script.run: a ${typeof v} cannot be passed (${path})`);
    // Tags and prototype depth, not instanceof: values come from another realm (the script's vm).
    const tag = Object.prototype.toString.call(v).slice(8, -1);
    if (tag === 'Date') throw new Error(`google.script.run: a Date cannot be passed (${path}); send a string or a number`);
    const proto = Object.getPrototypeOf(v);
    const plain = tag === 'Object' && (proto === null || Object.getPrototypeOf(proto) === null);
    if (!Array.isArray(v) && !plain) throw new Error(`google.script.run: a ${tag} cannot be passed (${path})`);
    if (seen.includes(v)) throw new Error(`google.script.run: a circular reference cannot be passed (${path})`);
    seen.push(v);
    let out: unknown;
    if (Array.isArray(v)) {
      // undefined inside an array becomes null
      out = v.map((item, i) => {
        const c = copy(item, `${path}[${i}]`);
        return c === undefined ? null : c;
      });
    } else {
      const obj: Record<string, unknown> = {};
      for (const key of Object.keys(v as object)) {
        const c = copy((v as Record<string, unknown>)[key], `${path}.${key}`);
        if (c !== undefined) obj[key] = c;
      }
      out = obj;
    }
    seen.pop();
    return out;
  };
  try {
    return { ok: true, value: copy(value, 'value') };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/**
 * A server function's result as the sidebar's success handler receives it. A result holding a
 * prohibited value (a Date anywhere inside) arrives as null: Google does not fail the call then
 * (reasoned from the same rule and common reports; not verified on a live account).
 */
export function scriptRunResult(value: unknown): unknown {
  const wired = scriptRunWire(value);
  return wired.ok ? (wired.value ?? null) : null;
}
