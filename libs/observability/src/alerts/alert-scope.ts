/** `route support, tenant acme` or `all traffic`: the traffic a rule looks at, for summaries. */
export function scopeLabel(rule: { readonly route?: string | undefined; readonly tenant?: string | undefined }): string {
  const parts = [rule.route === undefined ? undefined : `route ${rule.route}`, rule.tenant === undefined ? undefined : `tenant ${rule.tenant}`].filter(
    (part) => part !== undefined,
  );
  return parts.length === 0 ? 'all traffic' : parts.join(', ');
}

/** `{ tenant }` for a rule narrowed to one tenant, else nothing: spread into an evaluation. */
export function tenantOf(rule: { readonly tenant?: string | undefined }): { readonly tenant?: string } {
  return rule.tenant === undefined ? {} : { tenant: rule.tenant };
}
