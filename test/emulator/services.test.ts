import { Workspace } from '../../local/emulator/workspace';
import { createPropertiesService, PROPERTY_ERRORS } from '../../local/emulator/services/properties';
import { createCacheService } from '../../local/emulator/services/cache';
import { createLockService, LOCK_TIMEOUT } from '../../local/emulator/services/lock';
import { createScriptApp, TRIGGER_ERRORS } from '../../local/emulator/services/script-app';
import { createMailApp, MAIL_QUOTA_ERROR } from '../../local/emulator/services/mail';
import { createUtilities } from '../../local/emulator/services/utilities';
import { createHtmlService } from '../../local/emulator/services/html';
import { createLogger } from '../../local/emulator/services/logger';
import { createSession } from '../../local/emulator/services/session';
import { createSpreadsheetApp } from '../../local/emulator/sheets/app';

describe('PropertiesService', () => {
  test('three stores, strings only, null when missing, 9 KB per value', () => {
    const ws = new Workspace();
    const props = createPropertiesService(ws);
    props.getDocumentProperties().setProperty('a', 5 as unknown as string);
    expect(props.getDocumentProperties().getProperty('a')).toBe('5');
    expect(props.getScriptProperties().getProperty('a')).toBeNull();
    expect(() => props.getUserProperties().setProperty('big', 'я'.repeat(5000))).toThrow(PROPERTY_ERRORS.valueTooLarge);
    expect(props.getUserProperties().getKeys()).toEqual([]);
  });
});

describe('CacheService', () => {
  test('expires after the default 600 s and clamps expiry at 6 hours', () => {
    const ws = new Workspace();
    let now = Date.UTC(2026, 9, 1);
    ws.now = () => new Date(now);
    const cache = createCacheService(ws).getScriptCache();
    cache.put('k', 'v');
    cache.put('long', 'v', 100000);
    now += 599 * 1000;
    expect(cache.get('k')).toBe('v');
    now += 2000;
    expect(cache.get('k')).toBeNull();
    now += 21600 * 1000;
    expect(cache.get('long')).toBeNull();
  });
});

describe('LockService', () => {
  test('tryLock fails and waitLock throws the real text while another process holds the lock', () => {
    const ws = new Workspace();
    ws.heldLocks.add('document');
    const lock = createLockService(ws).getDocumentLock();
    expect(lock.tryLock(1000)).toBe(false);
    expect(() => lock.waitLock(1000)).toThrow(LOCK_TIMEOUT);
    expect(LOCK_TIMEOUT).toBe('Lock timeout: another process was holding the lock for too long.');
    ws.heldLocks.clear();
    expect(lock.tryLock(1000)).toBe(true);
    expect(createLockService(ws).getDocumentLock().tryLock(10)).toBe(false);
    lock.releaseLock();
    expect(createLockService(ws).getDocumentLock().tryLock(10)).toBe(true);
  });
});

describe('ScriptApp', () => {
  test('triggers are listed per source, deletable, and limited to 20', () => {
    const ws = new Workspace();
    const app = createScriptApp(ws);
    const ss = createSpreadsheetApp(ws).getActive();
    const trigger = app.newTrigger('onFormSubmit').forSpreadsheet(ss).onFormSubmit().create();
    expect(app.getUserTriggers(ss).map((t) => [t.getHandlerFunction(), String(t.getEventType())])).toEqual([['onFormSubmit', 'ON_FORM_SUBMIT']]);
    app.deleteTrigger(trigger);
    expect(app.getUserTriggers(ss)).toHaveLength(0);
    for (let i = 0; i < 20; i++) app.newTrigger(`f${i}`).timeBased().everyHours(1).create();
    expect(() => app.newTrigger('more').timeBased().everyHours(1).create()).toThrow(TRIGGER_ERRORS.tooMany);
    expect(app.AuthMode.NONE).toBe('NONE');
  });
});

describe('MailApp', () => {
  test('records messages and refuses past the daily recipient quota', () => {
    const ws = new Workspace();
    ws.quotas.mailRecipientsPerDay = 2;
    const mail = createMailApp(ws);
    mail.sendEmail('a@x.ru,b@x.ru', 'Тема', 'Текст');
    expect(mail.getRemainingDailyQuota()).toBe(0);
    expect(() => mail.sendEmail({ to: 'c@x.ru', subject: 's', body: 'b' })).toThrow(MAIL_QUOTA_ERROR);
    expect(ws.mail).toEqual([{ to: 'a@x.ru,b@x.ru', subject: 'Тема', body: 'Текст' }]);
  });
});

describe('Utilities, Session, Logger, HtmlService', () => {
  test('formatDate uses the zone given, not the machine', () => {
    const ws = new Workspace();
    const u = createUtilities(ws);
    const d = new Date('2026-03-29T00:30:00Z');
    expect(u.formatDate(d, 'Europe/Moscow', 'dd.MM.yyyy HH:mm')).toBe('29.03.2026 03:30');
    expect(u.formatDate(d, 'America/New_York', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2026-03-28T20:30:00-04:00');
    expect(u.parseCsv('a,"b, c"\n1,2')).toEqual([
      ['a', 'b, c'],
      ['1', '2'],
    ]);
    expect(u.newBlob('Привет').getDataAsString()).toBe('Привет');
    expect(u.base64Encode('Привет')).toBe(Buffer.from('Привет').toString('base64'));
  });

  test('Session and Logger', () => {
    const ws = new Workspace();
    expect(createSession(ws).getScriptTimeZone()).toBe('Europe/Moscow');
    createLogger(ws).log('%s пар', 3);
    expect(ws.logs).toEqual(['3 пар']);
  });

  test('HtmlService serves only the built pages', () => {
    const ws = new Workspace();
    ws.htmlFiles.set('Matching', '<p>ok</p>');
    const html = createHtmlService(ws);
    expect(html.createHtmlOutputFromFile('Matching').setTitle('Подбор пар').getTitle()).toBe('Подбор пар');
    expect(() => html.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
  });
});
