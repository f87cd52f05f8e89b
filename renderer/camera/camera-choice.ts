/** The camera the technician picked last, per device (never synced: device ids are per machine). */
const KEY = 'outpost.camera.deviceId';
/** Device ids are opaque strings; anything longer is not one we stored. */
const MAX_ID_LENGTH = 512;

export function rememberedCameraId(): string | null {
  try {
    const id = window.localStorage.getItem(KEY);
    return id && id.length <= MAX_ID_LENGTH ? id : null;
  } catch {
    return null;
  }
}

export function rememberCameraId(id: string | null): void {
  try {
    if (id) window.localStorage.setItem(KEY, id);
    else window.localStorage.removeItem(KEY);
  } catch {
    // Not remembered; the default camera opens next time.
  }
}
