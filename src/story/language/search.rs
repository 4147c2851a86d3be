//! The country search's answers when it focuses nothing, in each language.

use crate::lang::Lang;
use crate::story::language::words::Words;

impl Words {
    /// A country of the data without a route in this view.
    pub fn no_rows_in_view(self, country: &str) -> String {
        match self.0 {
            Lang::En => format!("{country} has no rows in this view."),
            Lang::Uk => format!("{country}: у цьому поданні немає рядків."),
            Lang::Ru => format!("{country}: в этом представлении нет строк."),
        }
    }

    /// A country the data has no rows for.
    pub fn no_rows_in_data(self, country: &str) -> String {
        match self.0 {
            Lang::En => format!("{country} has no rows in this data."),
            Lang::Uk => format!("{country}: у цих даних немає рядків."),
            Lang::Ru => format!("{country}: в этих данных нет строк."),
        }
    }

    /// No country has the name searched for.
    pub fn no_country_called(self, name: &str) -> String {
        match self.0 {
            Lang::En => format!("No country is called “{name}”."),
            Lang::Uk => format!("Немає країни з назвою «{name}»."),
            Lang::Ru => format!("Нет страны с названием «{name}»."),
        }
    }
}
