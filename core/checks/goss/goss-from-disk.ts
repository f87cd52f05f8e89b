import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { findGossTemplates, mapGossDocument, type GossImport, type GossIssue } from '../../../shared/checks/goss/goss-import';
import { GOSS_MAX_CHARS } from './parse-goss';

/** Bounds on following `gossfile:` includes: nesting, files and total size read. */
export const GOSS_INCLUDE_MAX_DEPTH = 8;
export const GOSS_INCLUDE_MAX_FILES = 50;
export const GOSS_INCLUDE_MAX_TOTAL_CHARS = 1_000_000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

class IncludeError extends Error {
  constructor(readonly issue: GossIssue) {
    super(issue.message);
  }
}

interface LoadState {
  files: number;
  chars: number;
}

/** Reads one file and its includes depth first; the including file's own resources win over included ones. */
async function load(path: string, stack: string[], state: LoadState): Promise<Record<string, Record<string, unknown>>> {
  if (stack.includes(path)) throw new IncludeError({ path, message: `gossfile include cycle: ${[...stack, path].join(' → ')}` });
  if (stack.length >= GOSS_INCLUDE_MAX_DEPTH)
    throw new IncludeError({ path, message: `gossfile includes nest deeper than ${GOSS_INCLUDE_MAX_DEPTH}` });
  if (++state.files > GOSS_INCLUDE_MAX_FILES)
    throw new IncludeError({ path, message: `more than ${GOSS_INCLUDE_MAX_FILES} gossfiles included` });
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new IncludeError({ path, message: `Cannot read ${path}` });
  if (info.size > GOSS_MAX_CHARS) throw new IncludeError({ path, message: `${path} is larger than ${GOSS_MAX_CHARS / 1000} KB` });
  const text = await readFile(path, 'utf8');
  state.chars += text.length;
  if (state.chars > GOSS_INCLUDE_MAX_TOTAL_CHARS)
    throw new IncludeError({ path, message: `the gossfiles together are larger than ${GOSS_INCLUDE_MAX_TOTAL_CHARS / 1000} KB` });
  const templates = findGossTemplates(text);
  if (templates[0]) throw new IncludeError({ path: `${path}: ${templates[0].path}`, message: templates[0].message });
  const document = parseDocument(text, { schema: 'failsafe', uniqueKeys: true });
  if (document.errors[0]) throw new IncludeError({ path, message: `${path}: ${document.errors[0].message.split('\n')[0]}` });
  const value: unknown = document.toJS({ maxAliasCount: 100 });
  if (value === null || value === undefined || value === '') return {};
  if (!isRecord(value)) throw new IncludeError({ path, message: `${path}: a Goss file is a map of sections` });
  const merged: Record<string, Record<string, unknown>> = {};
  const { gossfile, ...own } = value;
  if (isRecord(gossfile)) {
    for (const [name, attrs] of Object.entries(gossfile)) {
      // Goss: the file is the key or its `file:` attribute; `skip: true` leaves the include out.
      const options = isRecord(attrs) ? attrs : {};
      if (String(options.skip).toLowerCase() === 'true') continue;
      const include = typeof options.file === 'string' && options.file.trim() !== '' ? options.file : name;
      if (/[*?[]/.test(include))
        throw new IncludeError({ path, message: `gossfile: ${include}: glob includes are not followed, name each file` });
      const child = await load(resolve(dirname(path), include), [...stack, path], state);
      for (const [section, resources] of Object.entries(child)) merged[section] = { ...merged[section], ...resources };
    }
  } else if (gossfile !== undefined && gossfile !== null && gossfile !== '') {
    throw new IncludeError({ path, message: `${path}: gossfile: expected a map of file names` });
  }
  for (const [section, resources] of Object.entries(own)) {
    merged[section] = isRecord(resources) ? { ...merged[section], ...resources } : (resources as Record<string, unknown>);
  }
  return merged;
}

/**
 * Imports a goss.yaml from disk, following `gossfile:` includes relative to the including file
 * (as `goss validate` does). Cycles, globs and oversize trees are refused with the reason. Never throws.
 */
export async function importGossFileFromDisk(path: string): Promise<GossImport> {
  try {
    const document = await load(resolve(path), [], { files: 0, chars: 0 });
    return mapGossDocument(document);
  } catch (error) {
    if (error instanceof IncludeError) return { ok: false, issues: [error.issue], skipped: [] };
    return { ok: false, issues: [{ path, message: error instanceof Error ? error.message : String(error) }], skipped: [] };
  }
}
