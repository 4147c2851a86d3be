//! The questions the page asks of a loaded table, and their answers: one serde enum each way, so the
//! binding is a single call (the worker holds the table; the page sends a question by message).

use serde::{Deserialize, Serialize};

use crate::story::published::beside::{beside, BesideAsk, BesideView};
use crate::story::answers::evidence::{evidence, EvidenceAsk, EvidenceView};
use crate::story::answers::products::{products, worded, ProductsAsk, ProductsView};
use crate::story::published::compare::{published, Ours, PublishedAsk};
use crate::store::{Flow, Table};
use crate::Error;

/// A question, named by its one key: `{"products": {"exporters": ["CHN"], …}}`. (Externally tagged: an
/// internally tagged enum buffers its fields, which cost ~10 KB of wasm.)
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ask {
    Products(ProductsAsk),
    Evidence(Box<EvidenceAsk>),
    Published(PublishedAsk),
    Beside(BesideAsk),
}

/// An answer, shaped as its question's kind.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Reply {
    Products(Box<ProductsView>),
    Evidence(Box<EvidenceView>),
    Published(Vec<Ours>),
    Beside(BesideView),
}

impl Ask {
    /// The question counting `flows` where it names none: the views follow the flows the page's cut counts.
    pub fn counting(mut self, flows: &Option<Vec<Flow>>) -> Ask {
        let own = match &mut self {
            Ask::Products(a) => &mut a.flows,
            Ask::Evidence(a) => &mut a.flows,
            // Published figures are set beside exports and imports, re-exports apart (story::published::beside).
            Ask::Published(_) | Ask::Beside(_) => return self,
        };
        if own.is_none() {
            own.clone_from(flows);
        }
        self
    }
}

/// Answers a question about `table`.
pub fn answer(table: &Table, ask: &Ask) -> Result<Reply, Error> {
    Ok(match ask {
        Ask::Products(a) => Reply::Products(Box::new(worded(products(table, a)?, a))),
        Ask::Evidence(a) => Reply::Evidence(Box::new(evidence(table, a)?)),
        Ask::Published(a) => Reply::Published(published(table, a)?),
        Ask::Beside(a) => Reply::Beside(beside(table, a)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::answers::route_views::tests::table;

    fn ask(json: &str) -> Ask {
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn odd_questions_get_answers_or_errors_never_panics() {
        let t = table();
        for json in [
            r#"{"products":{"exporters":[],"importers":[],"level":6,"year":2023,"baseline":2021}}"#,
            r#"{"products":{"exporters":["CHN"],"importers":["KAZ"],"products":["TOTAL"],"level":2,"year":2021,"baseline":2023}}"#,
            r#"{"products":{"exporters":["chn"],"importers":["KAZ"],"products":["880621","hs:01"],"level":4,"year":65535,"baseline":0}}"#,
            r#"{"products":{"exporters":["CHINA"],"importers":["KAZ"],"level":6,"year":2023,"baseline":2021}}"#,
            r#"{"evidence":{"origin":"CHN","hub":"CHN","destination":"CHN","route":[[],[]],"has_products":true,"year":2023,"baseline":2023}}"#,
            r#"{"evidence":{"origin":"XXX","hub":"KAZ","destination":"RUS","route":[["CHN"],["KAZ"]],"products":["85"],"has_products":true,"year":2023,"baseline":2021,"lang":"ru"}}"#,
            r#"{"evidence":{"origin":"CHN","hub":"RUS","destination":"KAZ","route":[[],[]],"products":["drones"],"has_products":true,"year":2021,"baseline":2021}}"#,
            r#"{"evidence":{"origin":"CHN","hub":"KAZ","destination":"RUS","route":[[],[]],"has_products":false,"year":1900,"baseline":2021,"lang":"uk"}}"#,
            r#"{"published":{"metrics":[]}}"#,
        ] {
            let a: Ask = serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"));
            match answer(&t, &a) {
                Ok(_) => {}
                Err(e) => assert!(!e.to_string().is_empty(), "{json}"),
            }
        }
        let e = answer(&t, &ask(r#"{"products":{"exporters":["CHINA"],"importers":["KAZ"],"level":6,"year":2023,"baseline":2021}}"#)).err();
        assert!(e.map(|e| e.to_string()).unwrap_or_default().contains("`CHINA`"));
    }

    #[test]
    fn the_views_count_the_flows_of_the_cut_unless_a_question_names_its_own() {
        // Kazakhstan reports $300 of microchips exported to Russia and $70 re-exported.
        let csv = "refYear,refMonth,reporterCode,reporterISO,flowCode,partnerCode,partnerISO,cmdCode,qty,primaryValue\n\
            2023,52,398,KAZ,X,643,RUS,854231,,300\n2023,52,398,KAZ,RX,643,RUS,854231,,70\n";
        let t = crate::ingest::load("c.csv", csv.as_bytes(), &crate::ingest::Options::default()).map(|l| l.table).unwrap_or_else(|e| panic!("{e}"));
        let value = |a: Ask| match answer(&t, &a) {
            Ok(Reply::Products(p)) => p.products.rows.first().map(|r| r.value_usd),
            other => panic!("{other:?}"),
        };
        let q = |flows: &str| ask(&format!(r#"{{"products":{{"exporters":["KAZ"],"importers":["RUS"],"level":6,"year":2023,"baseline":2023,"side":"exporter"{flows}}}}}"#));
        let re_exports = Some(vec![Flow::ReExport]);
        assert_eq!(value(q("")), Some(300.0));
        assert_eq!(value(q("").counting(&re_exports)), Some(70.0));
        assert_eq!(value(q(r#","flows":["export"]"#).counting(&re_exports)), Some(300.0));
    }

    #[test]
    fn questions_are_checked() {
        assert!(serde_json::from_str::<Ask>(r#"{"products":{"exporters":["CHN"],"importers":["KAZ"],"level":6,"year":2023,"baseline":2021,"extra":1}}"#).is_err());
        assert!(serde_json::from_str::<Ask>(r#"{"guess":{}}"#).is_err());
        let a = ask(r#"{"products":{"exporters":["CHN"],"importers":["KAZ"],"level":6,"year":2023,"baseline":2021}}"#);
        let Ok(Reply::Products(p)) = answer(&table(), &a) else { panic!("not a products answer") };
        assert_eq!(p.products.rows[0].code, "010121");
    }
}
