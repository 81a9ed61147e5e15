'use client';

import { useState } from 'react';
import { updatePerson, updateUnit } from '@/app/(vi)/(staff)/quan-tri/gioi-thieu/actions';
import type { PersonRecord, UnitRecord } from '@/db/queries/agency';
import { type AgencyPageData, PageForm, PersonFields, UnitFields } from './agency-editor';
import { EditForm } from './editable-row';
import { secondaryButtonClass } from './form-field';

/**
 * "Chỉnh sửa" and the form it opens, for admins on the staff view of a Giới thiệu, Liên hệ or
 * English page (the cached public page carries none of this). The forms are the ones of
 * /quan-tri/gioi-thieu; a save revalidates every public page, then this view refreshes. Always in
 * Vietnamese, on the English pages too (`lang="vi"`): the staff are.
 */
function InlineEditor({
  id,
  name,
  className,
  children,
}: {
  id: string;
  /** What is edited, for the button's accessible name ("Chỉnh sửa: Phòng Tổ chức"). */
  name?: string;
  className?: string;
  children: () => React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <div lang="vi" className={`print:hidden ${className ?? ''}`}>
      {/* One name whether open or not; aria-expanded says which. */}
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={name ? `Chỉnh sửa: ${name}` : undefined}
        onClick={() => setOpen(!open)}
        className={secondaryButtonClass}
      >
        Chỉnh sửa
      </button>
      <div id={id} hidden={!open} className="mt-2">
        {open && children()}
      </div>
    </div>
  );
}

const formClass = 'space-y-2 rounded border border-slate-300 bg-white p-3 text-left text-base font-normal normal-case text-slate-900';

/**
 * A person, wherever a page shows them. `place` keeps the ids apart when one page shows the
 * same person twice (/en/contacts: among the leaders and in their unit).
 */
export function InlinePersonEditor({ person, units, place = 'tai-cho' }: { person: PersonRecord; units: UnitRecord[]; place?: string }) {
  return (
    <InlineEditor id={`${place}-sua-nguoi-${person.id}`} name={person.fullName}>
      {() => (
        <EditForm
          action={updatePerson}
          done="Đã lưu thông tin cán bộ."
          label={`Sửa thông tin ${person.fullName}`}
          className={formClass}
          hidden={{ personId: person.id, version: person.version }}
          fields={(errors) => <PersonFields prefix={`${place}-${person.id}`} errors={errors} person={person} units={units} />}
        />
      )}
    </InlineEditor>
  );
}

/** A unit's names (Vietnamese and English), numbers and email; moving and removing stay at /quan-tri/gioi-thieu. */
export function InlineUnitEditor({ unit, place = 'tai-cho' }: { unit: UnitRecord; place?: string }) {
  return (
    <InlineEditor id={`${place}-sua-don-vi-${unit.id}`} name={unit.name} className="mt-2">
      {() => (
        <EditForm
          action={updateUnit}
          done="Đã lưu đơn vị."
          label={`Sửa đơn vị ${unit.name}`}
          className={formClass}
          hidden={{ unitId: unit.id, version: unit.version }}
          fields={(errors) => <UnitFields prefix={`${place}-dv-${unit.id}`} errors={errors} unit={unit} />}
        />
      )}
    </InlineEditor>
  );
}

/** "Chỉnh sửa" above a rich-text Giới thiệu page (or the English overview): the article editor and sanitiser, in place. */
export function InlinePageEditor({ page }: { page: AgencyPageData }) {
  return (
    <InlineEditor id={`sua-trang-${page.key}`} className="mb-4">
      {() => <PageForm page={page} />}
    </InlineEditor>
  );
}
