import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../playwright.config';
import { writeY4m } from '../../support/barcode-video';
import { tempDataDir } from '../../support/temp-core';

/** A Y4M video for Chromium's fake camera: one still, dark left half (40), light right half (220). */
export function halfDarkVideo(width: number, height: number, dirPrefix: string): string {
  const video = path.join(tempDataDir(dirPrefix), 'camera.y4m');
  const frame = new Uint8Array(width * height);
  for (let row = 0; row < height; row++)
    frame.fill(40, row * width, row * width + width / 2).fill(220, row * width + width / 2, (row + 1) * width);
  writeY4m(video, width, height, 10, [{ frame, seconds: 1 }]);
  return video;
}

/** Launch options for `test.use`: Debian Chromium with a fake camera playing `video`, permission granted. */
export function fakeCameraLaunch(video: string) {
  return {
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        ...CHROMIUM_ARGS,
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
    },
  };
}
