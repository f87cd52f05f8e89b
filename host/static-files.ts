import fs from 'node:fs';
import path from 'node:path';

/**
 * Maps a URL path to a file inside `root`, or null when it would leave the root, names a
 * hidden file or does not exist. `/` and unknown extension-less paths serve index.html.
 */
export function resolveStaticFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rootResolved = path.resolve(root);
  const candidate = path.resolve(rootResolved, `.${path.posix.normalize(`/${decoded}`)}`);
  if (candidate !== rootResolved && !candidate.startsWith(rootResolved + path.sep)) return null;
  if (
    path
      .relative(rootResolved, candidate)
      .split(path.sep)
      .some((part) => part.startsWith('.'))
  )
    return null;
  if (candidate === rootResolved || path.extname(candidate) === '') {
    const index = path.join(rootResolved, 'index.html');
    return fs.existsSync(index) ? index : null;
  }
  return fs.existsSync(candidate) && fs.statSync(candidate).isFile() ? candidate : null;
}
