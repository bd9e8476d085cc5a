import { RouteStreamingConfigSchema } from '#libs/config';
import { DEFAULT_STREAM_POLICY, streamPolicyOf } from './stream-policy.js';

const routes = {
  grounded: { streaming: { validation: 'buffer' as const, onDisconnect: 'cancel' as const } },
  plain: {},
};

describe('streamPolicyOf', () => {
  test("reads the route's policy, defaults for a route without one and for a model named directly", () => {
    expect(streamPolicyOf(routes, 'grounded')).toEqual({ validation: 'buffer', onDisconnect: 'cancel', route: 'grounded' });
    expect(streamPolicyOf(routes, 'plain')).toEqual({ ...DEFAULT_STREAM_POLICY, route: 'plain' });
    expect(streamPolicyOf(routes, 'gpt-4.1-mini')).toEqual(DEFAULT_STREAM_POLICY);
    expect(streamPolicyOf(routes, undefined)).toEqual({ validation: 'after', onDisconnect: 'complete' });
  });
});

describe('RouteStreamingConfigSchema', () => {
  test('defaults to after/complete', () => {
    expect(RouteStreamingConfigSchema.parse({})).toEqual({ validation: 'after', onDisconnect: 'complete' });
  });

  test('refuses unknown values with a message naming the choices', () => {
    const validation = RouteStreamingConfigSchema.safeParse({ validation: 'hold' });
    expect(validation.success).toBe(false);
    expect(validation.error?.issues[0]?.message).toBe("streaming.validation must be 'after' (stream, validate at the end) or 'buffer' (hold the text until it is validated)");
    const disconnect = RouteStreamingConfigSchema.safeParse({ onDisconnect: 'abort' });
    expect(disconnect.error?.issues[0]?.message).toContain("streaming.onDisconnect must be 'complete'");
    expect(RouteStreamingConfigSchema.safeParse({ validate: 'buffer' }).success).toBe(false);
  });
});
