/**
 * Serials are compared without surrounding space and without case, because scanners and
 * people disagree on both. The stored value keeps what was typed.
 */
export function normalizeSerial(serial: string): string {
  return serial.trim().toUpperCase();
}
