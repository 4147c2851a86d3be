//! Where a country's flows start and end: the lon/lat of its capital or economic centre, or for a country
//! without one picked, the point of its largest polygon farthest from its edges.
//!
//! Never a polygon centroid: Russia crosses 180° and France has overseas parts, so their
//! centroids land in odd places.

/// (ISO alpha-3, ISO numeric, lon, lat, place).
const ANCHORS: &[(&str, u16, f64, f64, &str)] = &[
    // Europe
    ("ALB", 8, 19.82, 41.33, "Tirana"),
    ("AUT", 40, 16.37, 48.21, "Vienna"),
    ("BEL", 56, 4.35, 50.85, "Brussels"),
    ("BGR", 100, 23.32, 42.70, "Sofia"),
    ("BIH", 70, 18.41, 43.86, "Sarajevo"),
    ("BLR", 112, 27.56, 53.90, "Minsk"),
    ("CHE", 756, 7.45, 46.95, "Bern"),
    ("CYP", 196, 33.04, 34.68, "Limassol"), // Nicosia falls in the 110m shape of Northern Cyprus
    ("CZE", 203, 14.42, 50.08, "Prague"),
    ("DEU", 276, 13.40, 52.52, "Berlin"),
    ("DNK", 208, 12.57, 55.68, "Copenhagen"),
    ("ESP", 724, -3.70, 40.42, "Madrid"),
    ("EST", 233, 24.75, 59.44, "Tallinn"),
    ("FIN", 246, 24.94, 60.17, "Helsinki"),
    ("FRA", 250, 2.35, 48.86, "Paris"),
    ("GBR", 826, -0.13, 51.51, "London"),
    ("GRC", 300, 23.73, 37.98, "Athens"),
    ("HRV", 191, 15.98, 45.81, "Zagreb"),
    ("HUN", 348, 19.04, 47.50, "Budapest"),
    ("IRL", 372, -6.26, 53.35, "Dublin"),
    ("ISL", 352, -21.94, 64.15, "Reykjavik"),
    ("ITA", 380, 12.50, 41.90, "Rome"),
    ("LTU", 440, 25.28, 54.69, "Vilnius"),
    ("LUX", 442, 6.13, 49.61, "Luxembourg"),
    ("LVA", 428, 24.11, 56.95, "Riga"),
    ("MDA", 498, 28.86, 47.01, "Chisinau"),
    ("MKD", 807, 21.43, 42.00, "Skopje"),
    ("MLT", 470, 14.51, 35.90, "Valletta"),
    ("MNE", 499, 19.26, 42.44, "Podgorica"),
    ("NLD", 528, 4.90, 52.37, "Amsterdam"),
    ("NOR", 578, 10.75, 59.91, "Oslo"),
    ("POL", 616, 21.01, 52.23, "Warsaw"),
    ("PRT", 620, -9.14, 38.72, "Lisbon"),
    ("ROU", 642, 26.10, 44.43, "Bucharest"),
    ("RUS", 643, 37.62, 55.76, "Moscow"),
    ("SRB", 688, 20.46, 44.79, "Belgrade"),
    ("SVK", 703, 17.11, 48.15, "Bratislava"),
    ("SVN", 705, 14.51, 46.06, "Ljubljana"),
    ("SWE", 752, 18.07, 59.33, "Stockholm"),
    ("UKR", 804, 30.52, 50.45, "Kyiv"),
    // The Caucasus
    ("ARM", 51, 44.51, 40.18, "Yerevan"),
    ("AZE", 31, 49.87, 40.41, "Baku"),
    ("GEO", 268, 44.79, 41.72, "Tbilisi"),
    // Central Asia
    ("AFG", 4, 69.18, 34.53, "Kabul"),
    ("KAZ", 398, 71.45, 51.17, "Astana"),
    ("KGZ", 417, 74.59, 42.87, "Bishkek"),
    ("MNG", 496, 106.91, 47.92, "Ulaanbaatar"),
    ("TJK", 762, 68.79, 38.56, "Dushanbe"),
    ("TKM", 795, 58.38, 37.95, "Ashgabat"),
    ("UZB", 860, 69.24, 41.30, "Tashkent"),
    // Middle East and North Africa
    ("ARE", 784, 55.27, 25.20, "Dubai"),
    ("BHR", 48, 50.59, 26.23, "Manama"),
    ("DZA", 12, 3.06, 36.75, "Algiers"),
    ("EGY", 818, 31.24, 30.04, "Cairo"),
    ("IRN", 364, 51.39, 35.69, "Tehran"),
    ("IRQ", 368, 44.36, 33.31, "Baghdad"),
    ("ISR", 376, 34.78, 32.08, "Tel Aviv"),
    ("JOR", 400, 35.93, 31.95, "Amman"),
    ("KWT", 414, 47.98, 29.38, "Kuwait City"),
    ("LBN", 422, 35.50, 33.89, "Beirut"),
    ("MAR", 504, -6.84, 34.02, "Rabat"),
    ("OMN", 512, 58.41, 23.59, "Muscat"),
    ("QAT", 634, 51.53, 25.29, "Doha"),
    ("SAU", 682, 46.68, 24.71, "Riyadh"),
    ("SYR", 760, 36.29, 33.51, "Damascus"),
    ("TUR", 792, 32.85, 39.93, "Ankara"),
    ("YEM", 887, 44.21, 15.37, "Sanaa"),
    // East Asia
    ("CHN", 156, 116.41, 39.90, "Beijing"),
    ("HKG", 344, 114.17, 22.32, "Hong Kong"),
    ("JPN", 392, 139.69, 35.69, "Tokyo"),
    ("KOR", 410, 126.98, 37.57, "Seoul"),
    ("PRK", 408, 125.75, 39.04, "Pyongyang"),
    ("TWN", 158, 121.56, 25.03, "Taipei"),
    // South and South-East Asia
    ("BGD", 50, 90.41, 23.81, "Dhaka"),
    ("IDN", 360, 106.85, -6.21, "Jakarta"),
    ("IND", 356, 77.21, 28.61, "New Delhi"),
    ("LKA", 144, 79.86, 6.93, "Colombo"),
    ("MYS", 458, 101.69, 3.139, "Kuala Lumpur"),
    ("PAK", 586, 73.05, 33.68, "Islamabad"),
    ("PHL", 608, 120.98, 14.60, "Manila"),
    ("SGP", 702, 103.82, 1.35, "Singapore"),
    ("THA", 764, 100.50, 13.76, "Bangkok"),
    ("VNM", 704, 105.85, 21.03, "Hanoi"),
    // The Americas
    ("ARG", 32, -58.38, -34.60, "Buenos Aires"),
    ("BRA", 76, -47.88, -15.79, "Brasília"),
    ("CAN", 124, -75.70, 45.42, "Ottawa"),
    ("CHL", 152, -70.67, -33.45, "Santiago"),
    ("MEX", 484, -99.13, 19.43, "Mexico City"),
    ("USA", 840, -77.04, 38.91, "Washington"),
    // Africa and Oceania
    ("AUS", 36, 149.13, -35.28, "Canberra"),
    ("ETH", 231, 38.75, 9.03, "Addis Ababa"),
    ("NGA", 566, 7.49, 9.06, "Abuja"),
    ("NZL", 554, 174.78, -41.29, "Wellington"),
    ("ZAF", 710, 28.19, -25.75, "Pretoria"),
    // The other countries of world-atlas's 110m shapes: the point of their largest polygon farthest from
    // its edges, so every country with shapes is drawn (scripts/derive_anchors.py writes these rows).
    ("AGO", 24, 17.86, -12.20, "Angola"),
    ("ATA", 10, 54.00, -75.56, "Antarctica"),
    ("ATF", 260, 69.23, -49.29, "Fr. S. Antarctic Lands"),
    ("BDI", 108, 29.89, -3.42, "Burundi"),
    ("BEN", 204, 2.44, 10.56, "Benin"),
    ("BFA", 854, -1.07, 12.78, "Burkina Faso"),
    ("BHS", 44, -78.04, 24.68, "Bahamas"),
    ("BLZ", 84, -88.70, 17.45, "Belize"),
    ("BOL", 68, -64.75, -16.65, "Bolivia"),
    ("BRN", 96, 115.02, 4.73, "Brunei"),
    ("BTN", 64, 90.05, 27.51, "Bhutan"),
    ("BWA", 72, 24.19, -22.02, "Botswana"),
    ("CAF", 140, 21.56, 6.93, "Central African Rep."),
    ("CIV", 384, -5.73, 7.43, "Côte d'Ivoire"),
    ("CMR", 120, 12.25, 4.51, "Cameroon"),
    ("COD", 180, 23.10, -1.69, "Dem. Rep. Congo"),
    ("COG", 178, 15.88, 0.00, "Congo"),
    ("COL", 170, -73.24, 3.23, "Colombia"),
    ("CRI", 188, -84.07, 10.09, "Costa Rica"),
    ("CUB", 192, -77.96, 21.44, "Cuba"),
    ("DJI", 262, 42.24, 11.55, "Djibouti"),
    ("DOM", 214, -70.86, 19.14, "Dominican Rep."),
    ("ECU", 218, -78.39, -1.15, "Ecuador"),
    ("ERI", 232, 38.01, 16.20, "Eritrea"),
    ("ESH", 732, -13.70, 22.00, "W. Sahara"),
    ("FJI", 242, 178.00, -17.80, "Viti Levu"), // by hand: the script does not unwrap rings across 180°
    ("FLK", 238, -58.53, -51.58, "Falkland Is."),
    ("GAB", 266, 10.91, -0.83, "Gabon"),
    ("GHA", 288, -1.20, 6.95, "Ghana"),
    ("GIN", 324, -9.84, 10.48, "Guinea"),
    ("GMB", 270, -16.02, 13.37, "Gambia"),
    ("GNB", 624, -15.19, 11.95, "Guinea-Bissau"),
    ("GNQ", 226, 10.10, 1.68, "Eq. Guinea"),
    ("GRL", 304, -39.70, 74.20, "Greenland"),
    ("GTM", 320, -90.53, 14.96, "Guatemala"),
    ("GUY", 328, -58.98, 5.70, "Guyana"),
    ("HND", 340, -87.18, 14.72, "Honduras"),
    ("HTI", 332, -72.19, 19.26, "Haiti"),
    ("JAM", 388, -77.27, 18.09, "Jamaica"),
    ("KEN", 404, 37.87, 0.42, "Kenya"),
    ("KHM", 116, 104.32, 12.63, "Cambodia"),
    ("LAO", 418, 102.54, 19.67, "Laos"),
    ("LBR", 430, -10.17, 6.97, "Liberia"),
    ("LBY", 434, 20.41, 26.02, "Libya"),
    ("LSO", 426, 28.34, -29.50, "Lesotho"),
    ("MDG", 450, 46.68, -18.48, "Madagascar"),
    ("MLI", 466, -1.89, 18.65, "Mali"),
    ("MMR", 104, 96.08, 21.43, "Myanmar"),
    ("MOZ", 508, 38.13, -14.01, "Mozambique"),
    ("MRT", 478, -9.78, 19.41, "Mauritania"),
    ("MWI", 454, 33.69, -13.21, "Malawi"),
    ("NAM", 516, 17.07, -20.57, "Namibia"),
    ("NCL", 540, 165.34, -21.14, "New Caledonia"),
    ("NER", 562, 10.05, 17.57, "Niger"),
    ("NIC", 558, -85.07, 12.55, "Nicaragua"),
    ("NPL", 524, 82.31, 28.91, "Nepal"),
    ("PAN", 591, -81.25, 8.30, "Panama"),
    ("PER", 604, -72.49, -13.32, "Peru"),
    ("PNG", 598, 143.21, -5.82, "Papua New Guinea"),
    ("PRI", 630, -66.91, 18.25, "Puerto Rico"),
    ("PRY", 600, -60.17, -21.60, "Paraguay"),
    ("PSE", 275, 35.28, 32.00, "Palestine"),
    ("RWA", 646, 30.23, -1.85, "Rwanda"),
    ("SDN", 729, 29.35, 16.49, "Sudan"),
    ("SEN", 686, -14.85, 15.21, "Senegal"),
    ("SLB", 90, 159.36, -8.05, "Solomon Is."),
    ("SLE", 694, -11.81, 8.50, "Sierra Leone"),
    ("SLV", 222, -89.21, 13.88, "El Salvador"),
    ("SOM", 706, 43.01, 2.43, "Somalia"),
    ("SSD", 728, 30.45, 7.22, "S. Sudan"),
    ("SUR", 740, -56.00, 4.24, "Suriname"),
    ("SWZ", 748, 31.37, -26.51, "eSwatini"),
    ("TCD", 148, 19.23, 17.41, "Chad"),
    ("TGO", 768, 1.05, 8.86, "Togo"),
    ("TLS", 626, 125.44, -8.92, "Timor-Leste"),
    ("TTO", 780, -61.29, 10.45, "Trinidad and Tobago"),
    ("TUN", 788, 9.01, 33.83, "Tunisia"),
    ("TZA", 834, 34.00, -5.53, "Tanzania"),
    ("UGA", 800, 32.99, 1.97, "Uganda"),
    ("URY", 858, -56.21, -32.77, "Uruguay"),
    ("VEN", 862, -64.16, 7.02, "Venezuela"),
    ("VUT", 548, 166.92, -15.32, "Vanuatu"),
    ("ZMB", 894, 26.24, -14.80, "Zambia"),
    ("ZWE", 716, 29.81, -18.89, "Zimbabwe"),
];

fn find(iso3: &str) -> Option<&'static (&'static str, u16, f64, f64, &'static str)> {
    let code = iso3.trim();
    ANCHORS.iter().find(|a| a.0.eq_ignore_ascii_case(code))
}

/// `[lon, lat]` of the country's anchor, by ISO 3166-1 alpha-3 code (any case).
///
/// ```
/// let moscow = roundabout::geo::anchor("RUS").unwrap();
/// assert!((moscow[0] - 37.62).abs() < 0.01);
/// assert_eq!(roundabout::geo::anchor("XXX"), None);
/// ```
pub fn anchor(iso3: &str) -> Option<[f64; 2]> {
    find(iso3).map(|a| [a.2, a.3])
}

/// `[lon, lat]` of the country's anchor, by ISO 3166-1 numeric code.
pub fn anchor_numeric(id: u16) -> Option<[f64; 2]> {
    ANCHORS.iter().find(|a| a.1 == id).map(|a| [a.2, a.3])
}

/// ISO 3166-1 numeric code of an alpha-3 code that has an anchor (the ids of `World`).
///
/// ```
/// assert_eq!(roundabout::geo::iso_numeric("kaz"), Some(398));
/// ```
pub fn iso_numeric(iso3: &str) -> Option<u16> {
    find(iso3).map(|a| a.1)
}

/// The name of the anchor place (capital or economic centre), by alpha-3 code.
pub fn anchor_place(iso3: &str) -> Option<&'static str> {
    find(iso3).map(|a| a.4)
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn route_countries() {
        let near = |a: Option<[f64; 2]>, b: [f64; 2]| {
            a.is_some_and(|a| (a[0] - b[0]).abs() < 0.1 && (a[1] - b[1]).abs() < 0.1)
        };
        assert!(near(anchor("RUS"), [37.6, 55.8]));
        assert!(near(anchor("CHN"), [116.4, 39.9]));
        assert!(near(anchor("KAZ"), [71.4, 51.2]));
        assert!(near(anchor("KGZ"), [74.6, 42.9]));
        assert!(near(anchor("ARE"), [55.3, 25.2]));
        assert_eq!(anchor_place("TUR"), Some("Ankara"));
        assert!(near(anchor_numeric(398), [71.4, 51.2]));
    }

    #[test]
    fn table_is_sane() {
        assert!(ANCHORS.len() >= 80);
        for (i, a) in ANCHORS.iter().enumerate() {
            assert!(
                a.0.len() == 3 && a.2.abs() <= 180.0 && a.3.abs() <= 90.0,
                "{}",
                a.0
            );
            assert!(
                ANCHORS[i + 1..].iter().all(|b| b.0 != a.0 && b.1 != a.1),
                "duplicate {}",
                a.0
            );
        }
    }
}
