/**
 * Numbers written the Vietnamese way (1.234,5; 12,50%), for messages and documents. Each formatter
 * is made on its first use: the first Intl.NumberFormat of a process loads ICU's locale data, about
 * 10 ms that a CLI run printing no number (a report as --json) would otherwise pay at start-up.
 */
function lazyFormat(options?: Intl.NumberFormatOptions): (n: number) => string {
  let format: Intl.NumberFormat | undefined;
  return (n) => (format ??= new Intl.NumberFormat('vi-VN', options)).format(n);
}

/** Up to three decimals, as Intl writes a number by default. */
export const viNumber = lazyFormat();
/** A whole count. */
export const viCount = lazyFormat({ maximumFractionDigits: 0 });
/** Up to two decimals. */
export const viDecimal = lazyFormat({ maximumFractionDigits: 2 });
/** A rate as a percentage with two decimals. */
export const viPercent = lazyFormat({ style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
