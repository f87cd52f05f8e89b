import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SshAuth } from '../collector-types';
import type { ServiceContext } from '../../services/service-context';
import { getCredential, secretKey } from './credential-store';

export type ResolvedAuth = { ok: true; auth: SshAuth; username: string; useSudo: boolean } | { ok: false; message: string };

/** Turns a target's credential reference and device secrets into what the SSH collector needs. Never throws. */
export function resolveAuth(
  ctx: ServiceContext,
  target: { id: string; username: string },
  env: NodeJS.ProcessEnv = process.env,
): ResolvedAuth {
  const credential = getCredential(ctx, target.id);
  const username = credential?.username ?? target.username;
  if (!username) return { ok: false, message: 'No user name: set one for this target' };
  const useSudo = credential?.useSudo ?? false;
  if (!credential) {
    if (env.SSH_AUTH_SOCK) return { ok: true, auth: { kind: 'agent', socket: env.SSH_AUTH_SOCK }, username, useSudo };
    return { ok: false, message: 'No credential set for this target (key file, agent or password)' };
  }
  try {
    switch (credential.kind) {
      case 'agent':
        if (!env.SSH_AUTH_SOCK) return { ok: false, message: 'No ssh-agent is running here (SSH_AUTH_SOCK is not set)' };
        return { ok: true, auth: { kind: 'agent', socket: env.SSH_AUTH_SOCK }, username, useSudo };
      case 'key': {
        const file = credential.keyPath!.startsWith('~/') ? path.join(os.homedir(), credential.keyPath!.slice(2)) : credential.keyPath!;
        const privateKey = fs.readFileSync(file, 'utf8');
        const passphrase = ctx.secrets.get(secretKey(target.id, 'passphrase'));
        return { ok: true, auth: passphrase ? { kind: 'key', privateKey, passphrase } : { kind: 'key', privateKey }, username, useSudo };
      }
      case 'password':
      case 'keyboard-interactive': {
        const password = ctx.secrets.get(secretKey(target.id, 'password'));
        if (!password) return { ok: false, message: 'No password stored on this device for this target: set the credential again' };
        return { ok: true, auth: { kind: credential.kind, password }, username, useSudo };
      }
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      message: code === 'ENOENT' ? `The key file ${credential.keyPath} does not exist` : `Cannot read the credential: ${code ?? 'error'}`,
    };
  }
}
