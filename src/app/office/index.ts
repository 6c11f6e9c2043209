/**
 * Office tasks for Humas staff outside chat (the `jaga-netral` command line and
 * the dashboard): the registry, cases, the audit log and the registry file.
 * Every change takes the actor (`cli:<user>`, `web:<login>`) and is audited.
 */
export { addAsn, getAsn, listAsn, removeAsn, updateAsn, validateAsnFields, type AsnChange, type AsnFields, type AsnPage, type AsnQuery } from './asn.js';
export { auditOffice, listAudit, type AuditRow } from './audit.js';
export {
  exemptCaseBy, getCase, listCases, parseCaseStatus, reopenCaseBy,
  type CaseDetail, type CaseQuery, type CaseStatusFilter, type CaseView, type OfficeCaseChange,
} from './cases.js';
export { applyRegistry, previewRegistry, readRegistryFile, registryFormat, PREVIEW_CHANGES, type RegistrySource } from '../registry-file.js';
