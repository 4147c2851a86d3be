use super::key::{Key, KeyValue};

/// One group of an answer.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Row {
    /// The group's key values, in the order of [`Answer::keys`].
    pub keys: Vec<KeyValue>,
    /// The summed value in US dollars.
    pub value_usd: f64,
    /// The same sum in exact US cents.
    pub value_cents: i64,
    /// The summed quantity of rows that give one (0 when none do; units are not converted).
    pub quantity: f64,
    /// How many table rows fell in the group.
    pub rows: u64,
}

/// A query's answer: one row per group, sorted by key values.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Answer {
    /// The group keys, as asked.
    pub keys: Vec<Key>,
    /// The groups.
    pub rows: Vec<Row>,
}

impl Answer {
    /// The sum of all groups' values in US dollars.
    pub fn total_usd(&self) -> f64 {
        self.rows.iter().map(|r| r.value_cents).sum::<i64>() as f64 / 100.0
    }

    /// The row whose keys equal `keys`, printed as text (`["KAZ", "2023"]`).
    pub fn find(&self, keys: &[&str]) -> Option<&Row> {
        self.rows.iter().find(|r| r.keys.len() == keys.len() && r.keys.iter().zip(keys).all(|(k, s)| k.to_string() == *s))
    }
}
