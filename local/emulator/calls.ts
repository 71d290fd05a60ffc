/**
 * The cost model of the local workspace: every call to a service method is counted (each is a
 * round trip in real Apps Script), and any chosen call can be made to fail (fault injection).
 */
export interface Fault {
  /** How many matching calls succeed before the fault fires. */
  after: number;
  /** How many times it fires once armed (Infinity = every later call). */
  times: number;
  message: string;
}

export class CallLog {
  private readonly counts = new Map<string, number>();
  private readonly faults = new Map<string, Fault>();

  /** Refuses a call before it happens (e.g. a service used in AuthMode.NONE). */
  gate: ((name: string) => void) | null = null;

  /** Sees every counted call before it happens: a test's hook for what a person does meanwhile. */
  observer: ((name: string) => void) | null = null;

  private paused = 0;

  /** Runs `work` without counting or gating: the emulator's own reads and the curator's typing. */
  untracked<T>(work: () => T): T {
    this.paused += 1;
    try {
      return work();
    } finally {
      this.paused -= 1;
    }
  }

  /** False inside `untracked`: the emulator's own work, which scripts' rules (protections) do not bind. */
  get tracking(): boolean {
    return this.paused === 0;
  }

  record(name: string): void {
    if (this.paused) return;
    this.gate?.(name);
    this.observer?.(name);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    const fault = this.faults.get(name);
    if (!fault) return;
    if (fault.after > 0) {
      fault.after -= 1;
      return;
    }
    fault.times -= 1;
    if (fault.times <= 0) this.faults.delete(name);
    throw new Error(fault.message);
  }

  /** Makes `name` ("Service.method") throw `message` after `after` successful calls. */
  failOn(name: string, options: Partial<Fault> = {}): void {
    this.faults.set(name, {
      after: options.after ?? 0,
      times: options.times ?? 1,
      message: options.message ?? `Service error: ${name}`,
    });
  }

  clearFaults(): void {
    this.faults.clear();
  }

  count(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  /** Counts sorted by name, for reports and bench.json. */
  snapshot(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const key of [...this.counts.keys()].sort()) out[key] = this.counts.get(key) ?? 0;
    return out;
  }

  reset(): void {
    this.counts.clear();
  }
}

// Members that JavaScript machinery (await, JSON, jest's printer) probes on any object; answering
// them with "undefined" keeps a fake usable in tests without pretending to be a real member.
const PROBED = new Set(['then', 'toJSON', 'asymmetricMatch', '$$typeof', 'nodeType', '@@__IMMUTABLE_ITERABLE__@@', '_isMockFunction']);

const RAW = Symbol('raw fake');

/**
 * Wraps a fake so that calling a member counts as `Service.method`, a member the fake does not
 * have throws (nothing is silently wrong), and public members cannot be overwritten. Members
 * whose names start with `__` are the emulator's own and are neither counted nor exposed to code
 * running in the sandbox as real API.
 */
export function strict<T extends object>(service: string, target: T, log: CallLog): T {
  const wrappers = new Map<PropertyKey, unknown>();
  const proxy: T = new Proxy(target, {
    get(obj, prop) {
      if (prop === RAW) return obj;
      if (typeof prop === 'symbol') return Reflect.get(obj, prop);
      if (!(prop in obj)) {
        if (PROBED.has(prop)) return undefined;
        throw new TypeError(`${service}.${prop} is not available in the local Apps Script workspace`);
      }
      const value = Reflect.get(obj, prop, obj);
      // A fake's own state (lower-case data fields) is not API: script code must not lean on it.
      // Enums (ProtectionType, AuthMode, …) are capitalised and stay visible.
      if (typeof value !== 'function' && Object.prototype.hasOwnProperty.call(obj, prop) && /^[a-z]/.test(prop)) {
        throw new TypeError(`${service}.${prop} is not available in the local Apps Script workspace`);
      }
      if (typeof value !== 'function' || prop === 'constructor') return value;
      if (prop.startsWith('__')) return value.bind(obj);
      let wrapped = wrappers.get(prop);
      if (!wrapped) {
        const fn = value as (...args: unknown[]) => unknown;
        const name = `${service}.${prop}`;
        wrapped = function (this: unknown, ...args: unknown[]) {
          log.record(name);
          const result = fn.apply(obj, args);
          // Chained calls (builder.setX().setY()) stay on the counted proxy.
          return result === obj ? proxy : result;
        };
        wrappers.set(prop, wrapped);
      }
      return wrapped;
    },
    set(_obj, prop) {
      throw new TypeError(`Cannot assign to ${service}.${String(prop)}`);
    },
  });
  return proxy;
}

/** The fake behind a strict proxy (for the emulator's own bookkeeping). */
export function unwrap<T extends object>(fake: T): T {
  return ((fake as Record<symbol, unknown>)[RAW] as T | undefined) ?? fake;
}
