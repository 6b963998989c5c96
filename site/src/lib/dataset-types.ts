// Generated from pipeline/sql/3_marts/*.yml by `npm run definitions`: edit the definitions, not this file.

/** Observations: one row per index, year, unit and measure (dist/data/observations.json). */
export interface Observation {
  index: 'par-index' | 'sipas' | 'papi' | 'pci';
  year: number;
  unit_set: 'legacy-64' | 'legacy-63' | 'merged-34';
  unit_id: string;
  unit_name_vi: string;
  unit_name_en: string;
  gso_code: string | null;
  gso_code_vintage: string | null;
  region: string | null;
  measure: string;
  value: number | null;
  rank: number | null;
  rank_of: number;
  rank_source: 'published' | 'computed' | null;
  computed_rank: number | null;
  units_scored: number;
  rank_change: number | null;
  published_rank_change: number | null;
  value_change: number | null;
  previous_year: number | null;
  change_note:
    | 'first-edition'
    | 'unit-set-change'
    | 'comparability-break'
    | 'not-in-previous-edition'
    | 'not-scored'
    | 'not-scored-in-previous-edition'
    | 'ranked-units-differ'
    | null;
  group: string | null;
  group_source: 'published' | 'computed' | null;
  status: 'published' | 'not-scored';
  status_note_vi: string | null;
  status_note_en: string | null;
  source_id: string;
  source_url: string;
  source_kind: 'official' | 'press' | 'secondary' | 'provincial' | null;
  raw_file: string;
  raw_sheet: string | null;
  raw_cell: string | null;
  raw_rank_cell: string | null;
  raw_change_cell: string | null;
}

/** Provincial units and the 2025 crosswalk (dist/data/units.json). */
export interface Unit {
  unit_id: string;
  era: 'legacy' | 'merged';
  unit_sets: string;
  name_vi: string;
  name_en: string;
  official_name_vi: string;
  type: string;
  gso_code: string | null;
  gso_code_vintage: string | null;
  iso_3166_2: string | null;
  region_id: string | null;
  region_vi: string | null;
  region_en: string | null;
  valid_from: string | null;
  valid_to: string | null;
  successor_id: string | null;
  aliases: string;
}

/** Codebook of measures (dist/data/measures.json). */
export interface MeasureScale {
  index: 'par-index' | 'sipas' | 'papi' | 'pci';
  measure: string;
  name_vi: string;
  name_en: string;
  unit: 'points' | 'percent';
  direction: string;
  from_year: number;
  to_year: number | null;
  scale_min: number;
  scale_max: number;
  is_headline: boolean;
  note_vi: string | null;
  note_en: string | null;
}

/** Editions (publications) with coverage (dist/data/editions.json). */
export interface Edition {
  index: 'par-index' | 'sipas' | 'papi' | 'pci';
  year: number;
  unit_set: 'legacy-64' | 'legacy-63' | 'merged-34';
  published: string;
  publisher: string;
  title_vi: string;
  title_en: string;
  methodology_vi: string;
  methodology_en: string;
  scale_vi: string;
  scale_en: string;
  universe_size: number;
  headline_scored: number;
  headline_not_scored: number;
  headline_published_ranks: number;
  headline_complete: boolean;
  complete_measures: string | null;
  observations: number;
  independent_figures_checked: number;
  independent_figures_agree: number;
  independent_figures_declared: number;
  not_published_vi: string | null;
  not_published_en: string | null;
  license_vi: string;
  license_en: string;
  notes_vi: string | null;
  notes_en: string | null;
  folder: string;
  source_urls: string;
}

/** Regional and national averages (dist/data/regional_averages.json). */
export interface RegionalAverage {
  index: 'par-index' | 'sipas' | 'papi' | 'pci';
  year: number;
  measure: string;
  area_id: string;
  area_name_vi: string | null;
  area_name_en: string | null;
  mean_value: number | null;
  units_scored: number | null;
  units: number | null;
  published_value: number | null;
  published_source_id: string | null;
  published_source_url: string | null;
  published_source_kind: 'official' | 'press' | 'secondary' | 'provincial' | null;
  published_tolerance: number | null;
}

/** Figures printed by other sources, beside the figure chiso publishes (dist/data/source_values.json). */
export interface SourceValue {
  index: 'par-index' | 'sipas' | 'papi' | 'pci';
  year: number;
  unit_id: string | null;
  unit_name_vi: string | null;
  area_id: string | null;
  measure: string;
  field: 'value' | 'rank' | 'rank_change' | 'group' | 'average';
  value: number | null;
  label: string | null;
  source_id: string;
  source_url: string | null;
  source_publisher_vi: string | null;
  source_publisher_en: string | null;
  source_kind: 'official' | 'press' | 'secondary' | 'provincial' | null;
  chiso_value: number | null;
  chiso_label: string | null;
  chiso_source_id: string | null;
  agrees: boolean | null;
  declared: string | null;
  declared_vi: string | null;
  raw_file: string;
  raw_cell: string | null;
  chiso_raw_file: string | null;
  chiso_raw_cell: string | null;
}

/** Data-quality report (dist/data/quality.json). */
export interface QualityRow {
  check: string;
  severity: 'warning' | 'error' | 'summary';
  index: 'par-index' | 'sipas' | 'papi' | 'pci';
  year: number;
  unit_id: string | null;
  measure: string | null;
  published: number | null;
  computed: number | null;
  message: string;
  message_vi: string | null;
  raw_file: string | null;
  raw_cell: string | null;
  units_checked: number | null;
  units_failed: number | null;
}
