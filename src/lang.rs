//! The languages Roundabout speaks: English, Ukrainian and Russian.

/// A page language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Uk,
    Ru,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Uk, Lang::Ru];

    /// The BCP 47 tag: `en`, `uk`, `ru`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Uk => "uk",
            Lang::Ru => "ru",
        }
    }

    /// Of words given in Ukrainian and Russian, this language's; none for English, whose words are the
    /// `Display` of what they say (kept apart, so that a module that never words anything in another
    /// language carries only the English).
    pub fn translated<T>(self, [uk, ru]: [T; 2]) -> Option<T> {
        match self {
            Lang::En => None,
            Lang::Uk => Some(uk),
            Lang::Ru => Some(ru),
        }
    }

    /// The language tagged `tag`.
    pub fn parse(tag: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.tag() == tag)
    }
}
