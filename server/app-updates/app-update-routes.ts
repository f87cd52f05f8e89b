import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { appChannelSchema, appUpdateFeedPath, type AppUpdateInfo } from '../../shared/app-updates/app-channel';
import { platformOfFeedFile } from '../../shared/app-updates/installer-files';
import type { CentralDb } from '../db/central-db';
import { HttpError } from '../http/http-error';
import { requirePrincipal, type Principal } from '../http/principal';
import { feedRelease, releaseFile } from './app-releases';
import { blobRangeStream } from './release-blob';
import { deviceAppInfo, setDeviceAppChannel } from './device-app-info';
import { feedYaml } from './feed-yaml';
import { parseByteRange } from './byte-range';

const fileParams = z.object({ channel: z.string(), file: z.string().max(200) }).strict();
const channelBody = z.object({ channel: appChannelSchema }).strict();
const deviceParams = z.object({ deviceId: z.string().uuid() }).strict();

/** The caller's channel and version (the request guard has recorded a version it reported). */
async function callerChannel(db: CentralDb, principal: Principal) {
  const info = await deviceAppInfo(db, principal.deviceId);
  if (!info) throw new HttpError(401, 'unauthorized', 'Sign in again: this device is not known to the server.');
  return info;
}

function sendFile(db: CentralDb, request: FastifyRequest, reply: FastifyReply, file: { fileName: string; sha256: string; size: number }) {
  reply
    .header('content-type', 'application/octet-stream')
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('accept-ranges', 'bytes')
    .header('etag', `"${file.sha256}"`)
    .header('cache-control', 'private, max-age=31536000, immutable')
    .header('x-content-type-options', 'nosniff');
  const range = parseByteRange(request.headers.range, file.size, request.headers['if-range'], `"${file.sha256}"`);
  if (range.kind === 'unsatisfiable') {
    return reply.code(416).header('content-range', `bytes */${file.size}`).send();
  }
  if (range.kind === 'whole' || file.size === 0) {
    reply.header('content-length', String(file.size));
    return reply.send(file.size === 0 ? Buffer.alloc(0) : blobRangeStream(db, file.sha256, 0, file.size - 1));
  }
  return reply
    .code(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${file.size}`)
    .header('content-length', String(range.end - range.start + 1))
    .send(blobRangeStream(db, file.sha256, range.start, range.end));
}

/**
 * Desktop updates for signed-in devices (the bearer token of every /v1 route):
 * - `GET /v1/app-updates`: the device's channel and feed path;
 * - `GET /v1/app-updates/<channel>/latest*.yml`: the feed of the device's own channel (another
 *   channel is refused: administrators choose it);
 * - `GET /v1/app-updates/<channel>/<file>`: an installer of a release that channel sees, streamed,
 *   honouring a single `Range` (electron-updater resumes and checks the sha512 itself);
 * - `PUT /v1/devices/<id>/app-channel`: administrators put a device on stable or pilot.
 * (Any /v1 request carrying `x-outpost-app-version` records the device's version: request-guards.ts.)
 */
export function registerAppUpdateRoutes(app: FastifyInstance, db: CentralDb): void {
  app.get('/v1/app-updates', async (request): Promise<AppUpdateInfo> => {
    const principal = requirePrincipal(request);
    const info = await callerChannel(db, principal);
    return { channel: info.channel, feedPath: appUpdateFeedPath(info.channel), reportedVersion: info.version };
  });

  app.get('/v1/app-updates/:channel/:file', async (request, reply) => {
    const principal = requirePrincipal(request);
    const params = fileParams.parse(request.params as unknown);
    const channel = appChannelSchema.safeParse(params.channel);
    if (!channel.success) throw new HttpError(404, 'not_found', `No update channel "${params.channel}".`);
    const info = await callerChannel(db, principal);
    if (channel.data !== info.channel) {
      throw new HttpError(
        403,
        'wrong_channel',
        `This device is on the ${info.channel} channel: its updates are at ${appUpdateFeedPath(info.channel)}.`,
      );
    }
    const platform = platformOfFeedFile(params.file);
    if (platform) {
      const release = await feedRelease(db, info.channel, platform);
      if (!release) throw new HttpError(404, 'not_found', `No ${platform} release on the ${info.channel} channel yet.`);
      return reply.header('content-type', 'text/yaml; charset=utf-8').header('cache-control', 'no-store').send(feedYaml(release, platform));
    }
    const file = await releaseFile(db, info.channel, params.file);
    if (!file) throw new HttpError(404, 'not_found', `No release file "${params.file}" on the ${info.channel} channel.`);
    return sendFile(db, request, reply, file);
  });

  app.put('/v1/devices/:deviceId/app-channel', async (request) => {
    const principal = requirePrincipal(request);
    if (principal.role !== 'administrator') throw new HttpError(403, 'forbidden', "Only administrators choose a device's update channel.");
    const { deviceId } = deviceParams.parse(request.params as unknown);
    const { channel } = channelBody.parse(request.body as unknown);
    if (!(await setDeviceAppChannel(db, deviceId, channel))) throw new HttpError(404, 'not_found', `No device ${deviceId}.`);
    request.log.info({ by: principal.username, deviceId, channel }, 'device update channel set');
    return { deviceId, channel };
  });
}
