import type { ConfigProblem } from './config-error.js';
import type { ResolvedConfig } from './load-config.js';

/** Checks what a schema cannot: names that must point at something configured. */
export function validateReferences(config: ResolvedConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const providerNames = config.providers.map((provider) => provider.name);
  const duplicate = providerNames.find((name, index) => providerNames.indexOf(name) !== index);
  if (duplicate) problems.push({ path: 'providers', message: `provider name '${duplicate}' is used twice` });

  for (const [routeName, route] of Object.entries(config.routes)) {
    if (route.targets.length === 0) {
      problems.push({ path: `routes.${routeName}.targets`, message: `no configured provider can serve route '${routeName}'; configured providers: ${providerNames.join(', ') || 'none'}` });
    }
    route.targets.forEach((target, index) => {
      const path = `routes.${routeName}.targets[${index}]`;
      if (!providerNames.includes(target.provider)) {
        problems.push({ path: `${path}.provider`, message: `unknown provider '${target.provider}'; configured providers: ${providerNames.join(', ')}` });
      }
      if (!config.catalog.find(target.model)) {
        problems.push({ path: `${path}.model`, message: `model '${target.model}' is not in the catalog; add it under 'models:' with its contextWindow and prices` });
      }
    });
  }
  for (const [routeName, route] of Object.entries(config.routes)) {
    const judge = route.validation?.judge?.model;
    if (judge !== undefined && !isServable(config, judge)) {
      problems.push({
        path: `routes.${routeName}.validation.judge.model`,
        message: `judge model '${judge}' is neither a route (${Object.keys(config.routes).join(', ')}) nor a catalog model a configured provider serves; name a cheap configured model, e.g. a route of its own`,
      });
    }
  }
  const evalJudge = config.eval.judge?.model;
  if (evalJudge !== undefined && !isServable(config, evalJudge)) {
    problems.push({
      path: 'eval.judge.model',
      message: `eval judge model '${evalJudge}' is neither a route (${Object.keys(config.routes).join(', ')}) nor a catalog model a configured provider serves; name a configured model`,
    });
  }
  const alertWebhooks = config.observability.alerts.webhooks.map((webhook) => webhook.name);
  config.eval.schedule.drift.webhooks.forEach((name, index) => {
    if (!alertWebhooks.includes(name)) {
      problems.push({ path: `eval.schedule.drift.webhooks[${index}]`, message: `unknown webhook '${name}'; configured webhooks (observability.alerts.webhooks): ${alertWebhooks.join(', ') || 'none'}` });
    }
  });
  const scheduledModel = config.eval.schedule.model;
  if (scheduledModel !== undefined && scheduledModel !== 'auto' && !isServable(config, scheduledModel)) {
    problems.push({ path: 'eval.schedule.model', message: `model '${scheduledModel}' is neither a route (${Object.keys(config.routes).join(', ')}) nor a catalog model a configured provider serves` });
  }
  for (const tier of config.routing.tiers) {
    if (!config.routes[tier]) {
      problems.push({ path: `routing.tiers`, message: `tier '${tier}' has no route; add routes.${tier}.targets` });
    }
  }
  if (config.storage.vectorStore.kind === 'qdrant' && config.storage.vectorStore.url === undefined) {
    problems.push({ path: 'storage.vectorStore.url', message: 'the vector store is qdrant but no URL is set: set QDRANT_URL or storage.vectorStore.url' });
  }
  const embeddingNames = new Set(config.embeddings.map((model) => model.name));
  config.embeddings.forEach((model, index) => {
    if (model.provider !== undefined && !providerNames.includes(model.provider)) {
      problems.push({ path: `embeddings[${index}].provider`, message: `unknown provider '${model.provider}'; configured providers: ${providerNames.join(', ')}` });
    }
  });
  if (embeddingNames.size !== config.embeddings.length) problems.push({ path: 'embeddings', message: 'an embedding model name is listed twice' });
  const keys = config.auth.apiKeys.map((apiKey) => apiKey.key);
  if (new Set(keys).size !== keys.length) problems.push({ path: 'auth.apiKeys', message: 'the same API key is listed twice' });
  return problems;
}

/** A route name, or a catalog model whose provider family is configured (by name or kind), as the route table resolves it. */
function isServable(config: ResolvedConfig, model: string): boolean {
  if (config.routes[model] !== undefined) return true;
  const entry = config.catalog.find(model);
  return entry !== undefined && config.providers.some((provider) => provider.name === entry.provider || provider.kind === entry.provider);
}
