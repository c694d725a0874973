/**
 * ALADI agreement acronyms (`AgreementAcronym`, the XSD's `Acronyms` list) mapped to the dataset's
 * agreement codes. `Ann` is the Economic Complementation Agreement (Acuerdo de Complementación
 * Económica) number nn: `A14` -> `ACE14`, as COD agreement names write it ("ACE14 (Brasil)").
 * `Rnn` is ALADI regional agreement number nn (`R04` -> `AR4`, the regional tariff preference).
 * The XSD's other acronyms (H29, H38, G01, G02, T06, T07, CA1) have no published expansion we can
 * rely on: they are reported unmapped instead of being given an invented code.
 */

/** The acronym list of COD schema 4.1.0 that follows the `Ann` / `Rnn` numbering. */
const numbered = [
  'R01', 'R02', 'R03', 'R04', 'R07',
  'A02', 'A06', 'A08', 'A13', 'A14', 'A18', 'A22', 'A23', 'A24', 'A33', 'A35', 'A36', 'A38', 'A40',
  'A42', 'A46', 'A47', 'A49', 'A50', 'A51', 'A53', 'A55', 'A57', 'A58', 'A59', 'A60', 'A62', 'A63',
  'A64', 'A65', 'A67', 'A68', 'A69', 'A72', 'A73', 'A74',
] as const;

/** Acronym -> dataset agreement code, one row per acronym. */
export const aladiAgreementCodes: ReadonlyMap<string, string> = new Map(
  numbered.map((a) => [a, `${a.startsWith('A') ? 'ACE' : 'AR'}${Number(a.slice(1))}`]),
);

/** The dataset agreement code of an acronym, or undefined when it is not in the table. */
export function agreementCode(acronym: string): string | undefined {
  return aladiAgreementCodes.get(acronym.trim().toUpperCase());
}
