import type { ApiError } from '../../shared/contract';

/**
 * The message plus, for validation errors, the offending fields, each said once: an issue that
 * repeats the message is not appended again, and the generic "Invalid input for …" gives way to
 * the issues themselves.
 */
export function errorText(error: ApiError): string {
  const seen = new Set<string>([error.message]);
  const issues: string[] = [];
  for (const issue of error.issues ?? []) {
    if (seen.has(issue.message)) continue;
    seen.add(issue.message);
    issues.push(issue.path && issue.path !== '(input)' ? `${issue.path}: ${issue.message}` : issue.message);
  }
  if (issues.length === 0) return error.message;
  if (error.message.startsWith('Invalid input for ')) return issues.join('; ');
  return `${error.message} (${issues.join('; ')})`;
}
