/**
 * `outpost://` deep links, the one parser both shells use (Electron main before it forwards a link,
 * the renderer before it navigates). A link is input from outside the app (a mail, a chat, another
 * program), so it is parsed strictly: bounded length, a fixed set of forms, no traversal, no
 * control characters; anything else is refused with a reason.
 *
 *   outpost://site/AMS-001                      open the site with that code
 *   outpost://site/AMS-001?deployment=<id>      …in that deployment (codes are unique per deployment)
 *   outpost://site/AMS-001/issue/7              open issue #7 of that site
 *   outpost://deployment/<id>                   open a deployment's overview
 */
export const DEEP_LINK_SCHEME = 'outpost';
export const DEEP_LINK_MAX_LENGTH = 512;
/** The longest site code the site editor accepts (plan-methods: text(40)). */
const SITE_CODE_MAX = 40;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const ISSUE_NUMBER_MAX = 1_000_000;

export type DeepLink =
  | { kind: 'site'; siteCode: string; deploymentId: string | null }
  | { kind: 'issue'; siteCode: string; deploymentId: string | null; issueNumber: number }
  | { kind: 'deployment'; deploymentId: string };

export type DeepLinkParse = { ok: true; link: DeepLink } | { ok: false; reason: string };

const refuse = (reason: string): DeepLinkParse => ({ ok: false, reason });

/** Percent-decodes one path segment; null when the escape is malformed. */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Why a decoded site code cannot be one, or null when it can. */
function siteCodeProblem(code: string): string | null {
  if (code.length === 0) return 'the site code is empty';
  if (code.length > SITE_CODE_MAX) return `the site code is longer than ${SITE_CODE_MAX} characters`;
  if (code.trim() !== code) return 'the site code starts or ends with a space';
  if (code === '.' || code === '..') return 'the site code is a path step';
  if (/[\u0000-\u001f\u007f/\\]/.test(code)) return 'the site code holds a slash or a control character';
  return null;
}

function parseQuery(query: string): Map<string, string> | string {
  const params = new Map<string, string>();
  if (query === '') return params;
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    const value = decodeSegment(eq < 0 ? '' : pair.slice(eq + 1));
    if (key !== 'deployment') return `unknown parameter "${key.slice(0, 20)}"`;
    if (params.has(key)) return `the parameter "${key}" is given twice`;
    if (value === null || !ID_PATTERN.test(value)) return 'the deployment is not a valid id';
    params.set(key, value);
  }
  return params;
}

/** Parses an `outpost://` link; never throws. */
export function parseDeepLink(raw: unknown): DeepLinkParse {
  if (typeof raw !== 'string') return refuse('the link is not text');
  if (raw.length > DEEP_LINK_MAX_LENGTH) return refuse(`the link is longer than ${DEEP_LINK_MAX_LENGTH} characters`);
  if (/[\u0000-\u0020\u007f\\]/.test(raw)) return refuse('the link holds spaces, control characters or backslashes');
  const prefix = `${DEEP_LINK_SCHEME}://`;
  if (raw.slice(0, prefix.length).toLowerCase() !== prefix) return refuse(`the link does not start with ${prefix}`);
  const rest = raw.slice(prefix.length);
  if (rest.includes('#')) return refuse('the link has a fragment');
  const q = rest.indexOf('?');
  const pathPart = q < 0 ? rest : rest.slice(0, q);
  const query = parseQuery(q < 0 ? '' : rest.slice(q + 1));
  if (typeof query === 'string') return refuse(query);
  // Windows and some launchers append a slash to the link they pass on: one trailing slash is allowed.
  const segments = pathPart.replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '')) return refuse('the link has an empty path step');
  const decoded = segments.map(decodeSegment);
  if (decoded.some((s) => s === null)) return refuse('the link has a malformed %-escape');
  const [kind, ...args] = (decoded as string[]).map((s, i) => (i === 0 ? s.toLowerCase() : s));
  const deploymentId = query.get('deployment') ?? null;

  if (kind === 'site') {
    const code = args[0] ?? '';
    const problem = siteCodeProblem(code);
    if (problem) return refuse(problem);
    if (args.length === 1) return { ok: true, link: { kind: 'site', siteCode: code, deploymentId } };
    if (args.length === 3 && args[1] === 'issue') {
      const number = /^[1-9][0-9]{0,6}$/.test(args[2]!) ? Number(args[2]) : NaN;
      if (!(number <= ISSUE_NUMBER_MAX)) return refuse('the issue number is not a positive whole number');
      return { ok: true, link: { kind: 'issue', siteCode: code, deploymentId, issueNumber: number } };
    }
    return refuse('a site link is outpost://site/<code> or outpost://site/<code>/issue/<number>');
  }
  if (kind === 'deployment') {
    if (query.size > 0) return refuse('a deployment link takes no parameters');
    const id = args[0] ?? '';
    if (args.length !== 1 || !ID_PATTERN.test(id)) return refuse('a deployment link is outpost://deployment/<id>');
    return { ok: true, link: { kind: 'deployment', deploymentId: id } };
  }
  return refuse(`unknown link kind "${(kind ?? '').slice(0, 20)}" (site or deployment)`);
}

/** The canonical text of a link (what "Copy link" would give and what the shells forward). */
export function formatDeepLink(link: DeepLink): string {
  const query = link.kind !== 'deployment' && link.deploymentId ? `?deployment=${encodeURIComponent(link.deploymentId)}` : '';
  if (link.kind === 'deployment') return `${DEEP_LINK_SCHEME}://deployment/${encodeURIComponent(link.deploymentId)}`;
  const site = `${DEEP_LINK_SCHEME}://site/${encodeURIComponent(link.siteCode)}`;
  return link.kind === 'issue' ? `${site}/issue/${link.issueNumber}${query}` : `${site}${query}`;
}

/**
 * The deep link in a command line (Windows and Linux start the app, or hand the second instance's
 * argv over, with the link as an argument). Only the last `outpost:` argument counts; Chromium's own
 * switches and the app path are skipped.
 */
export function deepLinkInArgv(argv: readonly string[]): string | null {
  const prefix = `${DEEP_LINK_SCHEME}:`;
  for (let i = argv.length - 1; i >= 0; i -= 1) {
    const arg = argv[i]!;
    if (arg.slice(0, prefix.length).toLowerCase() === prefix) return arg;
  }
  return null;
}

/**
 * How a link reaches the renderer, in both shells: the route `#/open/<link, %-encoded>`. Electron's
 * main process loads it into the window (a same-document navigation, no reload); in the browser
 * shell the same fragment can be typed or bookmarked.
 */
export const DEEP_LINK_HASH_PREFIX = '#/open/';

export function deepLinkHash(link: string): string {
  return `${DEEP_LINK_HASH_PREFIX}${encodeURIComponent(link)}`;
}

/** The link a `#/open/…` fragment carries (not yet parsed), or null for any other fragment. */
export function deepLinkFromHash(hash: string): string | null {
  if (!hash.startsWith(DEEP_LINK_HASH_PREFIX)) return null;
  try {
    return decodeURIComponent(hash.slice(DEEP_LINK_HASH_PREFIX.length));
  } catch {
    return '';
  }
}
