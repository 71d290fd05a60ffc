import { createDocsAdvanced } from './docs/advanced';
import { createDocumentApp } from './docs/fakes';
import { createDriveAdvanced, createDriveApp } from './drive/fakes';
import { createFormApp } from './forms/fakes';
import { createCacheService } from './services/cache';
import { createHtmlService } from './services/html';
import { createLockService } from './services/lock';
import { createConsole, createLogger } from './services/logger';
import { createMailApp } from './services/mail';
import { createPropertiesService } from './services/properties';
import { createScriptApp } from './services/script-app';
import { createSession } from './services/session';
import { createUtilities } from './services/utilities';
import { createSpreadsheetApp } from './sheets/app';
import { createCharts } from './sheets/charts';
import type { Workspace } from './workspace';

/** The Apps Script global services the add-on uses, all backed by one workspace. */
export function createAppsScriptGlobals(ws: Workspace) {
  return {
    SpreadsheetApp: createSpreadsheetApp(ws),
    Charts: createCharts(ws.calls),
    FormApp: createFormApp(ws),
    DocumentApp: createDocumentApp(ws),
    DriveApp: createDriveApp(ws),
    Drive: createDriveAdvanced(ws),
    Docs: createDocsAdvanced(ws),
    HtmlService: createHtmlService(ws),
    PropertiesService: createPropertiesService(ws),
    CacheService: createCacheService(ws),
    LockService: createLockService(ws),
    ScriptApp: createScriptApp(ws),
    MailApp: createMailApp(ws),
    Session: createSession(ws),
    Utilities: createUtilities(ws),
    Logger: createLogger(ws),
    console: createConsole(ws),
  };
}

export type AppsScriptGlobals = ReturnType<typeof createAppsScriptGlobals>;
