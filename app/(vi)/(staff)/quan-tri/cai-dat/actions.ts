'use server';

import { z } from 'zod';
import { insertAuditEntry } from '@/db/queries/article-editing';
import { insertCategory, moveCategory as moveCategoryRow, updateCategory as updateCategoryRow } from '@/db/queries/categories';
import { saveSetting } from '@/db/queries/settings';
import { SETTING_KEYS, type SiteInfo } from '@/db/settings-defaults';
import { AppError } from '@/lib/errors';
import { defineSiteAction } from '@/server/site-action';
import { direction, optionalEmail, optionalPhone, optionalText, requiredText, rowId } from '@/lib/form-fields';
import { isValidSlug, slugify } from '@/lib/slug';

/**
 * Site settings and the category menu. Both show in the public layout (header, menu, footer,
 * visitor widget), so every change revalidates every public page.
 */

const offset = z.coerce
  .string({ error: 'Số bắt đầu phải là một số nguyên không âm.' })
  .trim()
  .regex(/^\d{1,15}$/, 'Số bắt đầu phải là một số nguyên không âm, không có dấu chấm (ví dụ 52623).')
  .transform(Number)
  .refine(Number.isSafeInteger, 'Số bắt đầu quá lớn.');

export const saveSiteSettings = defineSiteAction({
  schema: z.object({
    name: requiredText('tên cơ quan', 200),
    nameEn: optionalText('tên tiếng Anh', 200),
    parentName: requiredText('cơ quan chủ quản', 200),
    // Optional: the footer shows an address, a responsible person or a licence only once entered.
    address: optionalText('địa chỉ', 300),
    responsiblePerson: optionalText('người chịu trách nhiệm', 200),
    licence: optionalText('giấy phép', 300),
    phone: optionalPhone,
    email: optionalEmail,
    description: optionalText('mô tả', 500),
    visitCounterOffset: offset,
  }),
  async run({ user, input, tx }) {
    const { visitCounterOffset, ...site } = input;
    const siteInfo: SiteInfo = site;
    const before = await saveSetting({ db: tx, key: SETTING_KEYS.site, value: siteInfo });
    const offsetBefore = await saveSetting({ db: tx, key: SETTING_KEYS.visitCounterOffset, value: visitCounterOffset });
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'settings.update',
      objectType: 'settings',
      objectId: SETTING_KEYS.site,
      detail: { from: before, to: siteInfo },
    });
    if (Number(offsetBefore) !== visitCounterOffset) {
      await insertAuditEntry({
        db: tx,
        userId: user.id,
        action: 'settings.visit_counter_offset',
        objectType: 'settings',
        objectId: SETTING_KEYS.visitCounterOffset,
        detail: { from: offsetBefore, to: visitCounterOffset },
      });
    }
    return {};
  },
});

const categoryId = rowId('Thiếu chuyên mục.');
const categoryName = requiredText('tên chuyên mục', 200);
/** A checkbox: present ("on"/"true") when ticked, absent when not. */
const inMenu = z
  .union([z.boolean(), z.enum(['on', 'true', 'false'])], { error: 'Giá trị “Hiện trong menu” không hợp lệ.' })
  .optional()
  .transform((value) => value === true || value === 'on' || value === 'true');

export const createCategory = defineSiteAction({
  schema: z.object({
    name: categoryName,
    slug: z
      .string({ error: 'Đường dẫn không hợp lệ.' })
      .optional()
      .transform((value) => value?.trim() || undefined)
      .refine((value) => value === undefined || isValidSlug(value), 'Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang.'),
    inMenu,
  }),
  async run({ user, input, tx }) {
    const slug = input.slug ?? slugify(input.name);
    if (!slug)
      throw new AppError('invalid', { fieldErrors: { slug: ['Hãy nhập đường dẫn (chữ thường không dấu, số và dấu gạch ngang).'] } });
    const id = await insertCategory({ db: tx, name: input.name, slug, inMenu: input.inMenu });
    if (!id)
      throw new AppError('invalid', {
        fieldErrors: { slug: [`Đường dẫn “${slug}” đã được chuyên mục khác dùng. Hãy chọn đường dẫn khác.`] },
      });
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'category.create',
      objectType: 'category',
      objectId: String(id),
      detail: { name: input.name, slug, inMenu: input.inMenu },
    });
    return { id, slug };
  },
});

export const updateCategory = defineSiteAction({
  schema: z.object({ categoryId, name: categoryName, inMenu }),
  async run({ user, input, tx }) {
    const before = await updateCategoryRow({ db: tx, id: input.categoryId, name: input.name, inMenu: input.inMenu });
    if (!before) throw new AppError('notFound');
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'category.update',
      objectType: 'category',
      objectId: String(input.categoryId),
      detail: { from: before, to: { name: input.name, inMenu: input.inMenu } },
    });
    return {};
  },
});

export const moveCategory = defineSiteAction({
  schema: z.object({ categoryId, direction }),
  async run({ user, input, tx }) {
    if (!(await moveCategoryRow({ db: tx, id: input.categoryId, direction: input.direction }))) throw new AppError('notFound');
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'category.move',
      objectType: 'category',
      objectId: String(input.categoryId),
      detail: { direction: input.direction },
    });
    return {};
  },
});
