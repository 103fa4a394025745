// iccreport build [--network DIR] [--lang en,fr] [--as-of DATE] [--jobs N] [--out DIR] [--dry-run] [--keep-going]
//                 [--only CITY[,CITY...]]
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/stop_signals.h"
#include "driver/build.h"
#include "driver/pipeline.h"

namespace icc::cli {

namespace fs = std::filesystem;

namespace {
struct BuildArguments {
    fs::path network;
    fs::path network_positional;  // `build DIR`, as before --network was everywhere
    std::string langs;  // empty: the project's languages, else en,fr
    std::string as_of;
    unsigned jobs = 0;
    fs::path output;  // empty: the project's output folder, else out
    bool dry_run = false;
    bool keep_going = false;
    bool no_tags = false;
    bool force = false;
    std::vector<std::string> only;  // --only a,b --only c
};

int run_build_command(const BuildArguments& arguments, const DataRoot& data) {
    BuildOptions options;
    if (!arguments.network.empty() && !arguments.network_positional.empty())
        throw DiagnosticError(Diagnostic{Severity::error, {"--network"},
                                         "the network is given twice; expected --network DIR only"});
    options.network = arguments.network.empty() ? arguments.network_positional : arguments.network;
    options.languages = languages_of(arguments.langs, data, /*all_by_default=*/true);
    // Languages asked for are exactly those; by default each city's own come too.
    options.city_languages = arguments.langs.empty();
    if (!arguments.as_of.empty()) options.as_of = parse_date_option(arguments.as_of, "--as-of");
    options.jobs = arguments.jobs;
    options.output = !arguments.output.empty()        ? arguments.output
                     : !data.defaults.output.empty() ? data.defaults.output
                                                     : fs::path("out");
    options.dry_run = arguments.dry_run;
    options.keep_going = arguments.keep_going;
    options.tagged = !arguments.no_tags;
    options.force = arguments.force;
    options.only = arguments.only;
    options.terminal = ::isatty(STDERR_FILENO) != 0;
    StopOnSignals signals;
    const BuildSummary summary = run_build(data, options, std::cout, std::cerr, signals.stop());
    return summary.exit_code();
}
}  // namespace

Command add_build_command(CLI::App& app, const GlobalOptions& globals) {
    auto arguments = std::make_shared<BuildArguments>();
    CLI::App* command = app.add_subcommand(
        "build", "Build the report of every city in every language, rebuilding only what changed");
    // The network folder as a bare argument still works for scripts written before --network; not shown.
    command->add_option("network", arguments->network_positional, "Same as --network")->group("");
    add_network_option(*command, arguments->network);
    add_lang_option(*command, arguments->langs, "Languages of the reports, exactly (default: the project's, else en,fr, and each city's own)");
    add_as_of_option(*command, arguments->as_of);
    command->add_option("--jobs,-j", arguments->jobs, "Parallel reports (default: the number of cores)");
    command->add_option("--out", arguments->output, "Output folder, created if missing (default: the project's, else out)")
        ->type_name("DIR");
    command->add_flag("--dry-run", arguments->dry_run, "List what would be rebuilt and why (whose edition, which locale keys or override entries changed, which figures move, old -> new); write nothing");
    add_no_tags_option(*command, arguments->no_tags);
    command->add_flag("--keep-going", arguments->keep_going,
                      "With invalid network files, build the other cities' reports without those cities");
    command->add_flag("--force", arguments->force,
                      "Build the reports of editions with fewer answers than the report template asks for "
                      "([completeness] in templates/report/index-report.toml) too");
    command->add_option("--only", arguments->only,
                        "Rebuild only these cities' reports (every language and profile), leaving the others as "
                        "they are; repeat it or separate cities by commas")
        ->delimiter(',')
        ->type_name("CITY[,CITY...]");
    return {command, [arguments, &globals] { return run_build_command(*arguments, globals.locate()); }};
}

}  // namespace icc::cli
