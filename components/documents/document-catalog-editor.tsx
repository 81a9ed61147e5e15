'use client';

import { createCatalogEntry, deleteCatalogEntry, renameCatalogEntry } from '@/app/(vi)/(staff)/quan-tri/van-ban/danh-muc/actions';
import { ActionForm, RowButtons, SubmitButton, TextField } from '@/components/staff/action-form';
import type { DocumentCatalogs } from '@/lib/documents/rules';

const LISTS = [
  { kind: 'type', key: 'types', title: 'Loại văn bản' },
  { kind: 'issuer', key: 'issuers', title: 'Cơ quan ban hành' },
  { kind: 'field', key: 'fields', title: 'Lĩnh vực' },
  { kind: 'signer', key: 'signers', title: 'Người ký' },
] as const;

/** The three lists a document is described with; one form per thing that changes. */
export function DocumentCatalogEditor({ catalogs }: { catalogs: DocumentCatalogs }) {
  return (
    <div className="space-y-6">
      {LISTS.map((list) => (
        <section key={list.kind} aria-labelledby={`dm-${list.kind}`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id={`dm-${list.kind}`} className="font-bold text-brand-900">
            {list.title}
          </h2>
          <ul className="divide-y divide-slate-200">
            {catalogs[list.key].map((entry) => (
              <li key={entry.id} className="flex flex-col gap-2 py-2 sm:flex-row sm:items-end sm:justify-between">
                <ActionForm action={renameCatalogEntry} done="Đã đổi tên." label={`Đổi tên ${entry.name}`} className="grow">
                  {(errors, pending) => (
                    <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
                      <input type="hidden" name="entryId" value={entry.id} />
                      <div className="grow">
                        <TextField
                          id={`dm-${entry.id}-ten`}
                          name="name"
                          label={`Tên (${list.title.toLowerCase()})`}
                          required
                          maxLength={200}
                          errors={errors}
                          defaultValue={entry.name}
                        />
                      </div>
                      <SubmitButton pending={pending} secondary>
                        Lưu<span className="sr-only"> tên {entry.name}</span>
                      </SubmitButton>
                    </div>
                  )}
                </ActionForm>
                <RowButtons
                  buttons={[
                    {
                      id: `dm-${entry.id}-xoa`,
                      text: 'Xóa',
                      label: `Xóa ${entry.name}`,
                      action: deleteCatalogEntry,
                      input: { entryId: entry.id },
                      done: 'Đã xóa.',
                      confirm: `Xóa “${entry.name}” khỏi danh mục?`,
                      danger: true,
                    },
                  ]}
                />
              </li>
            ))}
          </ul>
          <ActionForm action={createCatalogEntry} done="Đã thêm." label={`Thêm vào ${list.title.toLowerCase()}`} resetOnSuccess>
            {(errors, pending) => (
              <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
                <input type="hidden" name="kind" value={list.kind} />
                <div className="grow">
                  <TextField
                    id={`dm-moi-${list.kind}`}
                    name="name"
                    label={`Thêm ${list.title.toLowerCase()}`}
                    required
                    maxLength={200}
                    errors={errors}
                  />
                </div>
                <SubmitButton pending={pending}>Thêm</SubmitButton>
              </div>
            )}
          </ActionForm>
        </section>
      ))}
    </div>
  );
}
