import type { EvalRunRecord } from '#libs/store';

/** An eval run as the API shows it; `report*` only when one run is read. */
export function toWireEvalRun(run: EvalRunRecord, links: { workflowId: string; temporalUiUrl: string }, withReports: boolean) {
  const completion = run.completion;
  const report = withReports && completion?.reportJson ? (JSON.parse(completion.reportJson) as Record<string, unknown>) : undefined;
  return {
    id: run.id,
    object: 'eval_run' as const,
    suite: run.suite,
    status: run.status,
    trigger: run.trigger,
    tenant_id: run.tenantId,
    queries: run.queries,
    created_at: run.createdAt,
    completed_at: completion?.completedAt ?? null,
    pass_rate: completion?.passRate ?? null,
    mean_groundedness: completion?.meanGroundedness ?? null,
    total_cost_usd: completion?.totalCostUsd ?? null,
    gate: completion?.gate ?? null,
    error: run.error ?? null,
    workflow_id: links.workflowId,
    temporal_ui_url: links.temporalUiUrl,
    ...(withReports
      ? {
          gate_reasons: (report?.['gate'] as { reasons?: string[] } | null | undefined)?.reasons ?? [],
          summary: report?.['summary'] ?? null,
          report: report ?? null,
          report_markdown: completion?.reportMarkdown ?? null,
          report_html: completion?.reportHtml ?? null,
        }
      : {}),
  };
}
