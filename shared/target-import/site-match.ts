/** A site a host can be matched to. */
export interface TargetSiteRef {
  id: string;
  code: string;
  name: string;
}

/** Site codes compare without case, and `_` as `-` (Ansible group names cannot hold `-` comfortably). */
export function codeKey(value: string): string {
  return value.trim().toLowerCase().replace(/_/g, '-');
}

export class SiteIndex {
  private readonly byCode = new Map<string, TargetSiteRef>();
  private readonly byName = new Map<string, TargetSiteRef>();
  readonly byId = new Map<string, TargetSiteRef>();

  constructor(sites: readonly TargetSiteRef[]) {
    for (const s of sites) {
      this.byCode.set(codeKey(s.code), s);
      this.byName.set(s.name.trim().toLowerCase(), s);
      this.byId.set(s.id, s);
    }
  }

  /** A site named by its code (or, failing that, its full name). */
  named(value: string): TargetSiteRef | undefined {
    return this.byCode.get(codeKey(value)) ?? this.byName.get(value.trim().toLowerCase());
  }

  /** A group named exactly after a site code (`store_014` for STORE-014). */
  group(name: string): TargetSiteRef | undefined {
    return this.byCode.get(codeKey(name));
  }

  /**
   * The sites whose code appears in a host name as whole parts between dots, hyphens or underscores
   * (`pos01.store-014` holds STORE-014, never STORE-01), longest code first.
   */
  inHostName(hostName: string): TargetSiteRef[] {
    const parts = hostName.split(/([._-])/);
    const found = new Map<string, TargetSiteRef>();
    for (let i = 0; i < parts.length; i += 2) {
      let text = '';
      for (let j = i; j < parts.length; j += 2) {
        text += (j > i ? parts[j - 1]! : '') + parts[j]!;
        const site = this.byCode.get(codeKey(text));
        if (site) found.set(site.id, site);
      }
    }
    return [...found.values()].sort((a, b) => b.code.length - a.code.length);
  }
}
