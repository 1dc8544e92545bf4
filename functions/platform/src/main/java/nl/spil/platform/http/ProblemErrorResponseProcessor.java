package nl.spil.platform.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.spil.platform.problem.FieldError;
import nl.spil.platform.problem.Problem;

/**
 * Micronaut's own errors (no such route, wrong method, a body it could not bind, a missing
 * parameter) answered as problem+json like every other refusal. Server errors say nothing of
 * the cause: it is in the log, not in the answer.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Map<String, Object>> {

    @Override
    public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        int status = base.code();
        String slug;
        String title;
        String detail;
        List<FieldError> errors = new ArrayList<>();
        if (status == 404) {
            slug = "not-found";
            title = "Not found";
            detail = "there is nothing at " + context.getRequest().getPath();
        } else if (status == 405) {
            slug = "method-not-allowed";
            title = "Method not allowed";
            detail = context.getRequest().getMethodName() + " is not allowed on " + context.getRequest().getPath();
        } else if (status == 413) {
            slug = "too-large";
            title = "Request too large";
            detail = "the request body is too large";
        } else if (status == 415) {
            slug = "unsupported-media-type";
            title = "Unsupported media type";
            detail = "send application/json";
        } else if (status >= 500) {
            slug = "server-error";
            title = "Something went wrong";
            detail = "the request could not be completed; it changed nothing that a retry would repeat";
        } else {
            slug = "invalid-request";
            title = "The request is invalid";
            detail = "the request could not be read";
            for (Error error : context.getErrors()) {
                String field = error.getPath().map(p -> p.startsWith("/") ? p.substring(1) : p).orElse("request");
                String message = error.getMessage();
                if (message != null && message.contains("Empty body")) {
                    message = "a request body is required";
                }
                errors.add(new FieldError(field, message));
            }
            if (errors.size() == 1) {
                detail = errors.get(0).field() + ": " + errors.get(0).message();
            }
        }
        Problem problem = Problem.of(status, slug, title, detail).withErrors(errors);
        MutableHttpResponse<Map<String, Object>> answer = ProblemResponses.of(problem, Map.of());
        base.getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Allow")) {
                values.forEach(v -> answer.header(name, v));
            }
        });
        return answer;
    }
}
