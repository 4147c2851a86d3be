//! Colours as four bytes, and their CSS forms.

/// A colour: red, green, blue, alpha (255 is opaque).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub struct Rgba(pub u8, pub u8, pub u8, pub u8);

impl Rgba {
    /// An opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Rgba {
        Rgba(r, g, b, 255)
    }

    /// `#rrggbb`, without alpha (see [`Rgba::opacity`]).
    ///
    /// ```
    /// assert_eq!(roundabout::scene::Rgba(228, 226, 221, 255).hex(), "#e4e2dd");
    /// ```
    pub fn hex(&self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Alpha as a fraction in [0, 1].
    pub fn opacity(&self) -> f64 {
        f64::from(self.3) / 255.0
    }

    /// `rgba(r,g,b,a)`, as canvas takes it.
    ///
    /// ```
    /// assert_eq!(roundabout::scene::Rgba(1, 2, 3, 255).css(), "rgba(1,2,3,1)");
    /// ```
    pub fn css(&self) -> String {
        let a = (self.opacity() * 1000.0).round() / 1000.0;
        format!("rgba({},{},{},{})", self.0, self.1, self.2, a)
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn forms() {
        assert_eq!(Rgba(0, 0, 0, 0).opacity(), 0.0);
        assert_eq!(Rgba(255, 16, 0, 128).hex(), "#ff1000");
        assert_eq!(Rgba(255, 16, 0, 128).css(), "rgba(255,16,0,0.502)");
    }
}
