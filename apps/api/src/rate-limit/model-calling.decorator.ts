import { SetMetadata } from '@nestjs/common';

export const MODEL_CALLING_ROUTE = 'ballast:model-calling-route';

/** Marks a route that calls a model: it counts against the key's RPM and TPM limits. */
export const ModelCalling = () => SetMetadata(MODEL_CALLING_ROUTE, true);

/**
 * Model-calling routes by method and path, for controllers that do not carry @ModelCalling()
 * (yet): either marks a route as limited.
 */
export const MODEL_CALLING_ROUTES: ReadonlySet<string> = new Set(['POST /v1/chat/completions']);
