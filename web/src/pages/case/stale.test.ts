import { describe, expect, test } from 'vitest';
import type { Complaint, Event, Stage } from '../../types';
import { differences, newEvents } from './stale';

const stage: Stage = {
  number: 1,
  started_on: '2026-11-02',
  escalation_reason: '',
  team: 'housing-services',
  handler: null,
  acknowledge_by: '2026-11-09',
  acknowledged_on: null,
  respond_by_original: null,
  respond_by: null,
  extensions: [],
  outside_code: false,
  reopened_on: null,
  response: null,
  earlier_responses: [],
  reopenings: [],
  procedure: {
    investigation: null,
    adjudication: null,
    review_panel: null,
    panel_report_on: null,
    panel_meet_by: null,
    panel_report_by: null,
    panel_timing: null,
    discussion_offer: null,
    agreed_response_period: null,
    late_notice: null,
  },
};

function event(sequence: number): Event {
  return {
    sequence,
    type: 'note_added',
    occurred_on: '2026-11-02',
    recorded_at: '2026-11-02T09:00:00Z',
    actor: 'a',
    actor_name: null,
    stage: 1,
    summary: `event ${sequence}`,
    changes: [],
    content_erased: false,
  };
}

const before = {
  reference: 'CMP-2026-000001',
  version: 1,
  status: 'awaiting_acknowledgement',
  stage: 1,
  acknowledge_by: '2026-11-09',
  respond_by: null,
  stages: [stage],
  timeline: [event(1)],
} as unknown as Complaint;

describe('stale edits', () => {
  test('show what changed between the two versions, and nothing else', () => {
    const after = {
      ...before,
      version: 2,
      status: 'in_progress',
      respond_by: '2026-11-23',
      stages: [
        {
          ...stage,
          acknowledged_on: '2026-11-09',
          respond_by: '2026-11-23',
          handler: 'emma.hughes',
        },
      ],
      timeline: [event(1), event(2)],
    } as Complaint;
    expect(differences(before, after)).toEqual([
      { what: 'Status', before: 'Awaiting acknowledgement', after: 'In progress' },
      { what: 'Handler', before: 'Not assigned', after: 'emma.hughes' },
      { what: 'Acknowledged on', before: '', after: '9 November 2026' },
      { what: 'Respond by', before: '', after: '23 November 2026' },
    ]);
    expect(newEvents(before, after).map((e) => e.sequence)).toEqual([2]);
    expect(differences(before, before)).toEqual([]);
  });
});
