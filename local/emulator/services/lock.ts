import { strict } from '../calls';
import type { Workspace } from '../workspace';

type Lock = GoogleAppsScript.Lock.Lock;

export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

/**
 * One execution at a time holds each lock. Another process holding it is simulated with
 * `ws.heldLocks` ('document', 'script', 'user'), so contention paths can be tested.
 */
class FakeLock implements Pick<Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  private held = false;
  constructor(
    private readonly ws: Workspace,
    private readonly name: string,
  ) {}

  tryLock(_timeoutInMillis: number): boolean {
    if (this.held) return true;
    if (this.ws.heldLocks.has(this.name)) return false;
    this.ws.heldLocks.add(this.name);
    this.ws.executionLocks.add(this.name);
    this.held = true;
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error(LOCK_TIMEOUT);
  }
  releaseLock(): void {
    if (this.held) {
      this.ws.heldLocks.delete(this.name);
      this.ws.executionLocks.delete(this.name);
    }
    this.held = false;
  }
  hasLock(): boolean {
    return this.held;
  }
}

class FakeLockService implements Pick<GoogleAppsScript.Lock.LockService, 'getDocumentLock' | 'getScriptLock' | 'getUserLock'> {
  constructor(private readonly ws: Workspace) {}
  private open(name: string): Lock {
    return strict('Lock', new FakeLock(this.ws, name), this.ws.calls) as unknown as Lock;
  }
  /** Lock|null in Google: null outside a containing document (LockService reference); @types says Lock. */
  getDocumentLock(): Lock {
    if (this.ws.documentLockUnavailable) return null as unknown as Lock;
    return this.open('document');
  }
  getScriptLock(): Lock {
    return this.open('script');
  }
  getUserLock(): Lock {
    return this.open('user');
  }
}

export function createLockService(ws: Workspace): GoogleAppsScript.Lock.LockService {
  return strict('LockService', new FakeLockService(ws), ws.calls) as unknown as GoogleAppsScript.Lock.LockService;
}
