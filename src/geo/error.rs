//! Errors of the geometry module. Each message names the input it came from.

/// What went wrong reading or fitting geometry.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The bytes are not JSON of the expected TopoJSON shape.
    #[error("TopoJSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The topology lacks the named object (e.g. `objects.countries`).
    #[error("TopoJSON: no object named {0:?} under `objects`")]
    MissingObject(String),
    /// A geometry refers to an arc the topology does not have.
    #[error("TopoJSON: geometry {geometry} ({name}) refers to arc {arc}, but the topology has {count} arcs")]
    ArcOutOfRange {
        /// Index of the geometry in `objects.countries.geometries`.
        geometry: usize,
        /// The geometry's `properties.name`, or "" when absent.
        name: String,
        /// The arc index found (negative means reversed).
        arc: i64,
        /// How many arcs the topology has.
        count: usize,
    },
    /// An arc position is not a pair of numbers.
    #[error("TopoJSON: arc {arc}, position {position}: expected [x, y] numbers, found {found}")]
    BadPosition {
        /// Index of the arc in `arcs`.
        arc: usize,
        /// Index of the position in the arc.
        position: usize,
        /// The JSON found.
        found: String,
    },
    /// A geometry's `arcs` do not have the nesting its `type` requires.
    #[error("TopoJSON: geometry {geometry} ({name}) of type {kind}: bad `arcs`: {reason}")]
    BadArcs {
        /// Index of the geometry.
        geometry: usize,
        /// The geometry's name.
        name: String,
        /// The geometry's `type`.
        kind: String,
        /// What serde said.
        reason: String,
    },
    /// A geometry's `id` is not an ISO 3166-1 numeric code.
    #[error(
        "TopoJSON: geometry {geometry} ({name}): id {found} is not an ISO 3166-1 numeric code"
    )]
    BadId {
        /// Index of the geometry.
        geometry: usize,
        /// The geometry's name.
        name: String,
        /// The JSON found.
        found: String,
    },
    /// Baked country shapes ([`super::baked`]) that cannot be read, or a topology that cannot be baked.
    #[error("country shapes: {0}")]
    Baked(String),
    /// Fitting needs at least one point that projects.
    #[error("fit: none of the {0} points is visible in the projection")]
    NothingToFit(usize),
    /// The viewport leaves no room once padding is taken off.
    #[error("fit: viewport {width}×{height} with padding {padding} leaves no room")]
    NoRoom {
        /// Viewport width.
        width: f64,
        /// Viewport height.
        height: f64,
        /// Padding on each side.
        padding: f64,
    },
}
