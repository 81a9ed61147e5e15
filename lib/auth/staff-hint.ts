/**
 * A cookie readable by scripts that only says "this browser has logged in as staff". It holds no
 * secret and grants nothing: it only decides whether the public page downloads the staff toolbar,
 * which then asks the server (with the real, HttpOnly session) what this person may do.
 */
export const STAFF_HINT_COOKIE = 'staff';

export function setStaffHint(): void {
  document.cookie = `${STAFF_HINT_COOKIE}=1; path=/; max-age=${8 * 3600}; samesite=lax`;
}

export function clearStaffHint(): void {
  document.cookie = `${STAFF_HINT_COOKIE}=; path=/; max-age=0; samesite=lax`;
}
