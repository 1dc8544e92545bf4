package nl.spil.platform.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spil.platform.problem.FieldError;
import nl.spil.platform.problem.Problem;
import nl.spil.platform.problem.ProblemException;

/** Builds application/problem+json responses (RFC 9457). */
public final class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemResponses() {
    }

    public static MutableHttpResponse<Map<String, Object>> of(ProblemException e) {
        return of(e.problem(), e.extensions());
    }

    public static MutableHttpResponse<Map<String, Object>> of(Problem problem, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : problem.errors()) {
            errors.add(Map.of("field", error.field(), "message", error.message()));
        }
        body.put("errors", errors);
        extensions.forEach(body::putIfAbsent);
        return HttpResponse.<Map<String, Object>>status(HttpStatus.valueOf(problem.status()))
                .contentType(MEDIA_TYPE)
                .body(body);
    }
}
