/**
 * Number formats that read the Vietnamese way (2.667; 30/06/2021; 52,67%) whatever the regional
 * setting of the PC opening the file. Excel and LibreOffice show "," "." and "/" in a format code
 * with the PC's own separators, so an English-set PC showed "2,667" and "115.06%" in tables whose
 * sentences say 2.667 and 52,67%. Literal separators do not change with the PC (docs/decisions.md,
 * "Vietnamese numbers whatever the PC"):
 * - whole numbers keep their value, and a format puts a literal "." between thousands. A format
 *   has at most two conditions, so it holds three windows of sizes: VI_COUNT_FORMAT's groups
 *   numbers up to 999.999.999, which counts of people never pass; a number from a billion on (money
 *   totals reach trillions of đồng) takes the same three windows moved up to its own size, and a
 *   negative number a format of its own size (`viCountFormat`). A formula's total takes the format
 *   of its stored result (the planner, after formulaResults.ts);
 * - a rate or decimal has no such format (a decimal point is always the PC's), so it is written as
 *   the text a Vietnamese reader writes, right-aligned; a rate over a table's totals is a formula
 *   giving that same text (`viPercentFormula`).
 */

export const VI_COUNT_FORMAT = '[>=1000000]#"."###"."##0;[>=1000]#"."##0;0';

/** Digits with `groups` literal "." between thousands (`#"."##0` for one); 0 groups is `0`. */
function grouped(groups: number): string {
  return groups <= 0 ? '0' : '#' + '"."###'.repeat(groups - 1) + '"."##0';
}

/**
 * The format of a whole number. From 0 to 999.999.999 it is VI_COUNT_FORMAT, which follows the
 * value as it is edited. A larger number takes VI_COUNT_FORMAT's three windows moved up to its own
 * size, g being its groups of thousands: g groups from 10^(3g) on, g − 1 from 10^(3(g − 1)), g − 2
 * below (2.422.500.000 takes `[>=1000000000]#"."###"."###"."##0;[>=1000000]#"."###"."##0;#"."##0`),
 * so that it still reads right when edited a little either way. A negative number takes the groups
 * of its own size in a format of one section, as LibreOffice drops the minus of a number that falls
 * to a format's last, unconditioned section (seen: −1.234 shown as "1234"); a single section shows
 * Excel's and LibreOffice's own minus.
 */
export function viCountFormat(value: number): string {
  if (value < 0) {
    const digits = String(Math.round(-value)).length;
    return '0' + '"."000'.repeat(Math.floor((digits - 1) / 3));
  }
  if (!(value >= 1e9 && Number.isFinite(value))) return VI_COUNT_FORMAT;
  // The windows are chosen by the value itself, as the format's conditions test it.
  let g = 3;
  while (value >= 1000 ** (g + 1)) g++;
  // The bounds written out in digits: a number's own text turns to "1e+21" from there on.
  const from = (groups: number) => `[>=1${'000'.repeat(groups)}]`;
  return `${from(g)}${grouped(g)};${from(g - 1)}${grouped(g - 1)};${grouped(g - 2)}`;
}

/** Day, month and year with a literal "/", which a plain "/" is not in every Excel (it is the PC's date separator). */
export const VI_DATE_FORMAT = 'dd\\/mm\\/yyyy';

/**
 * A rate as Vietnamese text, "52,67%", or empty when the denominator is 0: FIXED gives the number
 * with the PC's decimal mark, and SUBSTITUTE makes an English point a comma (a Vietnamese PC's comma
 * stays). `numerator` and `denominator` are A1 references.
 */
export function viPercentFormula(numerator: string, denominator: string): string {
  return `=IF(${denominator}=0,"",SUBSTITUTE(FIXED(${numerator}/${denominator}*100,2,TRUE),".",",")&"%")`;
}
