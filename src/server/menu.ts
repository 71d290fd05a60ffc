import { RU } from '../core/strings';
import { NOTIFY_MENU } from './notify';

/**
 * The add-on menu. It depends on nothing but the Ui, so it is the same in every AuthMode; in
 * AuthMode.NONE (installed, not yet used in this file) touching anything else would fail.
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(RU.menu.setup, 'setupWorkbook')
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
    .addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
