'use client';

import { createCategory, moveCategory, saveSiteSettings, updateCategory } from '@/app/(vi)/(staff)/quan-tri/cai-dat/actions';
import type { CategoryForAdmin } from '@/db/queries/categories';
import type { SiteInfo } from '@/db/settings-defaults';
import { formatNumber } from '@/lib/format-number';
import { ActionForm, moveButtons, RowButtons, SubmitButton, TextField } from './action-form';
import { FieldError, inputClass } from './form-field';

export function SiteSettingsForm({ site, offset, envOffset }: { site: SiteInfo; offset: number; envOffset: number | null }) {
  return (
    <ActionForm action={saveSiteSettings} done="Đã lưu cài đặt." label="Thông tin cơ quan" className="space-y-4">
      {(errors, pending) => (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField id="cd-ten" name="name" label="Tên cơ quan" required maxLength={200} errors={errors} defaultValue={site.name} />
            <TextField
              id="cd-ten-en"
              name="nameEn"
              label="Tên tiếng Anh (trang /en)"
              maxLength={200}
              errors={errors}
              defaultValue={site.nameEn}
            />
            <TextField
              id="cd-chu-quan"
              name="parentName"
              label="Cơ quan chủ quản"
              required
              maxLength={200}
              errors={errors}
              defaultValue={site.parentName}
            />
            <div className="sm:col-span-2">
              <TextField
                id="cd-dia-chi"
                name="address"
                label="Địa chỉ (để trống: chân trang không hiện dòng địa chỉ)"
                maxLength={300}
                errors={errors}
                defaultValue={site.address}
              />
            </div>
            <TextField
              id="cd-nguoi-chiu-trach-nhiem"
              name="responsiblePerson"
              label="Người chịu trách nhiệm (họ tên, chức vụ)"
              maxLength={200}
              errors={errors}
              defaultValue={site.responsiblePerson}
            />
            <TextField
              id="cd-giay-phep"
              name="licence"
              label="Giấy phép (số, ngày, cơ quan cấp)"
              maxLength={300}
              errors={errors}
              defaultValue={site.licence}
            />
            <TextField
              id="cd-dien-thoai"
              name="phone"
              label="Điện thoại"
              type="tel"
              inputMode="tel"
              errors={errors}
              defaultValue={site.phone}
              hint="Ví dụ: 0296 3xxx xxx"
            />
            <TextField id="cd-email" name="email" label="Email" type="email" errors={errors} defaultValue={site.email} />
          </div>
          <div>
            <label htmlFor="cd-mo-ta" className="block text-sm font-semibold">
              Mô tả (hiện trong kết quả tìm kiếm)
            </label>
            <textarea
              id="cd-mo-ta"
              name="description"
              rows={3}
              maxLength={500}
              defaultValue={site.description}
              aria-invalid={Boolean(errors.description)}
              aria-describedby={errors.description ? 'cd-mo-ta-loi' : undefined}
              className={inputClass}
            />
            <FieldError id="cd-mo-ta-loi" errors={errors.description} />
          </div>
          <div className="max-w-xs">
            <TextField
              id="cd-so-bat-dau"
              name="visitCounterOffset"
              label="Số bắt đầu của “Lượt truy cập”"
              inputMode="numeric"
              required
              errors={errors}
              defaultValue={offset}
              hint="Số lượt truy cập của trang cũ, cộng vào tổng. Số nguyên không âm."
            />
            {envOffset !== null && (
              <p className="mt-1 rounded bg-amber-50 p-2 text-sm text-amber-900">
                Máy chủ đang đặt biến VISIT_COUNTER_OFFSET = {formatNumber(envOffset)}: giá trị này được dùng thay cho số ở trên cho đến khi
                biến được bỏ.
              </p>
            )}
          </div>
          <SubmitButton pending={pending}>Lưu</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function CategoryMenuEditor({ categories }: { categories: CategoryForAdmin[] }) {
  return (
    <div className="space-y-4">
      <ol className="space-y-3">
        {categories.map((category, index) => {
          const prefix = `cm-${category.id}`;
          return (
            <li key={category.id}>
              <fieldset className="space-y-2 rounded border border-slate-200 p-3">
                <legend className="px-1 text-sm font-semibold">
                  {index + 1}. {category.name} <span className="font-normal text-slate-600">(/chuyen-muc/{category.slug})</span>
                </legend>
                <ActionForm
                  action={updateCategory}
                  done="Đã lưu chuyên mục."
                  label={`Sửa chuyên mục ${category.name}`}
                  className="space-y-2"
                >
                  {(errors, pending) => (
                    <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
                      <input type="hidden" name="categoryId" value={category.id} />
                      <div className="grow">
                        <TextField
                          id={`${prefix}-ten`}
                          name="name"
                          label="Tên chuyên mục"
                          required
                          maxLength={200}
                          errors={errors}
                          defaultValue={category.name}
                        />
                      </div>
                      <label className="flex items-center gap-2 py-2 text-sm">
                        <input type="checkbox" name="inMenu" value="true" defaultChecked={category.inMenu} className="h-5 w-5" />
                        Hiện trong menu
                      </label>
                      <SubmitButton pending={pending} secondary>
                        Lưu
                      </SubmitButton>
                    </div>
                  )}
                </ActionForm>
                <RowButtons
                  buttons={moveButtons({
                    prefix,
                    name: category.name,
                    action: moveCategory,
                    input: (direction) => ({ categoryId: category.id, direction }),
                    index,
                    count: categories.length,
                  })}
                />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <ActionForm
        action={createCategory}
        done="Đã thêm chuyên mục."
        label="Thêm chuyên mục"
        resetOnSuccess
        className="space-y-2 rounded border border-dashed border-slate-300 p-3"
      >
        {(errors, pending) => (
          <>
            <h3 className="text-sm font-bold">Thêm chuyên mục</h3>
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField id="cm-moi-ten" name="name" label="Tên chuyên mục mới" required maxLength={200} errors={errors} />
              <TextField
                id="cm-moi-duong-dan"
                name="slug"
                label="Đường dẫn (không bắt buộc)"
                maxLength={200}
                errors={errors}
                hint="Để trống để tạo từ tên, ví dụ “van-ban-moi”."
              />
            </div>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="inMenu" value="true" defaultChecked className="h-5 w-5" />
              Hiện trong menu
            </label>
            <SubmitButton pending={pending}>Thêm chuyên mục</SubmitButton>
          </>
        )}
      </ActionForm>
    </div>
  );
}
