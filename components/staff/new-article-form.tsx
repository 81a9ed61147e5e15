'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';
import { createArticle } from '@/server/articles/actions';
import type { FieldErrors } from '@/lib/errors';
import { buttonClass, FieldError, inputClass } from './form-field';
import { routes } from '@/lib/routes';

export function NewArticleForm({ categories }: { categories: { id: number; name: string }[] }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const result = await createArticle(new FormData(event.currentTarget));
    if (result.ok) {
      router.push(routes.staff.preview(result.id, { edit: true }));
      return;
    }
    setErrors(result.fieldErrors ?? {});
    setMessage(result.error);
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-[1fr_16rem_auto] sm:items-end">
      <div>
        <label htmlFor="bai-moi-tieu-de" className="block text-sm font-semibold">
          Tiêu đề
        </label>
        <input
          id="bai-moi-tieu-de"
          name="title"
          required
          aria-invalid={Boolean(errors.title)}
          aria-describedby={errors.title ? 'bai-moi-tieu-de-loi' : undefined}
          className={inputClass}
        />
        <FieldError id="bai-moi-tieu-de-loi" errors={errors.title} />
      </div>
      <div>
        <label htmlFor="bai-moi-chuyen-muc" className="block text-sm font-semibold">
          Chuyên mục
        </label>
        <select
          id="bai-moi-chuyen-muc"
          name="categoryId"
          className={inputClass}
          aria-describedby={errors.categoryId ? 'bai-moi-chuyen-muc-loi' : undefined}
        >
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </select>
        <FieldError id="bai-moi-chuyen-muc-loi" errors={errors.categoryId} />
      </div>
      <button type="submit" disabled={pending || !hydrated} className={buttonClass}>
        Viết bài mới
      </button>
      <p role="status" aria-live="polite" className="text-sm font-semibold text-red-700 sm:col-span-3">
        {message}
      </p>
    </form>
  );
}
