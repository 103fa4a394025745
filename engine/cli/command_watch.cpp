// iccreport watch <edition.toml> [--lang L] [--out FILE.pdf | DIR] [--network DIR] [--as-of DATE]
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/stop_signals.h"
#include "driver/output_names.h"
#include "driver/pipeline.h"
#include "driver/watch.h"
#include "load/edition.h"

namespace icc::cli {

namespace fs = std::filesystem;

namespace {
struct WatchArguments {
    fs::path edition;
    std::string lang;
    fs::path output;
    fs::path network;
    std::string as_of;
};

int run_watch(const WatchArguments& arguments, const DataRoot& data) {
    WatchOptions options;
    options.edition = arguments.edition;
    options.network = arguments.network;
    options.lang = one_language_of(arguments.lang, data, "watch");
    options.as_of = arguments.as_of;
    // The city's id names the default output, as `report` names it.
    const std::string city = load_edition(arguments.edition).city.id;
    options.output = output_file(arguments.output, index_report_file_name(city, options.lang), ".pdf", 1);
    StopOnSignals signals;
    ReportWatcher watcher(data, options);
    return watch_report(watcher, options.output, std::cerr, signals.stop());
}
}  // namespace

Command add_watch_command(CLI::App& app, const GlobalOptions& globals) {
    auto arguments = std::make_shared<WatchArguments>();
    CLI::App* command = app.add_subcommand(
        "watch", "Render one city's Index Report, then again on every save of a file it is made from");
    command->add_option("edition", arguments->edition, "The city's edition file (TOML)")->required()->type_name("FILE");
    add_lang_option(*command, arguments->lang,
                    "Language of the report (default: the project's first language, else en)");
    command->add_option("--out", arguments->output,
                        "Output: FILE.pdf, or a folder (created if missing) for <city>.<lang>.pdf "
                        "(default: the working directory)")
        ->type_name("PATH");
    add_network_option(*command, arguments->network);
    add_as_of_option(*command, arguments->as_of);
    command->footer(
        "Everything the report needs stays loaded between renders; a save reloads only what is made from the "
        "saved file (a locale, the overrides, an edition, the templates). Each render prints its time. A save "
        "with a mistake prints the error and keeps the previous PDF. SIGINT or SIGTERM (Ctrl-C) stops.");
    return {command, [arguments, &globals] { return run_watch(*arguments, globals.locate()); }};
}

}  // namespace icc::cli
