package io.actas.token.testing;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

/** Switches the stubbed org-service and policy-service ({@link StubbedUpstreams}). */
public final class Stubs {

    private Stubs() {
    }

    /** Answer normally. */
    public static void up() {
        mode("up");
    }

    /** Answer every call with 503. */
    public static void down() {
        mode("down");
    }

    /** Never answer. */
    public static void hang() {
        mode("hang");
    }

    /** The impersonation decision's session limit, in seconds. */
    public static void maxSessionSeconds(int seconds) {
        given().baseUri(url()).post("/_stub/policy/max-session/" + seconds).then().statusCode(204);
    }

    /** Whether the impersonation decision allows refresh tokens. */
    public static void refreshAllowed(boolean allowed) {
        given().baseUri(url()).post("/_stub/policy/refresh/" + allowed).then().statusCode(204);
    }

    /** The rule's {@code grants.scopes}: the decision grants no scope beyond these. */
    public static void ruleGrants(String... scopes) {
        given().baseUri(url()).post("/_stub/policy/grants/" + String.join(",", scopes)).then().statusCode(204);
    }

    /** Organization switches are denied by the policy with this reason code (a deny rule: {@code denied_by_rule}). */
    public static void denySwitches(String reasonCode) {
        given().baseUri(url()).post("/_stub/policy/deny-switch/" + reasonCode).then().statusCode(204);
    }

    /** The impersonation decision's defaults again. */
    public static void resetPolicy() {
        given().baseUri(url()).post("/_stub/policy-reset").then().statusCode(204);
    }

    public static void userStatus(String userId, String status) {
        given().baseUri(url()).post("/_stub/users/" + userId + "/status/" + status).then().statusCode(204);
    }

    /** The Authorization header of the last call token-service made. */
    public static String lastAuthorization() {
        return given().baseUri(url()).get("/_stub/last-authorization").then().statusCode(200).extract().asString();
    }

    private static void mode(String mode) {
        given().baseUri(url()).post("/_stub/mode/" + mode).then().statusCode(204);
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue("stub.upstream.url", String.class);
    }
}
