/**
 * The free-text names CODs use for units, currencies and transport means, mapped to the dataset's
 * code lists (UN/ECE Rec 20, ISO 4217, UN/ECE Rec 19). Keys are upper case without accents
 * (see nameKey); Spanish and Portuguese spellings, singular and plural. A name not listed here is
 * reported unmapped rather than guessed.
 */
import { codeList } from '../../codelists/code-lists.js';
import { nameKey } from './value-conversions.js';

function table(rows: readonly (readonly [code: string, names: readonly string[]])[]): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const [code, names] of rows) for (const n of names) map.set(nameKey(n), code);
  return map;
}

/** Unit names -> UN/ECE Rec 20 common codes (only codes of the bundled Annex I list). */
export const unitNames = table([
  // Rec 20 "one" (C62) is the unit for counted articles; the Annex I list has no piece or pair code.
  ['C62', ['UNIDADES', 'UNIDAD', 'UNIDADE', 'UNID', 'UND', 'UNI', 'UN', 'U', 'PIEZAS', 'PIEZA', 'PEÇAS', 'PEÇA']],
  ['KGM', ['KILOGRAMOS', 'KILOGRAMO', 'KILOS', 'KILO', 'KG', 'KGS', 'QUILOGRAMAS', 'QUILOGRAMA', 'QUILOS', 'QUILO', 'KILOGRAMOS NETOS', 'KILOGRAMO NETO', 'KG NETO', 'PESO NETO KG']],
  ['GRM', ['GRAMOS', 'GRAMO', 'GRAMAS', 'GRAMA', 'GR', 'G']],
  ['TNE', ['TONELADAS', 'TONELADA', 'TONELADAS METRICAS', 'TONELADA METRICA', 'TN', 'TON', 'T']],
  ['LTR', ['LITROS', 'LITRO', 'LTS', 'LT', 'L']],
  ['MLT', ['MILILITROS', 'MILILITRO', 'ML']],
  ['MTR', ['METROS', 'METRO', 'MTS', 'M']],
  ['CMT', ['CENTIMETROS', 'CENTIMETRO', 'CM']],
  ['MMT', ['MILIMETROS', 'MILIMETRO', 'MM']],
  ['MTK', ['METROS CUADRADOS', 'METRO CUADRADO', 'METROS QUADRADOS', 'METRO QUADRADO', 'M2']],
  ['MTQ', ['METROS CUBICOS', 'METRO CUBICO', 'M3']],
  ['KWH', ['KILOVATIOS HORA', 'KILOVATIO HORA', 'QUILOWATTS HORA', 'QUILOWATT HORA', 'KWH']],
]);

/** Currency names -> ISO 4217 codes. */
export const currencyNames = table([
  ['USD', ['DOLARES ESTADOUNIDENSES', 'DOLAR ESTADOUNIDENSE', 'DOLARES AMERICANOS', 'DOLAR AMERICANO', 'DOLARES DE LOS ESTADOS UNIDOS', 'DOLARES DE LOS ESTADOS UNIDOS DE AMERICA', 'DOLARES EE.UU.', 'DOLARES USA', 'DOLARES', 'DOLARES NORTE-AMERICANOS', 'DOLARES NORTEAMERICANOS', 'US$', 'U$S', 'US DOLLAR', 'US DOLLARS']],
  ['EUR', ['EUROS', 'EURO']],
  ['ARS', ['PESOS ARGENTINOS', 'PESO ARGENTINO']],
  ['BRL', ['REALES', 'REAL', 'REAIS', 'REAL BRASILENO', 'REAIS BRASILEIROS']],
  ['UYU', ['PESOS URUGUAYOS', 'PESO URUGUAYO']],
  ['CLP', ['PESOS CHILENOS', 'PESO CHILENO']],
  ['MXN', ['PESOS MEXICANOS', 'PESO MEXICANO']],
  ['COP', ['PESOS COLOMBIANOS', 'PESO COLOMBIANO']],
  ['PYG', ['GUARANIES', 'GUARANI']],
  ['PEN', ['SOLES', 'SOL', 'NUEVOS SOLES']],
  ['BOB', ['BOLIVIANOS', 'BOLIVIANO']],
]);

/** Transport means names -> UN/ECE Rec 19 mode codes. "Terrestre" (road or rail) has no single code. */
export const transportModeNames = table([
  ['1', ['MARITIMO', 'MARITIMA', 'MARITIMO/FLUVIAL', 'VIA MARITIMA', 'BARCO', 'BUQUE', 'NAVIO', 'MARITIME', 'SEA']],
  ['2', ['FERROVIARIO', 'FERROVIARIA', 'FERROCARRIL', 'TREN', 'FERROVIA', 'RAIL']],
  ['3', ['CARRETERO', 'CARRETERA', 'RODOVIARIO', 'RODOVIARIA', 'CAMION', 'CAMINHAO', 'AUTOTRANSPORTE', 'ROAD']],
  ['4', ['AEREO', 'AEREA', 'VIA AEREA', 'AVION', 'AIR']],
  ['5', ['POSTAL', 'CORREO', 'CORREIO', 'COURIER', 'MAIL']],
  ['6', ['MULTIMODAL']],
  ['7', ['DUCTOS', 'DUCTO', 'OLEODUCTO', 'GASODUCTO', 'TUBERIA', 'INSTALACION FIJA']],
  ['8', ['FLUVIAL', 'LACUSTRE', 'HIDROVIA', 'VIA FLUVIAL', 'NAVEGACION INTERIOR']],
]);

/** A listed unit name, or a name that already is a Rec 20 code (`KGM`). */
export function unitCode(name: string): string | undefined {
  const key = nameKey(name);
  return unitNames.get(key) ?? (codeList('unece-rec20').codes.has(key) ? key : undefined);
}

/** A listed currency name, or a name that already is an ISO 4217 code (`USD`). */
export function currencyCode(name: string): string | undefined {
  const key = nameKey(name);
  return currencyNames.get(key) ?? (codeList('iso4217').codes.has(key) ? key : undefined);
}

/** A listed transport means name, or a Rec 19 digit. */
export function transportModeCode(name: string): string | undefined {
  const key = nameKey(name);
  return transportModeNames.get(key) ?? (codeList('unece-rec19').codes.has(key) ? key : undefined);
}
