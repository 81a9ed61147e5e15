'use client';

import { useState } from 'react';
import { RichTextEditor } from '@/components/editor/rich-text-editor';
import { ActionForm, type StaffAction, SubmitButton } from '@/components/staff/action-form';
import { FieldError, inputClass } from '@/components/staff/form-field';

type Question = { id: number; version: number; answerHtml: string; showFullName: boolean; published: boolean };

/** Phân công: a unit of the directory (editors and admins). */
export function AssignForm({
  question,
  units,
  currentUnitId,
  action,
}: {
  question: Question;
  units: { id: number; name: string }[];
  currentUnitId: number | null;
  action: StaffAction;
}) {
  return (
    <ActionForm action={action} done="Đã phân công." label="Phân công đơn vị trả lời" className="space-y-2">
      {(errors, pending) => (
        <>
          <input type="hidden" name="id" value={question.id} />
          <input type="hidden" name="version" value={question.version} />
          <label htmlFor="hd-don-vi" className="block text-sm font-semibold">
            Đơn vị trả lời
          </label>
          <select
            id="hd-don-vi"
            name="unitId"
            defaultValue={currentUnitId ?? ''}
            aria-invalid={Boolean(errors.unitId)}
            aria-describedby={errors.unitId ? 'hd-don-vi-loi' : undefined}
            className={inputClass}
          >
            <option value="">Chọn đơn vị</option>
            {units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
          <FieldError id="hd-don-vi-loi" errors={errors.unitId} />
          <SubmitButton pending={pending}>Phân công</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** Trả lời: the rich-text editor of the articles; the answer is sanitised on save. */
export function AnswerForm({ question, action }: { question: Question; action: StaffAction }) {
  const [html, setHtml] = useState(question.answerHtml);
  return (
    <ActionForm
      action={action}
      done="Đã lưu câu trả lời. Người hỏi xem được ngay bằng mã tra cứu."
      label="Trả lời câu hỏi"
      className="space-y-2"
    >
      {(errors, pending) => (
        <>
          <h3 id="hd-tra-loi-nhan" className="font-bold">
            Câu trả lời
          </h3>
          <input type="hidden" name="id" value={question.id} />
          <input type="hidden" name="version" value={question.version} />
          <input type="hidden" name="answerHtml" value={html} />
          <RichTextEditor labelId="hd-tra-loi-nhan" initialHtml={question.answerHtml} onChange={setHtml} />
          <FieldError id="hd-tra-loi-loi" errors={errors.answerHtml} />
          <SubmitButton pending={pending}>{question.answerHtml ? 'Lưu câu trả lời' : 'Gửi câu trả lời'}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** Công khai: the pair on /hoi-dap, the asker named as written or by initials. */
export function PublishForm({
  question,
  initials,
  fullName,
  action,
}: {
  question: Question;
  initials: string;
  fullName: string;
  action: StaffAction;
}) {
  return (
    <ActionForm
      action={action}
      done={question.published ? 'Đã cập nhật.' : 'Đã công khai trên trang Hỏi đáp.'}
      label="Công khai câu hỏi và câu trả lời"
      className="space-y-2"
    >
      {(errors, pending) => (
        <>
          <input type="hidden" name="id" value={question.id} />
          <input type="hidden" name="version" value={question.version} />
          <fieldset>
            <legend className="text-sm font-semibold">
              Tên người hỏi trên trang công khai (email và số điện thoại không bao giờ hiện)
            </legend>
            <div className="mt-1 flex items-center gap-2">
              <input
                id="hd-ten-viet-tat"
                type="radio"
                name="nameShown"
                value="initials"
                defaultChecked={!question.showFullName}
                className="size-5"
              />
              <label htmlFor="hd-ten-viet-tat">Viết tắt: {initials}</label>
            </div>
            <div className="mt-1 flex items-center gap-2">
              <input
                id="hd-ten-day-du"
                type="radio"
                name="nameShown"
                value="full"
                defaultChecked={question.showFullName}
                className="size-5"
              />
              <label htmlFor="hd-ten-day-du">Như người hỏi đã viết: {fullName}</label>
            </div>
          </fieldset>
          <FieldError id="hd-cong-khai-loi" errors={errors.nameShown} />
          <SubmitButton pending={pending}>{question.published ? 'Cập nhật cách hiện tên' : 'Công khai'}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function UnpublishForm({ question, action }: { question: Question; action: StaffAction }) {
  return (
    <ActionForm action={action} done="Đã gỡ khỏi trang Hỏi đáp." label="Gỡ câu hỏi khỏi trang Hỏi đáp">
      {(_errors, pending) => (
        <>
          <input type="hidden" name="id" value={question.id} />
          <input type="hidden" name="version" value={question.version} />
          <SubmitButton pending={pending} secondary>
            Gỡ khỏi trang Hỏi đáp
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** Không tiếp nhận: with the reason the person reads with their code. */
export function RefuseForm({ question, action }: { question: Question; action: StaffAction }) {
  return (
    <ActionForm action={action} done="Đã ghi Không tiếp nhận." label="Không tiếp nhận câu hỏi" className="space-y-2">
      {(errors, pending) => (
        <>
          <input type="hidden" name="id" value={question.id} />
          <input type="hidden" name="version" value={question.version} />
          <label htmlFor="hd-ly-do" className="block text-sm font-semibold">
            Lý do không tiếp nhận (người hỏi sẽ đọc được)
          </label>
          <textarea
            id="hd-ly-do"
            name="reason"
            rows={3}
            maxLength={2000}
            aria-invalid={Boolean(errors.reason)}
            aria-describedby={errors.reason ? 'hd-ly-do-loi' : undefined}
            className={inputClass}
          />
          <FieldError id="hd-ly-do-loi" errors={errors.reason} />
          <SubmitButton pending={pending} secondary>
            Không tiếp nhận
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
