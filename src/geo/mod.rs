//! World geometry: TopoJSON decoding, the map's equal-area projections and their inverses, fitting, anchor
//! points.
//!
//! ```
//! use roundabout::geo::{NorthUp, Projection};
//! let p = NorthUp::for_points(&[[37.6, 55.8], [116.4, 39.9]]).with_translate([400.0, 300.0]);
//! let xy = p.project(77.0, 0.0).unwrap();
//! assert!((xy[0] - 400.0).abs() < 1e-9, "the central meridian runs straight down the middle");
//! ```

/// Country shapes baked when the site is built, read at the page's start.
pub mod baked;
/// Lon/lat of capitals or economic centres, by ISO 3166-1 alpha-3 code.
pub mod anchors;
/// Albers equal-area conic on the unit sphere.
pub mod conic;
/// The Equal Earth projection on the unit sphere.
pub mod equal_earth;
/// The error type of this module; messages name the input.
pub mod error;
/// Choosing scale and translate so that given points fill a viewport.
pub mod fit;
/// Which country holds a point.
pub mod locate;
/// The map's projection, north up: a conic for regions, Equal Earth for the world.
pub mod north_up;
/// The `Projection` trait: lon/lat degrees to screen pixels and back.
pub mod projection;
/// Decoding a TopoJSON topology of countries into a `World`.
pub mod topojson;

pub use anchors::{anchor, anchor_numeric, anchor_place, anchored_at, iso_numeric};
pub use error::Error;
pub use fit::{bbox_points, fit, Fit};
pub use north_up::NorthUp;
pub use projection::Projection;
pub use topojson::{Country, World};
