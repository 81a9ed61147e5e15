'use client';

import {
  createContactBlock,
  createContactEntry,
  deleteContactBlock,
  deleteContactEntry,
  moveContactBlock,
  moveContactEntry,
  renameContactBlock,
  updateContactEntry,
} from '@/app/(vi)/(staff)/quan-tri/lien-he/actions';
import type { ContactBlockWithEntries } from '@/db/queries/contacts';
import type { FieldErrors } from '@/lib/errors';
import { ActionForm, moveButtons, RowButtons, SubmitButton, TextField } from './action-form';
import { PhoneEmailFields } from './contact-fields';
import { EditableRow } from './editable-row';
import { FieldError, inputClass } from './form-field';

const PHONE_HINT = 'Một hoặc nhiều số, cách nhau bằng “ - ”, ví dụ: 02963.957.049 - 0378.247.247';

/** People and units an entry may point at, for the "Lấy từ danh bạ" choice. */
export type DirectoryChoice = { value: string; label: string };

function EntryFields({
  prefix,
  errors,
  entry,
  directory,
}: {
  prefix: string;
  errors: FieldErrors;
  entry?: ContactBlockWithEntries['entries'][number];
  directory: DirectoryChoice[];
}) {
  const source = entry?.personId ? `person:${entry.personId}` : entry?.unitId ? `unit:${entry.unitId}` : '';
  const linked = source !== '';
  const sourceId = `${prefix}-nguon`;
  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={sourceId} className="block text-sm font-semibold">
          Lấy từ danh bạ
        </label>
        <p id={`${sourceId}-goi-y`} className="text-xs text-slate-600">
          Chọn một người hoặc đơn vị: số điện thoại và email được lưu một lần trong danh bạ, sửa ở đây là sửa ở mọi nơi.
        </p>
        <select
          id={sourceId}
          name="source"
          defaultValue={source}
          aria-invalid={Boolean(errors.source)}
          aria-describedby={[`${sourceId}-goi-y`, errors.source ? `${sourceId}-loi` : null].filter(Boolean).join(' ')}
          className={inputClass}
        >
          <option value="">Không: liên hệ ngoài Sở (tự nhập)</option>
          {directory.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
        <FieldError id={`${sourceId}-loi`} errors={errors.source} />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          id={`${prefix}-ten`}
          name="name"
          label={linked ? 'Tên hiển thị (để trống: tên trong danh bạ)' : 'Tên'}
          required={!linked}
          maxLength={200}
          errors={errors}
          defaultValue={entry?.label}
        />
        <PhoneEmailFields
          prefix={prefix}
          errors={errors}
          phones={entry?.phones}
          email={entry?.email}
          hint={PHONE_HINT}
          phonesRequired={!linked}
        />
      </div>
    </div>
  );
}

/** The sidebar's contact blocks as an admin edits them: one form per thing that changes. */
export function ContactBlocksEditor({ blocks, directory }: { blocks: ContactBlockWithEntries[]; directory: DirectoryChoice[] }) {
  return (
    <div className="space-y-6">
      {blocks.map((block, blockIndex) => {
        const prefix = `khoi-${block.id}`;
        return (
          <section
            key={block.id}
            aria-labelledby={`${prefix}-tieu-de`}
            className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
          >
            <h2 id={`${prefix}-tieu-de`} className="font-bold text-brand-900">
              {block.title}
            </h2>
            <ActionForm action={renameContactBlock} done="Đã đổi tên khối." label={`Đổi tên khối ${block.title}`} className="space-y-2">
              {(errors, pending) => (
                <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
                  <input type="hidden" name="blockId" value={block.id} />
                  <div className="grow">
                    <TextField
                      id={`${prefix}-ten`}
                      name="title"
                      label="Tên khối"
                      required
                      maxLength={200}
                      errors={errors}
                      defaultValue={block.title}
                    />
                  </div>
                  <SubmitButton pending={pending} secondary>
                    Lưu tên khối
                  </SubmitButton>
                </div>
              )}
            </ActionForm>
            <RowButtons
              buttons={[
                ...moveButtons({
                  prefix,
                  name: `khối ${block.title}`,
                  action: moveContactBlock,
                  input: (direction) => ({ blockId: block.id, direction }),
                  index: blockIndex,
                  count: blocks.length,
                  done: { up: 'Đã chuyển khối lên.', down: 'Đã chuyển khối xuống.' },
                }),
                {
                  id: `${prefix}-xoa`,
                  text: 'Xóa khối',
                  label: `Xóa khối ${block.title}`,
                  action: deleteContactBlock,
                  input: { blockId: block.id },
                  done: 'Đã xóa khối.',
                  confirm: `Xóa khối “${block.title}” cùng ${block.entries.length} mục trong khối?`,
                  danger: true,
                },
              ]}
            />
            <ol className="space-y-4">
              {block.entries.map((entry, index) => {
                const entryPrefix = `muc-${entry.id}`;
                return (
                  <li key={entry.id}>
                    <EditableRow
                      className="space-y-2 rounded border border-slate-200 p-3"
                      legend={`Mục ${index + 1}: ${entry.name}${entry.hidden ? ' (người này đã ngừng hiển thị: mục không hiện ở cột bên)' : ''}`}
                      edit={{
                        action: updateContactEntry,
                        done: 'Đã lưu mục.',
                        label: `Sửa mục ${entry.name}`,
                        hidden: { entryId: entry.id },
                        fields: (errors) => <EntryFields prefix={entryPrefix} errors={errors} entry={entry} directory={directory} />,
                      }}
                      buttons={[
                        ...moveButtons({
                          prefix: entryPrefix,
                          name: entry.name,
                          action: moveContactEntry,
                          input: (direction) => ({ entryId: entry.id, direction }),
                          index,
                          count: block.entries.length,
                        }),
                        {
                          id: `${entryPrefix}-xoa`,
                          text: 'Xóa',
                          label: `Xóa: ${entry.name}`,
                          action: deleteContactEntry,
                          input: { entryId: entry.id },
                          done: 'Đã xóa mục.',
                          confirm: `Xóa “${entry.name}”?`,
                          danger: true,
                        },
                      ]}
                    />
                  </li>
                );
              })}
            </ol>
            <ActionForm
              action={createContactEntry}
              done="Đã thêm mục."
              label={`Thêm mục vào khối ${block.title}`}
              resetOnSuccess
              className="space-y-2 rounded border border-dashed border-slate-300 p-3"
            >
              {(errors, pending) => (
                <>
                  <h3 className="text-sm font-bold">Thêm mục vào khối này</h3>
                  <input type="hidden" name="blockId" value={block.id} />
                  <EntryFields prefix={`${prefix}-moi`} errors={errors} directory={directory} />
                  <SubmitButton pending={pending} secondary>
                    Thêm mục
                  </SubmitButton>
                </>
              )}
            </ActionForm>
          </section>
        );
      })}
      <section aria-labelledby="them-khoi" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="them-khoi" className="mb-2 font-bold text-brand-900">
          Thêm khối liên hệ
        </h2>
        <ActionForm action={createContactBlock} done="Đã thêm khối." label="Thêm khối liên hệ" resetOnSuccess className="space-y-2">
          {(errors, pending) => (
            <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
              <div className="grow">
                <TextField id="khoi-moi-ten" name="title" label="Tên khối mới" required maxLength={200} errors={errors} />
              </div>
              <SubmitButton pending={pending}>Thêm khối</SubmitButton>
            </div>
          )}
        </ActionForm>
      </section>
    </div>
  );
}
