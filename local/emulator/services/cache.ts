import { strict } from '../calls';
import type { Workspace } from '../workspace';

type Cache = GoogleAppsScript.Cache.Cache;

export const CACHE_LIMITS = { defaultSeconds: 600, maxSeconds: 21600, keyChars: 250, valueBytes: 100 * 1024 };

type CacheApi = Pick<Cache, 'get' | 'put' | 'getAll' | 'putAll' | 'remove' | 'removeAll'>;

class FakeCache implements CacheApi {
  constructor(
    private readonly ws: Workspace,
    private readonly prefix: string,
  ) {}

  private key(k: string): string {
    if (k.length > CACHE_LIMITS.keyChars) throw new Error('Argument too large: key');
    return `${this.prefix}:${k}`;
  }
  get(key: string): string | null {
    const entry = this.ws.cache.get(this.key(key));
    if (!entry || entry.expires <= this.ws.now().getTime()) return null;
    return entry.value;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    if (value.length > CACHE_LIMITS.valueBytes) throw new Error('Argument too large: value');
    // Expiry above the maximum is silently clamped, as in Apps Script.
    const seconds = Math.min(expirationInSeconds ?? CACHE_LIMITS.defaultSeconds, CACHE_LIMITS.maxSeconds);
    this.ws.cache.set(this.key(key), { value: String(value), expires: this.ws.now().getTime() + seconds * 1000 });
  }
  getAll(keys: string[]): { [key: string]: string } {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.get(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }
  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    for (const [k, v] of Object.entries(values)) this.put(k, v, expirationInSeconds);
  }
  remove(key: string): void {
    this.ws.cache.delete(this.key(key));
  }
  removeAll(keys: string[]): void {
    for (const k of keys) this.remove(k);
  }
}

class FakeCacheService implements Pick<GoogleAppsScript.Cache.CacheService, 'getScriptCache' | 'getDocumentCache' | 'getUserCache'> {
  constructor(private readonly ws: Workspace) {}
  private open(prefix: string): Cache {
    return strict('Cache', new FakeCache(this.ws, prefix), this.ws.calls) as unknown as Cache;
  }
  getScriptCache(): Cache {
    return this.open('script');
  }
  getDocumentCache(): Cache {
    return this.open('document');
  }
  getUserCache(): Cache {
    return this.open('user');
  }
}

export function createCacheService(ws: Workspace): GoogleAppsScript.Cache.CacheService {
  return strict('CacheService', new FakeCacheService(ws), ws.calls) as unknown as GoogleAppsScript.Cache.CacheService;
}
