import type { ResolvedConfig } from '#libs/config';

/** Nest injection token (a class, not a string) carrying the validated configuration. */
export class AppSettings {
  constructor(readonly config: ResolvedConfig) {}

  /** Link to one workflow in the Temporal Web UI. */
  temporalUiLink(workflowId: string): string {
    const { uiUrl, namespace } = this.config.temporal;
    return `${uiUrl.replace(/\/$/, '')}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;
  }
}
