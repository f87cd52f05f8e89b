const SHOWN = 12;

/** "AMS-001, AMS-002 and 14 more": the sites a refusal names, without flooding the message. */
export function namedSites(names: readonly string[]): string {
  const shown = names.slice(0, SHOWN).join(', ');
  return names.length > SHOWN ? `${shown} and ${names.length - SHOWN} more` : shown;
}
