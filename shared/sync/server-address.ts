/**
 * Which server addresses the desktop will talk to. HTTPS anywhere; plain `http://` only to this
 * computer (localhost, 127.0.0.0/8, ::1), because over any network a device token and every synced
 * row would cross in the clear and anyone on the path could read or change them. Checked before any
 * connection is made, by the contract (the sign-in form), the sign-in and the server client.
 */

export type ServerAddress = {
  ok: true;
  /** `scheme://host[:port][/path]` without a trailing slash: what requests are built on. */
  url: string;
  /** `scheme://host:port`, the key certificates are pinned under. */
  origin: string;
  secure: boolean;
  /** Host name or address, IPv6 without brackets. */
  host: string;
  port: number;
};

export type ServerAddressCheck = ServerAddress | { ok: false; message: string };

export const INSECURE_SERVER_MESSAGE =
  'Outpost talks to a server over the network only with HTTPS (an https:// address): plain http:// is allowed only for a server on this computer (localhost, 127.0.0.1, ::1). Ask your administrator for the https:// address.';

const SHAPE = /^(https?):\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?(\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*)?$/i;

/** 127.0.0.0/8 written as four decimal parts (the only form taken as loopback; `127.1` or `0x7f.1` are refused over http). */
function isLoopbackV4(host: string): boolean {
  const parts = host.split('.');
  return parts.length === 4 && parts[0] === '127' && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function isLoopbackV6(host: string): boolean {
  return /^(0{0,4}:){7}0{0,3}1$/.test(host) || host === '::1';
}

export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'localhost' || isLoopbackV4(h) || isLoopbackV6(h);
}

export function checkServerAddress(raw: string): ServerAddressCheck {
  const match = SHAPE.exec(raw.trim());
  if (!match) return { ok: false, message: 'Enter the server address, like https://outpost.example.com' };
  const scheme = match[1]!.toLowerCase();
  const hostPart = match[2]!.toLowerCase();
  const host = hostPart.startsWith('[') ? hostPart.slice(1, -1) : hostPart;
  const secure = scheme === 'https';
  const port = match[3] ? Number(match[3]) : secure ? 443 : 80;
  if (port < 1 || port > 65535) return { ok: false, message: 'The port of the server address must be 1-65535' };
  if (host.startsWith('.') || host.endsWith('.') || host.includes('..'))
    return { ok: false, message: 'Enter the server address, like https://outpost.example.com' };
  if (!secure && !isLoopbackHost(host)) return { ok: false, message: INSECURE_SERVER_MESSAGE };
  const path = (match[4] ?? '').replace(/\/+$/, '');
  const defaultPort = (secure && port === 443) || (!secure && port === 80);
  const authority = `${hostPart}${defaultPort ? '' : `:${port}`}`;
  return { ok: true, url: `${scheme}://${authority}${path}`, origin: `${scheme}://${hostPart}:${port}`, secure, host, port };
}
