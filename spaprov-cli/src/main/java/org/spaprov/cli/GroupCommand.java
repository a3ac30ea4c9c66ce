package org.spaprov.cli;

/**
 * A command that only groups verbs ({@code spaprov profile}, {@code rule}, ...): given no verb, it prints
 * its help on standard error and exits with a usage error.
 */
public abstract class GroupCommand extends BaseCommand {
    @Override
    public Integer call() {
        spec.commandLine().usage(err());
        return Cli.USAGE;
    }
}
