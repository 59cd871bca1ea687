package dev.atomizer.cli;

import java.util.concurrent.Callable;

/**
 * A command of the command line: {@link Main}'s picocli factory hands every one the shared streams,
 * environment and working directory before it runs.
 */
abstract class CommandBase implements Callable<Integer> {

    /** The run this command belongs to; set by the factory. */
    Main main;

    /** The façade for the working directory, with no severity overrides. */
    dev.atomizer.Atomizer atomizer() {
        return dev.atomizer.Atomizer.at(main.cwd, java.util.Map.of());
    }

    /** Prints what a use case did, one line each; exit code 0. */
    int done(java.util.List<String> lines) {
        lines.forEach(main.out::println);
        return Main.OK;
    }
}
