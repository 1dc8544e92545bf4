package nl.spil.testkit;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import nl.spil.localkit.LocalAws;
import nl.spil.localkit.Template;

/**
 * A Lambda {@link Context} for tests: a request id, a deadline (remaining time counts down from
 * the function's timeout), and a logger that prints each line to standard out with the request id.
 */
public final class TestContext implements Context {

    private final String functionName;
    private final String requestId;
    private final int memoryLimitInMB;
    private final long deadlineMillis;
    private final LambdaLogger logger;

    private TestContext(String functionName, String requestId, int memoryLimitInMB, Duration timeout, PrintStream out) {
        this.functionName = functionName;
        this.requestId = requestId;
        this.memoryLimitInMB = memoryLimitInMB;
        this.deadlineMillis = System.currentTimeMillis() + timeout.toMillis();
        this.logger = new PrintingLogger(requestId, out);
    }

    /** A context for {@code "test-function"}, 1024 MB, 20 s, a random request id. */
    public TestContext() {
        this("test-function", UUID.randomUUID().toString(), 1024, Duration.ofSeconds(20), System.out);
    }

    /** A context for a function, with a random request id. */
    public static TestContext forFunction(String functionName, int memoryLimitInMB, Duration timeout) {
        return new TestContext(functionName, UUID.randomUUID().toString(), memoryLimitInMB, timeout, System.out);
    }

    /** A context for a function of template.yaml: its MemorySize and Timeout (Globals applied). */
    public static TestContext forFunction(Template template, String functionLogicalId) {
        Object memory = template.functionProperty(functionLogicalId, "MemorySize");
        Object timeout = template.functionProperty(functionLogicalId, "Timeout");
        return forFunction(functionLogicalId,
                memory == null ? 128 : Integer.parseInt(memory.toString()),
                Duration.ofSeconds(timeout == null ? 3 : Long.parseLong(timeout.toString())));
    }

    /** The same function and limits with a new request id and a fresh deadline. */
    public TestContext next(Duration timeout) {
        return new TestContext(functionName, UUID.randomUUID().toString(), memoryLimitInMB, timeout, System.out);
    }

    /** A context with a chosen request id. */
    public TestContext withRequestId(String id) {
        return new TestContext(functionName, id, memoryLimitInMB,
                Duration.ofMillis(Math.max(0, deadlineMillis - System.currentTimeMillis())), System.out);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "2027/01/01/[$LATEST]" + requestId.replace("-", "");
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT_ID + ":function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitInMB;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    private static final class PrintingLogger implements LambdaLogger {
        private final String requestId;
        private final PrintStream out;

        PrintingLogger(String requestId, PrintStream out) {
            this.requestId = requestId;
            this.out = out;
        }

        @Override
        public void log(String message) {
            out.println("[" + requestId + "] " + message);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }

        @Override
        public void log(String message, LogLevel level) {
            out.println("[" + requestId + "] " + level + " " + message);
        }
    }
}
