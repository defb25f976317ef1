/**
 * Number formats that read the Vietnamese way (2.667; 30/06/2021; 52,67%) whatever the regional
 * setting of the PC opening the file. Excel and LibreOffice show "," "." and "/" in a format code
 * with the PC's own separators, so an English-set PC showed "2,667" and "115.06%" in tables whose
 * sentences say 2.667 and 52,67%. Literal separators do not change with the PC (docs/decisions.md,
 * "Vietnamese numbers whatever the PC"):
 * - whole numbers keep their value, and a format puts a literal "." between thousands. A format
 *   has at most two conditions, so the groups are written for up to 999.999.999 (a larger number
 *   shows its leading digits ungrouped); negative numbers are formatted by their size
 *   (`viCountFormat`);
 * - a rate or decimal has no such format (a decimal point is always the PC's), so it is written as
 *   the text a Vietnamese reader writes, right-aligned; a rate over a table's totals is a formula
 *   giving that same text (`viPercentFormula`).
 */

export const VI_COUNT_FORMAT = '[>=1000000]#"."###"."##0;[>=1000]#"."##0;0';

/**
 * The format of a whole number: VI_COUNT_FORMAT for 0 and above, which follows the value as it is
 * edited. A negative number takes the groups of its own size in a format of one section, as
 * LibreOffice drops the minus of a number that falls to a format's last, unconditioned section
 * (seen: −1.234 shown as "1234"); a single section shows Excel's and LibreOffice's own minus.
 */
export function viCountFormat(value: number): string {
  if (!(value < 0)) return VI_COUNT_FORMAT;
  const digits = String(Math.round(-value)).length;
  return '0' + '"."000'.repeat(Math.floor((digits - 1) / 3));
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
