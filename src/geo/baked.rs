//! Country shapes baked when the site is built: a quantized TopoJSON topology's countries, their arcs and arc
//! indices as variable-length integers. The page reads them in a loop of a few lines where a JSON parse of
//! the topology took most of its start (bench/first-map.mjs); the shapes decode to the same [`World`].
//!
//! The layout: `RWB1`; the transform (scale x, y and translate x, y, f64 little-endian); the arcs (a count,
//! then each arc's length and its positions' x and y deltas); the countries (a count, then each one's
//! geometry index, ISO numeric id, name (length, UTF-8) and polygons → rings → arc indices, each list
//! after its length). Counts and ids are LEB128; deltas and arc indices zigzag-encoded LEB128.

use super::error::Error;
use super::topojson::{Position, Shape, Topo, Transform};
use super::World;

const MAGIC: &[u8; 4] = b"RWB1";

impl World {
    /// Bakes a quantized TopoJSON topology's countries (see the module's doc); the same errors as
    /// [`World::from_topojson`], and one for a topology that is not quantized.
    ///
    /// ```
    /// let bytes = br#"{"type":"Topology","transform":{"scale":[0.5,0.5],"translate":[-10,20]},
    ///   "arcs":[[[0,0],[2,0],[0,2],[-2,0],[0,-2]]],
    ///   "objects":{"countries":{"type":"GeometryCollection","geometries":[
    ///     {"type":"Polygon","arcs":[[0]],"id":"398","properties":{"name":"Kazakhstan"}}]}}}"#;
    /// let baked = roundabout::geo::World::bake(bytes).unwrap();
    /// let world = roundabout::geo::World::from_baked(&baked).unwrap();
    /// assert_eq!(world, roundabout::geo::World::from_topojson(bytes).unwrap());
    /// assert_eq!(world.countries[0].polygons[0][0][1], [-9.0, 20.0]);
    /// ```
    pub fn bake(topojson: &[u8]) -> Result<Vec<u8>, Error> {
        let topo = Topo::parse(topojson)?;
        let t = topo.transform.ok_or_else(|| Error::Baked("the topology has no transform: only quantized topologies are baked".into()))?;
        let mut out = MAGIC.to_vec();
        for v in [t.scale[0], t.scale[1], t.translate[0], t.translate[1]] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        put(&mut out, topo.arcs.len() as u64);
        for (a, arc) in topo.arcs.iter().enumerate() {
            put(&mut out, arc.len() as u64);
            for (i, Position(xy)) in arc.iter().enumerate() {
                for v in xy {
                    // Integers that f64 holds exactly: decoded as the JSON's numbers would be.
                    if v.fract() != 0.0 || v.abs() > 2f64.powi(53) {
                        return Err(Error::BadPosition { arc: a, position: i, found: format!("{xy:?}, not quantized") });
                    }
                    put_signed(&mut out, *v as i64);
                }
            }
        }
        put(&mut out, topo.shapes.len() as u64);
        for s in &topo.shapes {
            put(&mut out, s.geometry as u64);
            put(&mut out, u64::from(s.id));
            put(&mut out, s.name.len() as u64);
            out.extend_from_slice(s.name.as_bytes());
            put(&mut out, s.polygons.len() as u64);
            for polygon in &s.polygons {
                put(&mut out, polygon.len() as u64);
                for ring in polygon {
                    put(&mut out, ring.len() as u64);
                    ring.iter().for_each(|&i| put_signed(&mut out, i));
                }
            }
        }
        // Checked as the page will read them: a bad arc index fails the build, not the page.
        topo.world()?;
        Ok(out)
    }

    /// Reads shapes baked by [`World::bake`].
    pub fn from_baked(bytes: &[u8]) -> Result<World, Error> {
        let body = bytes.strip_prefix(MAGIC).ok_or_else(|| Error::Baked("it does not start with RWB1: not baked country shapes".into()))?;
        let mut r = Reader { bytes: body, at: MAGIC.len() };
        let mut f = [0.0; 4];
        for v in &mut f {
            *v = f64::from_le_bytes(r.take(8)?.try_into().map_err(|_| r.truncated())?);
        }
        let transform = Transform { scale: [f[0], f[1]], translate: [f[2], f[3]] };
        let arcs = r.list(|r| r.list(|r| Ok(Position([r.signed()? as f64, r.signed()? as f64]))))?;
        let shapes = r.list(|r| {
            let geometry = usize::try_from(r.unsigned()?).map_err(|_| r.bad("a geometry's index is too large"))?;
            let id = u16::try_from(r.unsigned()?).map_err(|_| r.bad("a country's id is above 65535"))?;
            let len = r.count()?;
            let name = String::from_utf8(r.take(len)?.to_vec()).map_err(|_| r.bad("a country's name is not UTF-8"))?;
            let polygons = r.list(|r| r.list(|r| r.list(Reader::signed)))?;
            Ok(Shape { geometry, id, name, polygons })
        })?;
        if !r.bytes.is_empty() {
            return Err(r.bad("bytes after the last country"));
        }
        Topo { transform: Some(transform), arcs, shapes }.world()
    }
}

fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_signed(out: &mut Vec<u8>, v: i64) {
    put(out, ((v << 1) ^ (v >> 63)) as u64);
}

/// Baked bytes being read; `at` counts from the file's start, for errors.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn bad(&self, what: &str) -> Error {
        Error::Baked(format!("byte {}: {what}", self.at))
    }

    fn truncated(&self) -> Error {
        self.bad("the file ends early")
    }

    fn take(&mut self, n: usize) -> Result<&[u8], Error> {
        if self.bytes.len() < n {
            return Err(self.truncated());
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        self.at += n;
        Ok(head)
    }

    fn unsigned(&mut self) -> Result<u64, Error> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let &[b] = self.take(1)? else { return Err(self.truncated()) };
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(self.bad("a number longer than 64 bits"))
    }

    fn signed(&mut self) -> Result<i64, Error> {
        let z = self.unsigned()?;
        Ok((z >> 1) as i64 ^ -((z & 1) as i64))
    }

    /// A count, no larger than the bytes left could hold (one byte an entry at least): a bad count fails
    /// here rather than asking for a huge allocation.
    fn count(&mut self) -> Result<usize, Error> {
        let n = self.unsigned()?;
        usize::try_from(n).ok().filter(|n| *n <= self.bytes.len()).ok_or_else(|| self.bad("a count larger than the file"))
    }

    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Result<T, Error>) -> Result<Vec<T>, Error> {
        let n = self.count()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(item(self)?);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn zigzag_round_trip() {
        for v in [0, 1, -1, 63, -64, 64, 1 << 40, -(1 << 40), i64::MAX, i64::MIN] {
            let mut out = Vec::new();
            put_signed(&mut out, v);
            assert_eq!(Reader { bytes: &out, at: 0 }.signed().ok(), Some(v), "{v}");
        }
    }

    #[test]
    fn bad_bytes_are_named() {
        let err = |b: &[u8]| World::from_baked(b).map(|_| ()).unwrap_err().to_string();
        assert!(err(b"{\"type\":").contains("does not start with RWB1"), "{}", err(b"{"));
        assert!(err(b"RWB1\0\0").contains("byte 4: the file ends early"), "{}", err(b"RWB1\0\0"));
        let mut huge = b"RWB1".to_vec();
        huge.extend([0; 32]);
        huge.extend([0xff, 0xff, 0xff, 0x0f]);
        assert!(err(&huge).contains("a count larger than the file"), "{}", err(&huge));
    }
}
