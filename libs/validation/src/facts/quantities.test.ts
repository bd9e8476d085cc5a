import { quantitiesOf, type Quantity } from './quantities.js';

const brief = (quantity: Quantity): string => `${quantity.dimension}:${quantity.base}${quantity.baseMax !== quantity.base ? `-${quantity.baseMax}` : ''}${quantity.unit ? ` ${quantity.unit}` : ''}${quantity.per.length ? ` per ${quantity.per.join('/')}` : ''}`;
const read = (text: string): string[] => quantitiesOf(text).map(brief);

describe('quantitiesOf', () => {
  it('reads money in symbols, codes and words, with thousands separators and multipliers', () => {
    expect(read('The fee is $1,200.')).toEqual(['money:1200 USD']);
    expect(read('It costs 1200 dollars, or €5, or USD 30, or $2.5k.')).toEqual(['money:1200 USD', 'money:5 EUR', 'money:30 USD', 'money:2500 USD']);
    expect(read('a charge of 50 cents')).toEqual(['money:0.5 USD']);
  });

  it('turns spelled-out figures and time units into days, so two weeks is 14 days', () => {
    expect(read('Returns are accepted for thirty days.')).toEqual(['duration:30 days']);
    expect(read('within two weeks')).toEqual(['duration:14 weeks']);
    expect(read('within a week, in twenty-five minutes, a 30-day trial')).toEqual(['duration:7 weeks', `duration:${25 / 1440} minutes`, 'duration:30 days']);
    expect(read('3–5 business days')).toEqual(['duration:3-5 business days']);
    expect(read('between 2 and 4 hours')).toEqual([`duration:${2 / 24}-${4 / 24} hours`]);
  });

  it('reads percentages, rates, clock times, ordinals and counted nouns', () => {
    expect(read('a 15% discount or 20 percent off')).toEqual(['percent:15 %', 'percent:20 %']);
    expect(read('$12 per user per month, $99 billed annually, $10 a month')).toEqual(['money:12 USD per month/user', 'money:99 USD per year', 'money:10 USD per month']);
    expect(read('open 9am to 5:30 pm')).toEqual(['clock:540 time of day', 'clock:1050 time of day']);
    expect(read('after the first year, up to 5 users')).toEqual(['ordinal:1 years', 'count:5 user']);
  });

  it('leaves dates, versions, pronoun "one" and codes alone', () => {
    expect(read('On 2025-01-05 version v2.1 shipped; one of our agents replies 24/7 about error E-52.')).toEqual([]);
  });
});
