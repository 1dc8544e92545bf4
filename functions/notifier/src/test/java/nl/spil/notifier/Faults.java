package nl.spil.notifier;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * Faults injected at the SES client, per recipient, before the request leaves the JVM (so a
 * refused call never reaches the local SES): a throttling spell, a 5xx, a permanent refusal, the
 * account's sending paused, its daily quota spent. Counts every SendEmail call per recipient and
 * keeps the configuration set each was sent with.
 */
final class Faults implements ExecutionInterceptor {

    enum Fault { THROTTLE, SERVER_ERROR, REJECT, SENDING_PAUSED, DAILY_QUOTA }

    private final Map<String, Deque<Fault>> planned = new ConcurrentHashMap<>();
    private final Map<String, Fault> forever = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, String> configurationSets = new ConcurrentHashMap<>();

    void plan(String recipient, Fault... faults) {
        planned.computeIfAbsent(recipient, k -> new ArrayDeque<>()).addAll(List.of(faults));
    }

    void always(String recipient, Fault fault) {
        forever.put(recipient, fault);
    }

    void clear(String recipient) {
        forever.remove(recipient);
        planned.remove(recipient);
    }

    /** The configuration set the last SendEmail to this recipient named, if any. */
    String configurationSet(String recipient) {
        return configurationSets.get(recipient);
    }

    int calls(String recipient) {
        AtomicInteger n = calls.get(recipient);
        return n == null ? 0 : n.get();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (!(request instanceof SendEmailRequest send)) {
            return;
        }
        String to = send.destination().toAddresses().get(0);
        calls.computeIfAbsent(to, k -> new AtomicInteger()).incrementAndGet();
        if (send.configurationSetName() != null) {
            configurationSets.put(to, send.configurationSetName());
        }
        Fault fault = forever.get(to);
        if (fault == null) {
            Deque<Fault> queue = planned.get(to);
            synchronized (this) {
                fault = queue == null ? null : queue.poll();
            }
        }
        if (fault != null) {
            throw exception(fault, to);
        }
    }

    private static RuntimeException exception(Fault fault, String to) {
        return switch (fault) {
            case THROTTLE -> TooManyRequestsException.builder().statusCode(429)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("TooManyRequestsException")
                            .errorMessage("Maximum sending rate exceeded.").serviceName("SESv2").build())
                    .message("Maximum sending rate exceeded.").build();
            case SERVER_ERROR -> SesV2Exception.builder().statusCode(503)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ServiceUnavailable")
                            .errorMessage("Service unavailable").serviceName("SESv2").build())
                    .message("Service unavailable").build();
            case SENDING_PAUSED -> SendingPausedException.builder().statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("SendingPausedException")
                            .errorMessage("Sending is paused for this account.").serviceName("SESv2").build())
                    .message("Sending is paused for this account.").build();
            case DAILY_QUOTA -> TooManyRequestsException.builder().statusCode(429)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("TooManyRequestsException")
                            .errorMessage("Daily message quota exceeded.").serviceName("SESv2").build())
                    .message("Daily message quota exceeded.").build();
            case REJECT -> MessageRejectedException.builder().statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("MessageRejected")
                            .errorMessage("Email address is not verified. The following identities failed the check: " + to)
                            .serviceName("SESv2").build())
                    .message("Email address is not verified: " + to).build();
        };
    }
}
