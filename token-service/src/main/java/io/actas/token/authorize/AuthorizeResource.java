package io.actas.token.authorize;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.actas.token.oauth.OAuthErrors;
import io.actas.token.oauth.OAuthException;
import io.actas.token.oauth.OAuthParameters;
import io.actas.token.upstream.UpstreamUnavailableException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The authorization endpoint (RFC 6749 §3.1) with a plain server-rendered login page. GET (or a POST without
 * credentials) validates the request and shows the form; the form posts back here with {@code username} and
 * {@code password} and the request's parameters.
 */
@Path("/oauth2/authorize")
@Tag(name = "OAuth 2.0")
public class AuthorizeResource {

    private static final Logger LOG = Logger.getLogger(AuthorizeResource.class);

    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    /** The Curity flow's "act as (optional)" form: its one-time prompt, the chosen user, the reason. */
    static final String PROMPT = "prompt_id";
    static final String ACT_AS = "act_as";
    static final String REASON = "reason";
    /** Form fields that are the login, not the authorization request. */
    private static final Set<String> LOGIN_FIELDS = Set.of(USERNAME, PASSWORD, PROMPT, ACT_AS);
    static final String NOT_ALLOWED = "You cannot act as this user.";
    static final String SIGN_IN_AGAIN = "Please sign in again.";

    static final String WRONG_CREDENTIALS = "The username or password is incorrect.";
    static final String TRY_AGAIN_LATER = "Signing in is not possible right now. Please try again later.";

    private final AuthorizationService service;

    public AuthorizeResource(AuthorizationService service) {
        this.service = service;
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance login(String clientName, List<Field> fields, String username, String message);

        static native TemplateInstance error(String error, String description);

        static native TemplateInstance prompt(String clientName, List<Field> fields, String prompt, String actAs,
                String reason, String message);
    }

    /** A hidden form field carrying one parameter of the authorization request. */
    public record Field(String name, String value) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Start an authorization code flow", description = "response_type=code, PKCE S256 (required "
            + "for public clients), OIDC nonce and login_hint. Shows the login page.")
    @APIResponse(responseCode = "200", description = "The login page")
    @APIResponse(responseCode = "302", description = "RFC 6749 §4.1.2.1 error sent to the registered redirect URI")
    @APIResponse(responseCode = "400", description = "Unknown client or unregistered redirect URI: shown, not redirected")
    public Uni<Response> authorize(@Context UriInfo uri) {
        return start(OAuthParameters.of(uri.getQueryParameters()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Authorization request by POST, or the login form's submission")
    @APIResponse(responseCode = "200", description = "The login page (again, with a message when the login failed)")
    @APIResponse(responseCode = "302", description = "To the redirect URI with a code, or with an error")
    @APIResponse(responseCode = "400", description = "Unknown client or unregistered redirect URI: shown, not redirected")
    @APIResponse(responseCode = "503", description = "org-service or policy-service did not answer: try again later")
    public Uni<Response> submit(MultivaluedMap<String, String> form) {
        if (form.containsKey(PROMPT)) {
            return answerPrompt(form);
        }
        if (!form.containsKey(USERNAME)) {
            return start(OAuthParameters.of(form));
        }
        String username = form.getFirst(USERNAME);
        String password = form.getFirst(PASSWORD);
        LOGIN_FIELDS.forEach(form::remove);
        return Uni.createFrom().deferred(() -> service.validate(OAuthParameters.of(form)))
                .flatMap(request -> username == null || username.isBlank() || password == null || password.isEmpty()
                        ? Uni.createFrom().item(loginPage(request, username, WRONG_CREDENTIALS, 200))
                        : service.login(request, username.trim(), password)
                                .map(outcome -> outcome.map(next -> next.prompt() != null
                                        ? promptPage(request, next.prompt(), null, null, null, 200)
                                        : found(next.redirect()))
                                        .orElseGet(() -> loginPage(request, username, WRONG_CREDENTIALS, 200)))
                                .onFailure(UpstreamUnavailableException.class)
                                .recoverWithItem(() -> loginPage(request, username, TRY_AGAIN_LATER, 503)))
                .onFailure().recoverWithItem(this::failure);
    }

    /**
     * The Curity flow: the person answered "act as (optional)". A denial shows the prompt again with one vague message;
     * an unknown, used or expired prompt starts the login over.
     */
    private Uni<Response> answerPrompt(MultivaluedMap<String, String> form) {
        String prompt = form.getFirst(PROMPT);
        Optional<String> actAs = Optional.ofNullable(form.getFirst(ACT_AS)).map(String::strip).filter(v -> !v.isEmpty());
        Optional<String> reason = Optional.ofNullable(form.getFirst(REASON)).map(String::strip).filter(v -> !v.isEmpty());
        LOGIN_FIELDS.forEach(form::remove);
        form.remove(REASON);
        return Uni.createFrom().deferred(() -> service.validate(OAuthParameters.of(form)))
                .flatMap(request -> service.answerPrompt(request, prompt, actAs, reason)
                        .map(outcome -> outcome.map(next -> found(next.redirect()))
                                .orElseGet(() -> loginPage(request, null, SIGN_IN_AGAIN, 200)))
                        .onFailure(OAuthException.class).recoverWithItem(failure -> {
                            boolean unavailable = OAuthErrors.TEMPORARILY_UNAVAILABLE
                                    .equals(((OAuthException) failure).error());
                            return promptPage(request, prompt, actAs.orElse(null), reason.orElse(null),
                                    unavailable ? TRY_AGAIN_LATER : NOT_ALLOWED, unavailable ? 503 : 403);
                        })
                        .onFailure(UpstreamUnavailableException.class).recoverWithItem(() -> promptPage(request, prompt,
                                actAs.orElse(null), reason.orElse(null), TRY_AGAIN_LATER, 503)))
                .onFailure().recoverWithItem(this::failure);
    }

    private Uni<Response> start(OAuthParameters parameters) {
        return Uni.createFrom().deferred(() -> service.validate(parameters))
                .map(request -> loginPage(request, request.loginHint(), null, 200))
                .onFailure().recoverWithItem(this::failure);
    }

    private Response failure(Throwable failure) {
        if (failure instanceof AuthorizationException e) {
            if (e.redirectUri() != null) {
                return found(service.errorRedirect(e));
            }
            return page(Templates.error(e.error(), e.description()), 400);
        }
        if (failure instanceof UpstreamUnavailableException) {
            return page(Templates.error(OAuthErrors.TEMPORARILY_UNAVAILABLE, TRY_AGAIN_LATER), 503);
        }
        LOG.error("Unexpected failure at the authorization endpoint", failure);
        return page(Templates.error(OAuthErrors.SERVER_ERROR, "Something went wrong. Please try again later."), 500);
    }

    private static Response loginPage(AuthorizationRequest request, String username, String message, int status) {
        List<Field> fields = request.parameters().entrySet().stream()
                .filter(entry -> !LOGIN_FIELDS.contains(entry.getKey()))
                .map(entry -> new Field(entry.getKey(), entry.getValue()))
                .toList();
        return page(Templates.login(request.client().name, fields, username, message), status);
    }

    private static Response promptPage(AuthorizationRequest request, String prompt, String actAs, String reason,
            String message, int status) {
        List<Field> fields = request.parameters().entrySet().stream()
                .filter(entry -> !LOGIN_FIELDS.contains(entry.getKey()) && !REASON.equals(entry.getKey()))
                .map(entry -> new Field(entry.getKey(), entry.getValue()))
                .toList();
        return page(Templates.prompt(request.client().name, fields, prompt, actAs, reason, message), status);
    }

    /** HTML pages are never cached nor framed (clickjacking), and do not leak the request in a Referer. */
    private static Response page(TemplateInstance page, int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page.render())
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                        + "frame-ancestors 'none'")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    private static Response found(String location) {
        return Response.status(Response.Status.FOUND).location(URI.create(location))
                .header("Cache-Control", "no-store").build();
    }
}
