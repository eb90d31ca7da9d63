//! The world map the bundle carries: `data/map.tsv`, which `cargo xtask map`
//! generates from npm `world-atlas` (Natural Earth 110m, Equal Earth
//! projection), read with only the countries the corpus mentions as dots.

/// Reads `data/map.tsv` into the model the app embeds, with dots only for
/// the countries in `wanted` (the corpus's), since the rest are never drawn.
pub fn read_map(tsv: &str, wanted: &std::collections::BTreeSet<&str>) -> orrery_core::model::WorldMap {
    let mut map = orrery_core::model::WorldMap::default();
    for line in tsv.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        match fields.as_slice() {
            ["H", width, height] => {
                map.width = width.parse().unwrap_or(1000);
                map.height = height.parse().unwrap_or(500);
            }
            ["S", code, path] => {
                map.shapes.push(orrery_core::model::MapShape { code: code.to_string(), path: path.to_string() })
            }
            ["D", code, x, y] if wanted.contains(code) => map.dots.push(orrery_core::model::MapDot {
                code: code.to_string(),
                x: x.parse().unwrap_or(0),
                y: y.parse().unwrap_or(0),
            }),
            _ => {}
        }
    }
    map
}

/// The vendored map data.
pub const MAP_TSV: &str = include_str!("../data/map.tsv");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vendored_map_covers_every_gazetteer_country_as_a_shape_or_a_dot() {
        let g = crate::gazetteer::gazetteer();
        let mut shapes = std::collections::BTreeSet::new();
        let mut dots = std::collections::BTreeSet::new();
        for line in MAP_TSV.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            match fields.as_slice() {
                ["S", code, path] => {
                    assert!(g.countries.contains_key(*code), "unknown shape {code}");
                    assert!(path.starts_with('M') && path.ends_with('z'));
                    shapes.insert(code.to_string());
                }
                ["D", code, ..] => {
                    dots.insert(code.to_string());
                }
                _ => {}
            }
        }
        assert!(shapes.len() >= 170, "{} shapes", shapes.len());
        for code in g.countries.keys() {
            assert!(shapes.contains(code) ^ dots.contains(code), "{code} is neither a shape nor a dot, or both");
        }
        // The small states of the issue are dots.
        for code in ["SG", "MT", "BH", "MV"] {
            assert!(dots.contains(code), "{code}");
        }
        for code in ["CN", "VE", "AT", "FJ", "RU", "XK"] {
            assert!(shapes.contains(code), "{code}");
        }
    }

    #[test]
    fn read_map_keeps_dots_only_for_wanted_countries() {
        let wanted: std::collections::BTreeSet<&str> = ["SG", "CN"].into_iter().collect();
        let map = read_map(MAP_TSV, &wanted);
        assert_eq!(map.dots.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(), ["SG"]);
        assert_eq!((map.width, map.height), (1000, 487));
    }
}
