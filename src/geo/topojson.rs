//! Decoding a TopoJSON topology of countries (as shipped by `world-atlas`) into a [`World`].

use serde::de::{self, Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::fmt;

use super::error::Error;

/// One country: its ISO 3166-1 numeric id and its shape in lon/lat degrees.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166-1 numeric code; 0 for shapes without one (e.g. Kosovo, N. Cyprus in Natural Earth).
    pub id: u16,
    /// `properties.name`, or "" when absent.
    pub name: String,
    /// Polygons → rings (outer first, then holes) → `[lon, lat]` points; rings are closed and
    /// have at least three distinct points (degenerate rings of the source are dropped).
    pub polygons: Vec<Vec<Vec<[f64; 2]>>>,
}

/// All countries of a topology.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct World {
    /// In the order of the topology.
    pub countries: Vec<Country>,
}

#[derive(Deserialize)]
struct Topology {
    #[serde(default)]
    transform: Option<Transform>,
    arcs: Vec<Vec<Position>>,
    objects: Objects,
}

/// The one object read, straight into its geometries; others (world-atlas also has `land`, as large
/// again) are skipped unparsed.
#[derive(Deserialize)]
struct Objects {
    countries: Option<Collection>,
}

/// An arc's position `[x, y, …]` read straight into two numbers (further ones, such as z, are skipped):
/// the arcs are most of a topology, and a JSON value per number took most of the page's start-up decoding.
pub(super) struct Position(pub [f64; 2]);

impl<'de> Deserialize<'de> for Position {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Position, D::Error> {
        struct Pair;
        impl<'de> Visitor<'de> for Pair {
            type Value = Position;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an arc position [x, y]")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Position, A::Error> {
                let mut number = || match seq.next_element::<f64>() {
                    Ok(Some(v)) => Ok(v),
                    _ => Err(de::Error::custom("an arc position is not [x, y] numbers")),
                };
                let (x, y) = (number()?, number()?);
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Position([x, y]))
            }
        }
        d.deserialize_seq(Pair)
    }
}

#[derive(Deserialize, Clone, Copy)]
pub(super) struct Transform {
    pub scale: [f64; 2],
    pub translate: [f64; 2],
}

#[derive(Deserialize)]
struct Collection {
    geometries: Vec<Geometry>,
}

#[derive(Deserialize)]
struct Geometry {
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    arcs: Value,
    #[serde(default)]
    id: Value,
    #[serde(default)]
    properties: Option<Properties>,
}

#[derive(Deserialize, Default)]
struct Properties {
    #[serde(default)]
    name: Option<String>,
}

impl World {
    /// Decodes `objects.countries` of a TopoJSON topology: arcs are delta-decoded and
    /// transformed when the topology is quantized, arcs with negative index (`!i`) reversed,
    /// and the point shared by consecutive arcs of a ring kept once; degenerate rings are dropped.
    /// Geometries of other types than Polygon/MultiPolygon (e.g. null) are skipped.
    ///
    /// ```
    /// let bytes = br#"{"type":"Topology","arcs":[[[0,0],[1,0],[1,1],[0,1],[0,0]]],
    ///   "objects":{"countries":{"type":"GeometryCollection","geometries":[
    ///     {"type":"Polygon","arcs":[[0]],"id":"398","properties":{"name":"Kazakhstan"}}]}}}"#;
    /// let world = roundabout::geo::World::from_topojson(bytes).unwrap();
    /// assert_eq!(world.countries[0].id, 398);
    /// assert_eq!(world.countries[0].polygons[0][0].len(), 5);
    /// ```
    pub fn from_topojson(bytes: &[u8]) -> Result<World, Error> {
        Topo::parse(bytes)?.world()
    }

    /// The country with this ISO numeric id.
    pub fn country(&self, id: u16) -> Option<&Country> {
        self.countries.iter().find(|c| c.id == id)
    }
}

/// A topology's countries before their rings are stitched: the arcs as stored (quantized deltas where
/// there is a transform) and each country's arc indices. The baked shapes ([`super::baked`]) hold the same.
pub(super) struct Topo {
    pub transform: Option<Transform>,
    pub arcs: Vec<Vec<Position>>,
    pub shapes: Vec<Shape>,
}

/// One country's geometry: polygons → rings → arc indices (negative: reversed).
pub(super) struct Shape {
    /// The geometry's index in `objects.countries.geometries`, which errors name.
    pub geometry: usize,
    pub id: u16,
    pub name: String,
    pub polygons: Vec<Vec<Vec<i64>>>,
}

impl Topo {
    /// Reads `objects.countries` of a TopoJSON topology; geometries of other types than Polygon and
    /// MultiPolygon are skipped.
    pub fn parse(bytes: &[u8]) -> Result<Topo, Error> {
        let topo: Topology = serde_json::from_slice(bytes)?;
        let collection = topo.objects.countries.ok_or_else(|| Error::MissingObject("countries".into()))?;
        let mut shapes = Vec::with_capacity(collection.geometries.len());
        for (geometry, g) in collection.geometries.into_iter().enumerate() {
            let name = g.properties.and_then(|p| p.name).unwrap_or_default();
            let kind = g.kind.unwrap_or_default();
            let bad = |reason: String| Error::BadArcs { geometry, name: name.clone(), kind: kind.clone(), reason };
            let polygons: Vec<Vec<Vec<i64>>> = match kind.as_str() {
                "Polygon" => vec![Vec::<Vec<i64>>::deserialize(&g.arcs).map_err(|e| bad(e.to_string()))?],
                "MultiPolygon" => Vec::<Vec<Vec<i64>>>::deserialize(&g.arcs).map_err(|e| bad(e.to_string()))?,
                _ => continue,
            };
            let id = parse_id(&g.id).ok_or_else(|| Error::BadId { geometry, name: name.clone(), found: g.id.to_string() })?;
            shapes.push(Shape { geometry, id, name, polygons });
        }
        Ok(Topo { transform: topo.transform, arcs: topo.arcs, shapes })
    }

    /// The countries: arcs delta-decoded and transformed, rings stitched from them (the point shared by
    /// consecutive arcs kept once) and closed, degenerate rings dropped.
    pub fn world(self) -> Result<World, Error> {
        let arcs = decode_arcs(&self.arcs, self.transform)?;
        let mut countries = Vec::with_capacity(self.shapes.len());
        for Shape { geometry, id, name, polygons } in self.shapes {
            let mut shape = Vec::with_capacity(polygons.len());
            for polygon in polygons {
                let mut rings = Vec::with_capacity(polygon.len());
                for (r, ring) in polygon.iter().enumerate() {
                    let mut pts = stitch(&arcs, ring).map_err(|arc| Error::ArcOutOfRange {
                        geometry,
                        name: name.clone(),
                        arc,
                        count: arcs.len(),
                    })?;
                    if let (Some(&first), Some(&last)) = (pts.first(), pts.last()) {
                        if first != last {
                            pts.push(first);
                        }
                    }
                    // Natural Earth has rings of one repeated point (e.g. North Korea at 110m).
                    if pts.len() >= 4 {
                        rings.push(pts);
                    } else if r == 0 {
                        break;
                    }
                }
                if !rings.is_empty() {
                    shape.push(rings);
                }
            }
            countries.push(Country { id, name, polygons: shape });
        }
        Ok(World { countries })
    }
}

/// ISO numeric id from `"398"` or `398`; absent ids become 0, anything else is `None`.
fn parse_id(v: &Value) -> Option<u16> {
    match v {
        Value::Null => Some(0),
        Value::String(s) => s.trim().parse().ok(),
        Value::Number(n) => n.as_u64().and_then(|n| u16::try_from(n).ok()),
        _ => None,
    }
}

fn decode_arcs(
    raw: &[Vec<Position>],
    transform: Option<Transform>,
) -> Result<Vec<Vec<[f64; 2]>>, Error> {
    let mut out = Vec::with_capacity(raw.len());
    for (a, arc) in raw.iter().enumerate() {
        let mut pts = Vec::with_capacity(arc.len());
        let (mut x, mut y) = (0.0, 0.0);
        for (i, &Position([px, py])) in arc.iter().enumerate() {
            let point = match transform {
                Some(t) => {
                    x += px;
                    y += py;
                    [
                        x * t.scale[0] + t.translate[0],
                        y * t.scale[1] + t.translate[1],
                    ]
                }
                None => [px, py],
            };
            // A huge scale or delta can overflow to infinity: no map can draw that.
            if !point.iter().all(|v| v.is_finite()) {
                return Err(Error::BadPosition { arc: a, position: i, found: format!("[{px},{py}], which decodes to {point:?}") });
            }
            pts.push(point);
        }
        out.push(pts);
    }
    Ok(out)
}

/// Joins arcs into one ring; `Err` carries the first arc index out of range.
fn stitch(arcs: &[Vec<[f64; 2]>], ring: &[i64]) -> Result<Vec<[f64; 2]>, i64> {
    let mut out: Vec<[f64; 2]> = Vec::new();
    for &index in ring {
        let (i, reversed) = if index < 0 {
            (!index, true)
        } else {
            (index, false)
        };
        let arc = usize::try_from(i)
            .ok()
            .and_then(|i| arcs.get(i))
            .ok_or(index)?;
        let mut push = |p: [f64; 2]| {
            if out.last() != Some(&p) {
                out.push(p);
            }
        };
        if reversed {
            arc.iter().rev().for_each(|&p| push(p));
        } else {
            arc.iter().for_each(|&p| push(p));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn reversed_arcs_and_joints() {
        let arcs = vec![
            vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0]],
            vec![[0.0, 0.0], [0.0, 1.0], [1.0, 1.0]],
        ];
        let ring = stitch(&arcs, &[0, !1]).unwrap_or_default();
        assert_eq!(
            ring,
            vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]
        );
        assert_eq!(stitch(&arcs, &[0, 5]), Err(5));
        assert_eq!(stitch(&arcs, &[-3]), Err(-3));
    }

    #[test]
    fn ids() {
        assert_eq!(parse_id(&Value::String("004".into())), Some(4));
        assert_eq!(parse_id(&Value::Null), Some(0));
        assert_eq!(parse_id(&Value::String("-99".into())), None);
        assert_eq!(parse_id(&serde_json::json!(417)), Some(417));
    }

    #[test]
    fn errors_name_geometry_and_arc() {
        let bytes = br#"{"arcs":[[[0,0],[1,1]]],"objects":{"countries":{"geometries":[
            {"type":"Polygon","arcs":[[0,7]],"id":"1","properties":{"name":"Nowhere"}}]}}}"#;
        let err = World::from_topojson(bytes)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("Nowhere") && err.contains("arc 7"), "{err}");
        let err = World::from_topojson(br#"{"arcs":[],"objects":{}}"#)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("countries"), "{err}");
        let bytes = br#"{"arcs":[[[0,"x"]]],"objects":{"countries":{"geometries":[]}}}"#;
        let err = World::from_topojson(bytes)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("an arc position is not [x, y] numbers at line 1 column 17"), "{err}");
    }
}
