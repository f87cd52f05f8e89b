import { parseDocument } from 'yaml';
import { findGossTemplates, mapGossDocument, type GossImport } from '../../../shared/checks/goss/goss-import';

/** Largest goss.yaml accepted (the contract refuses larger input before it gets here). */
export const GOSS_MAX_CHARS = 200_000;

/**
 * Parses a goss.yaml and maps it to requirement drafts. Templates are refused before parsing.
 * The YAML failsafe schema keeps every scalar as written (`1.10` stays "1.10", `0644` stays
 * "0644"); the mapping converts booleans and numbers per attribute. Never throws.
 */
export function parseGoss(text: string): GossImport {
  if (text.length > GOSS_MAX_CHARS)
    return { ok: false, issues: [{ path: '(file)', message: `The file is larger than ${GOSS_MAX_CHARS / 1000} KB` }], skipped: [] };
  const templates = findGossTemplates(text);
  if (templates.length > 0) return { ok: false, issues: templates, skipped: [] };
  const document = parseDocument(text, { schema: 'failsafe', uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0) {
    const issues = document.errors.map((e) => {
      const line = e.linePos?.[0]?.line;
      return {
        path: line ? `line ${line}` : '(file)',
        message: `${line ? `Line ${line}: ` : ''}${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
      };
    });
    return { ok: false, issues, skipped: [] };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return {
      ok: false,
      issues: [{ path: '(file)', message: `Could not read the YAML: ${error instanceof Error ? error.message : String(error)}` }],
      skipped: [],
    };
  }
  return mapGossDocument(value);
}
