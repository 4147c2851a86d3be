//! The evidence view's sentences (a hub's two legs, the difference in differences, the mirror gap) in
//! each language, as the worker gives them to the page. Figures and names come in already formatted.

use crate::lang::Lang;
use crate::store::Side;
use crate::story::language::words::Words;

impl Words {
    /// The evidence table's head for the origin's column: "From China".
    pub fn from_origin(self, origin: &str) -> String {
        match self.0 {
            Lang::En => format!("From {origin}"),
            Lang::Uk => format!("З: {origin}"),
            Lang::Ru => format!("Из: {origin}"),
        }
    }

    /// The evidence table's head for the destination's column: "To Russia".
    pub fn to_destination(self, destination: &str) -> String {
        match self.0 {
            Lang::En => format!("To {destination}"),
            Lang::Uk => format!("До: {destination}"),
            Lang::Ru => format!("В: {destination}"),
        }
    }

    /// A hub without rows of the goods.
    pub fn no_hub_rows(self, origin: &str, hub: &str, destination: &str, year: u16) -> String {
        match self.0 {
            Lang::En => format!(
                "No rows for these goods between {origin}, {hub} and {destination} in {year}."
            ),
            Lang::Uk => format!(
                "Немає даних про ці товари на шляху {origin} → {hub} → {destination} за {year} р."
            ),
            Lang::Ru => format!(
                "Нет данных об этих товарах на пути {origin} → {hub} → {destination} за {year} г."
            ),
        }
    }

    /// Only the leg into the hub has rows.
    pub fn into_only(
        self,
        year: u16,
        hub: &str,
        into: &str,
        origin: &str,
        destination: &str,
    ) -> String {
        match self.0 {
            Lang::En => format!("In {year}, {hub} imported {into} of these goods from {origin}; the file has no rows of them from {hub} to {destination}."),
            Lang::Uk => format!("{year} р.: {origin} → {hub} — {into} цих товарів; {hub} → {destination} — у файлі немає даних."),
            Lang::Ru => format!("{year} г.: {origin} → {hub} — {into} этих товаров; {hub} → {destination} — в файле нет данных."),
        }
    }

    /// Only the leg out of the hub has rows.
    pub fn onward_only(
        self,
        year: u16,
        hub: &str,
        onward: &str,
        origin: &str,
        destination: &str,
    ) -> String {
        match self.0 {
            Lang::En => format!("In {year}, {hub} exported {onward} of these goods to {destination}; the file has no rows of them from {origin} to {hub}."),
            Lang::Uk => format!("{year} р.: {hub} → {destination} — {onward} цих товарів; {origin} → {hub} — у файлі немає даних."),
            Lang::Ru => format!("{year} г.: {hub} → {destination} — {onward} этих товаров; {origin} → {hub} — в файле нет данных."),
        }
    }

    /// Both legs, for all goods or the preset's.
    pub fn into_and_onward(
        self,
        year: u16,
        hub: &str,
        into: &str,
        origin: &str,
        destination: &str,
        onward: &str,
    ) -> String {
        match self.0 {
            Lang::En => format!("In {year}, {hub} imported {into} of these goods from {origin} and exported {onward} of them to {destination}."),
            Lang::Uk => format!("{year} р.: {origin} → {hub} — {into} цих товарів; {hub} → {destination} — {onward}."),
            Lang::Ru => format!("{year} г.: {origin} → {hub} — {into} этих товаров; {hub} → {destination} — {onward}."),
        }
    }

    /// Both legs, naming the goods chosen.
    #[allow(clippy::too_many_arguments)] // one per figure the sentence names
    pub fn into_and_onward_of(
        self,
        year: u16,
        hub: &str,
        into: &str,
        goods: &str,
        origin: &str,
        destination: &str,
        onward: &str,
    ) -> String {
        match self.0 {
            Lang::En => format!("In {year}, {hub} imported {into} of these goods ({goods}) from {origin} and exported {onward} of them to {destination}."),
            Lang::Uk => format!("{year} р.: {origin} → {hub} — {into} цих товарів ({goods}); {hub} → {destination} — {onward}."),
            Lang::Ru => format!("{year} г.: {origin} → {hub} — {into} этих товаров ({goods}); {hub} → {destination} — {onward}."),
        }
    }

    /// What the two legs do not prove.
    pub fn hub_caveat(self, destination: &str, origin: &str, hub: &str) -> String {
        match self.0 {
            Lang::En => format!("Goods leaving for {destination} after arriving from {origin} fit re-export, but do not prove it: {hub} may make or stock the same goods, and the two figures come from different reports."),
            Lang::Uk => format!("Товари, що вирушають далі ({hub} → {destination}) після ввезення ({origin} → {hub}), узгоджуються з реекспортом, але не доводять його: транзитна країна може сама виробляти чи накопичувати ці товари, а дві цифри взято з різних звітів."),
            Lang::Ru => format!("Товары, уходящие дальше ({hub} → {destination}) после ввоза ({origin} → {hub}), согласуются с реэкспортом, но не доказывают его: транзитная страна может сама производить или накапливать эти товары, а две цифры взяты из разных отчётов."),
        }
    }

    /// Under a table cut short.
    pub fn and_more(self, count: &str) -> String {
        match self.0 {
            Lang::En => format!("and {count} more"),
            Lang::Uk => format!("і ще {count}"),
            Lang::Ru => format!("и ещё {count}"),
        }
    }

    /// The hub chart's text for screen readers.
    pub fn hub_chart(self, hub: &str, origin: &str, destination: &str, year: u16) -> String {
        match self.0 {
            Lang::En => format!("Bar chart of {hub}'s imports from {origin} and exports to {destination} per product, {year}; the table below gives the same figures."),
            Lang::Uk => format!("Стовпчикова діаграма за товарами, {year}: {origin} → {hub} і {hub} → {destination}; ті самі цифри — у таблиці нижче."),
            Lang::Ru => format!("Столбчатая диаграмма по товарам, {year}: {origin} → {hub} и {hub} → {destination}; те же цифры — в таблице ниже."),
        }
    }

    /// The difference in differences without a year of one group.
    pub fn did_missing(
        self,
        goods: &str,
        origin: &str,
        hub: &str,
        baseline: u16,
        year: u16,
    ) -> String {
        match self.0 {
            Lang::En => format!("Not enough data to compare the growth of {goods} with comparable goods from {origin} to {hub} between {baseline} and {year}: one of them is missing in a year."),
            Lang::Uk => format!("Замало даних, щоб порівняти зміну ({goods}) з порівнянними товарами на маршруті {origin} → {hub} між {baseline} і {year} роками: за якийсь рік бракує однієї з груп."),
            Lang::Ru => format!("Недостаточно данных, чтобы сравнить изменение ({goods}) с сопоставимыми товарами на маршруте {origin} → {hub} между {baseline} и {year} годами: за какой-то год нет одной из групп."),
        }
    }

    /// The difference in differences.
    #[allow(clippy::too_many_arguments)] // one per figure the sentence names
    pub fn did(
        self,
        baseline: u16,
        year: u16,
        origin: &str,
        hub: &str,
        goods: &str,
        treated: &str,
        tb: &str,
        ty: &str,
        chapters: &str,
        control: &str,
        diff: &str,
        log: &str,
    ) -> String {
        match self.0 {
            Lang::En => format!("From {baseline} to {year}, {origin}'s exports to {hub} of {goods} changed by {treated} ({tb} to {ty}); other goods of the same HS chapters ({chapters}) changed by {control}. The difference is {diff} percentage points (log difference {log})."),
            Lang::Uk => format!("З {baseline} до {year} р. експорт {origin} → {hub} ({goods}) змінився на {treated} (з {tb} до {ty}); інші товари тих самих груп ГС ({chapters}) — на {control}. Різниця — {diff} процентних пунктів (різниця логарифмів {log})."),
            Lang::Ru => format!("С {baseline} по {year} г. экспорт {origin} → {hub} ({goods}) изменился на {treated} (с {tb} до {ty}); другие товары тех же групп ГС ({chapters}) — на {control}. Разница — {diff} процентных пунктов (разница логарифмов {log})."),
        }
    }

    /// The difference in differences' chart for screen readers.
    pub fn did_chart(self, baseline: u16, year: u16) -> String {
        match self.0 {
            Lang::En => format!("Bar chart: the chosen goods and the other goods of their HS chapters, {baseline} and {year}"),
            Lang::Uk => format!("Стовпчикова діаграма: обрані товари й інші товари їхніх груп ГС, {baseline} і {year}"),
            Lang::Ru => format!("Столбчатая диаграмма: выбранные товары и другие товары их групп ГС, {baseline} и {year}"),
        }
    }

    /// A table with one figure per flow has no mirror gap.
    pub fn one_report(self, year: u16) -> String {
        match self.0 {
            Lang::En => format!("This data holds one report per flow here (CEPII BACI, for one, reconciles the two sides into one figure), so there is no gap between reports to show for {year}."),
            Lang::Uk => format!("Ці дані містять один звіт на кожен потік (CEPII BACI, наприклад, зводить звіти обох сторін в одну цифру), тож розбіжності між звітами за {year} р. показати не можна."),
            Lang::Ru => format!("Эти данные содержат один отчёт на каждый поток (CEPII BACI, например, сводит отчёты обеих сторон в одну цифру), поэтому расхождение между отчётами за {year} г. показать нельзя."),
        }
    }

    /// A country pair's two reports and the gap between them; `estimated` names the side whose figure is
    /// the IMF's estimate (Russia's after 2021), not its own report.
    pub fn mirror_pair(
        self,
        exporter: &str,
        ex: &str,
        importer: &str,
        im: &str,
        gap: &str,
        estimated: Option<Side>,
    ) -> String {
        match (self.0, estimated) {
            (Lang::En, Some(Side::Importer)) => format!("{exporter} reports {ex} of exports to {importer}; the IMF estimates {im} of imports from {exporter} for {importer}: a gap of {gap}."),
            (Lang::En, Some(Side::Exporter)) => format!("The IMF estimates {ex} of exports to {importer} for {exporter}; {importer} reports {im} of imports from {exporter}: a gap of {gap}."),
            (Lang::En, _) => format!("{exporter} reports {ex} of exports to {importer}; {importer} reports {im} of imports from {exporter}: a gap of {gap}."),
            (Lang::Uk, _) => {
                let (by_exporter, by_importer) = match estimated {
                    Some(Side::Exporter) => ("за оцінкою МВФ для експортера", "за звітом імпортера"),
                    Some(Side::Importer) => ("за звітом експортера", "за оцінкою МВФ для імпортера"),
                    _ => ("за звітом експортера", "за звітом імпортера"),
                };
                format!("{exporter} → {importer}: {by_exporter} {ex}, {by_importer} {im}; розбіжність {gap}.")
            }
            (Lang::Ru, _) => {
                let (by_exporter, by_importer) = match estimated {
                    Some(Side::Exporter) => ("по оценке МВФ для экспортёра", "по отчёту импортёра"),
                    Some(Side::Importer) => ("по отчёту экспортёра", "по оценке МВФ для импортёра"),
                    _ => ("по отчёту экспортёра", "по отчёту импортёра"),
                };
                format!("{exporter} → {importer}: {by_exporter} {ex}, {by_importer} {im}; расхождение {gap}.")
            }
        }
    }

    /// The treated goods when none are chosen.
    pub fn chpl_goods(self) -> &'static str {
        match self.0 {
            Lang::En => "the CHPL goods",
            Lang::Uk => "товари CHPL",
            Lang::Ru => "товары CHPL",
        }
    }

    /// The difference in differences' first bar.
    pub fn chosen_goods(self) -> &'static str {
        match self.0 {
            Lang::En => "Chosen goods",
            Lang::Uk => "Обрані товари",
            Lang::Ru => "Выбранные товары",
        }
    }

    /// The difference in differences' second bar.
    pub fn same_chapters(self) -> &'static str {
        match self.0 {
            Lang::En => "Same chapters",
            Lang::Uk => "Ті самі групи",
            Lang::Ru => "Те же группы",
        }
    }

    /// What the difference in differences does not prove.
    pub fn did_caveat(self) -> &'static str {
        match self.0 {
            Lang::En => "A faster rise for sanctioned goods is what re-routing would produce, as in the EBRD's \"Eurasian Roundabout\" papers; it does not prove it: demand for the two groups can move apart for other reasons.",
            Lang::Uk => "Швидше зростання санкційних товарів — саме те, що дав би обхідний шлях, як у дослідженнях ЄБРР «Eurasian Roundabout»; але це не доказ: попит на дві групи може розходитися з інших причин.",
            Lang::Ru => "Более быстрый рост санкционных товаров — именно то, что дал бы обходной путь, как в исследованиях ЕБРР «Eurasian Roundabout»; но это не доказательство: спрос на две группы может расходиться по другим причинам.",
        }
    }

    /// Why two customs' figures differ.
    pub fn mirror_caveat(self) -> &'static str {
        match self.0 {
            Lang::En => "Two customs rarely agree: imports include freight and insurance, goods cross the border in different months, and goods that pass through a third country may be counted against it. A gap alone is not evidence of evasion.",
            Lang::Uk => "Дві митниці рідко збігаються: імпорт враховує фрахт і страхування, товари перетинають кордон у різні місяці, а товари, що йдуть через третю країну, можуть бути записані на неї. Сама розбіжність не є доказом обходу санкцій.",
            Lang::Ru => "Две таможни редко совпадают: импорт учитывает фрахт и страхование, товары пересекают границу в разные месяцы, а товары, идущие через третью страну, могут быть записаны на неё. Само расхождение не доказывает обход санкций.",
        }
    }

    /// The evidence on a table of route totals.
    pub fn no_products(self) -> &'static str {
        match self.0 {
            Lang::En => "The default story holds each route's total over all goods: evidence per product needs a file with product codes. Load a CEPII BACI file for a year, with its country codes, under the map.",
            Lang::Uk => "Основна історія містить лише підсумки маршрутів за всіма товарами: для свідчень за товарами потрібен файл із кодами товарів. Завантажте під мапою файл CEPII BACI за рік разом із його кодами країн.",
            Lang::Ru => "Основная история содержит только итоги маршрутов по всем товарам: для свидетельств по товарам нужен файл с кодами товаров. Загрузите под картой файл CEPII BACI за год вместе с его кодами стран.",
        }
    }
}
