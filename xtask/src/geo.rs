//! World map geometry, prepared at compile time: TopoJSON decoding, the
//! Equal Earth projection, splitting rings at the antimeridian, and compact
//! relative SVG paths. `cargo xtask map` runs it over npm `world-atlas`
//! (Natural Earth 110m) and writes `corpus/data/map.tsv`, which the bundle
//! writer reads (`corpus::map`).

use serde_json::Value;

/// Width of the projected map in SVG units; the height follows the projection.
pub const MAP_WIDTH: f64 = 1000.0;

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

/// Equal Earth (Šavrič, Patterson and Jenny, 2018) at unit radius: longitude
/// and latitude in degrees to x (east) and y (north).
pub fn equal_earth(lon: f64, lat: f64) -> (f64, f64) {
    let lambda = lon.to_radians();
    let phi = lat.clamp(-90.0, 90.0).to_radians();
    let theta = ((3f64).sqrt() / 2.0 * phi.sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x =
        2.0 * (3f64).sqrt() * lambda * theta.cos() / (3.0 * (9.0 * A4 * t6 * t2 + 7.0 * A3 * t6 + 3.0 * A2 * t2 + A1));
    let y = theta * (A4 * t6 * t2 + A3 * t6 + A2 * t2 + A1);
    (x, y)
}

/// The projected extent at unit radius: (half width, half height).
pub fn extent() -> (f64, f64) {
    (equal_earth(180.0, 0.0).0, equal_earth(0.0, 90.0).1)
}

/// Longitude and latitude to map coordinates, origin top left, `MAP_WIDTH` wide.
pub fn to_map(lon: f64, lat: f64) -> (f64, f64) {
    let (half_w, half_h) = extent();
    let scale = MAP_WIDTH / (2.0 * half_w);
    let (x, y) = equal_earth(lon, lat);
    ((x + half_w) * scale, (half_h - y) * scale)
}

pub fn map_height() -> f64 {
    let (half_w, half_h) = extent();
    (2.0 * half_h * MAP_WIDTH / (2.0 * half_w)).ceil()
}

pub type Ring = Vec<(f64, f64)>;

/// One country shape from the atlas.
#[derive(Clone, Debug, PartialEq)]
pub struct Feature {
    /// ISO 3166-1 numeric, where the atlas has one.
    pub id: Option<u16>,
    pub name: String,
    /// Polygons, each an outer ring and holes, in degrees.
    pub polygons: Vec<Vec<Ring>>,
}

/// Decodes the `countries` object of a world-atlas TopoJSON file.
pub fn decode_topojson(text: &str) -> Result<Vec<Feature>, String> {
    let topo: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let scale = pair(&topo["transform"]["scale"]).ok_or("no transform.scale")?;
    let translate = pair(&topo["transform"]["translate"]).ok_or("no transform.translate")?;
    let arcs: Vec<Ring> = topo["arcs"]
        .as_array()
        .ok_or("no arcs")?
        .iter()
        .map(|arc| {
            // Quantised and delta-encoded positions.
            let (mut x, mut y) = (0.0, 0.0);
            arc.as_array()
                .map(|points| {
                    points
                        .iter()
                        .filter_map(pair)
                        .map(|(dx, dy)| {
                            x += dx;
                            y += dy;
                            (x * scale.0 + translate.0, y * scale.1 + translate.1)
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect();
    let ring = |indexes: &Value| -> Ring {
        let mut out: Ring = Vec::new();
        for index in indexes.as_array().into_iter().flatten().filter_map(Value::as_i64) {
            let (arc, reversed) = if index < 0 { ((!index) as usize, true) } else { (index as usize, false) };
            let Some(points) = arcs.get(arc) else { continue };
            let mut points = points.clone();
            if reversed {
                points.reverse();
            }
            // Consecutive arcs share their joining point.
            let skip = usize::from(!out.is_empty());
            out.extend(points.into_iter().skip(skip));
        }
        out
    };
    let geometries = topo["objects"]["countries"]["geometries"].as_array().ok_or("no objects.countries")?;
    Ok(geometries
        .iter()
        .map(|g| {
            let polygons: Vec<Vec<Ring>> = match g["type"].as_str() {
                Some("Polygon") => vec![g["arcs"].as_array().into_iter().flatten().map(ring).collect()],
                Some("MultiPolygon") => g["arcs"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|p| p.as_array().into_iter().flatten().map(ring).collect())
                    .collect(),
                _ => Vec::new(),
            };
            Feature {
                id: g["id"].as_str().and_then(|id| id.parse().ok()),
                name: g["properties"]["name"].as_str().unwrap_or("").to_owned(),
                polygons,
            }
        })
        .collect())
}

fn pair(value: &Value) -> Option<(f64, f64)> {
    Some((value.get(0)?.as_f64()?, value.get(1)?.as_f64()?))
}

/// Splits a ring that crosses the antimeridian (a jump of more than 180° in
/// longitude between neighbours, as in Fiji and Russia) into rings that stay
/// on one side, so that no streak crosses the map. The ring is unwrapped to
/// continuous longitudes, then clipped to each side of ±180°.
pub fn split_antimeridian(ring: &Ring) -> Vec<Ring> {
    let crosses = ring.windows(2).any(|w| (w[1].0 - w[0].0).abs() > 180.0);
    if !crosses {
        return vec![ring.clone()];
    }
    let mut unwrapped: Ring = Vec::with_capacity(ring.len());
    let mut shift = 0.0;
    for (i, &(lon, lat)) in ring.iter().enumerate() {
        if i > 0 {
            let previous = ring[i - 1].0;
            if lon - previous > 180.0 {
                shift -= 360.0;
            } else if previous - lon > 180.0 {
                shift += 360.0;
            }
        }
        unwrapped.push((lon + shift, lat));
    }
    let (min, max) = unwrapped.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p.0), hi.max(p.0)));
    let mut out = Vec::new();
    // Each 360° window the unwrapped ring touches becomes one piece.
    let mut k = ((min + 180.0) / 360.0).floor() as i32;
    while (k as f64) * 360.0 - 180.0 < max {
        let low = k as f64 * 360.0 - 180.0;
        let piece = clip(&clip(&unwrapped, low, true), low + 360.0, false);
        if piece.len() >= 3 {
            out.push(piece.into_iter().map(|(lon, lat)| (lon - k as f64 * 360.0, lat)).collect());
        }
        k += 1;
    }
    out
}

/// Sutherland–Hodgman against one vertical line: keeps `lon >= at` when
/// `keep_east`, else `lon <= at`.
fn clip(ring: &Ring, at: f64, keep_east: bool) -> Ring {
    let inside = |p: &(f64, f64)| if keep_east { p.0 >= at } else { p.0 <= at };
    let mut out = Vec::new();
    for i in 0..ring.len() {
        let current = ring[i];
        let previous = ring[(i + ring.len() - 1) % ring.len()];
        let crossing = || {
            let t = (at - previous.0) / (current.0 - previous.0);
            (at, previous.1 + t * (current.1 - previous.1))
        };
        match (inside(&previous), inside(&current)) {
            (true, true) => out.push(current),
            (true, false) => out.push(crossing()),
            (false, true) => {
                out.push(crossing());
                out.push(current);
            }
            (false, false) => {}
        }
    }
    out
}

/// A compact SVG path of projected polygons: integer coordinates, relative
/// moves, repeated points dropped.
pub fn svg_path(polygons: &[Vec<Ring>]) -> String {
    let mut out = String::new();
    let mut cursor = (0i64, 0i64);
    for ring in polygons.iter().flatten().flat_map(split_antimeridian) {
        let projected: Vec<(f64, f64)> = ring.iter().map(|&(lon, lat)| to_map(lon, lat)).collect();
        let points: Vec<(i64, i64)> = simplify(&projected, SIMPLIFY_TOLERANCE)
            .iter()
            .map(|&(x, y)| (x.round() as i64, y.round() as i64))
            .collect();
        let mut deduped: Vec<(i64, i64)> = Vec::with_capacity(points.len());
        for p in points {
            if deduped.last() != Some(&p) {
                deduped.push(p);
            }
        }
        while deduped.len() > 1 && deduped.first() == deduped.last() {
            deduped.pop();
        }
        if deduped.len() < 3 {
            continue;
        }
        let start = deduped[0];
        out.push_str(&format!(
            "{}{}",
            if out.is_empty() { "M" } else { "m" },
            coords(start.0 - cursor.0, start.1 - cursor.1)
        ));
        let mut at = start;
        out.push('l');
        let mut first = true;
        for &p in &deduped[1..] {
            let text = coords(p.0 - at.0, p.1 - at.1);
            if !first && !text.starts_with('-') {
                out.push(' ');
            }
            out.push_str(&text);
            first = false;
            at = p;
        }
        out.push('z');
        // After z the current point is the ring's start.
        cursor = start;
    }
    out
}

/// Points closer than this (in map units) to the simplified outline are dropped.
pub const SIMPLIFY_TOLERANCE: f64 = 0.6;

/// Douglas–Peucker simplification of a closed ring, keeping its first point.
pub fn simplify(points: &[(f64, f64)], tolerance: f64) -> Vec<(f64, f64)> {
    if points.len() <= 4 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    let last = points.len() - 1;
    keep[last] = true;
    // A closed ring starts and ends at one point: split it at the farthest point.
    let far = (1..last)
        .max_by(|&a, &b| distance2(points[0], points[a]).total_cmp(&distance2(points[0], points[b])))
        .unwrap_or(last / 2);
    keep[far] = true;
    let mut stack = vec![(0, far), (far, last)];
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (index, distance) = (a + 1..b)
            .map(|i| (i, segment_distance(points[i], points[a], points[b])))
            .max_by(|x, y| x.1.total_cmp(&y.1))
            .unwrap_or((a, 0.0));
        if distance > tolerance {
            keep[index] = true;
            stack.push((a, index));
            stack.push((index, b));
        }
    }
    points.iter().zip(keep).filter(|(_, k)| *k).map(|(p, _)| *p).collect()
}

fn distance2(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)
}

fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let length2 = distance2(a, b);
    if length2 == 0.0 {
        return distance2(p, a).sqrt();
    }
    let t = (((p.0 - a.0) * (b.0 - a.0) + (p.1 - a.1) * (b.1 - a.1)) / length2).clamp(0.0, 1.0);
    distance2(p, (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1))).sqrt()
}

fn coords(dx: i64, dy: i64) -> String {
    if dy < 0 {
        format!("{dx}{dy}")
    } else {
        format!("{dx} {dy}")
    }
}

/// The atlas features joined to gazetteer countries: by ISO numeric code, and
/// by name for the few shapes without one (Kosovo). Shapes that match no ISO
/// country (Northern Cyprus, Somaliland) are returned apart.
pub fn join(features: Vec<Feature>) -> (Vec<(String, Feature)>, Vec<Feature>) {
    let g = corpus::gazetteer::gazetteer();
    let mut joined = Vec::new();
    let mut unjoined = Vec::new();
    for feature in features {
        let by_id = feature.id.and_then(|id| g.countries.values().find(|c| c.numeric == id));
        let by_name = || g.countries.values().find(|c| c.name == feature.name);
        match by_id.or_else(by_name) {
            Some(country) => joined.push((country.code.clone(), feature)),
            None => unjoined.push(feature),
        }
    }
    (joined, unjoined)
}

/// `data/map.tsv`: a shape line per joined country (`S code path`), a dot line
/// (`D code x y`) for every other gazetteer country, at its coordinates, and
/// comment lines naming the shapes no ISO country matches.
pub fn map_tsv(topojson: &str) -> Result<String, String> {
    let (joined, unjoined) = join(decode_topojson(topojson)?);
    let mut out = String::from(
        "# Generated by `cargo xtask map` from npm world-atlas 2.0.2 (countries-110m.json, Natural Earth, public domain;\n# world-atlas ISC). Equal Earth projection, 1000 units wide. Do not edit.\n",
    );
    out.push_str(&format!("H\t{}\t{}\n", MAP_WIDTH, map_height()));
    let mut shaped = std::collections::BTreeSet::new();
    let mut shapes: Vec<(String, String)> = Vec::new();
    for (code, feature) in joined {
        let path = svg_path(&feature.polygons);
        if path.is_empty() {
            continue;
        }
        shaped.insert(code.clone());
        match shapes.iter_mut().find(|(c, _)| *c == code) {
            // Each path starts with an absolute moveto, so two simply join.
            Some((_, existing)) => existing.push_str(&path),
            None => shapes.push((code, path)),
        }
    }
    shapes.sort();
    for (code, path) in shapes {
        out.push_str(&format!("S\t{code}\t{path}\n"));
    }
    for country in corpus::gazetteer::gazetteer().countries.values() {
        if !shaped.contains(&country.code) {
            let (x, y) = to_map(country.lng as f64, country.lat as f64);
            out.push_str(&format!("D\t{}\t{:.0}\t{:.0}\n", country.code, x, y));
        }
    }
    for feature in unjoined {
        out.push_str(&format!("# no ISO country for the shape \"{}\"\n", feature.name));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_earth_is_symmetric_and_bounded() {
        assert_eq!(equal_earth(0.0, 0.0), (0.0, 0.0));
        let (x, y) = equal_earth(180.0, 90.0);
        let (half_w, half_h) = extent();
        assert!((half_w - 2.7066).abs() < 1e-3, "{half_w}");
        assert!((half_h - 1.3173).abs() < 1e-3, "{half_h}");
        assert!(x.abs() < half_w && (y - half_h).abs() < 1e-9, "the pole is a line shorter than the equator");
        let (a, b) = equal_earth(-60.0, -30.0);
        let (c, d) = equal_earth(60.0, 30.0);
        assert!((a + c).abs() < 1e-12 && (b + d).abs() < 1e-12);
    }

    #[test]
    fn map_coordinates_fit_the_canvas() {
        for (lon, lat) in [(-180.0, 0.0), (180.0, 0.0), (0.0, 90.0), (0.0, -90.0), (13.4, 52.5)] {
            let (x, y) = to_map(lon, lat);
            assert!((0.0..=MAP_WIDTH).contains(&x) && (0.0..=map_height()).contains(&y), "{lon},{lat} → {x},{y}");
        }
        // Vienna is east of Paris and north of Rome.
        assert!(to_map(16.37, 48.21).0 > to_map(2.35, 48.86).0);
        assert!(to_map(16.37, 48.21).1 < to_map(12.5, 41.9).1);
    }

    #[test]
    fn rings_crossing_the_antimeridian_split_into_one_piece_per_side() {
        // A square from 170°E to 170°W (190°E), as Fiji's islands lie.
        let ring = vec![(170.0, -16.0), (-170.0, -16.0), (-170.0, -18.0), (170.0, -18.0)];
        let pieces = split_antimeridian(&ring);
        assert_eq!(pieces.len(), 2);
        for piece in &pieces {
            assert!(piece.windows(2).all(|w| (w[1].0 - w[0].0).abs() <= 180.0), "{piece:?}");
            let (lo, hi) = piece.iter().fold((f64::MAX, f64::MIN), |(l, h), p| (l.min(p.0), h.max(p.0)));
            assert!((lo >= 170.0 && hi <= 180.0) || (lo >= -180.0 && hi <= -170.0), "{piece:?}");
        }
    }

    #[test]
    fn rings_that_do_not_cross_are_unchanged() {
        let ring = vec![(10.0, 10.0), (20.0, 10.0), (20.0, 20.0)];
        assert_eq!(split_antimeridian(&ring), vec![ring]);
    }

    #[test]
    fn simplification_drops_collinear_points_and_keeps_corners() {
        let ring = vec![(0.0, 0.0), (5.0, 0.1), (10.0, 0.0), (10.0, 10.0), (5.0, 10.0), (0.0, 10.0), (0.0, 0.0)];
        let simple = simplify(&ring, 0.6);
        assert_eq!(simple, vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)]);
    }

    #[test]
    fn paths_are_relative_and_closed() {
        let square = vec![vec![vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]]];
        let path = svg_path(&square);
        assert!(path.starts_with('M') && path.ends_with('z'), "{path}");
        assert!(path.contains('l') && !path.contains('L'), "{path}");
        assert_eq!(path.matches('z').count(), 1);
    }

    #[test]
    fn decodes_quantised_delta_encoded_arcs() {
        let topo = r#"{"type":"Topology","transform":{"scale":[1,1],"translate":[0,0]},
            "arcs":[[[0,0],[10,0],[0,10]],[[10,10],[-10,0],[0,-10]]],
            "objects":{"countries":{"type":"GeometryCollection","geometries":[
              {"type":"Polygon","arcs":[[0,1]],"id":"040","properties":{"name":"Austria"}},
              {"type":"Polygon","arcs":[[-2,-1]],"properties":{"name":"Kosovo"}}]}}}"#;
        let features = decode_topojson(topo).unwrap();
        assert_eq!(features[0].id, Some(40));
        assert_eq!(features[0].polygons[0][0], vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)]);
        assert_eq!((features[1].id, features[1].name.as_str()), (None, "Kosovo"));
        assert_eq!(features[1].polygons[0][0].len(), 5);
    }
}
