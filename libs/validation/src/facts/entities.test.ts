import { entitiesOf } from './entities.js';

const names = (text: string, known: string[] = []): string[] => entitiesOf(text, new Set(known)).map((entity) => entity.raw);

describe('entitiesOf', () => {
  it('finds capitalised names that do not just start a sentence, joined into runs with a trailing figure', () => {
    expect(names('The Pro plan includes SSO and the Acme Cloud dashboard.')).toEqual(['Pro', 'SSO', 'Acme Cloud']);
    expect(names('Only the Trek 40 has it; the iPhone app and GPT-4o too.')).toEqual(['Trek 40', 'iPhone', 'GPT-4o']);
  });

  it('counts a first word only when the sources capitalise it mid-sentence, and never months, weekdays or pronouns', () => {
    expect(names('Premium members get free shipping.')).toEqual([]);
    expect(names('Premium members get free shipping.', ['premium'])).toEqual(['Premium']);
    expect(names('On Monday in May I called. Then We left.')).toEqual([]);
  });
});
