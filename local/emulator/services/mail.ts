import { strict } from '../calls';
import type { MailRecord, Workspace } from '../workspace';

export const MAIL_QUOTA_ERROR = 'Service invoked too many times for one day: email.';

type MailOptions = Omit<MailRecord, 'to' | 'subject' | 'body'>;

class FakeMailApp implements Pick<GoogleAppsScript.Mail.MailApp, 'sendEmail' | 'getRemainingDailyQuota'> {
  constructor(private readonly ws: Workspace) {}

  sendEmail(a: unknown, subject?: string, body?: string, options?: unknown): void {
    const message: MailRecord =
      typeof a === 'object' && a !== null ? { ...(a as MailRecord) } : { to: String(a), subject: String(subject ?? ''), body: String(body ?? ''), ...((options as MailOptions | undefined) ?? {}) };
    if (!message.to) throw new Error('Invalid argument: recipient');
    const recipients = [message.to, message.cc, message.bcc]
      .filter(Boolean)
      .join(',')
      .split(',')
      .filter((s) => s.trim()).length;
    if (this.ws.mailRecipientsToday + recipients > this.ws.quotas.mailRecipientsPerDay) throw new Error(MAIL_QUOTA_ERROR);
    this.ws.mailRecipientsToday += recipients;
    this.ws.mail.push(message);
  }
  getRemainingDailyQuota(): number {
    return this.ws.quotas.mailRecipientsPerDay - this.ws.mailRecipientsToday;
  }
}

export function createMailApp(ws: Workspace): GoogleAppsScript.Mail.MailApp {
  return strict('MailApp', new FakeMailApp(ws), ws.calls) as unknown as GoogleAppsScript.Mail.MailApp;
}
