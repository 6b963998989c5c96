/**
 * Province boundaries for the maps, from raw/geo/ (copies of the reference collection's geo/ folder), simplified once
 * per build with topojson (shared borders stay shared) and joined to chiso unit ids:
 *   63 provinces (2008 – June 2025): geoBoundaries shapeISO = units.iso_3166_2; Côn Đảo is a second VN-43 feature
 *     and is merged into Bà Rịa – Vũng Tàu.
 *   34 units (from 1 July 2025): vnmap `code` = gso_code of the merged units.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import { merge } from 'topojson-client';
import { geoArea } from 'd3';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { geoDir, units } from './data';

export type UnitFeature = Feature<Geometry, { unit_id: string }>;
export type UnitFeatureCollection = FeatureCollection<Geometry, { unit_id: string }>;

/** Share of vertices kept, by weight; enough for a 300–400 px wide map. */
const KEEP = 0.12;

function readGeo(file: string): FeatureCollection<Geometry, Record<string, unknown>> {
  return JSON.parse(readFileSync(join(geoDir, file), 'utf8'));
}

/** Simplifies a collection and dissolves its features by unit id (one feature per unit). */
function simplifyByUnit(
  collection: FeatureCollection<Geometry, Record<string, unknown>>,
  unitOf: (props: Record<string, unknown>) => string | undefined,
): UnitFeatureCollection {
  const tagged = collection.features.map((f) => {
    const unit_id = unitOf(f.properties ?? {});
    if (!unit_id) throw new Error(`boundary feature without a unit: ${JSON.stringify(f.properties)}`);
    return { ...f, properties: { unit_id } };
  });
  type UnitsTopology = Topology<{ units: GeometryCollection<{ unit_id: string }> }>;
  const built = topology(
    { units: { type: 'FeatureCollection', features: tagged } as FeatureCollection },
    1e5,
  ) as unknown as UnitsTopology;
  const presimplified = presimplify(built as never) as unknown as UnitsTopology;
  const topo = simplify(presimplified as never, quantile(presimplified as never, KEEP)) as unknown as UnitsTopology;
  const geometries = topo.objects.units.geometries as { properties: { unit_id: string } }[];
  const ids = [...new Set(geometries.map((g) => g.properties.unit_id))];
  const features = ids.map((unit_id): UnitFeature => ({
    type: 'Feature',
    properties: { unit_id },
    geometry: merge(topo as never, geometries.filter((g) => g.properties.unit_id === unit_id) as never) as Geometry,
  }));
  return { type: 'FeatureCollection', features: features.map(rewindForD3) };
}

/** d3-geo wants exterior rings clockwise; GeoJSON files wind them the other way. A feature that covers more than
 * half the globe is wound wrongly: reverse its rings. */
function rewindForD3(feature: UnitFeature): UnitFeature {
  if (geoArea(feature) <= 2 * Math.PI) return feature;
  const g = feature.geometry;
  const reverse = (rings: number[][][]) => rings.map((ring) => [...ring].reverse());
  if (g.type === 'Polygon') return { ...feature, geometry: { type: 'Polygon', coordinates: reverse(g.coordinates) } };
  if (g.type === 'MultiPolygon')
    return { ...feature, geometry: { type: 'MultiPolygon', coordinates: g.coordinates.map(reverse) } };
  return feature;
}

let legacy: UnitFeatureCollection | undefined;
let merged: UnitFeatureCollection | undefined;

/** The 63 provinces of 2008 – June 2025. */
export function legacyBoundaries(): UnitFeatureCollection {
  if (!legacy) {
    const byIso = new Map(
      units.filter((u) => u.era === 'legacy' && u.iso_3166_2).map((u) => [u.iso_3166_2!, u.unit_id]),
    );
    legacy = simplifyByUnit(readGeo('geoBoundaries-VNM-ADM1_simplified.geojson'), (p) =>
      byIso.get(String(p.shapeISO).trim()),
    );
  }
  return legacy;
}

/** The 34 units from 1 July 2025. */
export function mergedBoundaries(): UnitFeatureCollection {
  if (!merged) {
    const byCode = new Map(units.filter((u) => u.era === 'merged' && u.gso_code).map((u) => [u.gso_code!, u.unit_id]));
    merged = simplifyByUnit(readGeo('vnmap-vietnam-provinces-34.geojson'), (p) =>
      byCode.get(String(p.code).padStart(2, '0')),
    );
  }
  return merged;
}

/** Boundaries for an edition's unit set: 63 (or 64 with Hà Tây, drawn inside Hà Nội) up to 2024, 34 from 2025. */
export function boundariesFor(unitSet: string): UnitFeatureCollection {
  return unitSet === 'merged-34' ? mergedBoundaries() : legacyBoundaries();
}
