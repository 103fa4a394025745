#include "support/message_shape.h"

#include <unicode/locid.h>
#include <unicode/messagepattern.h>
#include <unicode/plurrule.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

#include "support/wording.h"

namespace icc {

namespace {

std::string to_utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

bool is_letter(UChar32 c) { return u_isalpha(c) != 0; }

}  // namespace

std::set<std::string> MessageShape::argument_names() const {
    std::set<std::string> names;
    for (const MessageArgument& argument : arguments) names.insert(argument.name);
    return names;
}

bool MessageShape::has_words() const {
    for (const Literal& literal : literals) {
        const icu::UnicodeString text = icu::UnicodeString::fromUTF8(literal.text);
        for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1))
            if (is_letter(text.char32At(i))) return true;
    }
    return false;
}

MessageShape analyse_message(std::string_view pattern_text) {
    MessageShape shape;
    const icu::UnicodeString pattern =
        icu::UnicodeString::fromUTF8(icu::StringPiece(pattern_text.data(), static_cast<int32_t>(pattern_text.size())));
    auto code_points = [&](int32_t utf16_index) { return pattern.countChar32(0, utf16_index); };

    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    icu::MessagePattern parsed(pattern, &parse_error, status);
    if (U_FAILURE(status)) {
        shape.syntax_error = MessageShape::SyntaxError{u_errorName(status), code_points(parse_error.offset)};
        return shape;
    }

    // Walks the parts in order. `open` is the nesting of arguments and
    // messages: literal text is what lies between two parts while the
    // innermost open element is a message, and a selector belongs to the
    // innermost open argument.
    struct Open {
        bool is_message;
        int plural = -1;  // index in shape.plurals, for a plural or selectordinal argument
    };
    std::vector<Open> open;
    int32_t text_from = 0;  // where the current run of literal text starts (UTF-16)
    icu::UnicodeString run;
    int run_offset = -1;
    auto flush = [&] {
        if (run_offset >= 0 && !run.isEmpty()) shape.literals.push_back({run_offset, to_utf8(run)});
        run.remove();
        run_offset = -1;
    };
    auto take_text = [&](int32_t until) {
        if (!open.empty() && open.back().is_message && until > text_from) {
            if (run_offset < 0) run_offset = code_points(text_from);
            run.append(pattern, text_from, until - text_from);
        }
    };
    const int32_t count = parsed.countParts();
    for (int32_t i = 0; i < count; ++i) {
        const icu::MessagePattern::Part& part = parsed.getPart(i);
        const UMessagePatternPartType type = part.getType();
        take_text(part.getIndex());
        // An apostrophe that quotes is not shown; the text on either side is one run.
        // INSERT_CHAR is ICU's own auto-quoting apostrophe (after a lone apostrophe
        // that stands for itself, or closing an unterminated quote): syntax, never
        // shown, so the lone apostrophe already taken as text is the only one.
        if (type != UMSGPAT_PART_TYPE_SKIP_SYNTAX && type != UMSGPAT_PART_TYPE_INSERT_CHAR) flush();
        text_from = part.getLimit();
        switch (type) {
            case UMSGPAT_PART_TYPE_MSG_START:
                open.push_back({true});
                break;
            case UMSGPAT_PART_TYPE_MSG_LIMIT:
            case UMSGPAT_PART_TYPE_ARG_LIMIT:
                if (!open.empty()) open.pop_back();
                break;
            case UMSGPAT_PART_TYPE_ARG_START: {
                Open argument{false};
                const UMessagePatternArgType arg_type = part.getArgType();
                if (arg_type == UMSGPAT_ARG_TYPE_PLURAL || arg_type == UMSGPAT_ARG_TYPE_SELECTORDINAL ||
                    arg_type == UMSGPAT_ARG_TYPE_SELECT) {
                    MessagePluralChoice choice;
                    choice.ordinal = arg_type == UMSGPAT_ARG_TYPE_SELECTORDINAL;
                    choice.select = arg_type == UMSGPAT_ARG_TYPE_SELECT;
                    if (i + 1 < count) {
                        const icu::MessagePattern::Part& name = parsed.getPart(i + 1);
                        choice.argument = to_utf8(parsed.getSubstring(name));
                        choice.offset = code_points(name.getIndex());
                    }
                    for (const Open& outer : open)
                        if (outer.plural >= 0 && !choice.select &&
                            shape.plurals[static_cast<std::size_t>(outer.plural)].argument == choice.argument)
                            shape.plurals[static_cast<std::size_t>(outer.plural)].refined_inside = true;
                    argument.plural = static_cast<int>(shape.plurals.size());
                    shape.plurals.push_back(std::move(choice));
                }
                open.push_back(argument);
                break;
            }
            case UMSGPAT_PART_TYPE_ARG_NAME:
            case UMSGPAT_PART_TYPE_ARG_NUMBER:
                shape.arguments.push_back({to_utf8(parsed.getSubstring(part)), code_points(part.getIndex()),
                                           code_points(part.getLimit()) - code_points(part.getIndex())});
                break;
            case UMSGPAT_PART_TYPE_ARG_SELECTOR:
                if (!open.empty() && !open.back().is_message && open.back().plural >= 0) {
                    const std::string selector = to_utf8(parsed.getSubstring(part));
                    if (!selector.empty() && selector[0] != '=')
                        shape.plurals[static_cast<std::size_t>(open.back().plural)].categories.push_back(selector);
                }
                break;
            default:
                break;
        }
    }
    flush();
    return shape;
}

namespace {

struct PluralKey {
    std::string locale;
    bool ordinal;
    bool required;
    auto operator<=>(const PluralKey&) const = default;
};

std::set<std::string> categories_of(std::string_view icu_locale, bool ordinal, bool required) {
    // A read-only memo of ICU's answers (the rules never change while the
    // program runs); 10 000 selections per language are worth keeping.
    static std::mutex guard;
    static std::map<PluralKey, std::set<std::string>> known;
    const PluralKey key{std::string(icu_locale), ordinal, required};
    {
        const std::lock_guard lock(guard);
        if (auto it = known.find(key); it != known.end()) return it->second;
    }
    UErrorCode status = U_ZERO_ERROR;
    const std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(
        icu::Locale(key.locale.c_str()), ordinal ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL, status));
    std::set<std::string> categories{"other"};
    if (U_SUCCESS(status) && rules) {
        if (required) {
            for (int32_t n = 0; n < 10000; ++n) categories.insert(to_utf8(rules->select(n)));
        } else if (std::unique_ptr<icu::StringEnumeration> keywords(rules->getKeywords(status)); keywords) {
            while (const icu::UnicodeString* keyword = keywords->snext(status)) categories.insert(to_utf8(*keyword));
        }
    }
    const std::lock_guard lock(guard);
    return known.emplace(key, std::move(categories)).first->second;
}

std::string braced(const std::string& name) { return "{" + name + "}"; }

std::string joined(const std::set<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

}  // namespace

std::set<std::string> required_plural_categories(std::string_view icu_locale, bool ordinal) {
    return categories_of(icu_locale, ordinal, true);
}

std::set<std::string> plural_categories(std::string_view icu_locale, bool ordinal) {
    return categories_of(icu_locale, ordinal, false);
}

std::vector<MessageProblem> compare_with_source(const MessageShape& source, const MessageShape& translation,
                                                std::string_view icu_locale) {
    std::vector<MessageProblem> problems;
    if (translation.syntax_error) {
        problems.push_back({Severity::error, translation.syntax_error->offset, 1,
                            "invalid ICU message pattern (" + translation.syntax_error->what + ")",
                            "braces must pair, and a literal { or ' is written '{' or ''"});
        return problems;
    }
    const std::set<std::string> wanted = source.argument_names();
    const std::set<std::string> given = translation.argument_names();
    const std::vector<std::string> candidates(wanted.begin(), wanted.end());
    std::vector<std::string> lacking_names;
    for (const std::string& name : wanted)
        if (!given.count(name)) lacking_names.push_back(name);
    std::set<std::string> reported;
    for (const MessageArgument& argument : translation.arguments) {
        if (wanted.count(argument.name) || !reported.insert(argument.name).second) continue;
        // A name translated ({ville}) is not close to the source's ({city}),
        // but when exactly one of the source's is absent, it is the one meant.
        std::string suggestion = closest_match(argument.name, candidates);
        if (suggestion.empty() && lacking_names.size() == 1) suggestion = lacking_names.front();
        problems.push_back({Severity::error, argument.offset, argument.length,
                            "unknown placeholder " + braced(argument.name) + "; the source has " +
                                (wanted.empty() ? std::string("none") : joined(wanted)),
                            suggestion.empty() ? std::string() : "did you mean " + braced(suggestion) + "?"});
    }
    for (const std::string& name : lacking_names)
            problems.push_back({Severity::error, -1, 0, "placeholder " + braced(name) + " of the source is missing",
                                "every placeholder of the source must appear in the translation"});
    // Select choices: the same words as the source's, argument by argument.
    std::map<std::string, std::set<std::string>> source_selects;
    for (const MessagePluralChoice& choice : source.plurals)
        if (choice.select) source_selects[choice.argument].insert(choice.categories.begin(), choice.categories.end());
    for (const MessagePluralChoice& choice : translation.plurals) {
        if (!choice.select) continue;
        const auto it = source_selects.find(choice.argument);
        if (it == source_selects.end()) continue;  // an unknown argument is reported above
        const std::set<std::string> present(choice.categories.begin(), choice.categories.end());
        std::set<std::string> unknown, lacking;
        for (const std::string& category : present)
            if (!it->second.count(category)) unknown.insert(category);
        for (const std::string& category : it->second)
            if (!present.count(category)) lacking.insert(category);
        if (!unknown.empty() || !lacking.empty())
            problems.push_back({Severity::error, choice.offset, static_cast<int>(choice.argument.size()),
                                "select " + braced(choice.argument) + " must have the source's choices (" +
                                    joined(it->second) + ")" +
                                    (unknown.empty() ? "" : "; unknown: " + joined(unknown)) +
                                    (lacking.empty() ? "" : "; lacking: " + joined(lacking)),
                                "the choice words are the engine's, never translated; translate the text in braces"});
    }
    for (const MessagePluralChoice& choice : translation.plurals) {
        if (choice.select) continue;
        const std::set<std::string> needed = required_plural_categories(icu_locale, choice.ordinal);
        const std::set<std::string> known = plural_categories(icu_locale, choice.ordinal);
        const std::set<std::string> present(choice.categories.begin(), choice.categories.end());
        std::set<std::string> lacking;
        for (const std::string& category : needed)
            if (!present.count(category)) lacking.insert(category);
        const std::string kind = choice.ordinal ? "selectordinal" : "plural";
        if (!lacking.empty() && !choice.refined_inside)
            problems.push_back({Severity::error, choice.offset, static_cast<int>(choice.argument.size()),
                                kind + " " + braced(choice.argument) + " lacks the categor" +
                                    (lacking.size() == 1 ? "y " : "ies ") + joined(lacking) + " of " +
                                    std::string(icu_locale) + " (it needs " + joined(needed) + ")",
                                ""});
        for (const std::string& category : present)
            if (!known.count(category))
                problems.push_back({Severity::warning, choice.offset, static_cast<int>(choice.argument.size()),
                                    kind + " " + braced(choice.argument) + ": " + std::string(icu_locale) +
                                        " has no category '" + category + "' (it has " + joined(known) +
                                        "); that form is never shown",
                                    ""});
    }
    return problems;
}

std::vector<MessageProblem> check_quotes(const MessageShape& message) {
    std::vector<MessageProblem> problems;
    for (const MessageShape::Literal& literal : message.literals) {
        const icu::UnicodeString text = icu::UnicodeString::fromUTF8(literal.text);
        int index = 0;  // characters of the literal (after a quoted '', one less than the pattern's)
        for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1), ++index) {
            const UChar32 c = text.char32At(i);
            if (c == U'\'')
                problems.push_back({Severity::error, literal.offset + index, 1,
                                    "a straight apostrophe (') in text a reader sees",
                                    "write \u2019 (U+2019) for an apostrophe, or the language's quotation marks"});
            else if (c == U'"')
                problems.push_back({Severity::error, literal.offset + index, 1,
                                    "a straight quotation mark (\") in text a reader sees",
                                    "write the language's quotation marks (\u201C\u201D in English, \u00AB\u00A0\u00BB "
                                    "in French, \u201E\u201C in German...)"});
        }
    }
    return problems;
}

std::vector<MessageProblem> check_typography(const MessageShape& translation, std::string_view space_before,
                                             std::string_view space_after) {
    std::vector<MessageProblem> problems;
    const icu::UnicodeString before = icu::UnicodeString::fromUTF8(
        icu::StringPiece(space_before.data(), static_cast<int32_t>(space_before.size())));
    const icu::UnicodeString after = icu::UnicodeString::fromUTF8(
        icu::StringPiece(space_after.data(), static_cast<int32_t>(space_after.size())));
    for (const MessageShape::Literal& literal : translation.literals) {
        const icu::UnicodeString text = icu::UnicodeString::fromUTF8(literal.text);
        std::vector<UChar32> chars;
        for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) chars.push_back(text.char32At(i));
        for (std::size_t i = 0; i < chars.size(); ++i) {
            const UChar32 c = chars[i];
            const int offset = literal.offset + static_cast<int>(i);
            icu::UnicodeString shown(c);
            if (before.indexOf(c) >= 0) {
                // At the start of a run, an argument comes before ("{city}:").
                const bool start = i == 0 && literal.offset > 0;
                const UChar32 previous = i > 0 ? chars[i - 1] : 0;
                if (start || previous == U' ' || (previous && (is_letter(previous) || previous == U')')))
                    problems.push_back({Severity::error, offset, 1,
                                        "'" + to_utf8(shown) + "' must follow a no-break space in this language",
                                        "write U+202F NARROW NO-BREAK SPACE (or U+00A0) before it"});
            }
            if (after.indexOf(c) >= 0) {
                const bool end = i + 1 == chars.size();
                const UChar32 next = i + 1 < chars.size() ? chars[i + 1] : 0;
                if (end || next == U' ' || is_letter(next))
                    problems.push_back({Severity::error, offset, 1,
                                        "'" + to_utf8(shown) + "' must be followed by a no-break space in this language",
                                        "write U+202F NARROW NO-BREAK SPACE (or U+00A0) after it"});
            }
        }
    }
    return problems;
}

}  // namespace icc
