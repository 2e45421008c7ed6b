import { textField, type FormProblem } from '#lib/server/forms.ts';

/** The network details form, shared by starting a network and changing its details. */

/** In the order they appear on the page, so the error summary reads top to bottom. */
export const NETWORK_FIELDS = [
  'name',
  'purpose',
  'values',
  'codeOfConduct',
  'placeName',
  'region',
  'latitude',
  'longitude',
] as const;
export type NetworkField = (typeof NETWORK_FIELDS)[number];

export interface NetworkDetails {
  name: string;
  purpose: string;
  values: string;
  codeOfConduct: string;
  placeName: string;
  /** Blank: the API fills in the place's region. */
  region: string;
  /** Both null: the API puts the network at its town or city. */
  latitude: number | null;
  longitude: number | null;
}

/**
 * A coordinate typed into the form: null when blank, or an error for the field when it is not a
 * number. Its range and its other half are the API's to check, with the rest of the form.
 */
function coordinate(raw: string, field: 'latitude' | 'longitude'): number | null | string {
  const text = raw.trim();
  if (!text) return null;
  const value = Number(text);
  if (!Number.isFinite(value)) {
    const example = field === 'latitude' ? '53.3830' : '-1.4659';
    return `Enter the ${field} as a number of degrees, for example ${example}, or leave it blank.`;
  }
  return value;
}

const REQUIRED: ReadonlyArray<[NetworkField, string]> = [
  ['name', 'name'],
  ['placeName', 'place name'],
  ['purpose', 'purpose'],
  ['codeOfConduct', 'code of conduct'],
];

/**
 * The submitted details ready for the API, or the problem to show when the form cannot go to
 * the API at all (a coordinate is not a number). Then the empty required fields are named too,
 * so the person sees every problem at once; the API checks everything else.
 */
export function readNetworkForm(
  form: FormData,
): { details: NetworkDetails; values: Record<NetworkField, string> } | { problem: FormProblem<NetworkField> } {
  const values = Object.fromEntries(NETWORK_FIELDS.map((field) => [field, textField(form, field)])) as Record<
    NetworkField,
    string
  >;
  const latitude = coordinate(values.latitude, 'latitude');
  const longitude = coordinate(values.longitude, 'longitude');
  if (typeof latitude !== 'string' && typeof longitude !== 'string') {
    return { details: { ...values, latitude, longitude }, values };
  }
  const errors: Partial<Record<NetworkField, string>> = {};
  for (const [field, label] of REQUIRED) {
    if (!values[field].trim()) errors[field] = `Enter the network's ${label}.`;
  }
  if (typeof latitude === 'string') errors.latitude = latitude;
  if (typeof longitude === 'string') errors.longitude = longitude;
  const problem: FormProblem<NetworkField> = { values, errors: {} };
  for (const field of NETWORK_FIELDS) if (errors[field]) problem.errors[field] = errors[field];
  return { problem };
}
