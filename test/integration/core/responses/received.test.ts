// Correcting a response's received date through the API on a real project
// file: the date is set and cleared, the current version follows the newest
// date, one undo takes the whole correction back (full table dumps compared)
// and redo puts it again, and a date that is not one is refused with the
// store exactly as before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectApiError } from '../../../helpers/api';
import { codingProject, eventRows, workspaceDump, type CodingProject } from '../../../helpers/coding';

const answers = ['Svar.', 'Nei.', '', '', 'Nei.'];
let p: CodingProject;
beforeEach(async () => {
  // Hamar answered twice: the letter of 01.06.2022 supersedes the one of 31.05.2022.
  p = await codingProject({
    rows: [
      ['3403', 'Hamar kommune', '31.05.2022', ...answers],
      ['3403', 'Hamar kommune', '01.06.2022', ...answers],
      ['0301', 'Oslo kommune', '02.06.2022', ...answers],
    ],
  });
});
afterEach(async () => {
  await p.cleanup();
});

const dump = () => workspaceDump(p.store());
async function hamar() {
  const all = (await p.api.responses.list({ includeSuperseded: true })).filter((r) => r.municipality?.number === '3403');
  const by = (date: string) => all.find((r) => r.receivedDate === date)!;
  return { first: by('2022-05-31'), second: by('2022-06-01') };
}

describe('responses.setReceived', () => {
  it('corrects the date, moves the current mark to the newest, and is undone and redone whole', async () => {
    const { first, second } = await hamar();
    expect([first.isCurrent, second.isCurrent]).toEqual([false, true]);
    const before = dump();

    const detail = await p.api.responses.setReceived({ responseId: first.id, date: '2022-06-10' });
    expect(detail).toMatchObject({ id: first.id, receivedDate: '2022-06-10', isCurrent: true });
    expect((await p.api.responses.get({ id: second.id })).isCurrent).toBe(false);
    expect(await p.api.history.state()).toMatchObject({ undo: { action: 'response.received' } });
    const after = dump();

    for (let round = 0; round < 2; round++) {
      await p.api.history.undo();
      expect(dump()).toEqual(before);
      await p.api.history.redo();
      expect(dump()).toEqual(after);
    }
    // Survives closing and opening the file.
    await p.reopen();
    expect((await p.api.responses.get({ id: first.id })).receivedDate).toBe('2022-06-10');
  });

  it('clears the date (null: not known) and records it in the audit trail', async () => {
    const oslo = p.response('0301');
    const trail = eventRows(p.store()).length;
    const detail = await p.api.responses.setReceived({ responseId: oslo.id, date: null });
    expect(detail.receivedDate).toBeNull();
    const events = eventRows(p.store()).slice(trail);
    expect(events).toEqual([expect.objectContaining({ action: 'response.received', entity_type: 'response', entity_id: oslo.id })]);
    expect(JSON.parse(events[0].before!)).toMatchObject({ received_date: '2022-06-02' });
    expect(JSON.parse(events[0].after!)).toMatchObject({ received_date: null });
  });

  it('refuses a date that is not one, or an unknown response, and changes nothing', async () => {
    const oslo = p.response('0301');
    const before = dump();
    const trail = eventRows(p.store());
    for (const date of ['2022-02-30', '02.06.2022', '2022-6-2', '', 'i går']) {
      await expectApiError(p.api.responses.setReceived({ responseId: oslo.id, date }), 'INVALID_INPUT');
    }
    await expectApiError(p.api.responses.setReceived({ responseId: 'no-such-response', date: '2022-06-02' }), 'NOT_FOUND');
    expect(dump()).toEqual(before);
    expect(eventRows(p.store())).toEqual(trail);
  });
});
