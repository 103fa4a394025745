#pragma once
// What an ICU MessageFormat pattern is made of, read with ICU's own parser
// (icu::MessagePattern): its arguments, its plural and ordinal choices and
// their categories, and the literal text a reader sees. `check` and
// `translate import` compare a translation's shape with its source's: the
// same arguments, every plural category the language has (CLDR rules through
// icu::PluralRules), words that are not the English ones.
//
// Offsets are in code points from the start of the pattern, so that a caller
// can point at the place in the file it read the pattern from.
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostic.h"

namespace icc {

struct MessageArgument {
    std::string name;   // "city"
    int offset = 0;     // of the name, in code points
    int length = 0;     // code points
};

// One plural, selectordinal or select argument: {count, plural, one {...} other {...}}.
struct MessagePluralChoice {
    std::string argument;
    bool ordinal = false;                 // selectordinal
    bool select = false;                  // select: the categories are the engine's words ("yes", "up")
    std::vector<std::string> categories;  // "one", "other"; explicit "=0" selectors are not categories
    int offset = 0;                       // of the argument's name
    // A branch holds a plural of the same argument, which chooses the form
    // ("=0 {...} other {... {count, plural, one {...} other {...}}}"): the
    // categories are complete when the inner one's are.
    bool refined_inside = false;
};

struct MessageShape {
    // A syntax error, with ICU's name for it and where ICU stopped.
    struct SyntaxError {
        std::string what;  // "U_UNMATCHED_BRACES"
        int offset = 0;
    };
    std::optional<SyntaxError> syntax_error;
    std::vector<MessageArgument> arguments;  // every occurrence, in pattern order
    std::vector<MessagePluralChoice> plurals;
    // The text a reader sees, every branch of every choice, without the
    // arguments and the ICU syntax: runs of literal text and where each starts.
    struct Literal {
        int offset = 0;
        std::string text;
    };
    std::vector<Literal> literals;

    // Argument names, each once.
    [[nodiscard]] std::set<std::string> argument_names() const;
    // Whether the literal text has a letter in it: "{a} / {b}" and " · " have
    // none and read the same in every language.
    [[nodiscard]] bool has_words() const;
};

MessageShape analyse_message(std::string_view pattern);

// The plural categories a whole number below 10 000 falls in, in the
// language of `icu_locale` (CLDR through icu::PluralRules), "other" always
// included: what every plural (or, with `ordinal`, selectordinal) argument
// of a translation must give a form for. Counts in reports (cities,
// questions, editions, ranks) stay in that range; categories only fractions
// or millions reach ("many" in French: "1 million de villes") are not asked for.
std::set<std::string> required_plural_categories(std::string_view icu_locale, bool ordinal);
// Every category the language has (for "the language has no 'few'").
std::set<std::string> plural_categories(std::string_view icu_locale, bool ordinal);

// What is wrong with a translation against its source. Each problem is at
// an offset of the translation (or -1: the whole message).
struct MessageProblem {
    Severity severity = Severity::error;
    int offset = -1;
    int length = 0;
    std::string message;
    std::string help;  // "did you mean {city}?"; may be empty
};

// Compares a translation with its source: a syntax error, an argument the
// source lacks ({ville} for {city}), an argument of the source the
// translation lacks, a plural/selectordinal argument without every category
// the language needs, a category the language does not have (a warning), a
// select argument whose choices are not the source's ({tied, select, oui
// {...}}: the engine says "yes", so that branch would never be shown).
std::vector<MessageProblem> compare_with_source(const MessageShape& source, const MessageShape& translation,
                                                std::string_view icu_locale);

// Typographic rules of a language, from its [meta] (support/language.h):
// characters that take a no-break space before them (French ";:!?»") or
// after them ("«"). An ordinary space there, or none, is a problem: the line
// could break before a colon, and the spacing would differ from the rest.
// Only the literal text is read (never ICU syntax such as "::dMMM"); a run
// that starts with ":" after an argument counts as having no space.
// A straight apostrophe (') or quotation mark (") in the literal text: the
// reader sees a typewriter mark where typeset text has ’ or the language's
// quotation marks. (In ICU syntax '' stands for one apostrophe: it counts.)
std::vector<MessageProblem> check_quotes(const MessageShape& message);

std::vector<MessageProblem> check_typography(const MessageShape& translation, std::string_view space_before,
                                             std::string_view space_after);

}  // namespace icc
