// Safety: reports and the moderation queue, blocking, operators and reading the audit trail.
// Other modules reach it here only.
export {
  blockPerson,
  isBlockedBetween,
  myBlocks,
  notBlockedWith,
  unblockedPairsAmong,
  unblockPerson,
  type BlockRecord,
} from './blocks.ts';
export {
  grantOperator,
  isViewerOperator,
  listOperators,
  operatorIds,
  requireOperator,
  revokeOperator,
} from './operators.ts';
export { reportConcern, type ReportConcernInput } from './reports.ts';
export {
  myReports,
  networkAuditLog,
  networkReports,
  openReportCounts,
  operatorAuditLog,
  operatorReports,
  reportById,
  reporterView,
  resolveReport,
  type ReportView,
} from './moderation.ts';
export { forgetReportedPerson, safetyForExport } from './export.ts';
