import { describe, expect, it } from 'vitest';
import { ERASED_DETAILS, eventDetails, eventSentence, WORDED_EVENT_TYPES } from './timeline';
import type { Event } from './types';

function event(overrides: Partial<Event>): Event {
  return {
    sequence: 1,
    type: 'logged',
    occurred_on: '2026-12-03',
    recorded_at: '2026-12-03T10:00:00Z',
    actor: 'amira.khan',
    actor_name: 'Amira Khan',
    stage: 1,
    summary: 'Stage 1 acknowledged on 2026-12-03.',
    changes: [],
    content_erased: false,
    ...overrides,
  };
}

describe('the timeline in sentences', () => {
  // Every core::EventType is in the API's EventType (the C++ test OpenApiDocumentTest), the
  // generated types follow the document (ctest web_api_types), and SENTENCES is a Record over
  // those types, so a type without a sentence does not compile; here each reads as one.
  it('has a sentence for every event type the API names', () => {
    expect(WORDED_EVENT_TYPES.length).toBeGreaterThanOrEqual(57);
    for (const type of WORDED_EVENT_TYPES) {
      const sentence = eventSentence(event({ type }));
      expect(sentence, type).toMatch(/^[A-Z].*[^.]\.$/);
      expect(sentence, type).not.toMatch(/undefined|_/);
    }
  });

  it('names the person and the date that follows from the event', () => {
    expect(
      eventSentence(
        event({
          type: 'acknowledged',
          changes: [
            { field: 'status', before: 'awaiting_acknowledgement', after: 'in_progress' },
            { field: 'respond_by', before: '', after: '2026-12-17' },
          ],
        }),
      ),
    ).toBe('Amira Khan acknowledged the complaint; the response is due on 17 December 2026.');
  });

  it('says when the complainant’s needs were recorded, not only how letters go', () => {
    const channel = { field: 'channel', before: 'post', after: 'email' };
    expect(eventSentence(event({ type: 'contact_preferences_changed', changes: [channel] }))).toBe(
      'Amira Khan changed how the complainant wants letters.',
    );
    expect(
      eventSentence(
        event({
          type: 'contact_preferences_changed',
          changes: [channel, { field: 'vulnerabilities', before: 'age', after: '' }],
        }),
      ),
    ).toBe('Amira Khan recorded the complainant’s needs and reasonable adjustments.');
  });

  it('falls back to the username when the actor has no name', () => {
    expect(eventSentence(event({ type: 'closed', actor_name: null, actor: 'system' }))).toBe(
      'system closed the case.',
    );
  });

  it('words a corrected response with its new outcome', () => {
    expect(
      eventSentence(
        event({
          type: 'response_corrected',
          changes: [{ field: 'outcome', before: 'not_upheld', after: 'upheld' }],
        }),
      ),
    ).toMatch(/^Amira Khan corrected the response recorded at stage 1: now upheld\.$/);
  });

  it('says when an event’s details were erased', () => {
    expect(eventDetails(event({}))).toBe('Stage 1 acknowledged on 2026-12-03.');
    expect(eventDetails(event({ summary: '', content_erased: true }))).toBe(ERASED_DETAILS);
    expect(ERASED_DETAILS).toBe('(details removed under the retention schedule or a redaction)');
  });
});
