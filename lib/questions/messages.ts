/** The same answer for a code that is wrong, malformed or unknown: nothing to learn by trying. */
export const UNKNOWN_CODE_MESSAGE =
  'Không tìm thấy câu hỏi nào với mã tra cứu này. Vui lòng kiểm tra lại mã (gồm 12 ký tự, ví dụ: 7K3M-Q9TX-2HPA).';
