// Its own module, importing nothing: the visitor widget on every public page uses it, and a module
// shared with the date formatters would bring them (and lib/time) into every public page's script.

/**
 * A whole number grouped as vi-VN writes it: 52623 → "52.623", -1234 → "-1.234". Not Intl: this
 * runs on every public page (the visitor widget), where Intl's first use is the costliest thing the
 * page's own script does; the unit test holds it equal to `Intl.NumberFormat('vi-VN')`.
 */
export function formatNumber(value: number): string {
  return Math.trunc(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
