'use client';

import { ActionForm, SubmitButton, TextField } from '@/components/staff/action-form';
import { savePublicServicePortal } from '@/server/procedures/actions';

/** The provincial public-service portal's address, behind each procedure's "Nộp hồ sơ trực tuyến". */
export function PublicServicePortalForm({ url }: { url: string | null }) {
  return (
    <ActionForm action={savePublicServicePortal} done="Đã lưu địa chỉ." label="Địa chỉ cổng dịch vụ công">
      {(errors, pending) => (
        <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="grow">
            <TextField
              id="tt-cong-dvc-url"
              name="url"
              label="Địa chỉ cổng dịch vụ công của tỉnh"
              hint="Để trống: không hiện nút “Nộp hồ sơ trực tuyến”."
              errors={errors}
              defaultValue={url ?? ''}
              maxLength={500}
            />
          </div>
          <SubmitButton pending={pending}>Lưu</SubmitButton>
        </div>
      )}
    </ActionForm>
  );
}
