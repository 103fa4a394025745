// iccreport manual --man-dir DIR --bash-completion FILE: writes the man pages
// and the completion script from the command definitions (cli/manual.h). The
// build runs it; it is hidden from --help, being of no use to a reader.
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/manual.h"
#include "support/atomic_file.h"

namespace icc::cli {

namespace fs = std::filesystem;

namespace {
struct ManualOptions {
    fs::path man_dir;
    fs::path completion;
};

int run_manual(const ManualOptions& options, const CLI::App& app) {
    if (!options.man_dir.empty()) {
        fs::create_directories(options.man_dir);
        write_file_atomically(options.man_dir / "iccreport.1", main_man_page(app));
        for (const CLI::App* command : app.get_subcommands([](const CLI::App* sub) { return !sub->get_group().empty(); }))
            write_file_atomically(options.man_dir / ("iccreport-" + command->get_name() + ".1"),
                                  command_man_page(app, *command));
    }
    if (!options.completion.empty()) {
        if (options.completion.has_parent_path()) fs::create_directories(options.completion.parent_path());
        write_file_atomically(options.completion, bash_completion(app));
    }
    return 0;
}
}  // namespace

Command add_manual_command(CLI::App& app, const GlobalOptions&) {
    auto options = std::make_shared<ManualOptions>();
    CLI::App* command = app.add_subcommand("manual", "Write the man pages and the bash completion");
    command->group("");  // hidden: the build's, not the reader's
    command->add_option("--man-dir", options->man_dir, "Folder for iccreport.1 and iccreport-<command>.1")
        ->type_name("DIR");
    command->add_option("--bash-completion", options->completion, "File for the bash completion script")
        ->type_name("FILE");
    return {command, [options, &app] { return run_manual(*options, app); }};
}

}  // namespace icc::cli
