import { create } from 'zustand';

/** Whether the "New deployment" dialog is open (opened from the navigator or the empty state). */
export const useCreateDeployment = create<{ open: boolean; setOpen: (open: boolean) => void }>((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
