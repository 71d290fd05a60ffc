/**
 * A deep copy of an emulator workspace (or any object graph): prototypes, Maps, Sets, Dates and
 * cycles kept, functions shared. Building a programme through its forms takes about a second;
 * a fault sweep starts hundreds of runs from the same state, so it builds the state once and
 * copies it for each run.
 */
import { readBuild, startRunner } from '../../local/emulator/session';
import type { Workspace } from '../../local/emulator/workspace';
import type { ScriptRunner } from '../../local/emulator/runner';

const tag = (v: object) => Object.prototype.toString.call(v);

export function cloneDeep<T>(value: T, seen = new Map<unknown, unknown>()): T {
  if (value === null || typeof value !== 'object') return value;
  // Frozen objects never change (the emulator's shared empty cells): the copy may share them.
  if (Object.isFrozen(value)) return value;
  if (seen.has(value)) return seen.get(value) as T;
  const proto = Object.getPrototypeOf(value) as object | null;
  // Values made inside the script's sandbox come from another realm: recognise them by tag.
  switch (tag(value)) {
    case '[object Date]': {
      const copy = new Date((value as unknown as Date).getTime());
      Object.setPrototypeOf(copy, proto);
      seen.set(value, copy);
      return copy as T;
    }
    case '[object Map]': {
      const copy = new Map();
      seen.set(value, copy);
      Map.prototype.forEach.call(value, (v: unknown, k: unknown) => copy.set(cloneDeep(k, seen), cloneDeep(v, seen)));
      return copy as T;
    }
    case '[object Set]': {
      const copy = new Set();
      seen.set(value, copy);
      Set.prototype.forEach.call(value, (v: unknown) => copy.add(cloneDeep(v, seen)));
      return copy as T;
    }
    default:
      break;
  }
  if (ArrayBuffer.isView(value)) return (value as unknown as Uint8Array).slice() as unknown as T;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    seen.set(value, copy);
    // Sheet rows are sparse: holes stay holes.
    for (let i = 0; i < value.length; i++) if (i in value) copy[i] = cloneDeep(value[i], seen);
    return copy as T;
  }
  // Most of a workspace is leaf objects (cells): copied flat in one pass, without the cycle bookkeeping.
  if (proto === Object.prototype) {
    const flat: Record<string, unknown> = {};
    let leaf = true;
    for (const key in value) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== null && typeof v === 'object') {
        leaf = false;
        break;
      }
      flat[key] = v;
    }
    if (leaf) return flat as T;
  }
  const keys = Object.keys(value);
  const copy = Object.create(proto) as Record<string, unknown>;
  seen.set(value, copy);
  for (const key of keys) copy[key] = cloneDeep((value as Record<string, unknown>)[key], seen);
  return copy as T;
}

let build: ReturnType<typeof readBuild> | null = null;

/** Builds a state once; each call of the returned function gives a fresh copy with its own runner. */
export function snapshotSetup(make: () => { ws: Workspace }): () => { ws: Workspace; runner: ScriptRunner } {
  let base: Workspace | null = null;
  return () => {
    base ??= cloneDeep(make().ws);
    build ??= readBuild();
    const ws = cloneDeep(base);
    return { ws, runner: startRunner(ws, build) };
  };
}
