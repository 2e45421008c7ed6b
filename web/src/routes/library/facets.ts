import { FACET_FIELDS, facetValueLabel } from './labels.ts';
import type { LibrarySearch } from './search.ts';

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface FacetGroupData {
  name: (typeof FACET_FIELDS)[number]['param'];
  legend: string;
  values: FacetValue[];
  selected: string[];
}

/** Tools are written freely, so there can be many: the most used are enough to choose from. */
const MAX_TOOL_VALUES = 12;

function selectedFor(search: LibrarySearch, name: FacetGroupData['name']): string[] {
  if (name === 'network') return search.network ? [search.network] : [];
  // Tools match whatever their case; the API gives their values in lower case.
  if (name === 'tools') return search.tools.map((tool) => tool.toLowerCase());
  return [...search[name]];
}

/**
 * The filters to show, each with its values and counts. A value chosen but with no results now
 * is still shown (with 0), so it can be unticked.
 */
export function facetGroups(
  facets: ReadonlyArray<{ field: string; value: string; label: string; count: number }>,
  search: LibrarySearch,
): FacetGroupData[] {
  return FACET_FIELDS.map(({ field, param, legend }) => {
    const selected = selectedFor(search, param);
    let values = facets
      .filter((facet) => facet.field === field)
      .map((facet) => ({
        value: facet.value,
        label: facetValueLabel(field, facet.value, facet.label),
        count: facet.count,
      }));
    if (param === 'tools') {
      values = values.filter((entry, index) => index < MAX_TOOL_VALUES || selected.includes(entry.value));
    }
    for (const value of selected) {
      if (!values.some((entry) => entry.value === value)) {
        const label = param === 'network' ? 'The network you chose' : facetValueLabel(field, value, value);
        values.push({ value, label, count: 0 });
      }
    }
    return { name: param, legend, values, selected };
  });
}
