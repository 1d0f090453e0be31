package io.actas.policy.rule;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A subject username pattern: {@code glob:test*} (the default when no prefix is given; {@code *} = any run of characters,
 * {@code ?} = one character, the whole username must match) or {@code regex:^test-[0-9]+$} (Java syntax, found anywhere
 * unless anchored). Both match case-insensitively, as usernames are compared in Keycloak and WSO2.
 */
public final class UsernamePattern {

    public static final int MAX_LENGTH = 200;
    private static final String GLOB = "glob:";
    private static final String REGEX = "regex:";

    private final String source;
    private final Pattern pattern;
    private final boolean whole;

    private UsernamePattern(String source, Pattern pattern, boolean whole) {
        this.source = source;
        this.pattern = pattern;
        this.whole = whole;
    }

    /** @throws IllegalArgumentException with a message fit for the caller when the pattern is not valid */
    public static UsernamePattern parse(String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        if (source.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
        }
        if (source.startsWith(REGEX)) {
            String regex = source.substring(REGEX.length());
            if (regex.isEmpty()) {
                throw new IllegalArgumentException("regex: needs an expression");
            }
            try {
                return new UsernamePattern(source, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                        false);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("is not a valid regular expression: " + e.getDescription());
            }
        }
        String glob = source.startsWith(GLOB) ? source.substring(GLOB.length()) : source;
        if (glob.isEmpty()) {
            throw new IllegalArgumentException("glob: needs a pattern");
        }
        return new UsernamePattern(source, Pattern.compile(globToRegex(glob), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                true);
    }

    public boolean matches(String username) {
        if (username == null) {
            return false;
        }
        return whole ? pattern.matcher(username).matches() : pattern.matcher(username).find();
    }

    public String source() {
        return source;
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return regex.toString();
    }

    @Override
    public String toString() {
        return source;
    }
}
