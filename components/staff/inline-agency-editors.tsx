'use client';

import { useState } from 'react';
import { updatePerson } from '@/app/(vi)/(staff)/quan-tri/gioi-thieu/actions';
import type { PersonRecord, UnitRecord } from '@/db/queries/agency';
import { ActionForm, SubmitButton } from './action-form';
import { type AgencyPageData, PageForm, PersonFields } from './agency-editor';
import { secondaryButtonClass } from './form-field';

/**
 * "Chỉnh sửa" under a person on the Giới thiệu pages, for admins (the staff view only: the cached
 * public page carries none of this). The form is the one of /quan-tri/gioi-thieu; a save
 * revalidates every public page, then this view refreshes.
 */
export function InlinePersonEditor({ person, units }: { person: PersonRecord; units: UnitRecord[] }) {
  const [open, setOpen] = useState(false);
  const formId = `sua-nguoi-${person.id}`;
  return (
    <div className="print:hidden">
      {/* One name whether open or not; aria-expanded says which. */}
      <button
        type="button"
        aria-expanded={open}
        aria-controls={formId}
        aria-label={`Chỉnh sửa: ${person.fullName}`}
        onClick={() => setOpen(!open)}
        className={secondaryButtonClass}
      >
        Chỉnh sửa
      </button>
      <div id={formId} hidden={!open} className="mt-2">
        {open && (
          <ActionForm
            action={updatePerson}
            done="Đã lưu thông tin cán bộ."
            label={`Sửa thông tin ${person.fullName}`}
            className="space-y-2 rounded border border-slate-300 bg-white p-3"
          >
            {(errors, pending) => (
              <>
                <input type="hidden" name="personId" value={person.id} />
                <input type="hidden" name="version" value={person.version} />
                <PersonFields prefix={`tai-cho-${person.id}`} errors={errors} person={person} units={units} />
                <SubmitButton pending={pending}>Lưu</SubmitButton>
              </>
            )}
          </ActionForm>
        )}
      </div>
    </div>
  );
}

/** "Chỉnh sửa" above a rich-text Giới thiệu page: the article editor and sanitiser, in place. */
export function InlinePageEditor({ page }: { page: AgencyPageData }) {
  const [open, setOpen] = useState(false);
  const formId = `sua-trang-${page.key}`;
  return (
    <div className="mb-4 print:hidden">
      <button type="button" aria-expanded={open} aria-controls={formId} onClick={() => setOpen(!open)} className={secondaryButtonClass}>
        Chỉnh sửa
      </button>
      <div id={formId} hidden={!open} className="mt-2">
        {open && <PageForm page={page} />}
      </div>
    </div>
  );
}
