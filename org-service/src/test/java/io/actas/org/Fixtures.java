package io.actas.org;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.actas.support.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Fixture builders for request bodies, and the API calls tests repeat. Names are unique per call. */
public final class Fixtures {

    public static final String READ = "orgs:read";
    public static final String WRITE = "orgs:write";
    public static final String PASSWORD = "correct horse battery";

    private Fixtures() {
    }

    /** A short unique suffix, lower case, for handles and usernames. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String writer() {
        return TestTokens.bearer(WRITE);
    }

    public static String reader() {
        return TestTokens.bearer(READ);
    }

    /** The id of the root organization the bootstrap created. */
    public static String rootId() {
        return given().header("Authorization", reader()).queryParam("handle", "root")
                .get("/api/v1/organizations").then().statusCode(200)
                .extract().jsonPath().getString("items[0].id");
    }

    public static OrganizationBody organization() {
        return new OrganizationBody();
    }

    public static UserBody user() {
        return new UserBody();
    }

    /** {@code POST /api/v1/organizations/{id}/members} and expects 201. */
    public static JsonPath invite(String organizationId, String userId) {
        return created("/api/v1/organizations/" + organizationId + "/members", Map.of("userId", userId));
    }

    /** POSTs {@code body} with an {@code orgs:write} token, expects 201 and a {@code Location} naming the new id. */
    private static JsonPath created(String path, Map<String, Object> body) {
        var response = given().header("Authorization", writer()).contentType(ContentType.JSON).body(body)
                .post(path).then().statusCode(201).extract();
        JsonPath json = response.jsonPath();
        String id = json.getString(json.getString("id") != null ? "id" : "userId");
        if (!response.header("Location").endsWith("/" + id)) {
            throw new AssertionError("Location " + response.header("Location") + " does not name " + id);
        }
        return json;
    }

    /** Builds a {@code POST /api/v1/organizations} body. */
    public static final class OrganizationBody {

        private final Map<String, Object> body = new LinkedHashMap<>();

        OrganizationBody() {
            String handle = unique("org");
            body.put("handle", handle);
            body.put("name", "Organization " + handle);
        }

        public OrganizationBody under(String parentId) {
            body.put("parentId", parentId);
            return this;
        }

        public OrganizationBody handle(String handle) {
            body.put("handle", handle);
            return this;
        }

        public OrganizationBody name(String name) {
            body.put("name", name);
            return this;
        }

        public Map<String, Object> body() {
            return body;
        }

        /** Creates it with an {@code orgs:write} token and expects 201. */
        public JsonPath create() {
            return created("/api/v1/organizations", body);
        }

        public String createId() {
            return create().getString("id");
        }
    }

    /** Builds a {@code POST /api/v1/users} body. */
    public static final class UserBody {

        private final Map<String, Object> body = new LinkedHashMap<>();

        UserBody() {
            String username = unique("user");
            body.put("username", username);
            body.put("email", username + "@example.com");
            body.put("displayName", "User " + username);
            body.put("password", PASSWORD);
        }

        public UserBody in(String organizationId) {
            body.put("organizationId", organizationId);
            return this;
        }

        public UserBody username(String username) {
            body.put("username", username);
            return this;
        }

        public UserBody password(String password) {
            body.put("password", password);
            return this;
        }

        public UserBody status(String status) {
            body.put("status", status);
            return this;
        }

        public String username() {
            return (String) body.get("username");
        }

        public Map<String, Object> body() {
            return body;
        }

        /** Creates it with an {@code orgs:write} token and expects 201. */
        public JsonPath create() {
            return created("/api/v1/users", body);
        }

        public String createId() {
            return create().getString("id");
        }
    }
}
