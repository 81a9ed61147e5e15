'use client';

import { type RowButton, RowButtons } from '@/components/staff/action-form';
import type { StaffComment } from '@/db/queries/consultations';
import { COMMENT_STATUS_LABELS, type CommentStatus } from '@/lib/documents/consultation';
import { moderateComment } from '@/server/documents/actions';

const ACTIONS: { status: CommentStatus; text: string; done: string }[] = [
  { status: 'published', text: 'Đăng', done: 'Đã đăng góp ý.' },
  { status: 'hidden', text: 'Không đăng', done: 'Góp ý sẽ không được đăng.' },
  { status: 'pending', text: 'Chờ duyệt', done: 'Góp ý đã về chờ duyệt.' },
];

/** One comment's moderation buttons: every status but its current one. */
export function CommentModerationButtons({
  documentId,
  comment,
}: {
  documentId: number;
  comment: Pick<StaffComment, 'id' | 'name' | 'status'>;
}) {
  const buttons: RowButton[] = ACTIONS.filter((a) => a.status !== comment.status).map((a) => ({
    id: `gop-y-${comment.id}-${a.status}`,
    text: a.text,
    label: `${a.text}: góp ý số ${comment.id} của ${comment.name}`,
    action: moderateComment,
    input: { id: documentId, commentId: comment.id, status: a.status },
    done: a.done,
    danger: a.status === 'hidden',
  }));
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-sm">
        Trạng thái: <strong>{COMMENT_STATUS_LABELS[comment.status]}</strong>
      </span>
      <RowButtons buttons={buttons} />
    </div>
  );
}
