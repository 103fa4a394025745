// generate_network: writes the fictional sample network (samples/network/)
// from a seed, identically on every machine.
//
//   generate_network OUT_DIR [--seed N] [--cities N]
//
// Every city, name and answer is invented. Answers follow the questionnaire
// (templates/index/questionnaire.toml): each city has an overall maturity and
// uneven strengths per area, and its answers are drawn from those, so the
// network holds strong and weak cities with realistic, uneven profiles.
// Cities with earlier editions mostly progress between them; editions dated
// before the 2019 revision answer the core questionnaire ("2011").
//
// Determinism: a fixed 64-bit generator (splitmix64) and integer arithmetic
// or IEEE basic operations only (no <random> distributions, no libm), so the
// same seed writes the same bytes with any compiler and C library.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "load/questionnaire.h"
#include "support/atomic_file.h"
#include "support/data_root.h"
#include "support/diagnostic.h"

namespace {

namespace fs = std::filesystem;
using icc::AnswerType;
using icc::Question;
using icc::QuestionKind;

constexpr std::uint64_t default_seed = 20260315;
constexpr int default_cities = 157;  // with the eight hand-written showcases: 165

// The hand-written showcase cities live in the same folder; never reuse their ids.
const std::set<std::string> showcase_ids{"valmora",  "marvege",  "quellmark",  "castelvarra",
                                          "zlatoriv", "hoshinagi", "bab-nouara", "neve-eshkar"};

class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, 1), 53 bits.
    double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
    // Uniform integer in [lo, hi].
    std::int64_t between(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }
    bool chance(double p) { return uniform() < p; }
    // Bell-shaped in [0, 1), mean 0.5: the mean of three uniforms.
    double bell() { return (uniform() + uniform() + uniform()) / 3.0; }
    template <typename T>
    const T& pick(const std::vector<T>& items) {
        return items[static_cast<std::size_t>(between(0, static_cast<std::int64_t>(items.size()) - 1))];
    }

private:
    std::uint64_t state_;
};

double clamp01(double x) { return std::clamp(x, 0.0, 0.9999); }

// ------------------------------------------------------------------ names

struct NamingStyle {
    std::vector<std::string> starts;
    std::vector<std::string> middles;  // may hold "" for two-part names
    std::vector<std::string> ends;
};

const std::map<std::string, NamingStyle>& naming_styles() {
    static const std::map<std::string, NamingStyle> styles{
        {"italian",
         {{"Castel", "Monte", "Val", "Borgo", "Roc", "Ter", "Lago", "Serra", "Pian", "Fonte"},
          {"dor", "mir", "ven", "sar", "lun", "bru", "cin", "tor"},
          {"ano", "ello", "ina", "ora", "ese", "ara", "ento", "iano", "ella", "oria"}}},
        {"iberian",
         {{"Alca", "Mira", "Torre", "Villa", "Casa", "Olmo", "Peña", "Riba", "Sala", "Vega"},
          {"dor", "mar", "sen", "bel", "cal", "ver", "lom"},
          {"eda", "ejo", "ares", "illa", "osa", "ino", "ueña", "elo", "ança", "ada"}}},
        {"french",
         {{"Beau", "Roche", "Belle", "Clair", "Fonte", "Lanc", "Mar", "Sauve", "Vire", "Haute"},
          {"vel", "mar", "ber", "lan", "sor", "rou"},
          {"ac", "ière", "ois", "eux", "ange", "elle", "ance", "ignac", "ville", "on"}}},
        {"german",
         {{"Wald", "Stein", "Hoch", "Linden", "Rosen", "Eichen", "Falken", "Birken", "Sonnen", "Kranich"},
          {"", "a", "er", "en"},
          {"burg", "feld", "hausen", "dorf", "heim", "tal", "brück", "stett", "au", "roda"}}},
        {"dutch",
         {{"Zand", "Veen", "Hol", "Ede", "Ter", "Wes", "Oost", "Hel", "Kruis", "Bree"},
          {"er", "el", "en", "ing"},
          {"dam", "hoven", "wijk", "veld", "recht", "sum", "broek", "lo", "mond", "gem"}}},
        {"nordic",
         {{"Björk", "Sol", "Fjell", "Lyng", "Strand", "Ask", "Elv", "Heg", "Ravn", "Sten"},
          {"e", "s", "a", "ar"},
          {"vik", "by", "holm", "stad", "berg", "ås", "fors", "sund", "dal", "näs"}}},
        {"finnish",
         {{"Kuu", "Vaa", "Sel", "Hon", "Rau", "Pel", "Lou", "Tuu", "Kar", "Nii"},
          {"ka", "ta", "la", "vi", "ro"},
          {"lahti", "niemi", "koski", "järvi", "salo", "vaara", "mäki", "harju", "linna", "joki"}}},
        {"slavic",
         {{"Bel", "Svet", "Zelen", "Kras", "Dobr", "Gor", "Vel", "Mir", "Sos", "Jas"},
          {"o", "a", "i", "ino"},
          {"grad", "vo", "vice", "sk", "va", "vec", "lin", "myn", "gorod", "pol"}}},
        {"greek",
         {{"Ano ", "Neo ", "Kato ", "Pali", "Agia "},
          {"Lith", "Dor", "Kal", "Mel", "Per", "Theo", "Ar"},
          {"opolis", "ada", "eia", "os", "itsa", "ini", "ari"}}},
        {"baltic",
         {{"Vei", "Sau", "Rūz", "Dau", "Kal", "Lie", "Ozo", "Jau"},
          {"k", "l", "d", "m"},
          {"ava", "pils", "ciems", "ėnai", "iai", "uva", "ene"}}},
        {"english",
         {{"Amber", "Cald", "Elder", "Fen", "Gorse", "Heron", "Lark", "Marl", "Quill", "Rook", "Sedge", "Thistle",
           "Wold", "Corve"},
          {"", "en", "ing", "ham"},
          {"mere", "combe", "haven", "worth", "ford", "ley", "wick", "borough", "minster", "ton"}}},
        {"japanese",
         {{"Aka", "Hoshi", "Shira", "Yuki", "Mizu", "Hana", "Tsuki", "Kiri", "Sora", "Nagi"},
          {"no", "ga", "ku", "se"},
          {"hama", "saki", "oka", "zawa", "tsu", "yama", "mura", "hara", "kawa", "shima"}}},
        {"korean",
         {{"Han", "Dae", "Seo", "Cheong", "Gwang", "Mi", "Bo", "Yeon", "Sol", "Ha"},
          {"ri", "mun", "bi", "seol"},
          {"san", "ju", "won", "pyeong", "cheon", "gang", "dong", "ryeong"}}},
        {"maghreb",
         {{"Aït ", "Dar ", "Bni ", "Oued ", "Tizi ", "Ain "},
          {"Sel", "Mar", "Tal", "Zem", "Ram", "Kar"},
          {"ouane", "ida", "ala", "ir", "oune", "assa"}}},
        {"hebrew",
         {{"Kfar ", "Givat ", "Ramat ", "Neve ", "Mitzpe "},
          {"Ala", "Sha", "Ore", "Dal", "Yar", "Eshe"},
          {"mon", "kim", "nit", "dar", "lot", "vim"}}},
    };
    return styles;
}

// Names the syllables happen to form that belong to real places: never used.
const std::set<std::string>& real_place_names() {
    static const std::set<std::string> names{"Veendam", "Rautavaara", "Montville", "Brackley", "Daecheon", "Lindenburg",
                                                "Falkenburg", "Birkendorf", "Sozopol", "Steinfeld"};
    return names;
}

std::string slug_of(const std::string& name) {
    static const std::vector<std::pair<std::string, std::string>> folding{
        {"ä", "a"}, {"ö", "o"}, {"å", "a"}, {"ü", "u"}, {"é", "e"}, {"è", "e"}, {"ê", "e"}, {"ñ", "n"},
        {"ç", "c"}, {"ó", "o"}, {"ō", "o"}, {"ū", "u"}, {"ė", "e"}, {"ï", "i"}, {"í", "i"}, {"ł", "l"}};
    std::string folded = name;
    for (const auto& [from, to] : folding)
        for (std::size_t at = folded.find(from); at != std::string::npos; at = folded.find(from, at))
            folded.replace(at, from.size(), to);
    std::string slug;
    for (char c : folded) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            slug += c;
        else if (!slug.empty() && slug.back() != '-')
            slug += '-';
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    return slug;
}

// Accented letters (bytes of a UTF-8 sequence) count as vowels: "å", "ä", "ė".
bool is_vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || static_cast<unsigned char>(c) >= 0x80;
}

// "Sososk", "Novava": a syllable said twice in a row sounds like a stammer.
bool stammers(const std::string& name) {
    for (std::size_t i = 0; i + 4 <= name.size(); ++i)
        if (name.compare(i, 2, name, i + 2, 2) == 0) return true;
    return false;
}

// Glues syllables; of two vowels meeting, the first goes ("Alca" + "al" = "Alcal").
std::string join(std::string left, const std::string& right) {
    if (right.empty()) return left;
    const bool ascii_vowel_at_end = !left.empty() && static_cast<unsigned char>(left.back()) < 0x80 && is_vowel(left.back());
    if (ascii_vowel_at_end && is_vowel(right.front())) left.pop_back();
    return left + right;
}

std::string make_one_name(Random& random, const NamingStyle& style) {
    const std::string& start = random.pick(style.starts);
    const std::string& middle = random.pick(style.middles);
    const std::string& end = random.pick(style.ends);
    return join(join(start, middle), end);
}

// A style has a few hundred names. A large network that has used most of them
// gets double-barrelled names, as real towns have ("Garmisch-Partenkirchen"):
// `extra_parts` more names joined with hyphens.
std::string make_name(Random& random, const NamingStyle& style, int extra_parts) {
    std::string name = make_one_name(random, style);
    for (int i = 0; i < extra_parts; ++i) name += "-" + make_one_name(random, style);
    // Capitals only at the start of each word: "Ano Lithopolis", "Lyngarvik".
    for (std::size_t i = 1; i < name.size(); ++i)
        if (name[i] >= 'A' && name[i] <= 'Z' && name[i - 1] != ' ' && name[i - 1] != '-') name[i] = static_cast<char>(name[i] - 'A' + 'a');
    return name;
}

// --------------------------------------------------------------- countries

struct Country {
    std::string code;
    std::string style;
    double foreign_born_low;   // share of foreign-born residents in a typical city
    double foreign_born_high;
    int weight;                // how many member cities the country tends to have
    std::vector<std::string> origins;
    std::string minorities;    // recognised national minorities, when a city reports them
};

const std::vector<Country>& countries() {
    static const std::vector<Country> list{
        {"IT", "italian", 6, 16, 8, {"Romania", "Albania", "Morocco", "China", "Ukraine", "Philippines", "Bangladesh"}, "Roma and Sinti"},
        {"ES", "iberian", 8, 24, 8, {"Morocco", "Romania", "Colombia", "Ecuador", "Venezuela", "China"}, "Roma (Gitano) community"},
        {"PT", "iberian", 4, 14, 6, {"Brazil", "Cape Verde", "Angola", "Ukraine", "Guinea-Bissau", "Nepal"}, "Roma"},
        {"FR", "french", 8, 22, 5, {"Algeria", "Morocco", "Portugal", "Tunisia", "Turkey", "Senegal"}, ""},
        {"BE", "dutch", 12, 30, 3, {"Morocco", "France", "Netherlands", "Turkey", "Romania", "Poland"}, ""},
        {"LU", "french", 35, 52, 1, {"Portugal", "France", "Italy", "Belgium", "Germany", "Cape Verde"}, ""},
        {"CH", "german", 20, 42, 3, {"Germany", "Italy", "Portugal", "France", "Spain", "Serbia"}, "Yenish, Sinti and Roma"},
        {"DE", "german", 10, 30, 5, {"Turkey", "Poland", "Syria", "Romania", "Ukraine", "Italy"}, "Danes, Frisians, Sorbs, Sinti and Roma"},
        {"AT", "german", 14, 32, 2, {"Germany", "Romania", "Serbia", "Turkey", "Bosnia and Herzegovina", "Syria"}, "Croats, Slovenes, Hungarians, Czechs, Slovaks and Roma"},
        {"NL", "dutch", 10, 28, 3, {"Turkey", "Morocco", "Suriname", "Poland", "Indonesia", "Syria"}, "Frisians"},
        {"NO", "nordic", 8, 28, 6, {"Poland", "Lithuania", "Somalia", "Sweden", "Pakistan", "Syria"}, "Sámi, Kvens, Forest Finns, Jews, Roma and Romani people"},
        {"SE", "nordic", 12, 34, 4, {"Syria", "Iraq", "Finland", "Poland", "Iran", "Somalia"}, "Sámi, Sweden Finns, Tornedalians, Jews and Roma"},
        {"DK", "nordic", 8, 20, 3, {"Poland", "Turkey", "Syria", "Germany", "Romania", "Iraq"}, "German minority"},
        {"IS", "nordic", 10, 22, 1, {"Poland", "Lithuania", "Philippines", "Latvia", "Romania", "Ukraine"}, ""},
        {"FI", "finnish", 3, 15, 4, {"Russia", "Estonia", "Iraq", "Somalia", "Ukraine", "China"}, "Swedish-speaking Finns, Sámi and Roma"},
        {"IE", "english", 12, 24, 2, {"Poland", "United Kingdom", "Lithuania", "Brazil", "India", "Romania"}, "Travellers"},
        {"GB", "english", 10, 38, 4, {"India", "Poland", "Pakistan", "Romania", "Nigeria", "Ireland"}, ""},
        {"PL", "slavic", 1, 7, 6, {"Ukraine", "Belarus", "Georgia", "Vietnam", "Germany", "India"}, "Germans, Ukrainians, Belarusians, Lithuanians and Roma"},
        {"UA", "slavic", 1, 5, 7, {"Moldova", "Azerbaijan", "Georgia", "Armenia", "Belarus", "Kazakhstan"}, "Crimean Tatars, Hungarians, Romanians, Poles, Bulgarians and Roma"},
        {"CZ", "slavic", 3, 10, 1, {"Ukraine", "Slovakia", "Vietnam", "Russia", "Poland", "Bulgaria"}, "Slovaks, Poles, Germans and Roma"},
        {"SK", "slavic", 1, 5, 1, {"Ukraine", "Czechia", "Hungary", "Serbia", "Romania", "Vietnam"}, "Hungarians, Roma and Ruthenians"},
        {"HR", "slavic", 3, 12, 1, {"Bosnia and Herzegovina", "Serbia", "Slovenia", "North Macedonia", "Nepal", "Germany"}, "Serbs, Italians, Hungarians and Roma"},
        {"RS", "slavic", 2, 8, 2, {"Bosnia and Herzegovina", "Croatia", "Montenegro", "North Macedonia", "China", "Russia"}, "Hungarians, Bosniaks, Roma and Slovaks"},
        {"BA", "slavic", 1, 5, 1, {"Serbia", "Croatia", "Montenegro", "Turkey", "Slovenia", "China"}, "Roma, Montenegrins and Ukrainians"},
        {"ME", "slavic", 3, 12, 1, {"Serbia", "Bosnia and Herzegovina", "Russia", "Ukraine", "Turkey", "Croatia"}, "Albanians, Bosniaks, Croats and Roma"},
        {"MK", "slavic", 1, 6, 1, {"Albania", "Serbia", "Turkey", "Bulgaria", "Greece", "Croatia"}, "Albanians, Turks, Roma, Serbs and Vlachs"},
        {"SI", "slavic", 8, 16, 1, {"Bosnia and Herzegovina", "Croatia", "Serbia", "North Macedonia", "Ukraine", "Bulgaria"}, "Italians, Hungarians and Roma"},
        {"GR", "greek", 6, 14, 3, {"Albania", "Georgia", "Bulgaria", "Romania", "Pakistan", "Ukraine"}, "Muslim minority of Thrace and Roma"},
        {"CY", "greek", 14, 26, 2, {"Greece", "United Kingdom", "Romania", "Bulgaria", "Philippines", "Sri Lanka"}, "Armenians, Maronites and Latins"},
        {"LV", "baltic", 8, 16, 1, {"Russia", "Belarus", "Ukraine", "Lithuania", "Uzbekistan", "India"}, "Russians, Belarusians, Poles and Roma"},
        {"LT", "baltic", 3, 8, 1, {"Belarus", "Ukraine", "Russia", "Latvia", "Poland", "India"}, "Poles, Russians, Belarusians and Roma"},
        {"JP", "japanese", 1, 4, 3, {"China", "Vietnam", "Republic of Korea", "Philippines", "Brazil", "Nepal"}, "Ainu"},
        {"KR", "korean", 2, 6, 3, {"China", "Vietnam", "Thailand", "Uzbekistan", "Philippines", "Mongolia"}, ""},
        {"MA", "maghreb", 1, 3, 2, {"Senegal", "Guinea", "Mali", "Cameroon", "France", "Syria"}, ""},
        {"IL", "hebrew", 15, 30, 1, {"Russia", "Ukraine", "Ethiopia", "France", "United States", "Morocco"}, "Arab citizens, Druze and Circassians"},
        {"CA", "english", 15, 45, 3, {"India", "Philippines", "China", "Pakistan", "Syria", "Nigeria"}, "First Nations, Inuit and Métis"},
        {"US", "english", 10, 35, 1, {"Mexico", "India", "China", "Philippines", "El Salvador", "Vietnam"}, ""},
        {"MX", "iberian", 1, 5, 2, {"United States", "Guatemala", "Venezuela", "Colombia", "Honduras", "Cuba"}, "Indigenous peoples"},
        {"AU", "english", 20, 40, 2, {"United Kingdom", "India", "China", "New Zealand", "Philippines", "Vietnam"}, "Aboriginal and Torres Strait Islander peoples"},
    };
    return list;
}

// ----------------------------------------------------------------- dates

struct Day {
    int year;
    int month;
    int day;
};

std::string iso(const Day& d) {
    auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
    return std::to_string(d.year) + "-" + two(d.month) + "-" + two(d.day);
}

bool before_2019_revision(const Day& d) { return d.year < 2019 || (d.year == 2019 && d.month < 6); }

// ----------------------------------------------------------------- output

std::string toml_string(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

// Tenths as "12.3"; integer tenths keep the output exact.
std::string tenths_text(std::int64_t tenths) { return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10); }

struct CityPlan {
    std::string id;
    std::string name;
    const Country* country;
    std::int64_t population;
    std::int64_t foreign_born_tenths;
    double maturity;                       // latest edition, 0-1
    std::map<std::string, double> offsets;  // per area
    std::vector<Day> dates;                 // oldest first
};

class Generator {
public:
    Generator(const icc::Questionnaire& questionnaire, std::uint64_t seed) : questionnaire_(questionnaire), random_(seed) {}

    std::vector<CityPlan> plan(int count) {
        std::vector<CityPlan> cities;
        std::set<std::string> ids = showcase_ids;
        std::vector<const Country*> weighted;
        for (const Country& country : countries())
            for (int i = 0; i < country.weight; ++i) weighted.push_back(&country);
        for (int i = 0; i < count; ++i) {
            CityPlan city;
            // Every country once, then as often as its weight says.
            city.country = i < static_cast<int>(countries().size()) ? &countries()[static_cast<std::size_t>(i)]
                                                                     : random_.pick(weighted);
            const NamingStyle& style = naming_styles().at(city.country->style);
            // Every 64 failed draws allow one more part, so the search always
            // ends (the 160-city sample never needs a second part).
            int attempts = 0;
            do {
                city.name = make_name(random_, style, attempts++ / 64);
                city.id = slug_of(city.name);
            } while (real_place_names().count(city.name) || stammers(city.id) || !ids.insert(city.id).second);
            city.population = population(random_);
            city.foreign_born_tenths = foreign_born_tenths(*city.country, city.population);
            city.maturity = 0.06 + 0.88 * random_.bell();
            // Uneven profiles: each area gets its own strength around the city's maturity,
            // and one city in four has a marked speciality and a marked blind spot.
            for (const icc::Area& area : questionnaire_.areas())
                city.offsets[area.id] = (random_.uniform() + random_.uniform() - 1.0) * 0.32;
            if (random_.chance(0.25)) {
                const auto& areas = questionnaire_.areas();
                city.offsets[areas[static_cast<std::size_t>(random_.between(0, static_cast<std::int64_t>(areas.size()) - 1))].id] += 0.35;
                city.offsets[areas[static_cast<std::size_t>(random_.between(0, static_cast<std::int64_t>(areas.size()) - 1))].id] -= 0.35;
            }
            city.dates = edition_dates(random_);
            cities.push_back(std::move(city));
        }
        return cities;
    }

    // The file of edition `index` (0 = oldest) of a city.
    std::string edition_file(const CityPlan& city, std::size_t index) {
        const Day& date = city.dates[index];
        const bool core_only = before_2019_revision(date);
        // Earlier editions: the city was less advanced, by 0 to 0.25 per edition;
        // one city in eight went backwards.
        double maturity = city.maturity;
        for (std::size_t later = index + 1; later < city.dates.size(); ++later)
            maturity -= random_.chance(0.125) ? -0.06 * random_.uniform() : 0.25 * random_.uniform();

        std::string out;
        out += "# Generated by scripts/generate_network.cpp: a fictional city with invented answers.\n";
        out += "# Regenerate with scripts/regenerate-network.sh rather than editing by hand.\n";
        out += "[city]\n";
        out += "id = " + toml_string(city.id) + "\n";
        out += "name = " + toml_string(city.name) + "\n";
        out += "country = " + toml_string(city.country->code) + "\n";
        // Earlier editions: a slightly smaller, slightly less diverse city.
        const std::int64_t years = city.dates.back().year - date.year;
        const std::int64_t population = city.population - city.population * years * random_.between(0, 12) / 1000;
        const std::int64_t foreign_born =
            std::max<std::int64_t>(3, city.foreign_born_tenths - years * random_.between(0, 4));
        out += "population = " + std::to_string(population) + "\n";
        out += "foreign_born_percent = " + tenths_text(foreign_born) + "\n";
        if (random_.chance(0.8))
            out += "foreign_nationals_percent = " + tenths_text(foreign_born * random_.between(35, 80) / 100) + "\n";
        if (random_.chance(0.5))
            out += "migrant_background_percent = " +
                   tenths_text(std::min<std::int64_t>(1000, foreign_born * random_.between(130, 190) / 100)) + "\n";
        out += "main_origins = " + toml_string(origins(*city.country)) + "\n";
        if (!city.country->minorities.empty() && random_.chance(0.6))
            out += "national_minorities = " + toml_string(city.country->minorities) + "\n";
        out += "\n[edition]\n";
        out += "date = " + iso(date) + "\n";
        out += "questionnaire = " + toml_string(core_only ? "2011" : questionnaire_.current_version()) + "\n";

        // Answers that hang together: no action plan without a strategy, no
        // budget without a plan; a city that never surveys its residents
        // cannot know their attitudes.
        levels_.clear();
        has_surveys_ = random_.chance(0.25 + 0.7 * maturity);
        for (const icc::Area* area : areas_in_report_order()) {
            const auto questions = questionnaire_.questions_of(area->id);
            if (questions.empty() || (core_only && !area->core)) continue;
            double strength = maturity + city.offsets.at(area->id);
            if (area->kind == icc::AreaKind::field) strength += city.offsets.at(area->parent);
            std::string lines;
            for (const Question* question : questions)
                lines += answer_line(*question, std::clamp(strength, 0.02, 0.98), population, foreign_born);
            if (!lines.empty()) out += "\n[answers." + area->id + "]\n" + lines;
        }
        return out;
    }

private:
    // Indicators in order, the lens replaced by its fields: the order of the report.
    std::vector<const icc::Area*> areas_in_report_order() const {
        std::vector<const icc::Area*> order;
        for (const icc::Area* indicator : questionnaire_.indicators()) {
            const auto fields = questionnaire_.fields_of(indicator->id);
            if (fields.empty())
                order.push_back(indicator);
            else
                order.insert(order.end(), fields.begin(), fields.end());
        }
        return order;
    }

    // The most a question's level may be, given the answers it depends on.
    std::size_t ceiling_of(const std::string& id, std::size_t levels) const {
        static const std::map<std::string, std::string> depends_on{
            {"commitment.action_plan", "commitment.strategy"},
            {"commitment.budget", "commitment.action_plan"},
            {"commitment.evaluation", "commitment.strategy"},
            {"welcome.pack", "welcome.office"},
        };
        auto it = depends_on.find(id);
        if (it == depends_on.end()) return levels - 1;
        auto level = levels_.find(it->second);
        return level == levels_.end() ? 0 : std::min(levels - 1, level->second);
    }

    static std::int64_t population(Random& random) {
        const double u = random.uniform();
        const double v = random.uniform();
        if (u < 0.36) return 25000 + static_cast<std::int64_t>(75000 * v);
        if (u < 0.62) return 100000 + static_cast<std::int64_t>(100000 * v);
        if (u < 0.84) return 200000 + static_cast<std::int64_t>(300000 * v);
        return 500000 + static_cast<std::int64_t>(2700000 * v * v);  // few very large cities
    }

    std::int64_t foreign_born_tenths(const Country& country, std::int64_t population) {
        double share = country.foreign_born_low + (country.foreign_born_high - country.foreign_born_low) * random_.bell() * 1.2;
        if (population > 500000) share *= 1.25;  // capitals and metropolises draw more newcomers
        if (population < 60000) share *= 0.85;
        return std::clamp<std::int64_t>(static_cast<std::int64_t>(share * 10), 5, 700);
    }

    static std::vector<Day> edition_dates(Random& random) {
        const double u = random.uniform();
        const int count = u < 0.62 ? 1 : (u < 0.9 ? 2 : 3);
        std::vector<Day> dates;
        Day latest{static_cast<int>(random.between(2019, 2025)), static_cast<int>(random.between(1, 12)),
                   static_cast<int>(random.between(1, 28))};
        if (latest.year == 2019 && latest.month < 9) latest.month += 4;  // after the 2019 revision
        dates.push_back(latest);
        for (int i = 1; i < count; ++i) {
            const Day& next = dates.front();
            Day earlier{next.year - static_cast<int>(random.between(3, 5)), static_cast<int>(random.between(1, 12)),
                        static_cast<int>(random.between(1, 28))};
            dates.insert(dates.begin(), earlier);
        }
        return dates;
    }

    std::string origins(const Country& country) {
        std::vector<std::string> pool = country.origins;
        std::string text;
        for (int i = 0; i < 3; ++i) {
            const auto at = static_cast<std::size_t>(random_.between(0, static_cast<std::int64_t>(pool.size()) - 1));
            text += (i ? ", " : "") + pool[at];
            pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(at));
        }
        return text;
    }

    // A level among n, ordered from worst to best, drawn around the strength.
    std::size_t level(double strength, std::size_t n) {
        const double q = clamp01(strength + (random_.uniform() - 0.5) * 0.55);
        return static_cast<std::size_t>(q * static_cast<double>(n));
    }

    std::string answer_line(const Question& question, double strength, std::int64_t population,
                            std::int64_t foreign_born) {
        const std::string key = question.id.substr(question.id.find('.') + 1);
        if (question.kind == QuestionKind::fact) {
            if (question.type == AnswerType::percentage)  // pupils of migrant background: a little above the city share
                return key + " = " + tenths_text(std::min<std::int64_t>(1000, foreign_born * random_.between(100, 160) / 100)) + "\n";
            if (question.type == AnswerType::integer)  // newcomers a year: 0.4 % to 2 % of the population
                return key + " = " + std::to_string(population * random_.between(4, 20) / 1000) + "\n";
            return {};
        }
        if (!question.scored()) return {};  // free text: left to the hand-written showcases
        if (question.id == "intelligence.surveys" && !has_surveys_) return key + " = \"never\"\n";
        static const std::set<std::string> from_surveys{"public_space.felt_safety", "intelligence.diversity_advantage",
                                                        "interaction.everyday_contact"};
        if (from_surveys.count(question.id) && !has_surveys_)
            return random_.chance(0.5) ? key + " = \"unknown\"\n" : std::string();
        // Some questions go unanswered or unknown; impacts need surveys cities often lack.
        if (random_.chance(0.025)) return {};
        if (random_.chance(question.kind == QuestionKind::impact ? 0.08 : 0.015)) return key + " = \"unknown\"\n";
        if (question.allows_not_applicable && random_.chance(0.1)) return key + " = \"not_applicable\"\n";
        switch (question.type) {
            case AnswerType::yes_partly_no:
            case AnswerType::single_choice: {
                std::vector<const icc::Option*> ordered;
                for (const icc::Option& option : question.options) ordered.push_back(&option);
                std::stable_sort(ordered.begin(), ordered.end(),
                                 [](const auto* a, const auto* b) { return a->points < b->points; });
                if (question.id == "intelligence.surveys") ordered.erase(ordered.begin());  // "never" is drawn above
                const std::size_t chosen = std::min(level(strength, ordered.size()), ceiling_of(question.id, ordered.size()));
                levels_[question.id] = chosen;
                return key + " = " + toml_string(ordered[chosen]->id) + "\n";
            }
            case AnswerType::multiple_choice: {
                std::string list;
                for (const icc::Option& option : question.options)
                    if (random_.chance(std::clamp(strength * 1.1, 0.03, 0.97)))
                        list += (list.empty() ? "" : ", ") + toml_string(option.id);
                return key + " = [" + list + "]\n";
            }
            case AnswerType::integer:
            case AnswerType::percentage: {
                // Pick the band by strength (bands ordered by points), then a value inside it.
                const auto& bands = question.bands;
                std::vector<std::size_t> by_points(bands.size());
                for (std::size_t i = 0; i < bands.size(); ++i) by_points[i] = i;
                std::stable_sort(by_points.begin(), by_points.end(),
                                 [&](std::size_t a, std::size_t b) { return bands[a].points < bands[b].points; });
                const std::size_t band = by_points[level(strength, bands.size())];
                const double low = bands[band].from;
                const double high = band + 1 < bands.size() ? bands[band + 1].from
                                    : question.type == AnswerType::percentage ? low + (100 - low) * 0.6
                                                                              : low * 2 + 1;
                if (question.type == AnswerType::integer) {
                    const auto lo = static_cast<std::int64_t>(low);
                    const auto hi = std::max(lo, static_cast<std::int64_t>(high) - 1);
                    return key + " = " + std::to_string(random_.between(lo, hi)) + "\n";
                }
                const auto lo = static_cast<std::int64_t>(low * 10);
                const auto hi = std::max(lo, static_cast<std::int64_t>(high * 10) - 1);
                return key + " = " + tenths_text(random_.between(lo, hi)) + "\n";
            }
            case AnswerType::text: return {};
        }
        return {};
    }

    const icc::Questionnaire& questionnaire_;
    Random random_;
    std::map<std::string, std::size_t> levels_;  // this edition's choice answers, 0 = worst
    bool has_surveys_ = true;                    // whether this edition's city surveys its residents
};

int run(int argc, char** argv) {
    fs::path out;
    std::uint64_t seed = default_seed;
    int count = default_cities;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--seed" && i + 1 < argc)
            seed = std::strtoull(argv[++i], nullptr, 10);
        else if (arg == "--cities" && i + 1 < argc)
            count = std::atoi(argv[++i]);
        else if (!arg.empty() && arg[0] != '-' && out.empty())
            out = arg;
        else {
            std::cerr << "usage: generate_network OUT_DIR [--seed N] [--cities N]\n";
            return 2;
        }
    }
    if (out.empty() || count < 1) {
        std::cerr << "usage: generate_network OUT_DIR [--seed N] [--cities N]\n";
        return 2;
    }
    const icc::Questionnaire questionnaire = icc::Questionnaire::bundled(icc::DataRoot::locate());
    Generator generator(questionnaire, seed);
    const std::vector<CityPlan> cities = generator.plan(count);
    int files = 0;
    for (const CityPlan& city : cities) {
        fs::create_directories(out / city.id);
        for (std::size_t i = 0; i < city.dates.size(); ++i) {
            icc::write_file_atomically(out / city.id / (iso(city.dates[i]) + ".toml"), generator.edition_file(city, i));
            ++files;
        }
    }
    std::cerr << "generate_network: wrote " << files << " editions of " << cities.size() << " cities to "
              << out.string() << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const icc::DiagnosticError& error) {
        for (const auto& diagnostic : error.diagnostics()) std::cerr << diagnostic.to_string() << '\n';
        return 1;
    } catch (const std::exception& error) {
        std::cerr << "generate_network: error: " << error.what() << '\n';
        return 1;
    }
}
