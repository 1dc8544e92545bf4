package nl.spil.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A tiny Lambda handler for the local cloud's own tests: appends each event (one line) to $ECHO_FILE and returns it. */
public class EchoHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        String line = new String(event, StandardCharsets.UTF_8).replace("\n", " ") + "\n";
        Files.writeString(Path.of(System.getenv("ECHO_FILE")), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        String text = new String(event, StandardCharsets.UTF_8);
        if (text.startsWith("{\"sleepMillis\":")) {
            try {
                Thread.sleep(Long.parseLong(text.replaceAll("\\D", "")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        output.write(event);
    }
}
