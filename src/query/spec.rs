use super::key::Key;
use crate::store::{Flow, Side};

/// A query: which rows (each filter `None` = all) and how to group them.
///
/// Countries are ISO 3166-1 alpha-3 codes. `products` holds presets (`chpl`, `chpl45`, `tier1` … `tier4b`,
/// `drones`), chapters (`hs:85`) and codes or prefixes (`8542`, `854231`), see
/// [`crate::hs::ProductFilter`]; `None` takes every product including `TOTAL`, while any list leaves
/// `TOTAL` out. `years` is inclusive. Rows are counted once, by the rules of [`super::count`].
///
/// From JSON: `{"exporters":["CHN"],"importers":["KAZ","KGZ"],"products":["chpl"],"years":[2021,2023],
/// "group_by":["importer","year"]}`.
#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Query {
    /// Exporters to keep.
    pub exporters: Option<Vec<String>>,
    /// Importers to keep.
    pub importers: Option<Vec<String>>,
    /// Products to keep.
    pub products: Option<Vec<String>>,
    /// First and last year to keep.
    pub years: Option<(u16, u16)>,
    /// Reporting sides to keep.
    pub reported_by: Option<Vec<Side>>,
    /// Flows to count; `None` counts exports and imports ([`Flow::DEFAULT`]), never re-exports or re-imports.
    pub flows: Option<Vec<Flow>>,
    /// Keys to group by, in output order; empty sums everything into one row.
    pub group_by: Vec<Key>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_json_and_refuses_unknown_fields() {
        let q: Result<Query, _> = serde_json::from_str(
            r#"{"exporters":["CHN"],"products":["chpl"],"years":[2021,2023],"reported_by":["importer"],"group_by":["importer","hs2","reported_by"]}"#,
        );
        let q = q.unwrap_or_default();
        assert_eq!(q.years, Some((2021, 2023)));
        assert_eq!(q.group_by, vec![Key::Importer, Key::Hs2, Key::ReportedBy]);
        assert_eq!(q.reported_by, Some(vec![Side::Importer]));
        assert!(serde_json::from_str::<Query>(r#"{"exporter":["CHN"]}"#).is_err());
        assert_eq!(serde_json::from_str::<Query>("{}").ok(), Some(Query::default()));
    }
}
