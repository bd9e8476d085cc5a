import type { TargetAttempt } from '#libs/contracts';
import type { CircuitBreakerRegistry } from '#libs/llm';
import type { ModelCatalog } from '#libs/models';
import type { RouteTable } from '#libs/routes';
import { createCallModel, type CallModelDependencies } from './chat/call-model.activity.js';
import type { ModelRegistry } from './chat/model-registry.js';
import { createPlanRoute } from './chat/plan-route.activity.js';
import type { ContextPolicyLookup } from './context/context-policies.js';
import type { SpendDependencies } from './chat/spend-ledger-port.js';
import { createExcerptOversizedInput } from './context/excerpt-oversized-input.activity.js';
import { splitInput } from './context/split-input.activity.js';
import { createSummarizeText } from './context/summarize-text.activity.js';
import { createEmbedChunks } from './rag/embed-chunks.activity.js';
import { createActivateDocumentVersion, createDeleteDocumentData, createMarkDocumentFailed } from './rag/finish-ingest.activity.js';
import { createSourceLoader } from './rag/load-sources.js';
import { createParseDocument } from './rag/parse-document.activity.js';
import type { RagDependencies } from './rag/rag-dependencies.js';
import { createRetrieveContext } from './rag/retrieve-context.activity.js';
import { createJudgeClaims } from './validation/judge-claims.activity.js';
import { createValidateAnswer } from './validation/validate-answer.activity.js';

/** Everything activities touch, injected so tests and workers build them the same way. */
export interface ActivityDependencies {
  readonly routes: RouteTable;
  readonly models: ModelRegistry;
  readonly catalog: ModelCatalog;
  readonly breakers: CircuitBreakerRegistry;
  readonly recordAttempt: (workflowId: string, attempt: TargetAttempt) => Promise<void>;
  readonly simulatedProviders: ReadonlySet<string>;
  readonly rag: RagDependencies;
  /** Each route's context budget policy. */
  readonly contextPolicies: ContextPolicyLookup;
  /** Reserve-then-settle spending against the configured caps. */
  readonly spend?: SpendDependencies;
  /** Per-provider egress limits. */
  readonly egress?: CallModelDependencies['egress'];
  /** Rolling summaries of dropped conversation turns. */
  readonly conversations?: CallModelDependencies['conversations'];
  /** Where streaming requests' text goes (ADR 0012); absent: the process-wide in-process relay. */
  readonly streamRelay?: CallModelDependencies['streamRelay'];
}

export function createActivities(dependencies: ActivityDependencies) {
  const { rag } = dependencies;
  return {
    planRoute: createPlanRoute(dependencies.routes, dependencies.contextPolicies),
    callModel: createCallModel({ ...dependencies, loadSources: createSourceLoader(rag) }),
    retrieveContext: createRetrieveContext(rag),
    excerptOversizedInput: createExcerptOversizedInput(),
    splitInput,
    summarizeText: createSummarizeText(dependencies),
    parseDocument: createParseDocument(rag),
    embedChunks: createEmbedChunks(rag),
    activateDocumentVersion: createActivateDocumentVersion(rag),
    markDocumentFailed: createMarkDocumentFailed(rag),
    deleteDocumentData: createDeleteDocumentData(rag),
    validateAnswer: createValidateAnswer(rag),
    judgeClaims: createJudgeClaims({ ...dependencies, chunks: rag.chunks }),
  };
}

/** The activity interface workflows proxy (imported as a type only). */
export type ChatActivities = ReturnType<typeof createActivities>;
