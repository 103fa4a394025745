#pragma once
// The options several commands share, defined once so that they have the same
// names, forms and meaning everywhere:
//
//   --lang L[,L...]   (also --langs) languages, comma-separated, spaces trimmed;
//                     each a language of the registry (fr-CA is fr; an unknown one lists those there are)
//   --network DIR     the network's editions (default: the data folder's network)
//   --as-of DATE      editions dated on or before YYYY-MM-DD
//   --out PATH        where output goes; missing folders are created
#include <CLI/CLI.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "render/pdf.h"
#include "support/data_root.h"

namespace icc::cli {

CLI::Option* add_lang_option(CLI::App& command, std::string& text, const std::string& what);
CLI::Option* add_network_option(CLI::App& command, std::filesystem::path& folder);
CLI::Option* add_as_of_option(CLI::App& command, std::string& date);
// The PDF options of report, profile and build:
//   --no-tags               untagged PDF
//   --pdf-standard LIST     the standards the file claims: ua-1 (default), a-2u, or ua-1,a-2u
struct PdfArguments {
    bool no_tags = false;
    std::string standards;  // empty: ua-1 when tagged, none when not
};
void add_pdf_options(CLI::App& command, PdfArguments& arguments);
// The render options they ask for, with the PDF/A output intent read from
// templates/style/pdf.toml when a-2u is asked for. Throws DiagnosticError for
// an unknown standard, or ua-1 with --no-tags (PDF/UA-1 is tagged PDF).
RenderOptions render_options_of(const PdfArguments& arguments, const DataRoot& data);

// The languages of --lang: trimmed, resolved through the language registry
// (fr-CA is fr), without repeats; empty text gives the data folder's first
// project language, else the source language (or every project language
// when `all_by_default`, else the official languages).
// Throws DiagnosticError naming --lang, with the languages available.
std::vector<std::string> languages_of(const std::string& text, const DataRoot& data, bool all_by_default = false);

// The one language of a command that prints in one language (explain, score, specimen).
std::string one_language_of(const std::string& text, const DataRoot& data, const std::string& command);

// Creates `folder` and any missing parent; DiagnosticError naming `option` if it cannot.
void make_folder(const std::filesystem::path& folder, const std::string& option);

// Where a command's file for one language goes: `out` is a file when it ends
// with `extension` (then only one language is allowed), else a folder; empty
// is the working directory. Missing folders are created.
std::filesystem::path output_file(const std::filesystem::path& out, const std::string& name,
                                  const std::string& extension, std::size_t languages);

}  // namespace icc::cli
