package org.spaprov.cli.server;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Set;
import org.spaprov.cli.BaseCommand;
import org.spaprov.cli.Cli;
import org.spaprov.cli.GroupCommand;
import org.spaprov.cli.UserException;
import org.spaprov.server.admin.AdminTokens;
import org.spaprov.server.admin.Scope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spaprov admin <verb>}: the admin API's own settings. The one verb today is {@code token create}. */
@Command(name = "admin",
        description = "Settings of the admin API: its scoped tokens.",
        mixinStandardHelpOptions = true,
        subcommands = {AdminCommand.Token.class},
        commandListHeading = "%nCommands:%n",
        exitCodeList = {"0:ok", "1:invalid input", "2:usage error"},
        footer = {"  spaprov admin token create --scopes read,push --name ops --data mysite/.data"})
public final class AdminCommand extends GroupCommand {
    /** {@code spaprov admin token <verb>}. */
    @Command(name = "token",
            description = "Scoped tokens of the admin API, kept hashed in DATA/" + AdminTokens.FILE_NAME + ".",
            mixinStandardHelpOptions = true,
            subcommands = {Create.class},
            commandListHeading = "%nCommands:%n",
            exitCodeList = {"0:ok", "1:invalid input", "2:usage error"},
            footer = {"  spaprov admin token create --scopes read --name grafana --data mysite/.data"})
    public static final class Token extends GroupCommand {
    }

    /** {@code spaprov admin token create}: issues a token and prints it once. */
    @Command(name = "create",
            description = {"Issue an admin API token with the given scopes and print it, once.", "",
                    "Scopes: read (devices, events, metrics), write (add, replace, remove and import devices), "
                            + "push (make devices resync, report or reboot). The data directory keeps only the "
                            + "token's SHA-256, its scopes and its name, one line each in " + AdminTokens.FILE_NAME
                            + " (owner-only); a running server picks a new line up at once, and deleting the line "
                            + "revokes the token. The token of $SPAPROV_ADMIN_TOKEN (or admin.token) keeps every scope."},
            mixinStandardHelpOptions = true,
            exitCodeList = {"0:created (the token is the only line on standard output)",
                    "1:the name is taken or invalid, or the file cannot be written", "2:usage error"},
            footer = {"  spaprov admin token create --scopes read,push --name ops --data mysite/.data",
                    "  spaprov admin token create --scopes read --name grafana --data /var/lib/spaprov > grafana.token"})
    public static final class Create extends BaseCommand {
        @Option(names = "--scopes", required = true, paramLabel = "LIST",
                description = "Comma-separated scopes: read, write, push.")
        String scopes;

        @Option(names = "--name", required = true, paramLabel = "NAME",
                description = "What the token is for (1..64 of A-Z a-z 0-9 _ . -), unique in the file.")
        String name;

        @Option(names = "--data", required = true, paramLabel = "DIR",
                description = "The server's data directory (default of serve: SITE/.data).")
        Path data;

        @Override
        public Integer call() {
            Set<Scope> parsed;
            try {
                parsed = Scope.parseList(scopes);
            } catch (IllegalArgumentException e) {
                throw UserException.usage("--scopes: " + e.getMessage());
            }
            String token;
            try {
                token = new AdminTokens(data).create(parsed, name, new SecureRandom());
            } catch (IllegalArgumentException e) {
                throw UserException.invalid(e.getMessage());
            } catch (IOException e) {
                throw UserException.invalid(e.getMessage());
            }
            out().println(token);
            out().flush();
            err().println("spaprov: token '" + name + "' (" + Scope.format(parsed) + ") added to " + data.resolve(
                    AdminTokens.FILE_NAME) + "; it is not shown again");
            err().flush();
            return Cli.OK;
        }
    }
}
