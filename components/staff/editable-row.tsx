'use client';

import type { FieldErrors } from '@/lib/errors';
import { ActionForm, type RowButton, RowButtons, type StaffAction, SubmitButton } from './action-form';

export type EditFormProps = {
  action: StaffAction;
  /** Said in the status region after a save. */
  done: string;
  /** The form's accessible name ("Sửa đơn vị Văn phòng Sở"). */
  label: string;
  /** What the action needs besides the fields: the row's id, the version the form was opened with. */
  hidden: Record<string, string | number>;
  fields: (errors: FieldErrors) => React.ReactNode;
  className?: string;
};

/** The form that saves one row of a staff list: its hidden keys, its fields and "Lưu". */
export function EditForm({ action, done, label, hidden, fields, className = 'space-y-2' }: EditFormProps) {
  return (
    <ActionForm action={action} done={done} label={label} className={className}>
      {(errors, pending) => (
        <>
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {fields(errors)}
          <SubmitButton pending={pending}>Lưu</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/**
 * One row of a staff list edited in place (a unit, a person, a sidebar entry): a fieldset named by
 * its legend, its edit form, anything else it offers (`children`), then its row buttons ("Lên",
 * "Xuống", "Xóa", …).
 */
export function EditableRow({
  legend,
  edit,
  buttons,
  className,
  children,
}: {
  legend: React.ReactNode;
  edit: EditFormProps;
  buttons: RowButton[];
  className: string;
  children?: React.ReactNode;
}) {
  return (
    <fieldset className={className}>
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      <EditForm {...edit} />
      {children}
      <RowButtons buttons={buttons} />
    </fieldset>
  );
}
