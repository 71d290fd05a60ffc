import { RU } from '../core/strings';
import { DASHBOARD_TEXT } from '../core/dashboard/view';
import { NOTIFY_MENU } from './notify';
import { DEADLINE_MENU, keepDeadlineTrigger } from './deadlines';
import { NEW_YEAR_MENU } from './new-year';
import { ROADMAP_TEXT } from './roadmap';

/**
 * The add-on menu. It depends on nothing but the Ui, so it is the same in every AuthMode; in
 * AuthMode.NONE (installed, not yet used in this file) touching anything else would fail.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(RU.menu.setup, 'setupWorkbook')
    .addItem(DASHBOARD_TEXT.menu, 'showDashboard')
    .addSeparator()
    .addItem(RU.menu.questionnaires, 'createQuestionnaires')
    .addItem(RU.menu.importResponses, 'importResponses')
    .addItem(RU.menu.autoImport, 'enableAutoImport')
    .addSeparator()
    .addItem(RU.menu.templates, 'createTemplates')
    .addItem(RU.menu.training, 'createTrainingOrder')
    .addItem(RU.menu.computeMatches, 'computeMatches')
    .addItem(RU.menu.matchingSidebar, 'showMatchingSidebar')
    .addItem(RU.menu.approvePairs, 'approvePairs')
    .addItem(NOTIFY_MENU, 'notifyParticipants')
    .addItem(RU.menu.plans, 'createDevelopmentPlans')
    .addItem(RU.menu.meetingLinks, 'meetingLinks')
    .addItem(RU.menu.meetingLetters, 'sendMeetingLinks')
    .addItem(RU.menu.surveyLinks, 'surveyLinks')
    .addItem(RU.menu.pairLife, 'refreshPairStatuses')
    .addItem(RU.menu.monitoring, 'refreshMonitoring')
    .addItem(RU.menu.report, 'showReportDialog')
    .addItem(RU.menu.platformExport, 'exportForPlatform')
    .addItem(ROADMAP_TEXT.menu, 'refreshRoadmap')
    .addSeparator()
    .addItem(DEADLINE_MENU.check, 'checkDeadlines')
    .addItem(DEADLINE_MENU.on, 'installDeadlineTrigger')
    .addItem(DEADLINE_MENU.off, 'removeDeadlineTrigger')
    .addSeparator()
    .addItem(NEW_YEAR_MENU, 'startNewYear')
    .addToUi();
  // Only with full authorisation (onInstall calls onOpen in FULL): in LIMITED and NONE ScriptApp is refused.
  if (String(e?.authMode ?? '') === 'FULL') keepDeadlineTrigger();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
