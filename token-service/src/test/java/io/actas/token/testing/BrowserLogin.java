package io.actas.token.testing;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;

/** A browser on the login page: follows the authorization request, fills the form, reads where it is sent. */
public final class BrowserLogin {

    private static final Pattern HIDDEN = Pattern
            .compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

    private BrowserLogin() {
    }

    /** GET the authorization request; the raw answer (login page, error page or redirect). */
    public static Response open(URI authorizationRequest) {
        return given().redirects().follow(false).urlEncodingEnabled(false).get(authorizationRequest);
    }

    /** Opens the request, submits the login form with the credentials, and returns the answer to the submission. */
    public static Response login(URI authorizationRequest, String username, String password) {
        Response page = open(authorizationRequest);
        if (page.statusCode() != 200) {
            throw new AssertionError("Expected the login page, got " + page.statusCode() + " " + page.asString());
        }
        Map<String, String> form = hiddenFields(page.asString());
        form.put("username", username);
        form.put("password", password);
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(form).post(authorizationRequest.resolve("/oauth2/authorize"));
    }

    /** The redirect a successful login ends with. */
    public static URI loginAndFollow(URI authorizationRequest, String username, String password) {
        Response answer = login(authorizationRequest, username, password);
        if (answer.statusCode() != 302) {
            throw new AssertionError("Expected a redirect, got " + answer.statusCode() + " " + answer.asString());
        }
        return URI.create(answer.header("Location"));
    }

    static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = HIDDEN.matcher(html);
        while (matcher.find()) {
            fields.put(unescape(matcher.group(1)), unescape(matcher.group(2)));
        }
        return fields;
    }

    private static String unescape(String value) {
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
