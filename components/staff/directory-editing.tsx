import type { DirectoryEditing } from '@/components/agency/directory-editing';
import { listPeople, listUnits } from '@/db/queries/agency';
import { InlinePersonEditor, InlineUnitEditor } from './inline-agency-editors';

/** "Chỉnh sửa" for every unit and person of the directory, for an admin's staff view of a public page. */
export async function loadDirectoryEditing(): Promise<Required<DirectoryEditing>> {
  const [units, people] = await Promise.all([listUnits(), listPeople()]);
  return {
    unit(unitId) {
      const unit = units.find((u) => u.id === unitId);
      return unit ? <InlineUnitEditor unit={unit} /> : null;
    },
    person(personId, place) {
      const person = people.find((p) => p.id === personId);
      return person ? <InlinePersonEditor person={person} units={units} place={place} /> : null;
    },
  };
}
