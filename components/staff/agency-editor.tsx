'use client';

import { useState } from 'react';
import {
  createPerson,
  createUnit,
  deleteUnit,
  moveUnit,
  reorderPerson,
  reorderUnit,
  saveAgencyPage,
  setPersonDisabled,
  updatePerson,
  updateUnit,
} from '@/app/(vi)/(staff)/quan-tri/gioi-thieu/actions';
import { RichTextEditor } from '@/components/editor/rich-text-editor';
import { CoverImageField } from '@/components/media/cover-image-field';
import type { PersonRecord, UnitRecord } from '@/db/queries/agency';
import { AGENCY_PAGE_TITLES, type AgencyPageKey } from '@/lib/agency/names';
import { buildTree, flattenTree, subtreeIds } from '@/lib/agency/tree';
import type { FieldErrors } from '@/lib/errors';
import { ActionForm, moveButtons, SubmitButton, TextField } from './action-form';
import { PhoneEmailFields } from './contact-fields';
import { EditableRow } from './editable-row';
import { FieldError, inputClass } from './form-field';

const PHONE_HINT = 'Không bắt buộc. Nhập như muốn hiển thị; nhiều số cách nhau bằng “ - ”, ví dụ: 0296 3957 049 - 0378.247.247';

type Unit = UnitRecord;
type Person = PersonRecord;
export type AgencyPageData = { key: AgencyPageKey; bodyHtml: string; version: number };

function SelectField({
  id,
  name,
  label,
  errors,
  defaultValue,
  children,
}: {
  id: string;
  name: string;
  label: string;
  errors: FieldErrors;
  defaultValue?: string | number;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={Boolean(errors[name])}
        aria-describedby={errors[name] ? `${id}-loi` : undefined}
        className={inputClass}
      >
        {children}
      </select>
      <FieldError id={`${id}-loi`} errors={errors[name]} />
    </div>
  );
}

/** "— — Phòng A": a unit's place in the tree, for the choices of a select. */
function unitOptions(units: Unit[], exclude: Set<number> = new Set()) {
  return flattenTree(buildTree(units))
    .filter((unit) => !exclude.has(unit.id))
    .map((unit) => (
      <option key={unit.id} value={unit.id}>
        {`${'— '.repeat(unit.depth - 1)}${unit.name}`}
      </option>
    ));
}

export function UnitFields({ prefix, errors, unit }: { prefix: string; errors: FieldErrors; unit?: Unit }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <TextField id={`${prefix}-ten`} name="name" label="Tên đơn vị" required maxLength={200} errors={errors} defaultValue={unit?.name} />
      <TextField
        id={`${prefix}-ten-en`}
        name="nameEn"
        label="Tên tiếng Anh (để trống: trang tiếng Anh hiện tên tiếng Việt)"
        maxLength={200}
        errors={errors}
        defaultValue={unit?.nameEn}
      />
      <PhoneEmailFields prefix={prefix} errors={errors} phones={unit?.phones} email={unit?.email} hint={PHONE_HINT} />
    </div>
  );
}

export function PersonFields({ prefix, errors, person, units }: { prefix: string; errors: FieldErrors; person?: Person; units: Unit[] }) {
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField id={`${prefix}-don-vi`} name="unitId" label="Đơn vị" errors={errors} defaultValue={person?.unitId}>
          {unitOptions(units)}
        </SelectField>
        <SelectField
          id={`${prefix}-danh-xung`}
          name="honorific"
          label="Danh xưng (hiện ở cột bên)"
          errors={errors}
          defaultValue={person?.honorific ?? ''}
        >
          <option value="">Không</option>
          <option value="Ông">Ông</option>
          <option value="Bà">Bà</option>
        </SelectField>
        <TextField
          id={`${prefix}-ho-ten`}
          name="fullName"
          label="Họ tên"
          required
          maxLength={200}
          errors={errors}
          defaultValue={person?.fullName}
        />
        <TextField id={`${prefix}-chuc-vu`} name="title" label="Chức vụ" maxLength={200} errors={errors} defaultValue={person?.title} />
        <TextField
          id={`${prefix}-chuc-vu-en`}
          name="titleEn"
          label="Chức vụ tiếng Anh (để trống: hiện chức vụ tiếng Việt)"
          maxLength={200}
          errors={errors}
          defaultValue={person?.titleEn}
        />
        <PhoneEmailFields prefix={prefix} errors={errors} phones={person?.phones} email={person?.email} hint={PHONE_HINT} />
      </div>
      <div>
        <label htmlFor={`${prefix}-nhiem-vu`} className="block text-sm font-semibold">
          Nhiệm vụ được phân công (không bắt buộc)
        </label>
        <textarea
          id={`${prefix}-nhiem-vu`}
          name="duties"
          rows={3}
          maxLength={3000}
          defaultValue={person?.duties}
          aria-invalid={Boolean(errors.duties)}
          aria-describedby={errors.duties ? `${prefix}-nhiem-vu-loi` : undefined}
          className={inputClass}
        />
        <FieldError id={`${prefix}-nhiem-vu-loi`} errors={errors.duties} />
      </div>
      <div className="flex items-center gap-2">
        <input id={`${prefix}-lanh-dao`} type="checkbox" name="leader" defaultChecked={person?.leader} className="h-5 w-5" />
        <label htmlFor={`${prefix}-lanh-dao`} className="text-sm font-semibold">
          Lãnh đạo (hiện ở trang Lãnh đạo và trang liên hệ tiếng Anh)
        </label>
      </div>
      <CoverImageField
        initial={person?.photo ?? null}
        error={errors.photoMediaId}
        name="photoMediaId"
        what="ảnh chân dung"
        savedWith="thông tin cán bộ"
      />
    </div>
  );
}

function UnitsSection({ units }: { units: Unit[] }) {
  const tree = flattenTree(buildTree(units));
  return (
    <section aria-labelledby="don-vi" className="space-y-4">
      <h2 id="don-vi" className="text-lg font-bold text-brand-900">
        Đơn vị (cơ cấu tổ chức)
      </h2>
      <ol className="space-y-3">
        {tree.map((unit) => {
          const prefix = `dv-${unit.id}`;
          const siblings = tree.filter((u) => u.parentId === unit.parentId);
          const index = siblings.findIndex((u) => u.id === unit.id);
          return (
            <li key={unit.id} style={{ marginInlineStart: `${Math.min(unit.depth - 1, 4)}rem` }}>
              <EditableRow
                className="space-y-3 rounded border border-slate-300 bg-white p-3"
                legend={`Đơn vị cấp ${unit.depth}: ${unit.name}`}
                edit={{
                  action: updateUnit,
                  done: 'Đã lưu đơn vị.',
                  label: `Sửa đơn vị ${unit.name}`,
                  hidden: { unitId: unit.id, version: unit.version },
                  fields: (errors) => <UnitFields prefix={prefix} errors={errors} unit={unit} />,
                }}
                buttons={[
                  ...moveButtons({
                    prefix,
                    name: `đơn vị ${unit.name}`,
                    action: reorderUnit,
                    input: (direction) => ({ unitId: unit.id, direction }),
                    index,
                    count: siblings.length,
                  }),
                  {
                    id: `${prefix}-xoa`,
                    text: 'Xóa',
                    label: `Xóa đơn vị ${unit.name}`,
                    action: deleteUnit,
                    input: { unitId: unit.id },
                    done: 'Đã xóa đơn vị.',
                    confirm: `Xóa đơn vị “${unit.name}”?`,
                    danger: true,
                  },
                ]}
              >
                <ActionForm action={moveUnit} done="Đã chuyển đơn vị." label={`Chuyển đơn vị ${unit.name}`} className="space-y-2">
                  {(errors, pending) => (
                    <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
                      <input type="hidden" name="unitId" value={unit.id} />
                      <div className="grow">
                        <SelectField
                          id={`${prefix}-cap-tren`}
                          name="parentId"
                          label="Đơn vị cấp trên"
                          errors={errors}
                          defaultValue={unit.parentId ?? ''}
                        >
                          <option value="">Không (trực thuộc Sở)</option>
                          {unitOptions(units, subtreeIds(units, unit.id))}
                        </SelectField>
                      </div>
                      <SubmitButton pending={pending} secondary>
                        Chuyển
                      </SubmitButton>
                    </div>
                  )}
                </ActionForm>
              </EditableRow>
            </li>
          );
        })}
      </ol>
      <ActionForm
        action={createUnit}
        done="Đã thêm đơn vị."
        label="Thêm đơn vị"
        resetOnSuccess
        className="space-y-2 rounded border border-dashed border-slate-400 bg-white p-3"
      >
        {(errors, pending) => (
          <>
            <h3 className="font-bold">Thêm đơn vị</h3>
            <SelectField id="dv-moi-cap-tren" name="parentId" label="Đơn vị cấp trên" errors={errors} defaultValue="">
              <option value="">Không (trực thuộc Sở)</option>
              {unitOptions(units)}
            </SelectField>
            <UnitFields prefix="dv-moi" errors={errors} />
            <SubmitButton pending={pending}>Thêm đơn vị</SubmitButton>
          </>
        )}
      </ActionForm>
    </section>
  );
}

function PeopleSection({ units, people }: { units: Unit[]; people: Person[] }) {
  const tree = flattenTree(buildTree(units));
  return (
    <section aria-labelledby="can-bo" className="space-y-4">
      <h2 id="can-bo" className="text-lg font-bold text-brand-900">
        Cán bộ
      </h2>
      {tree.map((unit) => {
        const members = people.filter((p) => p.unitId === unit.id);
        if (members.length === 0) return null;
        return (
          <div key={unit.id} className="space-y-3">
            <h3 className="font-bold">{unit.name}</h3>
            <ol className="space-y-3">
              {members.map((person, index) => {
                const prefix = `cb-${person.id}`;
                return (
                  <li key={person.id}>
                    <EditableRow
                      className="space-y-3 rounded border border-slate-300 bg-white p-3"
                      legend={`Cán bộ: ${person.fullName}${person.disabled ? ' (đang ngừng hiển thị)' : ''}`}
                      edit={{
                        action: updatePerson,
                        done: 'Đã lưu thông tin cán bộ.',
                        label: `Sửa thông tin ${person.fullName}`,
                        hidden: { personId: person.id, version: person.version },
                        fields: (errors) => <PersonFields prefix={prefix} errors={errors} person={person} units={units} />,
                      }}
                      buttons={[
                        ...moveButtons({
                          prefix,
                          name: person.fullName,
                          action: reorderPerson,
                          input: (direction) => ({ personId: person.id, direction }),
                          index,
                          count: members.length,
                        }),
                        {
                          id: `${prefix}-an`,
                          text: person.disabled ? 'Hiển thị lại' : 'Ngừng hiển thị',
                          label: `${person.disabled ? 'Hiển thị lại' : 'Ngừng hiển thị'}: ${person.fullName}`,
                          action: setPersonDisabled,
                          input: { personId: person.id, disabled: !person.disabled },
                          done: person.disabled ? 'Đã hiển thị lại.' : 'Đã ngừng hiển thị.',
                        },
                      ]}
                    />
                  </li>
                );
              })}
            </ol>
          </div>
        );
      })}
      {units.length > 0 ? (
        <ActionForm
          action={createPerson}
          done="Đã thêm cán bộ."
          label="Thêm cán bộ"
          resetOnSuccess
          className="space-y-2 rounded border border-dashed border-slate-400 bg-white p-3"
        >
          {(errors, pending) => (
            <>
              <h3 className="font-bold">Thêm cán bộ</h3>
              <PersonFields prefix="cb-moi" errors={errors} units={units} />
              <SubmitButton pending={pending}>Thêm cán bộ</SubmitButton>
            </>
          )}
        </ActionForm>
      ) : (
        <p>Hãy thêm đơn vị trước, rồi thêm cán bộ vào đơn vị.</p>
      )}
    </section>
  );
}

export function PageForm({ page }: { page: AgencyPageData }) {
  const [html, setHtml] = useState(page.bodyHtml);
  const labelId = `trang-${page.key}-nhan`;
  return (
    <ActionForm
      action={saveAgencyPage}
      done="Đã lưu trang."
      label={`Sửa trang ${AGENCY_PAGE_TITLES[page.key]}`}
      className="space-y-2 rounded border border-slate-300 bg-white p-3"
    >
      {(errors, pending) => (
        <>
          <h3 id={labelId} className="font-bold">
            {AGENCY_PAGE_TITLES[page.key]}
          </h3>
          <input type="hidden" name="key" value={page.key} />
          <input type="hidden" name="version" value={page.version} />
          <input type="hidden" name="bodyHtml" value={html} />
          <RichTextEditor labelId={labelId} initialHtml={page.bodyHtml} onChange={setHtml} />
          <FieldError id={`trang-${page.key}-loi`} errors={errors.bodyHtml} />
          <SubmitButton pending={pending}>Lưu</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** /quan-tri/gioi-thieu: the units, the people and the rich-text pages, one form per change. */
export function AgencyEditor({ units, people, pages }: { units: Unit[]; people: Person[]; pages: AgencyPageData[] }) {
  return (
    <div className="space-y-8">
      <UnitsSection units={units} />
      <PeopleSection units={units} people={people} />
      <section aria-labelledby="cac-trang" className="space-y-4">
        <h2 id="cac-trang" className="text-lg font-bold text-brand-900">
          Các trang giới thiệu
        </h2>
        {pages.map((page) => (
          <PageForm key={page.key} page={page} />
        ))}
      </section>
    </div>
  );
}
