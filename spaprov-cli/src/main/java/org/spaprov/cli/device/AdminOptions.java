package org.spaprov.cli.device;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.spaprov.cli.UserException;
import picocli.CommandLine.Option;

/**
 * The options of every command that talks to the admin API (a picocli mixin): where ({@code --admin},
 * else {@value #URL_ENV}, else {@value #DEFAULT_URL}) and with which token ({@code --token-file}, else
 * {@value #TOKEN_ENV}).
 */
public final class AdminOptions {
    /** The environment variable with the admin URL. */
    public static final String URL_ENV = "SPAPROV_ADMIN_URL";
    /** The environment variable with the token (the one {@code serve} reads too). */
    public static final String TOKEN_ENV = "SPAPROV_ADMIN_TOKEN";
    /** The admin API of a local {@code spaprov serve --admin-port 9090}, the port the docs use. */
    public static final String DEFAULT_URL = "http://127.0.0.1:9090";

    @Option(names = "--admin", paramLabel = "URL",
            description = "The server's admin API (default: $" + URL_ENV + ", else " + DEFAULT_URL + ").")
    String admin;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the admin token (default: $" + TOKEN_ENV + ").")
    Path tokenFile;

    /** A client for these options and the process environment. */
    public AdminClient client() {
        return client(System.getenv());
    }

    /** A client for these options and {@code env}. */
    public AdminClient client(Map<String, String> env) {
        String url = admin != null ? admin : env.getOrDefault(URL_ENV, DEFAULT_URL);
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw UserException.usage("--admin: not a URL: " + url);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw UserException.usage("--admin: expected http://HOST:PORT, got " + url);
        }
        String token;
        if (tokenFile != null) {
            try {
                token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw UserException.invalid("--token-file " + tokenFile + ": cannot read: " + e.getMessage());
            }
            if (token.isEmpty()) {
                throw UserException.invalid("--token-file " + tokenFile + " is empty");
            }
        } else {
            token = env.getOrDefault(TOKEN_ENV, "").strip();
            if (token.isEmpty()) {
                throw UserException.usage("no admin token: set " + TOKEN_ENV + " or pass --token-file FILE");
            }
        }
        return new AdminClient(uri, token);
    }
}
