package nl.spil.testkit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.spil.localkit.Repo;

/**
 * Sample events from the repository's {@code events/} folder, read into the
 * aws-lambda-java-events type a test asks for ({@code APIGatewayV2HTTPEvent}, {@code DynamodbEvent},
 * {@code ScheduledEvent}…) with the same serializers the Lambda Java runtime uses
 * ({@code aws-lambda-java-serialization}).
 */
public final class Events {

    private Events() {
    }

    /** The repository's {@code events/} folder. */
    public static Path folder() {
        return Repo.path("events");
    }

    /**
     * Loads {@code events/<name>} (e.g. {@code "directory/get-me.json"}); when the repository has no
     * such file, a classpath resource {@code events/<name>} or {@code <name>}.
     */
    public static <T> T load(String name, Class<T> type) {
        Path file = folder().resolve(name);
        if (Files.isRegularFile(file)) {
            return load(file, type);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (String resource : new String[] {"events/" + name, name}) {
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in != null) {
                    return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), type);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalArgumentException("No event " + name + ": neither " + file
                + " nor a classpath resource events/" + name + " exists");
    }

    /** Loads an event file. */
    public static <T> T load(Path file, Class<T> type) {
        try {
            return fromJson(Files.readString(file), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Cannot read " + file + " as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Reads event JSON as Lambda would. */
    public static <T> T fromJson(String json, Class<T> type) {
        return serializer(type).fromJson(json);
    }

    /** Writes an event as Lambda's JSON. */
    @SuppressWarnings("unchecked")
    public static String toJson(Object event) {
        PojoSerializer<Object> serializer = (PojoSerializer<Object>) serializer(event.getClass());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(event, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A deep copy (through JSON), to change an event without touching the one it came from. */
    @SuppressWarnings("unchecked")
    public static <T> T copy(T event) {
        return fromJson(toJson(event), (Class<T>) event.getClass());
    }

    /** An HTTP API (payload 2.0) event from {@code events/<name>}, ready to change. */
    public static HttpEvent http(String name) {
        return HttpEvent.of(load(name, APIGatewayV2HTTPEvent.class));
    }

    private static <T> PojoSerializer<T> serializer(Class<T> type) {
        return LambdaEventSerializers.serializerFor(type, Events.class.getClassLoader());
    }
}
