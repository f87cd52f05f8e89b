import { useCallback, useState } from 'react';

/** Where a camera button lives; each remembers whether the technician left the camera open. */
export type CameraPlace = 'receive' | 'search';

const key = (place: CameraPlace) => `outpost.camera.open.${place}`;

function read(place: CameraPlace): boolean {
  try {
    return window.localStorage.getItem(key(place)) === '1';
  } catch {
    return false;
  }
}

/** Open or closed, kept across visits: whoever receives with the camera gets it back next time. */
export function useCameraOpen(place: CameraPlace): [boolean, (open: boolean) => void] {
  const [open, setOpenState] = useState(() => read(place));
  const setOpen = useCallback(
    (next: boolean) => {
      setOpenState(next);
      try {
        window.localStorage.setItem(key(place), next ? '1' : '0');
      } catch {
        // Not remembered; fine for this visit.
      }
    },
    [place],
  );
  return [open, setOpen];
}
