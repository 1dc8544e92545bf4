package nl.spil.platform.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import nl.spil.platform.idempotency.IdempotentCreates.Response;

/** Writes views as JSON text, so that an idempotent create can store and replay its answer. */
@Singleton
public final class Json {

    private final JsonMapper mapper;

    public Json(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response created(Object view, String location) {
        return new Response(201, write(view), location);
    }

    public static MutableHttpResponse<String> answer(Response response) {
        MutableHttpResponse<String> http = HttpResponse.<String>status(HttpStatus.valueOf(response.status()))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(response.body());
        if (response.location() != null) {
            http.header("Location", response.location());
        }
        return http;
    }
}
