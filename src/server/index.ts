// The public functions of the add-on: each becomes a top-level function in dist/Code.js.
export { onInstall, onOpen } from './menu';
export { setupWorkbook } from './setup';
export { createQuestionnaires } from './questionnaires';
export { enableAutoImport, importResponses, onFormSubmit } from './import';
export { applyPairChange, computeMatches, getMatchingView, previewPairChange, showMatchingSidebar } from './matching';
export { approvePairs, createTrainingOrder } from './approve';
export { createTemplates } from './document-kinds';
export { notifyParticipants } from './notify';
export { createDevelopmentPlans } from './development-plans';
export { meetingLinks } from './meetings';
export { sendMeetingLinks } from './meeting-letters';
export { surveyLinks } from './survey-links';
export { refreshPairStatuses } from './pair-life';
export { refreshMonitoring } from './monitoring';
export { generateReport, showReportDialog } from './reports';
export { exportForPlatform } from './platform-export';
export { dashboardData, dashboardStep, showDashboard } from './dashboard';
export { checkDeadlines, installDeadlineTrigger, removeDeadlineTrigger } from './deadlines';
