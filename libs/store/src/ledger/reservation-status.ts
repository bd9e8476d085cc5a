/**
 * Where a reservation is in its life: `reserved` (holding its amount), `settled` (converted
 * into spend, final), `released` (freed by the caller after a failure) or `expired` (freed by
 * the reaper because nobody settled it in time; a late settle still charges it).
 */
export type ReservationStatus = 'reserved' | 'settled' | 'released' | 'expired';
