/**
 * Numbers as Russian writes them, for the server's texts and the sidebars alike: a decimal comma,
 * a real minus sign (U+2212), no trailing zeros.
 */
export function decimal(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = n
    .toFixed(digits)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
  return (fixed === '-0' ? '0' : fixed).replace('.', ',').replace('-', '−');
}

/** A change with its sign: «+2,5», «−3», «0». */
export function signed(n: number, digits = 2): string {
  const text = decimal(n, digits);
  return n > 0 && text !== '0' ? `+${text}` : text;
}
