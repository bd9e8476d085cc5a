import { parseNumberedSources, quotableStatements } from './cited-answer.js';
import { composeSimulatedAnswer, NOT_IN_SOURCES } from './simulated-answer.js';

const GROUNDED_SYSTEM =
  'Answer the user using only the numbered sources below. Cite every fact with the number of its source.\n\nSources:\n\n' +
  '[1] Airlog X200 datasheet — Physical\n## Physical\n| Property | Value |\n|---|---|\n| Weight | 180 g |\nThe X200 runs on two AA cells.\n\n' +
  '[2] Airlog X2000 datasheet\n- Weight: 640 g including the mounting plate.\n- Wi-Fi: 2.4 GHz and 5 GHz.\n\n' +
  '[3] Returns policy\nReturns are accepted within 30 days of delivery. A receipt is required.';

describe('cited answers to grounded prompts', () => {
  it('parses the numbered sources of the grounding message', () => {
    const sources = parseNumberedSources(GROUNDED_SYSTEM);
    expect(sources?.map((source) => source.index)).toEqual([1, 2, 3]);
    expect(sources?.[2]?.text).toBe('Returns are accepted within 30 days of delivery. A receipt is required.');
    expect(parseNumberedSources('No sources here. [1] is just a bracket.')).toBeUndefined();
  });

  it('quotes statements, not headings or table borders', () => {
    expect(quotableStatements('## Physical\n| Property | Value |\n|---|---|\n| Weight | 180 g |\n- Colour: slate grey.')).toEqual(['Weight, 180 g', 'Colour: slate grey.']);
  });

  it('answers with the matching statements, each cited with its source number', () => {
    const answer = composeSimulatedAnswer({
      model: 'gpt-4.1-mini',
      messages: [
        { role: 'system', text: GROUNDED_SYSTEM },
        { role: 'user', text: 'How many days do I have for returns after delivery?' },
      ],
    });
    expect(answer).toBe('[simulated gpt-4.1-mini] Returns are accepted within 30 days of delivery [3].');
  });

  it('says the sources do not hold the answer when no statement matches', () => {
    const answer = composeSimulatedAnswer({ model: 'm', messages: [{ role: 'system', text: GROUNDED_SYSTEM }, { role: 'user', text: 'Who founded Corrowind?' }] });
    expect(answer).toBe(`[simulated m] ${NOT_IN_SOURCES}`);
  });

  it('keeps to an explicit outputTokens', () => {
    const answer = composeSimulatedAnswer({
      model: 'm',
      outputTokens: 10,
      messages: [
        { role: 'system', text: GROUNDED_SYSTEM },
        { role: 'user', text: 'What does the X2000 weigh with the mounting plate, and which Wi-Fi bands?' },
      ],
    });
    expect(answer.length).toBeLessThanOrEqual(40);
  });
});
