'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import {
  loadArticleForEditing,
  publishArticle,
  sendBackArticle,
  submitArticle,
  withdrawArticle,
  type EditorData,
} from '@/server/articles/actions';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { VietnameseValidation } from '@/components/ui/vietnamese-validation';
import { articleStatusLabel, isScheduled } from '@/lib/article-status';
import { formatDateTime } from '@/lib/format';
import { ArticleEditorForm } from './article-editor-form';
import { SendBackForm } from './send-back-form';
import { routes } from '@/lib/routes';

type Props = { articleId: number; contentId: string; startEditing?: boolean };

/** A change that the public sees at once is asked once, saying what will happen. */
type Confirmation = { title: string; text: string; confirm: string; run: () => void };

const buttonClass = 'rounded px-3 py-1.5 text-sm font-semibold disabled:opacity-60';

/**
 * What a staff member sees on an article: its status, "Chỉnh sửa", and the status changes they
 * are allowed. What is allowed comes from the server, which checks the session and the article.
 */
export function StaffToolbar({ articleId, contentId, startEditing = false }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const [data, setData] = useState<EditorData | null>(null);
  const [editing, setEditing] = useState(startEditing);
  const [message, setMessage] = useState('');
  const [pending, startTransition] = useTransition();
  const [sendingBack, setSendingBack] = useState(false);
  const [confirming, setConfirming] = useState<Confirmation | null>(null);

  useEffect(() => {
    let cancelled = false;
    void loadArticleForEditing({ id: articleId }).then((result) => {
      if (!cancelled && result.ok) setData(result);
    });
    return () => {
      cancelled = true;
    };
  }, [articleId]);

  // The page's own rendering of the article steps aside while the editor takes its place.
  useEffect(() => {
    const content = document.getElementById(contentId);
    if (content) content.hidden = editing;
    return () => {
      if (content) content.hidden = false;
    };
  }, [editing, contentId]);

  if (!data) return null;
  const { article, can, sendBack } = data;
  const scheduled = isScheduled(article);
  const publishesLater = article.publishedAt !== null && new Date(article.publishedAt).getTime() > Date.now();

  const afterChange = (next: EditorData['article'], done: string) => {
    setData({ ...data, article: next });
    setMessage(done);
    // The action's response already carries the re-rendered page (it revalidates this path); a
    // second refresh here could race it and show the previous version. A new address on the public
    // page (an editor changed the slug) is followed instead.
    if (pathname === routes.article(article.slug) && next.slug !== article.slug && next.status === 'published')
      router.replace(routes.article(next.slug));
    void loadArticleForEditing({ id: articleId }).then((result) => result.ok && setData(result));
  };

  const changeStatus = (action: typeof publishArticle, done: string) =>
    startTransition(async () => {
      const result = await action({ id: article.id, version: article.version });
      if (result.ok) afterChange(result.article, done);
      else setMessage(result.error);
    });

  return (
    <div className="mb-4 space-y-4 print:hidden">
      {/* The staff view of a public page has no staff layout: the editor's forms need it too. */}
      <VietnameseValidation />
      <section
        aria-label="Công cụ biên tập"
        className="flex flex-wrap items-center gap-2 rounded-lg border border-brand-100 bg-brand-50 p-2"
      >
        <span className="text-sm">
          Trạng thái: <strong>{articleStatusLabel(article)}</strong>
          {scheduled && article.publishedAt && <> (lúc {formatDateTime(new Date(article.publishedAt))})</>}
        </span>
        {!editing && (
          <button type="button" className={`${buttonClass} bg-brand-700 text-white`} onClick={() => setEditing(true)}>
            Chỉnh sửa
          </button>
        )}
        {!editing && can.submit && (
          <button
            type="button"
            disabled={pending}
            className={`${buttonClass} border border-brand-700 bg-white`}
            onClick={() => changeStatus(submitArticle, 'Đã gửi duyệt.')}
          >
            Gửi duyệt
          </button>
        )}
        {!editing && can.publish && (
          <button
            type="button"
            disabled={pending}
            className={`${buttonClass} bg-green-700 text-white`}
            onClick={() =>
              setConfirming({
                title: publishesLater ? 'Hẹn giờ xuất bản bài này?' : 'Xuất bản bài này?',
                text: publishesLater
                  ? `Bài sẽ tự hiện trên cổng thông tin lúc ${formatDateTime(new Date(article.publishedAt!))}, cho mọi người đọc.`
                  : 'Bài sẽ hiện ngay trên cổng thông tin, ở trang chủ và chuyên mục của bài, cho mọi người đọc.',
                confirm: publishesLater ? 'Hẹn giờ xuất bản' : 'Xuất bản',
                run: () => changeStatus(publishArticle, publishesLater ? 'Đã hẹn giờ xuất bản.' : 'Đã xuất bản.'),
              })
            }
          >
            {publishesLater ? 'Hẹn giờ xuất bản' : 'Xuất bản'}
          </button>
        )}
        {!editing && can.returnToDraft && !sendingBack && (
          <button
            type="button"
            disabled={pending}
            className={`${buttonClass} border border-slate-500 bg-white`}
            onClick={() => setSendingBack(true)}
          >
            Trả lại
          </button>
        )}
        {!editing && can.withdraw && (
          <button
            type="button"
            disabled={pending}
            className={`${buttonClass} bg-red-700 text-white`}
            onClick={() =>
              setConfirming({
                title: 'Gỡ bài này?',
                text: 'Bài sẽ không còn trên cổng thông tin: người đọc mở địa chỉ của bài sẽ gặp trang “không tìm thấy”. Bài chuyển sang “Đã gỡ” và có thể xuất bản lại sau.',
                confirm: 'Gỡ bài',
                run: () => changeStatus(withdrawArticle, 'Đã gỡ bài.'),
              })
            }
          >
            Gỡ bài
          </button>
        )}
        {!editing && (
          <Link href={routes.staff.articleHistory(article.id)} className={`${buttonClass} border border-slate-500 bg-white`}>
            Lịch sử
          </Link>
        )}
        <p role="status" aria-live="polite" className="text-sm font-semibold">
          {message}
        </p>
      </section>
      <ModalDialog open={confirming !== null} role="alertdialog" title={confirming?.title ?? ''} onClose={() => setConfirming(null)}>
        <p>{confirming?.text}</p>
        {/* "Hủy" first: the dialog focuses it, so Enter pressed out of habit changes nothing. */}
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className="rounded border border-slate-400 bg-white px-4 py-2 font-semibold"
            onClick={() => setConfirming(null)}
          >
            Hủy
          </button>
          <button
            type="button"
            className="rounded bg-brand-700 px-4 py-2 font-semibold text-white"
            onClick={() => {
              confirming?.run();
              setConfirming(null);
            }}
          >
            {confirming?.confirm}
          </button>
        </div>
      </ModalDialog>
      {sendingBack && can.returnToDraft && (
        <SendBackForm
          article={article}
          sendBack={sendBackArticle}
          onDone={(next) => {
            setSendingBack(false);
            afterChange(next, 'Đã trả lại bài cho tác giả.');
          }}
          onCancel={() => setSendingBack(false)}
        />
      )}
      {sendBack && (article.status === 'draft' || article.status === 'submitted') && (
        <section aria-label="Góp ý khi trả lại" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-semibold">
            {article.status === 'draft' ? 'Bài được trả lại' : 'Lần trả lại trước'}
            {sendBack.byName ? ` bởi ${sendBack.byName}` : ''} lúc {formatDateTime(new Date(sendBack.at))}:
          </p>
          <p className="mt-1 whitespace-pre-line">{sendBack.comment}</p>
        </section>
      )}
      {editing && (
        <ArticleEditorForm
          data={data}
          onSaved={(next) => {
            setEditing(false);
            afterChange(next, 'Đã lưu.');
          }}
          onCancel={() => setEditing(false)}
        />
      )}
    </div>
  );
}
