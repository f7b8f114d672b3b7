/**
 * This device as a whole: whose data it holds (claimed at sign-in, wiped for
 * another person), starting the local-first machinery, export and erasure.
 */
export { deviceReadyFor, startLocalFirst } from './start';
export { claimDeviceData, clearDeviceData, clearPersonalCaches, clearWorkspaceCopies } from './data';
export { buildExport, download, type ExportFiles } from './export';
