package org.spaprov.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every spaprov command has: picocli's spec of it and the output and error writers of the command
 * line that runs it (tests capture them). {@link #call()} returns the exit code ({@link Cli}).
 */
public abstract class BaseCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    /** Standard output of the running command line. */
    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error of the running command line. */
    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
