/**
 * The one error type of the portal. A refusal has a code; the code knows its HTTP status and its
 * Vietnamese message, which a caller may make more precise (and add the message beside each form
 * field). Server actions turn it into an `ActionFailure`, route handlers into a JSON response with
 * its status, pages into their 404 or 403. Pure: usable on both sides of the network.
 */

export type FieldErrors = Record<string, string[]>;
export type ActionFailure = { ok: false; error: string; fieldErrors?: FieldErrors; conflict?: boolean };
export type ActionResult<T extends object = object> = ({ ok: true } & T) | ActionFailure;

export const ERRORS = {
  unauthenticated: { status: 401, message: 'Bạn cần đăng nhập để làm việc này.' },
  forbidden: { status: 403, message: 'Bạn không có quyền làm việc này.' },
  foreignOrigin: { status: 403, message: 'Yêu cầu không đến từ trang của cổng thông tin.' },
  invalid: { status: 400, message: 'Thông tin chưa hợp lệ, vui lòng kiểm tra các ô được đánh dấu.' },
  notFound: { status: 404, message: 'Không tìm thấy nội dung này.' },
  /** Two people saved the same object: the second keeps their text (the form shows it still). */
  conflict: {
    status: 409,
    message:
      'Bài viết đã được người khác sửa trong lúc bạn soạn. Nội dung của bạn vẫn còn trên màn hình: hãy sao chép lại, tải lại bài rồi sửa tiếp.',
  },
  /** A valid request that a rule of the portal refuses; the caller always says which rule. */
  rejected: { status: 422, message: 'Không thực hiện được thao tác này.' },
  tooLarge: { status: 413, message: 'Tệp quá lớn.' },
  unsupportedType: { status: 415, message: 'Loại tệp này không được nhận.' },
  tooManyRequests: { status: 429, message: 'Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.' },
  unavailable: { status: 503, message: 'Dịch vụ tạm thời gián đoạn. Vui lòng thử lại sau.' },
  failed: { status: 500, message: 'Đã có lỗi, chưa lưu được. Vui lòng thử lại.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly status: number;
  readonly fieldErrors?: FieldErrors;

  constructor(
    readonly code: ErrorCode,
    options: { message?: string; fieldErrors?: FieldErrors } = {},
  ) {
    super(options.message ?? ERRORS[code].message);
    this.name = 'AppError';
    this.status = ERRORS[code].status;
    this.fieldErrors = options.fieldErrors;
  }

  toResult(): ActionFailure {
    return {
      ok: false,
      error: this.message,
      ...(this.fieldErrors ? { fieldErrors: this.fieldErrors } : {}),
      ...(this.code === 'conflict' ? { conflict: true } : {}),
    };
  }

  /** The JSON answer of a route handler: `{ ok: false, error, fieldErrors? }` with the code's status. */
  toResponse(): Response {
    return Response.json(this.toResult(), { status: this.status, headers: { 'Cache-Control': 'no-store' } });
  }
}

/** Any thrown value as an AppError: ours as it is, anything else as `failed` (never its text). */
export function toAppError(error: unknown): AppError {
  return error instanceof AppError ? error : new AppError('failed');
}
