// The torch (a phone or tablet's flash as a lamp) is in the Image Capture spec, not in TypeScript's DOM types.
interface TorchCapabilities extends MediaTrackCapabilities {
  torch?: boolean;
}

export function torchSupported(track: MediaStreamTrack | null): boolean {
  if (!track || typeof track.getCapabilities !== 'function') return false;
  return (track.getCapabilities() as TorchCapabilities).torch === true;
}

/** Switches the torch; resolves false when the camera refused. */
export async function setTorch(track: MediaStreamTrack, on: boolean): Promise<boolean> {
  try {
    await track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
    return true;
  } catch {
    return false;
  }
}
