/** Drive for scripts: DriveApp and the advanced Drive service (v3), both over the workspace's DriveStore. */
export { createDriveApp, DRIVE_ERRORS } from './app';
export { createDriveAdvanced, DRIVE_API_ERRORS, GoogleJsonResponseException } from './advanced';
export { ROOT_ID, ROOT_NAME, driveUrl } from './links';
