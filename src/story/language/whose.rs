//! Whose reports a file's figures are, in words for the page's intro: "as China reports them", "as the
//! importing countries report them", "as CEPII BACI reconciles both sides' reports". Named from the rows
//! themselves (each row's reporting side and its country), so that the words follow the data.

use crate::lang::Lang;
use crate::store::Side;
use crate::story::language::names::Names;

/// The reports of a table's rows, each `(side, exporter, importer)` once or more, in `lang`. A country is
/// named from `names` (the language's, which the page hands its worker), else in English.
///
/// ```
/// use roundabout::lang::Lang;
/// use roundabout::store::Side;
/// use roundabout::story::language::whose::whose_reports;
/// let rows = [(Side::Exporter, "CHN", "KAZ"), (Side::Exporter, "CHN", "KGZ")];
/// assert_eq!(whose_reports(rows, Lang::En, None), "as China reports them");
/// let rows = [(Side::Importer, "CHN", "KAZ"), (Side::Importer, "CHN", "KGZ")];
/// assert_eq!(whose_reports(rows, Lang::En, None), "as the importing countries report them");
/// ```
pub fn whose_reports<'a>(
    rows: impl IntoIterator<Item = (Side, &'a str, &'a str)>,
    lang: Lang,
    names: Option<&Names>,
) -> String {
    let (mut reporter, mut one, mut sides) = (None, true, [false; 3]);
    for (side, exporter, importer) in rows {
        let who = match side {
            Side::Exporter => exporter,
            Side::Importer => importer,
            Side::Reconciled => "",
        };
        sides[side as usize] = true;
        match reporter {
            None => reporter = Some(who),
            Some(r) if r != who => one = false,
            Some(_) => {}
        }
    }
    let name = |code: &str| Names::or_english(names, code);
    let phrase = match (reporter, one, sides) {
        (None, ..) => "",
        (Some(""), true, _) => match lang {
            Lang::En => "as CEPII BACI reconciles both sides' reports",
            Lang::Uk => "за звітами обох сторін, узгодженими CEPII BACI",
            Lang::Ru => "по отчётам обеих сторон, согласованным CEPII BACI",
        },
        (Some(who), true, _) => {
            return match lang {
                Lang::En => format!("as {} reports them", name(who)),
                Lang::Uk => format!("за звітами: {}", name(who)),
                Lang::Ru => format!("по отчётам: {}", name(who)),
            }
        }
        (_, false, s) if s == side_only(Side::Importer) => match lang {
            Lang::En => "as the importing countries report them",
            Lang::Uk => "за звітами країн-імпортерів",
            Lang::Ru => "по отчётам стран-импортёров",
        },
        (_, false, s) if s == side_only(Side::Exporter) => match lang {
            Lang::En => "as the exporting countries report them",
            Lang::Uk => "за звітами країн-експортерів",
            Lang::Ru => "по отчётам стран-экспортёров",
        },
        _ => match lang {
            Lang::En => "as each side reports them (the map draws the side chosen)",
            Lang::Uk => "за звітами обох сторін (мапа показує обрану)",
            Lang::Ru => "по отчётам обеих сторон (карта показывает выбранную)",
        },
    };
    phrase.to_string()
}

fn side_only(side: Side) -> [bool; 3] {
    let mut sides = [false; 3];
    sides[side as usize] = true;
    sides
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_file_is_named_by_its_reports() {
        let bac = [
            (Side::Reconciled, "CHN", "KAZ"),
            (Side::Reconciled, "KAZ", "RUS"),
        ];
        assert_eq!(
            whose_reports(bac, Lang::En, None),
            "as CEPII BACI reconciles both sides' reports"
        );
        let one = [
            (Side::Importer, "CHN", "KAZ"),
            (Side::Exporter, "KAZ", "RUS"),
        ];
        assert_eq!(whose_reports(one, Lang::En, None), "as Kazakhstan reports them");
        let exporters = [
            (Side::Exporter, "CHN", "KAZ"),
            (Side::Exporter, "KAZ", "RUS"),
        ];
        assert_eq!(
            whose_reports(exporters, Lang::En, None),
            "as the exporting countries report them"
        );
        let both = [
            (Side::Exporter, "CHN", "KAZ"),
            (Side::Importer, "CHN", "KGZ"),
        ];
        assert_eq!(
            whose_reports(both, Lang::En, None),
            "as each side reports them (the map draws the side chosen)"
        );
        assert_eq!(whose_reports([], Lang::En, None), "");
        assert_ne!(whose_reports(both, Lang::Uk, None), whose_reports(both, Lang::Ru, None));
        let names = Names::from_lines("KAZ\tКазахстан\n");
        assert_eq!(whose_reports(one, Lang::Uk, Some(&names)), "за звітами: Казахстан");
        assert_eq!(whose_reports(one, Lang::Uk, None), "за звітами: Kazakhstan");
    }
}
