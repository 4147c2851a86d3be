//! Countries: ISO 3166-1 alpha-3 ↔ alpha-2 ↔ numeric ↔ English short name, plus the numeric codes that
//! BACI and UN Comtrade use where they differ from ISO (USA 842, France 251, India 699, …).
//!
//! ```
//! use roundabout::countries::{by_alpha3, by_numeric, by_trade_code};
//! assert_eq!(by_alpha3("kaz").map(|c| c.numeric), Some(398));
//! assert_eq!(by_numeric(643).map(|c| c.alpha3), Some("RUS"));
//! assert_eq!(by_trade_code(842).map(|c| c.alpha3), Some("USA"));
//! ```

/// One country or trade area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code (or the trade statistics' own code for areas such as `S19`).
    pub alpha3: &'static str,
    /// ISO 3166-1 alpha-2 code; empty for trade areas.
    pub alpha2: &'static str,
    /// ISO 3166-1 numeric code (or the trade statistics' code for areas).
    pub numeric: u16,
    /// English name as a newsroom writes it ("China", "Russia", "Iran").
    pub name: &'static str,
}

/// Every ISO 3166-1 country, sorted by alpha-3 code (from the `i18n-iso-countries` package, with
/// its shorter alternative names where the first is formal).
pub const ISO: [Country; 250] = [
    Country { alpha3: "ABW", alpha2: "AW", numeric: 533, name: "Aruba" },
    Country { alpha3: "AFG", alpha2: "AF", numeric: 4, name: "Afghanistan" },
    Country { alpha3: "AGO", alpha2: "AO", numeric: 24, name: "Angola" },
    Country { alpha3: "AIA", alpha2: "AI", numeric: 660, name: "Anguilla" },
    Country { alpha3: "ALA", alpha2: "AX", numeric: 248, name: "Åland Islands" },
    Country { alpha3: "ALB", alpha2: "AL", numeric: 8, name: "Albania" },
    Country { alpha3: "AND", alpha2: "AD", numeric: 20, name: "Andorra" },
    Country { alpha3: "ARE", alpha2: "AE", numeric: 784, name: "United Arab Emirates" },
    Country { alpha3: "ARG", alpha2: "AR", numeric: 32, name: "Argentina" },
    Country { alpha3: "ARM", alpha2: "AM", numeric: 51, name: "Armenia" },
    Country { alpha3: "ASM", alpha2: "AS", numeric: 16, name: "American Samoa" },
    Country { alpha3: "ATA", alpha2: "AQ", numeric: 10, name: "Antarctica" },
    Country { alpha3: "ATF", alpha2: "TF", numeric: 260, name: "French Southern Territories" },
    Country { alpha3: "ATG", alpha2: "AG", numeric: 28, name: "Antigua and Barbuda" },
    Country { alpha3: "AUS", alpha2: "AU", numeric: 36, name: "Australia" },
    Country { alpha3: "AUT", alpha2: "AT", numeric: 40, name: "Austria" },
    Country { alpha3: "AZE", alpha2: "AZ", numeric: 31, name: "Azerbaijan" },
    Country { alpha3: "BDI", alpha2: "BI", numeric: 108, name: "Burundi" },
    Country { alpha3: "BEL", alpha2: "BE", numeric: 56, name: "Belgium" },
    Country { alpha3: "BEN", alpha2: "BJ", numeric: 204, name: "Benin" },
    Country { alpha3: "BES", alpha2: "BQ", numeric: 535, name: "Bonaire, Sint Eustatius and Saba" },
    Country { alpha3: "BFA", alpha2: "BF", numeric: 854, name: "Burkina Faso" },
    Country { alpha3: "BGD", alpha2: "BD", numeric: 50, name: "Bangladesh" },
    Country { alpha3: "BGR", alpha2: "BG", numeric: 100, name: "Bulgaria" },
    Country { alpha3: "BHR", alpha2: "BH", numeric: 48, name: "Bahrain" },
    Country { alpha3: "BHS", alpha2: "BS", numeric: 44, name: "Bahamas" },
    Country { alpha3: "BIH", alpha2: "BA", numeric: 70, name: "Bosnia and Herzegovina" },
    Country { alpha3: "BLM", alpha2: "BL", numeric: 652, name: "Saint Barthélemy" },
    Country { alpha3: "BLR", alpha2: "BY", numeric: 112, name: "Belarus" },
    Country { alpha3: "BLZ", alpha2: "BZ", numeric: 84, name: "Belize" },
    Country { alpha3: "BMU", alpha2: "BM", numeric: 60, name: "Bermuda" },
    Country { alpha3: "BOL", alpha2: "BO", numeric: 68, name: "Bolivia" },
    Country { alpha3: "BRA", alpha2: "BR", numeric: 76, name: "Brazil" },
    Country { alpha3: "BRB", alpha2: "BB", numeric: 52, name: "Barbados" },
    Country { alpha3: "BRN", alpha2: "BN", numeric: 96, name: "Brunei Darussalam" },
    Country { alpha3: "BTN", alpha2: "BT", numeric: 64, name: "Bhutan" },
    Country { alpha3: "BVT", alpha2: "BV", numeric: 74, name: "Bouvet Island" },
    Country { alpha3: "BWA", alpha2: "BW", numeric: 72, name: "Botswana" },
    Country { alpha3: "CAF", alpha2: "CF", numeric: 140, name: "Central African Republic" },
    Country { alpha3: "CAN", alpha2: "CA", numeric: 124, name: "Canada" },
    Country { alpha3: "CCK", alpha2: "CC", numeric: 166, name: "Cocos (Keeling) Islands" },
    Country { alpha3: "CHE", alpha2: "CH", numeric: 756, name: "Switzerland" },
    Country { alpha3: "CHL", alpha2: "CL", numeric: 152, name: "Chile" },
    Country { alpha3: "CHN", alpha2: "CN", numeric: 156, name: "China" },
    Country { alpha3: "CIV", alpha2: "CI", numeric: 384, name: "Côte d'Ivoire" },
    Country { alpha3: "CMR", alpha2: "CM", numeric: 120, name: "Cameroon" },
    Country { alpha3: "COD", alpha2: "CD", numeric: 180, name: "DR Congo" },
    Country { alpha3: "COG", alpha2: "CG", numeric: 178, name: "Congo" },
    Country { alpha3: "COK", alpha2: "CK", numeric: 184, name: "Cook Islands" },
    Country { alpha3: "COL", alpha2: "CO", numeric: 170, name: "Colombia" },
    Country { alpha3: "COM", alpha2: "KM", numeric: 174, name: "Comoros" },
    Country { alpha3: "CPV", alpha2: "CV", numeric: 132, name: "Cape Verde" },
    Country { alpha3: "CRI", alpha2: "CR", numeric: 188, name: "Costa Rica" },
    Country { alpha3: "CUB", alpha2: "CU", numeric: 192, name: "Cuba" },
    Country { alpha3: "CUW", alpha2: "CW", numeric: 531, name: "Curaçao" },
    Country { alpha3: "CXR", alpha2: "CX", numeric: 162, name: "Christmas Island" },
    Country { alpha3: "CYM", alpha2: "KY", numeric: 136, name: "Cayman Islands" },
    Country { alpha3: "CYP", alpha2: "CY", numeric: 196, name: "Cyprus" },
    Country { alpha3: "CZE", alpha2: "CZ", numeric: 203, name: "Czechia" },
    Country { alpha3: "DEU", alpha2: "DE", numeric: 276, name: "Germany" },
    Country { alpha3: "DJI", alpha2: "DJ", numeric: 262, name: "Djibouti" },
    Country { alpha3: "DMA", alpha2: "DM", numeric: 212, name: "Dominica" },
    Country { alpha3: "DNK", alpha2: "DK", numeric: 208, name: "Denmark" },
    Country { alpha3: "DOM", alpha2: "DO", numeric: 214, name: "Dominican Republic" },
    Country { alpha3: "DZA", alpha2: "DZ", numeric: 12, name: "Algeria" },
    Country { alpha3: "ECU", alpha2: "EC", numeric: 218, name: "Ecuador" },
    Country { alpha3: "EGY", alpha2: "EG", numeric: 818, name: "Egypt" },
    Country { alpha3: "ERI", alpha2: "ER", numeric: 232, name: "Eritrea" },
    Country { alpha3: "ESH", alpha2: "EH", numeric: 732, name: "Western Sahara" },
    Country { alpha3: "ESP", alpha2: "ES", numeric: 724, name: "Spain" },
    Country { alpha3: "EST", alpha2: "EE", numeric: 233, name: "Estonia" },
    Country { alpha3: "ETH", alpha2: "ET", numeric: 231, name: "Ethiopia" },
    Country { alpha3: "FIN", alpha2: "FI", numeric: 246, name: "Finland" },
    Country { alpha3: "FJI", alpha2: "FJ", numeric: 242, name: "Fiji" },
    Country { alpha3: "FLK", alpha2: "FK", numeric: 238, name: "Falkland Islands (Malvinas)" },
    Country { alpha3: "FRA", alpha2: "FR", numeric: 250, name: "France" },
    Country { alpha3: "FRO", alpha2: "FO", numeric: 234, name: "Faroe Islands" },
    Country { alpha3: "FSM", alpha2: "FM", numeric: 583, name: "Micronesia" },
    Country { alpha3: "GAB", alpha2: "GA", numeric: 266, name: "Gabon" },
    Country { alpha3: "GBR", alpha2: "GB", numeric: 826, name: "United Kingdom" },
    Country { alpha3: "GEO", alpha2: "GE", numeric: 268, name: "Georgia" },
    Country { alpha3: "GGY", alpha2: "GG", numeric: 831, name: "Guernsey" },
    Country { alpha3: "GHA", alpha2: "GH", numeric: 288, name: "Ghana" },
    Country { alpha3: "GIB", alpha2: "GI", numeric: 292, name: "Gibraltar" },
    Country { alpha3: "GIN", alpha2: "GN", numeric: 324, name: "Guinea" },
    Country { alpha3: "GLP", alpha2: "GP", numeric: 312, name: "Guadeloupe" },
    Country { alpha3: "GMB", alpha2: "GM", numeric: 270, name: "Gambia" },
    Country { alpha3: "GNB", alpha2: "GW", numeric: 624, name: "Guinea-Bissau" },
    Country { alpha3: "GNQ", alpha2: "GQ", numeric: 226, name: "Equatorial Guinea" },
    Country { alpha3: "GRC", alpha2: "GR", numeric: 300, name: "Greece" },
    Country { alpha3: "GRD", alpha2: "GD", numeric: 308, name: "Grenada" },
    Country { alpha3: "GRL", alpha2: "GL", numeric: 304, name: "Greenland" },
    Country { alpha3: "GTM", alpha2: "GT", numeric: 320, name: "Guatemala" },
    Country { alpha3: "GUF", alpha2: "GF", numeric: 254, name: "French Guiana" },
    Country { alpha3: "GUM", alpha2: "GU", numeric: 316, name: "Guam" },
    Country { alpha3: "GUY", alpha2: "GY", numeric: 328, name: "Guyana" },
    Country { alpha3: "HKG", alpha2: "HK", numeric: 344, name: "Hong Kong" },
    Country { alpha3: "HMD", alpha2: "HM", numeric: 334, name: "Heard Island and McDonald Islands" },
    Country { alpha3: "HND", alpha2: "HN", numeric: 340, name: "Honduras" },
    Country { alpha3: "HRV", alpha2: "HR", numeric: 191, name: "Croatia" },
    Country { alpha3: "HTI", alpha2: "HT", numeric: 332, name: "Haiti" },
    Country { alpha3: "HUN", alpha2: "HU", numeric: 348, name: "Hungary" },
    Country { alpha3: "IDN", alpha2: "ID", numeric: 360, name: "Indonesia" },
    Country { alpha3: "IMN", alpha2: "IM", numeric: 833, name: "Isle of Man" },
    Country { alpha3: "IND", alpha2: "IN", numeric: 356, name: "India" },
    Country { alpha3: "IOT", alpha2: "IO", numeric: 86, name: "British Indian Ocean Territory" },
    Country { alpha3: "IRL", alpha2: "IE", numeric: 372, name: "Ireland" },
    Country { alpha3: "IRN", alpha2: "IR", numeric: 364, name: "Iran" },
    Country { alpha3: "IRQ", alpha2: "IQ", numeric: 368, name: "Iraq" },
    Country { alpha3: "ISL", alpha2: "IS", numeric: 352, name: "Iceland" },
    Country { alpha3: "ISR", alpha2: "IL", numeric: 376, name: "Israel" },
    Country { alpha3: "ITA", alpha2: "IT", numeric: 380, name: "Italy" },
    Country { alpha3: "JAM", alpha2: "JM", numeric: 388, name: "Jamaica" },
    Country { alpha3: "JEY", alpha2: "JE", numeric: 832, name: "Jersey" },
    Country { alpha3: "JOR", alpha2: "JO", numeric: 400, name: "Jordan" },
    Country { alpha3: "JPN", alpha2: "JP", numeric: 392, name: "Japan" },
    Country { alpha3: "KAZ", alpha2: "KZ", numeric: 398, name: "Kazakhstan" },
    Country { alpha3: "KEN", alpha2: "KE", numeric: 404, name: "Kenya" },
    Country { alpha3: "KGZ", alpha2: "KG", numeric: 417, name: "Kyrgyzstan" },
    Country { alpha3: "KHM", alpha2: "KH", numeric: 116, name: "Cambodia" },
    Country { alpha3: "KIR", alpha2: "KI", numeric: 296, name: "Kiribati" },
    Country { alpha3: "KNA", alpha2: "KN", numeric: 659, name: "Saint Kitts and Nevis" },
    Country { alpha3: "KOR", alpha2: "KR", numeric: 410, name: "South Korea" },
    Country { alpha3: "KWT", alpha2: "KW", numeric: 414, name: "Kuwait" },
    Country { alpha3: "LAO", alpha2: "LA", numeric: 418, name: "Laos" },
    Country { alpha3: "LBN", alpha2: "LB", numeric: 422, name: "Lebanon" },
    Country { alpha3: "LBR", alpha2: "LR", numeric: 430, name: "Liberia" },
    Country { alpha3: "LBY", alpha2: "LY", numeric: 434, name: "Libya" },
    Country { alpha3: "LCA", alpha2: "LC", numeric: 662, name: "Saint Lucia" },
    Country { alpha3: "LIE", alpha2: "LI", numeric: 438, name: "Liechtenstein" },
    Country { alpha3: "LKA", alpha2: "LK", numeric: 144, name: "Sri Lanka" },
    Country { alpha3: "LSO", alpha2: "LS", numeric: 426, name: "Lesotho" },
    Country { alpha3: "LTU", alpha2: "LT", numeric: 440, name: "Lithuania" },
    Country { alpha3: "LUX", alpha2: "LU", numeric: 442, name: "Luxembourg" },
    Country { alpha3: "LVA", alpha2: "LV", numeric: 428, name: "Latvia" },
    Country { alpha3: "MAC", alpha2: "MO", numeric: 446, name: "Macao" },
    Country { alpha3: "MAF", alpha2: "MF", numeric: 663, name: "Saint Martin (French part)" },
    Country { alpha3: "MAR", alpha2: "MA", numeric: 504, name: "Morocco" },
    Country { alpha3: "MCO", alpha2: "MC", numeric: 492, name: "Monaco" },
    Country { alpha3: "MDA", alpha2: "MD", numeric: 498, name: "Moldova" },
    Country { alpha3: "MDG", alpha2: "MG", numeric: 450, name: "Madagascar" },
    Country { alpha3: "MDV", alpha2: "MV", numeric: 462, name: "Maldives" },
    Country { alpha3: "MEX", alpha2: "MX", numeric: 484, name: "Mexico" },
    Country { alpha3: "MHL", alpha2: "MH", numeric: 584, name: "Marshall Islands" },
    Country { alpha3: "MKD", alpha2: "MK", numeric: 807, name: "North Macedonia" },
    Country { alpha3: "MLI", alpha2: "ML", numeric: 466, name: "Mali" },
    Country { alpha3: "MLT", alpha2: "MT", numeric: 470, name: "Malta" },
    Country { alpha3: "MMR", alpha2: "MM", numeric: 104, name: "Myanmar" },
    Country { alpha3: "MNE", alpha2: "ME", numeric: 499, name: "Montenegro" },
    Country { alpha3: "MNG", alpha2: "MN", numeric: 496, name: "Mongolia" },
    Country { alpha3: "MNP", alpha2: "MP", numeric: 580, name: "Northern Mariana Islands" },
    Country { alpha3: "MOZ", alpha2: "MZ", numeric: 508, name: "Mozambique" },
    Country { alpha3: "MRT", alpha2: "MR", numeric: 478, name: "Mauritania" },
    Country { alpha3: "MSR", alpha2: "MS", numeric: 500, name: "Montserrat" },
    Country { alpha3: "MTQ", alpha2: "MQ", numeric: 474, name: "Martinique" },
    Country { alpha3: "MUS", alpha2: "MU", numeric: 480, name: "Mauritius" },
    Country { alpha3: "MWI", alpha2: "MW", numeric: 454, name: "Malawi" },
    Country { alpha3: "MYS", alpha2: "MY", numeric: 458, name: "Malaysia" },
    Country { alpha3: "MYT", alpha2: "YT", numeric: 175, name: "Mayotte" },
    Country { alpha3: "NAM", alpha2: "NA", numeric: 516, name: "Namibia" },
    Country { alpha3: "NCL", alpha2: "NC", numeric: 540, name: "New Caledonia" },
    Country { alpha3: "NER", alpha2: "NE", numeric: 562, name: "Niger" },
    Country { alpha3: "NFK", alpha2: "NF", numeric: 574, name: "Norfolk Island" },
    Country { alpha3: "NGA", alpha2: "NG", numeric: 566, name: "Nigeria" },
    Country { alpha3: "NIC", alpha2: "NI", numeric: 558, name: "Nicaragua" },
    Country { alpha3: "NIU", alpha2: "NU", numeric: 570, name: "Niue" },
    Country { alpha3: "NLD", alpha2: "NL", numeric: 528, name: "Netherlands" },
    Country { alpha3: "NOR", alpha2: "NO", numeric: 578, name: "Norway" },
    Country { alpha3: "NPL", alpha2: "NP", numeric: 524, name: "Nepal" },
    Country { alpha3: "NRU", alpha2: "NR", numeric: 520, name: "Nauru" },
    Country { alpha3: "NZL", alpha2: "NZ", numeric: 554, name: "New Zealand" },
    Country { alpha3: "OMN", alpha2: "OM", numeric: 512, name: "Oman" },
    Country { alpha3: "PAK", alpha2: "PK", numeric: 586, name: "Pakistan" },
    Country { alpha3: "PAN", alpha2: "PA", numeric: 591, name: "Panama" },
    Country { alpha3: "PCN", alpha2: "PN", numeric: 612, name: "Pitcairn" },
    Country { alpha3: "PER", alpha2: "PE", numeric: 604, name: "Peru" },
    Country { alpha3: "PHL", alpha2: "PH", numeric: 608, name: "Philippines" },
    Country { alpha3: "PLW", alpha2: "PW", numeric: 585, name: "Palau" },
    Country { alpha3: "PNG", alpha2: "PG", numeric: 598, name: "Papua New Guinea" },
    Country { alpha3: "POL", alpha2: "PL", numeric: 616, name: "Poland" },
    Country { alpha3: "PRI", alpha2: "PR", numeric: 630, name: "Puerto Rico" },
    Country { alpha3: "PRK", alpha2: "KP", numeric: 408, name: "North Korea" },
    Country { alpha3: "PRT", alpha2: "PT", numeric: 620, name: "Portugal" },
    Country { alpha3: "PRY", alpha2: "PY", numeric: 600, name: "Paraguay" },
    Country { alpha3: "PSE", alpha2: "PS", numeric: 275, name: "Palestine" },
    Country { alpha3: "PYF", alpha2: "PF", numeric: 258, name: "French Polynesia" },
    Country { alpha3: "QAT", alpha2: "QA", numeric: 634, name: "Qatar" },
    Country { alpha3: "REU", alpha2: "RE", numeric: 638, name: "Réunion" },
    Country { alpha3: "ROU", alpha2: "RO", numeric: 642, name: "Romania" },
    Country { alpha3: "RUS", alpha2: "RU", numeric: 643, name: "Russia" },
    Country { alpha3: "RWA", alpha2: "RW", numeric: 646, name: "Rwanda" },
    Country { alpha3: "SAU", alpha2: "SA", numeric: 682, name: "Saudi Arabia" },
    Country { alpha3: "SDN", alpha2: "SD", numeric: 729, name: "Sudan" },
    Country { alpha3: "SEN", alpha2: "SN", numeric: 686, name: "Senegal" },
    Country { alpha3: "SGP", alpha2: "SG", numeric: 702, name: "Singapore" },
    Country { alpha3: "SGS", alpha2: "GS", numeric: 239, name: "South Georgia and the South Sandwich Islands" },
    Country { alpha3: "SHN", alpha2: "SH", numeric: 654, name: "Saint Helena" },
    Country { alpha3: "SJM", alpha2: "SJ", numeric: 744, name: "Svalbard and Jan Mayen" },
    Country { alpha3: "SLB", alpha2: "SB", numeric: 90, name: "Solomon Islands" },
    Country { alpha3: "SLE", alpha2: "SL", numeric: 694, name: "Sierra Leone" },
    Country { alpha3: "SLV", alpha2: "SV", numeric: 222, name: "El Salvador" },
    Country { alpha3: "SMR", alpha2: "SM", numeric: 674, name: "San Marino" },
    Country { alpha3: "SOM", alpha2: "SO", numeric: 706, name: "Somalia" },
    Country { alpha3: "SPM", alpha2: "PM", numeric: 666, name: "Saint Pierre and Miquelon" },
    Country { alpha3: "SRB", alpha2: "RS", numeric: 688, name: "Serbia" },
    Country { alpha3: "SSD", alpha2: "SS", numeric: 728, name: "South Sudan" },
    Country { alpha3: "STP", alpha2: "ST", numeric: 678, name: "Sao Tome and Principe" },
    Country { alpha3: "SUR", alpha2: "SR", numeric: 740, name: "Suriname" },
    Country { alpha3: "SVK", alpha2: "SK", numeric: 703, name: "Slovakia" },
    Country { alpha3: "SVN", alpha2: "SI", numeric: 705, name: "Slovenia" },
    Country { alpha3: "SWE", alpha2: "SE", numeric: 752, name: "Sweden" },
    Country { alpha3: "SWZ", alpha2: "SZ", numeric: 748, name: "Eswatini" },
    Country { alpha3: "SXM", alpha2: "SX", numeric: 534, name: "Sint Maarten (Dutch part)" },
    Country { alpha3: "SYC", alpha2: "SC", numeric: 690, name: "Seychelles" },
    Country { alpha3: "SYR", alpha2: "SY", numeric: 760, name: "Syria" },
    Country { alpha3: "TCA", alpha2: "TC", numeric: 796, name: "Turks and Caicos Islands" },
    Country { alpha3: "TCD", alpha2: "TD", numeric: 148, name: "Chad" },
    Country { alpha3: "TGO", alpha2: "TG", numeric: 768, name: "Togo" },
    Country { alpha3: "THA", alpha2: "TH", numeric: 764, name: "Thailand" },
    Country { alpha3: "TJK", alpha2: "TJ", numeric: 762, name: "Tajikistan" },
    Country { alpha3: "TKL", alpha2: "TK", numeric: 772, name: "Tokelau" },
    Country { alpha3: "TKM", alpha2: "TM", numeric: 795, name: "Turkmenistan" },
    Country { alpha3: "TLS", alpha2: "TL", numeric: 626, name: "Timor-Leste" },
    Country { alpha3: "TON", alpha2: "TO", numeric: 776, name: "Tonga" },
    Country { alpha3: "TTO", alpha2: "TT", numeric: 780, name: "Trinidad and Tobago" },
    Country { alpha3: "TUN", alpha2: "TN", numeric: 788, name: "Tunisia" },
    Country { alpha3: "TUR", alpha2: "TR", numeric: 792, name: "Türkiye" },
    Country { alpha3: "TUV", alpha2: "TV", numeric: 798, name: "Tuvalu" },
    Country { alpha3: "TWN", alpha2: "TW", numeric: 158, name: "Taiwan" },
    Country { alpha3: "TZA", alpha2: "TZ", numeric: 834, name: "Tanzania" },
    Country { alpha3: "UGA", alpha2: "UG", numeric: 800, name: "Uganda" },
    Country { alpha3: "UKR", alpha2: "UA", numeric: 804, name: "Ukraine" },
    Country { alpha3: "UMI", alpha2: "UM", numeric: 581, name: "United States Minor Outlying Islands" },
    Country { alpha3: "URY", alpha2: "UY", numeric: 858, name: "Uruguay" },
    Country { alpha3: "USA", alpha2: "US", numeric: 840, name: "United States" },
    Country { alpha3: "UZB", alpha2: "UZ", numeric: 860, name: "Uzbekistan" },
    Country { alpha3: "VAT", alpha2: "VA", numeric: 336, name: "Vatican City" },
    Country { alpha3: "VCT", alpha2: "VC", numeric: 670, name: "Saint Vincent and the Grenadines" },
    Country { alpha3: "VEN", alpha2: "VE", numeric: 862, name: "Venezuela" },
    Country { alpha3: "VGB", alpha2: "VG", numeric: 92, name: "British Virgin Islands" },
    Country { alpha3: "VIR", alpha2: "VI", numeric: 850, name: "US Virgin Islands" },
    Country { alpha3: "VNM", alpha2: "VN", numeric: 704, name: "Vietnam" },
    Country { alpha3: "VUT", alpha2: "VU", numeric: 548, name: "Vanuatu" },
    Country { alpha3: "WLF", alpha2: "WF", numeric: 876, name: "Wallis and Futuna" },
    Country { alpha3: "WSM", alpha2: "WS", numeric: 882, name: "Samoa" },
    Country { alpha3: "XKK", alpha2: "XK", numeric: 983, name: "Kosovo" },
    Country { alpha3: "YEM", alpha2: "YE", numeric: 887, name: "Yemen" },
    Country { alpha3: "ZAF", alpha2: "ZA", numeric: 710, name: "South Africa" },
    Country { alpha3: "ZMB", alpha2: "ZM", numeric: 894, name: "Zambia" },
    Country { alpha3: "ZWE", alpha2: "ZW", numeric: 716, name: "Zimbabwe" },
];

/// Numeric codes of BACI and UN Comtrade that are not ISO 3166-1 numeric codes, and the areas they name.
///
/// Areas whose Comtrade ISO code is not three letters or digits (`_X`, `X1`, `X2`, `X3`) keep their numeric
/// code as their code (`899`, `837`, `838`, `839`), so that every table and tidy file can hold them; so do
/// the other areas of UN Comtrade's partner list, whatever letter code a file gives them (`A59`, `R20`, …).
/// Names as UN Comtrade's partner list (comtrade.un.org reference `partnerAreas`) and BACI's country-code
/// files give them.
pub const TRADE_EXCEPTIONS: [Country; 30] = [
    Country { alpha3: "W00", alpha2: "", numeric: 0, name: "World" },
    Country { alpha3: "BLX", alpha2: "", numeric: 58, name: "Belgium-Luxembourg" },
    Country { alpha3: "129", alpha2: "", numeric: 129, name: "Caribbean, nes" },
    Country { alpha3: "221", alpha2: "", numeric: 221, name: "Eastern Europe, nes" },
    Country { alpha3: "FRA", alpha2: "FR", numeric: 251, name: "France" },
    // Italy was 381 in Comtrade and in BACI up to V202201, 380 (ISO) since.
    Country { alpha3: "ITA", alpha2: "IT", numeric: 381, name: "Italy" },
    Country { alpha3: "290", alpha2: "", numeric: 290, name: "Northern Africa, nes" },
    Country { alpha3: "471", alpha2: "", numeric: 471, name: "Central American Common Market, nes" },
    Country { alpha3: "472", alpha2: "", numeric: 472, name: "Africa CAMEU region, nes" },
    Country { alpha3: "473", alpha2: "", numeric: 473, name: "LAIA, nes" },
    Country { alpha3: "S19", alpha2: "", numeric: 490, name: "Other Asia, nes" },
    Country { alpha3: "O19", alpha2: "", numeric: 527, name: "Oceania, nes" },
    Country { alpha3: "536", alpha2: "", numeric: 536, name: "Neutral Zone" },
    Country { alpha3: "E19", alpha2: "", numeric: 568, name: "Other Europe, nes" },
    Country { alpha3: "F19", alpha2: "", numeric: 577, name: "Other Africa, nes" },
    Country { alpha3: "NOR", alpha2: "NO", numeric: 579, name: "Norway" },
    Country { alpha3: "636", alpha2: "", numeric: 636, name: "Rest of America, nes" },
    Country { alpha3: "637", alpha2: "", numeric: 637, name: "North America and Central America, nes" },
    Country { alpha3: "697", alpha2: "", numeric: 697, name: "Europe EFTA, nes" },
    Country { alpha3: "IND", alpha2: "IN", numeric: 699, name: "India" },
    Country { alpha3: "ZA1", alpha2: "", numeric: 711, name: "Southern African Customs Union" },
    Country { alpha3: "SDN", alpha2: "SD", numeric: 736, name: "Sudan (former)" },
    Country { alpha3: "CHE", alpha2: "CH", numeric: 757, name: "Switzerland" },
    Country { alpha3: "SUN", alpha2: "", numeric: 810, name: "USSR" },
    Country { alpha3: "837", alpha2: "", numeric: 837, name: "Bunkers" },
    Country { alpha3: "838", alpha2: "", numeric: 838, name: "Free zones" },
    Country { alpha3: "839", alpha2: "", numeric: 839, name: "Special categories" },
    Country { alpha3: "USA", alpha2: "US", numeric: 842, name: "United States" },
    Country { alpha3: "879", alpha2: "", numeric: 879, name: "Western Asia, nes" },
    Country { alpha3: "899", alpha2: "", numeric: 899, name: "Areas, nes" },
];

/// True for a trade area's code rather than a country's: a letter or digit and two digits (`S19`, `E19`,
/// `A59`, `899`). ISO 3166-1 alpha-3 codes are letters only, so no country is taken for one.
pub fn is_area_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 3 && b[0].is_ascii_alphanumeric() && b[1].is_ascii_digit() && b[2].is_ascii_digit()
}

/// The English name of the country or area with this alpha-3 code; the code itself when none has it.
/// Inlined as the closures it replaces were: called out of line, it cost the worker's wasm 267 bytes.
#[inline]
pub fn english_name(alpha3: &str) -> String {
    by_alpha3(alpha3).map_or_else(|| alpha3.to_string(), |c| c.name.to_string())
}

/// The ISO country with this alpha-3 code (any case), or a trade area such as `S19`.
pub fn by_alpha3(code: &str) -> Option<&'static Country> {
    let code = code.trim();
    ISO.iter()
        .find(|c| c.alpha3.eq_ignore_ascii_case(code))
        .or_else(|| TRADE_EXCEPTIONS.iter().find(|c| c.alpha2.is_empty() && c.alpha3.eq_ignore_ascii_case(code)))
}

/// The ISO country with this ISO 3166-1 numeric code.
pub fn by_numeric(code: u16) -> Option<&'static Country> {
    ISO.iter().find(|c| c.numeric == code)
}

/// The country or area a BACI or UN Comtrade numeric code names: their own codes first, then ISO's.
pub fn by_trade_code(code: u16) -> Option<&'static Country> {
    TRADE_EXCEPTIONS.iter().find(|c| c.numeric == code).or_else(|| by_numeric(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_complete_and_unique() {
        assert!(ISO.len() >= 245, "{}", ISO.len());
        for (i, c) in ISO.iter().enumerate() {
            assert_eq!(by_alpha3(c.alpha3), Some(c));
            assert!(ISO[..i].iter().all(|d| d.numeric != c.numeric && d.alpha3 != c.alpha3), "{c:?}");
        }
    }

    #[test]
    fn route_countries_and_trade_exceptions() {
        assert_eq!(by_alpha3("CHN").map(|c| c.numeric), Some(156));
        assert_eq!(by_alpha3("KGZ").map(|c| c.name), Some("Kyrgyzstan"));
        assert_eq!(by_numeric(840).map(|c| c.alpha3), Some("USA"));
        assert_eq!(by_numeric(842), None);
        for (code, a3) in [(842, "USA"), (251, "FRA"), (699, "IND"), (757, "CHE"), (579, "NOR"), (490, "S19"), (398, "KAZ")] {
            assert_eq!(by_trade_code(code).map(|c| c.alpha3), Some(a3));
        }
        assert_eq!(by_alpha3("S19").map(|c| c.name), Some("Other Asia, nes"));
        assert_eq!(by_alpha3("XYZ"), None);
        assert_eq!(by_trade_code(381).map(|c| c.alpha3), Some("ITA"));
        assert_eq!(by_trade_code(380).map(|c| c.alpha3), Some("ITA"));
        assert_eq!(by_trade_code(899).map(|c| c.name), Some("Areas, nes"));
        assert!(is_area_code("A59") && is_area_code("899") && !is_area_code("KAZ") && !is_area_code("_X"));
    }

    #[test]
    fn areas_have_names_and_no_country_shapes() {
        for (code, name) in [(636, "Rest of America, nes"), (472, "Africa CAMEU region, nes"), (879, "Western Asia, nes")] {
            let area = by_trade_code(code).unwrap_or_else(|| panic!("{code}"));
            assert_eq!((area.name, by_alpha3(area.alpha3)), (name, Some(area)));
        }
        // An area's number is no ISO country's, so the map never draws one on a country's shapes.
        for area in TRADE_EXCEPTIONS.iter().filter(|c| c.alpha2.is_empty()) {
            assert!(by_numeric(area.numeric).is_none(), "{area:?}");
        }
    }
}
