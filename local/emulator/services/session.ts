import { strict } from '../calls';
import type { Workspace } from '../workspace';

class FakeSession implements Pick<GoogleAppsScript.Base.Session, 'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getActiveUserLocale' | 'getTemporaryActiveUserKey'> {
  constructor(private readonly ws: Workspace) {}
  private user(): GoogleAppsScript.Base.User {
    const email = this.ws.userEmail;
    return strict('User', { getEmail: () => email }, this.ws.calls) as unknown as GoogleAppsScript.Base.User;
  }
  getActiveUser(): GoogleAppsScript.Base.User {
    return this.user();
  }
  getEffectiveUser(): GoogleAppsScript.Base.User {
    return this.user();
  }
  getScriptTimeZone(): string {
    return this.ws.scriptTimeZone;
  }
  getActiveUserLocale(): string {
    return 'ru';
  }
  getTemporaryActiveUserKey(): string {
    return `key-${this.ws.userEmail.length}`;
  }
}

export function createSession(ws: Workspace): GoogleAppsScript.Base.Session {
  return strict('Session', new FakeSession(ws), ws.calls) as unknown as GoogleAppsScript.Base.Session;
}
