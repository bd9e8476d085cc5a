import { DEFAULT_ROUTING_RULES } from './default-routing-rules.js';
import { parseRoutingRules } from './routing-rules.js';

const valid = {
  defaultTier: 'simple',
  tiers: ['simple', 'complex'],
  rules: [
    { name: 'code', tier: 'complex', when: { hasCode: true } },
    { name: 'short', tier: 'simple', when: { maxLastUserTokens: 20 } },
  ],
};

describe('parseRoutingRules', () => {
  it('accepts the shipped defaults and a hand-written config', () => {
    expect(parseRoutingRules(DEFAULT_ROUTING_RULES)).toEqual(DEFAULT_ROUTING_RULES);
    expect(parseRoutingRules(valid)).toEqual(valid);
  });

  it('rejects a rule naming an unknown tier, naming the rule, the field and the known tiers', () => {
    const config = { ...valid, rules: [valid.rules[0], { name: 'medium-length', tier: 'medium', when: {} }] };
    expect(() => parseRoutingRules(config)).toThrow(
      /rule 'medium-length' names unknown tier 'medium' \(configured tiers: simple, complex\)[\s\S]*rules\[1\]\.tier/,
    );
  });

  it('rejects a default tier that is not configured', () => {
    expect(() => parseRoutingRules({ ...valid, defaultTier: 'cheap' })).toThrow(/unknown tier 'cheap'[\s\S]*defaultTier/);
  });

  it('rejects a misspelt condition instead of treating the rule as match-everything', () => {
    const config = { ...valid, rules: [{ name: 'long', tier: 'complex', when: { minTokens: 500 } }] };
    expect(() => parseRoutingRules(config)).toThrow(/minTokens[\s\S]*rules\[0\]\.when/);
  });

  it('rejects a condition of the wrong type, naming its path', () => {
    const config = { ...valid, rules: [{ name: 'code', tier: 'complex', when: { hasCode: 'yes' } }] };
    expect(() => parseRoutingRules(config)).toThrow(/rules\[0\]\.when\.hasCode/);
  });

  it('rejects two rules with the same name, since reasons would be ambiguous', () => {
    const config = { ...valid, rules: [valid.rules[0], { ...valid.rules[1], name: 'code' }] };
    expect(() => parseRoutingRules(config)).toThrow(/rule name 'code' is used twice[\s\S]*rules\[1\]\.name/);
  });

  it('rejects a rule that can never match', () => {
    const config = {
      ...valid,
      rules: [{ name: 'band', tier: 'complex', when: { minLastUserTokens: 100, maxLastUserTokens: 50 } }],
    };
    expect(() => parseRoutingRules(config)).toThrow(/can never match[\s\S]*rules\[0\]\.when\.maxLastUserTokens/);
  });

  it('rejects rules placed after a catch-all, which would silently never run', () => {
    const config = { ...valid, rules: [{ name: 'everything', tier: 'complex', when: {} }, valid.rules[0]] };
    expect(() => parseRoutingRules(config)).toThrow(/rule 'code' is unreachable: rule 'everything'/);
  });

  it('rejects tier names a caller could not send in a header', () => {
    expect(() => parseRoutingRules({ ...valid, tiers: ['simple', 'Complex Tier'] })).toThrow(/tiers\[1\]/);
  });
});
