//! World geometry: TopoJSON decoding, the equal-area projection and its inverse, fitting, anchor points.
//!
//! ```
//! use roundabout::geo::{Lambert, Projection};
//! let p = Lambert::centred(70.0, 45.0);
//! let xy = p.project(70.0, 45.0).unwrap();
//! assert!((xy[0] - p.translate()[0]).abs() < 1e-9);
//! ```

/// Lon/lat of capitals or economic centres, by ISO 3166-1 alpha-3 code.
pub mod anchors;
/// Albers equal-area conic on the unit sphere.
pub mod conic;
/// The Equal Earth projection on the unit sphere.
pub mod equal_earth;
/// Planar clipping of projected rings against the disc that bounds the visible cap.
pub mod clip;
/// The error type of this module; messages name the input.
pub mod error;
/// Choosing scale and translate so that given points fill a viewport.
pub mod fit;
/// Which country holds a point.
pub mod locate;
/// Lambert azimuthal equal-area: raw function, inverse, and the centred, scaled wrapper.
pub mod lambert;
/// The map's projection, north up: a conic for regions, Equal Earth for the world.
pub mod north_up;
/// The `Projection` trait: lon/lat degrees to screen pixels and back.
pub mod projection;
/// Spherical rotation that brings a chosen centre to lon/lat 0/0.
pub mod rotation;
/// Decoding a TopoJSON topology of countries into a `World`.
pub mod topojson;

pub use anchors::{anchor, anchor_numeric, anchor_place, iso_numeric};
pub use error::Error;
pub use fit::{bbox_points, fit, Fit};
pub use lambert::Lambert;
pub use north_up::NorthUp;
pub use projection::Projection;
pub use rotation::Rotation;
pub use topojson::{Country, World};
