import { strict } from '../calls';
import type { PropertyStoreName, Workspace } from '../workspace';

type Properties = GoogleAppsScript.Properties.Properties;

export const PROPERTY_LIMITS = { valueBytes: 9 * 1024, storeBytes: 500 * 1024 };
export const PROPERTY_ERRORS = {
  valueTooLarge: 'Argument too large: value',
  storeFull: 'You have exceeded the property storage quota. Please remove some properties and try again.',
};

function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

type PropertiesApi = Pick<Properties, 'getProperty' | 'setProperty' | 'getProperties' | 'setProperties' | 'deleteProperty' | 'deleteAllProperties' | 'getKeys'>;

class FakeProperties implements PropertiesApi {
  constructor(private readonly store: Map<string, string>) {}

  private check(next: Map<string, string>): void {
    let total = 0;
    for (const [k, v] of next) {
      if (utf8Length(v) > PROPERTY_LIMITS.valueBytes) throw new Error(PROPERTY_ERRORS.valueTooLarge);
      total += utf8Length(k) + utf8Length(v);
    }
    if (total > PROPERTY_LIMITS.storeBytes) throw new Error(PROPERTY_ERRORS.storeFull);
  }

  private commit(next: Map<string, string>): Properties {
    this.check(next);
    this.store.clear();
    for (const [k, v] of next) this.store.set(k, v);
    return this as unknown as Properties;
  }

  getProperty(key: string): string | null {
    return this.store.get(key) ?? null;
  }
  setProperty(key: string, value: string): Properties {
    const next = new Map(this.store);
    next.set(String(key), String(value));
    return this.commit(next);
  }
  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.store);
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): Properties {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.store);
    for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
    return this.commit(next);
  }
  deleteProperty(key: string): Properties {
    this.store.delete(key);
    return this as unknown as Properties;
  }
  deleteAllProperties(): Properties {
    this.store.clear();
    return this as unknown as Properties;
  }
  getKeys(): string[] {
    return [...this.store.keys()];
  }
}

class FakePropertiesService implements Pick<GoogleAppsScript.Properties.PropertiesService, 'getScriptProperties' | 'getDocumentProperties' | 'getUserProperties'> {
  constructor(private readonly ws: Workspace) {}
  private open(name: PropertyStoreName): Properties {
    return strict('Properties', new FakeProperties(this.ws.properties[name]), this.ws.calls) as unknown as Properties;
  }
  getScriptProperties(): Properties {
    return this.open('script');
  }
  getDocumentProperties(): Properties {
    return this.open('document');
  }
  getUserProperties(): Properties {
    return this.open('user');
  }
}

export function createPropertiesService(ws: Workspace): GoogleAppsScript.Properties.PropertiesService {
  return strict('PropertiesService', new FakePropertiesService(ws), ws.calls) as unknown as GoogleAppsScript.Properties.PropertiesService;
}
