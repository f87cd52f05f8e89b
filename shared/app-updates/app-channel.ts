import { z } from 'zod';

/**
 * Update channels: administrators put a device on `pilot` to get a release before the fleet does.
 * A pilot device also sees stable releases (whichever is newest wins), a stable device sees only
 * stable ones. New devices start on `stable`.
 */
export const APP_CHANNELS = ['stable', 'pilot'] as const;
export const appChannelSchema = z.enum(APP_CHANNELS);
export type AppChannel = z.infer<typeof appChannelSchema>;
export const DEFAULT_APP_CHANNEL: AppChannel = 'stable';

/** The channels whose releases a device on `channel` may install. */
export function visibleChannels(channel: AppChannel): readonly AppChannel[] {
  return channel === 'pilot' ? ['pilot', 'stable'] : ['stable'];
}

/** Sent by the desktop on update checks: the server records it for the device list. */
export const APP_VERSION_HEADER = 'x-outpost-app-version';

/** `GET /v1/app-updates`: the calling device's channel and where its feed is. */
export const appUpdateInfoSchema = z.object({
  channel: appChannelSchema,
  /** Path of the feed directory (electron-updater's generic provider URL), relative to the server. */
  feedPath: z.string(),
  /** The version this device reported last (null before its first report). */
  reportedVersion: z.string().nullable(),
});
export type AppUpdateInfo = z.infer<typeof appUpdateInfoSchema>;

export const appUpdateFeedPath = (channel: AppChannel) => `/v1/app-updates/${channel}`;
