'use client';

import { ActionForm, SubmitButton } from '@/components/staff/action-form';
import { FieldError, inputClass } from '@/components/staff/form-field';
import { removeCommentWindow, saveCommentWindow } from '@/server/documents/actions';

/**
 * The comment window of a draft for comment ("Góp ý dự thảo"): two instants typed in Vietnam time.
 * Saving it on a published document opens the "Góp ý" form on its page between them.
 */
export function ConsultationWindowForm({
  documentId,
  opensAt,
  closesAt,
}: {
  documentId: number;
  /** datetime-local values in Vietnam time, '' when the document takes no comments. */
  opensAt: string;
  closesAt: string;
}) {
  return (
    <div className="space-y-3">
      <ActionForm action={saveCommentWindow} done="Đã lưu thời gian góp ý." label="Thời gian lấy ý kiến góp ý" className="space-y-3">
        {(errors, pending) => (
          <>
            <input type="hidden" name="id" value={documentId} />
            <div className="grid gap-3 sm:grid-cols-2">
              {(
                [
                  ['opensAt', 'Bắt đầu góp ý', opensAt],
                  ['closesAt', 'Kết thúc góp ý', closesAt],
                ] as const
              ).map(([name, label, value]) => (
                <div key={name}>
                  <label htmlFor={`gop-y-${name}`} className="block text-sm font-semibold">
                    {label} (giờ Việt Nam)
                  </label>
                  <input
                    id={`gop-y-${name}`}
                    name={name}
                    type="datetime-local"
                    defaultValue={value}
                    aria-invalid={Boolean(errors[name])}
                    aria-describedby={errors[name] ? `gop-y-${name}-loi` : undefined}
                    className={inputClass}
                  />
                  <FieldError id={`gop-y-${name}-loi`} errors={errors[name]} />
                </div>
              ))}
            </div>
            <SubmitButton pending={pending}>{opensAt ? 'Lưu thời gian góp ý' : 'Lấy ý kiến góp ý'}</SubmitButton>
          </>
        )}
      </ActionForm>
      {opensAt && (
        <ActionForm action={removeCommentWindow} done="Văn bản không còn lấy ý kiến góp ý." label="Thôi lấy ý kiến góp ý">
          {(_errors, pending) => (
            <>
              <input type="hidden" name="id" value={documentId} />
              <SubmitButton pending={pending} secondary>
                Thôi lấy ý kiến góp ý
              </SubmitButton>
            </>
          )}
        </ActionForm>
      )}
    </div>
  );
}
