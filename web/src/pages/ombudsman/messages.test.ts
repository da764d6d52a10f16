import { describe, expect, test } from 'vitest';
import { fieldWords, humaniseError, humaniseMessage } from './messages';

describe('the API’s field errors in the forms’ words', () => {
  test.each([
    ['ombudsman', 'Is required', 'required', 'Select which Ombudsman'],
    ['findings[0].finding', 'Is required', 'required', 'Select the finding on element 1'],
    [
      'findings[1].element',
      'Must describe the element',
      'required',
      'Enter what element 2 was about',
    ],
    [
      'remedies[0].kind',
      'Is required',
      'required',
      'Select whether 1 is an order or a recommendation',
    ],
    [
      'remedies[1].due_on',
      'Is required',
      'required',
      'Enter the due date of order or recommendation 2',
    ],
    [
      'remedies[0].due_on',
      'Must not be before final_decision_on',
      'date_too_early',
      'The due date of order or recommendation 1 must not be before the date of the final decision',
    ],
    [
      'remedies[0].evidence',
      'Is required to record a remedy as completed',
      'required',
      'Enter the evidence for order or recommendation 1',
    ],
    [
      'enquiry_received_on',
      'Must not be before referred_on (2022-01-10)',
      'date_too_early',
      'The date the enquiry was received must not be before the date referred to the Ombudsman (10 January 2022)',
    ],
    [
      'findings',
      'A final decision needs its outcome (at least one finding)',
      'required',
      'Enter the findings',
    ],
    [
      'complaints[0]',
      'No complaint CMP-1999-000001',
      'unknown_reference',
      'No complaint CMP-1999-000001',
    ],
    ['complaints[1]', 'Names CMP-1999-000001 twice', 'duplicate', 'Names CMP-1999-000001 twice'],
    ['description', 'Is required', 'required', 'Enter what the order requires'],
    ['type', 'Is required', 'required', 'Select the type of order'],
    [
      'upheld',
      'Must not exceed investigated',
      'out_of_range',
      'The number “upheld” must not exceed investigated',
    ],
    [
      'investigated',
      'Must not exceed decisions_made',
      'out_of_range',
      'The number “investigated” must not exceed the number “decisions made”',
    ],
    // The code decides, not the words: a message that happens to start "Is" under the catch-all
    // code is its own sentence.
    ['upheld', 'Is odd', 'invalid', 'Is odd'],
    ['', 'Something went wrong', 'invalid', 'Something went wrong'],
    ['colour', 'Is not a known field', 'malformed', 'Is not a known field'],
  ] as const)('%s: %j (%s) reads %j', (field, message, code, shown) => {
    expect(humaniseError({ field, message, code })).toEqual({ field, message: shown, code });
  });

  test.each([
    ['remedies[3].description', 'what the council must do for order or recommendation 4'],
    ['findings[0].colour', null],
    ['others[0]', null],
    ['summary', 'the summary'],
  ])('%s is named %j', (field, words) => {
    expect(fieldWords(field)).toBe(words);
  });

  test('dates and field names inside a message', () => {
    expect(humaniseMessage('record final_decision_on first (2022-04-01)')).toBe(
      'record the date of the final decision first (1 April 2022)',
    );
    expect(humaniseMessage('unknown some_field stays')).toBe('unknown some_field stays');
  });
});
