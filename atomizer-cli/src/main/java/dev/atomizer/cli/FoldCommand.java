package dev.atomizer.cli;

import dev.atomizer.api.AtomizerException;
import picocli.CommandLine.Command;

@Command(
        name = "fold",
        header = "Fold the inbox's entries into the log (the bot does, on main).",
        description = {
            "Append every file of shared/inbox/ to the log in name (time) order, each byte for byte,",
            "and delete the inbox files, in the working tree: commit the result ('atomizer publish'",
            "folds before it regenerates, in its own commit). Exit 0 with 'nothing to fold' when the",
            "inbox is empty."
        })
final class FoldCommand extends CommandBase {

    @Override
    public Integer call() throws AtomizerException {
        dev.atomizer.api.Folded o = atomizer().fold();
        if (o.folded().isEmpty()) {
            main.err.println("atomizer: nothing to fold");
            return Main.OK;
        }
        for (String path : o.folded()) {
            main.err.println("atomizer: folded " + path);
        }
        int n = o.folded().size();
        main.err.println("atomizer: " + n + (n == 1 ? " entry" : " entries") + " folded into " + o.log()
                + "; commit the log and the inbox together");
        return Main.OK;
    }
}
