// Team work, the whole round trip through the API: assign, work package,
// working copy, coding there, return package, merge into the master.
import { describe, expect, it } from 'vitest';
import { expectApiError } from '../../../helpers/api';
import { count, eventRows, spanOf, type CodingProject } from '../../../helpers/coding';
import { handOut, LEAD, masterAndLaptopEachTest, merge, takeBack, type Laptop } from '../../../helpers/team';

let master: CodingProject;
let kari: Laptop;

masterAndLaptopEachTest('Kari', (m, k) => {
  master = m;
  kari = k;
});

describe('assignments', () => {
  it('assigns by police district, county and by hand, and the response list filters by assignee', async () => {
    const overview0 = await master.api.team.assignments();
    expect(overview0.unassigned.respondents).toBe(4);
    // Bodø is in Nordland police district, Tromsø in Troms, Hamar in Innlandet, Oslo in Oslo.
    const districts = await master.api.registry.policeDistricts();
    const nordland = districts.find((d) => d.name.startsWith('Nordland'))!;
    const r1 = await master.api.team.assign({ assignee: 'Kari', policeDistrictCodes: [nordland.code] });
    expect(r1).toEqual({ respondents: 1, assigned: 1, unchanged: 0, moved: 0 });
    const r2 = await master.api.team.assign({ assignee: 'Kari', countyNumbers: ['34', '54'] });
    expect(r2.assigned).toBe(2);
    const oslo = master.response('0301');
    const osloRespondent = (await master.api.responses.get({ id: oslo.id })).respondentId;
    await master.api.team.assign({ assignee: 'Ola', respondentIds: [osloRespondent] });
    await master.api.team.assign({ assignee: 'Ola', countyNumbers: ['34'] }); // Hamar double-coded

    const overview = await master.api.team.assignments();
    expect(overview.assignees.map((a) => [a.assignee, a.respondents, a.shared])).toEqual([
      ['Kari', 3, 1],
      ['Ola', 2, 1],
    ]);
    expect(overview.unassigned.respondents).toBe(0);
    expect(overview.doubleCoded).toBe(1);
    expect(overview.respondents.find((r) => r.municipalityNumber === '3403')!.assignees).toEqual(['Kari', 'Ola']);

    const karis = await master.api.responses.list({ assignee: 'Kari' });
    expect(karis.map((r) => r.municipality!.number).sort()).toEqual(['1804', '3403', '5401']);
    expect((await master.api.responses.list({ assignee: 'Ola' })).map((r) => r.municipality!.number).sort()).toEqual(['0301', '3403']);
    await master.api.team.unassign({ assignee: 'Ola', respondentIds: [osloRespondent] });
    expect((await master.api.responses.list({ assignee: 'none' })).map((r) => r.municipality!.number)).toEqual(['0301']);

    await expectApiError(master.api.team.assign({ assignee: 'none', countyNumbers: ['34'] }), 'INVALID_INPUT');
    // Exclusive: Hamar moves to Per alone.
    const moved = await master.api.team.assign({ assignee: 'Per', countyNumbers: ['34'], exclusive: true });
    expect(moved).toEqual({ respondents: 1, assigned: 1, unchanged: 0, moved: 2 });

    // Assignment edits are audited and undoable.
    const events = eventRows(master.store()).filter((e) => e.entity_type === 'assignment');
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.actor === LEAD)).toBe(true);
    await master.api.history.undo();
    expect((await master.api.team.assignments()).respondents.find((r) => r.municipalityNumber === '3403')!.assignees).toEqual(['Kari', 'Ola']);
  });
});

describe('work package and return', () => {
  it('round-trips a colleague’s coding into the master with the colleague as author', async () => {
    await master.api.team.assign({ assignee: 'Kari', countyNumbers: ['18'] });
    const { packageId } = await handOut(master, kari);
    const summary = await kari.api.project.current();
    expect(summary!.workingCopy).toMatchObject({ packageId, assignee: 'Kari', respondents: 1, responses: 1 });
    expect(summary!.id).toBe((await master.api.project.current())!.id);
    // Only Bodø's response is in the copy.
    expect([...kari.responses.keys()]).toEqual(['1804']);

    const codes = await kari.api.codebook.list();
    const code = await kari.api.codebook.create({ name: 'Rus' });
    const bodo = kari.response('1804');
    const q1 = bodo.q(1);
    await kari.api.codings.create({ answerId: q1.id, codeId: code.id, ...spanOf(q1.text, 'Rus blant unge') });
    await kari.api.responses.setStatus({ id: bodo.id, status: 'ferdig' });
    const vars = await kari.api.variables.list();
    const satisfied = vars.find((v) => v.key.startsWith('q2'))!;
    await kari.api.variables.set({ responseId: bodo.id, variableId: satisfied.id, value: satisfied.options[2].value });
    await kari.api.memos.set({ targetType: 'response', targetId: bodo.id, text: 'Tydelig svar.' });
    expect(codes.length).toBeGreaterThanOrEqual(0);

    const preview = await kari.api.team.returnPreview();
    expect(preview.byEntity).toEqual({ code: 1, coding: 1, response: 1, variable_value: 1, memo: 1 });
    const file = await takeBack(master, kari);
    const report = await merge(master, file);
    expect(report).toMatchObject({ alreadyMerged: false, conflicts: 0, actors: ['Kari'], applied: { code: 1, coding: 1, response: 1, variable_value: 1, memo: 1 } });

    const ws = await master.api.workspace.response({ id: master.response('1804').id });
    expect(ws.codings).toHaveLength(1);
    expect(ws.codings[0]).toMatchObject({ quote: 'Rus blant unge', createdBy: 'Kari' });
    expect(ws.response.status).toBe('ferdig');
    expect(ws.values[0].updatedBy).toBe('Kari');
    expect(ws.memos[0]).toMatchObject({ text: 'Tydelig svar.', updatedBy: 'Kari' });
    // History: the colleague is the actor of the merged changes, in one group.
    const merged = eventRows(master.store()).filter((e) => e.action === 'team.merge' && e.entity_type !== 'package_merge');
    expect(merged).toHaveLength(5);
    expect(new Set(merged.map((e) => e.actor))).toEqual(new Set(['Kari']));
    expect(new Set(merged.map((e) => e.group_id)).size).toBe(1);
    const history = await master.api.history.entity({ entityType: 'coding', entityId: ws.codings[0].id });
    expect(history[0]).toMatchObject({ actor: 'Kari' });

    // Merging the same file again changes nothing.
    const before = count(master.store(), 'event');
    const again = await merge(master, file);
    expect(again.alreadyMerged).toBe(true);
    expect(count(master.store(), 'event')).toBe(before);
  });

  it('refuses to export a package for someone with no respondents, and to return from a master', async () => {
    await expectApiError(master.api.team.exportPackage({ assignee: 'Ingen' }), 'INVALID_INPUT');
    await expectApiError(master.api.team.exportReturn({}), 'INVALID_INPUT');
  });
});
