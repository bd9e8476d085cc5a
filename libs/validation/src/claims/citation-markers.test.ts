import { citationMarkersOf, maskMarkers } from './citation-markers.js';

describe('citationMarkersOf', () => {
  it('reads single, adjacent, listed and ranged markers', () => {
    expect(citationMarkersOf('A [1]. B [2][3]. C [1, 4]. D [2-4]. E [Source 5].').map((marker) => marker.numbers)).toEqual([[1], [2], [3], [1, 4], [2, 3, 4], [5]]);
  });

  it('ignores brackets that are not citations', () => {
    expect(citationMarkersOf('See [the FAQ] or array[i].')).toEqual([]);
  });

  it('masks markers with spaces so offsets stay', () => {
    const answer = 'It ships in 2 days.[1] More [2].';
    const masked = maskMarkers(answer, citationMarkersOf(answer));
    expect(masked).toHaveLength(answer.length);
    expect(masked).toBe('It ships in 2 days.    More    .');
  });
});
