import { strict } from '../calls';
import type { Workspace } from '../workspace';

class FakeSession implements Pick<GoogleAppsScript.Base.Session, 'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getActiveUserLocale' | 'getTemporaryActiveUserKey'> {
  constructor(private readonly ws: Workspace) {}
  private user(email: string): GoogleAppsScript.Base.User {
    return strict('User', { getEmail: () => email }, this.ws.calls) as unknown as GoogleAppsScript.Base.User;
  }
  /** Blank when a security policy hides the address (Class User reference: getEmail). */
  getActiveUser(): GoogleAppsScript.Base.User {
    return this.user(this.ws.activeUserEmailHidden ? '' : this.ws.currentUser);
  }
  getEffectiveUser(): GoogleAppsScript.Base.User {
    return this.user(this.ws.currentUser);
  }
  getScriptTimeZone(): string {
    return this.ws.scriptTimeZone;
  }
  getActiveUserLocale(): string {
    return 'ru';
  }
  getTemporaryActiveUserKey(): string {
    return `key-${this.ws.currentUser.length}`;
  }
}

export function createSession(ws: Workspace): GoogleAppsScript.Base.Session {
  return strict('Session', new FakeSession(ws), ws.calls) as unknown as GoogleAppsScript.Base.Session;
}
